"""The metric named by the object of the verb a figure moves.

"Electricity prices pushed inflation up to 3.8%" measures inflation, not electricity prices;
"cheap imports dragged steel prices down 9%" steel prices; "Apple grew revenue 8%" revenue
(:func:`moved_object_metric`); only where that object is a measure word. Links and prepositions
are ``resources/metric_object.json``. The assembly applies it after the learned chooser, with the
other late metric rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..grammar._resources import load
from .metric_topic import is_measure
from .slots.metric import metric_from_noun
from .words import dependency_class, pos_class

if TYPE_CHECKING:
    from .context import QuantityContext

_LEX = load("metric_object.json", ("object_prepositions",))
_PREPS = frozenset(_LEX["object_prepositions"])
_NOUN_POS = pos_class("noun")
_VERB_POS = pos_class("verb")
_OBJECT_DEPS = dependency_class("direct_object")


def _same(metric: Optional[dict], mention: Optional[dict]) -> bool:
    return bool(metric and mention and metric.get("start_char") == mention["start_char"]
                and metric.get("end_char") == mention["end_char"])


def moved_object_metric(ctx: "QuantityContext", metric: Optional[dict]) -> Optional[dict]:
    """The direct object of the quantity's verb where the quantity hangs from that verb directly or
    through one of ``object_prepositions`` and the object is a measure word ("pushed inflation up
    to 3.8%" -> "inflation"), or ``None`` (keep ``metric``)."""
    root, verb = ctx.root, ctx.verb
    if root is None or verb is None or verb.pos_ not in _VERB_POS:
        return None
    h = root.head
    if not (h.i == verb.i or (h.dep_ == "prep" and h.lower_ in _PREPS and h.head.i == verb.i)):
        return None
    obj = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.pos_ in _NOUN_POS
                and c.i not in ctx.state.token_q and c.i not in ctx.tokens), None)
    if obj is None or not is_measure(ctx, obj):
        return None
    m = metric_from_noun(ctx.state, obj, ctx.tokens)
    if m is None or _same(metric, m) or (metric and metric.get("start_char") is not None
                                          and m["start_char"] <= metric["start_char"] < m["end_char"]):
        return None
    return m
