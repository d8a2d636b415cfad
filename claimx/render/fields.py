"""Claim fields as short display strings, shared by the terminal table and the HTML pages.

Every function takes a claim as a JSON dict (``Claim.model_dump(mode="json")`` or a gold line of
docs/GOLD.md) and returns a plain ``str`` (never markup: callers escape).
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = ["shorten", "value_str", "compact_value", "unit_str", "time_str", "modality_str", "mention_str", "quantity_text",
           "confidence_str"]

#: Comparators as printed before a value (``"="`` prints nothing).
_COMPARATOR = {"=": "", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", "~": "~ "}


def shorten(text: Optional[str], width: int) -> str:
    """``text`` on one line (whitespace runs collapsed), cut to ``width`` characters with "…"."""
    if not text:
        return ""
    one = " ".join(str(text).split())
    return one if len(one) <= width else one[: max(width - 1, 0)].rstrip() + "…"


def _num(v: Any) -> str:
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return "" if v is None else str(v)
    if float(v).is_integer() and abs(v) < 1e18:
        return f"{int(v):,}"
    return f"{v:,.6g}" if abs(v) >= 1e6 or abs(v) < 1e-3 else f"{v:,.6f}".rstrip("0").rstrip(".")


def value_str(claim: dict) -> str:
    """The normalised number with its comparator: ``"757,580,000,000"``, ``"> 1,200,000,000,000"``,
    ``"3 – 5"`` for a range (``lower``/``upper``), ``""`` for a vague amount."""
    q = claim.get("quantity") or {}
    comp = _COMPARATOR.get(q.get("comparator") or "=", "")
    if q.get("value") is not None:
        return comp + _num(q["value"])
    lo, hi = q.get("lower"), q.get("upper")
    if lo is not None or hi is not None:
        return f"{_num(lo) if lo is not None else '…'} – {_num(hi) if hi is not None else '…'}"
    return ""


#: Scale words of :func:`compact_value`: (smallest value, divisor, word), short scale as the grammar
#: reads "billion" = 1e9; from 1e15 on, scientific notation.
_SCALES = ((1e12, 1e12, "tn"), (1e9, 1e9, "bn"), (1e6, 1e6, "M"), (1e4, 1e3, "k"))


def _compact(v: Any) -> str:
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return "" if v is None else str(v)
    if abs(v) >= 1e15:
        return f"{v:.4g}"
    for smallest, size, word in _SCALES:
        if abs(v) >= smallest:
            return f"{v / size:,.6g} {word}"
    return f"{v:,.6g}"


def compact_value(claim: dict) -> str:
    """:func:`value_str` with large numbers shortened for a table: ``"757.58 bn"``, ``"> 1.2 tn"``,
    ``"45 k"`` (45,000), ``"1.882e+20"``; at most 6 significant digits."""
    q = claim.get("quantity") or {}
    comp = _COMPARATOR.get(q.get("comparator") or "=", "")
    if q.get("value") is not None:
        return comp + _compact(q["value"])
    lo, hi = q.get("lower"), q.get("upper")
    if lo is not None or hi is not None:
        return f"{_compact(lo) if lo is not None else '…'} – {_compact(hi) if hi is not None else '…'}"
    return ""


def unit_str(claim: dict) -> str:
    """The normalised unit (``USD``, ``%``, ``GW``...), ``""`` for a plain count."""
    return str((claim.get("quantity") or {}).get("unit") or "")


def quantity_text(claim: dict) -> str:
    """The quantity as written in the article."""
    return str((claim.get("quantity") or {}).get("text") or "")


def time_str(claim: dict) -> str:
    """The TIMEX3 value with its relation (``"by 2025"``, ``"as of 2025-06-30"``), else the text."""
    tf = claim.get("timeframe")
    if not isinstance(tf, dict):
        return ""
    value = tf.get("value") or tf.get("text") or ""
    rel = (tf.get("relation") or "in").replace("_", " ")
    return f"{rel} {value}".strip()


def modality_str(claim: dict) -> str:
    """The modality with its hedge cue: ``"forecast (expected to)"``; ``"not "`` before a negated one."""
    mod = claim.get("modality") or "asserted"
    hedge = claim.get("hedge")
    neg = "not " if claim.get("negated") else ""
    if isinstance(hedge, dict) and hedge.get("text"):
        return f"{neg}{mod} ({hedge['text']})"
    return neg + mod


def mention_str(claim: dict, slot: str) -> str:
    """The text of a mention slot (``entity``, ``metric``, ``attribution``...); an entity carried over
    from an earlier sentence is followed by ``" (inferred)"``."""
    m = claim.get(slot)
    if not isinstance(m, dict):
        return ""
    text = str(m.get("text") or "")
    return text + (" (inferred)" if slot == "entity" and m.get("inferred") else "")


def confidence_str(claim: dict) -> str:
    """The confidence with two decimals, ``""`` when absent (gold claims)."""
    c = claim.get("confidence")
    return f"{c:.2f}" if isinstance(c, (int, float)) else ""
