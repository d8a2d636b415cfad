"""An article's own fiscal calendar: "The company's fiscal year ends in September" makes "this
fiscal year" the one that ends next September, not the one of the fixed April start
(``relative_fiscal_year_first_month`` of ``claimx/resources/time.json``). Part of
:mod:`claimx.grammar.timex`."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from functools import lru_cache
from typing import Optional

import regex

from claimx.grammar.timex_lexicon import load_time_lexicon
from claimx.grammar.types import TimeMatch

__all__ = ["stated_first_month", "apply_fiscal_calendar"]

_RELATIVE_FY = regex.compile(r"FY(\d{4})")


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Month names and abbreviations of the time lexicon, lower-cased, to their number (1-12)."""
    lex = load_time_lexicon()
    return {k.lower(): v for k, v in {**lex.months, **lex.month_abbreviations}.items()}


@lru_cache(maxsize=1)
def _statement() -> Optional[regex.Pattern]:
    """The compiled ``fiscal_calendar_statement`` of the time lexicon, its group 1 the end month."""
    lex = load_time_lexicon()
    if not lex.fiscal_calendar_statement:
        return None
    names = sorted({**lex.months, **lex.month_abbreviations}, key=len, reverse=True)
    return regex.compile(lex.fiscal_calendar_statement.replace("{months}", "|".join(names)))


def stated_first_month(text: str) -> Optional[int]:
    """The first month (1-12) of the fiscal year that ``text`` states first ("fiscal year ends in
    September" -> 10, "whose financial year ends on 30 June" -> 7); ``None`` when it states none."""
    pat = _statement()
    m = pat.search(text) if pat is not None else None
    if m is None:
        return None
    return _month_numbers()[m.group(1).lower()] % 12 + 1


def _fiscal_year(ref: _dt.date, offset: int, first_month: int) -> int:
    """The year the fiscal year ``offset`` years from the one holding ``ref`` ends in, for a
    fiscal year that starts in ``first_month``."""
    return ref.year + offset + (1 if first_month != 1 and ref.month >= first_month else 0)


def apply_fiscal_calendar(text: str, matches: list[TimeMatch], ref: Optional[_dt.date]) -> list[TimeMatch]:
    """``matches`` with each relative fiscal year (an anchored ``FYyyyy``: "this fiscal year",
    "next financial year") renamed by the fiscal calendar ``text`` states
    (:func:`stated_first_month`); unchanged when it states none or there is no reference date."""
    if ref is None or not any(m.anchor and m.value and _RELATIVE_FY.fullmatch(m.value) for m in matches):
        return matches
    first = stated_first_month(text)
    default = load_time_lexicon().relative_fiscal_year_first_month
    if first is None or first == default:
        return matches
    out = []
    for m in matches:
        fy = _RELATIVE_FY.fullmatch(m.value) if m.anchor and m.value else None
        if fy is not None:
            offset = int(fy.group(1)) - _fiscal_year(ref, 0, default)
            m = dataclasses.replace(m, value=f"FY{_fiscal_year(ref, offset, first):04d}")
        out.append(m)
    return out
