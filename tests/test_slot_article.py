"""The article's topics (:mod:`claimx.assembly.article`) and the entity carried over from them when a
claim's sentence names none. The articles are made up for these tests (no corpus text)."""

from __future__ import annotations

import pytest

from claimx.assembly.article import article_topics

PANELS = """Heliotrope posts record quarter as solar orders climb

OSLO — Heliotrope, the Norwegian panel maker, said on Tuesday that demand from Asia had lifted its results. Heliotrope shares rose in early trading.

Operating profit rose 12% to 840 million kroner in the quarter. Order intake climbed 31% from a year earlier.

Heliotrope expects deliveries to pick up next year."""

FREIGHT = """Brindlemoor cuts costs as rail traffic slows

Brindlemoor, the freight operator, reported weaker results on Thursday. Analysts had expected Brindlemoor to hold its margins.

Freight volumes fell 7.5% in the half. Net income dropped 22% to $41 million.

Brindlemoor said it would close two depots."""

PORTS = """Marrowgate lifts forecast as cargo recovers

Marrowgate, the port operator, raised its outlook on Monday. Marrowgate stock gained.

Container throughput rose 6% in the quarter. Passenger arrivals fell 4% from a year earlier.

Marrowgate plans a new berth."""

NAMED = """Heliotrope posts record quarter as solar orders climb

Heliotrope, the Norwegian panel maker, reported on Tuesday. Heliotrope shares rose.

Revenue at Sunvale rose 9% to 300 million kroner. Farmers bought 4,000 panels."""


def test_the_repeated_headline_name_is_the_first_topic():
    topics = article_topics(PANELS)
    assert topics[0] == {"text": "Heliotrope", "rank": 1, "count": 4, "headline": True}


def test_a_name_said_once_is_no_topic():
    # "Asia" and "OSLO" occur once; "Operating" and "Order" open sentences
    assert [t["text"] for t in article_topics(PANELS)] == ["Heliotrope"]


def test_sentence_openers_months_and_units_are_no_topics():
    text = ("March sales of Quillfen rose. Quillfen sold 5 TWh in March. TWh prices fell. "
            "Sales at Quillfen fell in Tuesday trading; Tuesday was slow.")
    assert [t["text"] for t in article_topics(text)] == ["Quillfen"]


@pytest.mark.parametrize("text, topics", [
    ("Easter spending in Velmora to hit a record\n\nShoppers in Velmora plan to spend more this Easter. "
     "Easter egg sales rose 4%. Velmora retailers are upbeat.", ["Velmora"]),
    ("Diwali sales lift Kestland retailers\n\nDiwali gifts sold well. Kestland shops stayed open late; "
     "Kestland malls were full during Diwali.", ["Kestland"]),
])
def test_holidays_are_no_topics(text, topics):
    # "Easter", "Diwali": periods named like names, said as often as the country; the claims
    # ("Easter egg sales rose 4%") are about the country, not the holiday
    assert [t["text"] for t in article_topics(text)] == topics


@pytest.mark.parametrize("text, topics", [
    ("Velmora Steel lifts output\n\nVelmora Steel said Kestland and Norvania bought more. Velmora Steel "
     "ships to Kestland; Norvania pays late. Velmora Steel added a shift.", ["Velmora Steel", "Kestland"]),
    ("Orla Air fills more seats\n\nOrla Air flew to Tarsis and Marrow on Monday. Orla Air said Tarsis was "
     "busy while Marrow was quiet. Orla Air hired staff in Tarsis.", ["Orla Air", "Tarsis"]),
])
def test_only_the_two_best_names_are_topics(text, topics):
    # the third name said twice ("Norvania", "Marrow") is a passing one: an article is about one
    # or two things, and each further name offered is one more way for a claim to go wrong
    assert [t["text"] for t in article_topics(text)] == topics


def test_a_text_without_names_has_no_topics():
    assert article_topics("prices rose 3% and costs fell 2%.") == []


@pytest.mark.parametrize("text, quantity, entity", [
    (PANELS, "12%", "Heliotrope"),
    (PANELS, "31%", "Heliotrope"),
    (FREIGHT, "7.5%", "Brindlemoor"),
    (FREIGHT, "$41 million", "Brindlemoor"),
    # measure nouns (resources/slot_measures.json) head a metric, not an entity
    (PORTS, "6%", "Marrowgate"),
    (PORTS, "4%", "Marrowgate"),
])
def test_a_sentence_naming_only_the_metric_takes_the_articles_subject(extractor, text, quantity, entity):
    claim = next(c for c in extractor.extract(text) if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text == entity
    assert claim.entity.inferred is True
    assert claim.metric is not None and claim.metric.text != entity


@pytest.mark.parametrize("quantity, entity", [("9%", "Sunvale"), ("4,000", "Farmers")])
def test_an_entity_named_in_the_sentence_beats_the_articles_subject(extractor, quantity, entity):
    claim = next(c for c in extractor.extract(NAMED) if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text == entity
    assert claim.entity.inferred is False


def test_assemble_without_article_topics_carries_nothing_from_the_article(extractor):
    # one paragraph parsed alone (no article context): the sentence's own subject stays
    from claimx.assembly import assemble
    from claimx.components import claims as _  # noqa: F401  (registers the doc extensions)

    nlp = extractor.nlp
    doc = nlp("Operating profit rose 12% to 840 million kroner in the quarter.")
    out = assemble(doc, doc._.claimx_quantities, doc._.claimx_timeframes, doc._.claimx_cues)
    assert out and all(not (c["entity"] or {}).get("inferred") for c in out)


CARRIER = """Quorra Air fills more seats

Quorra Air carried more passengers in May. Quorra Air said demand from Asia was strong.

Online was again the standout. Ticket sales through its app climbed 19% in the month."""

CARDS = """Lindqvist Bank grows card business

Lindqvist Bank reported higher fees on Wednesday. Lindqvist Bank said lending was steady, and Lindqvist Bank
shares rose.

Premium was the bright spot. Card spending climbed 11% in the quarter."""


@pytest.mark.parametrize("text, quantity, entity", [(CARRIER, "19%", "Quorra Air"), (CARDS, "11%", "Lindqvist Bank")])
def test_a_passing_capitalised_subject_carried_over_loses_to_the_articles_subject(extractor, text, quantity, entity):
    # "Online"/"Premium" open the previous sentence but are no name of the article: the article's
    # topics compete with an entity carried over from the paragraph
    claim = next(c for c in extractor.extract(text) if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text == entity and claim.entity.inferred is True


JOBS = """Norvania jobless rate hits record low

Norvania's economy added jobs in June, the Norvania statistics office said on Friday. Employers in Norvania hired briskly.

The rate beat the previous low of 4.9%, set in 2019."""

PRICES = """Velmora inflation slows

Velmora's consumer prices rose less in May, the Velmora central bank said. Shoppers in Velmora paid less for fuel.

The rate undercut the old record of 3.8%, set in 2015."""


@pytest.mark.parametrize("text, quantity, entity", [(JOBS, "4.9%", "Norvania"), (PRICES, "3.8%", "Velmora")])
def test_a_rule_pick_that_is_only_the_measure_loses_to_the_articles_subject(extractor, text, quantity, entity):
    # "The rate" is the subject and the rule's pick, but a measure (feature rule=open)
    claim = next(c for c in extractor.extract(text) if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text == entity and claim.entity.inferred is True


# "the previous high", "the earlier peak": a phrase naming a past figure is no entity (abstract_nouns of
# resources/slot_measures.json); the claim is about the article's subject
LOANS = """Kestland mortgage costs climb

Kestland's lenders raised rates in May, the Kestland banking board said. Borrowers in Kestland paid more.

The average loan rate passed the previous high of 7.8%, set in 2008."""

EXPORTS = """Ostravia exports hit a record

Ostravia's factories shipped more goods in March, the Ostravia trade office said. Ports in Ostravia were busy.

The figure topped the earlier peak of $3.1 billion, set in 2021."""


@pytest.mark.parametrize("text, quantity, entity", [(LOANS, "7.8%", "Kestland"), (EXPORTS, "$3.1 billion", "Ostravia")])
def test_a_past_high_or_peak_is_not_the_entity(extractor, text, quantity, entity):
    claim = next(c for c in extractor.extract(text) if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text == entity and claim.entity.inferred is True


# "The decline was smaller than the 12% drop", "The rise followed a 9% fall": a change noun as the
# subject stands for a development, not what is measured (abstract_nouns); the article's subject is
SLIP = """Harlow Foods sales slip

Harlow Foods said on Monday that demand was soft. Harlow Foods cut prices in May.

The decline was smaller than the 12% drop recorded a year earlier."""

RECOVER = """Pellmark shares recover

Pellmark said on Friday that trading was calm. Pellmark bought back shares.

The rise followed a 9% fall in the previous week."""


@pytest.mark.parametrize("text, quantity, entity", [
    (SLIP, "12%", "Harlow Foods"),
    (RECOVER, "9%", "Pellmark"),
])
def test_a_change_noun_subject_is_not_the_entity(extractor, text, quantity, entity):
    claim = next(c for c in extractor.extract(text) if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text == entity and claim.entity.inferred is True
