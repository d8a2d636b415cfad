"""'over the next year' is a 12-month span from the reference date, not the next calendar year."""

import datetime as dt

import pytest

from claimx.grammar.timex import find_timeframes


@pytest.mark.parametrize("text,ref,value,phrase", [
    ("Freight rates could climb 6% over the next year, brokers said.", dt.date(2025, 6, 15),
     "2025/2026", "over the next year"),
    ("The utility plans to add 800 MW during the next year.", dt.date(2031, 2, 3),
     "2031/2032", "during the next year"),
    ("Rents should ease 2% in the next year.", None, "XXXX/XXXX", "in the next year"),
])
def test_the_next_year_after_a_cue_is_a_span(text, ref, value, phrase):
    tf = find_timeframes(text, reference_date=ref)
    assert [(m.text, m.value, m.relation) for m in tf] == [(phrase, value, "between")]


@pytest.mark.parametrize("text,ref,value", [
    ("Exports will grow 3% next year.", dt.date(2025, 6, 15), "2026"),
    ("The council expects 1,200 new homes next year.", dt.date(2029, 9, 1), "2030"),
])
def test_next_year_alone_stays_the_calendar_year(text, ref, value):
    assert [m.value for m in find_timeframes(text, reference_date=ref)] == [value]


def test_the_next_year_without_a_cue_is_not_the_reference_years_successor():
    tf = find_timeframes("Output fell in 2020 and recovered 7% the next year.", reference_date=dt.date(2025, 6, 15))
    assert [m.value for m in tf] == ["2020"]
