"""Generative tests, one per class of expression that issue 13 found missing or misread: each
composes forms combinatorially (currency forms x scales x comparators x positions, range forms
x units, signs x change words, ...) in sentences written for these tests, and checks value,
unit, comparator and bounds of every composition."""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

import pytest

from claimx.grammar.quantities import find_quantities, guess_currency_hint

_POSITIONS = ("{q}", "It was {q}.", "Revenue reached {q} last year.", "The fund (now {q}) grew.")
_COMPARATORS = (("", "="), ("over ", ">"), ("about ", "~"), ("more than ", ">"), ("up to ", "<="))


def _one(text: str):
    ms = [m for m in find_quantities(text) if m.form != "attributive"]
    assert len(ms) == 1, (text, ms)
    return ms[0]


def _exact(digits: str, scale: int) -> float:
    return float(Decimal(digits.replace(",", "")) * scale)


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


# ------------------------------------------------------------------ ranges and comparators

_RANGE_UNITS = (("", None), ("%", "%"), (" degrees Celsius", "Cel"), (" calories", "[Cal]"), (" MW", "MW"),
                (" million", None), (" kilometres", "km"))


@pytest.mark.parametrize("pos", _POSITIONS)
def test_range_forms(pos):
    forms = ("{a} to {b}{u}", "{a}-{b}{u}", "{a} - {b}{u}", "{a}–{b}{u}", "between {a} and {b}{u}",
             "from {a} to {b}{u}", "range from {a}{u} to {b}{u}", "ranging from {a}{u} to {b}{u}", "{a}~{b}{u}")
    for form, (u, unit), (a, b) in itertools.product(forms, _RANGE_UNITS, (("1.5", "2"), ("1,500", "2,000"), ("12", "18"))):
        if "%" in u and "range" in form or u == " million" and a == "1,500":
            continue  # (a first number of 1,000 or more keeps its own scale: "900 to 1.2 million" by design)
        scale = 10**6 if u == " million" else 1
        m = _one(pos.format(q=form.format(a=a, b=b, u=u)))
        assert (m.lower, m.upper, m.unit) == (_exact(a, scale), _exact(b, scale), unit), (form, u, m)
    for a, b in (("$410,000", "$4.8 million"), ("€5", "€12")):
        m = _one(pos.format(q=f"prices range from {a} to {b}"))
        assert m.lower is not None and m.upper is not None and m.unit in ("USD", "EUR"), m


def test_suspended_hyphen_ranges_are_attributive_when_a_noun_follows():
    for a, b, unit, symbol in (("8", "10", "year", "a"), ("320", "640", "inch", "[in_i]"), ("2", "3", "mile", "[mi_i]")):
        (m,) = find_quantities(f"The {a}- to {b}-{unit} group grew.")
        form = "attributive" if unit == "year" else "digits"  # a duration compound modifies the noun
        assert (m.lower, m.upper, m.unit, m.form) == (float(a), float(b), symbol, form), m


def test_a_change_from_to_is_no_range():
    for verb in ("rose", "fell", "increased", "dropped"):
        ms = find_quantities(f"Sales {verb} from 5 to 7 million.")
        assert [m.lower for m in ms] == [None, None] and [m.value for m in ms] == [5e6, 7e6]


_BOUNDS = ((">", ">"), (">=", ">="), ("≥", ">="), ("<", "<"), ("<=", "<="), ("≤", "<="), ("~", "~"),
           ("more than ", ">"), ("greater than or equal to ", ">="), ("less than or equal to ", "<="),
           ("smaller or equal than ", "<="), ("equal to or more than ", ">="), ("larger than ", ">"))


def test_comparator_symbols_and_phrases():
    for (word, comp), num, unit in itertools.product(_BOUNDS, ("30", "-30", "2.5"), ("", "mm", "%")):
        m = _one(f"It is {word}{num}{unit} now.")
        assert (m.value, m.comparator, m.unit or "") == (float(num), comp, unit), (word, m)
    assert _one("It is less than 5000 or equal.").comparator == "<="
    assert _one("His score is 200 or greater.").comparator == ">="


def test_two_bounds_make_a_range():
    for low, high in itertools.product(("more than", "above", "at least", "greater than", ">"), ("less than", "below",
                                                                                                   "at most", "<=")):
        m = _one(f"The value is {low} 10 and {high} 40 here.")
        assert (m.lower, m.upper) == (10.0, 40.0), m
        ms = find_quantities(f"The value is {low} 40 and {high} 10 here.")
        assert [m.value for m in ms] == [40.0, 10.0]  # no range from 40 down to 10
    for low, high in itertools.product(("larger than", "more than", "above"), ("less or equal than", "less than or equal to",
                                                                                  "smaller than")):
        for a, b in (("20", "35"), ("twenty", "thirty five")):
            m = _one(f"This number is {low} {a} and {high} {b}.")
            assert (m.lower, m.upper) == (20.0, 35.0), m  # a suffix ("and less") never eats the next bound
    ms = find_quantities("His score is more than 5000 or equal to 6000.")
    assert [(m.value, m.comparator) for m in ms] == [(5000.0, ">"), (6000.0, "=")]


# ------------------------------------------------------------------ signs and change words

_SIGNS = (("+", 1), ("-", -1), ("−", -1), ("minus ", -1), ("minus-", -1), ("negative ", -1), ("", 1))


def test_signs_with_change_words_and_units():
    for (sign, f), verb, (num, unit, symbol) in itertools.product(
            _SIGNS, ("Nasdaq", "plunged", "gave up", "will charge", "was"),
            (("0.4", "%", "%"), ("38.5", " per cent", "%"), ("300", " yards", "[yd_i]"), ("25", " basis points", "bp"),
             ("40", " Celsius", "Cel"), ("2.1", "", None))):
        m = _one(f"The figure: {verb} {sign}{num}{unit} today.")
        assert (m.value, m.unit) == (f * float(num), symbol), (sign, verb, m)


# ------------------------------------------------------------------ scale abbreviations and rates

def test_scale_abbreviations():
    for num, value in (("2.5", 2.5e6), ("40", 4e7), ("1.2", 1.2e6)):
        for after, unit in ((" tonnes", "t"), (" of its devices", None), (" euros", "EUR"), (" barrels", "[bbl_us]")):
            m = _one(f"It sold {num}m{after} last year.")
            assert (m.value, m.unit) == (value, unit), m
    assert [(m.value, m.unit) for m in find_quantities("A 100m sprint and 5m from the shore.")] == [
        (100.0, "m"), (5.0, "m")]
    for num, words, value in (("3", "hundred million", 3e8), ("322", "hundred", 32200.0), ("2", "hundred thousand", 2e5)):
        assert _one(f"It has {num} {words} users.").value == value


def test_rates():
    for amount, per, unit in (("$61", "a barrel", "USD/[bbl_us]"), ("$18.50", "per square foot", "USD/[sft_i]"),
                              ("$2", "per share", "USD/{share}"), ("€500", "per head", "EUR/{capita}"),
                              ("£30", "per capita", "GBP/{capita}"), ("80,000", "barrel-a-day", "[bbl_us]/d"),
                              ("18.2", "points per game", "{point}/{game}"), ("7", "assists a game", "{assist}/{game}")):
        m = _one(f"It was {amount} {per} last year.")
        assert m.unit == unit, m
    assert [m.unit for m in find_quantities("It was $5 a year earlier.")] == ["USD"]


# ------------------------------------------------------------------ points, fractions, negatives, notation, conversions

def test_index_points_are_not_percentage_points():
    for index in ("the index", "the Dow", "the S&P 500", "the Nasdaq", "the benchmark"):
        ms = find_quantities(f"{index} lost 210 points, or 0.7%, on Monday.")
        assert [(m.value, m.unit) for m in ms][-2:] == [(210.0, None), (0.7, "%")], ms
    ms = find_quantities("Its share was 56%, up 4 points.")
    assert ms[-1].unit == "pp"


def test_scientific_notation():
    for written, digits, exp in (("3.1×10−6", "3.1", -6), ("6.02e23", "6.02", 23), ("1.3x10^6", "1.3", 6),
                                 ("-12e-1", "-12", -1), ("12.32e+14", "12.32", 14), ("2.48×10⁻⁵", "2.48", -5),
                                 ("4 × 10^3", "4", 3)):
        for unit, symbol in (("", None), (" kg", "kg"), (" m", "m")):
            m = _one(f"The value was {written}{unit} then.")
            assert (m.value, m.unit) == (float(Decimal(digits).scaleb(exp)), symbol), (written, m)


def test_comparator_carried_into_a_bracketed_conversion():
    for word, comp in (("more than ", ">"), ("about ", "~"), ("~", "~"), ("up to ", "<=")):
        ms = find_quantities(f"It flew {word}120 kilometres (75 miles) today.")
        assert [(m.unit, m.comparator) for m in ms] == [("km", comp), ("[mi_i]", comp)], ms
    ms = find_quantities("It cost more than $5 (€4) and 3 km (2 kg).")
    assert [m.comparator for m in ms] == [">", "=", "=", "="]  # money has no base unit; km and kg differ


# ------------------------------------------------------------------ word numbers, fractions, shared units

def test_word_decimals_and_fractions():
    for words, value in (("five point five", 5.5), ("two hundred point zero three", 200.03),
                         ("nine point nought four", 9.04), ("naught point five", 0.5), ("three fifths", 0.6),
                         ("two thirds", 2 / 3), ("one fifth", 0.2), ("three halves", 1.5),
                         ("five and a half million", 5.5e6), ("one million and a half", 1.5e6), ("three dozens", 36.0)):
        for pos in ("{q}", "It was {q}.", "We counted {q}, in all."):  # (a lone "one fifth" ends a clause)
            m = _one(pos.format(q=words))
            assert m.value == value, (words, m)
    for digits, value in (("3 dozen", 36.0), ("3 dzs", 36.0), ("1/40 of", 0.025), ("10 3/4", 10.75)):
        assert _one(f"It was {digits} them.").value == value
    assert find_quantities("a third party and three quarters of it")[0].text == "three quarters"


def test_a_bare_number_shares_the_unit_of_the_next():
    for a, b, unit, symbol in (("45", "50", " mg", "mg"), ("5", "12", "%", "%"), ("2", "3", " km", "km")):
        for joiner in (" and ", ", "):  # ("45 or 50 mg" is a range)
            ms = find_quantities(f"They were given {a}{joiner}{b}{unit} of it.")
            assert [(m.value, m.unit) for m in ms] == [(float(a), symbol), (float(b), symbol)], ms
    ms = find_quantities("I have seen 45 and 50 cases, and 5 and 7 million tonnes.")
    assert [m.unit for m in ms] == [None, None, None, "t"]


def test_signs_after_a_currency_and_frequencies():
    for cur, code in (("$", "USD"), ("£", "GBP"), ("A$", "AUD"), ("GBP", "GBP")):
        for sign in ("-", "−"):
            m = _one(f"The result was {cur}{sign}9.5 million.")
            assert (m.value, m.unit) == (-9.5e6, code), m
    for words, value, unit in (("four times per week", 4.0, "x/wk"), ("3 times a year", 3.0, "x/a"),
                               ("twice", 2, "x")):
        m = _one(f"It runs {words} now.")
        assert (m.value, m.unit) == (value, unit), m


# ------------------------------------------------------------------ fractions with ordinal denominators

_NUMERATORS = (("two", 2), ("three", 3), ("seven", 7), ("eleven", 11), ("twenty-three", 23), ("forty one", 41),
               ("one hundred thirty-two", 132), ("ninety - five hundred", 9500))
_DENOMINATORS = (("fifths", 5), ("sevenths", 7), ("ninths", 9), ("twelfths", 12), ("sixteenths", 16),
                 ("hundredths", 100), ("thousandths", 1000))
_CLAUSE_POSITIONS = ("{q}", "It was {q}.", "We counted {q}, in all.", "The share (now {q}) grew.")


@pytest.mark.parametrize("pos", _CLAUSE_POSITIONS)
def test_word_fractions_with_ordinal_denominators(pos):
    for (num, n), (den, d) in itertools.product(_NUMERATORS, _DENOMINATORS):
        m = _one(pos.format(q=f"{num} {den}"))
        assert (m.value, m.form, m.text) == (float(Fraction(n, d)), "fraction", f"{num} {den}"), m
    # a tens word right before a ones ordinal makes one denominator; a separate number before it is the numerator
    for words, n, d in (("three twenty-firsts", 3, 21), ("one thirty-fifth", 1, 35), ("a twenty-fifth", 1, 25),
                        ("one hundred forty-sixths", 100, 46), ("seven ninety-thirds", 7, 93),
                        ("one one hundred and seventh", 1, 107), ("a hundred millionths", 100, 10**6),
                        ("five - sixths", 5, 6), ("one one hundred and seventh", 1, 107)):
        m = _one(pos.format(q=words))
        assert m.value == float(Fraction(n, d)), (words, m)


def test_a_scale_ordinal_is_a_fraction():
    for (words, value), pos in itertools.product((("a thousandth", 1e-3), ("a hundredth", 0.01), ("a millionth", 1e-6),
                                                  ("an hundredth", 0.01), ("a trillionth", 1e-12)),
                                                 ("It was {q}.", "{q}", "in {q} of a second", "about {q}, or less")):
        m = _one(pos.format(q=words))
        assert (m.value, m.form) == (value, "fraction"), m
    for text in ("a millionth visitor", "the hundredth anniversary", "its thousandth game"):
        assert find_quantities(text) == [], text


@pytest.mark.xfail(strict=True, reason="the scan starts no candidate at a bare 'one' ('one - eighth'), and the number "
                                       "forms are read around its matches")
def test_fractions_after_a_bare_one():
    for words, value in (("one - eighth", 0.125), ("one - fourth", 0.25)):
        assert _one(f"It was {words}.").value == value


def test_ordinals_that_are_ranks_stay_out():
    for text in ("It was the twenty-first century.", "They marked its hundredth anniversary in style.",
                 "Sales of two millionth units.", "He ranked 100 millionths apart."):
        assert all(m.form != "fraction" for m in find_quantities(text)), text
    for text, value in (("Over the past two quarters, 7 mines shut.", 2.0), ("For three straight quarters, 9 shut.", 3.0)):
        assert find_quantities(text)[0].value == value, text


@pytest.mark.parametrize("scale", [("", 1), (" million", 10**6), (" billion", 10**9)])
def test_mixed_numbers_in_words(scale):
    sw, mult = scale
    wholes = (("two", 2), ("fifteen", 15), ("one hundred and three", 103), ("forty-four", 44))
    fracs = (("a half", Fraction(1, 2)), ("one fourth", Fraction(1, 4)), ("three quarters", Fraction(3, 4)),
             ("two thirds", Fraction(2, 3)), ("five ninths", Fraction(5, 9)), ("fifty-four hundredths", Fraction(54, 100)))
    for (w, wv), (f, fv) in itertools.product(wholes, fracs):
        if sw and w == "one hundred and three":
            continue
        # "forty-four and two thirds million" = (44 + 2/3) * 1e6
        m = _one(f"They counted {w} and {f}{sw}.")
        assert m.value == float((wv + fv) * mult), (w, f, sw, m)
        if sw:  # after a scale word the fraction is of that scale: "two million and a half"
            m = _one(f"They counted {w}{sw} and {f}.")
            assert m.value == float(wv * mult + fv * mult), (w, f, sw, m)
            # ... or of the scale after it: "one billion and a half million"
            m = _one(f"They counted {w} billion and {f} million.")
            assert m.value == float(wv * 10**9 + fv * 10**6), (w, f, m)
    for digits in ("3", "12", "250"):
        m = _one(f"The city has {digits}{sw or ' million'} and a quarter.")
        assert m.value == float((int(digits) + Fraction(1, 4)) * (mult if sw else 10**6)), m


def test_over_and_out_of_in_words():
    for (a, av), (b, bv) in itertools.product((("one", 1), ("2000", 2000), ("seven", 7), ("negative one", -1)),
                                              (("three", 3), ("20", 20), ("one hundred and twenty five", 125),
                                               ("twenty-one", 21))):
        m = _one(f"The answer is {a} over {b}.")
        assert (m.value, m.form) == (av / bv, "fraction"), (a, b, m)
    for (a, av), (b, bv) in itertools.product((("one", 1), ("two", 2), ("three", 3)),
                                              (("four", 4), ("ten", 10), ("twenty-five", 25))):
        m = _one(f"Roughly {a} out of {b} voters agreed.")
        assert m.value == av / bv, (a, b, m)
    # "over" before more words is a comparator: "spent 2000 over 3 years"
    ms = find_quantities("They spent 2,000 over 3 years.")
    assert [m.value for m in ms] == [2000.0, 3.0], ms


def test_powers_with_a_caret():
    for base, exp in itertools.product(("1.1", "2.5", "-3", "10"), ("2", "-1", "+3", "--2")):
        sign = -1 if base.startswith("-") else 1
        e = int(exp.lstrip("+-")) * (-1 if exp.count("-") % 2 else 1)
        m = _one(f"It is {base}^{exp} here.")
        assert m.value == sign * abs(float(base)) ** e, (base, exp, m)


def test_numbers_mixing_digits_and_words():
    for text, value in (("4 thousand 3 hundred and 21", 4321), ("3 hundred and 21", 321), ("7 hundred and 5", 705),
                        ("6 crore and two hundred", 60000200), ("2 million 3 hundred thousand", 2300000)):
        for pos in ("{q}", "We saw {q} birds.", "It was {q}."):
            m = _one(pos.format(q=text))
            assert (m.value, m.text) == (float(value), text), m
    assert [m.value for m in find_quantities("3 hundred and 2 hundred")] == [300.0, 200.0]
    m = _one("It cost 3 hundred and 21 yuan.")
    assert (m.value, m.unit) == (321.0, "CNY")
    # a year or a count after a scale word is a number of its own
    assert [m.value for m in find_quantities("They sold 7 million 2020 models.")][0] == 7e6


def test_percent_of_without_a_number_before():
    for word in ("percent", "per cent", "percents", "per cents"):
        for num, value in (("22", 22.0), ("twenty-two", 22.0), ("0.5", 0.5)):
            m = _one(f"{word.capitalize()} of {num}")
            assert (m.value, m.unit) == (value, "%"), m
            if word == "per cents":
                continue
            # a number before the percent word is the percentage
            ms = find_quantities(f"Only 5 {word} of {num} passed.")
            assert (ms[0].value, ms[0].unit) == (5.0, "%"), ms


def test_no_numbers_inside_web_addresses():
    for url in ("https://example.org/q?x=30%25%2020%", "http://site.test/2024/05/report-5-percent",
                "www.example.com/page/120km"):
        assert find_quantities(f"See {url} for 5 km of trails.")[-1].value == 5.0
        assert [m.text for m in find_quantities(f"See {url} for details.")] == []


# ------------------------------------------------------------------ dimensions

_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("<", ">"))
_PHYSICAL = (("kg", "kg"), ("km", "km"), ("mm", "mm"), ("MW", "MW"), ("litres", "L"), ("m", "m"))


def test_a_unit_alone_in_brackets():
    for (o, c), (u, sym), (num, value), space in itertools.product(
            _BRACKETS, _PHYSICAL, (("20", 20.0), ("1,250.5", 1250.5)), (" ", "")):
        m = _one(f"The load is {num}{space}{o}{u}{c} today.")
        assert (m.value, m.unit, m.text) == (value, sym, f"{num}{space}{o}{u}{c}"), m
    # a bracket that holds a number is a conversion, and money in brackets is no unit of this kind
    assert [m.unit for m in find_quantities("It is 120 km (75 miles) long.")] == ["km", "[mi_i]"]
    assert [m.unit for m in find_quantities("It costs 20 (USD) or (kg 5).")] == [None, None]


def test_a_half_with_a_unit():
    for unit, sym in (("mile", "[mi_i]"), ("hour", "h"), ("turn", "{turn}"), ("percentage point", "pp"),
                      ("kilometre", "km"), ("litre", "L")):
        for art in ("a", "an") if unit[0] in "aeiou" else ("a",):
            m = _one(f"It took {art} half {unit} more.")
            assert (m.value, m.unit) == (0.5, sym), m
    for text in ("a half measure", "They took a half share.", "a half of the plants"):
        assert all(m.value == 0.5 for m in find_quantities(text)) and all(
            m.unit is None for m in find_quantities(text)), text


def test_a_dash_after_a_space_joins_a_range():
    for (a, b), (u, sym) in itertools.product((("75", "300"), ("5", "10"), ("1.5", "2.25")), _PHYSICAL[:4]):
        m = _one(f"a {a} -{b}{u} lens")
        assert (m.lower, m.upper, m.unit) == (float(a), float(b), sym), m
    # downwards, or a temperature, the dash stays a sign
    assert [m.value for m in find_quantities("It fell from 300 -5 m.")][-1] == -5.0
    assert find_quantities("a low of 5 -10 °C")[-1].value == -10.0


def test_pounds_after_a_mass_word_are_a_weight():
    for cue in ("A metric ton is equal to", "The tonne weighs about as much as", "A kilogram of grain, as a rule, is about",
                "The baby is over", "Newborn babies average"):
        for num, value in (("2,204.62", 2204.62), ("two", 2.0), ("7", 7.0)):
            m = _one(f"{cue} {num} pounds.")
            assert (m.value, m.unit) == (value, "[lb_av]"), (cue, m)
    assert _one("The fee was 25 pounds.").unit == "GBP"



def test_scale_letters_glued_to_a_number():
    for (num, v), (letter, mult) in itertools.product((("1.2", "1.2"), ("4.75", "4.75"), ("0.5", "0.5")),
                                                     (("b", 10**9), ("mil", 10**6), ("k", 10**3), ("M", 10**6))):
        for pos in ("{q}", "They reached {q} users.", "It was {q}."):
            m = _one(pos.format(q=f"{num}{letter}"))
            assert (m.value, m.text) == (_exact(v, mult), f"{num}{letter}"), m
    assert _one("It cost 2mil SEK.").unit == "SEK"
    # after an integer a lower-case b is a label
    for text in ("See Section 3b.", "She lives in flat 12b.", "Read 4b and 7b."):
        assert all(m.value is not None and m.value < 100 for m in find_quantities(text)), text


def test_signs_before_slash_fractions():
    for sign, (frac, value) in itertools.product(("-", "\u2212"), (("4/5", 0.8), ("1/4", 0.25), ("2/3", 2 / 3))):
        for pos in ("{q}", "It moved {q} of a point.", "({q})"):
            m = _one(pos.format(q=f"{sign}{frac}"))
            assert (m.value, m.form) == (-value, "fraction"), m
    assert _one("It moved 3/4 of a point.").value == 0.75


def test_digit_lists_glued_by_commas():
    for items in ((22, 24, 26, 31), (1, 3), (5, 10, 15), (7, 8)):
        joined = ",".join(map(str, items))
        for pos in ("Exercises nrs. {q}.", "pages {q} and 40", "({q})", "{q}"):
            ms = find_quantities(pos.format(q=joined))
            assert [m.value for m in ms][:len(items)] == [float(i) for i in items], (pos, ms)
    # thousands groups, and a short group before a unit or a percent sign, stay as they were
    assert [m.value for m in find_quantities("It cost 1,234 and 2,500 more.")] == [1234.0, 2500.0]
    assert [m.value for m in find_quantities("in 4,5 km")] == [4.0]


def test_digit_words_joined_by_hyphens_are_no_amount():
    for text in ("they were playing three-nought-four", "the one-two punch", "a five-four-three drill"):
        assert find_quantities(text) == [], text
    for text, value in (("a twenty-one gun salute", 21.0), ("forty-five minutes", 45.0)):
        assert _one(text).value == value


def test_temperature_misspellings():
    for word in ("centigrate", "degrees centigrate", "centrigrade", "celcius", "degrees farenheit"):
        for num, value in (("34.9", 34.9), ("-5", -5.0), ("twenty", 20.0)):
            m = _one(f"It reached {num} {word} at noon.")
            assert (m.value, m.unit) == (value, "[degF]" if "farenheit" in word else "Cel"), m


def test_half_before_a_determiner_and_half_as_a_part():
    for (comp, c), det in itertools.product((("", "="), ("more than ", ">"), ("nearly ", "~"), ("almost ", "~")),
                                            ("the", "its", "their", "all", "of the")):
        m = _one(f"They sold {comp}half {det} shares.")
        assert (m.value, m.comparator, m.form) == (0.5, c, "fraction"), m
    for part, rest in itertools.product(("first", "second", "other", "lower", "upper", "top"),
                                        ("of 2024", "of the year", "of the range", "the time")):
        assert find_quantities(f"In the {part} half {rest} we met.") == [], (part, rest)


def test_straight_quotes_as_inches():
    for (num, value), space, cue in itertools.product((("65", 65.0), ("10", 10.0), ("2.5", 2.5)), ("", " "),
                                                      ("long", "TV", "pizza", "wide", "screen")):
        m = _one(f"It is a {num}{space}\" {cue} here.")
        assert (m.value, m.unit) == (value, "[in_i]"), m
    for text in ('He said "we sold 10" and left.', 'The "10" was there.', '"Sold 5", she said.'):
        assert all(m.unit is None for m in find_quantities(text)), text
    assert _one("a 12\u2033 blade").unit == "[in_i]"


def test_rates_per_a_power_of_ten_of_people():
    for (num, v), noun, (den, k), people in itertools.product(
            (("711.2", 711.2), ("3", 3.0), ("2,271", 2271.0)), ("", "cases ", "deaths "),
            (("100,000", 5), ("1,000", 3), ("10,000", 4)), ("people", "population", "inhabitants", "residents")):
        text = f"{num} {noun}per {den} {people}"
        m = _one(f"The rate reached {text}, officials said.")
        assert (m.value, m.unit, m.base_unit, m.text) == (v, f"/10*{k}{{capita}}", "/{capita}", text), m
        assert m.base_value == float(Decimal(num.replace(",", "")).scaleb(-k))
    # not a power of ten, or no people after it: two numbers as before
    assert [m.value for m in find_quantities("It has 3 beds per 1,500 people.")] == [3.0, 1500.0]
    assert _one("Rates hit 355 per 100,000 last year.").unit == "/100000"


def test_cubic_hectometres_and_word_points():
    for written in ("hm3", "hm\u00b3", "cubic hectometres", "cubic hectometer"):
        for num, value in (("100", 100.0), ("612.5", 612.5)):
            m = _one(f"The reservoirs held {num} {written} of water.")
            assert (m.value, m.unit, m.base_value) == (value, "hm3", value * 10**6), m
    for words, value in (("eight", 8.0), ("two and a half", 2.5), ("eleven", 11.0)):
        ms = find_quantities(f"Chips are set to grow 37.1%, {words} points more than forecast.")
        assert (ms[-1].value, ms[-1].unit) == (value, "pp"), ms
        assert _one(f"The index rose {words} points.").unit is None  # no percentage in sight


def test_dirhams_follow_the_country_of_the_article():
    morocco = "Morocco's tourism grew. Moroccan hotels were full, and Rabat was pleased: {q}."
    uae = "The UAE grew. Dubai hotels were full, and the Emirates were pleased: {q}."
    for amount in ("112 billion dirhams", "almost 8 billion dirhams", "40 dirhams"):
        for tpl, code in ((morocco, "MAD"), (uae, "AED")):
            text = tpl.format(q=amount)
            ms = find_quantities(text, currency_hint=guess_currency_hint(text))
            assert ms[-1].unit == code, (text, ms)


def test_ounces_of_precious_metals_are_troy():
    for metal, (q, value, unit) in itertools.product(
            ("gold", "silver", "platinum", "bullion", "Gold"),
            (("68,781 ounces", 68781.0, "[oz_tr]"), ("5 oz", 5.0, "[oz_tr]"), ("A$2,194 an ounce", 2194.0, "AUD/[oz_tr]"),
             ("$2,400/oz", 2400.0, "USD/[oz_tr]"))):
        for tpl in ("The mine produced {q} of {m} last year.", "{M} output was {q}, and costs rose."):
            m = _one(tpl.format(q=q, m=metal, M=metal.capitalize()))
            assert (m.value, m.unit) == (value, unit), m
    for text, unit in (("a 12-ounce steak", "[oz_av]"), ("Add 8 oz of flour.", "[oz_av]")):
        assert _one(text).unit == unit


def test_forecast_ranges_after_a_change_verb():
    for lead, verb, (a, b) in itertools.product(("expects sales to", "Revenue will", "Margins could", "Costs may"),
                                                ("grow", "rise", "increase", "fall"), (("4.8", "5.1"), ("2", "3.5"))):
        m = _one(f"The firm {lead} {verb} {a}% to {b}% next year.")
        assert (m.lower, m.upper, m.unit) == (float(a), float(b), "%"), m
    # a past change, a change to a level, or downwards: two quantities
    for text in ("Sales rose 5% to 7% last year.", "Sales are expected to rise 5% to $10 billion.",
                 "Inflation is set to fall 3% to 2%."):
        assert len(find_quantities(text)) == 2, text


def test_rates_shared_by_a_range_and_chained_per_units():
    for (cur, code), (den, sym) in itertools.product((("A$", "AUD"), ("$", "USD"), ("€", "EUR")),
                                                     ((" an ounce", "[oz_av]"), (" per barrel", "[bbl_us]"),
                                                      (" per tonne", "t"), ("/kg", "kg"))):
        m = _one(f"Costs were between {cur}1,900 and {cur}2,050{den} this year.")
        assert (m.lower, m.upper, m.unit) == (1900.0, 2050.0, f"{code}/{sym}"), m
        m = _one(f"Costs were {cur}1,900 to {cur}2,050{den}.")
        assert m.unit == f"{code}/{sym}", m
        ms = find_quantities(f"It climbed to {cur}2,551{den} from {cur}2,441 in June.")
        assert [m.unit for m in ms] == [f"{code}/{sym}", code], ms
    for (num, v), (unit, usym), (per, psym), (t, tsym) in itertools.product(
            (("200", 200.0), ("1.5", 1.5)), (("litres", "L"), ("kWh", "kWh")),
            (("person", "{capita}"), ("resident", "{capita}"), ("head", "{capita}"), ("inhabitant", "{capita}")),
            (("per day", "d"), ("a day", "d"), ("per year", "a"))):
        m = _one(f"Use is capped at {num} {unit} per {per} {t} for all.")
        assert (m.value, m.unit) == (v, f"{usym}/{psym}/{tsym}"), m
    assert _one("It rose 5 km a year from now on.").unit == "km"  # ("a year from now" is a time)


def test_up_to_after_a_phrasal_verb_is_a_level():
    for verb, (q, value, unit) in itertools.product(("edged", "edging", "ticked", "inched", "crept", "moved"),
                                                   (("4.9%", 4.9, "%"), ("61.2 TWh", 61.2, "TWh"), ("$5 billion", 5e9, "USD"))):
        m = _one(f"Output {verb} up to {q} last month.")
        assert (m.value, m.unit, m.comparator) == (value, unit, "="), m
    for text in ("Fees of up to 3% apply.", "It will cost up to $5.", "Shares rose up to 5% in early trading."):
        assert _one(text).comparator == "<=", text


def test_up_to_after_a_verb_of_revision_or_pickup_is_a_level():
    for frame, (q, value, unit) in itertools.product(
            ("The jobless rate nudged up to {q} in May.", "Growth picked up to {q} in the quarter.",
             "The estimate was revised up to {q}.", "Output ramped up to {q} by June.",
             "Yields drifted up to {q} on Friday."),
            (("4.4%", 4.4, "%"), ("2.8 million", 2.8e6, None), ("$7 billion", 7e9, "USD"))):
        m = _one(frame.format(q=q))
        assert (m.value, m.unit, m.comparator) == (value, unit, "="), (frame, m)
    for text in ("The bank may lend up to 4.4% of its capital.", "Bonuses were capped, picked from up to 5% of pay."):
        assert _one(text).comparator == "<=", text


def test_day_ranges_after_a_month_with_to_or_through():
    for month, (a, b), joiner in itertools.product(("March", "Sept.", "June"), (("13", "19"), ("3", "7")),
                                                   (" to ", " through ", "-", "\u2013")):
        assert find_quantities(f"During the week of {month} {a}{joiner}{b}, by which time it closed.") == []
    assert [m.value for m in find_quantities("On March 13 and 14 people left.")] == [14.0]
