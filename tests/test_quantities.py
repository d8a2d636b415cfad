"""find_quantities / guess_currency_hint (claimx.grammar.quantities)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from claimx.grammar.quantities import find_quantities, guess_currency_hint

ROOT = Path(__file__).resolve().parents[1]


def one(text, **kw):
    ms = find_quantities(text, **kw)
    assert len(ms) == 1, ms
    return ms[0]


@pytest.mark.parametrize("text,span,value,unit,comp", [
    ("The margin was −9.5% last year.", "−9.5%", -9.5, "%", "="),
    ("Offshore wind may supply 17.4%³ of it.", "17.4%", 17.4, "%", "="),
    ("It reached 2.3 million students[12] so far.", "2.3 million", 2.3e6, None, "="),
    ("Visitors spent $14.6 billion* there.", "$14.6 billion", 14.6e9, "USD", "="),
    ("The network had 3,200⁶ points.", "3,200", 3200, None, "="),
    ("The grant was half a million dollars.", "half a million dollars", 5e5, "USD", "="),
    ("Some two hundred suppliers signed.", "Some two hundred", 200, None, "~"),
    ("The strike lasted three and a half months.", "three and a half months", 3.5, "mo", "="),
    ("It grew 12.4M users.", "12.4M", 12.4e6, None, "="),
    ("It employs 48.5K people.", "48.5K", 48500, None, "="),
    ("loans worth Rs 1,620 crore", "Rs 1,620 crore", 1.62e10, "INR", "="),
    ("a loss of USD41.3 million", "USD41.3 million", 41.3e6, "USD", "="),
    ("a profit of GBP 19 million", "GBP 19 million", 19e6, "GBP", "="),
    ("It costs ¥48 billion.", "¥48 billion", 48e9, "JPY", "="),
    ("sales were 1.5bn euros", "1.5bn euros", 1.5e9, "EUR", "="),
    ("It was about 950 MW.", "about 950 MW", 950, "MW", "~"),
    ("The cap is no more than 7%.", "no more than 7%", 7, "%", "<="),
    ("The subsidy is capped at €6,000.", "capped at €6,000", 6000, "EUR", "<="),
    ("100 or more firms", "100 or more", 100, None, ">="),
    ("no fewer than 12 closed", "no fewer than 12", 12, None, ">="),
    ("It is 12-fold that of X.", "12-fold", 12, "x", "="),
    ("It handles twice as many.", "twice", 2, "x", "="),
    ("a threefold rise", "threefold", 3, "x", "="),
    ("It is 3x faster.", "3x", 3, "x", "="),
    ("Share rose, up 4 points from 2024.", "4 points", 4, "pp", "="),
    ("The bank cut rates by 25 basis points.", "25 basis points", 25, "bp", "="),
    ("one in four schools", "one in four", 0.25, None, "="),
    ("a third of it went to clinics", "a third", 1 / 3, None, "="),
    ("½ of the land", "½", 0.5, None, "="),
    ("Coal traded at 860 yuan per ton.", "860 yuan per ton", 860, "CNY/t", "="),
    ("It averages $5 a day.", "$5 a day", 5, "USD/d", "="),
])
def test_single_quantity(text, span, value, unit, comp):
    m = one(text)
    assert m.text == span
    assert m.value == pytest.approx(value)
    assert m.unit == unit
    assert m.comparator == comp
    assert text[m.start_char:m.end_char] == m.text


@pytest.mark.parametrize("text,value,unit,base_value,base_unit", [
    ("136 TWh", 136, "TWh", 4.896e17, "J"),
    ("400,000 t", 4e5, "t", 4e8, "kg"),
    ("72 h", 72, "h", 259200, "s"),
    ("three and a half months", 3.5, "mo", 9204300, "s"),
    ("2.1 EFLOPS", 2.1, "EFLOP/s", 2.1e18, "FLOP/s"),
    ("188.2 quintillion floating-point operations per second", 1.882e20, "FLOP/s", 1.882e20, "FLOP/s"),
    ("890 petabytes", 890, "PB", 8.9e17, "B"),
    ("380 km", 380, "km", 3.8e5, "m"),
    ("350 km/h", 350, "km/h", 350 / 3.6, "m/s"),
    ("19 kWh per kilometre", 19, "kWh/km", 68400, "J/m"),
    ("50,000 kWh per capita", 5e4, "kWh/{capita}", 1.8e11, "J/{capita}"),
    ("$48 per megawatt-hour", 48, "USD/MWh", 48 / 3.6e9, "USD/J"),
    ("860 yuan per ton", 860, "CNY/t", 0.86, "CNY/kg"),
    ("2 litres", 2, "L", 2e-3, "m3"),
    ("72 seconds", 72, "s", 72, "s"),
    ("5 bytes", 5, "B", 5, "B"),
])
def test_base_values(text, value, unit, base_value, base_unit):
    m = one(text)
    assert (m.value, m.unit, m.base_unit) == (pytest.approx(value), unit, base_unit)
    assert m.base_value == pytest.approx(base_value, rel=1e-9)


@pytest.mark.parametrize("text,span,lower,upper,unit", [
    ("The aquifer holds 10 to 20 billion cubic metres.", "10 to 20 billion cubic metres", 1e10, 2e10, "m3"),
    ("Wages will grow 3-5% in 2026.", "3-5%", 3, 5, "%"),
    ("Energies reached 13.2–13.6 TeV.", "13.2–13.6 TeV", 13.2, 13.6, "TeV"),
    ("It costs between US$210 billion and $340 billion.", "between US$210 billion and $340 billion", 2.1e11, 3.4e11, "USD"),
    ("They operate from −40 to 85 °C.", "−40 to 85 °C", -40, 85, "Cel"),
])
def test_ranges(text, span, lower, upper, unit):
    m = one(text)
    assert (m.text, m.value, m.unit) == (span, None, unit)
    assert (m.lower, m.upper) == (pytest.approx(lower), pytest.approx(upper))


@pytest.mark.parametrize("text,spans", [
    ("Commutes dropped from 62 minutes to 48 minutes.", ["62 minutes", "48 minutes"]),
    ("Unemployment fell 0.4 percentage points to 2.1% in 2025.", ["0.4 percentage points", "2.1%"]),
    ("Revenue fell $2.3 million to $41.8 million.", ["$2.3 million", "$41.8 million"]),
])
def test_changes_are_two_matches(text, spans):
    assert [m.text for m in find_quantities(text)] == spans


def test_finite_verb_comparator_stays_outside():
    text = "China's core AI industry scale has surpassed 1.2 trillion yuan."
    m = one(text)
    assert (m.text, m.value, m.unit, m.comparator) == ("1.2 trillion yuan", 1.2e12, "CNY", ">")
    assert text[m.comparator_cue[0]:m.comparator_cue[1]] == "surpassed"
    m = one("The holdings exceed 3.6 petabytes.")
    assert (m.text, m.comparator) == ("3.6 petabytes", ">")


def test_vague_amounts():
    m = one("enabling millions of developers")
    assert (m.text, m.value, m.comparator, m.approximate, m.form) == ("millions", 1e6, ">=", True, "vague")
    m = one("from several weeks on")
    assert (m.text, m.value, m.unit, m.comparator) == ("several weeks", None, "wk", "~")
    m = one("a couple hundred workers")
    assert (m.value, m.comparator) == (200, "~")
    m = one("dozens of firms")
    assert m.approximate and m.comparator == ">="


def test_scale_adjectives():
    ms = find_quantities("a trillion-dollar market and a trillion-scale chain")
    assert [(m.text, m.value, m.unit, m.comparator, m.form) for m in ms] == [
        ("trillion-dollar", 1e12, "USD", "~", "scale_adjective"),
        ("trillion-scale", 1e12, None, "~", "scale_adjective"),
    ]


@pytest.mark.parametrize("text", [
    "In 2025", "2025–2031", "June 30", "fiscal 2023–24", "FY2025", "Q1 2025", "H1 2024", "2020-25",
    "GPT-5.5", "GPT—5.5", "DeepSeek—V4", "COVID-19", "A100", "Windows 11", "Kestrel-2", "Veltra-7",
    "Corvid K3", "CO2", "Unit 2", "Line 4", "Section 3", "Table 2", "Image 1", "at 10:30", "at 3 pm",
    "the first", "2nd place", "top 10", "Top 500", "these two core resources", "The two lines", "one of them",
    "a car", "version 3.5.1", "the 1990s", "see [12]", "the 5G network",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text,span,value,unit", [
    ("They bought a 10-year bond.", "10-year", 10, "a"),
    ("It published a 300-page report.", "300-page", 300, None),
    ("After a 2-hour meeting it ended.", "2-hour", 2, "h"),
    ("The party unveiled a five-year plan.", "five-year", 5, "a"),
    ("The 12-member board voted.", "12-member", 12, None),
    ("Prices hit a 12-month high.", "12-month", 12, "mo"),
    ("Most 5-year-old children can read.", "5-year", 5, "a"),
    ("It stayed at a five-star hotel.", "five-star", 5, None),
])
def test_attributive_hyphen_compounds_are_marked(text, span, value, unit):
    m = one(text)
    assert (m.text, m.value, m.unit, m.form) == (span, value, unit, "attributive")


def test_coordinated_attributive_compounds():
    ms = find_quantities("Yields on 5-year, 10-year and 30-year bonds rose.")
    assert [(m.text, m.form) for m in ms] == [("5-year", "attributive"), ("10-year", "attributive"),
                                              ("30-year", "attributive")]


@pytest.mark.parametrize("text,span,value,unit", [
    ("It reported a 5% increase.", "5%", 5, "%"),
    ("It grew at a 24% CAGR.", "24%", 24, "%"),
    ("They signed a $3 billion deal.", "$3 billion", 3e9, "USD"),
    ("They signed a $3-billion deal.", "$3-billion", 3e9, "USD"),
    ("They built a 1.2-GW plant.", "1.2-GW", 1.2, "GW"),
    ("She won a 10-km race.", "10-km", 10, "km"),
    ("It lasted 10 years.", "10 years", 10, "a"),
    ("Output rose 5-year on year.", "5-year", 5, "a"),  # not before a noun
    ("Two-thirds of it went to clinics.", "Two-thirds", 2 / 3, None),
])
def test_hyphenated_claims_are_not_attributive(text, span, value, unit):
    m = one(text)
    assert (m.text, m.value, m.unit) == (span, pytest.approx(value), unit)
    assert m.form != "attributive"


@pytest.mark.parametrize("text", [
    # times of day
    "at 3 p.m.", "at 3 p.m. on Monday", "at 10:30", "at 10:30 a.m.", "by 9am", "at 9 am", "at 9.30am",
    "at 09:00 GMT", "at 14:00 UTC", "at 5 o'clock",
    # phone-like numbers
    "call 555-123-4567", "call (555) 123-4567", "call +1 555 123 4567", "on +44 20 7946 0958",
    "tel. 020 7946 0958",
    # versions
    "v2.3", "v2", "version 2.3", "release 1.2.3", "Python 3.11", "Python 3.11 is out", "iOS 17.2",
    # dates
    "on 2025-06-30", "2025-06-30", "2025/06/30", "30/06/2025", "06/30/2025", "30.06.2025", "ISBN 978-3-16-148410-0",
    # ordinals
    "the 21st century", "its 21st year", "1st", "the 3rd quarter", "100th", "the 2nd",
])
def test_codes_times_versions_dates_ordinals_are_not_quantities(text):
    assert find_quantities(text) == []


def test_codes_do_not_hide_neighbouring_quantities():
    ms = find_quantities("Revenue rose 3.5% to $2.1 million at 9am on 2025-06-30 (call 555-123-4567); +1 000 000 users.")
    assert [(m.text, m.value) for m in ms] == [("3.5%", 3.5), ("$2.1 million", 2.1e6), ("+1 000 000", 1e6)]


def test_fast_constructed_matches_equal_constructor_built_ones():
    import dataclasses

    from claimx.grammar.types import QuantityMatch

    for m in find_quantities("Revenue rose 3.5% to $2.1 million, between 3 and 5 GW, a 10-year bond."):
        again = QuantityMatch(**dataclasses.asdict(m))
        assert m == again and hash(m) == hash(again) and repr(m) == repr(again)
        with pytest.raises(dataclasses.FrozenInstanceError):
            m.value = 1.0


def test_currency_hint():
    assert one("It cost ¥48 billion.", currency_hint="CNY").unit == "CNY"
    assert one("It cost $48 billion.", currency_hint="CNY").unit == "USD"
    assert one("It cost $48 billion.", currency_hint="AUD").unit == "AUD"
    text = "China's yuan rose. Chinese exports grew. RMB loans rose in Beijing."
    assert guess_currency_hint(text) == "CNY"
    assert guess_currency_hint("Nothing here.") is None


def test_sorted_and_non_overlapping():
    text = ("In 2025 revenue was $4.6 bln, up 3% from $4.4 bln; 12 plants (Unit 2) ran 1,460 hours "
            "and about 50,000 kWh per capita, between 3 and 5 percent.")
    ms = find_quantities(text)
    assert [m.text for m in ms] == ["$4.6 bln", "3%", "$4.4 bln", "12", "1,460 hours",
                                    "about 50,000 kWh per capita", "between 3 and 5 percent"]
    for a, b in zip(ms, ms[1:]):
        assert a.end_char <= b.start_char


# ------------------------------------------------------------------ fixtures

def _docs():
    docs = []
    for line in (ROOT / "corpus/cases/cases.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs.append((d["id"], d["text"], d["claims"], d["not_claims"]))
    seed = (ROOT / "seeds/000_21124bc296aca1d1.txt").read_text(encoding="utf-8")
    gold = [json.loads(x) for x in (ROOT / "corpus/gold/000_21124bc296aca1d1.gold.jsonl")
            .read_text(encoding="utf-8").splitlines() if x.strip()]
    docs.append(("seed", seed, gold, []))
    return docs


def _close(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6)


def _slot_errors(g: dict, m) -> list[str]:
    errs = []
    if g.get("value") is None:
        if m.value is not None:
            errs.append("value")
    elif not (_close(m.value, g["value"]) or _close(m.base_value, g.get("base_value"))):
        errs.append("value")
    if g.get("unit") != m.unit and not (g.get("base_unit") and g.get("base_unit") == m.base_unit):
        errs.append("unit")
    if g.get("comparator", "=") != m.comparator:
        errs.append("comparator")
    for k in ("lower", "upper"):
        if g.get(k) is not None and not _close(getattr(m, k), g[k]):
            errs.append(k)
    return errs


def _evaluate():
    right = total = not_hits = 0
    seed_right = seed_total = 0
    failures = []
    for did, text, claims, nots in _docs():
        ms = find_quantities(text, currency_hint=guess_currency_hint(text))
        for c in claims:
            if c.get("optional"):
                continue
            g = c["quantity"]
            ov = [m for m in ms if m.start_char < g["end_char"] and g["start_char"] < m.end_char]
            errs = ["missing"] if not ov else _slot_errors(g, ov[0])
            total += 1
            right += not errs
            if did == "seed":
                seed_total += 1
                seed_right += not errs
            if errs:
                failures.append((did, g["text"], errs))
        for nc in nots:
            i = text.find(nc)
            while i >= 0:
                if any(m.start_char < i + len(nc) and i < m.end_char for m in ms):
                    not_hits += 1
                    failures.append((did, nc, ["not_claim overlapped"]))
                i = text.find(nc, i + 1)
    return right, total, seed_right, seed_total, not_hits, failures


def test_cases_quantity_slots():
    """>= 95% of required gold quantities (cases + seed) have a overlapping match with the right
    value, unit, comparator and bounds; 100% on the seed; no not_claims string is overlapped."""
    right, total, seed_right, seed_total, not_hits, failures = _evaluate()
    assert total > 150
    assert right / total >= 0.95, failures
    assert seed_right == seed_total, failures
    assert not_hits == 0, failures


@pytest.mark.parametrize("text,values,units", [
    ("Sales rose from 5 to 7 million.", [5e6, 7e6], [None, None]),
    ("Output fell from 12 to 1.5 billion tonnes.", [12e9, 1.5e9], ["t", "t"]),
    ("Revenue rose from 900 to 1.2 million.", [900, 1.2e6], [None, None]),
    ("Commutes dropped from 62 to 48 minutes.", [62, 48], ["min", "min"]),
    ("Prices climbed from 3 to 4.5 per cent.", [3, 4.5], ["%", "%"]),
])
def test_change_start_point_takes_unit_and_scale_of_end_point(text, values, units):
    ms = find_quantities(text)
    assert [m.value for m in ms] == [pytest.approx(v) for v in values]
    assert [m.unit for m in ms] == units
    assert ms[0].text == text.split("from ")[1].split(" to")[0]  # the span stays as written


@pytest.mark.parametrize("text,span,unit", [
    ("The FTSE 100 index rose 120 points.", "120", None),
    ("The Dow gained 300 pts on Friday.", "300", None),
    ("The team scored 98 points.", "98", None),
    ("Labour's vote share rose 4 points.", "4 points", "pp"),
    ("Approval fell 6 pts in March.", "6 pts", "pp"),
    ("Its margin widened 2 points to 14%.", "2 points", "pp"),
    ("Support rose 3 points. It is 40% now.", "3", None),  # the % is in another sentence
])
def test_points_are_pp_only_in_a_percentage_context(text, span, unit):
    m = find_quantities(text)[0]
    assert (m.text, m.unit) == (span, unit)


def test_docs_page_is_generated_from_current_code():
    from claimx.grammar.docs import render

    page = render()
    assert (ROOT / "docs/quantities.md").read_text(encoding="utf-8") == page
    assert "| `136 TWh` | 136 | TWh | = |  | 4.896e+17 J |" in page


def test_new_match_equals_the_constructor():
    """quantities._new_match (unrolled slot stores) builds the same object as QuantityMatch(...)."""
    from claimx.grammar.quantities import _new_match
    from claimx.grammar.types import QuantityMatch

    vals = ("$5-7 bn", 3, 10, None, "USD", ">=", 5e9, 7e9, None, None, True, "digits", 4, 9, (0, 2))
    m = _new_match(*vals)
    assert m == QuantityMatch(*vals) and hash(m) == hash(QuantityMatch(*vals))
    assert (m.lower, m.upper, m.unit, m.comparator_cue) == (5e9, 7e9, "USD", (0, 2))
