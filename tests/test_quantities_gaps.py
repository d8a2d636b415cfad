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
