"""Exact numbers: values are the float nearest to the written digits times their scale (and base
values the float nearest to that times the exact unit factor), computed in decimal, with no
floating-point noise from scale words or unit factors (issue 17)."""

from __future__ import annotations

import itertools
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar.quantities import find_quantities, guess_currency_hint
from tests.conftest import examples

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text,value,base", [
    ("Revenue was $4.1 billion.", 4.1e9, None),
    ("It holds roughly 2.01 trillion yen.", 2.01e12, None),
    ("Debt reached $17.4 trillion.", 17.4e12, None),
    ("Output was 272.4 terawatt-hours.", 272.4, 9.8064e17),
    ("Profit of 2.05 bln euros.", 2.05e9, None),
    ("A grant of ₹2.05 lakh.", 2.05e5, None),
    ("Storage of 0.4 litres.", 0.4, 0.0004),
    ("A 2.05 MW plant.", 2.05, 2.05e6),
    ("It ran 5 miles.", 5, 8046.72),
])
def test_written_values_have_no_noise(text, value, base):
    (m,) = find_quantities(text)
    assert m.value == value
    assert m.base_value == base


def test_fractions_keep_their_true_value():
    (m,) = find_quantities("Two-thirds of the plants closed.")
    assert m.value == 2 / 3


def test_overflow_gives_null_not_infinity():
    (m,) = find_quantities("9" * 300 + " PB")
    assert m.value == float("9" * 300) and m.unit == "PB"
    assert m.base_value is None and m.base_unit is None
    (m,) = find_quantities("9" * 300 + " trillion dollars")
    assert m.value is None and m.unit == "USD"


@pytest.mark.parametrize("text,value,unit", [
    ("Sales were 45 MUSD.", 45e6, "USD"),
    ("EBIT of 12.3 MEUR in 2024.", 12.3e6, "EUR"),
    ("A fee of 250 mUSD.", 250e6, "USD"),
    ("Costs of 980 KUSD and", 980e3, "USD"),
    ("Costs of 7.5 kUSD.", 7.5e3, "USD"),
    ("Wages of 1,200 TSEK.", 1.2e6, "SEK"),
    ("Assets of 3.4 TUSD.", 3.4e3, "USD"),
    ("A 3.5 bnUSD bond.", 3.5e9, "USD"),
    ("Capex of 250 MGBP a year.", 250e6, "GBP/a"),
])
def test_glued_scale_and_currency_codes(text, value, unit):
    (m,) = find_quantities(text)
    assert (m.value, m.unit) == (value, unit)


def test_glued_code_needs_a_current_iso_code():
    assert [(m.text, m.unit) for m in find_quantities("It has 5 MW and 3 kWh and 7 MXYZ.")] == [
        ("5 MW", "MW"), ("3 kWh", "kWh"), ("7", None)]


# -------------------------------------------------------------- property test (10,000 examples)

def _scale_forms() -> list[tuple[str, str, float, str]]:
    """(text before the number, text after it, scale, unit) for every scale word and abbreviation."""
    out = [("", " " + w, v, None) for w, v in N.SCALE_WORDS.items()]
    out += [("", " " + w, v, None) for w, v in N.SCALE_STACKS.items()]
    out += [("$", w, v, "USD") for w, v in N.SCALE_SPACED.items()]
    out += [("€", " " + w, v, "EUR") for w, v in N.SCALE_SPACED.items()]
    out += [("", w, v, None) for w, v in N.SCALE_GLUED.items()]
    out += [("£", w, v, "GBP") for w, v in N.SCALE_MONEY.items()]
    out += [("", f" {w}USD", v, "USD") for w, v in N.GLUED_CURRENCY_SCALES.items()]
    return out


_FORMS = _scale_forms()
_DIGITS = st.builds(
    lambda i, f: f"{i}.{f}" if f else str(i),
    st.integers(min_value=1, max_value=10**15 - 1),
    st.text(alphabet="0123456789", max_size=6),
)


def _grouped(digits: str) -> str:
    whole, _, frac = digits.partition(".")
    g = f"{int(whole):,}"
    return g + ("." + frac if frac else "")


@settings(max_examples=examples(10_000, ci=2_000), deadline=None, derandomize=True)
@given(_DIGITS, st.sampled_from(_FORMS), st.booleans())
def test_value_is_the_exact_product(digits, form, grouped):
    before, after, scale, unit = form
    written = _grouped(digits) if grouped else digits
    ms = find_quantities(f"The total was {before}{written}{after} at the end.")
    assert len(ms) == 1, ms
    assert ms[0].value == float(Decimal(digits) * N.dec(scale))
    assert ms[0].unit == unit


# -------------------------------------------------------------- every corpus of the repository

def _corpus_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [json.loads(line)["text"] for line in
              (ROOT / "corpus/cases/cases.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus/dev/docs").glob("*.txt"))]
    return texts


def _multipliers() -> list[Decimal]:
    scales = {1.0, *N.SCALE_WORDS.values(), *N.SCALE_STACKS.values(), *N.SCALE_SPACED.values(),
              *N.SCALE_GLUED.values(), *N.SCALE_MONEY.values(), *N.GLUED_CURRENCY_SCALES.values()}
    shares = {1.0, 0.01, 0.001}
    return sorted({N.dec(a) * N.dec(b) for a, b in itertools.product(scales, shares)})


_MULTS = _multipliers()
_NUM_RE = re.compile(r"[0-9][0-9,\u2009\u202f\u00a0 ]*(?:\.[0-9]+)?|\.[0-9]+")


def _exact_candidates(span: str) -> list[Decimal]:
    """Every written digit string of ``span`` times every scale and sub-unit share, both signs."""
    out = []
    for m in _NUM_RE.finditer(span):
        try:
            d = Decimal(N.clean_digits(m.group().rstrip(", ")))
        except ArithmeticError:
            continue
        out += [d * s for s in _MULTS] + [-d * s for s in _MULTS]
    return out


def _base_factor(unit: str):
    """Exact factor from ``unit`` (``TWh``, ``USD/kWh``) to its base form, or ``None``."""
    num, _, den = unit.partition("/")
    f = Decimal(1)
    for part, inverse in ((num, False), (den, True)):
        if not part or part in U.ISO_CODES:
            continue
        info = U.lookup_unit(part)
        if info is None:
            return None
        pf, _ = U.unit_factor_exact(info)
        if pf is None:
            return None
        f = N.EXACT.divide(f, pf) if inverse else N.EXACT.multiply(f, pf)
    return f


def test_every_corpus_value_is_the_exact_product():
    checked = 0
    problems = []
    for text in _corpus_texts():
        for m in find_quantities(text, currency_hint=guess_currency_hint(text)):
            if m.form != "digits":
                continue  # word numbers, fractions, multipliers: no written digit string
            cands = _exact_candidates(m.text)
            exact = {float(c): c for c in cands}
            for name in ("value", "lower", "upper"):
                v = getattr(m, name)
                if v is None:
                    continue
                checked += 1
                if v not in exact:
                    problems.append((m.text, name, v))
            if m.base_value is not None and m.value in exact and m.unit not in ("Cel", "[degF]"):
                f = _base_factor(m.unit)
                if f is not None:
                    checked += 1
                    if m.base_value != float(N.EXACT.multiply(exact[m.value], f)):
                        problems.append((m.text, "base_value", m.base_value))
    assert checked >= 700  # 789 values, bounds and base values on this corpus
    assert not problems, problems[:20]
