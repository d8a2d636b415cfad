"""The entity slot (claimx.assembly.slots.entity) on hand-built Docs and parsed sentences of our own."""

from __future__ import annotations

import pytest

from claimx.assembly.slots.entity import entity, entity_in_phrase
from claimx.assembly.slots.kind import kind
from claimx.assembly.slots.metric import metric
from tests.conftest import one
from tests.slot_docs import china_output, context, draft, orion_operates, tapes_hold


def _entity(builder):
    doc, qs = builder()
    ctx = context(doc, qs)
    k = kind(ctx).kind
    m = metric(ctx, k, {})
    return entity(ctx, draft(ctx, kind=k, metric=m.metric), m.head), ctx


def test_a_named_possessor_of_the_metric_is_the_entity():
    res, _ = _entity(china_output)
    assert res.entity == {"text": "China", "start_char": 0, "end_char": 5, "inferred": False}


def test_the_named_subject_of_an_action_is_the_entity():
    res, _ = _entity(orion_operates)
    assert res.entity["text"] == "Orion" and res.entity["inferred"] is False


def test_a_pronoun_possessor_leaves_the_entity_to_the_discourse_pass():
    res, _ = _entity(tapes_hold)
    assert res.entity is None and res.pronoun is True


def test_entity_in_phrase_reports_a_pronoun_possessor():
    doc, qs = tapes_hold()
    ctx = context(doc, qs)
    assert entity_in_phrase(ctx.state, doc[1], ctx.tokens) == {"pronoun": True}


# the attribution's source is never the entity (issue 11), two sentences of that kind
def test_a_reporting_ministry_is_not_the_entity(extractor):
    c = one(extractor.extract("The ministry said imports rose 6% in May."), "6%")
    assert c.attribution is not None and "ministry" in c.attribution.text
    assert c.entity is None or "ministry" not in c.entity.text


def test_a_central_bank_cited_is_not_the_entity(extractor):
    c = one(extractor.extract("According to the central bank, lending in Chile grew 3.1% last year."), "3.1%")
    assert c.attribution is not None and "central bank" in c.attribution.text
    assert c.entity is None or "central bank" not in c.entity.text


# ...unless the figure is the source's own, by a possessive pronoun ("Toyota said that its output ...")
def test_a_carmaker_reporting_its_deliveries_is_the_entity(extractor):
    c = one(extractor.extract("Sales are also rising. Brenmark said on Monday that its domestic deliveries grew by 14% "
                              "in October, as demand in Poland picked up."), "14%")
    assert c.attribution is not None and c.attribution.text == "Brenmark said"
    assert c.entity is not None and c.entity.text == "Brenmark"


def test_a_steelmaker_reporting_its_shipments_is_the_entity(extractor):
    c = one(extractor.extract("Exports held up. Halvor Steel reported that its European shipments fell 6% in the "
                              "quarter, while prices in Germany eased."), "6%")
    assert c.entity is not None and c.entity.text == "Halvor Steel"


# ...but a forecaster named as the subject of its own expectation may be (docs/GOLD.md)
def test_a_company_forecasting_its_sales_is_the_entity(extractor):
    c = one(extractor.extract("Acme Foods now expects net sales to grow 7% this year."), "7%")
    assert c.entity is not None and c.entity.text == "Acme Foods"


def test_a_bank_forecasting_its_profit_is_the_entity(extractor):
    c = one(extractor.extract("Nordbank expects its net profit to rise 4% in 2026."), "4%")
    assert c.entity is not None and c.entity.text == "Nordbank"


# "respectively" over two runs of coordinated quantities: each run takes the names in order
def test_a_list_of_changes_after_a_list_of_levels_takes_the_names_in_order(extractor):
    claims = extractor.extract("Sales at Norrland Foods, Baltica Dairy and Vesta Mills reached $4.2 billion, "
                               "$2.9 billion and $1.1 billion, up 3.4%, 6.1% and 2.2% respectively.")
    assert one(claims, "6.1%").entity.text == "Baltica Dairy"
    assert one(claims, "$1.1 billion").entity.text == "Vesta Mills"


def test_both_runs_of_a_respectively_list_take_the_countries(extractor):
    claims = extractor.extract("Exports from Chile, Peru and Bolivia came to 410,000, 290,000 and 55,000 tonnes, "
                               "down 1.5%, 4.0% and 7.5% respectively.")
    assert one(claims, "4.0%").entity.text == "Peru"
    assert one(claims, "7.5%").entity.text == "Bolivia"


# coordinated common nouns before "respectively" are what is measured, unless they are measures
def test_coordinated_segments_are_the_entities_of_a_respectively_list(extractor):
    claims = extractor.extract("In 2024, copper and zinc are forecast to remain the largest segments, "
                               "growing 8.2% and 5.9% respectively.")
    assert one(claims, "5.9%").entity.text == "zinc"


def test_coordinated_devices_are_the_entities_of_a_respectively_list(extractor):
    claims = extractor.extract("Last year, tablets and laptops made up 31% and 22% of shipments respectively.")
    c = one(claims, "22%")
    assert c.entity.text == "laptops" and c.metric.text == "shipments"


# a gapped verb: the noun phrase before the quantity is its entity, the measure is shared
def test_a_gapped_list_of_sectors_takes_each_sector(extractor):
    claims = extractor.extract("Hospitals must cut their energy use by 15%, schools by 10% and offices by 20%.")
    c = one(claims, "10%")
    assert c.entity.text == "schools" and c.metric.text == "energy use"
    assert one(claims, "20%").entity.text == "offices"


def test_a_gapped_list_of_countries_takes_each_country(extractor):
    c = one(extractor.extract("Austria recorded 3,412 cases, Slovenia 1,208 and Croatia 977."), "1,208")
    assert c.entity.text == "Slovenia" and c.metric.text == "cases"


# a gapped measure word is the metric, not the entity
def test_a_gapped_profit_is_a_second_metric_of_the_same_firm(extractor):
    c = one(extractor.extract("In 2023 the firm's revenue was 3.1 billion kroner and its operating profit "
                              "420 million kroner."), "420 million kroner")
    assert c.metric.text == "operating profit" and c.entity.text == "the firm"


def test_a_gapped_loss_is_a_second_metric_of_the_same_airline(extractor):
    c = one(extractor.extract("Last year Kestrel Air's revenue was $2.3 billion and its net loss $140 million."),
            "$140 million")
    assert c.metric.text == "net loss" and c.entity.text.startswith("Kestrel Air")


# ...and a forecaster of something else ("The OECD expects inflation to slow") is only the source, even
# when the article names it often: the claim is about the article's place (issue 11)
def test_a_fund_forecasting_a_countrys_inflation_is_not_the_entity(extractor):
    c = one(extractor.extract("Moldova's economy slows as the IMF trims its outlook\n\nMoldova's growth was weak last "
                              "year, and prices in Moldova stayed high. The IMF expects inflation to ease to 4.5% in 2026."),
            "4.5%")
    assert c.attribution is not None and "IMF" in c.attribution.text
    assert c.entity is not None and c.entity.text == "Moldova"


def test_an_agency_forecasting_a_price_is_not_the_entity(extractor):
    c = one(extractor.extract("Chile's lithium exports cool as Cochilco trims outlook\n\nChile sold less lithium this "
                              "year, and mines in Chile cut shifts. Cochilco forecasts the average price to drop 8% in 2026."),
            "8%")
    assert c.attribution is not None and "Cochilco" in c.attribution.text
    assert c.entity is not None and c.entity.text == "Chile"


# a phrase that stands for a figure or a development ("The upgrade", "The shortfall") is no entity:
# the claim is about the article's subject
def test_an_upgrade_is_not_the_entity_the_company_is(extractor):
    c = one(extractor.extract("Brennick Mining lifts its forecast\n\nBrennick Mining said on Tuesday that its mines ran "
                              "at full capacity. The upgrade rests on gold production of 410,000 ounces in the year."),
            "410,000 ounces")
    assert c.entity is not None and c.entity.text == "Brennick Mining"


def test_a_shortfall_is_not_the_entity_the_railway_is(extractor):
    c = one(extractor.extract("Pellham Rail misses its targets\n\nPellham Rail said on Friday that passenger numbers "
                              "were weak. The shortfall reached 340 million pounds in the year."), "340 million pounds")
    assert c.entity is not None and c.entity.text == "Pellham Rail"


def test_a_projection_is_not_the_entity_the_bank_is(extractor):
    c = one(extractor.extract("Tarrow Bank lifts its outlook\n\nTarrow Bank said on Tuesday that lending was strong. "
                              "The projection rests on loan growth of 6% next year."), "6%")
    assert c.entity is not None and c.entity.text == "Tarrow Bank"


@pytest.mark.parametrize("text, entities", [
    ("Coffee yields diverged by country. Kenya again had the highest yield, at 4.1 tonnes per hectare, while farms "
     "in Uganda and Tanzania harvested 12% and 18% less, respectively.", {"12%": "Uganda", "18%": "Tanzania"}),
    ("Fares rose across the network. Lisbon had the cheapest ticket, at 1.90 euros, and fares in Porto and Braga "
     "were 15% and 22% higher, respectively.", {"15%": "Porto", "22%": "Braga"}),
])
def test_a_respectively_list_after_the_sentences_first_quantity_gives_each_its_entity(extractor, text, entities):
    # the list ("Uganda and Tanzania") follows another quantity of the sentence: the run of
    # coordinated quantities takes the nearest list of its length before it
    claims = {c.quantity.text: c for c in extractor.extract(text)}
    for q, ent in entities.items():
        assert claims[q].entity is not None and claims[q].entity.text == ent


@pytest.mark.parametrize("text, quantity, group", [
    ("Poverty fell across Velmora last year. Among households headed by pensioners, the rate dropped to 11.4%.",
     "11.4%", "households"),
    ("Ardenia's labour market cooled. For women aged 55 to 64, the participation rate edged down to 61%.",
     "61%", "women"),
    ("Velmora's census was published on Monday. Among adults in rural areas, the share fell to 22%.", "22%", "adults"),
])
def test_a_fronted_for_or_among_phrase_names_the_group_of_a_measure_subject(extractor, text, quantity, group):
    # the subject ("the rate", "the share") is only the measure: the group the clause opens with
    # is what the figure is about, not the country of the sentence before
    c = one(extractor.extract(text), quantity)
    assert c.entity is not None and c.entity.text == group and c.entity.inferred is False


# a figure in parentheses after each item of a list is that item's ("Retail trade (+122,000),
# construction (+110,000) and ..."): the item runs from the previous parenthesis (issue 11). Known gap:
# a sentence pass doing this raised tune entity by 4 claims with check unchanged, but refitting the
# slot weights without those claims' candidates lowered check, so the assembly does not do it
# parenthesised list items: the fixed binding pass after the chooser (claimx.assembly.bindings)
def test_parenthesised_job_gains_belong_to_each_sector(extractor):
    cs = extractor.extract("Hiring rose in June. Manufacturing (+41,000), transport and warehousing (+23,000) and "
                           "finance, insurance and real estate (+9,000) led the gains.")
    got = {c.quantity.text: c.entity.text if c.entity else None for c in cs}
    assert got == {"+41,000": "Manufacturing", "+23,000": "transport and warehousing",
                   "+9,000": "finance, insurance and real estate"}


def test_parenthesised_export_growth_belongs_to_each_product(extractor):
    cs = extractor.extract("Exports grew last year. Coffee (+14%), fresh flowers (+9%) and tea, spices and nuts (+6%) "
                           "drove the rise.")
    got = {c.quantity.text: c.entity.text if c.entity else None for c in cs}
    assert got == {"+14%": "Coffee", "+9%": "fresh flowers", "+6%": "tea, spices and nuts"}


PERFUME = """Velmora shoppers splash out on scent

Velmora retailers expect a strong season. Shoppers in Velmora are spending more.

Perfume spending is forecast at $2.1 billion, an increase of 4%."""

DESSERT = """Kestland diners eat out more

Kestland restaurants report fuller tables. Diners in Kestland ordered more.

Dessert spending is forecast at $640 million, an increase of 7%."""


@pytest.mark.parametrize("text, quantity, topic, word", [
    (PERFUME, "$2.1 billion", "Velmora", "Perfume"),
    (DESSERT, "$640 million", "Kestland", "Dessert"),
])
def test_a_capitalised_common_noun_the_ner_labels_is_no_name(extractor, text, quantity, topic, word):
    # "Perfume spending": the NER labels the sentence's first word a place or a person, the tagger
    # a common noun; it is no named candidate and does not keep the article's name out
    from claimx.assembly import ranker

    ranker.RECORDER = []
    try:
        claims = extractor.extract(text)
        cands = next(d["candidates"] for d in ranker.RECORDER if d["slot"] == "entity" and d["quantity"]["text"] == quantity)
    finally:
        ranker.RECORDER = None
    texts = {m["text"]: f for m, f in cands}
    assert topic in texts and texts[topic].get("src=article") == 1.0
    assert not any(f.get("src=ent") for m, f in cands if m["text"] == word)
    # which of the topic and "Perfume spending" (or its modifier "Perfume", the same entity under the
    # scorer's containment rule) wins is the fitted chooser's call; the rule only puts both before it
    claim = next(c for c in claims if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text in (topic, f"{word} spending", word)


@pytest.mark.parametrize("text, entities", [
    ("Velmora's labour market cooled in 2024. The participation rate among women climbed to 76%, while that of "
     "men stayed at 80%.", {"76%": "women", "80%": "men"}),
    ("Ardenia published its census on Monday. The employment rate among graduates rose to 88% in 2023, while that "
     "of school leavers stayed at 71%.", {"88%": "graduates", "71%": "school leavers"}),
])
def test_an_among_phrase_on_the_measure_and_that_of_name_the_groups(extractor, text, entities):
    # "the rate among women", "that of men": the group the figure holds for, not the country
    # the paragraph names (claimx.assembly.entity_groups)
    from claimx.assembly import ranker

    ranker.RECORDER = []
    try:
        claims = {c.quantity.text: c for c in extractor.extract(text)}
        rule = {d["quantity"]["text"]: [m["text"] for m, f in d["candidates"] if f.get("src=rule")]
                for d in ranker.RECORDER if d["slot"] == "entity"}
    finally:
        ranker.RECORDER = None
    for q, group in entities.items():
        assert rule[q] == [group]
        assert claims[q].entity is not None and claims[q].entity.text == group and claims[q].entity.inferred is False


@pytest.mark.parametrize("text, quantity, group", [
    ("Kestland's statistics office reported on Friday. Inflation for low-income households reached 7.4% in 2023.",
     "7.4%", "low-income households"),
    ("Brannock's housing survey came out in May. The home-ownership rate for young couples dropped to 38% in 2022.",
     "38%", "young couples"),
])
def test_a_for_phrase_on_the_measure_names_the_group(extractor, text, quantity, group):
    c = one(extractor.extract(text), quantity)
    assert c.entity is not None and c.entity.text == group
