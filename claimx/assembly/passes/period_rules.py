"""The rules of the periods pass (``claimx/resources/timeframes_context.json``, compiled) and the
small helpers its modules share: the grain of a TIMEX3 value, whether a position is inside a
relative clause, timeframe records."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ...lexicons import read_json

__all__ = ["load_rules", "grain_of", "in_relative_clause", "record", "rec", "quarter", "month_number", "step_part"]


@lru_cache(maxsize=1)
def load_rules() -> dict:
    """The rules of ``claimx/resources/timeframes_context.json`` with compiled patterns (cached).

    :raises KeyError: when a required key is missing from the file.
    """
    raw = read_json("timeframes_context.json")
    months: dict[str, int] = raw["months"]
    counts: dict[str, int] = raw["counts"]
    m_alt = "|".join(sorted(months, key=len, reverse=True))
    n_alt = "|".join(sorted(counts, key=len, reverse=True)) + r"|\d{1,2}"
    fill = {"{lead}": raw["period_patterns"]["lead"], "{M}": rf"(?:{m_alt})\.?", "{n}": n_alt,
            "{relative}": "|".join(raw["relative_openers"]),
            "{M_full}": "|".join(raw["attributive_month"]["months"]),
            "{M_nouns_blocked}": "|".join(raw["attributive_month"]["blocked_nouns"])}

    def compiled(template: str) -> regex.Pattern:
        for slot, alt in fill.items():
            template = template.replace(slot, alt)
        return regex.compile(template)

    pats = {name: compiled(t) for name, t in raw["period_patterns"].items() if name not in ("_doc", "lead")}
    return {"months": months, "counts": counts, "patterns": pats, "raw": raw}


@lru_cache(maxsize=4096)
def grain_of(value: Optional[str]) -> Optional[str]:
    """The grain of a TIMEX3 value: ``Q``, ``H`` (quarter, half), ``M`` (month), ``D`` (day),
    ``S`` (a span ``a/b``), ``Y`` (year, ``FY`` year), else ``None``."""
    if not value:
        return None
    if "/" in value:
        return "S"
    if regex.search(r"-Q[\dX]$", value):
        return "Q"
    if regex.search(r"-H[\dX]$", value):
        return "H"
    if regex.fullmatch(r"[\dX]{4}-[\dX]{2}", value):
        return "M"
    if regex.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", value):
        return "D"
    if regex.fullmatch(r"(?:FY)?[\dX]{4}", value):
        return "Y"
    return None


def in_relative_clause(text: str, start: int, lo: int = 0) -> bool:
    """True when position ``start`` of ``text`` follows a relative opener ("which", "when", ...,
    from ``timeframes_context.json``) in the same comma-free stretch that begins after ``lo``."""
    return bool(load_rules()["patterns"]["relative"].search(text[max(lo, start - 70):start]))


def record(text: str, start: int, end: int, value: Optional[str], relation: str, **extra) -> dict:
    """A timeframe record of the periods pass (the timeframe component's fields)."""
    return {"text": text, "start_char": start, "end_char": end, "value": value,
            "relation": relation, "anchor": False, "offset_years": None, **extra}


def rec(m: regex.Match, value: Optional[str], relation: str = "in", **extra) -> dict:
    """A record of the text ``m`` matched."""
    return record(m.group(0), m.start(), m.end(), value, relation, **extra)


def quarter(month: int) -> int:
    """The calendar quarter (1-4) of ``month`` (1-12)."""
    return (month - 1) // 3 + 1


def month_number(rules: dict, word: Optional[str]) -> Optional[int]:
    """The month (1-12) a month word names ("Sept." -> 9), ``None`` for another word."""
    return rules["months"].get((word or "").lower().rstrip(".")) if word else None


_PART = regex.compile(r"(FY)?([\dX]{4})-([QH]?)(\d{1,2})")


def step_part(value: str, step: int) -> Optional[str]:
    """The quarter, half or month ``step`` parts after ``value`` (``-1``: the one before):
    ``step_part("2025-Q1", -1) == "2024-Q4"``, ``step_part("XXXX-03", -1) == "XXXX-02"`` (an unknown
    year stays unknown); ``None`` for a value of another grain."""
    m = _PART.fullmatch(value or "")
    if m is None:
        return None
    fy, year, code, n = m.group(1) or "", m.group(2), m.group(3), int(m.group(4))
    parts = {"Q": 4, "H": 2, "": 12}[code]
    if not 1 <= n <= parts:
        return None
    k = n - 1 + step
    dy, k = divmod(k, parts)
    if dy and year.isdigit():
        year = f"{int(year) + dy:04d}"
    return f"{fy}{year}-{code}{k + 1}" if code else f"{fy}{year}-{k + 1:02d}"
