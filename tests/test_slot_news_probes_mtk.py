"""Slot behaviours found by a second round of probing with made-up news sentences (company guidance,
central banks, statistics offices, trade bodies, airlines, mining): modality, kind, timeframe and
attribution. One behaviour per test, each on sentences written for it (none from the corpora)."""

from __future__ import annotations

import pytest

from tests.probe_readers import attr, kind, mod, tf


@pytest.mark.parametrize("text,qty,expected", [
    ("The retailer eyes sales of $5 billion by 2027.", "$5 billion", ("target", "eyes")),
    ("Toyota eyes a 10% share of the EV market by 2030.", "10%", ("target", "eyes")),
    ("The airline is eyeing 40 new jets next year.", "40", ("target", "is eyeing")),
])
def test_eyes_is_a_target(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


def test_the_noun_eyes_is_no_cue(extractor):
    assert mod(extractor, "In the eyes of investors a 5% rise would be small.", "5%")[1] != "eyes"


@pytest.mark.parametrize("text,qty,expected", [
    ("A rise of 0.25 percentage points is anticipated at the June meeting.", "0.25 percentage points",
     ("forecast", "is anticipated")),
    ("Further cuts of 50 basis points are anticipated this year.", "50 basis points", ("forecast", "are anticipated")),
])
def test_a_passive_anticipated_after_the_figure_is_a_forecast(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The company's fiscal year ends in September. Revenue will rise 5% this fiscal year.", "5%", ("FY2025", "in")),
    ("The group's financial year ends on 30 June. It expects profit of $2 billion in the current financial year.",
     "$2 billion", ("FY2025", "in")),
    ("The department's fiscal year runs from October to September. It plans to spend $40 billion next fiscal year.",
     "$40 billion", ("FY2026", "in")),
    ("The retailer's fiscal year ends in January. Sales will rise 3% this fiscal year.", "3%", ("FY2026", "in")),
])
def test_a_fiscal_calendar_stated_in_the_text_names_its_relative_fiscal_years(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


def test_without_a_stated_calendar_the_relative_fiscal_year_starts_in_april(extractor):
    assert tf(extractor, "The company expects revenue to rise 5% this fiscal year.", "5%") == ("FY2026", "in")


@pytest.mark.parametrize("text,qty", [
    ("Revenue rose 6% compared with 2023, to $900 billion.", "$900 billion"),
    ("Net income increased 12% compared with the prior year, to $4.1 billion.", "$4.1 billion"),
    ("Shipments dropped 9% versus the same quarter of 2024, to 1.2 million units.", "1.2 million"),
])
def test_an_end_point_after_a_stated_difference_and_its_base_is_a_level(extractor, text, qty):
    assert kind(extractor, text, qty) == ("level", None)


def test_the_difference_before_the_base_stays_a_change(extractor):
    assert kind(extractor, "Revenue rose 6% compared with 2023, to $900 billion.", "6%") == ("change", "increase")


@pytest.mark.parametrize("text,qty,expected", [
    ("The bank expects growth of 2%, 2.5% and 3% in 2025, 2026 and 2027.", "2.5%", ("2026", "in")),
    ("The bank expects growth of 2%, 2.5% and 3% in 2025, 2026 and 2027.", "3%", ("2027", "in")),
    ("Sales were $3 million and $4 million in 2023 and 2024.", "$4 million", ("2024", "in")),
    ("Exports rose 3% and 5% in the first and second quarters of 2024.", "5%", ("2024-Q2", "in")),
])
def test_a_list_of_figures_pairs_with_the_list_of_periods_right_after_it(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Moody's estimates that losses will total $4 billion.", "$4 billion", "Moody's estimates"),
    ("The ministry projects that exports will grow 4% this year.", "4%", "The ministry projects"),
    ("S&P Global forecasts that oil demand will reach 105 million barrels a day in 2026.",
     "105 million barrels a day", "S&P Global forecasts"),
])
def test_a_reporting_verb_read_as_a_noun_still_names_the_source(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


def test_a_relative_that_after_a_plural_noun_names_no_source(extractor):
    assert attr(extractor, "The company's projects that are under way will add 3 GW of capacity.", "3 GW") is None


@pytest.mark.xfail(strict=True, reason="a record after 'to' ('fell to a 16-year low of Y') as the change's end point: "
                   "it moved tune kind 0.971 -> 0.974 with check unchanged, but the refit lowered held-out metric "
                   "(CV 249 -> 247 of 303), so the kind slot does not do it (see test_slot_kind)")
@pytest.mark.parametrize("text,qty,expected", [
    ("The yuan weakened to a 16-year low of 7.35 per dollar.", "7.35", ("change", "decrease")),
    ("Gold prices rose to an all-time high of $3,500 an ounce in April.", "$3,500 an ounce", ("change", "increase")),
    ("Home prices fell to a four-year low of $320,000 in May.", "$320,000", ("change", "decrease")),
])
def test_a_record_after_to_is_the_end_point_of_the_change(extractor, text, qty, expected):
    assert kind(extractor, text, qty) == expected


def test_a_record_that_is_hit_stays_a_level(extractor):
    assert kind(extractor, "Gold prices hit an all-time high of $3,500 an ounce in April.", "$3,500 an ounce") == ("level", None)


@pytest.mark.parametrize("text,qty", [
    ("Exports will likely slow to 2% growth next year, the ministry estimates.", "2%"),
    ("The economy slowed to 1.5% growth in the third quarter.", "1.5%"),
])
def test_a_growth_rate_after_slow_to_is_an_increase(extractor, text, qty):
    assert kind(extractor, text, qty) == ("change", "increase")


@pytest.mark.parametrize("text,qty", [
    ("Exports seen up 5% in 2026", "5%"),
    ("Fed seen cutting rates by 50 basis points in September", "50 basis points"),
    ("Gold seen higher at $3,000 by year-end", "$3,000"),
])
def test_a_headline_seen_with_a_direction_or_a_gerund_and_its_object_is_a_forecast(extractor, text, qty):
    assert mod(extractor, text, qty) == ("forecast", "seen")


def test_a_past_seen_with_a_gerund_is_no_forecast(extractor):
    assert mod(extractor, "Prices were last seen rising 5% in 2008.", "5%") == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("Economists polled by Reuters see growth of 1.8% in 2025, 1.5% in 2026 and 1.7% in 2027.", "1.5%"),
    ("The bank sees inflation at 3.1% this year, 2.6% next year and 2.2% in 2027.", "2.6%"),
])
def test_a_comma_list_item_after_the_first_ones_period_shares_the_cue(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("The central bank held rates at 4.5% and signalled it may cut them to 4% in July.", "4.5%"),
    ("The airline carried 40 million passengers and expects to carry 45 million in 2026.", "40 million"),
])
def test_a_later_period_owned_by_the_next_figure_is_not_the_first_ones(extractor, text, qty):
    assert tf(extractor, text, qty) is None


def test_a_changes_own_end_point_does_not_take_its_period(extractor):
    text = "Vehicle sales climbed 12% to 2.4 million units in the first half of 2025, the company said."
    assert tf(extractor, text, "12%") == ("2025-H1", "in")


@pytest.mark.parametrize("text,qty", [
    ("The index gained 120 points, or 1.5%, to 8,200.", "8,200"),
    ("The benchmark lost 300 points, or 2%, to 14,700 on Friday.", "14,700"),
])
def test_an_end_point_after_a_restated_difference_is_a_level(extractor, text, qty):
    assert kind(extractor, text, qty) == ("level", None)
