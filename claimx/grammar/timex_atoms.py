"""Atoms of the timeframe grammar: one validated hit of the master pattern (:class:`_Atom`) and
the checks and readers the atom builder uses (years, numeric dates, what a number is followed or
preceded by, when a month name alone is a month). Part of :mod:`claimx.grammar.timex`."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import Optional

import regex

from claimx.grammar.timex_grammar import _CUE_TO_REL, _DASH, _MONTH_ANY, _MONTH_NAMES, _NAMED_LISTS
from claimx.grammar.timex_lexicon import _CUR_CODES, _CUR_SYMBOLS, _CUR_WORDS, _LEX, _norm
from claimx.grammar.timex_words import parse_year_words


# the end of a period of months just before a month name: "from March to May", "between August and October"
_PERIOD_END_BEFORE = regex.compile(r"(?<![\w-])(?:to|through|until|till)\s+\Z|[A-Za-z]\s?[-\u2013]\s?\Z"
                                   r"|(?i:between)\s+[A-Z][a-z]+\.?\s+and\s+\Z")
# a month name and a range separator just before / after a month: "Jan-Feb 2017", "between august
# and october", "from April until the end of June" (a month alone is then a period's end or start)
_MONTH_BEFORE = regex.compile(
    rf"(?:(?<![\w-])\L<monany>\.?\s*(?:{_DASH}|/|(?i:to|through|thru|until|till)\s)"
    rf"|(?i:between)\s+\L<monany>\.?\s+(?i:and)\s)\s*(?:(?i:the\s+end\s+of)\s+)?\Z", monany=_NAMED_LISTS["monany"])
# a capitalised month name and a list separator just before a month: "In March and | April"
_MONTH_LISTED_BEFORE = regex.compile(
    r"(?<![\w-])(?:\L<monfull>|\L<monabbr>\.)\s*(?:,\s*(?:(?i:and|or)\s+)?|(?i:and|or)\s+)\Z",
    monfull=_NAMED_LISTS["monfull"], monabbr=_NAMED_LISTS["monabbr"])
_MONTH_AFTER = regex.compile(
    rf"\s*(?:{_DASH}|(?i:to|through|thru|until|till|and)\s)\s*(?:(?i:the\s+end\s+of)\s+)?\L<monany>(?:\.|(?![A-Za-z]))",
    monany=_NAMED_LISTS["monany"])

_BLOCK_WORDS = frozenset(_norm(w) for w in _LEX.year_blockers_before) | frozenset(
    w.lower() for w in list(_CUR_CODES) + _LEX.extra_currency_tokens)
_BLOCK_SYMBOLS = tuple(sorted(_CUR_SYMBOLS | {t for t in _LEX.extra_currency_tokens if not t.isalpha()}))
_FOLLOW_TOKEN = regex.compile(r"\s*([%\u2030\u00d7\u00b0][A-Za-z]?|[$\u20ac\u00a3\u00a5\u20b9\u20a9]|[^\W\d][\w/\u00b2\u00b3]*)(\s+[^\W\d]+)?")
_FOLLOW_WORDS = frozenset(w.lower() for w in _LEX.non_year_followers if " " not in w) | _CUR_WORDS | frozenset(
    w.lower() for w in _LEX.extra_currency_words
)
_FOLLOW_PAIRS = frozenset(w.lower() for w in _LEX.non_year_followers if " " in w)
_FOLLOW_SYMBOLS = frozenset(_LEX.non_year_follower_symbols) | _CUR_CODES
_LIST_SEP = regex.compile(r"\s*(?:,\s*(?:(?i:and|or)\s+)?|(?i:and|or)\s+|&\s*)")
_RANGE_SEP = regex.compile(rf"\s*(?:{_DASH}{{1,2}}|(?i:to|through|thru|until|till))\s*")
_AND_SEP = regex.compile(r"\s+(?i:and)\s+")
_LOWER_WORD_NEXT = regex.compile(r"\s+[a-z]")
_NUMBER_RANGE_NEXT = regex.compile(rf"\s*(?:(?i:and|to)\s+|{_DASH}\s*)[\d$\u20ac\u00a3\u00a5]")

_PIVOT = _LEX.two_digit_year_pivot
_PERIOD_MONTHS = {_norm(k.replace("-", " ")): v for k, v in _LEX.period_months.items()}
_TD_ABBR = dict(_LEX.to_date_abbreviations)
_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tomorrow": 1}
# a capitalised word (not sentence-initial: preceded by a lower-case word or a comma) just before
_PRODUCT_BEFORE = regex.compile(r"(?:[a-z,]\s+|^)(?!(?:" + "|".join(map(regex.escape, _LEX.sentence_openers))
                                + r")\s)\p{Lu}[\w-]*\s+\Z")
_ORDINALS = {k.lower(): v for k, v in _LEX.ordinals.items()}
_MONTH_ORDINALS = {k.lower(): v for k, v in _LEX.month_ordinals.items()}
_CENTURY_ORDINALS = {_norm(k.replace("-", " ")): v for k, v in _LEX.century_ordinals.items()}
_COUNTS = {k.lower(): v for k, v in _LEX.count_words.items()}
_SEASONS = {k.lower(): v for k, v in _LEX.seasons.items()}
_YREL_ANCHOR_OFF = {"this": 0, "the current": 0, "the": 0, "last": -1, "next": 1, "the coming": 1, "current": 0,
                    "previous": -1, "past": -1, "upcoming": 1, "following": 1}
_YREL_SENT_OFF = {"the previous": -1, "the prior": -1, "the preceding": -1, "the same": 0, "that": 0,
                  "the following": 1}


# --------------------------------------------------------------------------------------------
# Atoms: one validated hit of the master regex, before joining and resolution
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Atom:
    start: int  # cue start (or modifier/core start when there is no cue)
    cue_end: int  # end of the cue (== start when no cue)
    core_start: int  # modifier start, else core start
    end: int
    kind: str  # year fy quarter half month date weekday season range rel bare offset
    cue: Optional[str] = None  # normalised cue text
    pos: Optional[str] = None  # end/start/middle/early/late
    year: Optional[int] = None
    year2: Optional[int] = None
    yanchor: Optional[int] = None  # year relative to the reference date (this=0, last=-1)
    soffset: Optional[int] = None  # year relative to the sentence's timeframe
    fiscal: bool = False
    sub: Optional[int] = None  # quarter, half, month, weekday
    day: Optional[int] = None
    season: Optional[str] = None
    unit: Optional[str] = None  # rel: year/quarter/month/week/yesterday; bare: quarter/half
    onward: bool = False
    anchored: bool = False  # year filled in from the reference date by _share_year
    months: Optional[int] = None  # pend: length in months of a period named by its end
    collapsed: bool = False  # pend: the period is a calendar year/half/quarter/month


def _expand_yy(yy: str, base: Optional[int] = None) -> int:
    """Two-digit year -> four digits (``base`` gives the century for '2020-25')."""
    n = int(yy.lstrip("'\u2019\u2018"))
    if base is not None:
        return base // 100 * 100 + n
    return 2000 + n if n < _PIVOT else 1900 + n


def _read_year(m: regex.Match, atom: _Atom) -> None:
    """Fill ``atom.year``/``yanchor``/``soffset``/``fiscal`` from the year groups of a match."""
    y = m.group("year")
    yy = m.group("yy")
    if y:
        atom.year = int(y)
    elif yy:
        atom.year = _expand_yy(yy)
    elif m.group("wyear"):
        atom.year = parse_year_words(m.group("wyear"))
    if m.group("fy"):
        atom.fiscal = True
    yrel = m.group("yrel")
    yoff = m.group("yoff")
    if atom.year is None:
        if yoff:
            atom.soffset = _YREL_SENT_OFF[_norm(yoff)]
        elif yrel:
            atom.yanchor = _YREL_ANCHOR_OFF[_norm(yrel)]


def _numeric_day_month(m: regex.Match) -> Optional[tuple[int, int]]:
    """(month, day) of a numeric date 30/06/2025, 06/30/2025 or 30.06.2025; ``None`` when the
    order is ambiguous ('03/04/2025') or no reading is a valid day and month."""
    a, b = int(m.group("na")), int(m.group("nb"))
    if m.group("ndot"):  # day first, unless only month first is valid (06.30.2025)
        if 1 <= b <= 12 and 1 <= a <= 31:
            return b, a
        return (a, b) if 1 <= a <= 12 and 1 <= b <= 31 else None
    readings = {(mo, d) for mo, d in ((b, a), (a, b)) if 1 <= mo <= 12 and 1 <= d <= 31}
    return readings.pop() if len(readings) == 1 else None


def _date_parts(m: regex.Match) -> Optional[tuple[Optional[int], int, Optional[int]]]:
    """(year, month, day) of the date groups of a match (``day`` may be ``None`` for a month);
    ``None`` when the date is ambiguous or does not exist (30 February)."""
    if m.group("na"):
        md = _numeric_day_month(m)
        if md is None:
            return None
        month, day = md
    elif m.group("monn"):
        month, day = int(m.group("monn")), int(m.group("day"))
    else:
        month = _MONTH_ANY[m.group("mon").rstrip(".").lower()]
        day = int(m.group("day")) if m.group("day") else None
    year = int(m.group("year")) if m.group("year") else None
    if day is not None and day > calendar.monthrange(2000 if year is None else year, month)[1]:
        return None
    return year, month, day


def _year_ok(y: Optional[int]) -> bool:
    return y is None or _LEX.year_min <= y <= _LEX.year_max


def _blocked_before(text: str, start: int) -> bool:
    """True when the words before ``start`` make a number a count or a name ("over", "Section", "USD")."""
    before = text[max(0, start - 30):start]
    if before.endswith(_BLOCK_SYMBOLS):
        return True
    words = before.lower().split()
    return any(" ".join(words[-k:]) in _BLOCK_WORDS for k in (1, 2, 3) if len(words) >= k)


def _followed_by_unit(text: str, end: int) -> bool:
    """True when a unit, scale word, percent or currency follows position ``end``."""
    fm = _FOLLOW_TOKEN.match(text, end)
    if not fm:
        return False
    tok = fm.group(1)
    if tok in _FOLLOW_SYMBOLS or tok.rstrip(".") in _FOLLOW_SYMBOLS:
        return True
    low = tok.lower()
    if low in _FOLLOW_WORDS:
        return True
    if fm.group(2) and _norm(low + fm.group(2)) in _FOLLOW_PAIRS:
        return True
    return False


_LOWER_MONTH_RELS = ("in", "by", "since", "until", "between")
_MONTH_VERBS = _NAMED_LISTS["monany"] - _NAMED_LISTS["monyf"]  # "may", "march", "mar" in any case


def _month_alone_ok(text: str, m: regex.Match, cue: Optional[str], mod: Optional[str]) -> bool:
    """Whether a month name without a year is a month: next to another month of a period ("Jan-Feb
    2017", "between august and october"), or a capitalised name after a cue or a modifier ("in May",
    "mid-June"), or a lower-case one after a cue ("in may"); "May" alone is the modal verb as often."""
    mon = m.group("mon")
    ms = m.start("mon")
    capital = mon.rstrip(".") in _MONTH_NAMES
    if not capital and mon.lower() in _MONTH_VERBS and cue is None:
        return False  # "between June and may rise": a lower-case "may" or "march" needs its own cue
    if _MONTH_BEFORE.search(text, max(0, ms - 40), ms):
        return True
    if capital and _MONTH_LISTED_BEFORE.search(text, max(0, ms - 40), ms):
        return True  # "In March and April", "in January, February and March": a list of months
    if _MONTH_AFTER.match(text, m.end("core")) and (capital or cue is not None):
        return True
    if not capital:
        return cue is not None and _CUE_TO_REL.get(cue) in _LOWER_MONTH_RELS
    if cue is None and mod is None:
        return mon in _LEX.months and _PERIOD_END_BEFORE.search(text, max(0, ms - 30), ms) is not None
    if mon in _LEX.month_abbreviations and not mon.endswith("."):
        return cue is not None and cue not in ("from", "between")
    return True
