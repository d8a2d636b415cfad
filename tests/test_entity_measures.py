"""Entity candidates that name a measure (claimx.assembly.entity_measures): a measured quantity or
activity ("Full-time work", "total hours") and the short form of a measure the text spells out
("AISC"). The articles are made up for these tests (no corpus text)."""

from __future__ import annotations

import pytest

from tests.test_slot_candidates import _entity_decisions

STAFF = """Norvania adds jobs for a third month

Norvania's employers hired briskly in June, the Norvania statistics office said. Wages in Norvania rose.

Part-time work led the increase, rising by 41,000, or 1.2%."""

SHIFTS = """Kestland factories run longer shifts

Kestland's manufacturers stepped up production in May, the Kestland industry board said. Kestland exports held up.

In the month, overtime hours climbed 4.6%, the fastest pace in a decade."""

SMELTER = """Orrin smelter output steadies

Torvik Metals said on Monday that its Orrin smelter ran at full speed. Orrin shipped more copper in the half, and Orrin hired more staff.

The company blamed a wet winter for a slow start to the year. Power supply to the site was cut twice in January.

Unit operating costs (UOC) fell to $1,840 a tonne from $1,905. Production in the half was 91,200 tonnes at a UOC of $1,790 a tonne."""

QUARRY = """Pellow quarry sales climb

Brellan Stone said on Tuesday that the Pellow quarry had a strong quarter. Pellow sold more gravel, and Pellow added a crusher.

Road building in the region kept demand for crushed stone high. The firm has run the site since the 1990s.

Its average selling price (ASP) rose to $31 a tonne. Sales in the quarter were 2.4 million tonnes at an ASP of $29 a tonne."""


@pytest.mark.parametrize("text, quantity, entity", [
    pytest.param(STAFF, "41,000", "Norvania", marks=pytest.mark.xfail(strict=True, reason=(
        "the sentence's subject, though marked a measure, still outscores the article's subject here "
        "(the subject's source weight); its twin '1.2%' takes the article's subject"))),
    (STAFF, "1.2%", "Norvania"),
    (SHIFTS, "4.6%", "Kestland"),
])
def test_a_measured_activity_is_not_the_entity(extractor, text, quantity, entity):
    claim = next(c for c in extractor.extract(text) if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text == entity and claim.entity.inferred is True


@pytest.mark.parametrize("text, quantity, entity", [
    (SMELTER, "91,200 tonnes", "Orrin"),
    (QUARRY, "2.4 million tonnes", "Pellow"),
])
def test_the_short_form_of_a_measure_is_not_the_entity(extractor, text, quantity, entity):
    claim = next(c for c in extractor.extract(text) if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text == entity


@pytest.mark.parametrize("text, quantity, word", [
    (STAFF, "41,000", "Part-time work"),
    (SHIFTS, "4.6%", "overtime hours"),
    (SMELTER, "91,200 tonnes", "UOC"),
    (QUARRY, "2.4 million tonnes", "ASP"),
])
def test_the_measure_is_marked_as_one(extractor, text, quantity, word):
    d = next(d for d in _entity_decisions(extractor, text) if d["quantity"]["text"] == quantity)
    feats = next(f for m, f in d["candidates"] if m["text"] == word)
    assert feats.get("measure_noun=1") == 1.0


def test_a_bracketed_name_after_a_common_word_is_no_measure(extractor):
    text = ("Pellow Mining said the Western Deposit (WD) produced 12,000 tonnes in May. "
            "The WD site employs 300 people.")
    d = next(d for d in _entity_decisions(extractor, text) if d["quantity"]["text"] == "12,000 tonnes")
    assert all("measure_noun=1" not in f for m, f in d["candidates"] if m["text"] == "WD")


# "All of those quarterly results": a quantifier heads the phrase only as a share of its "of" phrase,
# whose noun gives the word classes (an abstract figure here, no entity)
HARBOUR = """Quellport harbour traffic recovers

Quellport's terminals handled more ships in the spring, the Quellport port authority said. Quellport dredged a new channel.

The authority blamed storms for a weak winter. Two berths were closed in February.

All of those monthly results fall well short of the record 412,000 tonnes of cargo handled in June 2022."""

ORCHARD = """Marrenby apple harvest disappoints

Marrenby's growers picked fewer apples this autumn, the Marrenby farmers' union said. Marrenby exports slowed.

Frost in April hurt the blossom. Some orchards lost half their fruit.

Each of the recent figures trails the 61,000 tonnes picked in 2019."""


@pytest.mark.parametrize("text, quantity, head", [
    (HARBOUR, "412,000 tonnes", "All of those monthly results"),
    (ORCHARD, "61,000 tonnes", "Each of the recent figures"),
])
def test_a_quantifier_phrase_has_the_word_class_of_its_of_phrase(extractor, text, quantity, head):
    d = next(d for d in _entity_decisions(extractor, text) if d["quantity"]["text"] == quantity)
    feats = next(f for m, f in d["candidates"] if m["text"] == head)
    assert feats.get("abstract_noun=1") == 1.0


@pytest.mark.parametrize("text, quantity, entity", [
    (HARBOUR, "412,000 tonnes", "Quellport"),
    (ORCHARD, "61,000 tonnes", "Marrenby"),
])
def test_a_quantifier_phrase_over_figures_is_not_the_entity(extractor, text, quantity, entity):
    claim = next(c for c in extractor.extract(text) if c.quantity.text == quantity)
    assert claim.entity is not None and claim.entity.text == entity
