"""The atom builder of the timeframe grammar: one hit of the master pattern -> an
:class:`~claimx.grammar.timex_atoms._Atom`, or ``None`` when the hit is no time expression.
Part of :mod:`claimx.grammar.timex`."""

from __future__ import annotations

import calendar
import operator
from typing import Optional

import regex

from claimx.grammar.timex_atoms import (
    _Atom,
    _CENTURY_ORDINALS,
    _COUNTS,
    _DAY_OFFSETS,
    _LOWER_WORD_NEXT,
    _MONTH_ORDINALS,
    _ORDINALS,
    _PERIOD_MONTHS,
    _PRODUCT_BEFORE,
    _SEASONS,
    _TD_ABBR,
    _YREL_ANCHOR_OFF,
    _blocked_before,
    _date_parts,
    _expand_yy,
    _followed_by_unit,
    _month_alone_ok,
    _read_year,
    _year_ok,
)
from claimx.grammar.timex_grammar import _BRANCH_GROUPS, _CUE_TO_REL, _MASTER, _MOD_TO_POS, _MONTH_ANY
from claimx.grammar.timex_lexicon import _LEX, _norm
from claimx.grammar.timex_words import NEXT_WORDS as _WYEAR_NEXT
from claimx.grammar.timex_words import parse_year_words

# a half code or word earlier in the clause and a list separator just before: "in H1 and | H2 at 6.2%"
_HALF_LISTED_BEFORE = regex.compile(r"(?<![\w-])(?:H[12]|(?i:half))(?![\w-])[^.;:\n]{0,60}?(?:,\s*|\s)(?:(?i:and|or|while|with)\s+)?\Z")
# "a year" as a rate: a figure (a number, then at most two unit words) just before it
_RATE_BEFORE = regex.compile(r"\d[\d.,]*\s*(?:%|[^\W\d]+\.?)?(?:\s+[^\W\d]+){0,2}\s+\Z")
_YEAR_NEXT = regex.compile(r"\s+(?:(?i:the\s+end\s+of|end[-\s]|the\s+start\s+of)\s*)?(?:1[89]|2[01])\d\d(?!\d)")
_OF_THE_DECADE = regex.compile(r"\s+(?i:of)\s+(?i:the|this)\s+(?i:decade)(?![\w-])")
_HALF_CODE_NEXT = regex.compile(r"\s+(\w+)")


def _noun_next(text: str, pos: int) -> bool:
    """Whether a lower-case word that is no ``half_code_next_words`` word follows ``pos``."""
    if not _LOWER_WORD_NEXT.match(text, pos):
        return False
    w = _HALF_CODE_NEXT.match(text, pos)
    return w is None or w.group(1) not in _LEX.half_code_next_words


_BRANCH_KINDS = tuple(kind for _, kind in _BRANCH_GROUPS)
_BRANCH_SPANS = operator.itemgetter(*(i for i, _ in _BRANCH_GROUPS))
_CORE_GROUP = _MASTER.groupindex["core"]
_CUE_GROUP, _MOD_GROUP = _MASTER.groupindex["cue"], _MASTER.groupindex["mod"]


def _build_atom(text: str, m: regex.Match) -> Optional[_Atom]:
    """Turn one hit into an :class:`_Atom`, or ``None`` when the hit is not a time expression."""
    regs = m.regs
    core = regs[_CORE_GROUP]
    # the branch that matched spans exactly the core (the others are unset): one C-level lookup
    kind = _BRANCH_KINDS[_BRANCH_SPANS(regs).index(core)]
    # the cue and modifier groups by their spans (unset: (-1, -1)), as m.group() would give them
    (cs, ce), (ms, me) = regs[_CUE_GROUP], regs[_MOD_GROUP]
    cue = _norm(m.string[cs:ce]) if ce > cs else None
    mod = _norm(m.string[ms:me].rstrip("-")) if me > ms else None
    start = regs[0][0]
    cue_end = ce if cue else start
    core_start = ms if mod else core[0]
    a = _Atom(start=start, cue_end=cue_end, core_start=core_start, end=core[1], kind=kind, cue=cue,
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
            if (_norm(m.group("cnt")) in ("a", "an") and _norm(m.group("dir")) in ("after", "before")
                    and _RATE_BEFORE.search(text, max(0, a.core_start - 40), a.core_start)
                    and _YEAR_NEXT.match(text, m.end("core"))):
                # "5 GW a year after 2030": a rate, then "after 2030" (read from the cue on)
                m2 = _MASTER.match(text, m.start("dir"))
                return _build_atom(text, m2) if m2 is not None else None
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
    elif kind == "pend" and m.group("wd"):
        a.kind, a.unit, a.sub = "weekday", "week", _LEX.weekdays[m.group("wd")]  # "the week to Friday"
    elif kind == "pend":
        parts = _date_parts(m)
        if parts is None:
            return None
        a.year, a.sub, a.day = parts
        if m.group("pweek"):
            if a.day is None:
                return None  # "the week to June" names no week
            a.unit, a.months = "week", 0
            return _finish(text, m, a)
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
            # a bare H1/H2 needs a cue (or a half named before it in a list: "in H1 and H2 at 6.2%")
            # and no noun after it ("H2 production" is hydrogen; "H1 and", "H2 at" are halves)
            if (m.group("h") and a.year is None and a.yanchor is None and a.soffset is None
                    and ((cue is None and not _HALF_LISTED_BEFORE.search(text, max(0, a.core_start - 80), a.core_start))
                         or _noun_next(text, m.end("core")))):
                return None
            dec = _OF_THE_DECADE.match(text, m.end("core")) if a.year is None and m.group("hord") else None
            if dec is not None:
                # "the second half of the decade": a part of the reference decade, written as the
                # decade (202X), as "the early 2030s" is 203X
                a.kind, a.unit, a.yanchor, a.sub, a.pos = "rel", "decade", 0, None, "late" if a.sub == 2 else "early"
                a.end = dec.end()
    elif kind == "season":
        a.year = int(m.group("year"))
        a.season = _SEASONS[_norm(m.group("season"))]
        y2 = m.group("syear2")
        if y2 is not None and int(y2) % 100 != (a.year + 1) % 100:
            if m.start("season") > m.start("year"):
                return None  # "the 2024-27 winter": no one season
            a.end = m.end("year")  # "winter 2024-27": the season of the first year only
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
    elif kind == "midcentury":
        if a.pos != "middle" or cue is None:
            return None  # "mid-century modern": a style, not a date
        a.kind, a.year, a.pos = "year", _LEX.mid_century_year, None
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
        elif m.group("rel") is None and a.unit == "decade":
            if a.pos not in ("end", "start", "middle"):
                return None  # "the rest of the decade", "the decade to 2020": not the reference decade's point
            a.yanchor = 0
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
        if not m.group("cnt") and a.sub == 1 and a.unit == "year" and cue not in _LEX.next_year_span_cues:
            return None  # "the next year" without over/in/during: the year after one named before
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
        if a.cue == "up to" and _noun_next(text, m.end("core")):
            return None  # "up to 2030 homes": a bound on a count
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
