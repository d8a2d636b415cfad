"""The metric of a bracketed breakdown: items that add up to an earlier figure of the paragraph.

"The economy has added 463,000 jobs ... Retail trade (+122,000), construction (+110,000) and
health care (+62,000) have contributed most": each bracketed figure after a name or noun is a part
of the total named before, so it measures what that total measures ("jobs"); the noun before the
bracket is its entity. A breakdown has at least two bracketed figures in one sentence
(``bracketed_before`` and ``bracketed_after`` of ``resources/assembly_words.json``), none right
after another figure (a conversion: "3.4 trillion yen ($22.6 billion)"). The total is the nearest
earlier claim of the paragraph with the same unit, not itself bracketed, whose size is at least
the sum of the items. The assembly puts the metric in place after the learned chooser, as it does
the rules of :mod:`claimx.assembly.metric_topic`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from .words import pattern

if TYPE_CHECKING:
    from .context import DocState, QuantityContext

_BEFORE = pattern("bracketed_before")
_AFTER = pattern("bracketed_after")
#: at least this many bracketed figures make a breakdown
MIN_ITEMS = 2


def _bracketed(st: "DocState", q: dict, lo: int) -> bool:
    """True when quantity ``q`` stands alone in brackets after a word that is no figure (``lo``:
    where to look back from, the sentence start)."""
    m = _BEFORE.search(st.text, lo, q["start_char"])
    if m is None or not _AFTER.match(st.text, q["end_char"]):
        return False
    before = m.start()
    return not any(o["end_char"] <= before and not st.text[o["end_char"]:before].strip() for o in st.quantities)


def breakdown_metric(ctx: "QuantityContext", claim: dict, previous: Sequence[dict]) -> Optional[dict]:
    """The metric of the total ``claim``'s bracketed figure is a part of (a copy of the earlier
    claim's metric, see the module docstring), or ``None`` when the figure is no breakdown item or
    no earlier claim of ``previous`` (the paragraph's claims so far, in text order) fits."""
    st, s, q = ctx.state, ctx.sentence, claim["quantity"]
    if q.get("value") is None or not _bracketed(st, q, s.start):
        return None
    items = [o for o in st.quantities if s.start <= o["start_char"] < s.end and o.get("unit") == q.get("unit")
             and o.get("value") is not None and _bracketed(st, o, s.start)]
    if len(items) < MIN_ITEMS:
        return None
    total = sum(abs(o["value"]) for o in items)
    for prev in reversed(previous):
        pq = prev.get("quantity") or {}
        if pq.get("unit") != q.get("unit") or pq.get("value") is None or pq.get("start_char") is None:
            continue
        if s.start <= pq["start_char"] < s.end and _bracketed(st, pq, s.start):
            continue
        if abs(pq["value"]) >= total and prev.get("metric"):
            return dict(prev["metric"])
    return None
