"""The metric of a nominalised change: "The increase in hospital admissions was 14%".

Where the metric chosen so far is a noun that names a change ("increase", "rise", "decline": the
``change_nouns`` of ``resources/metric_change.json``) and that noun has an "in" phrase, what the
figure measures is the object of that phrase ("hospital admissions", "food prices"), cut as a
metric noun phrase; not when the object is a time, a date, a name or a pronoun ("the rise in
March", "the increase in Germany"), which are timeframe or entity. The assembly applies
:func:`change_noun_metric` after the learned chooser, with the other late metric rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..grammar._resources import load
from .slots.metric import metric_from_noun
from .syntax import mention_head
from .words import pos_class

if TYPE_CHECKING:
    from .context import QuantityContext

_LEX = load("metric_change.json", ("change_nouns", "prepositions"))
_CHANGE = frozenset(_LEX["change_nouns"])
_PREPS = frozenset(_LEX["prepositions"])
_NOUN_POS = pos_class("noun")


def change_noun_metric(ctx: "QuantityContext", metric: Optional[dict]) -> Optional[dict]:
    """The object of the "in" phrase of ``metric``'s head where that head names a change (see the
    module docstring) and is the subject of the quantity's verb or the quantity's head (up to two
    links up), as a metric mention; ``None`` (keep ``metric``) otherwise."""
    head = mention_head(ctx.doc, metric)
    if head is None or head.pos_ not in _NOUN_POS or head.lemma_.lower() not in _CHANGE:
        return None
    near = {t.i for t in (ctx.root, ctx.root.head, ctx.root.head.head)} if ctx.root is not None else set()
    if not ((ctx.subject is not None and ctx.subject.i == head.i) or head.i in near):
        return None  # a change noun of another clause ("the increase in the budget, which means ...")
    st = ctx.state
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ not in _NOUN_POS or obj.i in ctx.tokens \
                    or obj.i in st.token_q or obj.i in st.time_tokens or obj.ent_type_ \
                    or obj.lemma_.lower() in st.syntax.time_nouns or obj.lower_ in st.syntax.pronouns:
                continue
            return metric_from_noun(st, obj, ctx.tokens)
    return None
