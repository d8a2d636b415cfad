"""One-to-one matching of gold and predicted claims by quantity span overlap (GOLD.md rule 1)."""

from __future__ import annotations

import heapq
from typing import Optional, Sequence

from .slots import _qty


def _span(claim: dict) -> tuple[Optional[int], Optional[int]]:
    q = _qty(claim)
    s, e = q.get("start_char"), q.get("end_char")
    if isinstance(s, int) and isinstance(e, int) and e > s:
        return s, e
    return None, None


def _match_doc(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of one document, largest overlap first.

    Candidate pairs come from a sweep over spans sorted by start (a heap of open spans by end),
    so the cost is O((n + m) log(n + m) + overlapping pairs), not O(n * m).
    """
    events: list[tuple[int, int, int, int]] = []  # (start, end, side, index); side 0 gold, 1 pred
    for side, claims in ((0, gold), (1, pred)):
        for i, c in enumerate(claims):
            s, e = _span(c)
            if s is not None:
                events.append((s, e, side, i))
    events.sort()
    open_spans: tuple[list, list] = ([], [])  # heaps of (end, start, index) per side
    cands: list[tuple[int, int, int, int, int]] = []
    for s, e, side, i in events:
        other = open_spans[1 - side]
        while other and other[0][0] <= s:
            heapq.heappop(other)
        for oe, os_, j in other:
            ov = min(e, oe) - s  # os_ <= s, so max(start) is s
            gi, pi = (i, j) if side == 0 else (j, i)
            optional = 1 if gold[gi].get("optional") else 0
            dist = abs(s - os_) + abs(e - oe)
            cands.append((-ov, optional, dist, gi, pi))
        heapq.heappush(open_spans[side], (e, s, i))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def align_doc(gold: Sequence[dict], pred: Sequence[dict]) -> list[tuple[Optional[dict], Optional[dict]]]:
    """The rows of a gold/prediction comparison of ONE document, as :func:`score` matches them.

    :param gold: the document's gold claim dicts; :param pred: its predicted claim dicts.
    :returns: ``(gold, pred)`` pairs for matched claims (``gold`` may be optional), ``(gold, None)``
        for missed required gold claims and ``(None, pred)`` for false positives, ordered by the
        start of the quantity (unmatched optional gold claims are left out, as in scoring).
        Judge a matched pair's slots with :func:`compare_slots`.
    """
    g_list, p_list = list(gold), list(pred)
    pairs = _match_doc(g_list, p_list)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    rows: list[tuple[Optional[dict], Optional[dict]]] = [(g_list[gi], p_list[pi]) for gi, pi in pairs]
    rows += [(g, None) for gi, g in enumerate(g_list) if gi not in matched_g and not g.get("optional")]
    rows += [(None, p) for pi, p in enumerate(p_list) if pi not in matched_p]

    def start(row: tuple[Optional[dict], Optional[dict]]) -> int:
        s = _qty(row[0] or row[1] or {}).get("start_char")
        return s if isinstance(s, int) else -1

    rows.sort(key=start)
    return rows
