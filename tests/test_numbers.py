"""Digit and word number parsing (claimx.grammar.numbers)."""

import pytest

from claimx.grammar import numbers as N


@pytest.mark.parametrize("s,v", [
    ("1,234.5", 1234.5), ("1 482 300", 1482300), ("1\u2009482\u2009300", 1482300),
    ("612\u202f040", 612040), ("2\u00a0000", 2000), (".5", 0.5), ("\u22129.5", -9.5), ("-3", -3),
    ("+4", 4), ("2,345,678.91", 2345678.91),
])
def test_parse_digits(s, v):
    assert N.parse_digits(s) == pytest.approx(v)


def test_parse_digits_rejects_text():
    with pytest.raises(ValueError):
        N.parse_digits("abc")


@pytest.mark.parametrize("s,v", [
    ("Forty-two", 42), ("two hundred fifty million", 250e6), ("two hundred and fifty", 250),
    ("Twenty-five million", 25e6), ("three and a half", 3.5), ("A dozen", 12), ("a million", 1e6),
    ("one thousand two hundred", 1200), ("ninety-nine", 99), ("one and a half billion", 1.5e9),
])
def test_parse_word_number(s, v):
    assert N.parse_word_number(s) == pytest.approx(v)


def test_parse_word_number_none():
    assert N.parse_word_number("hello") is None
    assert N.parse_word_number("") is None


@pytest.mark.parametrize("w,kw,v", [
    ("billion", {}, 1e9), ("bn", {}, 1e9), ("bln", {}, 1e9), ("mn", {}, 1e6), ("MM", {}, 1e6),
    ("tn", {}, 1e12), ("K", {}, 1e3), ("k", {}, 1e3), ("M", {}, 1e6), ("lakh", {}, 1e5), ("crore", {}, 1e7),
    ("quintillion", {}, 1e18), ("quadrillion", {}, 1e15), ("m", {"money": True}, 1e6),
])
def test_scale_value(w, kw, v):
    assert N.scale_value(w, **kw) == v


def test_scale_value_context():
    assert N.scale_value("m") is None  # metres unless after a currency
    assert N.scale_value("K", glued=False) is None


def test_word_number_regex_does_not_join_separate_numbers():
    found = [m.group() for m in N.WORD_NUMBER_RE.finditer("one and two, three and a half")]
    assert found == ["one", "two", "three and a half"]
