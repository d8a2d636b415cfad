"""Plain result types of the pure grammar functions (no spaCy, no pydantic on the hot path)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """One quantity found in a text by :func:`claimx.grammar.quantities.find_quantities`.

    Offsets are character offsets into the text that was scanned (end exclusive), and always
    ``text[start_char:end_char] == self.text``. ``value`` has scale words applied; ranges have
    ``value=None`` and ``lower``/``upper``. ``unit`` is normalised (ISO 4217, ``%``, ``pp``,
    ``bp``, ``x``, UCUM-style symbols) or ``None`` for plain counts.

    ``comparator`` may come from a word inside the span ("over 100,000") or from a finite verb
    just before it that stays outside the span ("has surpassed 1.2 trillion yuan");
    ``comparator_cue`` is then that verb's (start_char, end_char).
    ``approximate`` marks vague amounts ("several", "dozens", "millions").
    ``form`` says how the number was written: ``digits``, ``words``, ``fraction``, ``vague``,
    ``multiplier`` ("twice", "310 times", "12-fold"), ``scale_adjective`` ("trillion-dollar").
    ``number_start``/``number_end`` delimit the numeric core inside the span.
    ``value``, ``lower``, ``upper`` and ``base_value`` are finite floats or ``None``: each is the
    float nearest to the exact decimal product of the written number, its scale and unit factors
    (``None`` when that exceeds the float range).
    """

    text: str
    start_char: int
    end_char: int
    value: Optional[float]
    unit: Optional[str] = None
    comparator: str = "="
    lower: Optional[float] = None
    upper: Optional[float] = None
    base_value: Optional[float] = None
    base_unit: Optional[str] = None
    approximate: bool = False
    form: str = "digits"
    number_start: int = -1
    number_end: int = -1
    comparator_cue: Optional[tuple[int, int]] = None


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """One time expression found by :func:`claimx.grammar.timex.find_timeframes`.

    ``text`` includes the relation word ("By 2025", "as of the first quarter of this year",
    "at the end of June 2025"); ``value`` is TIMEX3-style (``2025``, ``2025-Q1``, ``2025-H1``,
    ``2025-06``, ``2025-06-30``, ``FY2024``, ``2025/2031``, ``XXXX-Q1``); ``relation`` is one of
    ``by``, ``in``, ``as_of``, ``since``, ``until``, ``between``. ``anchor`` is ``True`` when the
    value depends on the reference date ("this year", "in October", "last year");
    ``offset_years`` is set for expressions relative to another timeframe of the sentence
    ("a year earlier" -> -1) whose value the assembly resolves.
    """

    text: str
    start_char: int
    end_char: int
    value: Optional[str]
    relation: str = "in"
    anchor: bool = False
    offset_years: Optional[int] = None


def join_adjacent(out: list[QuantityMatch],
                  join: Callable[[QuantityMatch, Optional[QuantityMatch]], Optional[tuple[QuantityMatch, int]]],
                  ) -> list[QuantityMatch]:
    """Walk ``out`` (quantities in text order) left to right and let ``join(a, b)`` merge each
    quantity ``a`` with the one after it ``b`` (``None`` for the last).

    ``join`` returns ``None`` to keep ``a`` as it is, or ``(merged, used)``: ``merged`` replaces
    ``a`` and ``used`` (1 or 2) says whether ``b`` was consumed too. A consumed ``b`` is never
    offered again. Returns a new list; ``out`` is not changed.
    """
    res: list[QuantityMatch] = []
    i, n = 0, len(out)
    while i < n:
        a = out[i]
        got = join(a, out[i + 1] if i + 1 < n else None)
        if got is None:
            res.append(a)
            i += 1
        else:
            res.append(got[0])
            i += got[1]
    return res
