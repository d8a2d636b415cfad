"""The timeframe grammar run on Recognizers-Text's English DateTimeModel and DatePeriodParser
cases (``tests/data/recognizers-text/``, MIT) with the reference date each case gives (issue 13).

Convention map (theirs -> ours). Their TIMEX values are points (``2016``, ``2016-11``) or
intervals ``(start,end,duration)`` with an exclusive end; claimx writes the calendar unit the
interval covers: a whole year -> ``2016``, a month -> ``2016-11``, an aligned quarter ->
``2016-Q2``, an aligned half -> ``2016-H1``, several whole years -> ``2016/2018`` (inclusive
ends), several whole months -> ``2016-11/2017-01``; ``FY2016`` stays; "the past two decades" are calendar
decades for them and the 20 years back from the reference year for claimx. A value they leave
unresolved (``XXXX-10``) is compared with their past and future resolutions and with claimx's
``XXXX-10``. In scope are the results whose value is one of those (years, months, quarters,
halves, fiscal years and their ranges, "last year", "by 2030"); days, weeks, weekends, times,
durations and sets are out of scope (claimx's timeframes of claims are calendar periods), and
so are cases they mark NotSupportedByDesign for every platform. Print figures and misses with::

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


def interval_values(start: dt.date, end: dt.date) -> set[str]:
    """:func:`interval_value` and the forms of the same interval that differ only by convention:
    they end "from 2014 to 2018", "from March to May" and "between 2015 May and 2018" at the
    start of the last year or month named (``[2014-01-01, 2018-01-01)``), claimx at its end
    (``2014/2018``, ``2018-03/2018-05``, ``2015-05/2018``); a calendar decade is ``197X`` in
    TIMEX3, as claimx writes it."""
    v = interval_value(start, end)
    out = {v} if v else set()
    if v and end.day == 1:
        out.add(f"{start.year}-{start.month:02d}/{end.year}-{end.month:02d}")  # "from March to May"
        if end.month == 1:
            if start.month == 1:
                out.add(f"{start.year}/{end.year}")
            out.add(f"{start.year}-{start.month:02d}/{end.year}")
            if start.year % 10 == 0 and end.year == start.year + 10 and start.month == 1:
                out.add(f"{str(start.year)[:3]}X")
    return out


def expected_values(timex: str, resolutions: list[tuple[str, str]]) -> Optional[set[str]]:
    """The claimx values that count as right for one of their TIMEX values (with the
    ``(start, end)`` resolutions they give), or ``None`` when the value is out of scope."""
    if re.fullmatch(r"\d{4}|\d{4}-\d{2}|FY\d{4}", timex):
        return {timex}
    if re.fullmatch(r"XXXX-\d{2}", timex):
        out = {timex}
        for s, _ in resolutions:
            if s and _d(s):
                out.add(s[:7])
        return out
    m = re.fullmatch(r"\(([\dX]{4}-\d{2}-\d{2}),([\dX]{4}-\d{2}-\d{2}),P[\dYM]+\)", timex)
    if m:
        pairs = [(m[1], m[2])] + list(resolutions)
        vals = set()
        for a, b in pairs:
            if _d(a) and _d(b):
                vals |= interval_values(_d(a), _d(b))
        if not vals:
            return None
        if "X" in timex:
            vals |= {re.sub(r"^\d{4}", "XXXX", v) for v in vals}
        return vals
    return None


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


def _cases(suite: str):
    """(text, reference date, [(start, end, expected values)]) per case with results in scope."""
    data = json.loads((SPECS / f"{suite}.json").read_text(encoding="utf-8-sig"))
    for c in data:
        if "NotSupportedByDesign" in c and "dotnet" in c["NotSupportedByDesign"].lower():
            continue
        ref = dt.date.fromisoformat(c["Context"]["ReferenceDateTime"][:10]) if "Context" in c else None
        items = []
        for r in c["Results"]:
            if suite == "DatePeriodParser":
                v = r["Value"]
                res = [(x.get("startDate"), x.get("endDate")) for x in
                       (v.get("PastResolution") or {}, v.get("FutureResolution") or {})]
                timexes = [v["Timex"]]
                s, e = r["Start"], r["Start"] + r["Length"]
            else:
                vals = (r.get("Resolution") or {}).get("values") or []
                res = [(x.get("start"), x.get("end")) for x in vals]
                timexes = [x.get("timex") for x in vals[:1] if x.get("timex")]
                s, e = r["Start"], r["End"] + 1
            for t in timexes:
                exp = expected_values(t, res)
                if exp:
                    exp |= _rolling_span(r["Text"], ref)
                    items.append((s, e, exp, r["Text"]))
        if items:
            yield c["Input"], ref, items


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


#: suites still below the floor (measured accuracy in the reason); strict marks
_BELOW: dict[str, str] = {
    "DatePeriodParser": "0.820: years and months in words (nineteen ninety six), centuries, 'the year after next'",
    "DateTimeModel": "0.735: years in words, 'the year'/'the month' alone, month ranges glued (Jan-Feb 2017), "
                     "bare q1/q2 without a year, centuries",
}


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


if __name__ == "__main__":
    for suite in (sys.argv[1:] or SUITES):
        ok, n, misses = score(suite)
        print(f"{suite:18s} {ok:4d}/{n:<4d} {ok / max(n, 1):.3f}")
        if sys.argv[1:]:
            for x in misses:
                print("  MISS", x)


# ------------------------------------------------------------------ generative tests of the classes fixed for these suites

_REF = dt.date(2016, 11, 7)


@pytest.mark.parametrize("month,num", [("june", 6), ("June", 6), ("NOVEMBER", 11), ("sept", 9), ("Dec", 12)])
def test_months_next_to_a_year_in_any_case(month, num):
    for form in ("{m} 2015", "{m} of 2015", "{m}, 2015", "2015 {m}", "2015, {m}", "{m}-2015", "{m}/2015"):
        ms = find_timeframes("Sales were out " + form.format(m=month) + " here.", reference_date=_REF)
        assert [m.value for m in ms] == [f"2015-{num:02d}"], (form, ms)
    for rel, year in (("this", 2016), ("last", 2015), ("next", 2017)):
        (m,) = find_timeframes(f"We met {rel} {month} here.", reference_date=_REF)
        assert m.value == f"{year}-{num:02d}"


def test_numeric_months_and_quarters_next_to_a_year():
    for form, value in (("2015-3", "2015-03"), ("2016-11", "2016-11"), ("2016/11", "2016-11"), ("11/2016", "2016-11"),
                        ("11 - 2016", "2016-11"), ("3/2015", "2015-03"), ("2011-12", "2011/2012"),
                        ("2017 q1", "2017-Q1"), ("2017-q1", "2017-Q1"), ("q3 2019", "2019-Q3"), ("Q1-2019", "2019-Q1"),
                        ("2019-H2", "2019-H2"), ("2019-h1", "2019-H1")):
        ms = find_timeframes(f"Output grew in {form} as planned.", reference_date=_REF)
        assert [m.value for m in ms] == [value], (form, ms)


def test_decades_and_relative_periods():
    for form, value in (("the 70s", "197X"), ("the 70's", "197X"), ("the seventies", "197X"), ("the noughties", "200X"),
                        ("the 1990s", "199X"), ("the nineties", "199X")):
        ms = find_timeframes(f"Prices rose in {form} too.", reference_date=_REF)
        assert [m.value for m in ms] == [value], (form, ms)
    for form, value in (("the previous quarter", "2016-Q3"), ("the current quarter", "2016-Q4"),
                        ("the following quarter", "2017-Q1"), ("this calendar year", "2016"),
                        ("from March to May", "2016-03/2016-05")):
        ms = find_timeframes(f"Prices rose {form} too.", reference_date=_REF)
        assert [m.value for m in ms][-1] == value, (form, ms)
