"""Pinned output of find_quantities on a varied corpus, so speed work cannot change results.

The corpus (``tests/data/quantities_snapshot.json``) holds the seed article's paragraphs, every
case text, every docs example and ~400 sentences generated from templates (money, percent,
points, SI units, ranges, changes, years, dates, times, names, word numbers). Each entry stores
its input text, the currency hint it was scanned with and the full list of matches.

Regenerate only for a deliberate behaviour change (and say which in the commit message)::

    PYTHONPATH=. python tests/test_quantities_snapshot.py --update
"""

from __future__ import annotations

import dataclasses
import json
import random
import sys
from pathlib import Path

import pytest

from claimx.grammar.quantities import find_quantities, guess_currency_hint

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests/data/quantities_snapshot.json"

_NUMS = ["5", "12", "3.6", "1,234", "48.5", "0.4", "250", "1 482 300", "7", "2.05", "17", "100,000", "−9.5"]
_WORDNUMS = ["two", "forty-two", "three and a half", "a dozen", "twenty-five million", "a third", "half"]
_SCALES = ["", " million", " billion", " trillion", "bn", " bln", "M", "K", " crore", " lakh"]
_CUR_BEFORE = ["$", "US$", "€", "£", "¥", "USD ", "GBP", "Rs ", "HK$", "A$"]
_CUR_AFTER = [" yuan", " euros", " dollars", " rupees", " pounds", " CNY", " yen"]
_UNITS = [" MW", " GW", " TWh", " kWh", " petabytes", " PB", " t", " tonnes", " km", " km/h", " hours",
          " h", " weeks", " months", " years", " °C", " kWh per capita", " barrels per day", " EFLOPS",
          " cubic metres", " mg", "-year", "-page", "-hour", " square kilometres", " litres"]
_COMP = ["", "over ", "about ", "more than ", "up to ", "at least ", "nearly ", "below ", "some ", "no more than "]
_SUBJ = ["Revenue", "The company's profit", "Exports", "China's output", "The fund", "Sales", "Capacity",
         "The index", "Turnout", "Unemployment"]
_VERB = ["rose", "fell", "reached", "was", "hit", "grew", "dropped", "climbed", "surpassed", "stood at",
         "is expected to reach", "could exceed"]
_TIME = ["in 2025", "by 2030", "in the first quarter of 2024", "as of June 30, 2025", "last year", "in H1 2024",
         "in fiscal 2023–24", "over 2020-25", "at 3 p.m.", "at 10:30", "on 2025-06-30", "", "from 2025 to 2031"]
_NOISE = ["(Table 2)", "GPT-5.5", "COVID-19", "Windows 11", "the 21st century", "version 3.5.1", "Python 3.11",
          "v2.3", "the 1990s", "[12]", "top 10", "Unit 2", "call 555-123-4567", "9am", "the 2nd", "A100", "5G"]


def _amount(r: random.Random) -> str:
    k = r.randrange(7)
    n = r.choice(_NUMS)
    if k == 0:
        return f"{r.choice(_CUR_BEFORE)}{n}{r.choice(_SCALES)}"
    if k == 1:
        return f"{n}{r.choice(_SCALES)}{r.choice(_CUR_AFTER)}"
    if k == 2:
        return f"{n}{r.choice(['%', ' percent', ' per cent', ' percentage points', ' points', ' basis points'])}"
    if k == 3:
        return f"{n}{r.choice(_UNITS)}"
    if k == 4:
        return f"{r.choice(_WORDNUMS)}{r.choice(['', ' people', ' times', ' of the plants', '-year'])}"
    if k == 5:
        a, b = r.choice(_NUMS[:8]), r.choice(_NUMS[:8])
        sep = r.choice(["-", "–", " to ", " and "])
        pre = r.choice(["", "between ", "from "])
        return f"{pre}{a}{sep}{b}{r.choice(['%', ' million', ' MW', ''])}"
    return f"{n}{r.choice(['x', '-fold', ' times', ''])}"


def _generated(count: int = 400, seed: int = 20250630) -> list[str]:
    r = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [r.choice(_SUBJ), r.choice(_VERB), r.choice(_COMP) + _amount(r)]
        if r.random() < 0.4:
            parts.append(r.choice(["from", "to", "and", "or", "versus"]) + " " + _amount(r))
        t = r.choice(_TIME)
        if t:
            parts.append(t)
        if r.random() < 0.5:
            parts.append(r.choice(["according to", "near", "after", "with", "unlike"]) + " " + r.choice(_NOISE))
        if r.random() < 0.3:
            parts.insert(0, r.choice(["A", "The", "One"]) + " " + _amount(r) + " " +
                         r.choice(["plan", "bond", "report", "deal", "increase", "meeting"]) + ":")
        out.append(" ".join(parts) + ".")
    return out


def build_corpus() -> list[str]:
    """The snapshot's input texts (deterministic)."""
    from claimx.grammar.docs import EXAMPLES

    texts = []
    seed = (ROOT / "seeds/000_21124bc296aca1d1.txt").read_text(encoding="utf-8")
    texts.extend(p for p in seed.split("\n") if p.strip())
    for line in (ROOT / "corpus/cases/cases.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    texts.extend(ex for _, ex in EXAMPLES)
    texts.extend(_generated())
    return texts


def _hint(text: str):
    return "CNY" if "¥" in text and "yuan" in text else guess_currency_hint(text)


def _dump(text: str) -> list[dict]:
    return [dataclasses.asdict(m) for m in find_quantities(text, currency_hint=_hint(text))]


def _normalise(d: list[dict]) -> list[dict]:
    # JSON turns tuples into lists
    return json.loads(json.dumps(d))


def update() -> None:
    """Rewrite the snapshot from the current code."""
    entries = [{"text": t, "hint": _hint(t), "matches": _normalise(_dump(t))} for t in build_corpus()]
    SNAPSHOT.write_text(json.dumps(entries, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def _entries():
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_snapshot_is_large_and_varied():
    entries = _entries()
    assert len(entries) >= 500
    units = {m["unit"] for e in entries for m in e["matches"]}
    assert {"USD", "CNY", "EUR", "%", "pp", "x", "MW", "PB", None} <= units
    assert sum(1 for e in entries for m in e["matches"] if m["lower"] is not None) >= 50


def test_find_quantities_matches_snapshot():
    diffs = []
    for e in _entries():
        got = _normalise([dataclasses.asdict(m) for m in find_quantities(e["text"], currency_hint=e["hint"])])
        if got != e["matches"]:
            diffs.append((e["text"], [m["text"] for m in e["matches"]], [m["text"] for m in got]))
    assert not diffs, diffs[:20]


if __name__ == "__main__":
    if "--update" in sys.argv:
        update()
        print(f"wrote {SNAPSHOT}")
    else:
        pytest.main([__file__, "-q"])
