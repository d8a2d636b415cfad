"""Expressions found missing on unseen articles: stacked scale words, currency sub-units,
word-number ranges, index names, score lines, acronym + number (claimx.grammar.quantities)."""

from __future__ import annotations

import pytest

from claimx.grammar import numbers as N
from claimx.grammar.quantities import find_quantities


def one(text, **kw):
    ms = find_quantities(text, **kw)
    assert len(ms) == 1, ms
    return ms[0]


# ---------------------------------------------------------------- 1. stacked scale words

@pytest.mark.parametrize("text,span,value,unit", [
    ("The outlay was ₹1.26 lakh crore this year.", "₹1.26 lakh crore", 1.26e12, "INR"),
    ("The state borrowed Rs 5,000 crore.", "Rs 5,000 crore", 5e10, "INR"),
    ("Farm loans of 2 lakh crore rupees were waived.", "2 lakh crore rupees", 2e12, "INR"),
    ("The fund needs a thousand crore rupees.", "a thousand crore rupees", 1e10, "INR"),
    ("Receipts hit Rs 50 thousand crore.", "Rs 50 thousand crore", 5e11, "INR"),
    ("Tax of 3.4 lakh crores was collected.", "3.4 lakh crores", 3.4e12, None),
    ("Two lakh crore was set aside.", "Two lakh crore", 2e12, None),
    ("Britain spent £5 thousand million on roads.", "£5 thousand million", 5e9, "GBP"),
    ("There are a million million cells.", "a million million", 1e12, None),
    ("Output was 5 million tonnes.", "5 million tonnes", 5e6, "t"),
    ("Some 3 lakh people attended.", "Some 3 lakh", 3e5, None),
])
def test_stacked_scale_words(text, span, value, unit):
    m = one(text)
    assert (m.text, m.unit) == (span, unit)
    assert m.value == pytest.approx(value)


def test_stack_table_is_product_of_scale_words():
    assert N.SCALE_STACKS["lakh crore"] == 1e12
    assert N.SCALE_STACKS["thousand crore"] == 1e10
    assert N.scale_value("lakh  crore") == 1e12
    assert N.parse_word_number("two lakh crore") == 2e12
    assert N.parse_word_number("two million three thousand") == 2_003_000  # not a stack


# ---------------------------------------------------------------- 3. word-number ranges

@pytest.mark.parametrize("text,span,lower,upper,unit,form", [
    ("Permits take two to three years.", "two to three years", 2, 3, "a", "words"),
    ("Rates rose between five and seven per cent.", "between five and seven per cent", 5, 7, "%", "words"),
    ("Delivery takes 10 to 12 weeks.", "10 to 12 weeks", 10, 12, "wk", "digits"),
    ("It is three or four times larger.", "three or four times", 3, 4, "x", "multiplier"),
    ("They hired one or two people.", "one or two", 1, 2, None, "words"),
    ("It lasts one to two years.", "one to two years", 1, 2, "a", "words"),
    ("Leave lasts 10 or 12 weeks.", "10 or 12 weeks", 10, 12, "wk", "digits"),
    ("It costs twenty to thirty million dollars.", "twenty to thirty million dollars", 2e7, 3e7, "USD", "words"),
    ("They expect two to three hundred.", "two to three hundred", 200, 300, None, "words"),
    ("It is between two and three times as large.", "between two and three times", 2, 3, "x", "multiplier"),
])
def test_word_number_ranges(text, span, lower, upper, unit, form):
    m = one(text)
    assert (m.text, m.value, m.unit, m.form) == (span, None, unit, form)
    assert (m.lower, m.upper) == (pytest.approx(lower), pytest.approx(upper))


@pytest.mark.parametrize("text,spans", [
    ("It sold 5 or 500 units.", ["5", "500"]),  # far apart: alternatives
    ("Margins were 12% or 3 points higher.", ["12%", "3 points"]),
    ("Two or more firms left.", ["Two or more"]),
    ("Only one of them stayed.", []),
])
def test_or_is_a_range_only_between_close_bare_numbers(text, spans):
    assert [m.text for m in find_quantities(text)] == spans


# ---------------------------------------------------------------- 2. currency sub-units

@pytest.mark.parametrize("text,hint,span,value,unit", [
    ("Power costs 40.1 cents per kilowatt-hour.", None, "40.1 cents per kilowatt-hour", 0.401, "USD/kWh"),
    ("A pint is 99 pence now.", None, "99 pence", 0.99, "GBP"),
    ("A 99p pie.", None, "99p", 0.99, "GBP"),
    ("Diesel rose 50 paise a day.", None, "50 paise a day", 0.5, "INR/d"),
    ("Fares rose 30 fen.", None, "30 fen", 0.3, "CNY"),
    ("Bread costs 20 kopecks more.", None, "20 kopecks", 0.2, "RUB"),
    ("Stamps cost 15 centimes more.", None, "15 centimes", 0.15, "CHF"),
    ("Charging costs 10 euro cents per kWh.", None, "10 euro cents per kWh", 0.1, "EUR/kWh"),
    ("It pays 40 US cents a share.", None, "40 US cents", 0.4, "USD"),
    ("Petrol rose 12 cents.", "AUD", "12 cents", 0.12, "AUD"),
    ("Petrol rose 12 cents.", "JPY", "12 cents", 0.12, "USD"),  # yen has no cents: default
    ("The tariff is 5 fils a litre.", "KWD", "5 fils a litre", 0.005, "KWD/L"),  # 3 minor digits (CLDR); a rate
    ("Forty cents was the fare.", None, "Forty cents", 0.4, "USD"),
])
def test_currency_sub_units(text, hint, span, value, unit):
    m = one(text, currency_hint=hint)
    assert (m.text, m.unit) == (span, unit)
    assert m.value == pytest.approx(value)


def test_sub_unit_takes_nearest_money_amount_in_the_text():
    ms = find_quantities("Power is €0.30/kWh in Germany and 28 cents per kWh in France.")
    assert [(m.text, m.unit) for m in ms] == [("€0.30/kWh", "EUR/kWh"), ("28 cents per kWh", "EUR/kWh")]
    assert ms[1].value == pytest.approx(0.28)
    ms = find_quantities("It sold for 40 cents; the rest cost HK$3 and ¥500.")  # later and nearest candidate
    assert [(m.text, m.unit) for m in ms][0] == ("40 cents", "HKD")


def test_sub_unit_ranges_carry_the_sub_unit_back():
    m = one("Prices were between 30 and 40 cents.")
    assert (m.text, m.unit, m.lower, m.upper) == ("between 30 and 40 cents", "USD", pytest.approx(0.3),
                                                 pytest.approx(0.4))
    m = one("Prices were between 30 and 40 cents.", currency_hint="EUR")
    assert m.unit == "EUR"


@pytest.mark.parametrize("text,spans", [
    ("It was 40 per cent.", ["40 per cent"]),
    ("We met at 10 p.m. and 10pm.", []),
])
def test_sub_unit_words_do_not_capture_other_uses(text, spans):
    assert [m.text for m in find_quantities(text)] == spans


# ---------------------------------------------------------------- 4. names, score lines, acronyms

@pytest.mark.parametrize("text,spans", [
    ("The S&P 500 index gained 1.5% on Monday.", ["1.5%"]),
    ("The FTSE 100 and the Nikkei 225 fell.", []),
    ("The Russell 2000 rose 3% while Fortune 500 firms hired 12,000 staff.", ["3%", "12,000"]),
    ("The Euro Stoxx 50 and CSI 300 rallied.", []),
    ("It was a 1-0 win.", []),
    ("They won 3-2 and drew 2-2, then lost 1-3.", []),
    ("The court issued a 5-4 ruling.", []),
    ("Wages grew 3-5% for ages 18-24.", ["3-5%", "18-24"]),
    ("GDP 3.5 was the figure.", ["3.5"]),
    ("The PMI 50.2 reading beat forecasts.", ["50.2"]),
    ("Python 3.11, iOS 17.2, Windows 11, Table 2.1 and Claude 3.5 are names.", []),
    ("GDP 3.5% and CPI 2.1 per cent.", ["3.5%", "2.1 per cent"]),
])
def test_names_scores_and_acronyms(text, spans):
    assert [m.text for m in find_quantities(text)] == spans


@pytest.mark.parametrize(
    "text, qtext, value, unit",
    [
        ("Kenya will spend KSh 141 billion on health.", "KSh 141 billion", 141e9, "KES"),
        ("Tanzania raised TSh 2.5 trillion.", "TSh 2.5 trillion", 2.5e12, "TZS"),
        ("Ghana paid GH₵ 3 million.", "GH₵ 3 million", 3e6, "GHS"),
    ],
)
def test_shilling_and_cedi_symbols(text, qtext, value, unit):
    (m,) = find_quantities(text)
    assert (m.text, m.value, m.unit) == (qtext, value, unit)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Only 3 in 10 schools have internet.", [("3 in 10", 0.3, None)]),
        ("2 out of 5 have no library.", [("2 out of 5", 0.4, None)]),
        ("Deaths fell to 355 per 100,000 live births.", [("355 per 100,000", 355.0, "/100000")]),
        ("It rose from 12 in 2024 to 15.", [("12", 12.0, None), ("15", 15.0, None)]),
    ],
)
def test_count_ratios_and_rates(text, expected):
    assert [(m.text, m.value, m.unit) for m in find_quantities(text)] == expected
