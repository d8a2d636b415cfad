"""Resolution of timeframe atoms to TIMEX3 values, against a reference date when one is given
(see the ``_conventions`` of ``claimx/resources/time.json``). Part of :mod:`claimx.grammar.timex`."""

from __future__ import annotations

import calendar
import datetime as _dt
from typing import Optional

from claimx.grammar.timex_atoms import _Atom, _DAY_OFFSETS
from claimx.grammar.timex_grammar import _CUE_TO_REL
from claimx.grammar.timex_lexicon import _LEX


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
            return ("XXXX-WXX" if a.unit == "week" else "XXXX-XX-XX"), True, None
        d = ref - _dt.timedelta(days=(ref.weekday() - a.sub) % 7)
        if a.unit == "week":  # "the week to Friday": the ISO week of that day
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}", True, None
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
        if a.fiscal and ref is not None and ref.month >= _LEX.relative_fiscal_year_first_month:
            year += 1  # "this fiscal year" in June 2025 ends in 2026: FY2026
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
    if a.unit == "week":  # the ISO week of the end day, as "last week" is written
        if not known:
            return "XXXX-WXX", anchor, None
        iso = _dt.date(year, a.sub, a.day).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}", anchor, None
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
    return a.kind in ("range", "span", "mspan") or (a.kind == "pend" and not a.collapsed and a.unit != "week")
