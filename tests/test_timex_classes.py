"""Generative tests of the classes of time expressions fixed for Recognizers-Text's date and period
suites (issue 13; the suites themselves run in ``tests/test_peer_timex.py``): each class is checked
on made-up expressions of the same kind, with real TIMEX3 values, and with the near misses that
must stay unread."""

from __future__ import annotations

import datetime as dt

import pytest

from claimx.grammar.timex import find_timeframes

_REF = dt.date(2016, 11, 7)


@pytest.mark.parametrize("month,num", [("june", 6), ("June", 6), ("NOVEMBER", 11), ("sept", 9), ("Dec", 12)])
def test_months_next_to_a_year_in_any_case(month, num):
    for form in ("{m} 2015", "{m} of 2015", "{m}, 2015", "2015 {m}", "2015, {m}", "{m}-2015", "{m}/2015"):
        ms = find_timeframes("Sales were out " + form.format(m=month) + " here.", reference_date=_REF)
        assert [m.value for m in ms] == [f"2015-{num:02d}"], (form, ms)
    for rel, year in (("this", 2016), ("last", 2015), ("next", 2017)):
        (m,) = find_timeframes(f"We met {rel} {month} here.", reference_date=_REF)
        assert m.value == f"{year}-{num:02d}"


def test_numeric_months_and_quarters_next_to_a_year():
    for form, value in (("2015-3", "2015-03"), ("2016-11", "2016-11"), ("2016/11", "2016-11"), ("11/2016", "2016-11"),
                        ("11 - 2016", "2016-11"), ("3/2015", "2015-03"), ("2011-12", "2011/2012"),
                        ("2017 q1", "2017-Q1"), ("2017-q1", "2017-Q1"), ("q3 2019", "2019-Q3"), ("Q1-2019", "2019-Q1"),
                        ("2019-H2", "2019-H2"), ("2019-h1", "2019-H1")):
        ms = find_timeframes(f"Output grew in {form} as planned.", reference_date=_REF)
        assert [m.value for m in ms] == [value], (form, ms)


def test_decades_and_relative_periods():
    for form, value in (("the 70s", "197X"), ("the 70's", "197X"), ("the seventies", "197X"), ("the noughties", "200X"),
                        ("the 1990s", "199X"), ("the nineties", "199X")):
        ms = find_timeframes(f"Prices rose in {form} too.", reference_date=_REF)
        assert [m.value for m in ms] == [value], (form, ms)
    for form, value in (("the previous quarter", "2016-Q3"), ("the current quarter", "2016-Q4"),
                        ("the following quarter", "2017-Q1"), ("this calendar year", "2016"),
                        ("from March to May", "2016-03/2016-05")):
        ms = find_timeframes(f"Prices rose {form} too.", reference_date=_REF)
        assert [m.value for m in ms][-1] == value, (form, ms)


def _values(text: str, ref: dt.date = _REF) -> list:
    return [m.value for m in find_timeframes(text, reference_date=ref)]


@pytest.mark.parametrize("text,values", [
    ("Wages doubled in nineteen eighty four and fell after.", ["1984"]),
    ("Tariffs returned in twenty twelve.", ["2012"]),
    ("The plant opened in March two thousand and nine.", ["2009-03"]),
    ("Output peaked in the second quarter of two thousand and eleven.", ["2011-Q2"]),
    ("The law changed from two thousand until two thousand and six.", ["2000/2006"]),
    ("Aid reached two thousand homes in 2023.", ["2023"]),  # a count, not a year
    ("Some twenty thirty people came.", []),
])
def test_years_in_words(text, values):
    assert _values(text) == values


@pytest.mark.parametrize("text,value", [
    ("Coal ruled the 19th century.", "18XX"),
    ("Cities grew fast in the twentieth century.", "19XX"),
])
def test_centuries(text, value):
    assert _values(text) == [value]


@pytest.mark.parametrize("text,ref,value", [
    ("Exports rose in Mar-May 2019.", _REF, "2019-03/2019-05"),
    ("Rain fell in Oct-Jan 2020.", _REF, "2019-10/2020-01"),
    ("Sales fell in Apr/2015-Jul/2016.", _REF, "2015-04/2016-07"),
    ("Prices held between february and april.", dt.date(2019, 8, 1), "2019-02/2019-04"),
    ("Imports rose from Aug to Oct.", dt.date(2019, 8, 1), "2019-08/2019-10"),
    ("Imports rose from October to December.", dt.date(2019, 11, 20), "2019-10/2019-12"),
    ("Stocks rose from July to February.", dt.date(2019, 11, 20), "2019-07/2020-02"),
    ("Sales from may to july in 2014 were weak.", _REF, "2014-05/2014-07"),
    ("Sales from March in 2012 to May in 2013 were weak.", _REF, "2012-03/2013-05"),
    ("It was closed from May until the end of July.", dt.date(2019, 8, 1), "2019-05/2019-07"),
])
def test_periods_of_months(text, ref, value):
    assert _values(text, ref)[-1] == value


@pytest.mark.parametrize("text,ref,values", [
    ("Rates rose in june.", dt.date(2019, 8, 1), ["2019-06"]),
    ("Rates rose in the october.", dt.date(2019, 8, 1), ["2018-10"]),
    ("Rates rose in nov.", dt.date(2019, 8, 1), ["2018-11"]),
    ("Prices may rise and may fall.", dt.date(2019, 8, 1), []),
    ("Sales in June and may rise.", dt.date(2019, 8, 1), ["2019-06"]),
])
def test_months_alone(text, ref, values):
    assert _values(text, ref) == values


@pytest.mark.parametrize("text,value", [
    ("Ore output rose in the March quarter.", "2016-Q1"),
    ("Gold sales fell in the December quarter of 2014.", "2014-Q4"),
    ("Costs rose in the Sept. quarter.", "2016-Q3"),
])
def test_quarters_named_by_their_last_month(text, value):
    assert _values(text) == [value]


@pytest.mark.parametrize("text,ref,value", [
    ("Profits fell over the past three quarters.", dt.date(2020, 5, 2), "2019-Q3/2020-Q1"),
    ("Profits should rise in the next 2 quarters.", dt.date(2020, 11, 2), "2021-Q1/2021-Q2"),
    ("Profits should rise in the coming four quarters.", dt.date(2020, 2, 2), "2020-Q2/2021-Q1"),
])
def test_spans_of_quarters(text, ref, value):
    assert _values(text, ref) == [value]


@pytest.mark.parametrize("text,value", [
    ("Hiring slowed in the fifth month of 2012.", "2012-05"),
    ("Hiring slowed in the 11th month of last year.", "2015-11"),
    ("Rain fell in the first two months of 2013.", "2013-01/2013-02"),
    ("Rain fell in the last five months of this year.", "2016-08/2016-12"),
])
def test_months_counted_within_a_year(text, value):
    assert _values(text) == [value]


@pytest.mark.parametrize("text,value", [
    ("Rates rise the month before last.", "2016-09"),
    ("Rates rise the quarter after next.", "2017-Q2"),
    ("Rates rise the year before last.", "2014"),
    ("Growth slowed this decade.", "201X"),
    ("Targets are due at EOM.", "2016-11"),
    ("Targets are due at end of quarter.", "2016-Q4"),
    ("Demand will pick up later in the year.", "2016"),
    ("Demand fell earlier in the month.", "2016-11"),
    ("Demand will peak in august next year.", "2017-08"),
    ("Demand fell in January last year.", "2015-01"),
    ("Demand fell in CY15 and CY 2014.", "2015"),
])
def test_relative_periods(text, value):
    assert _values(text)[0] == value


@pytest.mark.parametrize("text,value", [
    ("Sales grew in q2 of 2013.", "2013-Q2"),
    ("Sales grew from q4 of 2012 - q1 of 2013.", "2012-Q4/2013-Q1"),
    ("Prices rose in the '80s.", "198X"),
    ("It ran between 2003 through 2006.", "2003/2006"),
    ("It ran between 2009 to 2011.", "2009/2011"),
])
def test_codes_and_joins(text, value):
    assert _values(text) == [value]


@pytest.mark.parametrize("text,values", [
    ("Ore output rose in the April-June quarter.", ["2016-Q2"]),
    ("Ore output rose in the Oct-Dec quarter of 2013.", ["2013-Q4"]),
    ("Ore output rose in the May-June quarter.", []),
])
def test_quarters_named_by_their_months(text, values):
    assert _values(text) == values


@pytest.mark.parametrize("text", [
    "Output will double within five years.",
    "Prices should settle within 8 months.",
    "Within a decade, the fleet could triple.",
])
def test_within_n_units_has_no_timex_value(text):
    # docs/GOLD.md (development-corpus conventions): "within ten years" has no TIMEX value; it often
    # counts from an event the sentence names ("within a year of the merger"), not from the article date
    assert _values(text, dt.date(2024, 10, 20)) == []


@pytest.mark.parametrize("text,expected", [
    ("Hydrogen costs will halve by the early 2030s.", [("by the early 2030s", "203X", "by")]),
    ("The fleet could triple by the mid-2040s.", [("by the mid-2040s", "204X", "by")]),
    ("Coal use peaked in the late 2010s.", [("in the late 2010s", "201X", "in")]),
])
def test_a_decade_with_the_and_a_position_keeps_its_relation_cue(text, expected):
    assert [(m.text, m.value, m.relation) for m in find_timeframes(text, reference_date=_REF)] == expected
