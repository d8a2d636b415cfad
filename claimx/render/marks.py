"""Character spans of an article as properly nested, escaped HTML elements.

A claim marks several spans of its article (the sentence, the quantity, the entity, the metric, the
timeframe, the hedge, the source). Spans of different claims can overlap or cross each other; HTML
elements must nest. :func:`render_marked` turns a text and a list of :class:`Mark` into HTML where

* every character of the text is escaped (markupsafe), and newlines are kept (the page shows the
  text with ``white-space: pre-wrap``);
* quantities are never split: overlapping quantity spans are merged into one element that carries
  the claim ids of all of them, and another span that crosses a quantity is widened to enclose it;
* any other crossing is resolved by closing the inner element and reopening it after the boundary
  (the reopened piece gets the extra class ``cx-cont``).

Only the standard library and markupsafe (Jinja2's escaping library) are used.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from markupsafe import Markup, escape

__all__ = ["Mark", "QUANTITY", "merge_quantities", "render_marked"]

#: The kind of the quantity marks (never split, see the module docstring).
QUANTITY = "q"

#: Nesting rank when two spans have the same extent: lower is outer.
_RANK = {"sent": 0, "attr": 1, "time": 2, "ent": 3, "met": 4, "hedge": 5, QUANTITY: 9}


@dataclass
class Mark:
    """One span to mark: ``text[start:end]`` (end exclusive, as the claims' offsets).

    ``kind``: ``"sent"``, ``"q"``, ``"ent"``, ``"met"``, ``"time"``, ``"hedge"`` or ``"attr"`` (also
    the CSS class suffix: ``cx-q``...); ``classes``: extra CSS classes; ``attrs``: HTML attributes
    (values are escaped on output); ``claims``: ids of the claims the span belongs to (written as
    ``data-claims``).
    """

    kind: str
    start: int
    end: int
    claims: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def rank(self) -> int:
        """Nesting order among marks of the same extent (lower is outer; the quantity innermost)."""
        return _RANK.get(self.kind, 8)


def merge_quantities(marks: Iterable[Mark]) -> list[Mark]:
    """Merge overlapping quantity marks (union of the spans, claim ids, classes; first attrs win)
    and merge other marks of the same kind and extent (their claim ids). Order: by start."""
    out: list[Mark] = []
    same: dict[tuple[str, int, int], Mark] = {}
    quantities: list[Mark] = []
    for m in marks:
        if m.kind == QUANTITY:
            quantities.append(m)
            continue
        key = (m.kind, m.start, m.end)
        if key in same:
            _absorb(same[key], m)
        else:
            same[key] = Mark(m.kind, m.start, m.end, list(m.claims), list(m.classes), dict(m.attrs))
            out.append(same[key])
    quantities.sort(key=lambda m: (m.start, -m.end))
    merged: list[Mark] = []
    for m in quantities:
        if merged and m.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, m.end)
            _absorb(last, m)
        else:
            merged.append(Mark(m.kind, m.start, m.end, list(m.claims), list(m.classes), dict(m.attrs)))
    out.extend(merged)
    out.sort(key=lambda m: (m.start, -m.end, m.rank))
    return out


def _absorb(into: Mark, other: Mark) -> None:
    into.claims += [c for c in other.claims if c not in into.claims]
    into.classes += [c for c in other.classes if c not in into.classes]
    for k, v in other.attrs.items():
        into.attrs.setdefault(k, v)


def _widen(marks: list[Mark]) -> None:
    """Widen non-quantity marks so that no quantity crosses one of their ends (repeated until stable:
    a widened mark can reach another quantity)."""
    quantities = [m for m in marks if m.kind == QUANTITY]
    changed = bool(quantities)
    while changed:
        changed = False
        for m in marks:
            if m.kind == QUANTITY:
                continue
            for q in quantities:
                if q.start < m.start < q.end < m.end or m.start < q.start < m.end < q.end:
                    m.start, m.end = min(m.start, q.start), max(m.end, q.end)
                    changed = True


def _open_tag(m: Mark, cont: bool) -> str:
    classes = [f"cx-{m.kind}", *m.classes] + (["cx-cont"] if cont else [])
    parts = [f'class="{escape(" ".join(classes))}"']
    if m.claims:
        parts.append(f'data-claims="{escape(" ".join(m.claims))}"')
    if not cont:
        parts += [f'{k}="{escape(v)}"' for k, v in m.attrs.items()]
    else:
        parts += [f'{k}="{escape(v)}"' for k, v in m.attrs.items() if k.startswith("data-")]
    tag = "mark" if m.kind == QUANTITY else "span"
    return f"<{tag} {' '.join(parts)}>"


def _close_tag(m: Mark) -> str:
    return "</mark>" if m.kind == QUANTITY else "</span>"


def render_marked(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` as escaped HTML with every mark as an element (``<mark>`` for quantities, ``<span>``
    for the rest, class ``cx-<kind>``).

    Marks outside the text or empty (``end <= start``) are ignored. Overlapping quantity marks are
    merged (see :func:`merge_quantities`), so the number of ``mark.cx-q`` elements is the number of
    distinct quantity spans and every claim id of a quantity mark appears on exactly one of them.
    """
    n = len(text)
    usable = [m for m in marks if 0 <= m.start < m.end <= n]
    ms = merge_quantities(usable)
    _widen(ms)
    opens: dict[int, list[Mark]] = defaultdict(list)
    bounds = {0, n}
    for m in ms:
        opens[m.start].append(m)
        bounds.update((m.start, m.end))
    for lst in opens.values():
        lst.sort(key=lambda m: (-m.end, m.rank))
    points = sorted(bounds)
    out: list[str] = []
    stack: list[Mark] = []
    for i, pos in enumerate(points):
        if any(m.end == pos for m in stack):
            reopen: list[Mark] = []
            while any(m.end == pos for m in stack):
                m = stack.pop()
                out.append(_close_tag(m))
                if m.end != pos:
                    reopen.append(m)
            for m in reversed(reopen):
                out.append(_open_tag(m, cont=True))
                stack.append(m)
        for m in opens.get(pos, ()):
            out.append(_open_tag(m, cont=False))
            stack.append(m)
        if i + 1 < len(points):
            out.append(str(escape(text[pos:points[i + 1]])))
    while stack:
        out.append(_close_tag(stack.pop()))
    return Markup("".join(out))
