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
