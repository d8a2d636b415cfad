"""Timeframe grammar: find TIMEX3-style time expressions in raw text (no spaCy).

The public entry point is :func:`find_timeframes`. It runs one compiled regular expression over
the text (a relation cue, an optional position modifier and a time "core"), validates each hit,
then joins neighbouring hits into periods ("from 2025 to 2031") and lists ("in 2023, 2024 and
2025"), and finally resolves each one to a TIMEX3 value, against a reference date when one is
given.

Lexicons (month and weekday names, ordinals, relation cues, modifiers, the words that make a
four-digit number a count rather than a year) live in ``claimx/resources/time.json``; its
``_conventions`` entry states the normalisation rules followed. ISO 4217 codes, currency names and
symbols come from babel's CLDR data, so "$2025 million", "2025 euros" or "USD 2025" are not years.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import json
import re as _re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from claimx.grammar._trie import trie_alt
from claimx.grammar.timex_words import NEXT_WORDS as _WYEAR_NEXT
from claimx.grammar.timex_words import PATTERN as _WYEAR_PATTERN
from claimx.grammar.timex_words import parse_year_words
from claimx.grammar.types import TimeMatch

__all__ = ["find_timeframes", "load_time_lexicon", "TimeLexicon"]

RELATIONS = ("by", "in", "as_of", "since", "until", "between")


# --------------------------------------------------------------------------------------------
# Resources
# --------------------------------------------------------------------------------------------


class TimeLexicon(BaseModel):
    """Schema of ``claimx/resources/time.json`` (validated once on load; treat as read-only)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    conventions: list[str] = Field(alias="_conventions")
    year_min: int
    year_max: int
    two_digit_year_pivot: int = Field(ge=0, le=100)
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    ordinals: dict[str, int]
    count_words: dict[str, int]
    relation_cues: dict[str, list[str]]
    day_cues: list[str]
    position_modifiers: dict[str, list[str]]
    year_blockers_before: list[str]
    non_year_followers: list[str]
    non_year_follower_symbols: list[str]
    extra_currency_tokens: list[str]
    extra_currency_words: list[str]
    trigger_words: list[str]
    core_prefix_words: list[str]
    sentence_openers: list[str]
    period_end_connectors: list[str]
    period_months: dict[str, int]
    to_date_abbreviations: dict[str, str]
    to_date_prefixes: list[str]
    decade_words: dict[str, int] = Field(default_factory=dict)
    month_ordinals: dict[str, int]
    century_ordinals: dict[str, int]
    year_words: dict[str, Any]
    word_year_next_words: list[str]
    end_abbreviations: dict[str, str]

    @field_validator("month_ordinals")
    @classmethod
    def _month_ordinals_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if any(not 1 <= n <= 12 for n in v.values()):
            raise ValueError("month ordinals must be 1..12")
        return v

    @field_validator("end_abbreviations")
    @classmethod
    def _end_ok(cls, v: dict[str, str]) -> dict[str, str]:
        if not set(v.values()) <= {"year", "quarter", "month"} or any(not k.isupper() for k in v):
            raise ValueError("end_abbreviations map upper-case codes to year/quarter/month")
        return v

    @field_validator("period_months")
    @classmethod
    def _period_months_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if any(n not in (1, 3, 6, 12) for n in v.values()):
            raise ValueError("period_months values must be 1, 3, 6 or 12")
        return v

    @field_validator("to_date_abbreviations")
    @classmethod
    def _to_date_ok(cls, v: dict[str, str]) -> dict[str, str]:
        if not set(v.values()) <= {"year", "quarter", "month"} or any(not k.isupper() for k in v):
            raise ValueError("to_date_abbreviations map upper-case codes to year/quarter/month")
        return v

    @field_validator("trigger_words", "core_prefix_words")
    @classmethod
    def _lower_words(cls, v: list[str]) -> list[str]:
        if not v or any(not w or w != w.lower() or not regex.fullmatch(r"\w+", w) for w in v):
            raise ValueError("must be a non-empty list of lower-case single words")
        return v

    @field_validator("sentence_openers")
    @classmethod
    def _openers_ok(cls, v: list[str]) -> list[str]:
        if any(not regex.fullmatch(r"\p{Lu}\w*", w) for w in v):
            raise ValueError("sentence_openers must be capitalised single words")
        return v

    @field_validator("months", "month_abbreviations")
    @classmethod
    def _months_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if any(not 1 <= n <= 12 for n in v.values()):
            raise ValueError("month numbers must be 1..12")
        return v

    @field_validator("weekdays")
    @classmethod
    def _weekdays_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if sorted(v.values()) != list(range(7)):
            raise ValueError("weekdays must map to 0..6 (Monday=0), each once")
        return v

    @field_validator("ordinals")
    @classmethod
    def _ordinals_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if any(not 1 <= n <= 4 for n in v.values()):
            raise ValueError("quarter/half ordinals must be 1..4")
        return v

    @field_validator("seasons")
    @classmethod
    def _seasons_ok(cls, v: dict[str, str]) -> dict[str, str]:
        if not set(v.values()) <= {"SP", "SU", "FA", "WI"}:
            raise ValueError("season codes must be TIMEX3 SP/SU/FA/WI")
        return v

    @field_validator("relation_cues")
    @classmethod
    def _relations_ok(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        allowed = set(RELATIONS) | {"range"}
        if not set(v) <= allowed:
            raise ValueError(f"unknown relation in relation_cues: {set(v) - allowed}")
        return v

    @field_validator("position_modifiers")
    @classmethod
    def _mods_ok(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        if not set(v) <= {"end", "start", "middle", "early", "late"}:
            raise ValueError("position_modifiers keys must be end/start/middle/early/late")
        return v


@lru_cache(maxsize=1)
def load_time_lexicon() -> TimeLexicon:
    """Load and validate ``claimx/resources/time.json`` (cached: read once per process).

    Returns:
        The validated :class:`TimeLexicon` (frozen).
    Raises:
        pydantic.ValidationError: if the file does not follow the schema.
    """
    raw = resources.files("claimx.resources").joinpath("time.json").read_text(encoding="utf-8")
    return TimeLexicon.model_validate(json.loads(raw))


def _currency_lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """ISO 4217 codes, lower-cased currency words and non-alphabetic symbols, from babel (CLDR)."""
    from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

    codes, words, symbols = set(), set(), set()
    for code in list_currencies():
        codes.add(code)
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").split("(")[0].strip()
            if name:
                words.add(name.split()[-1].lower())
        sym = get_currency_symbol(code, locale="en")
        if sym and not sym.isalpha():
            symbols.add(sym)
    return frozenset(codes), frozenset(words), frozenset(symbols)


_LEX = load_time_lexicon()
_CUR_CODES, _CUR_WORDS, _CUR_SYMBOLS = _currency_lexicon()


def _variants(words) -> frozenset[str]:
    """Case variants (as given, lower, Capitalised, UPPER) of each word, for ``\\L<...>`` lists."""
    out = set()
    for w in words:
        out.update((w, w.lower(), w[:1].upper() + w[1:].lower(), w.upper()))
    return frozenset(out)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _alt(words, *, escape: bool = True) -> str:
    """Alternation of ``words``, longest first, spaces matching any whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    out = []
    for w in items:
        e = regex.escape(w) if escape else w
        out.append(regex.sub(r"(?:\\ )+|\s+", r"\\s+", e))
    return "(?:" + "|".join(out) + ")"


# --------------------------------------------------------------------------------------------
# The grammar (compiled once at import)
# --------------------------------------------------------------------------------------------

_S = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"  # whitespace with at most one line break
_DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2212]"
_Y4 = r"(?:1[89]\d\d|2[01]\d\d)(?!\d)"
_YY = r"\d\d(?!\d)"
_APOS_YY = r"['\u2019\u2018]\d\d(?!\d)"
_YEARNUM = rf"(?:{_Y4}|{_APOS_YY})"

_MONTH_NAMES = {**_LEX.months, **_LEX.month_abbreviations}
#: month names and abbreviations in any case -> month number ("june", "JUNE", "sept")
_MONTH_ANY = {k.lower(): v for k, v in _MONTH_NAMES.items()}
# Word lists are matched with the regex module's named lists (\L<name>: a set lookup, much faster
# than a long alternation); _NAMED_LISTS is passed to regex.compile.
_NAMED_LISTS: dict[str, frozenset[str]] = {
    "monfull": frozenset(_LEX.months),
    "monabbr": frozenset(_LEX.month_abbreviations),
    # any case: only next to a year or after this/last/next ("june 2016", "2016 nov", "last sept");
    # a year written first never takes "may" or "march" in lower case ("in 2016 may have")
    "monany": _variants(_MONTH_NAMES),
    "monyf": _variants(_MONTH_NAMES) - {"may", "march", "mar"},
    "monfullany": _variants(_LEX.months),
    "monabbrany": _variants(_LEX.month_abbreviations),
    "decwords": _variants(_LEX.decade_words),
    "wd": frozenset(_LEX.weekdays),
    "ords": _variants(_LEX.ordinals),
    "seasons": _variants(_LEX.seasons),
    "counts": _variants(_LEX.count_words),
    "pconn": _variants(_LEX.period_end_connectors),
    "punits": _variants(_LEX.period_months),
    "tdabbr": frozenset(_LEX.to_date_abbreviations),
    "tdpre": _variants(_LEX.to_date_prefixes),
    "mords": _variants(_LEX.month_ordinals),
    "cords": _variants(_LEX.century_ordinals),
    "eoabbr": frozenset(_LEX.end_abbreviations),
    # the month a quarter ends in: "the June quarter", "the Sept quarter" (capitalised)
    "qmon": frozenset(k for k, v in _MONTH_NAMES.items() if v % 3 == 0),
}
_MON = r"(?P<mon>\L<monfull>(?![A-Za-z])|\L<monabbr>(?:\.|(?![A-Za-z])))"
_MONANY = r"(?P<mon>\L<monany>)(?:\.|(?![A-Za-z]))"
_MONYF = r"(?P<mon>\L<monyf>)(?:\.|(?![A-Za-z]))"
_WD = r"(?P<wd>\L<wd>)(?![A-Za-z])"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w])"
_ORD = r"(?P<ord>\L<ords>)(?=[-\s])"
_SEASON = r"(?P<season>\L<seasons>)(?!\w)"
_COUNT = r"(?P<cnt>\L<counts>|\d{1,2})(?!\w)"
_WYEAR = rf"(?<![\w-])(?P<wyear>{_WYEAR_PATTERN})"

_FISCAL_WORD = r"(?i:fiscal|financial)(?:[-\s](?i:year))?"
# a year reference after "of" / after a quarter: FY25, fiscal 2025, 2025, '25, this year ...
_YREL_ANCHOR = r"(?P<yrel>(?i:this|last|next|the\s+current|the\s+coming|the))"
_YREL_OFFSET = r"(?P<yoff>(?i:the\s+previous|the\s+prior|the\s+preceding|the\s+same|that|the\s+following))"
_YREF_NUM = (
    rf"(?:(?P<fy>FY)\s?(?:(?P<year>{_Y4})|(?P<yy>{_YY}))"
    rf"|(?P<fy>{_FISCAL_WORD})\s+(?:(?P<year>{_Y4})|(?P<yy>{_APOS_YY}))"
    rf"|(?P<year>{_Y4})|(?P<yy>{_APOS_YY})|{_WYEAR})"
)
_YREF = rf"(?:{_YREF_NUM}|(?:{_YREL_OFFSET}|{_YREL_ANCHOR})\s+(?i:year))"
_YPOSS = rf"(?:(?P<year>{_Y4})|{_YREL_ANCHOR}\s+(?i:year))['\u2019]s"

# numeric dates: 30/06/2025 or 06/30/2025 (na/nb: the order is decided in _numeric_day_month),
# 30.06.2025 (day first), 2025/6/30 and 2025.06.30 (year first; dotted needs two-digit parts: 2023.1.2
# is a version number)
_NUM_TAIL = r"(?!\w|[./,\u2013-]\d)"
_NUMDATE = (
    rf"(?<![\w.,/])(?P<na>[0-3]?\d)/(?P<nb>[0-3]?\d)/(?P<year>{_Y4}){_NUM_TAIL}"
    rf"|(?<![\w.,/])(?P<na>[0-3]?\d)(?P<ndot>\.)(?P<nb>[0-3]?\d)\.(?P<year>{_Y4}){_NUM_TAIL}"
    rf"|(?<![\w.,/])(?P<year>{_Y4})/(?P<monn>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9]){_NUM_TAIL}"
    rf"|(?<![\w.,/])(?P<year>{_Y4})\.(?P<monn>1[0-2]|0[1-9])\.(?P<day>3[01]|[12]\d|0[1-9]){_NUM_TAIL}"
)
_ISODATE = rf"(?P<year>{_Y4})-(?P<monn>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
# the end point of a period named by its end ("the year to June 2025", "FY ended June 30, 2025")
_PEND_END = (
    r"(?:(?i:the\s+end\s+of)\s+|(?i:end)[-\s])?"
    rf"(?:{_MON}\s+{_DAY}(?!,\d)(?:,?\s+(?P<year>{_Y4}))?"
    rf"|(?:(?i:the)\s+)?(?<![\d.,$])(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:\s+(?i:of))?\s+{_MON}"
    rf"(?:,?\s+(?P<year>{_Y4}))?"
    rf"|{_MON}(?:,?\s+(?P<year>{_Y4}))?|{_ISODATE}|{_NUMDATE})"
)

_Q_WORD = r"(?i:quarter)"
_H_WORD = r"(?i:half(?:[-\s]year)?)"

_BRANCHES: list[tuple[str, str]] = [
    # two units away from the reference date: the year after next, the month before last
    ("rel", r"(?i:the)\s+(?P<runit>(?i:year|month|quarter|week))\s+"
            r"(?P<rel2>(?i:after\s+(?:the\s+)?next|before\s+(?:the\s+)?last))(?![\w-])"),
    # sentence-relative expressions: their value is resolved by the claim assembly
    (
        "offset",
        r"(?:(?i:the)\s+)?(?P<same>(?i:same|corresponding|comparable|year[-\s]earlier|year[-\s]ago"
        r"|prior[-\s]year|previous[-\s]year))\s+(?P<per>(?i:period|quarter|month|half|week|year|season))"
        r"(?:\s+(?:(?i:of)\s+)?(?P<tail>(?i:last\s+year|the\s+previous\s+year|the\s+prior\s+year"
        r"|a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before)))?(?![\w-])",
    ),
    (
        "offset",
        rf"{_COUNT}\s+(?P<unit>(?i:years?|decades?))\s+"
        r"(?P<dir>(?i:earlier|ago|before|prior|previously|later|after))(?![\w-])",
    ),
    (
        "offset",
        r"(?P<prev>(?i:the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+(?:before|earlier)"
        r"|that\s+(?:year|quarter|month|period)|the\s+following\s+year|year[-\s](?:ago|earlier)))"
        r"(?![\w-])",
    ),
    # year/quarter/month to date: the reference year, quarter or month
    (
        "todate",
        r"(?:(?i:the)\s+)?(?P<tdu>(?i:year|quarter|month))[-\s](?i:to)[-\s](?i:date)(?![\w-])"
        r"|(?P<tdc>\L<tdabbr>)(?![\w-])"
        r"|\L<tdpre>\s+(?:(?i:this)|(?i:in\s+the\s+current))\s+(?P<tdu>(?i:year|quarter|month))(?![\w-])",
    ),
    # periods named by their end: the fiscal year ended March 2024, the 12 months to June 2025
    (
        "pend",
        r"(?:(?P<pfy>(?:(?i:the)\s+)?(?i:fiscal|financial)[-\s](?i:year)|FY)"
        r"|(?:(?i:the)\s+)?(?P<pcnt>\L<counts>|\d{1,2})[-\s](?P<punit>(?i:months?))(?:\s+(?i:period))?"
        r"|(?i:the)\s+(?P<punit>\L<punits>))"
        rf",?\s+(?P<pconn>\L<pconn>)\s+{_PEND_END}",
    ),
    # ISO date 2025-06-30
    ("date", _ISODATE),
    # numeric dates 30/06/2025, 06/30/2025, 30.06.2025, 2025/06/30
    ("date", _NUMDATE),
    # (Tuesday,) June 30(, 2025)
    ("date", rf"(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?!,\d)(?:,?\s+(?P<year>{_Y4}))?"),
    # (Tuesday,) (the) 30(th) (of) June (2025)
    ("date", rf"(?:{_WD},?\s+)?(?:(?i:the)\s+)?(?<![\d.,$])(?P<day>3[01]|[12]\d|0?[1-9])"
             rf"(?:st|nd|rd|th)?(?:\s+(?i:of))?\s+{_MON}(?:,?\s+(?P<year>{_Y4}))?"),
    # fiscal years: FY2025, FY25, FY2023-24, fiscal 2025, fiscal year 2023/24, 2025 fiscal year
    (
        "fy",
        rf"(?:Q(?P<q>[1-4])\s*)?FY\s?(?:(?P<year>{_Y4})|(?P<yy>{_YY}))"
        rf"(?:\s?(?:{_DASH}|/)\s?(?:(?P<year2>{_Y4})|(?P<yy2>{_YY})))?",
    ),
    (
        "fy",
        rf"{_FISCAL_WORD}\s+(?:(?P<year>{_Y4})|(?P<yy>{_APOS_YY}))"
        rf"(?:\s?(?:{_DASH}|/)\s?(?:(?P<year2>{_Y4})|(?P<yy2>{_YY})))?",
    ),
    ("fy", rf"(?P<year>{_Y4})\s+(?i:fiscal|financial)\s+(?i:year)"),
    # quarters
    ("quarter", rf"(?<!\w)Q(?P<q>[1-4])(?![\w])(?:\s+(?i:of)\s+{_YREF}|\s?{_DASH}\s?(?P<year>{_Y4})(?![\w])|\s*{_YREF_NUM})?"),
    ("quarter", rf"(?<![\w.,])(?P<q>[1-4])Q\s?(?:(?P<fy>FY)\s?)?(?:(?P<year>{_Y4})|(?P<yy>{_YY}))"),
    ("quarter", rf"(?P<year>{_Y4})\s?Q(?P<q>[1-4])(?![\w])"),
    (
        "quarter",
        rf"(?:(?i:the)\s+)?(?:{_YPOSS}\s+)?(?:(?P<fy>(?i:fiscal))\s+)?"
        rf"(?:{_ORD}|(?P<last>(?i:final|last)))[-\s]{_Q_WORD}(?![\w-])"
        rf"(?:\s+(?i:of)\s+{_YREF}|\s+{_YREF_NUM})?",
    ),
    # "the last three months" without "of <year>" is a span (below)
    ("quarter", rf"(?:(?i:the)\s+)?(?:(?P<first>(?i:first|final))\s+(?i:three|3)\s+(?i:months)"
                rf"(?:\s+(?i:of)\s+{_YREF})?|(?P<first>(?i:last))\s+(?i:three|3)\s+(?i:months)\s+(?i:of)\s+{_YREF})"),
    # quarters named by their last month: the June quarter, the July-September quarter of 2023
    ("quarter", rf"(?:(?i:the)\s+)?(?:(?P<qfirst>\L<monany>)\.?\s?{_DASH}\s?)?(?P<qmon>\L<qmon>)\.?\s+{_Q_WORD}(?![\w-])(?:\s+(?i:of)\s+{_YREF}|\s+{_YREF_NUM})?"),
    # halves
    ("half", rf"(?<!\w)H(?P<h>[12])(?![\w-])(?:\s+(?i:of)\s+{_YREF}|\s*{_YREF_NUM})?"),
    ("half", rf"(?<![\w.,])(?P<h>[12])H\s?(?:(?P<fy>FY)\s?)?(?:(?P<year>{_Y4})|(?P<yy>{_YY}))"),
    ("half", rf"(?P<year>{_Y4})\s?H(?P<h>[12])(?![\w])"),
    (
        "half",
        rf"(?:(?i:the)\s+)?(?:{_YPOSS}\s+)?(?P<hord>(?i:first|second|1st|2nd|latter))[-\s]{_H_WORD}"
        rf"(?![\w-])(?:\s+(?i:of)\s+{_YREF}|\s+{_YREF_NUM})?",
    ),
    ("half", rf"(?:(?i:the)\s+)?(?:(?P<first>(?i:first|final))\s+(?i:six|6)\s+(?i:months)"
             rf"(?:\s+(?i:of)\s+{_YREF})?|(?P<first>(?i:last))\s+(?i:six|6)\s+(?i:months)\s+(?i:of)\s+{_YREF})"),
    # the first/last N months of a year: the last four months of 2021
    ("mspan", rf"(?:(?i:the)\s+)?(?P<mfirst>(?i:first|last|final))\s+(?P<cnt>\L<counts>|\d{{1,2}})\s+(?i:months)"
              rf"\s+(?i:of)\s+{_YREF}"),
    # the Nth month of a year: the third month of 2021, the 9th month of next year
    ("month", rf"(?:(?i:the)\s+)?(?P<mord>\L<mords>)\s+(?i:month)\s+(?i:of)\s+{_YREF}"),
    # centuries: the 21st century, the fifteenth century
    ("century", r"(?:(?i:the)\s+)?(?P<cent>\L<cords>)[-\s]+(?i:century)(?![\w-])"),
    # seasons with a year
    ("season", rf"(?:(?i:the)\s+)?{_SEASON}\s+(?:(?i:of)\s+)?(?P<year>{_Y4})"),
    # month year (any case next to a year: "june 2016", "november , 2016", "june of 1992")
    ("month", rf"{_MONANY}(?:\s*,?\s+(?:(?i:of)\s+)?|\s?(?:{_DASH}|/)\s?)(?:(?P<year>{_Y4})|(?P<yy>{_APOS_YY}))(?!\s?{_DASH}\s?(?:\d|[a-z]))"),
    # a month with a year in words, "in <year>" or a year relative to the reference date:
    # "August two thousand and fifteen", "April in 2016", "june next year"
    ("month", rf"{_MONYF}\s+(?:(?i:of)\s+)?{_WYEAR}"),
    ("month", rf"{_MONYF}\s+(?i:in)\s+(?P<year>{_Y4})(?![\w.,/-])"),
    ("month", rf"{_MONYF}\s+(?:(?i:of)\s+)?(?P<yrel>(?i:this|last|next))\s+(?i:year)(?![\w-])"),
    ("month", rf"{_MONANY}\s+(?i:of)\s+(?P<yy>\d\d)(?![\w.,/-])"),
    # year month: "2016 june", "2016, nov" (not a lower-case "may"/"march")
    ("month", rf"(?<![\w.,$])(?P<year>{_Y4})\s*,?\s+{_MONYF}(?!\s+\d)"),
    # this / last / next + month: "this September", "last sept", "next june"
    ("month", rf"(?P<mrel>(?i:this|last|next))\s+{_MONANY}"),
    # numeric months: 2016-11, 2015/3, 2015.3, 11/2016, 11-2016 (a two-digit month after the year
    # that reads as a period end is a period: 2011-12, see the range branch)
    ("month", rf"(?<![\w.,/$-])(?P<year>{_Y4})\s?(?:{_DASH}|/|\.)\s?(?P<monn>[1-9])(?![\w.,/-])"),
    ("month", rf"(?<![\w.,/$-])(?P<monn>1[0-2]|0?[1-9])\s?(?:{_DASH}|/)\s?(?P<year>{_Y4})(?![\w.,/-]|\s?{_DASH}\s?\d)"),
    # quarters and halves next to a year, any case: 2017 q1, 2017-q1, q3 2019, q1-2019, 2019-H2
    ("quarter", rf"(?<![\w.,])(?P<year>{_Y4})\s?(?:{_DASH}|\s)\s?[Qq](?P<q>[1-4])(?![\w])"),
    ("quarter", rf"(?<!\w)q(?P<q>[1-4])(?:\s?(?:{_DASH}|\s)\s?|\s+(?i:of)\s+)(?P<year>{_Y4})(?![\w])"),
    ("half", rf"(?<![\w.,])(?P<year>{_Y4})\s?{_DASH}\s?[Hh](?P<h>[12])(?![\w])"),
    # month year
    ("month", rf"{_MON}\s+(?:(?i:of)\s+)?(?:(?P<year>{_Y4})|(?P<yy>{_APOS_YY}))"),
    # periods written compactly: 2025-2031, 2020-25, 2025/26
    (
        "range",
        rf"(?<![\d.,])(?P<year>{_Y4})\s?(?:{_DASH}|/|~)\s?(?:(?P<year2>{_Y4})|(?P<yy2>{_YY}))"
        rf"(?![-/\u2013]\d|[.,]\d)",
    ),
    # decades: the 2020s, the 1990's
    ("decade", r"(?:(?i:the)\s+)?(?<![\w.,$])(?P<dec>(?:1[89]|2[01])\d)0\s?['\u2019]?s(?![\w-])"),
    # decades in two digits or words: the 70s, the '40s, 70's, the seventies, the noughties
    ("decade", r"(?:(?i:the)\s+['\u2019]?|['\u2019])(?<![\w.,$])(?P<dec2>[1-9]0)['\u2019]?s(?![\w-])"
               r"|(?<![\w.,$])(?P<dec2>[1-9]0)['\u2019]s(?![\w-])"
               r"|(?:(?i:the)\s+)?(?P<decw>\L<decwords>)(?![\w-])"),
    # spans back or forward from the reference date: the past five years, the next decade
    (
        "span",
        rf"(?:(?i:the)\s+)?(?P<sdir>(?i:past|last|previous|next|coming|following))\s+"
        rf"(?:{_COUNT}\s+(?P<sunit>(?i:years|decades|months|quarters))|(?P<sunit>(?i:decade)))(?![\w-])"
        # the past year / the last year (not "last year": the previous calendar year)
        r"|(?:(?i:the)\s+)?(?P<sdir>(?i:past))\s+(?P<sunit>(?i:year|month))(?![\w-])"
        r"|(?i:the)\s+(?P<sdir>(?i:last))\s+(?P<sunit>(?i:year|month))(?![\w-])(?!\s+(?i:of)(?!\w))",
    ),
    # a year in words ("in nineteen ninety six"; needs a cue, see _build_atom)
    ("wyear", _WYEAR),
    # calendar years: CY18, CY2018
    ("cy", rf"(?<!\w)(?i:CY)\s?(?:(?P<year>{_Y4})|(?P<yy>{_YY}))(?![\w])"),
    # a bare year
    ("year", rf"(?<![\w.,$\u20ac\u00a3\u00a5\u20b9\u20a9\u20bd\u20ba\u20a6\u20b1/])(?<![A-Z0-9]-)(?P<year>{_Y4})(?![-/]\d|[.,]\d|\w)"),
    # relative to the reference date
    (
        "rel",
        r"(?P<rel>(?i:this|last|next|the\s+current|the\s+coming|current|previous|past|upcoming|following))\s+"
        r"(?P<runit>(?i:(?:fiscal|financial)\s+year|calendar\s+year|year|quarter|month|week|decade))(?![\w-])",
    ),
    ("rel", r"(?P<runit>(?i:yesterday|today|tomorrow))(?![\w-])"),
    (
        "yearend",
        rf"(?i:year[-\s]end|end[-\s]of[-\s]year|end[-\s]of[-\s]the[-\s]year)(?![\w-])(?:\s+(?P<year>{_Y4}))?",
    ),
    # the end of the month, EOY, EOM
    ("unitend", r"(?P<eoabbr>\L<eoabbr>)(?![\w-])|(?i:end[-\s]of[-\s])(?P<eounit>(?i:month|quarter))(?![\w-])"),
    ("theyear", r"(?i:the)\s+(?P<tunit>(?i:year|month))(?![\w-])"),
    ("bare", r"(?i:the)\s+(?P<bunit>(?i:quarter|half[-\s]year|half))(?![\w-])(?!\s+(?i:of)\b)"),
    # a month or weekday alone (month alone needs a cue or a modifier)
    ("month", rf"(?(cue)(?:(?i:the)\s+)?)(?:(?P<mon>\L<monfullany>)(?![A-Za-z])|(?P<mon>\L<monabbrany>(?:\.|(?![A-Za-z]))))"),
    ("weekday", _WD),
]

_CUE_TO_REL: dict[str, str] = {}
for _rel, _words in _LEX.relation_cues.items():
    for _w in _words:
        _CUE_TO_REL[" ".join(_w.lower().split())] = _rel
for _w in _LEX.day_cues:
    _CUE_TO_REL[_w.lower()] = "day"
_CUE_TO_REL["at"] = "at"

_MOD_TO_POS: dict[str, str] = {}
for _pos, _words in _LEX.position_modifiers.items():
    for _w in _words:
        _MOD_TO_POS[" ".join(_w.lower().rstrip("-").split())] = _pos

_MODS_HYPHEN = [w.rstrip("-") for ws in _LEX.position_modifiers.values() for w in ws if w.endswith("-")]
_MODS_WORD = [w for ws in _LEX.position_modifiers.values() for w in ws if not w.endswith("-")]

_NAMED_LISTS["cues"] = _variants(_CUE_TO_REL)
_NAMED_LISTS["modh"] = _variants(_MODS_HYPHEN)
_NAMED_LISTS["modw"] = _variants(_MODS_WORD)
_CUE_RE = r"(?<![\w-])(?P<cue>\L<cues>)(?![\w-])" + _S
_MOD_RE = r"(?:(?P<mod>\L<modh>)" + _DASH + r"\s*|(?P<mod>\L<modw>)(?![\w-])" + _S + ")"

_CORE_RE = "|".join(f"(?P<k_{i}>{pat})" for i, (_, pat) in enumerate(_BRANCHES))
_BRANCH_KIND = {f"k_{i}": kind for i, (kind, _) in enumerate(_BRANCHES)}

_MASTER = regex.compile(
    rf"(?<!\w)(?:{_CUE_RE})?(?:{_MOD_RE})?(?P<core>{_CORE_RE})(?P<onward>\s+(?i:onwards?))?",
    regex.V0,
    **_NAMED_LISTS,
)

# (group number, kind) of each core branch, to find the branch that matched from ``Match.regs``
_BRANCH_GROUPS = tuple((_MASTER.groupindex[k], kind) for k, kind in _BRANCH_KIND.items())

# --------------------------------------------------------------------------------------------
# Fast scanning. Trying _MASTER at every position costs ~20 us per position in the regex module, so
# find_timeframes only tries it at a few candidate positions, chosen so that the result is exactly
# what a position-by-position search would give (tests/test_timex.py checks both agree):
# 1. every match of _MASTER contains a *trigger*: a year-like number (18xx-21xx), Q1-4/1-4Q/H1-2/
#    1-2H/FY, a month or weekday name, or one of the trigger_words of time.json -- each core branch of
#    _BRANCHES needs one;
# 2. the text between a match's start and its first trigger holds only words of _PREFIX_WORDS
#    (relation cues, position modifiers and the few words a core can start with: "the", "same",
#    ordinals, counts, "of", 1-2 digit numbers with an optional st/nd/rd/th) joined by whitespace or dashes, at most _MAX_PREFIX
#    words; so the candidates for a trigger are the word starts of the run of such words just
#    before it (found by one reverse-anchored match), plus the trigger's own word.
# Triggers are found with three cheap scans (stdlib ``re``, whose literal alternations are much
# faster than the regex module's case-insensitive ones): numbers/codes, capitalised month and
# weekday names, and the time words on the lower-cased text.
# --------------------------------------------------------------------------------------------

_TIME_WORDS = tuple(_LEX.trigger_words)
# Words a core branch of _BRANCHES may hold before its first trigger (lower case; matched
# case-insensitively). Keep in step with _BRANCHES: the equivalence test catches omissions.
_CORE_PREFIX_WORDS = tuple(_LEX.core_prefix_words)
_PREFIX_WORDS = frozenset(
    w
    for phrase in list(_CUE_TO_REL) + _MODS_HYPHEN + _MODS_WORD + list(_CORE_PREFIX_WORDS)
    + list(_LEX.ordinals) + list(_LEX.count_words) + list(_LEX.seasons)
    for w in regex.split(r"[\W_]+", phrase.lower()) if w
)
# cue words + modifier words + the longest core prefix ("the first three", "end of the")
_MAX_PREFIX = (max(len(regex.findall(r"\w+", c)) for c in _CUE_TO_REL)
               + max(len(regex.findall(r"\w+", m)) for m in _MODS_HYPHEN + _MODS_WORD) + 3)

# 18xx-21xx (the last two may be any non-ASCII digit), Q1-4, H1-4, 1-4Q, 1-4H, FY; written with a
# leading character class so that ``re`` can skip ahead (5x faster than the plain alternation)
_TRIGGER_CODES = _re.compile(
    r"[12QHF34](?:(?<=1)[89][^\x00-\x2f\x3a-\x7f]{2}|(?<=2)[01][^\x00-\x2f\x3a-\x7f]{2}"
    r"|(?<=[QH])[1-4]|(?<=[1-4])[QH]|(?<=F)Y)"
)
# the end of a period of months just before a month name: "from March to May", "between August and October"
_PERIOD_END_BEFORE = regex.compile(r"(?<![\w-])(?:to|through|until|till)\s+\Z|[A-Za-z]\s?[-\u2013]\s?\Z"
                                   r"|(?i:between)\s+[A-Z][a-z]+\.?\s+and\s+\Z")
# a month name and a range separator just before / after a month: "Jan-Feb 2017", "between august
# and october", "from April until the end of June" (a month alone is then a period's end or start)
_MONTH_BEFORE = regex.compile(
    rf"(?:(?<![\w-])\L<monany>\.?\s*(?:{_DASH}|/|(?i:to|through|thru|until|till)\s)"
    rf"|(?i:between)\s+\L<monany>\.?\s+(?i:and)\s)\s*(?:(?i:the\s+end\s+of)\s+)?\Z", monany=_NAMED_LISTS["monany"])
_MONTH_AFTER = regex.compile(
    rf"\s*(?:{_DASH}|(?i:to|through|thru|until|till|and)\s)\s*(?:(?i:the\s+end\s+of)\s+)?\L<monany>(?:\.|(?![A-Za-z]))",
    monany=_NAMED_LISTS["monany"])
_TRIGGER_CY = _re.compile(r"[cC][yY]\s?\d\d")
# a decade in two digits: "70s", "70's", "'40s" (the four-digit ones are codes above)
_TRIGGER_DECADE = _re.compile(r"[1-9]0['\u2019]?s(?![\w-])")
_TRIGGER_NAMES = _re.compile(_alt(_MONTH_NAMES.keys() | _LEX.weekdays.keys()))
# on the lower-cased text (with the long s, which (?i) folds to "s", replaced by "s")
_TRIGGER_WORDS_LOW = _re.compile(trie_alt(_TIME_WORDS))  # prefix-factored: 3x faster than a flat alternation
_TRIGGER_WORDS_CI = regex.compile(r"(?i:" + "|".join(_TIME_WORDS) + ")")  # when lower() changes lengths
# run on the lower-cased text (same length), where a case-sensitive set lookup is much faster
_WINDOW_LOW = regex.compile(
    r"(?r)(?:(?<!\w)(?:\L<prefix>|\d{1,2}(?:st|nd|rd|th)?)" + _DASH[:-1] + r"\s/.'\u2019]+){0," + str(_MAX_PREFIX) + r"}\w*",
    prefix=_PREFIX_WORDS,
)
_WINDOW_CI = regex.compile(
    r"(?r)(?:(?<!\w)(?i:\L<prefix>|\d{1,2}(?:st|nd|rd|th)?)" + _DASH[:-1] + r"\s/.'\u2019]+){0," + str(_MAX_PREFIX) + r"}\w*",
    prefix=_PREFIX_WORDS,
)
_WORD_START = regex.compile(r"(?<!\w)\w")


def _triggers(text: str, low: Optional[str]) -> list[int]:
    """Sorted start offsets of the triggers of ``text`` (see the comment above); ``low`` is the
    lower-cased text when it has the same length (else ``None``)."""
    found = [m.start() for m in _TRIGGER_CODES.finditer(text)]
    found += [m.start() for m in _TRIGGER_DECADE.finditer(text)]
    found += [m.start() for m in _TRIGGER_CY.finditer(text)]
    found += [m.start() for m in _TRIGGER_NAMES.finditer(text)]
    if low is not None:
        found += [m.start() for m in _TRIGGER_WORDS_LOW.finditer(low)]
    else:
        found += [m.start() for m in _TRIGGER_WORDS_CI.finditer(text)]
    found.sort()
    return found


def _scan(text: str) -> list[_Atom]:
    """The atoms of ``text``: _MASTER tried only at the candidate positions of each trigger."""
    atoms: list[_Atom] = []
    pos = 0  # where the position-by-position search would resume
    tried = -1  # candidates up to here were tried (a failed match at p fails whatever pos is)
    # lower(): same length except for a few letters such as U+0130; the long s folds to "s" in (?i)
    low: Optional[str] = text.lower().replace("\u017f", "s")
    if len(low) != len(text):
        low = None
    for t in _triggers(text, low):
        if t < pos:
            continue
        if low is not None:
            lo = _WINDOW_LOW.match(low, pos, t).start()
        else:
            lo = _WINDOW_CI.match(text, pos, t).start()
        lo = max(lo, tried + 1)
        for w in _WORD_START.finditer(text, lo):
            p = w.start()
            if p > t or pos > t:
                break
            if p < pos:
                continue
            tried = p
            m = _MASTER.match(text, p)
            if m is None:
                continue
            atom = _build_atom(text, m)
            if atom is not None:
                atoms.append(atom)
                pos = atom.end
            else:
                pos = m.end()
    return atoms


def _scan_exhaustive(text: str) -> list[_Atom]:
    """Reference for :func:`_scan`: search _MASTER position by position (slow; used by tests)."""
    atoms: list[_Atom] = []
    pos, end = 0, len(text)
    while pos < end:
        m = _MASTER.search(text, pos)
        if m is None:
            break
        atom = _build_atom(text, m)
        if atom is not None:
            atoms.append(atom)
            pos = atom.end
        else:
            pos = m.end()
    return atoms


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


def _month_alone_ok(text: str, m: regex.Match, cue: Optional[str], mod: Optional[str]) -> bool:
    """Whether a month name without a year is a month: next to another month of a period ("Jan-Feb
    2017", "between august and october"), or a capitalised name after a cue or a modifier ("in May",
    "mid-June"), or a lower-case one after a cue ("in may"); "May" alone is the modal verb as often."""
    mon = m.group("mon")
    ms = m.start("mon")
    capital = mon.rstrip(".") in _MONTH_NAMES
    if not capital and mon.lower() in _NAMED_LISTS["monany"] - _NAMED_LISTS["monyf"] and cue is None:
        return False  # "between June and may rise": a lower-case "may" or "march" needs its own cue
    if _MONTH_BEFORE.search(text, max(0, ms - 40), ms):
        return True
    if _MONTH_AFTER.match(text, m.end("core")) and (capital or cue is not None):
        return True
    if not capital:
        return cue is not None and _CUE_TO_REL.get(cue) in _LOWER_MONTH_RELS
    if cue is None and mod is None:
        return mon in _LEX.months and _PERIOD_END_BEFORE.search(text, max(0, ms - 30), ms) is not None
    if mon in _LEX.month_abbreviations and not mon.endswith("."):
        return cue is not None and cue not in ("from", "between")
    return True


def _build_atom(text: str, m: regex.Match) -> Optional[_Atom]:
    """Turn one hit into an :class:`_Atom`, or ``None`` when the hit is not a time expression."""
    regs = m.regs
    kind = next(k for i, k in _BRANCH_GROUPS if regs[i][0] >= 0)
    cue = _norm(m.group("cue")) if m.group("cue") else None
    mod = _norm(m.group("mod").rstrip("-")) if m.group("mod") else None
    start = m.start()
    cue_end = m.end("cue") if cue else start
    core_start = m.start("mod") if mod else m.start("core")
    a = _Atom(start=start, cue_end=cue_end, core_start=core_start, end=m.end("core"), kind=kind, cue=cue,
              pos=_MOD_TO_POS.get(mod) if mod else None)

    if kind == "offset":
        if m.group("same"):
            head = _norm(m.group("same"))
            a.soffset = -1 if (m.group("tail") or head.startswith(("year", "prior", "previous"))) else 0
        elif m.group("cnt"):
            n = _COUNTS.get(_norm(m.group("cnt")))
            n = int(m.group("cnt")) if n is None else n
            if _norm(m.group("unit")).startswith("decade"):
                n *= 10
            a.soffset = n if _norm(m.group("dir")) in ("later", "after") else -n
        else:
            prev = _norm(m.group("prev"))
            a.soffset = 0 if prev.startswith("that") else (1 if "following" in prev else -1)
        if mod:
            return None
    elif kind == "date":
        parts = _date_parts(m)
        if parts is None:
            return None
        a.year, a.sub, a.day = parts
    elif kind == "pend":
        parts = _date_parts(m)
        if parts is None:
            return None
        a.year, a.sub, a.day = parts
        if m.group("pfy"):
            a.fiscal, a.months = True, 12
        elif m.group("pcnt"):
            n = _COUNTS.get(_norm(m.group("pcnt")))
            a.months = int(m.group("pcnt")) if n is None else n
            if not 1 <= a.months <= 120:
                return None
        else:
            a.months = _PERIOD_MONTHS[_norm(m.group("punit").replace("-", " "))]
        month_end = a.day is None or a.day >= calendar.monthrange(2001 if a.year is None else a.year, a.sub)[1]
        a.collapsed = a.fiscal or (month_end and (a.months, a.sub % a.months if a.months <= 12 else 1)
                                   in ((12, 0), (6, 0), (3, 0), (1, 0)))
    elif kind == "todate":
        unit = _TD_ABBR[m.group("tdc")] if m.group("tdc") else _norm(m.group("tdu"))
        if unit == "year":
            a.kind, a.yanchor = "year", 0
        else:
            a.kind, a.unit, a.yanchor = "rel", unit, 0
    elif kind == "fy":
        a.fiscal = True
        a.year = int(m.group("year")) if m.group("year") else _expand_yy(m.group("yy"))
        if m.group("q"):
            a.kind, a.sub = "quarter", int(m.group("q"))
        if m.group("year2") or m.group("yy2"):
            y2 = int(m.group("year2")) if m.group("year2") else _expand_yy(m.group("yy2"), a.year)
            if y2 <= a.year:
                return None
            if y2 == a.year + 1:
                a.year = y2  # a split fiscal year is named by the year it ends in
            else:
                a.kind, a.year2 = "range", y2
    elif kind in ("quarter", "half"):
        _read_year(m, a)
        # "Audi Q4", "the Galaxy Q5": a bare Qn/Hn after a capitalised name is a product
        if ((m.group("q") or m.group("h")) and cue is None and a.year is None and a.yanchor is None
                and a.soffset is None and _PRODUCT_BEFORE.search(text, max(0, a.core_start - 40), a.core_start)):
            return None
        if kind == "quarter":
            if m.group("q"):
                a.sub = int(m.group("q"))
            elif m.group("qmon"):
                a.sub = _MONTH_ANY[m.group("qmon").lower()] // 3
                if m.group("qfirst") and _MONTH_ANY[m.group("qfirst").lower()] != 3 * a.sub - 2:
                    return None  # "the May-June quarter" is no calendar quarter
            elif m.group("first"):
                a.sub = 1 if _norm(m.group("first")) == "first" else 4
            elif m.group("ord"):
                a.sub = _ORDINALS[_norm(m.group("ord"))]
            else:  # final / last quarter
                if a.year is None and a.yanchor is None and a.soffset is None:
                    if _norm(m.group("last")) == "last":
                        a.kind, a.unit, a.yanchor = "rel", "quarter", -1
                        a.sub = None
                        return _finish(text, m, a)
                a.sub = 4
        else:
            if m.group("h"):
                a.sub = int(m.group("h"))
            elif m.group("first"):
                a.sub = 1 if _norm(m.group("first")) == "first" else 2
            else:
                a.sub = 1 if _norm(m.group("hord")) in ("first", "1st") else 2
            # a bare H1/H2 needs a cue and no noun after it ("H2 production" is hydrogen)
            if (m.group("h") and a.year is None and a.yanchor is None and a.soffset is None
                    and (cue is None or _LOWER_WORD_NEXT.match(text, m.end("core")))):
                return None
    elif kind == "season":
        a.year = int(m.group("year"))
        a.season = _SEASONS[_norm(m.group("season"))]
    elif kind == "month":
        if m.group("mord"):
            a.sub = _MONTH_ORDINALS[_norm(m.group("mord"))]
            _read_year(m, a)
            return _finish(text, m, a)
        if m.group("monn"):
            a.sub = int(m.group("monn"))
        else:
            a.sub = _MONTH_ANY[m.group("mon").rstrip(".").lower()]
        if m.group("mrel") or m.group("yrel"):
            a.yanchor = _YREL_ANCHOR_OFF[_norm(m.group("mrel") or m.group("yrel"))]
        elif m.group("year"):
            a.year = int(m.group("year"))
        elif m.group("yy"):
            a.year = _expand_yy(m.group("yy"))
        elif m.group("wyear"):
            a.year = parse_year_words(m.group("wyear"))
        elif not _month_alone_ok(text, m, cue, mod):
            return None
    elif kind == "range":
        a.year = int(m.group("year"))
        y2 = int(m.group("year2")) if m.group("year2") else _expand_yy(m.group("yy2"), a.year)
        if not a.year < y2 <= a.year + 100:
            if m.group("yy2") and 1 <= int(m.group("yy2")) <= 12:
                a.kind, a.sub = "month", int(m.group("yy2"))  # 2016-11 is November 2016
                return _finish(text, m, a)
            return None
        a.year2 = y2
    elif kind == "year":
        a.year = int(m.group("year"))
    elif kind == "cy":
        a.kind = "year"
        a.year = int(m.group("year")) if m.group("year") else _expand_yy(m.group("yy"))
    elif kind == "wyear":
        # alone, a year in words needs a cue and no noun after it ("in two thousand homes")
        nxt = regex.match(r"\s*([a-z]+)", text[m.end("core"):m.end("core") + 30])
        if cue is None or (nxt and nxt.group(1) not in _WYEAR_NEXT):
            return None
        a.kind, a.year = "year", parse_year_words(m.group("wyear"))
    elif kind == "century":
        a.sub = _CENTURY_ORDINALS[_norm(m.group("cent").replace("-", " "))]
    elif kind == "mspan":
        _read_year(m, a)
        a.months = _COUNTS.get(_norm(m.group("cnt"))) or int(m.group("cnt"))
        if not 1 <= a.months <= 12:
            return None
        a.sub = 1 if _norm(m.group("mfirst")) == "first" else 13 - a.months
    elif kind == "unitend":
        unit = _LEX.end_abbreviations[m.group("eoabbr")] if m.group("eoabbr") else _norm(m.group("eounit"))
        a.pos, a.yanchor = "end", 0
        if unit == "year":
            a.kind = "year"
        else:
            a.kind, a.unit = "rel", unit
    elif kind == "rel":
        a.unit = _norm(m.group("runit"))
        if m.group("rel2"):
            a.yanchor = 2 if _norm(m.group("rel2")).startswith("after") else -2
            if a.unit == "year":
                a.kind = "year"
        elif a.unit not in _DAY_OFFSETS:
            a.yanchor = _YREL_ANCHOR_OFF[_norm(m.group("rel"))]
            if a.unit.endswith("year"):
                a.fiscal = a.unit.startswith(("fiscal", "financial"))  # this fiscal year -> FY2026 / FYXXXX
                a.kind, a.unit = "year", "year"
    elif kind == "decade":
        if m.group("dec"):
            a.year = int(m.group("dec")) * 10
        elif m.group("dec2"):
            a.year = 1900 + int(m.group("dec2"))  # two-digit decades are of the 1900s ("the 70s")
        else:
            a.year = _LEX.decade_words[_norm(m.group("decw"))]
    elif kind == "span":
        n = _COUNTS.get(_norm(m.group("cnt"))) if m.group("cnt") else 1
        if n is None:
            n = int(m.group("cnt"))
        sunit = _norm(m.group("sunit"))
        if sunit.startswith("decade"):
            n *= 10
        a.unit = "month" if sunit.startswith("month") else "quarter" if sunit.startswith("quarter") else "year"
        a.sub = n if _norm(m.group("sdir")) in ("next", "coming", "following") else -n
    elif kind == "yearend":
        a.kind, a.pos = "year", "end"
        if m.group("year"):
            a.year = int(m.group("year"))
        else:
            a.yanchor = 0
    elif kind == "theyear":
        if mod is None:
            return None
        a.yanchor = 0
        if _norm(m.group("tunit")) == "year":
            a.kind = "year"
        else:
            a.kind, a.unit = "rel", "month"
    elif kind == "bare":
        if cue is None:
            return None
        a.unit = "quarter" if _norm(m.group("bunit")) == "quarter" else "half"
    elif kind == "weekday":
        a.sub = _LEX.weekdays[m.group("wd")]
    return _finish(text, m, a)


def _finish(text: str, m: regex.Match, a: _Atom) -> Optional[_Atom]:
    """Checks shared by all kinds: year bounds, cue compatibility, 'year or count?'."""
    if not (_year_ok(a.year) and _year_ok(a.year2)):
        return None
    if m.group("onward"):
        a.onward = True
        a.end = m.end("onward")
    rel = _CUE_TO_REL.get(a.cue) if a.cue else None
    numeric_year = a.kind in ("year", "range") and a.yanchor is None and a.year is not None
    if numeric_year:
        if _followed_by_unit(text, m.end("core")):
            return None
        if a.cue is None and a.pos is None and _blocked_before(text, a.core_start):
            return None
        if rel == "range" and a.kind == "year":
            return None  # "over 2000 people": a comparator, not a period
    if rel == "day" and a.kind not in ("date", "weekday"):
        _drop_cue(a)
    elif rel == "at" and a.pos is None:
        _drop_cue(a)
    return a


def _drop_cue(a: _Atom) -> None:
    a.cue = None
    a.start = a.cue_end = a.core_start


# --------------------------------------------------------------------------------------------
# Resolution to TIMEX3 values
# --------------------------------------------------------------------------------------------


def _quarter_of(d: _dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _recent_year(ref: _dt.date, kind: str, sub: int, day: Optional[int]) -> int:
    """Year of the most recent month/quarter/half/day ``sub`` that starts on or before ``ref``."""
    if kind == "quarter":
        first_month = 3 * (sub - 1) + 1
    elif kind == "half":
        first_month = 6 * (sub - 1) + 1
    else:
        first_month = sub
    first_day = day or 1
    return ref.year if (first_month, first_day) <= (ref.month, ref.day) else ref.year - 1


def _resolve(a: _Atom, ref: Optional[_dt.date]) -> tuple[Optional[str], bool, Optional[int]]:
    """(value, anchor, offset_years) of one atom."""
    if a.kind == "offset":
        return None, False, a.soffset
    if a.kind == "range":
        if a.fiscal:
            return f"FY{a.year}/FY{a.year2}", False, None
        return f"{a.year}/{a.year2}", False, None
    if a.kind == "weekday":
        if ref is None:
            return "XXXX-XX-XX", True, None
        d = ref - _dt.timedelta(days=(ref.weekday() - a.sub) % 7)
        return d.isoformat(), True, None
    if a.kind == "rel":
        return _resolve_rel(a, ref)
    if a.kind == "decade":
        return f"{a.year // 10}X", False, None
    if a.kind == "century":  # TIMEX3 writes a century like a decade: the 21st century -> 20XX
        return f"{a.sub - 1:02d}XX", False, None
    if a.kind == "mspan":
        year, anchor = a.year, False
        if year is None and a.yanchor is not None:
            year, anchor = (ref.year + a.yanchor if ref else None), True
        ystr = "XXXX" if year is None else f"{year:04d}"
        return f"{ystr}-{a.sub:02d}/{ystr}-{a.sub + a.months - 1:02d}", anchor, a.soffset
    if a.kind == "span":
        if a.unit == "quarter":  # the N whole quarters before or after the reference quarter
            if ref is None:
                return "XXXX-QX/XXXX-QX", True, None
            now = ref.year * 4 + _quarter_of(ref) - 1
            lo, hi = (now + a.sub, now - 1) if a.sub < 0 else (now + 1, now + a.sub)
            return f"{lo // 4:04d}-Q{lo % 4 + 1}/{hi // 4:04d}-Q{hi % 4 + 1}", True, None
        if a.unit == "month":
            if ref is None:
                return "XXXX-XX/XXXX-XX", True, None
            now = ref.year * 12 + ref.month - 1
            lo, hi = sorted((now, now + a.sub))
            return f"{_month_str(lo)}/{_month_str(hi)}", True, None
        if ref is None:
            return "XXXX/XXXX", True, None
        lo, hi = sorted((ref.year, ref.year + a.sub))
        return f"{lo}/{hi}", True, None
    if a.kind == "pend":
        return _resolve_pend(a, ref)
    if a.kind == "bare":
        return ("XXXX-QX" if a.unit == "quarter" else "XXXX-HX"), False, None

    anchor = a.anchored
    year = a.year
    if year is None and a.yanchor is not None:
        anchor = True
        year = ref.year + a.yanchor if ref else None
    elif year is None and a.soffset is None and a.kind in ("quarter", "half", "month", "date"):
        anchor = True
        if ref is not None:
            year = _recent_year(ref, a.kind, a.sub, a.day)
            if a.kind == "date":
                while a.day > calendar.monthrange(year, a.sub)[1]:
                    year -= 1  # 29 February: the most recent leap year
    ystr = "XXXX" if year is None else f"{year:04d}"
    if a.fiscal:
        ystr = "FY" + ystr
    if a.kind == "year" or a.kind == "fy":
        value = ystr
    elif a.kind == "quarter":
        value = f"{ystr}-Q{a.sub}"
    elif a.kind == "half":
        value = f"{ystr}-H{a.sub}"
    elif a.kind == "month":
        value = f"{ystr}-{a.sub:02d}"
    elif a.kind == "date":
        value = f"{ystr}-{a.sub:02d}-{a.day:02d}"
    elif a.kind == "season":
        value = f"{ystr}-{a.season}"
    else:  # pragma: no cover - every kind is handled above
        raise AssertionError(a.kind)
    return value, anchor, a.soffset


def _month_str(idx: int, year_known: bool = True) -> str:
    """'YYYY-MM' of a month index ``year * 12 + month - 1`` ('XXXX-MM' when the year is unknown)."""
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}" if year_known else f"XXXX-{idx % 12 + 1:02d}"


def _resolve_pend(a: _Atom, ref: Optional[_dt.date]) -> tuple[Optional[str], bool, Optional[int]]:
    """Value of a period named by its end ("the year to June 2025"): see the time.json conventions."""
    year, anchor = a.year, False
    if year is None:
        anchor = True
        if ref is not None:
            year = _recent_year(ref, "date" if a.day else "month", a.sub, a.day)
    known = year is not None
    ystr = f"{year:04d}" if known else "XXXX"
    if a.fiscal:
        return f"FY{ystr}", anchor, None
    n, month = a.months, a.sub
    if a.collapsed:
        if n == 12:
            return ystr, anchor, None
        if n == 6:
            return f"{ystr}-H{month // 6}", anchor, None
        if n == 3:
            return f"{ystr}-Q{month // 3}", anchor, None
        return f"{ystr}-{month:02d}", anchor, None
    y = year if known else 2000  # a leap year stands in for an unknown one
    end_idx = y * 12 + month - 1
    if a.day is None or a.day >= calendar.monthrange(y, month)[1]:
        return f"{_month_str(end_idx - n + 1, known)}/{_month_str(end_idx, known)}", anchor, None
    # day precision: from the day after the same day n months earlier
    s_idx = end_idx - n
    s_year, s_month = s_idx // 12, s_idx % 12 + 1
    start = _dt.date(s_year, s_month, min(a.day, calendar.monthrange(s_year, s_month)[1])) + _dt.timedelta(days=1)
    end = _dt.date(y, month, a.day)
    if known:
        return f"{start.isoformat()}/{end.isoformat()}", anchor, None
    return f"XXXX{start.isoformat()[4:]}/XXXX{end.isoformat()[4:]}", anchor, None


def _resolve_rel(a: _Atom, ref: Optional[_dt.date]) -> tuple[Optional[str], bool, Optional[int]]:
    if a.unit in _DAY_OFFSETS:
        d = ref + _dt.timedelta(days=_DAY_OFFSETS[a.unit]) if ref else None
        return (d.isoformat() if d else "XXXX-XX-XX"), True, None
    k = a.yanchor or 0
    if ref is None:
        return {"quarter": "XXXX-QX", "month": "XXXX-XX", "week": "XXXX-WXX", "decade": "XXXX"}[a.unit], True, None
    if a.unit == "quarter":
        idx = ref.year * 4 + _quarter_of(ref) - 1 + k
        return f"{idx // 4:04d}-Q{idx % 4 + 1}", True, None
    if a.unit == "month":
        idx = ref.year * 12 + ref.month - 1 + k
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}", True, None
    if a.unit == "decade":
        return f"{ref.year // 10 + k}X", True, None
    iso = (ref + _dt.timedelta(weeks=k)).isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}", True, None


def _relation(a: _Atom) -> str:
    """Relation of an atom from its cue and position modifier."""
    rel = _CUE_TO_REL.get(a.cue) if a.cue else None
    if a.onward and rel in (None, "between", "since"):
        return "since"
    if rel in ("by", "as_of", "since", "until"):
        return rel
    if rel == "at" or (rel is None and a.pos in ("end", "start")):
        return "as_of"
    if _is_period(a):
        return "between"
    return "in"


def _is_period(a: _Atom) -> bool:
    """True for atoms whose value is a start/end period (relation ``between`` by default)."""
    return a.kind in ("range", "span", "mspan") or (a.kind == "pend" and not a.collapsed)


# --------------------------------------------------------------------------------------------
# Joining: periods and lists
# --------------------------------------------------------------------------------------------

_RANGE_OPENERS = {None, "between", "range", "in"}  # relations of cues that may open a period
_SIMPLE = ("year", "quarter", "half", "month", "date", "season")
_JOINABLE = _SIMPLE + ("fy",)


def _explicit_year(a: _Atom) -> bool:
    return a.year is not None and a.yanchor is None and a.soffset is None


def _backfill(first: _Atom, later: _Atom, is_range: bool) -> None:
    """'January to March 2025', 'Q1 and Q2 2025': a year written once serves both ends."""
    if (first.kind in ("quarter", "half", "month", "date") and first.year is None and first.yanchor is None
            and first.soffset is None and _explicit_year(later)):
        first.year = later.year
        first.fiscal = later.fiscal
        if is_range and first.kind == later.kind and (first.sub or 0) > (later.sub or 0):
            first.year -= 1


def _share_year(a: _Atom, b: _Atom, ref: Optional[_dt.date]) -> None:
    """'from January to March' with a reference date: both ends in the same (most recent) span."""
    if (ref is not None and a.kind == b.kind and a.kind in ("quarter", "half", "month", "date")
            and a.year is None and b.year is None and a.yanchor is None and b.yanchor is None
            and a.soffset is None and b.soffset is None):
        a.year = _recent_year(ref, a.kind, a.sub, a.day)  # the most recent period that has started
        b.year = a.year + 1 if (a.sub, a.day or 0) > (b.sub, b.day or 0) else a.year
        a.anchored = b.anchored = True


def _join(text: str, atoms: list[_Atom], ref: Optional[_dt.date]) -> list[TimeMatch]:
    out: list[TimeMatch] = []
    i, n = 0, len(atoms)
    while i < n:
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < n else None
        rel = _CUE_TO_REL.get(a.cue) if a.cue else None
        # period: from A to B, between A and B, A-B, A through B
        if b is not None and a.kind in _JOINABLE and b.kind in _JOINABLE and rel in _RANGE_OPENERS \
                and not a.onward:
            b_rel = _CUE_TO_REL.get(b.cue) if b.cue else None
            gap = text[a.end:(b.cue_end if b.cue else b.start)]
            if a.cue == "between":  # "between 2014 and 2018", "between 2014 through 2018"
                joined = ((b.cue is None and _AND_SEP.fullmatch(gap) is not None)
                          or ((b.cue is None or b_rel == "until") and _RANGE_SEP.fullmatch(gap) is not None))
            else:
                joined = (b.cue is None or b_rel == "until") and _RANGE_SEP.fullmatch(gap) is not None
            if joined:
                _backfill(a, b, True)
                _share_year(a, b, ref)
                va, anc_a, _ = _resolve(a, ref)
                vb, anc_b, _ = _resolve(b, ref)
                start = a.start
                out.append(TimeMatch(text=text[start:b.end], start_char=start, end_char=b.end,
                                     value=f"{va}/{vb}", relation="between", anchor=anc_a or anc_b))
                i += 2
                continue
        # list: in 2023, 2024 and 2025 -> one match per item, the cue's relation carried over
        if a.cue is not None and rel not in ("between", "range") and a.kind in _SIMPLE:
            j = i
            while (j + 1 < n and atoms[j + 1].cue is None and atoms[j + 1].pos is None
                   and atoms[j + 1].kind == a.kind and _LIST_SEP.fullmatch(text, atoms[j].end, atoms[j + 1].start)):
                j += 1
            if j > i:
                items = atoms[i:j + 1]
                for it in items[:-1]:
                    _backfill(it, items[-1], False)
                relation = _relation(a)
                for k, it in enumerate(items):
                    s = it.core_start
                    v, anc, off = _resolve(it, ref)
                    out.append(TimeMatch(text=text[s:it.end], start_char=s, end_char=it.end, value=v,
                                         relation=relation, anchor=anc, offset_years=off))
                i = j + 1
                continue
        if rel in ("between", "range") and not _is_period(a) and not (a.cue == "from" and a.onward):
            if a.kind == "year" and _NUMBER_RANGE_NEXT.match(text, a.end):
                i += 1  # "between 2000 and 3000 tonnes": a range of numbers, not of years
                continue
            _drop_cue(a)
        v, anc, off = _resolve(a, ref)
        out.append(TimeMatch(text=text[a.start:a.end], start_char=a.start, end_char=a.end, value=v,
                             relation=_relation(a), anchor=anc, offset_years=off))
        i += 1
    return out


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
    return _join(text, _scan(text), reference_date)
