"""Period phrases and record rewrites of the periods pass (claimx/assembly/passes/periods.py) that
need no parse: spans named by their end year and seasons (:func:`spans_and_seasons`), "since
<an event> in <date>" (:func:`since_event`), a bare ordinal after a named quarter
(:func:`elliptical_parts`), a yearless quarter of a named fiscal year (:func:`fiscal_parts`).
Patterns and words are in ``claimx/resources/timeframes_context.json``."""

from __future__ import annotations

from typing import Optional

import regex

from ..words import compiled
from .period_rules import grain_of, load_rules, month_number, rec

__all__ = ["spans_and_seasons", "since_event", "elliptical_parts", "fiscal_parts", "month_pairs"]


def spans_and_seasons(text: str, rules: dict) -> list[dict]:
    """"the five years to 2024" (``2019/2024``), "the decade to 2020" (``2010/2020``), "over 2025
    (as a whole)" (``2025``), "between now and 2030" (``XXXX/2030``), an attributive month
    ("September sales": ``XXXX-09``), a season without a year ("this summer": ``XXXX-SU``),
    "around 2030" (``2030``)."""
    p = rules["patterns"]
    seasons = rules["raw"]["seasons"]
    out: list[dict] = []
    for m in p["years_to"].finditer(text):
        n = 10 if m.group(2) else (int(m.group(1)) if m.group(1).isdigit() else rules["counts"][m.group(1).lower()])
        end = int(m.group(3))
        out.append(rec(m, f"{end - n:04d}/{end:04d}", "between", override=True))
    for m in p["whole_year"].finditer(text):
        if m.group(0).lower().startswith("over") and "whole" not in m.group(0).lower() \
                and p["whole_year_not_after"].search(text, max(0, m.start() - 12), m.start()):
            continue  # "up 12% over 2024": a comparison
        out.append(rec(m, m.group(1)))
    for m in p["now_to"].finditer(text):
        out.append(rec(m, f"XXXX/{m.group(1)}", "between", override=True))
    for m in p["attributive_month"].finditer(text):
        out.append(rec(m, f"XXXX-{month_number(rules, m.group(1)):02d}"))
    for m in p["season_relative"].finditer(text):
        out.append(rec(m, f"XXXX-{seasons[m.group(1).lower()]}"))
    for m in p["circa_year"].finditer(text):
        out.append(rec(m, m.group(1)))
    return out


def since_event(text: str, rec: dict) -> dict:
    """"since the invasion of Ukraine in February 2022": the date of the event a "since" names is
    a ``since`` span; the phrase takes the "since ..." words."""
    if rec.get("relation") != "in" or grain_of(rec.get("value")) not in ("D", "M", "Q", "Y"):
        return rec
    m = load_rules()["patterns"]["since_event"].search(text, max(0, rec["start_char"] - 60), rec["start_char"])
    if m is None:
        return rec
    return dict(rec, start_char=m.start(), text=text[m.start():rec["end_char"]], relation="since")


def elliptical_parts(text: str, recs: list[dict]) -> list[dict]:
    """"grew 0.3% in the second quarter of 2025, after 0.6% in the first": a bare ordinal after a
    quarter or half named earlier in the sentence is that grain's part of the same year
    (``2025-Q1``; ``elliptical_part`` in the rules)."""
    rules = load_rules()
    p = rules["patterns"]
    added: list[dict] = []
    for m in p["elliptical_part"].finditer(text):
        if any(r["start_char"] < m.end() and m.start() < r["end_char"] for r in recs):
            continue
        prev = [r for r in recs if r["end_char"] <= m.start() and grain_of(r.get("value")) in ("Q", "H")]
        if not prev or p["sentence_end"].search(text, prev[-1]["end_char"], m.start()):
            continue
        v = prev[-1]["value"]
        n = rules["raw"]["ordinals"][m.group(1).lower()]
        if v[-2] == "H" and n > 2:
            continue
        added.append(rec(m, f"{v[:-1]}{n}"))
    return sorted(recs + added, key=lambda r: r["start_char"])


def fiscal_parts(text: str, recs: list[dict]) -> list[dict]:
    """A quarter or half whose year the text does not give, in a sentence that names a fiscal year
    before it, is a part of that fiscal year ("for 2025-26 ..., with Q1 at 6.9%" -> ``FY2026-Q1``;
    ``fiscal_parts`` in the rules file)."""
    raw = load_rules()["raw"]["fiscal_parts"]
    sentence_end = load_rules()["patterns"]["sentence_end"]
    out: list[dict] = []
    fiscal: Optional[tuple[dict, str]] = None
    fiscal_value, part_value = compiled(raw["fiscal_value"]), compiled(raw["part_value"])
    for r in recs:
        v = r.get("value") or ""
        m_fy = fiscal_value.fullmatch(v)
        m_part = part_value.fullmatch(v)
        if fiscal is not None and sentence_end.search(text, fiscal[0]["end_char"], r["start_char"]):
            fiscal = None
        if m_fy:
            fiscal = (r, m_fy.group(1))
        elif m_part and fiscal is not None and r.get("anchor") and not r.get("anaphor"):
            # ``anchor``: the grammar took the year from the reference date (or left it X)
            r = dict(r, value=f"FY{fiscal[1]}-{m_part.group(1)}", anchor=False)
        out.append(r)
    return out


def month_pairs(text: str, recs: list[dict]) -> list[dict]:
    """"In March and April, exports fell 7%": two consecutive months of one year joined by "and"
    after a preposition are one ``between`` span of both (``2025-03/2025-04``), unless
    "respectively" follows in the sentence (``month_pair`` in the rules file)."""
    raw = load_rules()["raw"]["month_pair"]
    sentence_end = load_rules()["patterns"]["sentence_end"]
    out = list(recs)
    for a, b in zip(recs, recs[1:]):
        va, vb = a.get("value") or "", b.get("value") or ""
        if grain_of(va) != "M" or grain_of(vb) != "M" or va[:4] != vb[:4] or not va[5:].isdigit() \
                or not vb[5:].isdigit() or int(vb[5:]) != int(va[5:]) + 1 \
                or not regex.fullmatch(raw["joint"], text[a["end_char"]:b["start_char"]]) \
                or not regex.search(raw["lead"], text[max(0, a["start_char"] - 12):a["start_char"]]):
            continue
        end = sentence_end.search(text, b["end_char"])
        if regex.search(raw["not_after"], text[b["end_char"]:end.start() if end else len(text)]):
            continue
        span = dict(a, text=text[a["start_char"]:b["end_char"]], end_char=b["end_char"], value=f"{va}/{vb}",
                    relation="between")
        out = [r for r in out if r is not a and r is not b] + [span]
    return sorted(out, key=lambda r: r["start_char"])
