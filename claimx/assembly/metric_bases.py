"""The metric of a figure that measures the gap to a forecast.

"memory is set to expand 27.8%, 11 points above the earlier estimate": "11 points" says how far
the new figure lies from a forecast; what it measures is that forecast ("earlier estimate"), not
the thing that grows. A participle base ("eight points more than previously forecast") is a lone
verb, which the exclusions keep out of the metric, so only a forecast noun counts. The words are
``resources/metric_bases.json``. The assembly applies :func:`forecast_gap_metric` after the
learned chooser, with the other late metric rules, and only where the metric chosen so far names a
thing (a measure word such as "inflation" keeps the gap: "0.2 points above the consensus").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..grammar._resources import load
from .mentions import tmention
from .words import pos_class

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import QuantityContext

_LEX = load("metric_bases.json", ("gap_words", "base_prepositions", "forecast_nouns", "drop_first", "gap_deps",
                                  "base_object_deps", "skip_deps"))
_NOUN_POS = pos_class("noun")
_GAP = frozenset(_LEX["gap_words"])
_PREPS = frozenset(_LEX["base_prepositions"])
_NOUNS = frozenset(_LEX["forecast_nouns"])
_DROP = frozenset(_LEX["drop_first"])
_GAP_DEPS = frozenset(_LEX["gap_deps"])
_OBJ_DEPS = frozenset(_LEX["base_object_deps"])
_SKIP_DEPS = frozenset(_LEX["skip_deps"])


def _is_forecast(tok: "Token") -> bool:
    """True when ``tok`` names a forecast: a forecast noun (a participle such as "than previously
    forecast" is a lone verb, which the exclusions keep out of the metric)."""
    return tok.pos_ in _NOUN_POS and (tok.lemma_.lower() in _NOUNS or tok.lower_ in _NOUNS)


def _base(gap: "Token") -> Optional["Token"]:
    """The forecast noun a gap word's compared figure is headed by, or ``None``: the object of
    "above"/"below" itself or of its "than" phrase."""
    if gap.dep_ == "prep" and gap.lower_ in _PREPS:
        return next((c for c in gap.children if c.dep_ in _OBJ_DEPS and _is_forecast(c)), None)
    for c in gap.children:
        if c.dep_ == "prep" and c.lower_ in _PREPS:
            b = next((g for g in c.children if g.dep_ in _OBJ_DEPS and _is_forecast(g)), None)
            if b is not None:
                return b
    return None


def forecast_gap_metric(ctx: "QuantityContext") -> Optional[dict]:
    """The forecast the quantity of ``ctx`` is the gap to, as its metric ("11 points above the
    earlier estimate" -> "earlier estimate"; "two points more than the previous forecast" ->
    "previous forecast"), or ``None`` when the quantity hangs from no gap word (``gap_words``)
    whose compared figure is a forecast."""
    root = ctx.root
    if root is None or root.dep_ not in _GAP_DEPS or root.head.lower_ not in _GAP:
        return None
    base = _base(root.head)
    if base is None:
        return None
    toks = sorted((t for t in base.subtree if t.i not in ctx.tokens), key=lambda t: t.i)
    while toks and (toks[0].lower_ in _DROP or toks[0].dep_ in _SKIP_DEPS):
        toks = toks[1:]
    if not toks:
        return None
    return tmention(ctx.state, toks[0].i, toks[-1].i)
