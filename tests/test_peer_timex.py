"""The timeframe grammar run on Recognizers-Text's English DateTimeModel and DatePeriodParser
cases (``tests/data/recognizers-text/``, MIT) with the reference date each case gives (issue 13).

Convention map (theirs -> ours). Their TIMEX values are points (``2016``, ``2016-11``) or
intervals ``(start,end,duration)`` with an exclusive end; claimx writes the calendar unit the
interval covers: a whole year -> ``2016``, a month -> ``2016-11``, an aligned quarter ->
``2016-Q2``, an aligned half -> ``2016-H1``, several whole years -> ``2016/2018`` (inclusive
ends), several whole months -> ``2016-11/2017-01``; ``FY2016`` stays; "the past two decades" are calendar
decades for them and the 20 years back from the reference year for claimx. A value they leave
unresolved (``XXXX-10``) is compared with their past and future resolutions, with the most recent
and the next October from the reference date (for "after Feb" their resolutions give the open
range, claimx the month and the relation) and with claimx's ``XXXX-10``. Periods of months are
also accepted inclusive (``2016-04/2016-06`` for their ``[04-01, 07-01)``), with a January start
written as its year (``2015/2018-02``), and periods of whole quarters as quarters
(``2017-Q1/2018-Q1``), both at their end convention and at claimx's; N whole years or months
back or forward from the reference date ("the past 3 years", "within 10 months") are day
precision for them and the reference unit to the unit N away for claimx (``2013/2016``). In scope are the results whose value is one of those (years, months, quarters,
halves, fiscal years and their ranges, "last year", "by 2030"); days, weeks, weekends, times,
durations and sets are out of scope (claimx's timeframes of claims are calendar periods), each
result with its reason (:data:`OUT_OF_SCOPE`, counted by :func:`scope`), and in-scope cases they
mark NotSupportedByDesign for .NET are excluded (none today; at most 10% allowed). Print figures,
the scope counts and the misses with::

    PYTHONPATH=. python tests/test_peer_timex.py [DatePeriodParser|DateTimeModel]
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Optional

import pytest

from claimx.grammar.timex import find_timeframes

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "tests/data/recognizers-text/Specs/DateTime/English"
SUITES = ("DatePeriodParser", "DateTimeModel")
FLOOR = 0.90

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")


def _d(s: Optional[str]) -> Optional[dt.date]:
    m = _DATE.match(s or "")
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


_MONTH_WORD = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_QUARTER_WORD = re.compile(r"(?i)\bq[1-4]\b|quarter")


def interval_value(start: dt.date, end: dt.date) -> Optional[str]:
    """claimx's value for the interval [start, end) (exclusive end), or ``None`` when it is not
    a whole number of calendar years, quarters, halves or months."""
    if start.day != 1 or end.day != 1:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month
    if months <= 0:
        return None
    last = end - dt.timedelta(days=1)
    if start.month == 1 and months % 12 == 0:
        return str(start.year) if months == 12 else f"{start.year}/{last.year}"  # see interval_values
    if months == 6 and start.month in (1, 7):
        return f"{start.year}-H{1 if start.month == 1 else 2}"
    if months == 3 and start.month in (1, 4, 7, 10):
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if months == 1:
        return f"{start.year}-{start.month:02d}"
    return f"{start.year}-{start.month:02d}/{last.year}-{last.month:02d}"


def interval_values(start: dt.date, end: dt.date, text: str = "") -> set[str]:
    """:func:`interval_value` and the forms of the same interval that differ only by convention:
    they end "from 2014 to 2018", "from March to May" and "between 2015 May and 2018" at the
    start of the last year or month named (``[2014-01-01, 2018-01-01)``), claimx at its end
    (``2014/2018``, ``2018-03/2018-05``, ``2015-05/2018``); a calendar decade is ``197X`` in
    TIMEX3, as claimx writes it."""
    v = interval_value(start, end)
    out = {v} if v else set()
    years = start.month == 1 and end.month == 1 and end.year > start.year
    if v and years and end.year - start.year == 100 and start.year % 100 == 0:
        out.add(f"{start.year // 100:02d}XX")  # a century, written like a decade
    if v and end.day == 1:
        last = end - dt.timedelta(days=1)
        out.add(f"{start.year}-{start.month:02d}/{end.year}-{end.month:02d}")  # "from March to May"
        months_named = _MONTH_WORD.search(text) is not None
        if (start.year, start.month) != (last.year, last.month) and (months_named or not years):
            out.add(f"{start.year}-{start.month:02d}/{last.year}-{last.month:02d}")  # "from April to June"
        if start.month == 1 and not years:  # "between 2015 and Feb 2018": the start year written as a year
            out |= {f"{start.year}/{y}-{mo:02d}" for y, mo in ((end.year, end.month), (last.year, last.month))
                    if y > start.year}
        if (start.month % 3 == 1 and end.month % 3 == 1 and (end - start).days > 100
                and _QUARTER_WORD.search(text)):  # "from 2017-q1 to 2018-q1"
            q0 = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
            out.add(f"{q0}/{last.year}-Q{(last.month - 1) // 3 + 1}")
            out.add(f"{q0}/{end.year}-Q{(end.month - 1) // 3 + 1}")
        if end.month == 1:
            if start.month == 1:
                out.add(f"{start.year}/{end.year}")
            out.add(f"{start.year}-{start.month:02d}/{end.year}")
            if start.year % 10 == 0 and end.year == start.year + 10 and start.month == 1:
                out.add(f"{str(start.year)[:3]}X")
    return out


def expected_values(timex: str, resolutions: list[tuple[str, str]],
                    ref: Optional[dt.date] = None, text: str = "") -> Optional[set[str]]:
    """The claimx values that count as right for one of their TIMEX values (with the
    ``(start, end)`` resolutions they give and the case's reference date), or ``None`` when the
    value is out of scope."""
    if re.fullmatch(r"\d{4}|\d{4}-\d{2}|FY\d{4}", timex):
        return {timex}
    if re.fullmatch(r"XXXX-\d{2}", timex):
        out = {timex}
        for s, _ in resolutions:
            if s and _d(s):
                out.add(s[:7])
        if ref is not None:  # "after Feb": their resolutions give the open range, not the month
            month = int(timex[5:])
            past = ref.year if month <= ref.month else ref.year - 1
            out |= {f"{past}-{month:02d}", f"{past + 1}-{month:02d}"}
        return out
    m = re.fullmatch(r"\(([\dX]{4}-\d{2}-\d{2}),([\dX]{4}-\d{2}-\d{2}),P[\dYM]+\)", timex)
    if m:
        pairs = [(m[1], m[2])] + list(resolutions)
        vals = set()
        for a, b in pairs:
            if _d(a) and _d(b):
                vals |= interval_values(_d(a), _d(b), text) | rolling_values(_d(a), _d(b), ref)
        if not vals:
            return None
        if "X" in timex:
            vals |= {re.sub(r"^\d{4}", "XXXX", v) for v in vals}
        return vals
    return None


def rolling_values(start: dt.date, end: dt.date, ref: Optional[dt.date]) -> set[str]:
    """Convention for N whole years or months back or forward from the reference date ("the past
    3 years", "next 3 months"): day precision for them (``[2013-11-07, 2016-11-07)``), the
    reference unit and the unit N away for claimx (``2013/2016``, ``2016-11/2017-02``)."""
    if ref is None or start.day != end.day or not ({start, end} & {ref, ref + dt.timedelta(days=1)}):
        return set()
    if start.month == end.month and end.year > start.year:
        return {f"{start.year}/{end.year}"}
    return {f"{start.year}-{start.month:02d}/{end.year}-{end.month:02d}"}


_SPAN_RE = re.compile(r"(?i)(?:the\s+)?(past|last|previous|next|coming|following)\s+(?:(\d+|two|three|four|five)\s+)?decades?$")
_N = {"two": 2, "three": 3, "four": 4, "five": 5}


def _rolling_span(text: str, ref: Optional[dt.date]) -> set[str]:
    """Convention: "the past two decades", "the next decade" are calendar decades for them
    (1990-2009) and the N x 10 years back or forward from the reference year for claimx
    (1996/2016): both count."""
    m = _SPAN_RE.match(text.strip())
    if m is None or ref is None:
        return set()
    n = 10 * (int(m.group(2)) if m.group(2) and m.group(2).isdigit() else _N.get((m.group(2) or "").lower(), 1))
    back = m.group(1).lower() in ("past", "last", "previous")
    return {f"{ref.year - n}/{ref.year}" if back else f"{ref.year}/{ref.year + n}"}


#: why a result of theirs is out of scope, by the shape of its TIMEX value (first match wins)
OUT_OF_SCOPE: tuple[tuple[str, str], ...] = (
    (r"^P", "a duration without an anchor (P2D, 'all day', 'several weeks')"),
    (r"T", "a time of day or part of a day (T15, TMO, 'tonight')"),
    (r"W", "a week, weekday or weekend (2016-W45, XXXX-WXX-5)"),
    (r"^[\dX]{4}-[\dX]{2}-[\dX]{2}$", "a single day (claimx reads dates; issue 13 scopes calendar periods)"),
    (r"^\(", "a period of days, not of whole months ('from 4 to 22 this month')"),
    (r"(SU|SP|FA|WI)$", "a season without a year ('this summer'; claimx reads 'the summer of 2024')"),
    (r"_REF$", "now / recently / in the future (no calendar period)"),
    (r"^SY", "a school year"),
    (r"^XXXX(-XX)?$", "'the same year / month': relative to the sentence's period (claimx gives an offset, no value)"),
    (r"^FYXXXX$", "a fiscal year without its year ('fiscal year')"),
    (r"^$", "no TIMEX value (a time zone)"),
)


def out_of_scope_reason(timex: str) -> str:
    """The reason (from :data:`OUT_OF_SCOPE`) why one of their values is out of scope, or
    ``"unclassified"``."""
    return next((why for pat, why in OUT_OF_SCOPE if re.search(pat, timex or "")), "unclassified")


def _results(suite: str):
    """(case, reference date, result, their timexes, their (start, end) resolutions, span) of a suite."""
    data = json.loads((SPECS / f"{suite}.json").read_text(encoding="utf-8-sig"))
    for c in data:
        ref = dt.date.fromisoformat(c["Context"]["ReferenceDateTime"][:10]) if "Context" in c else None
        for r in c["Results"]:
            if suite == "DatePeriodParser":
                v = r["Value"]
                res = [(x.get("startDate"), x.get("endDate")) for x in
                       (v.get("PastResolution") or {}, v.get("FutureResolution") or {})]
                timexes = [v["Timex"]]
                span = (r["Start"], r["Start"] + r["Length"])
            else:
                vals = (r.get("Resolution") or {}).get("values") or []
                res = [(x.get("start"), x.get("end")) for x in vals]
                timexes = [x.get("timex") for x in vals[:1] if x.get("timex")]
                span = (r["Start"], r["End"] + 1)
            yield c, ref, r, timexes, res, span


def _not_supported(case: dict) -> bool:
    return "NotSupportedByDesign" in case and "dotnet" in case["NotSupportedByDesign"].lower()


def scope(suite: str) -> dict[str, int]:
    """How many of a suite's results are in scope, excluded (marked NotSupportedByDesign by
    them) and out of scope, by reason."""
    out: dict[str, int] = {}
    for c, ref, r, timexes, res, _ in _results(suite):
        exps = [expected_values(t, res, ref, r["Text"]) for t in timexes]
        if any(exps):
            key = "excluded: NotSupportedByDesign" if _not_supported(c) else "in scope"
        else:
            key = "out of scope: " + out_of_scope_reason(timexes[0] if timexes else "")
        out[key] = out.get(key, 0) + 1
    return out


def _cases(suite: str):
    """(text, reference date, [(start, end, expected values)]) per case with results in scope."""
    last, items = None, []
    for c, ref, r, timexes, res, (s, e) in _results(suite):
        if last is not None and c is not last[0]:
            if items:
                yield last[0]["Input"], last[1], items
            items = []
        last = (c, ref)
        if _not_supported(c):
            continue
        for t in timexes:
            exp = expected_values(t, res, ref, r["Text"])
            if exp:
                exp |= _rolling_span(r["Text"], ref)
                items.append((s, e, exp, r["Text"]))
    if last is not None and items:
        yield last[0]["Input"], last[1], items


def score(suite: str) -> tuple[int, int, list[str]]:
    ok = n = 0
    misses = []
    for text, ref, items in _cases(suite):
        ms = find_timeframes(text, reference_date=ref)
        for s, e, exp, t in items:
            n += 1
            got = [m.value for m in ms if m.start_char < e and m.end_char > s]
            if any(g in exp for g in got):
                ok += 1
            else:
                misses.append(f"{text!r} [{ref}]: {t!r} want {sorted(exp)} got {got}")
    return ok, n, misses


#: suites still below the floor (measured accuracy in the reason; strict marks). None now:
#: DatePeriodParser 0.924 (97/105), DateTimeModel 0.920 (195/212); ``__main__`` lists the misses.
_BELOW: dict[str, str] = {}


@pytest.mark.parametrize("suite", [
    pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=_BELOW[s])) if s in _BELOW else s for s in SUITES])
def test_timex_suite(suite):
    ok, n, misses = score(suite)
    assert n >= 40
    assert ok / n >= FLOOR, (ok / n, misses[:30])


def test_interval_values():
    assert interval_value(dt.date(2016, 1, 1), dt.date(2017, 1, 1)) == "2016"
    assert interval_value(dt.date(2016, 4, 1), dt.date(2016, 7, 1)) == "2016-Q2"
    assert interval_value(dt.date(2016, 7, 1), dt.date(2017, 1, 1)) == "2016-H2"
    assert interval_value(dt.date(2015, 1, 1), dt.date(2018, 1, 1)) == "2015/2017"
    assert interval_value(dt.date(2016, 11, 1), dt.date(2017, 2, 1)) == "2016-11/2017-01"
    assert interval_value(dt.date(2016, 11, 4), dt.date(2016, 11, 22)) is None


def test_scope_every_exclusion_has_a_reason():
    for suite in SUITES:
        counts = scope(suite)
        assert not any("unclassified" in k for k in counts), counts
        assert counts.get("excluded: NotSupportedByDesign", 0) <= 0.10 * counts["in scope"], counts


if __name__ == "__main__":
    for suite in (sys.argv[1:] or SUITES):
        ok, n, misses = score(suite)
        print(f"{suite:18s} {ok:4d}/{n:<4d} {ok / max(n, 1):.3f}")
        for k, v in sorted(scope(suite).items(), key=lambda kv: -kv[1]):
            print(f"    {v:4d}  {k}")
        if sys.argv[1:]:
            for x in misses:
                print("  MISS", x)


def test_rolling_values():
    ref = dt.date(2016, 11, 7)
    assert rolling_values(dt.date(2013, 11, 7), ref, ref) == {"2013/2016"}
    assert rolling_values(dt.date(2016, 11, 8), dt.date(2017, 2, 8), ref) == {"2016-11/2017-02"}
    assert rolling_values(dt.date(2016, 3, 4), dt.date(2016, 6, 4), ref) == set()  # not from the reference date
