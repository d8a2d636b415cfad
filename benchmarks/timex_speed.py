"""Throughput of :func:`claimx.grammar.timex.find_timeframes` and the snapshot corpus of its tests.

Usage (from the repository root)::

    python benchmarks/timex_speed.py               # MB/s on the three corpora below
    python benchmarks/timex_speed.py --write-snapshot   # rewrite tests/data/timex_snapshot.json

Corpora (all measured paragraph by paragraph, as the spaCy component calls the function):

* ``fixtures``: the seed articles and every case text, repeated;
* ``generated``: :func:`generate_sentences` (dates, money, quarters, fiscal years, product names);
* ``no_dates``: prose with no time expression at all (fixture paragraphs in which the grammar
  finds nothing, plus generated date-free sentences), the common case on a real corpus.

``--write-snapshot`` pins the current output (with no reference date and with two reference dates)
of the seed, the case texts, the table sentences of ``tests/test_timex.py`` and the generated
sentences; ``tests/test_timex.py::test_snapshot`` compares against it, so optimisations can be
checked to change nothing. Rewrite it only for a deliberate change of output, and review the diff.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SNAPSHOT = ROOT / "tests" / "data" / "timex_snapshot.json"
SNAPSHOT_REFS = (None, "2026-03-12", "2025-01-05")

_ENTITIES = ["Teravolt Mobility", "the company", "Deccan Rural Bank", "China", "the EU", "Audi", "Apple",
             "the utility", "Brazil's central bank", "the IEA", "Nordwind AG", "the fund", "Ontario"]
_METRICS = ["revenue", "net profit", "capacity", "exports", "output", "sales", "debt", "market share",
            "shipments", "installed base", "operating margin", "headcount", "emissions", "premiums"]
_VERBS = ["rose", "fell", "reached", "was", "stood at", "climbed to", "dropped to", "is expected to reach",
          "will hit", "grew by", "declined", "totalled", "may exceed", "surpassed"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December", "Jan.", "Feb", "Sept.", "Oct", "Dec."]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_CUES = ["in", "by", "as of", "since", "until", "through", "during", "for", "before", "from", "after",
         "at", "on", "over", "between", "as at", "no later than", "starting in", "over the course of", ""]
_MODS = ["", "", "", "the end of ", "end-", "mid-", "early ", "late ", "the start of ", "the beginning of ",
         "the middle of ", "the early part of "]


def _year(r: random.Random) -> str:
    return str(r.choice([r.randint(1990, 2035), r.randint(2018, 2030), r.randint(1800, 2199)]))


def _time_core(r: random.Random) -> str:
    y = _year(r)
    yy = y[2:]
    q = r.randint(1, 4)
    h = r.randint(1, 2)
    m = r.choice(_MONTHS)
    d = r.randint(1, 31)
    choices = [
        y, y, f"{m} {y}", f"{m}", f"{m} {d}, {y}", f"{d} {m} {y}", f"{m} {d}", f"the {d}th of {m}",
        f"Q{q} {y}", f"Q{q}", f"{q}Q{yy}", f"Q{q}'{yy}", f"{y}Q{q}", f"H{h} {y}", f"{h}H{yy}", f"H{h}",
        f"the {['first', 'second', 'third', 'fourth'][q - 1]} quarter",
        f"the {['first', 'second', 'third', 'fourth'][q - 1]} quarter of {y}",
        f"the {['first', 'second', 'third', 'fourth'][q - 1]} quarter of this year",
        f"the {['first', 'second', 'third', 'fourth'][q - 1]} quarter of fiscal {y}",
        f"{['first', 'second', 'third', 'fourth'][q - 1]}-quarter", f"the {['first', 'second'][h - 1]} half",
        f"the {['first', 'second'][h - 1]} half of {y}", f"{y}'s {['first', 'second'][h - 1]} half",
        f"FY{y}", f"FY{yy}", f"fiscal {y}", f"fiscal year {y}", f"FY{y}-{int(yy) + 1:02d}",
        f"fiscal {y}–{int(yy) + 1:02d}", f"{y} fiscal year", f"the financial year {y}",
        "this year", "last year", "next year", "last quarter", "this month", "next week", "the current year",
        "the coming quarter", "yesterday", "year-end", "the end of the year", "the year", "the quarter",
        f"{r.choice(_WEEKDAYS)}", f"{r.choice(_WEEKDAYS)}, {m} {d}", f"{y}-{r.randint(1, 12):02d}-{d:02d}",
        f"the summer of {y}", f"winter {y}", f"{y}-{int(yy) + r.randint(1, 9):02d}", f"{y}–{int(y) + r.randint(1, 8)}",
        f"{y}/{int(yy) + 1:02d}", "the same period last year", "a year earlier", "two years ago",
        "the previous year", "that year", "the year-ago quarter", "the first three months of 2024",
        "the last six months", "the final quarter", "the last quarter of 2023",
    ]
    return r.choice(choices)


def _money(r: random.Random) -> str:
    n = r.choice([str(r.randint(1, 999)), f"{r.randint(1, 99)}.{r.randint(0, 99)}", _year(r),
                  f"{r.randint(1, 9)},{r.randint(100, 999)}"])
    return r.choice([f"${n} million", f"US${n} billion", f"€{n}m", f"{n} euros", f"Rs {n} crore",
                     f"USD {n}", f"{n} yuan", f"£{n}bn", f"{n}%", f"{n} percent", f"{n} MW", f"{n} people",
                     f"over {n} tonnes", f"about {n}", f"{n} GWh", f"{n} units", f"A${n} billion", n])


def generate_sentences(n: int = 400, seed: int = 20260312) -> list[str]:
    """``n`` deterministic sentences mixing dates, money, quarters, fiscal years and product names.

    Returns:
        A list of ``n`` strings (the same list for the same ``seed`` on every platform).
    """
    r = random.Random(seed)
    out = []
    for i in range(n):
        e, met, v = r.choice(_ENTITIES), r.choice(_METRICS), r.choice(_VERBS)
        form = r.randrange(9)
        t1 = f"{r.choice(_CUES)} {r.choice(_MODS)}{_time_core(r)}".strip()
        t2 = _time_core(r)
        if form == 0:
            s = f"{t1[:1].upper() + t1[1:]}, {e}'s {met} {v} {_money(r)}."
        elif form == 1:
            s = f"{e[:1].upper() + e[1:]}'s {met} {v} {_money(r)} {t1}, up from {_money(r)} {t2}."
        elif form == 2:
            s = f"{met.capitalize()} {v} {_money(r)} from {t2} to {_time_core(r)}, according to {e}."
        elif form == 3:
            s = (f"Between {t2} and {_time_core(r)}, {e} sold {_money(r)} of the Audi Q{r.randint(3, 8)} "
                 f"and {r.randint(2, 40)} Model {r.choice('SX3Y')} cars.")
        elif form == 4:
            s = (f"{e[:1].upper() + e[1:]} reported {met} of {_money(r)} in {t2}, {_money(r)} in "
                 f"{_time_core(r)} and {_money(r)} in {_time_core(r)}, respectively.")
        elif form == 5:
            s = f"{met.capitalize()} {v} {_money(r)} {t1}{r.choice(['', ' onwards', ' and beyond'])}."
        elif form == 6:  # no time expression intended
            s = (f"{e[:1].upper() + e[1:]} said its {met} {v} {_money(r)}, while rivals such as the "
                 f"Galaxy S{r.randint(20, 25)} and Windows {r.randint(7, 11)} kept {_money(r)}.")
        elif form == 7:
            s = (f"As of {t2}, {e} had {_money(r)} and aims to reach {_money(r)} by "
                 f"{r.choice(['the end of ', 'end-', ''])}{_time_core(r)}.")
        else:
            s = (f"The {met} of {e} {v} {_money(r)} {t1} (vs. {_money(r)} in {t2}); "
                 f"see Table {r.randint(1, 9)} and Section {_year(r)}.")
        out.append(s)
    return out


def _fixture_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for line in (ROOT / "corpus/cases/cases.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


def snapshot_texts() -> list[str]:
    """The texts whose output ``tests/data/timex_snapshot.json`` pins."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_timex import TABLE  # noqa: E402  (the table sentences of the tests)

    return _fixture_texts() + [row[0] for row in TABLE] + generate_sentences()


def run_all(texts: list[str]) -> list[dict]:
    """Output of ``find_timeframes`` on every text for every reference date of the snapshot."""
    from claimx.grammar.timex import find_timeframes

    out = []
    for text in texts:
        row = {"text": text}
        for ref in SNAPSHOT_REFS:
            d = dt.date.fromisoformat(ref) if ref else None
            row[ref or "none"] = [
                [m.text, m.start_char, m.end_char, m.value, m.relation, m.anchor, m.offset_years]
                for m in find_timeframes(text, reference_date=d)
            ]
        out.append(row)
    return out


def _paragraphs(texts: list[str]) -> list[str]:
    return [p for t in texts for p in t.split("\n") if p.strip()]


def measure(paragraphs: list[str], *, min_seconds: float = 1.0) -> float:
    """MB/s (UTF-8 bytes) of ``find_timeframes`` over ``paragraphs``, repeated for ``min_seconds``."""
    from claimx.grammar.timex import find_timeframes

    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    reps, t0 = 0, time.perf_counter()
    while True:
        for p in paragraphs:
            find_timeframes(p)
        reps += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            return size * reps / elapsed / 1e6


def corpora() -> dict[str, list[str]]:
    """The benchmark corpora (see the module docstring), as lists of paragraphs."""
    from claimx.grammar.timex import find_timeframes

    fixtures = _paragraphs(_fixture_texts())
    generated = generate_sentences(2000, seed=7)
    no_dates = [p for p in fixtures + generated if not find_timeframes(p)]
    return {"fixtures": fixtures, "generated": generated, "no_dates": no_dates}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write-snapshot", action="store_true")
    ap.add_argument("--seconds", type=float, default=2.0)
    args = ap.parse_args()
    if args.write_snapshot:
        rows = run_all(snapshot_texts())
        SNAPSHOT.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {len(rows)} texts to {SNAPSHOT}")
        return
    for name, paras in corpora().items():
        kb = sum(len(p.encode()) for p in paras) / 1e3
        print(f"{name:10s} {len(paras):5d} paragraphs {kb:8.1f} kB  {measure(paras, min_seconds=args.seconds):6.2f} MB/s")


if __name__ == "__main__":
    main()
