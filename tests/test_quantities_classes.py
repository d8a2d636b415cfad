"""Generative tests, one per class of expression that issue 13 found missing or misread: each
composes forms combinatorially (currency forms x scales x comparators x positions, range forms
x units, signs x change words, ...) in sentences written for these tests, and checks value,
unit, comparator and bounds of every composition."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from claimx.grammar.quantities import find_quantities

_POSITIONS = ("{q}", "It was {q}.", "Revenue reached {q} last year.", "The fund (now {q}) grew.")
_COMPARATORS = (("", "="), ("over ", ">"), ("about ", "~"), ("more than ", ">"), ("up to ", "<="))


def _one(text: str):
    ms = [m for m in find_quantities(text) if m.form != "attributive"]
    assert len(ms) == 1, (text, ms)
    return ms[0]


def _exact(digits: str, scale: int) -> float:
    return float(Decimal(digits) * scale)


# ------------------------------------------------------------------ currency notation

_CUR_BEFORE = (("US$", "USD"), ("US$ ", "USD"), ("$US", "USD"), ("HK $", "HKD"), ("HK$", "HKD"), ("A$ ", "AUD"),
               ("$A", "AUD"), ("NZ$", "NZD"), ("c $ ", "CAD"), ("aud$ ", "AUD"), ("nzd$", "NZD"), ("MXN ", "MXN"),
               ("usd ", "USD"), ("€", "EUR"), ("$", "USD"))
_CUR_AFTER = ((" €", "EUR"), (" USD", "USD"), (" usd", "USD"), (" US dollars", "USD"), (" euros", "EUR"),
              ("₾", "GEL"), (" ₡", "CRC"), (" yuan", "CNY"))
_SCALES = (("", 1), (" million", 10**6), ("bn", 10**9), (" billion", 10**9))


@pytest.mark.parametrize("pos", _POSITIONS)
def test_currency_forms(pos):
    for (cur, code), (sc, mult), (comp, cmp_) in itertools.product(_CUR_BEFORE, _SCALES, _COMPARATORS):
        m = _one(pos.format(q=f"{comp}{cur}48,250.5{sc}"))
        assert (m.value, m.unit, m.comparator) == (_exact("48250.5", mult), code, cmp_), m
    for (cur, code), (sc, mult), (comp, cmp_) in itertools.product(_CUR_AFTER, _SCALES, _COMPARATORS):
        if sc == "bn" and not cur[0].isspace():
            continue  # "12.5bn₾": a scale abbreviation glued to a symbol is not written
        m = _one(pos.format(q=f"{comp}12.5{sc}{cur}"))
        assert (m.value, m.unit, m.comparator) == (_exact("12.5", mult), code, cmp_), m


def test_currency_scale_after_code_and_amounts_in_two_units():
    for code in ("USD", "EUR", "GBP", "CHF"):
        for word, mult in (("million", 10**6), ("billion", 10**9), ("trillion", 10**12)):
            m = _one(f"They paid 75 {code} {word} for it.")
            assert (m.value, m.unit) == (75 * mult, code)
    for main, sub, code in (("dollars", "cents", "USD"), ("euros", "cents", "EUR"), ("pounds", "pence", "GBP")):
        for joiner in (" ", " and "):
            for n, written in ((45, "forty-five"), (5, "five"), (50, "50"), (7, "07")):
                m = _one(f"It cost 13 {main}{joiner}{written} {sub}.")
                assert (m.value, m.unit) == (float(Decimal(13) + Decimal(n) / 100), code), m


def test_symbol_after_number_needs_no_digit_after_it():
    assert [(m.text, m.unit) for m in find_quantities("Banknotes: 5 €, 10 €, 20 €.")] == [
        ("5 €", "EUR"), ("10 €", "EUR"), ("20 €", "EUR")]
    assert [(m.text, m.unit) for m in find_quantities("Prices of $1 $2 and $3.")] == [
        ("$1", "USD"), ("$2", "USD"), ("$3", "USD")]
    # an article or a possessive before "$" is no country qualifier
    assert [m.unit for m in find_quantities("Keith's $5 hat and a $48.2 million contract.")] == ["USD", "USD"]


def test_hyphenated_money_attributes():
    for text, value, unit in (("a 12-cent dividend", 0.12, "USD"), ("a one-yen bid", 1.0, "JPY"),
                              ("a 10-dollar bill", 10.0, "USD"), ("a 3-euro fee", 3.0, "EUR"),
                              ("a 50-pence coin", 0.5, "GBP")):
        m = _one(text)
        assert (m.value, m.unit) == (value, unit), m


def test_indian_digit_grouping():
    for written, value in (("12,34,567.89", 1234567.89), ("1,00,000", 100000.0), ("5,50,00,000", 55000000.0)):
        m = _one(f"A loan of {written} rupees was approved.")
        assert (m.value, m.unit) == (value, "INR")


def test_fraction_of_a_scale_word():
    for words, frac in (("half", "0.5"), ("a quarter", "0.25"), ("quarter", "0.25"), ("three quarters", "0.75"),
                        ("half a", "0.5")):
        for scale, mult in (("million", 10**6), ("billion", 10**9)):
            for cur, code in (("", None), (" US dollars", "USD"), (" usd", "USD")):
                m = _one(f"It costs {words} {scale}{cur} now.")
                assert (m.value, m.unit) == (float(Decimal(frac) * mult), code), m
    assert _one("It took two thirds of a million hours.").value == pytest.approx(2e6 / 3)
