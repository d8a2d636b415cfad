"""'up to <year>' bounds a period (until) unless the year counts something ('up to 2030 homes')."""

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
