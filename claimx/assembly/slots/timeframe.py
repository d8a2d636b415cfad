"""The timeframe slot: when the claim holds (TIMEX3 values from the timeframe component)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import regex

from ..clauses import between_has_boundary, segment_bounds
from ..mentions import shift_timex

if TYPE_CHECKING:
    from ..context import QuantityContext


def timeframe(ctx: "QuantityContext", paragraph_time: Optional[str] = None) -> Optional[dict]:
    """The timeframe of ``ctx``'s quantity (a mention with ``value`` and ``relation``) or ``None``.

    A sentence-initial timeframe scopes over every clause; otherwise the nearest one in the
    quantity's own clause. Relative ones ("a year earlier") are resolved against the sentence's
    own timeframe, else ``paragraph_time`` (the paragraph's latest TIMEX3 value), else ``XXXX``.
    """
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    # "up 4 points from a year earlier": a comparison base, not when the claim holds
    tfs = [t for t in s.timeframes if not (t.get("offset_years") is not None and regex.search(
        r"(?i)\b(?:from|than|versus|vs\.?|compared\s+(?:with|to)|on|over)\s*$", st.text[s.start:t["start_char"]]))]
    if not tfs:
        return None
    text = st.text
    head = None
    for t in tfs:
        lead = text[s.start:t["start_char"]]
        if not lead.strip(" \t\n\"“'‘(") and regex.match(r"\s*,", text[t["end_char"]:]):
            head = t
            break
    own = None
    # nearest after, with no other quantity and no clause boundary in between
    others = [o for o in s.quantities if o is not q]
    for t in tfs:
        if t is head or t["start_char"] < q["end_char"]:
            continue
        if any(q["end_char"] <= o["start_char"] < t["start_char"] for o in others):
            break
        if between_has_boundary(st, q["end_char"], t["start_char"]):
            break
        own = t
        break
    if own is None:
        for t in reversed(tfs):
            if t is head or t["end_char"] > q["start_char"]:
                continue
            if any(t["end_char"] <= o["start_char"] < q["start_char"] for o in others):
                break
            if between_has_boundary(st, t["end_char"], q["start_char"]):
                break
            # a timeframe right after another quantity belongs to that one
            prev_q = [o for o in others if o["end_char"] <= t["start_char"]]
            if prev_q and not text[prev_q[-1]["end_char"]:t["start_char"]].strip(" ,"):
                break
            own = t
            break
    if own is None and head is None:
        # one timeframe in the same clause segment, not owned by a closer quantity
        seg_lo, seg_hi = segment_bounds(st, s, q["start_char"])
        cands = [t for t in tfs if seg_lo <= t["start_char"] < seg_hi and t.get("offset_years") is None
                 and t.get("relation") != "since"]
        after_q = [t for t in cands if t["start_char"] >= q["end_char"]]
        if len(cands) == 1:
            own = cands[0]
        elif after_q:
            own = after_q[0]
    chosen = own or head
    if chosen is None:
        return None
    tf = {k: chosen.get(k) for k in ("text", "start_char", "end_char", "value", "relation")}
    if chosen.get("offset_years") is not None and chosen.get("value") is None:
        # "a year earlier", "that year": relative to the sentence's own timeframe, else to the
        # paragraph's latest one; X digits when there is none
        base = next((t for t in tfs if t is not chosen and t.get("value") and t.get("offset_years") is None), None)
        base_value = base["value"] if base is not None else paragraph_time
        if base_value:
            tf["value"] = shift_timex(base_value, chosen["offset_years"])
            if base is not None and base.get("relation") in ("in", "as_of"):
                tf["relation"] = base["relation"]
        else:
            tf["value"] = "XXXX"
    if tf["value"] is None:
        return None
    return tf
