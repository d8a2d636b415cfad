"""Timeframe grammar: find TIMEX3-style time expressions in raw text (no spaCy).

The public entry point is :func:`find_timeframes`. It runs one compiled regular expression over
the text (a relation cue, an optional position modifier and a time "core"), validates each hit,
then joins neighbouring hits into periods ("from 2025 to 2031") and lists ("in 2023, 2024 and
2025"), and finally resolves each one to a TIMEX3 value, against a reference date when one is
given.

The grammar is split along those steps: :mod:`~claimx.grammar.timex_lexicon` (the resources),
:mod:`~claimx.grammar.timex_grammar` (the patterns), :mod:`~claimx.grammar.timex_scan` (where
to try them), :mod:`~claimx.grammar.timex_atoms` and :mod:`~claimx.grammar.timex_build` (one
hit -> one atom), :mod:`~claimx.grammar.timex_resolve` (TIMEX3 values) and
:mod:`~claimx.grammar.timex_join` (periods and lists); years in words are
:mod:`~claimx.grammar.timex_words`, and :mod:`~claimx.grammar.timex_dispatch` spells the master
pattern for speed. This module is the public entry point.

Lexicons (month and weekday names, ordinals, relation cues, modifiers, the words that make a
four-digit number a count rather than a year) live in ``claimx/resources/time.json``; its
``_conventions`` entry states the normalisation rules followed. ISO 4217 codes, currency names and
symbols come from babel's CLDR data, so "$2025 million", "2025 euros" or "USD 2025" are not years.
"""

from __future__ import annotations

import datetime as _dt
from typing import Optional

from claimx.grammar.timex_fiscal import apply_fiscal_calendar
from claimx.grammar.timex_join import _join
from claimx.grammar.timex_lexicon import RELATIONS, TimeLexicon, load_time_lexicon
from claimx.grammar.timex_scan import _scan, _scan_exhaustive  # noqa: F401  (the tests compare the two)
from claimx.grammar.types import TimeMatch

__all__ = ["find_timeframes", "load_time_lexicon", "TimeLexicon", "RELATIONS"]


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def find_timeframes(text: str, *, reference_date: Optional[_dt.date] = None) -> list[TimeMatch]:
    """Find the time expressions of ``text`` and normalise them to TIMEX3-style values.

    Args:
        text: any text (a sentence or a whole article); offsets refer to it.
        reference_date: the article date. Expressions that depend on it ("this year", "in
            October", "the third quarter", "on Tuesday") are resolved against it; without it the
            unknown digits stay ``X`` ("XXXX-10"). Today's date is never used.

    Returns:
        :class:`~claimx.grammar.types.TimeMatch` objects sorted by ``start_char``, non-overlapping,
        with ``text[m.start_char:m.end_char] == m.text``. Each match's text includes its relation
        cue ("By 2025", "as of the first quarter of this year"), except the items of a list ("in
        2023, 2024 and 2025" gives "2023", "2024", "2025", all with relation ``in``). ``value`` is
        ``None`` and ``offset_years`` set for expressions relative to the sentence's own
        timeframe ("a year earlier" -> -1, "the same period" -> 0).

    Raises:
        TypeError: if ``text`` is not a ``str`` or ``reference_date`` not a ``datetime.date``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if reference_date is not None and not isinstance(reference_date, _dt.date):
        raise TypeError("reference_date must be a datetime.date or None")
    if isinstance(reference_date, _dt.datetime):
        reference_date = reference_date.date()
    if not text:
        return []
    return apply_fiscal_calendar(text, _join(text, _scan(text), reference_date), reference_date)
