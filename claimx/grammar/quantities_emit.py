"""From working record to :class:`~claimx.grammar.types.QuantityMatch` and the passes over the
finished list (part of :mod:`claimx.grammar.quantities`): a unit shared backwards over a coordination, conversions,
lower and upper bounds joined, count ratios ("1 in 5"), currency sub-units resolved.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Optional

from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar.quantities_after import _finish_unit, _troy
from claimx.grammar.quantities_base import _Q
from claimx.grammar.types import QuantityMatch, join_adjacent


def _emit(text: str, q: _Q, rng: Optional[tuple[float, float]] = None) -> QuantityMatch:
    if (q.unit_info is not None and q.unit_info.symbol == "[oz_av]") or (
            q.den_info is not None and q.den_info.symbol == "[oz_av]"):
        _troy(text, q)
    if q.money is None and q.unit_info is None:
        unit, bv, bu = q.unit, None, None
    else:
        unit, bv, bu = _finish_unit(q)
    if q.money is not None and q.den_info is None and q.den_annotation is None:
        unit = q.money
    value = None if rng else q.value
    lower = upper = None
    if rng:
        lower, upper = min(rng), max(rng)
        bv = bu = None
    return _new_match(
        text[q.start:q.end], q.start, q.end, value, unit, q.comparator, lower, upper, bv,
        bu if bv is not None else None, q.approximate, q.form, q.nstart, q.nend, q.cue,
    )


_QM_FIELDS = ("text", "start_char", "end_char", "value", "unit", "comparator", "lower", "upper", "base_value",
              "base_unit", "approximate", "form", "number_start", "number_end", "comparator_cue")
if tuple(f.name for f in dataclasses.fields(QuantityMatch)) != _QM_FIELDS:
    raise ImportError("QuantityMatch fields changed: update quantities._new_match")
(_S_TEXT, _S_START, _S_END, _S_VALUE, _S_UNIT, _S_COMP, _S_LOWER, _S_UPPER, _S_BV, _S_BU, _S_APPROX, _S_FORM,
 _S_NSTART, _S_NEND, _S_CUE) = (getattr(QuantityMatch, name).__set__ for name in _QM_FIELDS)
_OBJECT_NEW = object.__new__


def _new_match(text: str, start: int, end: int, value: Optional[float], unit: Optional[str], comparator: str,
               lower: Optional[float], upper: Optional[float], base_value: Optional[float],
               base_unit: Optional[str], approximate: bool, form: str, nstart: int, nend: int,
               cue: Optional[tuple[int, int]]) -> QuantityMatch:
    """``QuantityMatch(...)`` (all 15 fields, in declaration order) without the frozen
    dataclass's ``__init__``, which routes every field through ``object.__setattr__`` and costs
    about half of a simple match's time; the slot descriptors store the same values, so the
    object is equal to (and hashes like) one built by the constructor (see the tests). One
    descriptor call per field, unrolled (a loop over them costs 70% more)."""
    obj = _OBJECT_NEW(QuantityMatch)
    _S_TEXT(obj, text)
    _S_START(obj, start)
    _S_END(obj, end)
    _S_VALUE(obj, value)
    _S_UNIT(obj, unit)
    _S_COMP(obj, comparator)
    _S_LOWER(obj, lower)
    _S_UPPER(obj, upper)
    _S_BV(obj, base_value)
    _S_BU(obj, base_unit)
    _S_APPROX(obj, approximate)
    _S_FORM(obj, form)
    _S_NSTART(obj, nstart)
    _S_NEND(obj, nend)
    _S_CUE(obj, cue)
    return obj


_AND_OR_RE = re.compile(r"(?:\s*,)?\s+(?:and|or)\s+|\s*,\s*")


def _share_unit_backwards(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """"45 and 50 mg", "5, 10 or 20 km": a bare number written just before another number of
    the same size with a physical unit (or %) and joined by "and"/"or"/a comma shares its unit."""
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if b.unit is not None and a.unit is None and a.form == "digits" and a.value is not None and a.lower is None \
                and b.value is not None and (b.base_unit is not None or b.unit == "%") and "/" not in b.unit \
                and a.comparator == "=" and 0 < a.value <= b.value <= 10 * a.value \
                and _AND_OR_RE.fullmatch(text, a.end_char, b.start_char):
            scale = b.value / float(text[b.number_start:b.number_end].replace(",", "")) \
                if text[b.number_start:b.number_end].replace(",", "").replace(".", "").isdigit() else 1.0
            if scale != 1.0:
                continue  # "5 and 7 million tonnes": the scale is not shared here
            info = U.lookup_unit(b.unit)
            bv = None
            if info is not None:
                bv = U.to_base(a.value, info)[0]
            out[i] = dataclasses.replace(a, unit=b.unit, base_value=bv, base_unit=b.base_unit if bv is not None else None)
    return out


def _carry_to_conversion(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """A conversion in brackets right after a quantity ("more than 120 kilometres (75 miles)",
    "~2.5mm (0.1 in)") states the same amount: it takes the first one's comparator when it has
    none, provided both have the same base unit."""
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.comparator != "=" and b.comparator == "=" and a.base_unit is not None and a.base_unit == b.base_unit \
                and text[a.end_char:b.start_char].strip() == "(" and text[b.end_char:b.end_char + 1] == ")":
            out[i] = dataclasses.replace(b, comparator=a.comparator)
    return out


_BOUNDS_JOIN_RE = re.compile(r"\s*,?\s*(?:and|but)\s+|\s*,\s*")
_LOWER_BOUND = frozenset((">", ">="))
_UPPER_BOUND = frozenset(("<", "<="))


def _join_bounds(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """Join a lower and an upper bound written one after the other into a range: "more than 10
    and less than 40", "above 1000 and below 1500", "at most 100 and at least 20" -> lower 10,
    upper 40 (same unit, or one side without a unit; only when lower < upper: "more than 40 and
    less than 10" stays two quantities)."""
    if len(out) < 2 or all(m.comparator == "=" for m in out):
        return out

    def join(a: QuantityMatch, b: Optional[QuantityMatch]) -> Optional[tuple[QuantityMatch, int]]:
        if b is not None and a.comparator != "=" and b.comparator != "=" and a.value is not None \
                and b.value is not None and (
                (a.comparator in _LOWER_BOUND and b.comparator in _UPPER_BOUND)
                or (a.comparator in _UPPER_BOUND and b.comparator in _LOWER_BOUND)) \
                and (a.unit == b.unit or a.unit is None or b.unit is None) and a.form == b.form \
                and _BOUNDS_JOIN_RE.fullmatch(text, a.end_char, b.start_char):
            lo_m, hi_m = (a, b) if a.comparator in _LOWER_BOUND else (b, a)
            if lo_m.value < hi_m.value:
                return dataclasses.replace(
                    a, text=text[a.start_char:b.end_char], end_char=b.end_char, value=None, comparator="=",
                    lower=lo_m.value, upper=hi_m.value, unit=a.unit or b.unit, base_value=None, base_unit=None,
                    number_end=b.number_end, comparator_cue=None), 2
        return None

    return join_adjacent(out, join)


_COUNT_RATIO_RE = re.compile(r"\s+(in|out\s+of|per|for\s+every)\s+")


def _join_count_ratios(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """Join "3 in 10", "2 out of 5" (value 0.3, 0.4, form ``fraction``) and "355 per 100,000"
    (value 355, unit ``/100000``): the second bare number is part of the first, not a quantity.
    ("one in four" is read by the core pattern already.)"""
    if len(out) < 2:
        return out

    def join(a: QuantityMatch, b: Optional[QuantityMatch]) -> Optional[tuple[QuantityMatch, int]]:
        if b is not None and a.unit is None and b.unit is None and a.value is not None and b.value \
                and a.form == "digits" and b.form == "digits" and a.lower is None and b.lower is None:
            m = _COUNT_RATIO_RE.fullmatch(text, a.end_char, b.start_char)
            rate = m is not None and (m.group(1) == "per" or m.group(1).startswith("for"))
            if m and (rate or a.value <= b.value):
                if rate:
                    den = b.value
                    fields = {"unit": f"/{int(den) if float(den).is_integer() else den}"}
                else:
                    fields = {"value": a.value / b.value, "form": "fraction"}
                return dataclasses.replace(a, text=text[a.start_char:b.end_char], end_char=b.end_char,
                                           number_end=b.number_end, **fields), 2
        return None

    return join_adjacent(out, join)


def _resolve_minor(text: str, out: list[QuantityMatch], pending: list[tuple[int, _Q]],
                   money_at: list[tuple[int, str]], hint: Optional[str]) -> None:
    """Give each sub-unit amount whose currency was not written ("40.1 cents") the currency of
    the nearest money amount in the text that the sub-unit word can belong to (looking at most
    8 amounts either way), else ``hint``'s (ISO 4217 code or ``None``), else the word's default;
    re-emit it in place."""
    starts = [a for a, _ in money_at]
    for idx, q in pending:
        cands = U.MINOR_UNITS[q.minor if U.minor_glued_only(q.minor) else q.minor.lower()].candidates
        i = bisect.bisect_left(starts, q.start)
        near, best = None, None
        for j in range(max(0, i - 8), min(len(starts), i + 8)):
            code = money_at[j][1]
            d = abs(starts[j] - q.start)
            if code in cands and (best is None or d < best):
                near, best = code, d
        code, frac = U.resolve_minor(q.minor, near=near, hint=hint)
        if code == q.money:
            continue
        if q.rng is not None:  # the bounds hold the old share: restate them exactly
            f = N.EXACT.divide(N.dec(frac), N.dec(q.sub))
            q.rng = tuple(None if b is None else N.exact_float(N.EXACT.multiply(N.dec(b), f)) for b in q.rng)
        q.money, q.sub = code, frac
        out[idx] = _emit(text, q, q.rng)
