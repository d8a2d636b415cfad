"""The working record of one quantity being read (:class:`_Q`) and the small look-around helpers
the readers share (part of :mod:`claimx.grammar.quantities`).

The grammar holds no per-call state at module level: the currency hint of a call
(``currency_hint`` of :func:`~claimx.grammar.quantities.find_quantities`) is passed down as the
``hint`` argument of every reader that resolves a currency (``_core``, ``_digits``,
``_fast_digits``, ``_digits_right``, ``_read_after_number``, ``_read_minor``, ``_resolve_minor``,
``_try_range``), so concurrent calls from several threads with different hints do not interfere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar.quantities_patterns import _LOOK, _SP, _SP_CHARS, _WORDLIKE_RE


@dataclass(slots=True)
class _Q:
    """A quantity under construction (mutable, internal)."""

    start: int
    end: int
    nstart: int
    nend: int
    raw: Optional[float]
    scale: float = 1.0
    has_scale: bool = False
    unit: Optional[str] = None
    unit_info: Optional[U.UnitInfo] = None
    den_info: Optional[U.UnitInfo] = None
    den_annotation: Optional[str] = None
    money: Optional[str] = None
    comparator: str = "="
    cue: Optional[tuple[int, int]] = None
    form: str = "digits"
    approximate: bool = False
    is_year: bool = False
    rng: Optional[tuple[float, float]] = None
    hyphen: bool = False  # the unit was joined by a hyphen ("10-year")
    sub: float = 1.0  # share of the main currency unit of a sub-unit ("cents" -> 0.01)
    minor: Optional[str] = None  # the sub-unit word as written ("cents"), when there is one
    minor_fixed: bool = False  # its currency was written ("euro cents"), not inferred
    digits: Optional[str] = None  # the number as written ("4.1", "-3"), when ``raw`` is its float
    den2: Optional[U.UnitInfo] = None  # a second, time denominator ("per person per day")

    @property
    def value(self) -> Optional[float]:
        """``raw`` times scale and sub-unit share, exact in decimal (float once at the end);
        ``None`` when there is no number or the product is not finite."""
        if self.raw is None:
            return None
        if self.scale == 1.0 and self.sub == 1.0:
            return self.raw
        return N.exact_value(self.digits, self.raw, self.scale, self.sub)

    def exact(self) -> Optional[Decimal]:
        """The value as an exact decimal (``None`` without a number)."""
        if self.raw is None:
            return None
        d = Decimal(self.digits) if self.digits is not None else N.dec(self.raw)
        for f in (self.scale, self.sub):
            if f != 1.0:
                d = N.EXACT.multiply(d, N.dec(f))
        return d


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


def _ascii_lower(text: str) -> str:
    """``text`` with A-Z lower-cased and every other character in place (same length)."""
    low = text.lower()
    if len(low) == len(text):
        return low  # non-ASCII letters that lower to ASCII are word characters: no core starts there
    return text.translate(_ASCII_LOWER)


def _after_one_space(text: str, pos: int) -> str:
    """The character at ``pos``, or after it when it is a space of ``_SP`` ("" at the end), as
    :func:`claimx.grammar.units.could_start` reads it."""
    c = text[pos:pos + 1]
    return text[pos + 1:pos + 2] if c in _SP_CHARS and c else c


def _peek(text: str, pos: int) -> str:
    """The first character at or after ``pos`` that is not a space of ``_SP`` ("" at the end)."""
    n = len(text)
    while pos < n and text[pos] in _SP_CHARS:
        pos += 1
    return text[pos] if pos < n else ""


def _tail_tokens(left: str, k: int) -> list[tuple[str, int]]:
    """The last ``k`` whitespace-separated tokens of ``left`` with their start offsets, provided
    ``left`` ends with whitespace (else ``[]``)."""
    if not left or not left[-1].isspace():
        return []
    parts = left.rsplit(None, k)  # with k splits, parts[0] is the unsplit rest when there are more
    toks = parts[-k:] if len(parts) > k else parts
    out: list[tuple[str, int]] = []
    end = len(left)
    for tok in reversed(toks):
        while left[end - 1].isspace():
            end -= 1
        end -= len(tok)
        out.append((tok, end))
    out.reverse()
    return out


def _prev_word(left: str) -> str:
    """The word just before the number (``left`` ends with whitespace), without an opening
    bracket or quote, or ``""`` when that token is not a word."""
    if not left or not left[-1].isspace():
        return ""
    parts = left.rsplit(None, 1)
    if not parts:
        return ""
    w = parts[-1].lstrip("([{\"'\u201c\u2018")
    return w if _WORDLIKE_RE.fullmatch(w) else ""


def _UNIT_OR_CURRENCY_AHEAD(text: str, pos: int) -> bool:
    return bool(U.UNIT_RE.match(text, pos, pos + _LOOK) or U.CURRENCY_AFTER_RE.match(text, pos, pos + _LOOK))


_OF_NEXT_RE = re.compile(rf"{_SP}+of{_SP}")


def _million_m(text: str, pos: int) -> bool:
    """Whether a lower-case "m" glued to a number and ending at ``pos`` is "million" rather than
    metres: a unit, a currency or "of" follows after a space ("2.5m tonnes", "40m of its devices",
    "3m euros")."""
    if text[pos:pos + 1] not in _SP_CHARS or not text[pos:pos + 1]:
        return False
    return bool(_OF_NEXT_RE.match(text, pos, pos + 8) or U.UNIT_RE.match(text, pos, pos + _LOOK)
                or U.CURRENCY_AFTER_RE.match(text, pos, pos + _LOOK))


def _physical_ahead(text: str, pos: int) -> bool:
    """Whether a unit that is not a duration starts at ``pos`` ("mile" in "the six-mile trip")."""
    um = U.UNIT_RE.match(text, pos, pos + _LOOK)
    info = U.lookup_unit(um.group("u")) if um is not None and not um.group("sp") else None
    return info is not None and not info.time and info.kind == "physical"


def _window(text: str, lo: int, s: int, width: int = 40) -> str:
    return text[max(lo, s - width):s]

