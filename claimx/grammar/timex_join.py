"""Joining timeframe atoms into periods ("from 2025 to 2031") and lists ("in 2023, 2024 and
2025"), and turning them into :class:`~claimx.grammar.types.TimeMatch` objects. Part of
:mod:`claimx.grammar.timex`."""

from __future__ import annotations

import datetime as _dt
from typing import Optional

import regex

from claimx.grammar.timex_atoms import _AND_SEP, _Atom, _ORDINALS, _LIST_SEP, _NUMBER_RANGE_NEXT, _RANGE_SEP
from claimx.grammar.timex_build import _drop_cue
from claimx.grammar.timex_grammar import _CUE_TO_REL, _NAMED_LISTS
from claimx.grammar.timex_resolve import _is_period, _recent_year, _relation, _resolve
from claimx.grammar.types import TimeMatch


# --------------------------------------------------------------------------------------------
# Joining: periods and lists
# --------------------------------------------------------------------------------------------

_PARTS = {"quarter": 4, "half": 2}  # parts of a year
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


# ordinals whose period noun is written once, on the last: "the first and second quarters",
# "the third, and fourth quarters of 2025" (the ordinals of time.json; a cue before the first)
_ELIDED = regex.compile(
    r"(?:(?<![\w-])(?P<cue>\L<cues>)\s+)?(?:(?i:the)\s+)?(?P<ords>\L<ords>(?:\s*,\s*\L<ords>)*)"
    r"\s*,?\s*(?:(?i:and|or)|&)\s+(?:(?i:the)\s+)?\Z", cues=_NAMED_LISTS["cues"], ords=_NAMED_LISTS["ords"])
_ORD_WORD = regex.compile(r"\L<ords>", ords=_NAMED_LISTS["ords"])


def _elided(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """``atoms`` with one atom before each quarter or half written by its ordinal and a plural noun
    ("quarters", "halves") for each ordinal that elides that noun before it: "in the first and second
    quarters" -> first quarter (cue "in"), second quarter."""
    out: list[_Atom] = []
    for a in atoms:
        if a.kind in ("quarter", "half") and a.cue is None and a.pos is None \
                and regex.search(r"(?i:quarters|halves)", text[a.core_start:a.end]):
            m = _ELIDED.search(text, max(0, a.core_start - 80), a.core_start)
            limit = out[-1].end if out else 0
            if m is not None and m.start() >= limit:
                top = _PARTS[a.kind]
                subs = [(w.start(), w.end(), _ORDINALS.get(w.group().lower()))
                        for w in _ORD_WORD.finditer(text, m.start("ords"), m.end("ords"))]
                if all(s is not None and s <= top for _, _, s in subs):
                    for k, (ws, we, sub) in enumerate(subs):
                        cue = m.group("cue") if k == 0 else None
                        start = m.start() if cue else ws
                        out.append(_Atom(start=start, cue_end=m.end("cue") if cue else start, core_start=ws, end=we,
                                         kind=a.kind, cue=" ".join(cue.lower().split()) if cue else None, sub=sub))
        out.append(a)
    return out


def _list_share_year(items: list[_Atom], ref: Optional[_dt.date]) -> None:
    """'in H1 and H2', 'in the first and second quarters' with a reference date and no year: every
    item in the year of the most recent last item (the list runs forward within one year)."""
    last = items[-1]
    if (ref is None or last.kind not in ("quarter", "half", "month") or last.sub is None
            or any(it.kind != last.kind or it.sub is None or it.year is not None or it.yanchor is not None
                   or it.soffset is not None for it in items)
            or any(a.sub >= b.sub for a, b in zip(items, items[1:]))):
        return
    year = _recent_year(ref, last.kind, last.sub, last.day)
    for it in items:
        it.year, it.anchored = year, True


def _join(text: str, atoms: list[_Atom], ref: Optional[_dt.date]) -> list[TimeMatch]:
    atoms = _elided(text, atoms)
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
                _list_share_year(items, ref)
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
