"""The attribution slot (claimx.assembly.slots.attribution) on a hand-built Doc."""

from __future__ import annotations

import pytest

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


_DROPPED = ("an expectation's own source ('the $0.60 that analysts had expected', 'the average estimate ... from eight "
            "analysts polled by LSEG') is the dev-corpus gold, but naming it moves the fitted entity ranker: after the refit "
            "tune entity 0.799 -> 0.795, check unchanged (attribution tune 0.948 -> 0.955), so it is left out")


@pytest.mark.xfail(strict=True, reason=_DROPPED)
@pytest.mark.parametrize("text,qty,source", [
    ("Quarterly profit came to $2.10 a share, above the $1.95 that analysts had expected.", "$1.95", "analysts"),
    ("The trade surplus was wider than the $7 billion that economists had predicted.", "$7 billion", "economists"),
])
def test_a_forecaster_in_a_relative_clause_on_the_figure_is_its_source(extractor, text, qty, source):
    assert _source(extractor, text, qty) == source


@pytest.mark.xfail(strict=True, reason=_DROPPED)
@pytest.mark.parametrize("text,qty,source", [
    ("Revenue topped the consensus estimate of €4.6 billion from 15 analysts polled by Visible Alpha.", "€4.6 billion",
     "15 analysts polled by Visible Alpha"),
    ("Sales lagged the average forecast of $910 million from nine analysts surveyed by FactSet.", "$910 million",
     "nine analysts surveyed by FactSet"),
])
def test_the_from_phrase_of_an_estimate_is_its_source(extractor, text, qty, source):
    assert _source(extractor, text, qty) == source


@pytest.mark.parametrize("text,qty,source", [
    ("The finance ministry puts the cost of the subsidy at $3.2 billion.", "$3.2 billion", "The finance ministry puts"),
    ("The housing agency put the shortfall at 450,000 homes.", "450,000", "The housing agency put"),
    # the setter of the figure's own clause, not the source of the clause before
    ("Nationwide's index shows growth of 2%, while the statistics office puts the rise at 4.1%.", "4.1%",
     "the statistics office puts"),
])
def test_the_subject_that_puts_a_figure_at_the_quantity_is_its_source(extractor, text, qty, source):
    assert _source(extractor, text, qty) == source


@pytest.mark.parametrize("text,qty,source", [
    ("The ministry's survey shows wheat stocks at 21 million tonnes.", "21 million tonnes", "The ministry's survey shows"),
    ("Customs data showed rice exports of 1.2 million tonnes in May.", "1.2 million tonnes", "Customs data showed"),
])
def test_an_evidence_verb_with_a_source_subject_and_an_object_is_the_source(extractor, text, qty, source):
    assert _source(extractor, text, qty) == source


def test_a_firm_that_sets_the_figure_with_its_own_verb_is_no_setter(extractor):
    # "put" without "at" the figure, and a verb of the claim itself, name no source
    assert _source(extractor, "The utility put $2 billion into new grids.", "$2 billion") is None


@pytest.mark.xfail(strict=True, reason="'Toyota Motor raised its operating profit forecast ... to Y': the firm revising its "
                   "own outlook is the source (dev-corpus gold), but naming it as the attribution moves the fitted entity "
                   "ranker (forecaster features) off the firm (tune entity -1 claim); it needs a refit of the entity weights")
@pytest.mark.parametrize("text,qty,source", [
    ("Orvane Foods raised its full-year sales forecast to 6%.", "6%", "Orvane Foods"),
    ("The carmaker lowered its profit outlook by ¥200 billion to ¥2.9 trillion.", "¥2.9 trillion", "The carmaker"),
])
def test_a_firm_that_revises_its_outlook_is_its_source(extractor, text, qty, source):
    assert _source(extractor, text, qty) == source


def _source(extractor, text, qty):
    c = one(extractor.extract(text), qty)
    return c.attribution.text if c.attribution is not None else None


@pytest.mark.parametrize("text,qty,expected", [
    # a warning is a reporting verb like "said": the speaker is the source
    ("Losses of up to $4 billion could be incurred, the regulator warned.", "up to $4 billion", "the regulator warned"),
    ("Unemployment could rise to 6% next year, the IMF cautioned.", "6%", "the IMF cautioned"),
    ("The union warned that 1,200 jobs may go.", "1,200", "The union warned"),
])
def test_a_warning_names_its_source(extractor, text, qty, expected):
    c = one(extractor.extract(text), qty)
    assert c.attribution is not None and c.attribution.text == expected


@pytest.mark.parametrize("text,qty,expected", [
    # a forecast or estimate verb ending the sentence names the source, also where the parser reads
    # "forecasts"/"projects"/"estimates" as a plural noun
    ("Coal use will fall 20% by 2030, the agency forecasts.", "20%", "the agency forecasts"),
    ("Oil demand will climb to 110 million bpd by 2040, the IEA projects.", "110 million bpd", "the IEA projects"),
    ("Repairs will cost $2 billion, Wood Mackenzie estimates.", "$2 billion", "Wood Mackenzie estimates"),
])
def test_a_forecast_verb_ending_the_sentence_names_the_source(extractor, text, qty, expected):
    c = one(extractor.extract(text), qty)
    assert c.attribution is not None and c.attribution.text == expected


def test_a_comparison_with_a_forecast_is_no_source(extractor):
    c = one(extractor.extract("Sales rose 5%, well above forecasts."), "5%")
    assert c.attribution is None


@pytest.mark.parametrize("text,qty,expected", [
    # the parser may take "the $1.2 billion analysts" for one noun phrase: the source starts after the figure
    ("Profit came in at $1.3 billion, beating the $1.2 billion analysts had expected.", "$1.2 billion",
     "analysts had expected"),
    ("Output reached 3.1 million tonnes, above the 2.9 million tonnes traders had expected.", "2.9 million tonnes",
     "traders had expected"),
])
def test_a_forecaster_source_never_holds_the_figure(extractor, text, qty, expected):
    c = one(extractor.extract(text), qty)
    assert c.attribution is not None and c.attribution.text == expected


@pytest.mark.parametrize("text,qty,expected", [
    # projections are a source noun, as forecasts and estimates are: "projections show" names the source
    ("The central bank's projections show inflation at 2% in 2027.", "2%", "The central bank's projections show"),
    ("The ministry's latest projections show a deficit of 4.1% next year.", "4.1%",
     "The ministry's latest projections show"),
])
def test_projections_show_is_a_source(extractor, text, qty, expected):
    c = one(extractor.extract(text), qty)
    assert c.attribution is not None and c.attribution.text == expected
