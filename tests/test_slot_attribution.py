"""The attribution slot (claimx.assembly.slots.attribution) on a hand-built Doc."""

from __future__ import annotations

from claimx.assembly.slots.attribution import attribution
from tests.conftest import one
from tests.slot_docs import context, make_doc, quantity, span_chars


def _doc():
    # "Sales rose 5%, the ministry said."
    return make_doc([("Sales", 1, "nsubj", "NOUN", "sale"), ("rose", 7, "ccomp", "VERB", "rise"),
                     ("5", 3, "nummod", "NUM", "5", None, True), ("%", 1, "dobj", "NOUN", "%", None, True),
                     (",", 7, "punct", "PUNCT", ","), ("the", 6, "det", "DET", "the"),
                     ("ministry", 7, "nsubj", "NOUN", "ministry"), ("said", 7, "ROOT", "VERB", "say", None, True),
                     (".", 7, "punct", "PUNCT", ".")])


def _cue(doc, first, last):
    s, e = span_chars(doc, first, last)
    return {"text": doc.text[s:e], "start_char": s, "end_char": e}


def test_a_cue_in_the_same_clause_is_the_attribution():
    doc = _doc()
    ctx = context(doc, [quantity(doc, 2, 3, 5, "%")], attributions=[_cue(doc, 5, 7)])
    assert attribution(ctx) == {"text": "the ministry said", "start_char": 15, "end_char": 32}


def test_no_cue_no_attribution():
    doc = _doc()
    assert attribution(context(doc, [quantity(doc, 2, 3, 5, "%")])) is None


def test_a_cue_with_an_inverted_span_is_dropped():
    doc = _doc()
    bad = {"text": "", "start_char": 16, "end_char": 15}
    assert attribution(context(doc, [quantity(doc, 2, 3, 5, "%")], attributions=[bad])) is None


def test_a_forecaster_named_as_the_subject_is_the_attribution(extractor):
    c = one(extractor.extract("The Meridian Institute expects copper demand to climb to 31 million tonnes by 2030."),
            "31 million tonnes")
    assert c.attribution is not None and c.attribution.text == "The Meridian Institute expects"


def test_a_forecaster_verb_above_a_conjoined_clause_is_the_attribution(extractor):
    c = one(extractor.extract("Rents held steady in May, and Halvorsen Research sees them falling 4% next year."), "4%")
    assert c.attribution is not None and c.attribution.text == "Halvorsen Research sees"


def test_a_past_saw_reports_what_happened_and_names_no_forecaster(extractor):
    c = one(extractor.extract("Coastal towns saw falls of 2% in March."), "2%")
    assert c.attribution is None


def test_a_passive_forecast_names_no_forecaster(extractor):
    c = one(extractor.extract("Output is expected to rise 3% in 2026."), "3%")
    assert c.attribution is None


# a cue whose speaker holds the quantity ("Most respondents, 63%, said") reports a survey's answer:
# no source, and the group is the entity (issue 11)
def test_a_quantified_group_that_said_is_no_source(extractor):
    c = one(extractor.extract("Most farmers, 58%, said they expected a smaller harvest this year."), "58%")
    assert c.attribution is None
    assert c.entity is not None and c.entity.text == "Most farmers"


def test_a_share_of_firms_that_reported_is_no_source(extractor):
    c = one(extractor.extract("Many retailers, 37%, reported that they would cut prices before Christmas."), "37%")
    assert c.attribution is None
    assert c.entity is not None and c.entity.text == "Many retailers"


def test_a_ministry_that_said_stays_the_source(extractor):
    c = one(extractor.extract("The ministry said imports rose 6% in May."), "6%")
    assert c.attribution is not None and c.attribution.text == "The ministry said"
