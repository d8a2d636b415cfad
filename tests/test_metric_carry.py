"""Metric candidates carried from an earlier claim of the paragraph, the verb and the cut noun
phrase (claimx.assembly.metric_carry), on parsed sentences of our own."""

from __future__ import annotations

from tests.conftest import one


# "..., N% more than a year earlier": the property is the earlier figure's, not the subject's
def test_a_percent_more_than_a_year_earlier_takes_the_count_noun(extractor):
    claims = extractor.extract("The ferry line carried 2.6 million travellers in 2024, 11% more than a year earlier.")
    c = one(claims, "11%")
    assert c.metric is not None and c.metric.text == "travellers"
    assert c.entity is not None and c.entity.text == "The ferry line"


def test_a_percent_fewer_than_a_month_before_takes_the_count_noun(extractor):
    claims = extractor.extract("The warehouse shipped 48,000 parcels in June, 6% fewer than in May.")
    c = one(claims, "6%")
    assert c.metric is not None and c.metric.text == "parcels"
    assert one(claims, "48,000").metric.text == "parcels"


# "add N <unit> of <measure noun>": the measure noun after the unit is the metric, not the subject
def test_heat_pumps_add_consumption(extractor):
    claims = extractor.extract("Electricity consumption in the country will rise to 95 TWh by 2030. "
                               "Heat pumps are expected to add 6 TWh of consumption.")
    c = one(claims, "6 TWh")
    assert c.metric is not None and c.metric.text == "consumption"
    assert c.entity is not None and c.entity.text == "Heat pumps"


def test_builders_add_demand(extractor):
    claims = extractor.extract("Steel demand is forecast to reach 1.9 billion tonnes in 2026. "
                               "Builders in India are expected to add 20 million tonnes of demand.")
    c = one(claims, "20 million tonnes")
    assert c.metric is not None and c.metric.text == "demand"
