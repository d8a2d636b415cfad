"""The timeframe grammar's regular expressions: the core branches (one per kind of expression),
the relation cues and position modifiers, and the master pattern that joins them, compiled once at
import. Part of :mod:`claimx.grammar.timex`."""

from __future__ import annotations

import regex

from claimx.grammar.timex_dispatch import (expand_named_lists, guarded, needs_digit, needs_list,
                                           optional_groups_as_alternations)
from claimx.grammar.timex_lexicon import _LEX, _variants
from claimx.grammar.timex_words import PATTERN as _WYEAR_PATTERN


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
        r"|(?i:the)\s+(?P<punit>\L<punits>)|(?i:the)\s+(?P<pweek>(?i:week)))"
        rf",?\s+(?:(?i:that|which)\s+)?(?P<pconn>\L<pconn>)\s+(?:(?i:in|on)\s+)?{_PEND_END}",
    ),
    # the week to Friday: the ISO week of the most recent Friday
    ("pend", rf"(?i:the)\s+(?P<pweek>(?i:week)),?\s+(?P<pconn>\L<pconn>)\s+(?:(?i:on)\s+)?{_WD}"),
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
        rf"(?:{_ORD}|(?P<last>(?i:final|last)))[-\s]{_Q_WORD}(?i:s)?(?![\w-])"
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
        rf"(?:(?i:the)\s+)?(?:{_YPOSS}\s+)?(?P<hord>(?i:first|second|1st|2nd|latter))[-\s](?:{_H_WORD}|(?i:halves))"
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
    # "by mid-century", "by the middle of the century": the year of mid_century_year (needs the modifier)
    ("midcentury", r"(?:(?i:the)\s+)?(?i:century)(?![\w-])"),
    # seasons with a year
    # (a split year after it, "the winter of 2024-25", is the season that begins in the first year)
    ("season", rf"(?:(?i:the)\s+)?{_SEASON}\s+(?:(?i:of)\s+)?(?P<year>{_Y4})"
               rf"(?:(?:{_DASH}|/)(?P<syear2>{_Y4}|{_YY})(?![\d\w]|[.,]\d))?"
               rf"|(?:(?i:the)\s+)?(?<![\w.,$/])(?P<year>{_Y4})(?:{_DASH}|/)(?P<syear2>{_Y4}|{_YY})\s+{_SEASON}"
               r"(?:\s+(?i:season))?(?=\s*[^\w\s]|\s*\Z)"),
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
        r"|(?i:the)\s+(?P<sdir>(?i:last))\s+(?P<sunit>(?i:year|month))(?![\w-])(?!\s+(?i:of)(?!\w))"
        # the next year: a 12-month span only after a cue ("over the next year"; see _build_atom)
        r"|(?i:the)\s+(?P<sdir>(?i:next))\s+(?P<sunit>(?i:year))(?![\w-])(?!\s+(?i:of|after)(?!\w))",
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
    # "by the end of the decade": the reference decade, as "this decade" (read only after a position modifier)
    ("rel", r"(?<=(?i:of)\s)(?i:the)\s+(?P<runit>(?i:decade))(?![\w-])(?!\s+(?i:to|through|until|ended|ending)(?!\w))"),
    (
        "yearend",
        rf"(?i:year[-\s]end|end[-\s]of[-\s]year|end[-\s]of[-\s]the[-\s]year)(?![\w-])(?:\s+(?P<year>{_Y4}))?",
    ),
    # the end of the month, EOY, EOM
    ("unitend", r"(?P<eoabbr>\L<eoabbr>)(?![\w-])|(?i:end[-\s]of[-\s])(?P<eounit>(?i:month|quarter))(?![\w-])"),
    ("theyear", r"(?i:the)\s+(?P<tunit>(?i:year|month))(?![\w-])"),
    ("bare", r"(?i:the)\s+(?:(?i:latest|most\s+recent)\s+)?(?P<bunit>(?i:quarter|half[-\s]year|half))(?![\w-])(?!\s+(?i:of)\b)"),
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

# The master pattern as written (the reference the tests compare against) and as run: the same
# matches, spelled for speed (see timex_dispatch)
_MASTER_PLAIN = rf"(?<!\w)(?:{_CUE_RE})?(?:{_MOD_RE})?(?P<core>{_CORE_RE})(?P<onward>\s+(?i:onwards?))?"
def _compile_master(branches: list[str]) -> regex.Pattern:
    core = guarded([f"(?P<k_{i}>{pat})" for i, pat in enumerate(branches)], _NAMED_LISTS)
    return regex.compile(
        optional_groups_as_alternations(expand_named_lists(
            rf"(?<!\w)(?:{_CUE_RE})?(?:{_MOD_RE})?(?P<core>{core})(?P<onward>\s+(?i:onwards?))?",
            _NAMED_LISTS,
        )),
        regex.V0,
    )


_MASTER = _compile_master([pat for _, pat in _BRANCHES])
# For a text without a decimal digit (the regex module's \d): the same pattern with each core branch
# that needs a digit (timex_dispatch.needs_digit) replaced by one that fails at once and only holds
# the branch's named groups, empty, in their order ("(?!)(?P<year>)(?P<monn>)..."). Such a branch
# cannot match that text, the other branches keep their order, and the groups keep their numbers
# (the regex module numbers a name where it first appears), so the pattern matches exactly what
# _MASTER matches there, at less cost where it fails (no digit-needing branch reads the words
# before its digits) and in a much smaller compiled pattern.
def _dead(pattern: str) -> str:
    return "(?!)" + "".join(f"(?P<{name}>)" for name in regex.findall(r"\(\?P<(\w+)>", pattern)) + "\\x00"


_MASTER_NO_DIGIT = _compile_master([_dead(pat) if needs_digit(pat, _NAMED_LISTS) else pat for _, pat in _BRANCHES])
# The named lists of month and weekday names (in any case), and for a text with neither a digit nor
# any of their words (timex_scan decides) the pattern without the branches that need one of them
_MONTH_LISTS = frozenset(n for n, ws in _NAMED_LISTS.items() if ws and all(
    w.lower() in _MONTH_ANY or w.lower() in {d.lower() for d in _LEX.weekdays} for w in ws))
_MONTH_LIST_WORDS = frozenset(w.lower() for n in _MONTH_LISTS for w in _NAMED_LISTS[n])
_MASTER_NO_DIGIT_NO_MONTH = _compile_master([
    _dead(pat) if needs_list(pat, _NAMED_LISTS, _MONTH_LISTS, or_digit=True) else pat for _, pat in _BRANCHES])
# a grammar edit that breaks it fails at import
for _variant in (_MASTER_NO_DIGIT, _MASTER_NO_DIGIT_NO_MONTH):
    if (_variant.groupindex, _variant.groups) != (_MASTER.groupindex, _MASTER.groups):  # pragma: no cover
        raise ImportError("timeframe grammar: a reduced master pattern has other groups")

# (group number, kind) of each core branch, to find the branch that matched from ``Match.regs``
_BRANCH_GROUPS = tuple((_MASTER.groupindex[k], kind) for k, kind in _BRANCH_KIND.items())
