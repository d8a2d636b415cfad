"""The subject phrases of an article's opening sentences (:mod:`claimx.assembly.article_subjects`),
offered to the entity chooser as inferred candidates. The articles are made up for these tests."""

from __future__ import annotations

import pytest

from claimx.assembly.article_subjects import article_subjects, first_sentences

COPPER = """Copper outlook brightens as grids expand

The industry body's annual review sees no glut before 2030.

Global copper demand will climb to 31 million tonnes by 2035, the review says.

Demand is expected to reach 27 million tonnes in 2026."""

TIN = """Tin miners cheer a tighter market

A supply survey points to shortages.

World tin consumption could rise 4% this year, according to the survey.

Consumption is forecast to reach 390,000 tonnes in 2027."""

HEATPUMP = """Heat pump sales cool in Europe

Installers report weaker orders.

Average prices for air-source heat pumps fell 6% in 2025 to a record low, a trade group said.

The decline was smaller than the 9% drop of a year earlier."""

FERRY = """Ferry operators face higher fuel bills

A port survey finds rising costs.

The average cost of Baltic ferry crossings rose 11% in the summer, the survey found.

The increase followed a 5% rise in 2024."""

INVERTER = """Solar inverter prices slide to a record low

Makers in Asia keep adding lines."""

TURBINE = """Wind turbine orders jump on offshore demand

Developers signed more contracts."""

KESTREL = """Kestrel Mining's gold output rebounds

The miner said the rains had passed."""

ORLA = """Orla Shipping's fleet grows again

The group ordered ships."""

AUDIT = """Rail link costs soar

A joint audit by Norvania, Velmora and Kestland finds a funding gap.

The auditors said the gap could widen."""

GRID = """Power grid links lag

A study by Tarsis, Olvenia and Marrow warns of delays.

The study said more lines were needed."""


def _subjects(text: str, shape: str) -> list[str]:
    return [s["text"] for s in article_subjects(text) if s["subject"] == shape]


@pytest.mark.parametrize("text, phrase", [(COPPER, "Global copper demand"), (TIN, "World tin consumption")])
def test_the_leads_subject_up_to_its_verb_is_a_phrase(text, phrase):
    # the words up to the auxiliary ("will", "could"): the thing whose measure the article follows
    assert phrase in _subjects(text, "subject")


@pytest.mark.parametrize("text, phrase", [(HEATPUMP, "air-source heat pumps"), (FERRY, "Baltic ferry crossings")])
def test_a_measure_noun_and_a_preposition_name_what_is_measured(text, phrase):
    # "Average prices for X", "The average cost of X": X, cut before "fell"/"rose"
    assert _subjects(text, "object") == [phrase]


@pytest.mark.parametrize("text, subject, phrase", [(INVERTER, "Solar inverter prices", "Solar inverter"),
                                                   (TURBINE, "Wind turbine orders", "Wind turbine")])
def test_the_words_before_a_headlines_measure_noun_name_it(text, subject, phrase):
    # "Solar inverter prices slide": the prices of solar inverters; the headline's subject ends
    # before the verb ("slide", "jump")
    assert _subjects(text, "modifier") == [phrase]
    assert article_subjects(text)[0] == {"text": subject, "subject": "subject", "paragraph": 0}


@pytest.mark.parametrize("text, phrase", [(KESTREL, "Kestrel Mining"), (ORLA, "Orla Shipping")])
def test_a_headlines_possessor_is_a_phrase(text, phrase):
    assert _subjects(text, "possessor") == [phrase]


@pytest.mark.parametrize("text, phrase", [(AUDIT, "Norvania, Velmora and Kestland"), (GRID, "Tarsis, Olvenia and Marrow")])
def test_a_list_of_names_in_the_standfirst_is_a_group(text, phrase):
    assert _subjects(text, "group") == [phrase]


@pytest.mark.parametrize("lead, expected", [
    ("In March, exports rose 3%.", []),
    ("Over the year, the index fell 2%.", []),
])
def test_a_lead_opening_with_a_preposition_has_no_subject(lead, expected):
    assert article_subjects("Headline words\n\nStandfirst.\n\n" + lead)[2:] == expected


@pytest.mark.parametrize("text, first", [
    ("A\n\nB says so. More.\n\nOSLO — Kestrel Mining said on Monday. It added.", "Kestrel Mining said on Monday"),
    ("A\n\nB.\n\nPARIS - The U.S. index fell. Then rose.", "The U.S. index fell"),
])
def test_first_sentences_drop_the_dateline_and_keep_abbreviations(text, first):
    assert first_sentences(text, 3)[2] == first


def test_an_empty_text_has_no_subjects():
    assert article_subjects("") == []


@pytest.mark.parametrize("text, quantity, phrase, source", [
    (COPPER, "27 million tonnes", "Global copper demand", "src=lead_subject"),
    (HEATPUMP, "9%", "air-source heat pumps", "src=lead_object"),
])
def test_the_subject_phrases_are_entity_candidates_of_later_claims(extractor, monkeypatch, text, quantity, phrase, source):
    # the claim's sentence names no entity ("Demand is expected to reach ..."): with the shapes
    # offered, the lead's subject is among its candidates, inferred, with its source as a feature
    from claimx.assembly import candidates, ranker

    monkeypatch.setattr(candidates, "_offered_shapes", lambda: frozenset({"subject", "object"}))
    ranker.RECORDER = []
    try:
        extractor.extract(text)
        decisions = [d for d in ranker.RECORDER if d["slot"] == "entity" and d["quantity"]["text"] == quantity]
    finally:
        ranker.RECORDER = None
    assert decisions
    found = [(m, f) for m, f in decisions[0]["candidates"] if m["text"] == phrase]
    assert found and found[0][0]["inferred"] is True and found[0][1].get(source) == 1.0


def test_no_shape_offered_offers_no_subject_phrase(extractor, monkeypatch):
    # resources/article_subjects.json "offered_shapes" empty: the claims do not see the phrases
    from claimx.assembly import candidates, ranker

    monkeypatch.setattr(candidates, "_offered_shapes", lambda: frozenset())
    ranker.RECORDER = []
    try:
        extractor.extract(COPPER)
        texts = {m["text"] for d in ranker.RECORDER if d["slot"] == "entity" and d["quantity"]["text"] == "27 million tonnes"
                 for m, _ in d["candidates"]}
    finally:
        ranker.RECORDER = None
    assert texts and "Global copper demand" not in texts


@pytest.mark.parametrize("text", [
    "Ostravia exports hit a record\n\nShips were busy.",
    "Pellmark sales slip again\n\nStores were quiet.",
])
def test_a_name_alone_before_a_measure_noun_is_no_modifier_phrase(text):
    # "Ostravia exports": the name is one of the article's names already, not a phrase of its own
    assert _subjects(text, "modifier") == []


@pytest.mark.parametrize("text, phrase", [
    ("Velmora office prices jump\n\nLandlords in Velmora raised rates. Office space is scarce.", "Velmora"),
    ("NZ dairy exports slide\n\nExporters in NZ saw softer bids. Dairy farmers waited.", "NZ"),
])
def test_a_name_opening_a_modifier_phrase_is_the_phrase(text, phrase):
    # "Velmora office prices": the prices of offices in Velmora; the article writes "Velmora" only
    # capitalised, so the modifier phrase is the name ("office" is a kind of thing, not who)
    assert _subjects(text, "modifier") == [phrase]


@pytest.mark.parametrize("text, phrase", [
    ("Cargo freight prices slide\n\nShippers see cargo piling up. Cargo ships wait.", "Cargo freight"),
    ("Some lithium prices jump\n\nTraders said so.", "Some lithium"),
])
def test_a_capitalised_opening_word_the_article_writes_in_lower_case_stays_in_the_phrase(text, phrase):
    # "Cargo" is written "cargo" later on; "Some" is said once: neither is a name of the article
    assert _subjects(text, "modifier") == [phrase]


def _decision(extractor, text: str, quantity: str) -> list[tuple[dict, dict]]:
    from claimx.assembly import ranker

    ranker.RECORDER = []
    try:
        extractor.extract(text)
        return next(d["candidates"] for d in ranker.RECORDER if d["slot"] == "entity" and d["quantity"]["text"] == quantity)
    finally:
        ranker.RECORDER = None


@pytest.mark.parametrize("text, quantity, phrase", [
    (COPPER, "31 million tonnes", "Global copper demand"),
    (TIN, "4%", "World tin consumption"),
])
def test_the_leads_own_claim_has_its_subject_with_offsets_not_inferred(extractor, text, quantity, phrase):
    # the lead sentence holds the phrase: it is a candidate there with its offsets, not again inferred
    found = [m for m, _ in _decision(extractor, text, quantity) if m["text"] == phrase]
    assert found and all(not m.get("inferred") for m in found)


@pytest.mark.parametrize("text, quantity, phrase", [
    (COPPER, "27 million tonnes", "Global copper demand"),
    (FERRY, "5%", "Baltic ferry crossings"),
])
def test_a_subject_phrase_is_not_described_as_carried_over(extractor, text, quantity, phrase):
    # "carried=topic/other" describe names carried over in the paragraph; the phrase has its source
    feats = [f for m, f in _decision(extractor, text, quantity) if m["text"] == phrase]
    assert feats and not any(k.startswith("carried=") for k in feats[0])
    assert any(k.startswith("src=lead_") for k in feats[0])


@pytest.mark.parametrize("text, quantity, pick", [
    ("Norvania jobless rate hits record low\n\nEmployers hired briskly.\n\nThe rate beat the previous low of 4.9%, set in 2019.",
     "4.9%", "The rate"),
    ("Harlow Foods sales slip\n\nDemand was soft.\n\nThe decline was smaller than the 12% drop recorded a year earlier.",
     "12%", "The decline"),
])
def test_a_rule_pick_that_is_only_the_measure_has_no_rule_source(extractor, monkeypatch, text, quantity, pick):
    # "The rate", "The decline": the rule found only the measured property or a figure; the pick
    # keeps its features (src=rule, rule=open) but not the source "rule" the ranker's margin goes by
    from claimx.assembly import ranker

    seen = []
    choose = ranker.choose

    def spy(slot, cands, **kw):
        if slot == "entity" and kw.get("quantity", {}).get("text") == quantity:
            seen.extend(cands)
        return choose(slot, cands, **kw)

    monkeypatch.setattr(ranker, "choose", spy)
    extractor.extract(text)
    (c,) = [c for c in seen if c.mention["text"] == pick]
    assert c.features.get("rule=open") == 1.0 and c.features.get("src=rule") == 1.0
    assert "rule" not in c.sources and "rule_open" in c.sources
