"""Time expressions of news and policy articles the grammar reads (claimx/grammar/timex_join.py,
timex_build.py): each class on two made-up sentences, with real TIMEX3 values, and the near misses
that must stay unread."""

from __future__ import annotations

import datetime as dt

import pytest

from claimx.grammar.timex import find_timeframes


def _found(text: str, ref=None) -> list:
    return [(m.value, m.relation) for m in find_timeframes(text, reference_date=ref)]


@pytest.mark.parametrize("text,found", [
    ("Bookings rose 6% and 9% in the first and second quarters, respectively.", [("XXXX-Q1", "in"), ("XXXX-Q2", "in")]),
    ("Losses narrowed in the third and fourth quarters of 2025.", [("2025-Q3", "in"), ("2025-Q4", "in")]),
    ("Output slipped in the second, third and fourth quarters of 2019.",
     [("2019-Q2", "in"), ("2019-Q3", "in"), ("2019-Q4", "in")]),
    ("Tourism recovered in the first and second halves of 2023.", [("2023-H1", "in"), ("2023-H2", "in")]),
])
def test_ordinals_that_share_one_period_noun(text, found):
    assert _found(text) == found


def test_an_elided_ordinal_beyond_the_periods_of_a_year_is_not_read():
    assert _found("Rents rose in the third and second halves of 2023.") == [("2023-H2", "in")]


@pytest.mark.parametrize("text,found", [
    ("The state wants coal out of its grid by mid-century.", [("2050", "by")]),
    ("Emissions must fall 80% by the middle of the century.", [("2050", "by")]),
    ("Sales of mid-century furniture rose 12%.", []),
])
def test_mid_century(text, found):
    assert _found(text) == found


@pytest.mark.parametrize("text,found", [
    ("Margins were 8.1% in H1 and H2 at 7.4%.", [("XXXX-H1", "in"), ("XXXX-H2", "in")]),
    ("The first half brought 3% growth, and H2 was flat.", [("XXXX-H1", "in"), ("XXXX-H2", "in")]),
    ("H2 output from the electrolyser rose 4%.", []),
    ("In H2 production rose 5%.", []),
])
def test_bare_half_codes_in_a_list_of_halves(text, found):
    assert _found(text) == found


def test_listed_halves_resolve_against_a_reference_date():
    assert [v for v, _ in _found("Margins were 8.1% in H1 and H2 at 7.4%.", dt.date(2026, 3, 1))] == ["2025-H1", "2025-H2"]


@pytest.mark.parametrize("text,ref,found", [
    ("Mortgage applications fell 3% in the week ended Nov. 15.", dt.date(2025, 11, 20), [("2025-W46", "in")]),
    ("Jobless claims rose to 231,000 in the week ending Jan. 4, 2025.", None, [("2025-W01", "in")]),
    ("Mortgage applications fell 3% in the week ended Nov. 15.", None, [("XXXX-WXX", "in")]),
    ("Gas stocks rose in the week to June.", None, []),
])
def test_a_week_named_by_its_end_day_is_its_iso_week(text, ref, found):
    assert _found(text, ref) == found


@pytest.mark.parametrize("text,found", [
    ("In the latest quarter, margins widened to 12%.", [("XXXX-QX", "in")]),
    ("Deposits grew 2% in the most recent quarter.", [("XXXX-QX", "in")]),
    ("In the fiscal year that ended in March 2025, profit rose 9%.", [("FY2025", "in")]),
    ("For the year which ended on June 30, 2024, sales rose 4%.", [("2023-07/2024-06", "between")]),
])
def test_latest_quarters_and_periods_that_ended(text, found):
    assert _found(text) == found


@pytest.mark.parametrize("text,found", [
    ("In March and April, car sales fell 2% and 5%, respectively.", [("XXXX-03", "in"), ("XXXX-04", "in")]),
    ("Tourist arrivals rose in January, February and March.", [("XXXX-01", "in"), ("XXXX-02", "in"), ("XXXX-03", "in")]),
    ("Sales rose in March and may rise again.", [("XXXX-03", "in")]),
])
def test_a_month_alone_after_a_month_of_a_list(text, found):
    assert _found(text) == found


@pytest.mark.parametrize("text,ref,found", [
    ("Demand should double in the second half of the decade.", dt.date(2025, 6, 1), [("202X", "in")]),
    ("Most plants will close by the first half of this decade.", dt.date(2021, 2, 1), [("202X", "by")]),
    ("Output peaked in the second half of the year.", dt.date(2025, 9, 1), [("2025-H2", "in")]),
])
def test_a_half_of_the_decade_is_the_decade(text, ref, found):
    assert _found(text, ref) == found
