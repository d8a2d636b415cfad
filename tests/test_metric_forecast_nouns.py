"""Metric of a figure that moves a forecast, and change verbs of cuts ("trim", "slash"),
each on made-up sentences (parsed by the pinned model); issue 11."""

from __future__ import annotations

from tests.conftest import one

# "raised its sales forecast by 100,000 units to 10.5 million vehicles": the units and vehicles
# only count the forecast's change and end point; the forecast is what is measured, also where
# the tagger reads "forecast" as a past participle
BRENNER = "Brenner trimmed its full-year Brenner and Osk sales forecast by 8,000 units to 640,000 cars."
KESTREL = "Kestrel lowered its annual Kestrel and Lumo delivery forecast by 12,000 units to 450,000 scooters."


def test_a_forecast_tagged_as_a_verb_is_a_noun_in_an_object_position():
    from claimx.assembly.syntax import mistagged_noun
    from claimx.pipeline import load_model

    doc = load_model()(BRENNER)
    forecast = [t for t in doc if t.lower_ == "forecast"][0]
    trimmed = [t for t in doc if t.lower_ == "trimmed"][0]
    assert forecast.tag_ == "VBN" and mistagged_noun(forecast)
    assert not mistagged_noun(trimmed)


def test_the_amount_a_mistagged_sales_forecast_moves_by_measures_the_forecast(extractor):
    claims = extractor.extract(BRENNER)
    for q in ("8,000", "640,000"):
        c = one(claims, q)
        assert c.metric is not None and c.metric.text == "full-year Brenner and Osk sales forecast", q
        assert c.entity is not None and c.entity.text == "Brenner"


def test_the_amount_a_delivery_forecast_moves_by_measures_the_forecast(extractor):
    claims = extractor.extract(KESTREL)
    for q in ("12,000", "450,000"):
        c = one(claims, q)
        assert c.metric is not None and c.metric.text == "annual Kestrel and Lumo delivery forecast", q


# "trim", "slash": verbs of a cut are change verbs like "cut" and "reduce"
def test_trimmed_is_a_change_and_its_subject_measures_the_end_point(extractor):
    claims = extractor.extract("Weekly freight volumes trimmed 2% to 84,000 containers.")
    c = one(claims, "2%")
    assert c.kind == "change" and c.change.direction == "decrease"
    assert c.metric is not None and c.metric.text == "Weekly freight volumes"
    assert one(claims, "84,000").metric.text == "Weekly freight volumes"


def test_slashed_is_a_change_of_its_subject(extractor):
    claims = extractor.extract("Coal imports slashed 12% to 3.1 million tonnes in April.")
    c = one(claims, "12%")
    assert c.kind == "change" and c.change.direction == "decrease"
    assert c.metric is not None and c.metric.text == "Coal imports"
    assert one(claims, "3.1 million tonnes").metric.text == "Coal imports"
