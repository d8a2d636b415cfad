"""Timeframe grammar: 'up to <year>' is until unless the year counts something ('up to 2030 homes'); a rate
'a year after <year>' is no offset; a season with a split year is the season of its first year."""

import datetime as dt

import pytest

from claimx.grammar.timex import find_timeframes


@pytest.mark.parametrize("text,value,phrase", [
    ("Coal output is set to shrink 3% a year up to 2032.", "2032", "up to 2032"),
    ("The regulator capped tariff rises at 5% up to 2028, and at 3% afterwards.", "2028", "up to 2028"),
])
def test_up_to_a_year_is_until(text, value, phrase):
    tf = find_timeframes(text, reference_date=dt.date(2025, 6, 15))
    assert [(m.text, m.value, m.relation) for m in tf] == [(phrase, value, "until")]


@pytest.mark.parametrize("text", [
    "The charity will house up to 2030 families this winter.",
    "Each depot stores up to 2040 tonnes of grain.",
])
def test_up_to_a_number_before_a_noun_is_no_year(text):
    assert [m.text for m in find_timeframes(text) if "20" in m.text and "up to" in m.text] == []


@pytest.mark.parametrize("text,phrase,value,relation", [
    ("Offshore wind adds 3 GW a year after 2030.", "after 2030", "2030", "since"),
    ("Mines will ship 1.5 million tonnes a year before 2029.", "before 2029", "2029", "by"),
])
def test_a_rate_a_year_before_a_dated_cue_is_no_offset(text, phrase, value, relation):
    tf = find_timeframes(text, reference_date=dt.date(2025, 6, 15))
    assert [(m.text, m.value, m.relation, m.offset_years) for m in tf] == [(phrase, value, relation, None)]


@pytest.mark.parametrize("text", ["Sales rose 5% a year later.", "The plant reopened a year after the fire."])
def test_a_year_later_or_after_an_event_stays_an_offset(text):
    assert [m.offset_years for m in find_timeframes(text)] == [1]


@pytest.mark.parametrize("text,phrase,value", [
    ("Gas use fell 9% in the winter of 2024-25.", "in the winter of 2024-25", "2024-WI"),
    ("Ski passes rose 12% in winter 2022/23.", "in winter 2022/23", "2022-WI"),
])
def test_a_season_with_a_split_year_is_the_season_of_its_first_year(text, phrase, value):
    assert [(m.text, m.value) for m in find_timeframes(text)] == [(phrase, value)]
