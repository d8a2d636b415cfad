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


# ------------------------------------------------------------------ unit lexicon gaps

_UNITS = (("hp", "[HP]"), ("horsepower", "[HP]"), ("inches", "[in_i]"), ("inch", "[in_i]"), ("″", "[in_i]"),
          ("′", "[ft_i]"), ("feet", "[ft_i]"), ("pc", "%"), ("ksi", "k[psi]"), ("MPa", "MPa"), ("psi", "[psi]"),
          ("drams", "[dr_av]"), ("pound-feet", "[lbf_av].[ft_i]"), ("lb-ft", "[lbf_av].[ft_i]"), ("Nm", "N.m"),
          ("kilotonnes", "kt"), ("kt", "kt"), ("knots", "[kn_i]"), ("sq m", "m2"), ("sq ft", "[sft_i]"),
          ("square feet", "[sft_i]"), ("sq mi", "[smi_us]"), ("cubic feet", "[cft_i]"), ("ounces", "[oz_av]"),
          ("troy ounces", "[oz_tr]"), ("tablespoons", "[tbs_us]"), ("tsp", "[tsp_us]"), ("cups", "[cup_us]"),
          ("degrees", "deg"), ("rad", "rad"), ("deg celsius", "Cel"), ("degrees F", "[degF]"), ("° C", "Cel"),
          ("celcius", "Cel"), ("farenheit", "[degF]"), ("μg", "µg"), ("µg", "µg"), ("mGy", "mGy"), ("dm", "dm"))


@pytest.mark.parametrize("pos", _POSITIONS)
def test_unit_lexicon(pos):
    for (surface, symbol), (num, value) in itertools.product(_UNITS, (("210", 210.0), ("1.4", 1.4), ("12,500", 12500.0))):
        for sep in (" ", "") if surface[0].isalpha() and len(surface) > 3 else ("", " "):
            if sep == "" and surface[0].isalpha() and surface not in ("pc", "hp", "kt", "ksi", "psi", "rad", "dm",
                                                                      "mGy", "MPa", "tsp", "Nm"):
                continue  # long names are written spaced
            m = _one(pos.format(q=f"{num}{sep}{surface}"))
            assert (m.value, m.unit) == (value, symbol), (surface, sep, m)


def test_hyphenated_units_after_word_numbers_and_the():
    for det in ("a", "the", "its"):
        for words, value in (("six", 6.0), ("twenty-five", 25.0)):
            for unit, symbol in (("mile", "[mi_i]"), ("ton", "t"), ("inch", "[in_i]"), ("hp", "[HP]")):
                m = _one(f"They built {det} {words}-{unit} prototype.")
                assert (m.value, m.unit) == (value, symbol), m


def test_feet_and_inches_and_mixed_fractions():
    for feet, inches in itertools.product((5, 6, 12), (1, 2, 11)):
        for form in ("{f} ft {i} in", "{f} feet {i} inches", "{f} feet and {i} inches", "{f}′ {i}″"):
            m = _one("He is " + form.format(f=feet, i=inches) + " tall.")
            assert m.unit == "[ft_i]" and m.value == float(Decimal(feet) + Decimal(inches) / Decimal(12)), m
    for whole, num, den in itertools.product((1, 3, 10), (1, 3), (2, 4, 8)):
        if num >= den:
            continue
        for unit, symbol in (("miles", "[mi_i]"), ("cups", "[cup_us]"), ("%", "%"), ("", None)):
            m = _one(f"It takes {whole} {num}/{den}{' ' if unit.isalpha() else ''}{unit} in all.")
            assert (m.value, m.unit) == (whole + num / den, symbol), m


def test_pounds_are_a_weight_only_with_a_mass_cue():
    for cue in ("weighs", "weighed", "has a weight of", "is heavier by"):
        m = _one(f"The parcel {cue} 25 pounds.")
        assert m.unit == "[lb_av]"
    for text in ("Profit dropped 25 pounds.", "It costs 25 pounds.", "He lost 25 pounds at cards."):
        assert _one(text).unit == "GBP"


# ------------------------------------------------------------------ numbers inside names, dates, codes, definitions

@pytest.mark.parametrize("pos", _POSITIONS)
def test_numbers_inside_names_are_no_quantity(pos):
    names = ("the S&P 500", "the s&p 500", "the FTSE 100", "COVID -19", "Covid -19", "COVID-19", "a Boeing 737",
             "the Series 7 exam", "Formula 1", "SCP2-173", "the Nikkei 225")
    for name in names:
        ms = find_quantities(pos.format(q=f"{name} and 12.5%"))
        assert [(m.value, m.unit) for m in ms] == [(12.5, "%")], (name, ms)


def test_day_ranges_after_a_month_are_dates():
    for month in ("Sept.", "Sep", "September", "Oct.", "March"):
        for dash in ("-", "–"):
            ms = find_quantities(f"The fair runs {month} 12{dash}14 with 3,000 stands.")
            assert [(m.value, m.unit) for m in ms] == [(3000.0, None)], ms


def test_ages_that_define_a_group_are_attributive_years():
    for word in ("aged", "age", "ages"):
        for form, lo_hi in (("25 to 54", (25.0, 54.0)), ("18-24", (18.0, 24.0)), ("65", None), ("five", None)):
            m = find_quantities(f"Among adults {word} {form}, 12% said so.")[0]
            assert (m.unit, m.form) == ("a", "attributive"), m
            if lo_hi:
                assert (m.lower, m.upper) == lo_hi
    for text in ("He is 87 yo.", "a 87 y/o man"):
        assert [(m.value, m.unit) for m in find_quantities(text)] == [(87.0, "a")]
