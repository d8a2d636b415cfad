"""Years written in words ("nineteen ninety six", "two thousand and fifteen", "one thousand seven
hundred and eighty nine") for the timeframe grammar.

The word tables are the ``year_words`` entry of ``claimx/resources/time.json``. :data:`PATTERN`
is a regular-expression fragment (for the ``regex`` module; no named groups) that
:func:`parse_year_words` turns into a number. Two forms are read:

* a century pair: ``eighteen|nineteen|twenty`` + ``hundred`` (and a two-digit part), ``oh`` +
  a unit, or a two-digit part ("nineteen oh five" 1905, "twenty twenty" 2020);
* thousands: ``one|two thousand`` (and) (a unit ``hundred`` (and)) a two-digit part ("two thousand
  and fifteen" 2015, "two thousand" 2000).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Optional

import regex

__all__ = ["PATTERN", "parse_year_words", "NEXT_WORDS"]

_RAW = json.loads(resources.files("claimx.resources").joinpath("time.json").read_text(encoding="utf-8"))
_W = _RAW["year_words"]
UNITS: dict[str, int] = _W["units"]
TEENS: dict[str, int] = _W["teens"]
TENS: dict[str, int] = _W["tens"]
CENTURIES: dict[str, int] = _W["centuries"]
THOUSANDS: dict[str, int] = _W["thousands"]
ZERO: list[str] = _W["zero"]
#: lower-case words that may follow a year in words standing alone ("in nineteen ninety six and ...")
NEXT_WORDS: frozenset[str] = frozenset(_RAW["word_year_next_words"])


def _alt(words) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_SEP = r"[\s-]+"
_U, _T, _D = _alt(UNITS), _alt(TEENS), _alt(TENS)
_TWO = rf"(?:{_D}(?:{_SEP}{_U})?|{_T}|{_U})(?![\w-])"  # 1..99
_AND = rf"{_SEP}(?:and{_SEP})?"
_CENTURY = (rf"{_alt(CENTURIES)}{_SEP}(?:hundred(?:{_AND}{_TWO})?(?![\w-])|{_alt(ZERO)}{_SEP}{_U}(?![\w-])"
            rf"|{_D}(?:{_SEP}{_U})?(?![\w-])|{_T}(?![\w-]))")
_THOUSAND = rf"{_alt(THOUSANDS)}{_SEP}thousand(?:{_AND}(?:{_U}{_SEP}hundred(?:{_AND}{_TWO})?(?![\w-])|{_TWO}))?(?![\w-])"
#: regex fragment (case-insensitive, no groups) of a year in words
PATTERN = rf"(?i:{_THOUSAND}|{_CENTURY})"

_TOKEN = regex.compile(r"[a-z]+")


def _two(words: list[str]) -> int:
    """Value of a 1..99 part given as its words."""
    total = 0
    for w in words:
        total += UNITS.get(w) or TEENS.get(w) or TENS.get(w) or 0
    return total


def parse_year_words(text: str) -> Optional[int]:
    """The year a match of :data:`PATTERN` names (an ``int``), or ``None`` for other text.

    Example: ``parse_year_words("nineteen ninety six") == 1996``.
    """
    words = [w for w in _TOKEN.findall(text.lower()) if w != "and"]
    if not words:
        return None
    if len(words) >= 2 and words[1] == "thousand" and words[0] in THOUSANDS:
        value, rest = THOUSANDS[words[0]] * 1000, words[2:]
        if len(rest) >= 2 and rest[1] == "hundred":
            value += UNITS.get(rest[0], 0) * 100
            rest = rest[2:]
        return value + _two(rest)
    if words[0] in CENTURIES and len(words) >= 2:
        base, rest = CENTURIES[words[0]] * 100, words[1:]
        if rest[0] == "hundred":
            return base + _two(rest[1:])
        if rest[0] in ZERO:
            return base + _two(rest[1:])
        return base + _two(rest)
    return None
