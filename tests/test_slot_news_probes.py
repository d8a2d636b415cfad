"""Slot behaviours found by probing with made-up news sentences (central banks, statistics offices,
company results, energy agencies): timeframe, kind, modality and attribution. One behaviour per
test, each on two sentences written for it (none from the corpora)."""

from __future__ import annotations

import pytest

from tests.conftest import one

REF = "2025-06-15"


def claim(extractor, text, qty, ref=REF):
    return one(extractor.extract(text, reference_date=ref), qty)


def tf(extractor, text, qty):
    c = claim(extractor, text, qty)
    return (c.timeframe.value, c.timeframe.relation) if c.timeframe else None


@pytest.mark.parametrize("text,qty,expected", [
    ("Revenue rose 6% in 2024 from a year earlier, to $3 billion.", "$3 billion", ("2024", "in")),
    ("Exports fell 4% in 2023 compared with a year earlier to $20 billion.", "$20 billion", ("2023", "in")),
])
def test_an_end_point_after_a_comparison_base_shares_the_change_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The jobless rate was up 0.4 points at 5.1% in 2024.", "0.4 points", ("2024", "in")),
    ("Net profit dropped 11% at 2.2 billion euros in the first quarter of 2025.", "11%", ("2025-Q1", "in")),
])
def test_a_change_takes_the_period_of_its_end_point_after_at(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


def mod(extractor, text, qty):
    c = claim(extractor, text, qty)
    return c.modality, (c.hedge.text if c.hedge else None)


@pytest.mark.parametrize("text,qty,expected", [
    ("We could see losses of up to $2 billion, the insurer warned.", "up to $2 billion", ("possible", "could")),
    ("Retailers may see sales of $40 billion this season.", "$40 billion", ("possible", "may")),
])
def test_see_after_a_modal_takes_the_modal(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Trade deficit seen at $12 billion in July", "$12 billion"),
    ("Copper demand seen rising 4% next year", "4%"),
])
def test_a_headline_bare_seen_is_a_forecast(extractor, text, qty):
    assert mod(extractor, text, qty) == ("forecast", "seen")


@pytest.mark.parametrize("text,qty", [
    ("Such prices were last seen at $130 in 2008.", "$130"),
    ("Unemployment has not been seen at 9% since 1993.", "9%"),
])
def test_a_past_seen_is_no_forecast(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "asserted"


@pytest.mark.parametrize("text,qty,expected", [
    ("Output probably rose 3% in April, the statistics office said.", "3%", ("forecast", "probably")),
    ("Factory orders likely fell 1.5% in May.", "1.5%", ("forecast", "likely")),
    ("The utility will probably cut 500 jobs next year.", "500", ("forecast", "will probably")),
    ("Sales could possibly fall 8% in 2026.", "8%", ("possible", "could possibly")),
])
def test_adverb_hedges_read_as_likely_to_and_may(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Deliveries are scheduled to start in 2026, with 40 units in the first year.", "40"),
    ("The new terminal is scheduled to open in 2027 and will handle 15 million passengers a year.", "15 million"),
])
def test_scheduled_to_is_a_forecast(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


def kind(extractor, text, qty):
    c = claim(extractor, text, qty)
    return c.kind, (c.change.direction if c.change else None)


@pytest.mark.parametrize("text,qty", [
    ("Core inflation levelled off at 3.4% in the second quarter.", "3.4%"),
    ("Crude output leveled off at 9.8 million barrels per day last year.", "9.8 million barrels per day"),
])
def test_levelled_off_at_is_a_level(extractor, text, qty):
    assert kind(extractor, text, qty) == ("level", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("Wheat stocks were 20% below average in May, the agency said.", "20%", ("change", "decrease")),
    ("Rainfall in the basin was 35% above normal in March.", "35%", ("change", "increase")),
])
def test_a_difference_from_the_series_own_average_is_a_change(extractor, text, qty, expected):
    assert kind(extractor, text, qty) == expected


def attr(extractor, text, qty):
    c = claim(extractor, text, qty)
    return c.attribution.text if c.attribution else None


@pytest.mark.parametrize("text,qty,expected", [
    ("Sales rose 4% in the quarter, said Jane Doe, the chief financial officer.", "4%", "said Jane Doe"),
    ("\"Output will rise 10% next year,\" said the minister.", "10%", "said the minister"),
])
def test_an_inverted_reporting_clause_is_the_attribution(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Global oil demand will climb to 120 million barrels per day by 2050, OPEC projects in its latest "
     "World Oil Outlook, which was published on Monday.", "120 million barrels per day", "OPEC projects"),
    ("Solar capacity will double to 900 GW by 2030, the agency forecasts in its annual report.", "900 GW",
     "the agency forecasts"),
])
def test_a_forecaster_clause_that_ends_the_sentence_with_its_report(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The currency weakened 5% against the dollar in 2024.", "5%", ("2024", "in")),
    ("The rupee fell 3% against the US dollar in the first half of 2025.", "3%", ("2025-H1", "in")),
])
def test_against_a_currency_does_not_hide_the_period_after_it(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Growth of 2% is likely this year.", "2%", ("forecast", "is likely")),
    ("A cut of 25 basis points looks likely in June.", "25 basis points", ("forecast", "looks likely")),
    ("A fall of 10% is possible, the analysts said.", "10%", ("possible", "is possible")),
])
def test_a_likely_or_possible_predicate_after_the_figure(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("\"We expect to hire 500 people next year,\" the chief executive said.", "500", "the chief executive said"),
    ("\"I expect sales of $3 billion in 2026,\" said Tom Reyes, the group's finance chief.", "$3 billion",
     "said Tom Reyes"),
])
def test_a_first_person_speaker_gives_way_to_the_reporting_clause(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


@pytest.mark.parametrize("text,ref,expected", [
    ("The central bank expects growth of 6.8% this fiscal year.", "2025-06-15", ("FY2026", "in")),
    ("The ministry sees the deficit at 4.4% of GDP in the current financial year.", "2025-11-03", ("FY2026", "in")),
    ("The agency forecasts output growth of 3% this fiscal year.", "2025-02-10", ("FY2025", "in")),
])
def test_a_relative_fiscal_year_is_named_by_the_year_it_ends_in(extractor, text, ref, expected):
    claims = extractor.extract(text, reference_date=ref)
    assert [(x.timeframe.value, x.timeframe.relation) for x in claims if x.timeframe] == [expected]


@pytest.mark.parametrize("text,qty,expected", [
    ("Coal output fell 8% from 2019 levels to 700 million tonnes in 2024.", "8%", ("2024", "in")),
    ("Sales rose 12% from the 2022 level to 3 million units in 2024.", "12%", ("2024", "in")),
])
def test_a_base_before_the_end_point_does_not_take_the_end_points_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The jobless rate, 4.2% in March, is expected to rise to 4.5% by December.", "4.2%"),
    ("Inflation, 3.1% in the second quarter, will ease to 2.4% next year, the bank said.", "3.1%"),
])
def test_an_appositive_with_its_own_period_is_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("The IMF predicted that global growth would slow to 2.9% in 2025.", "2.9%"),
    ("The ministry said the new steel plant would employ 400 people.", "400"),
])
def test_a_reported_would_with_a_noun_phrase_subject_is_a_forecast(extractor, text, qty):
    assert mod(extractor, text, qty) == ("forecast", "would")


def test_a_conditional_would_after_a_reporting_verb_stays_possible(extractor):
    assert mod(extractor, "Economists said that if tariffs rise, prices would jump 5%.", "5%") == ("possible", "would")


@pytest.mark.parametrize("text,qty,expected", [
    ("The bank's revised projections for inflation are as follows:\n- 2026: 2.9%\n- 2027: 2.7%\n", "2.7%",
     ("forecast", "projections")),
    ("The ministry's estimates for 2026:\n1. Wheat output of 110 million tonnes\n2. Rice output of 140 million tonnes\n",
     "140 million tonnes", ("estimate", "estimates")),
])
def test_a_list_item_takes_the_cue_of_its_header(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


def test_a_list_under_a_header_without_a_cue_is_asserted(extractor):
    text = "Highlights of the quarter:\n- Revenue rose 8% to $2 billion\n- Net profit was $300 million\n"
    assert mod(extractor, text, "$300 million") == ("asserted", None)


@pytest.mark.parametrize("text,qty,unit,base", [
    ("Global oil demand will reach 120.1 mb/d by 2050.", "120.1 mb/d", "M[bbl_us]/d", 120.1e6 * 0.158987294928 / 86400),
    ("Exports from the terminal hit 850 kb/d in May.", "850 kb/d", "k[bbl_us]/d", 850e3 * 0.158987294928 / 86400),
    ("Container throughput reached 12 million TEU in 2024.", "12 million TEU", "TEU", 12e6),
    ("The new train will add 5 mtpa of LNG capacity.", "5 mtpa", "Mt/a", 5e9 / (365.25 * 86400)),
    ("The mill can crush 80 million tonnes per annum.", "80 million tonnes per annum", "t/a", 80e9 / (365.25 * 86400)),
])
def test_industry_units(extractor, text, qty, unit, base):
    q = claim(extractor, text, qty).quantity
    assert q.unit == unit and q.base_value == pytest.approx(base, rel=1e-6)


@pytest.mark.parametrize("text,qty", [
    ("According to the IEA, demand will rise by 1 million bpd this year, and by 1.2 million bpd in 2026.",
     "1.2 million bpd"),
    ("Exports are expected to grow 3% next year and 4% in 2027.", "4%"),
])
def test_a_gapped_figure_after_a_relative_period_shares_the_cue(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty,word", [
    ("A Reuters poll showed growth of 2.1% was expected.", "2.1%", "expected"),
    ("Car sales of 40,000 were projected, the trade body said.", "40,000", "projected"),
])
def test_a_past_passive_expectation_after_the_figure(extractor, text, qty, word):
    modality, hedge = mod(extractor, text, qty)
    assert modality == "forecast" and word in hedge


@pytest.mark.parametrize("text,qty", [
    ("The central bank kept its growth forecast at 6.5%.", "6.5%"),
    ("The IMF held its global growth projection at 3.1% for 2026.", "3.1%"),
])
def test_a_growth_forecast_kept_at_a_rate_is_a_change_and_a_forecast(extractor, text, qty):
    c = claim(extractor, text, qty)
    assert (c.kind, c.modality) == ("change", "forecast")


def test_an_inflation_forecast_kept_at_a_rate_stays_a_level(extractor):
    assert kind(extractor, "The bank kept its inflation forecast at 4%.", "4%") == ("level", None)


@pytest.mark.parametrize("text,qty", [
    ("The key rate has been cut by a cumulative 100 basis points this year.", "100 basis points"),
    ("Exports to the two markets fell by a combined 12% in 2024.", "12%"),
])
def test_a_cumulative_or_combined_change(extractor, text, qty):
    assert kind(extractor, text, qty) == ("change", "decrease")


@pytest.mark.parametrize("text,qty,expected", [
    ("The central bank kept rates unchanged and said inflation would average 3.1% in 2026.", "3.1%",
     "The central bank kept rates unchanged and said"),
    ("The agency cut its forecast and said demand would grow by 900,000 bpd next year.", "900,000 bpd",
     "The agency cut its forecast and said"),
])
def test_a_reporting_verb_conjoined_to_the_sources_first_verb(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The company, whose sales rose 8% last year, expects growth of 5% in 2026.", "8%"),
    ("The utility, which employs 4,000 people, expects revenue to reach $2 billion.", "4,000"),
])
def test_a_fact_inside_the_forecasters_subject_has_no_source(extractor, text, qty):
    assert attr(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty", [
    ("Consumer prices rose 0.3% on the month and 2.9% on the year.", "2.9%"),
    ("The euro zone economy grew 0.4% in the third quarter, and 1.2% from a year earlier.", "1.2%"),
])
def test_a_gapped_change_after_the_first_ones_period_or_base(extractor, text, qty):
    assert kind(extractor, text, qty) == ("change", "increase")


def test_a_comparison_after_a_change_is_no_gapped_change(extractor):
    text = "Store prices rose just 1.3% in the quarter, well below the 3% inflation rate."
    assert kind(extractor, text, "3%") == ("level", None)
