"""Period phrases beyond the TIMEX grammar, and anaphoric periods resolved from the article.

:func:`resolve_periods` takes the timeframe records of one parsed window (dicts as stored by the
timeframe component: ``text, start_char, end_char, value, relation, anchor, offset_years``) and
returns them with

* **period phrases** the grammar leaves out, read by the development-corpus conventions of
  ``docs/GOLD.md``: month-named quarters ("the September quarter", "the July-September quarter"
  -> ``XXXX-Q3``; "the September quarter of 2023" -> ``2023-Q3``), "full-year" and "this fiscal year"
  (``FYXXXX``), "the year ending March 2026" (``FY2026``), a split fiscal year "2024-25"
  (``FY2025``, named by the year it ends in), "the first seven months of 2025"
  (``2025-01/2025-07``, ``between``), "between January and October" / "over January to July"
  (``XXXX-01/XXXX-10``);
* a company's **fiscal quarter or half without a year** in calendar form ("the fiscal third
  quarter" -> ``XXXX-Q3``, not a year guessed from the reference date);
* **anaphoric periods** resolved: "the quarter", "the half", "the month" (the article's reporting
  period of that grain: the first one it names), "the same period", "the period", "those six
  months", "over those months" (the latest sub-year period named before, outside relative clauses,
  else the latest year), "back then" (the
  latest period of any kind), with "... last year" / "... a year earlier" shifting it one year back;
  "the quarter" before the text names one takes the first one named later in the window, and
  "the year" with none named is ``XXXX``;
* the phrases and rewrites of :mod:`.period_parts`: "the five years to 2024" (``2019/2024``),
  "over 2025 as a whole", "between now and 2030" (``XXXX/2030``), "September sales"
  (``XXXX-09``), "this summer" (``XXXX-SU``), "around 2030", "since the invasion in February
  2022" (``since``), "after 0.6% in the first" (the first quarter of the year named before), a
  yearless quarter in a sentence that names a fiscal year (``FY2026-Q1``); "from 2026" after an
  end point or a rate ("will rise to 12% from 2026") is ``since``.

``prior`` holds the periods named earlier in the article, outside the window (see
:func:`article_periods`), so that an anaphor in a later paragraph finds its antecedent.
The word lists and patterns are in ``claimx/resources/timeframes_context.json`` (``period_patterns``:
templates filled with the month, count and relative-opener words of the same file).
"""

from __future__ import annotations

import datetime as _dt
from typing import Optional

import regex

from ..mentions import shift_timex
from .period_parts import elliptical_parts as _elliptical_parts
from .period_parts import fiscal_parts as _fiscal_parts
from .period_parts import month_pairs as _month_pairs
from .period_parts import since_event as _since_event
from .period_parts import spans_and_seasons as _spans_and_seasons
from .period_prefilter import Prefiltered
from .period_rules import grain_of, in_relative_clause, load_rules
from .period_rules import month_number as _month
from .period_rules import quarter as _quarter
from .period_rules import rec as _rec
from .period_rules import record as _record
from .period_rules import step_part as _step_part

__all__ = ["resolve_periods", "article_periods", "reads_prior", "grain_of", "load_rules", "in_relative_clause"]


#: The patterns of :func:`_phrases` whose records are anaphors (the only readers of ``prior``).
_ANAPHOR_PATTERNS = ("anaphor", "year_anaphor", "months_anaphor", "then")


def reads_prior(text: str) -> bool:
    """True when :func:`resolve_periods` on ``text`` may read its ``prior`` periods: ``text`` holds
    an anaphoric period phrase ("the quarter", "that year", "then"; the patterns of
    ``_ANAPHOR_PATTERNS``). When False, ``prior`` does not change the result, so a caller need
    not work out the article's periods (kept in step with :func:`_phrases` by a test)."""
    p = load_rules()["patterns"]
    return any(p[k].search(text) for k in _ANAPHOR_PATTERNS)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]`` (bounded by ". ", "! ", "? " or a line break)."""
    left = max(text.rfind(c, 0, start) for c in (". ", "! ", "? ", "\n"))
    ends = [k for k in (text.find(c, end) for c in (". ", "! ", "? ", "\n")) if k >= 0]
    return text[left + 1:min(ends) if ends else len(text)]


def _phrases(text: str) -> list[dict]:
    """Period phrases of ``text`` the grammar does not read (see the module docstring)."""
    rules = load_rules()
    # the patterns are only run on ``text``: one whose words it lacks is skipped (.period_prefilter)
    p = Prefiltered(rules["patterns"], text)
    out: list[dict] = []
    ordinals = rules["raw"]["ordinals"]
    for m in p["month_quarter"].finditer(text):
        end_month = _month(rules, m.group(2))
        year = m.group(3) or "XXXX"
        out.append(_rec(m, f"{year}-Q{_quarter(end_month)}"))
    for m in p["month_period"].finditer(text):
        a, b = _month(rules, m.group(1)), _month(rules, m.group(2))
        year = m.group(3) or "XXXX"
        if a and b and a < b:
            # "the July-September period": a calendar quarter when it spans one, else a month span
            if b - a == 2 and a % 3 == 1:
                out.append(_rec(m, f"{year}-Q{_quarter(b)}"))
            else:
                out.append(_rec(m, f"{year}-{a:02d}/{year}-{b:02d}", "between"))
    for m in p["fiscal_year_end"].finditer(text):
        # a year that ends in December is the calendar year ("the year ended December 31, 2024");
        # "the year to June 2025" without "fiscal" is a fiscal year in company results only
        if m.group(1) or p["results_words"].search(_sentence_around(text, m.start(), m.end())):
            out.append(_rec(m, m.group(3) if _month(rules, m.group(2)) == 12 else f"FY{m.group(3)}", override=True))
    for m in p["fiscal_year_start"].finditer(text):
        # "the fiscal year beginning April 2026" ends in 2027 (FY2027); from January it is the year
        start_month, y = _month(rules, m.group(1)), int(m.group(2))
        out.append(_rec(m, str(y) if start_month == 1 else f"FY{y + 1}", override=True))
    for m in p["fiscal_year_end_no_year"].finditer(text):
        # "the fiscal year ending in March": a fiscal year the sentence does not date
        out.append(_rec(m, "XXXX" if _month(rules, m.group(1)) == 12 else "FYXXXX", override=True))
    for m in p["results_year_end_no_year"].finditer(text):
        # "Pretax profit fell 12% in the year to March": a company's fiscal year, in results only
        if p["results_words"].search(_sentence_around(text, m.start(), m.end())):
            out.append(_rec(m, "XXXX" if _month(rules, m.group(1)) == 12 else "FYXXXX", override=True))
    for key, (gy, go, gg) in (("fiscal_part", (1, 2, 3)), ("fiscal_part_of", (3, 1, 2))):
        # "fiscal 2026 first-quarter", "the first half of the 2025 fiscal year": a part of a fiscal year
        for m in p[key].finditer(text):
            sub = "Q" if m.group(gg).lower() == "quarter" else "H"
            out.append(_rec(m, f"FY{m.group(gy)}-{sub}{ordinals[m.group(go).lower()]}", override=True))
    for m in p["full_year"].finditer(text):
        out.append(_rec(m, "FYXXXX"))
    for m in p["split_year"].finditer(text):
        start, end2 = int(m.group(3)), int(m.group(4))
        before = text[max(0, m.start() - 12):m.start()].lower()
        if end2 == (start + 1) % 100 and not p["split_year_after_a_range_word"].search(before):
            sub = ""
            if m.group(1):
                sub = f"-{'Q' if m.group(2).lower() == 'quarter' else 'H'}{ordinals[m.group(1).lower()]}"
            # a split fiscal year is named by the year it ends in; it overrides the grammar's
            # reading as a two-year span
            out.append(_rec(m, f"FY{start + 1:04d}{sub}", override=True))
    for m in p["first_months"].finditer(text):
        w = m.group(1).lower()
        n = int(w) if w.isdigit() else rules["counts"][w]
        if 1 <= n <= 12:
            y = m.group(2) or "XXXX"
            out.append(_rec(m, f"{y}-01/{y}-{n:02d}", "between"))
    for m in p["month_span"].finditer(text):
        a, b = _month(rules, m.group(1) or m.group(2)), _month(rules, m.group(3))
        y = m.group(4) or "XXXX"
        if a and b and a < b:
            out.append(_rec(m, f"{y}-{a:02d}/{y}-{b:02d}", "between"))
    for m in p["anaphor"].finditer(text):
        grain = rules["raw"]["anaphor_grains"][m.group(2).lower()]
        if m.group(1):
            grain = "P"  # "the same quarter" is the same period as before, of whatever grain
        shift = -1 if m.group(3) else 0
        out.append(_rec(m, None, anaphor=grain, shift=shift))
    for m in p["step_anaphor"].finditer(text):
        grain = rules["raw"]["anaphor_grains"][m.group(2).lower()]
        out.append(_rec(m, None, anaphor=grain, shift=0, step=rules["raw"]["anaphor_steps"][m.group(1).lower()]))
    for m in p["year_anaphor"].finditer(text):
        out.append(_rec(m, None, anaphor="Y", shift=0))
    for m in p["months_anaphor"].finditer(text):
        out.append(_rec(m, None, anaphor="P", shift=0))
    for m in p["open_end"].finditer(text):
        # "by the end of the forecast period": a deadline whose year the sentence does not give
        out.append(_rec(m, "XXXX", "until" if m.group(1).lower() in rules["raw"]["open_end_until"] else "by"))
    for m in p["then"].finditer(text):
        out.append(_rec(m, None, anaphor="A", shift=0))
    out.extend(_spans_and_seasons(text, dict(rules, patterns=p)))
    return out


def _merge(grammar: list[dict], extra: list[dict]) -> list[dict]:
    """The grammar's records with ``extra`` added; a record of ``extra`` replaces the grammar
    records it overlaps, unless one of them is longer (the grammar read more)."""
    extra = sorted(extra, key=lambda r: (r["start_char"], -(r["end_char"] - r["start_char"])))
    kept_extra: list[dict] = []
    for r in extra:
        if any(k["start_char"] < r["end_char"] and r["start_char"] < k["end_char"] for k in kept_extra):
            continue
        kept_extra.append(r)
    out: list[dict] = []
    for g in grammar:
        over = [r for r in kept_extra if r["start_char"] < g["end_char"] and g["start_char"] < r["end_char"]]
        if not over:
            out.append(g)
            continue
        r = over[0]
        glen, rlen = g["end_char"] - g["start_char"], r["end_char"] - r["start_char"]
        if (glen > rlen or r.get("value") == "FYXXXX" and regex.fullmatch(r"FY\d{4}", g.get("value") or "")) \
                and g.get("value") and r.get("anaphor") is None and not r.get("override"):
            # "this fiscal year" read against the reference date (FY2026) keeps its year
            kept_extra.remove(r)
            out.append(g)
    for r in kept_extra:
        r.pop("override", None)
        if not r.get("anaphor"):
            # the grammar's relation word ("for 2025-26", "by the end of ...") stays in the phrase
            g = next((g for g in grammar if g["start_char"] < r["end_char"] and r["start_char"] < g["end_char"]), None)
            if g is not None and g["start_char"] < r["start_char"]:
                r.update(start_char=g["start_char"], text=g["text"][:r["start_char"] - g["start_char"]] + r["text"])
                if g.get("relation") in ("by", "until", "as_of", "since"):
                    r["relation"] = g["relation"]
    out.extend(kept_extra)
    return sorted(out, key=lambda r: r["start_char"])


_FISCAL_PART = regex.compile(r"FY\d{4}-([QH]\d)")
_TWO_DIGITS = regex.compile(r"\d{2}")


def _calendar_fiscal(rec: dict) -> dict:
    """A company's fiscal quarter/half whose year the grammar took from the reference date
    ("the fiscal third quarter" -> ``FY2025-Q3``) in calendar form with X digits (``XXXX-Q3``)."""
    v = rec.get("value") or ""
    m = _FISCAL_PART.fullmatch(v)
    if m and rec.get("anchor") and not _TWO_DIGITS.search(rec.get("text") or ""):
        return dict(rec, value=f"XXXX-{m.group(1)}", anchor=False)
    return rec


def _from_onwards(text: str, rec: dict) -> dict:
    """"From Friday, ...", "from 1 July": a start point with no end is ``since``, and the phrase
    takes the "from"."""
    grain = grain_of(rec.get("value"))
    if rec.get("relation") != "in" or grain not in ("D", "M", "Y"):
        return rec
    lead = text[max(0, rec["start_char"] - 16):rec["start_char"]]
    p = load_rules()["patterns"]
    if grain == "Y" and p["year_from_after_end_point"].search(text, max(0, rec["start_char"] - 50), rec["start_char"]) \
            and not p["year_from_not_before"].match(text, rec["end_char"]):
        # "will rise to 12% from 2026", "2 million tonnes a year from 2027": a start, not a base
        pass
    elif grain == "Y":
        # "a year to 2030", "out to 2030": the end of a stretch is ``until``; a year is ``since``
        # only after a "From" that opens the sentence or a clause ("From 2026, the levy ..."), not
        # after a number ("up 5% from 2019" dates a comparison base)
        m_to = p["year_end_to"].search(lead)
        if m_to and p["year_end_to_rate"].search(lead):
            start = rec["start_char"] - (len(lead) - m_to.start())
            return dict(rec, start_char=start, text=text[start:rec["end_char"]], relation="until")
        if not p["year_from_opening_clause"].search(lead):
            return rec
    m = p["from_lead"].search(lead)
    if m is None or p["range_continues"].match(text[rec["end_char"]:]):
        return rec
    start = rec["start_char"] - (len(text[max(0, rec["start_char"] - 16):rec["start_char"]]) - m.start())
    return dict(rec, start_char=start, text=text[start:rec["end_char"]], relation="since")


def article_periods(text: str, reference_date: Optional[_dt.date] = None) -> list[dict]:
    """The dated periods of an article (the grammar's time expressions on ``text``, merged with
    :func:`_phrases`, anaphors resolved), oldest first, each as ``{"start_char", "value", "grain",
    "relative"}`` (``relative``: inside a relative clause). Windows parsed later pass those before
    them to :func:`resolve_periods` as ``prior``."""
    from ...grammar.timex import find_timeframes

    recs = [{"text": m.text, "start_char": m.start_char, "end_char": m.end_char, "value": m.value,
             "relation": m.relation, "anchor": m.anchor, "offset_years": m.offset_years}
            for m in find_timeframes(text, reference_date=reference_date)]
    return [{"start_char": r["start_char"], "value": r["value"], "grain": grain_of(r["value"]),
             "relative": in_relative_clause(text, r["start_char"])}
            for r in resolve_periods(text, recs) if r.get("value")]


def _antecedent(grain: str, seen: list[dict]) -> Optional[str]:
    if grain in ("Q", "H", "M"):
        # the article's reporting period of that grain: the first one it names
        return next((p["value"] for p in seen if p["grain"] == grain and not p["relative"]), None)
    if grain == "P":
        # "the same period": the reporting period of the grain last spoken of ("during the half"
        # after "the first half" and "the July-September quarter" is the first half)
        last = next((p for p in reversed(seen) if p["grain"] in ("Q", "H", "M", "S") and not p["relative"]), None)
        if last is None:
            # "Sales rose 5% in 2024. Over the same period, costs climbed 8%": with no shorter
            # period named before, the year last named
            return _antecedent("Y", seen)
        if last["grain"] == "S":
            return last["value"]
        return _antecedent(last["grain"], seen)
    if grain == "Y":
        return next((p["value"] for p in reversed(seen) if p["grain"] == "Y" and not p["relative"]), None)
    return next((p["value"] for p in reversed(seen) if p["grain"] is not None), None)


def _between_pairs(text: str, recs: list[dict]) -> list[dict]:
    """"between their peak last year and the middle of next year": two time phrases joined by
    "between ... and" make one ``between`` span of their values (years only when their grains
    differ); the grammar reads such pairs only when both are plain dates."""
    out = list(recs)
    p = load_rules()["patterns"]
    for m in p["between"].finditer(text):
        a = next((r for r in out if m.end() <= r["start_char"] <= m.end() + 40 and r.get("value")), None)
        if a is None or a["start_char"] < m.end():
            continue
        b = next((r for r in out if r is not a and r["start_char"] >= a["end_char"] and r.get("value")), None)
        if b is None or not p["between_and"].fullmatch(text[a["end_char"]:b["start_char"]]) \
                or regex.search(r"[,;.]", text[m.end():a["start_char"]]):
            continue
        va, vb = a["value"], b["value"]
        if grain_of(va) != grain_of(vb) or "/" in va or "/" in vb:
            va, vb = va[-4:] if va.startswith("FY") else va[:4], vb[-4:] if vb.startswith("FY") else vb[:4]
        rec = _record(text[m.start():b["end_char"]], m.start(), b["end_char"], f"{va}/{vb}", "between")
        out = sorted([r for r in out if r is not a and r is not b] + [rec], key=lambda r: r["start_char"])
    return out


def resolve_periods(text: str, timeframes: list[dict], prior: Optional[list[dict]] = None) -> list[dict]:
    """The timeframe records of ``text`` with the period phrases added and anaphors resolved.

    ``timeframes``: the timeframe component's records on ``text``; ``prior``: periods named
    before ``text`` in the article (:func:`article_periods`' shape), oldest first. An anaphor with
    no antecedent keeps the grammar's reading, or is dropped when the grammar had none. Returns
    new dicts sorted by ``start_char``; the inputs are not changed.
    """
    recs = [_since_event(text, _from_onwards(text, r)) for r in _merge([_calendar_fiscal(dict(t)) for t in timeframes], _phrases(text))]
    seen: list[dict] = list(prior or [])
    out: list[dict] = []
    for r in recs:
        grain = r.pop("anaphor", None)
        shift = r.pop("shift", 0)
        step = r.pop("step", 0)
        if grain is not None and step:
            # "the prior quarter": the part next to the latest one of that grain named before
            last = next((x["value"] for x in reversed(seen) if x["grain"] == grain and not x["relative"]), None)
            value = _step_part(last, step) if last else None
            if value is None:
                original = next((t for t in timeframes if t["start_char"] < r["end_char"] and r["start_char"] < t["end_char"]), None)
                if original is not None:
                    out.append(dict(original))
                continue
            r.update(value=value, relation="in", anaphor=True)
        elif grain is not None:
            if grain == "Y":
                # "that year", "the year": the grammar's relative reading stands
                original = next((t for t in timeframes if t["start_char"] < r["end_char"] and r["start_char"] < t["end_char"]), None)
                if original is not None:
                    out.append(dict(original))
                    continue
                # "For the year, profit was $300 million" after "in fiscal 2025": the year last named
                # ("Revenue grew 12% in the year" with no year named before: XXXX)
                value = _antecedent(grain, seen) or "XXXX"
                out.append(dict(r, value=value, relation="in", anaphor=True))
                continue
            value = _antecedent(grain, seen)
            if value is None and grain in ("Q", "H"):
                # "In the quarter, ..." before the text names it ("... third-quarter results"): the
                # first period of that grain named later in the window
                later = [{"value": x["value"], "grain": grain_of(x["value"]), "relative": in_relative_clause(text, x["start_char"])}
                         for x in recs if x["start_char"] > r["end_char"] and x.get("value") and not x.get("anaphor")]
                value = _antecedent(grain, later)
            if value is None:
                original = next((t for t in timeframes if t["start_char"] <= r["start_char"] < t["end_char"]), None)
                if original is not None:
                    out.append(dict(original))
                continue
            r["value"] = shift_timex(value, shift) if shift else value
            # "Over the same period" after "Between 2019 and 2024": the span again
            r["relation"] = "between" if "/" in value else "in"
            r["anaphor"] = True
        out.append(r)
        if r.get("value"):
            seen.append({"start_char": r["start_char"], "value": r["value"], "grain": grain_of(r["value"]),
                         "relative": in_relative_clause(text, r["start_char"])})
    return _month_pairs(text, _elliptical_parts(text, _fiscal_parts(text, _between_pairs(text, out))))


