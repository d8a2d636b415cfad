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
