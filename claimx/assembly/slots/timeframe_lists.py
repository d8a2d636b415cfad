"""Lists of figures matched item by item to lists of time phrases by "respectively".

"Sales were $3 million and $4 million in 2023 and 2024, respectively": the first figure holds in
2023, the second in 2024. The nearest-phrase rule of :mod:`claimx.assembly.slots.timeframe` would
give both the first year. The marker and the gaps allowed inside a list are the ``respectively``
entry of ``claimx/resources/timeframes_context.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from ..passes.periods import load_rules

if TYPE_CHECKING:
    from ..context import QuantityContext

__all__ = ["respective_timeframe"]


@lru_cache(maxsize=1)
def _rules() -> dict:
    raw = load_rules()["raw"]["respectively"]
    return {k: regex.compile(v) for k, v in raw.items() if not k.startswith("_")}


def _runs(text: str, items: list[dict], gap: regex.Pattern) -> list[list[dict]]:
    """``items`` (dicts with ``start_char``/``end_char``, in text order) grouped into maximal runs
    whose neighbours are separated only by text that ``gap`` matches in full."""
    runs: list[list[dict]] = []
    for it in items:
        if runs and gap.fullmatch(text[runs[-1][-1]["end_char"]:it["start_char"]]):
            runs[-1].append(it)
        else:
            runs.append([it])
    return runs


def respective_timeframe(ctx: "QuantityContext", timeframes: list[dict]) -> Optional[dict]:
    """The time phrase that "respectively" pairs with ``ctx``'s quantity, or ``None``.

    The quantity must stand in a list of two or more figures of its sentence and a "respectively"
    must follow it; the time phrases (``timeframes``: the sentence's records, those with a value and
    no offset are used) must form a list of the same length before the marker. The i-th figure
    takes the i-th phrase.
    """
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    text = st.text
    r = _rules()
    marker = r["marker"].search(text, q["end_char"], s.end)
    if marker is None:
        return _adjacent_timeframe(ctx, timeframes)
    quantities = sorted((o for o in s.quantities if o["end_char"] <= marker.start()), key=lambda o: o["start_char"])
    run = next((run for run in _runs(text, quantities, r["item_gap"]) if any(o is q for o in run)), None)
    if run is None or len(run) < 2:
        return None
    tfs = sorted((t for t in timeframes if t.get("value") and t.get("offset_years") is None and t["end_char"] <= marker.start()),
                 key=lambda t: t["start_char"])
    lists = [t for t in _runs(text, tfs, r["item_gap"]) if len(t) == len(run)]
    if not lists:
        return None
    # the list nearest before the marker ("in 2023 and 2024, respectively"; a fronted "In 2023
    # and 2024, ..." is the only one)
    chosen = lists[-1]
    return chosen[next(i for i, o in enumerate(run) if o is q)]


def _adjacent_timeframe(ctx: "QuantityContext", timeframes: list[dict]) -> Optional[dict]:
    """The time phrase paired with ``ctx``'s quantity when a list of figures is followed right away
    by a list of time phrases of the same length, without "respectively" ("growth of 2%, 2.5% and
    3% in 2025, 2026 and 2027"): the i-th figure takes the i-th phrase; ``None`` otherwise."""
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    text, gap = st.text, _rules()["item_gap"]
    quantities = sorted(s.quantities, key=lambda o: o["start_char"])
    run = next((run for run in _runs(text, quantities, gap) if any(o is q for o in run)), None)
    if run is None or len(run) < 2:
        return None
    tfs = sorted((t for t in timeframes if t.get("value") and t.get("offset_years") is None
                  and t["start_char"] >= run[-1]["end_char"]), key=lambda t: t["start_char"])
    lists = _runs(text, tfs, gap)
    if not lists or len(lists[0]) != len(run) or not _rules()["adjacent_lead"].fullmatch(
            text[run[-1]["end_char"]:lists[0][0]["start_char"]]):
        return None
    return lists[0][next(i for i, o in enumerate(run) if o is q)]
