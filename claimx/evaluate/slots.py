"""Judging the slots of one matched gold/predicted pair (GOLD.md scoring rule 3)."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Optional

from .text import _WORD_RE, _content_tokens, _stop_words, _words, normalize_text, plain_tokens, spans_overlap, token_f1

#: The slots scored on matched required claims, in report order.
SLOTS: tuple[str, ...] = (
    "value",
    "unit",
    "comparator",
    "modality",
    "kind",
    "entity",
    "metric",
    "timeframe",
    "hedge",
    "attribution",
)

_REL_TOL = 1e-6
_ABS_TOL = 1e-12
_MAX_EXTRA_CONTENT_WORDS = 3
_F1_THRESHOLD = 0.5


def _qty(claim: dict) -> dict:
    q = claim.get("quantity")
    return q if isinstance(q, dict) else {}


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=_REL_TOL, abs_tol=_ABS_TOL)


def _value_ok(g: dict, p: dict) -> bool:
    gb, pb = g.get("base_value"), p.get("base_value")
    if gb is not None and pb is not None and _num_eq(gb, pb):
        return True
    if not _num_eq(g.get("value"), p.get("value")):
        return False
    if g.get("value") is None:  # a range (or a vague amount): its value is its bounds
        for bound in ("lower", "upper"):
            if g.get(bound) is not None and not _num_eq(g.get(bound), p.get(bound)):
                return False
    return True


def _unit_ok(g: dict, p: dict) -> bool:
    if g.get("unit") == p.get("unit"):
        return True
    gb = g.get("base_unit")
    return gb is not None and gb == p.get("base_unit")


def _texts(m: dict) -> list[str]:
    out = [m.get("text") or ""]
    alts = m.get("alt") or []
    if isinstance(alts, str):
        alts = [alts]
    out.extend(a for a in alts if a)
    return out


def _contains_run(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    if n == 0 or n > len(longer):
        return False
    first = shorter[0]
    for i in range(len(longer) - n + 1):
        if longer[i] == first and longer[i : i + n] == shorter:
            return True
    return False


def _entity_ok(g: Optional[dict], p: Optional[dict]) -> bool:
    if not g or not p:
        return not g and not p
    pn = normalize_text(p.get("text"))
    gtexts = _texts(g)
    if any(pn == normalize_text(t) for t in gtexts):
        return True
    if g.get("inferred") or not spans_overlap(g.get("start_char"), g.get("end_char"), p.get("start_char"), p.get("end_char")):
        return False
    stops = _stop_words()
    pw = _WORD_RE.findall(pn)
    for t in gtexts:
        gw = _words(t)
        longer, shorter = (pw, gw) if len(pw) >= len(gw) else (gw, pw)
        if _contains_run(longer, shorter):
            extra = Counter(longer) - Counter(shorter)
            if sum(c for w, c in extra.items() if w not in stops) <= _MAX_EXTRA_CONTENT_WORDS:
                return True
    return False


def _f1_ok(g: Optional[dict], p: Optional[dict], tokenize) -> bool:
    if not g or not p:
        return not g and not p
    pt = tokenize(p.get("text"))
    return any(token_f1(pt, tokenize(t)) >= _F1_THRESHOLD for t in _texts(g))


def _timeframe_ok(g: Optional[dict], p: Optional[dict]) -> bool:
    if not g or not p:
        return not g and not p
    if (g.get("relation") or "in") != (p.get("relation") or "in"):
        return False
    gv, pv = g.get("value"), p.get("value")
    if gv is None or pv is None:
        return gv is None and pv is None
    return len(gv) == len(pv) and all(a == b or a == "X" for a, b in zip(gv, pv))


def _hedge_ok(g: Optional[dict], p: Optional[dict]) -> bool:
    if not g or not p:
        return not g and not p
    return bool(set(plain_tokens(g.get("text"))) & set(plain_tokens(p.get("text"))))


def _slot_values(claim: dict, slot: str) -> Any:
    q = _qty(claim)
    if slot == "value":
        return {k: q.get(k) for k in ("value", "lower", "upper", "base_value") if q.get(k) is not None} or None
    if slot == "unit":
        return {k: q.get(k) for k in ("unit", "base_unit") if q.get(k) is not None} or None
    if slot == "comparator":
        return q.get("comparator") or "="
    if slot == "modality":
        return claim.get("modality") or "asserted"
    if slot == "kind":
        return claim.get("kind") or "level"
    m = claim.get(slot)
    if not isinstance(m, dict):
        return m
    if slot == "timeframe":
        return {"value": m.get("value"), "relation": m.get("relation") or "in", "text": m.get("text")}
    return m.get("text")


def compare_slots(gold: dict, pred: dict) -> dict[str, bool]:
    """Judge every slot of :data:`SLOTS` for one matched pair.

    :param gold: a gold claim dict.
    :param pred: a predicted claim dict.
    :returns: slot name -> ``True`` if the prediction is right under GOLD.md rule 3.
    """
    gq, pq = _qty(gold), _qty(pred)
    return {
        "value": _value_ok(gq, pq),
        "unit": _unit_ok(gq, pq),
        "comparator": (gq.get("comparator") or "=") == (pq.get("comparator") or "="),
        "modality": (gold.get("modality") or "asserted") == (pred.get("modality") or "asserted"),
        "kind": (gold.get("kind") or "level") == (pred.get("kind") or "level"),
        "entity": _entity_ok(gold.get("entity"), pred.get("entity")),
        "metric": _f1_ok(gold.get("metric"), pred.get("metric"), _content_tokens),
        "timeframe": _timeframe_ok(gold.get("timeframe"), pred.get("timeframe")),
        "hedge": _hedge_ok(gold.get("hedge"), pred.get("hedge")),
        "attribution": _f1_ok(gold.get("attribution"), pred.get("attribution"), plain_tokens),
    }
