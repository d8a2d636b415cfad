"""The group a figure holds for: a rule of the entity slot over the parse of the claim's sentence.

"The unemployment rate among young men dropped to 10.2%" is about young men, not about the
article's country; "while that of young women held at 9.3%" about young women. A "for"/"among"
phrase (``group_prepositions`` of ``resources/entity_rules.json``) on a measure noun that is the
metric or the subject names the group, and so does the "of" phrase of a pronoun subject standing
for a measure named before (``referring_pronouns``). Measured on ``corpus/dev`` with the weights
refitted: 4-fold CV entity 0.689 -> 0.699, check entity 0.662 -> 0.669; the same phrase on the
quantity itself ("$128/kWh for NMC packs", but also "capped at 200 litres for all uses") lowered
both (0.682, 0.656) and is not taken.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from ..grammar._resources import load
from .mentions import ent_mention, np_entity
from .syntax import is_measure_word
from .words import label_class

if TYPE_CHECKING:
    from .context import QuantityContext

#: dates and periods are no group ("the rate for the month")
_TIME_LABELS = label_class("time")
#: the subject's dependency labels for a pronoun standing for the measure
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@lru_cache(maxsize=1)
def _lex() -> dict:
    rules = load("entity_rules.json", ("group_prepositions", "referring_pronouns"))
    return {"group": frozenset(rules["group_prepositions"]), "refer": frozenset(rules["referring_pronouns"])}


def _is_measure(ctx: "QuantityContext", tok: Token) -> bool:
    """True for a measure noun ("rate", "prices", "output"; :func:`~claimx.assembly.syntax.is_measure_word`)."""
    return is_measure_word(ctx.state, tok)


def group_entity(ctx: "QuantityContext", metric_tok: Optional[Token]) -> Optional[dict]:
    """The group named by a "for"/"among" phrase on the measure noun that is the subject or the
    metric (``metric_tok``) ("the unemployment rate among young men"), or by the "of"
    phrase of a pronoun subject standing for the measure ("that of young women"); ``None`` when
    there is none (a period, a pronoun, another quantity or a measure is no group)."""
    st, lex = ctx.state, _lex()
    hosts: list[tuple[Token, frozenset]] = []
    # the subject first: a metric carried from the clause before ("the rate among children fell
    # to 12%, while that of pensioners held at 15%") holds the other clause's group
    for tok in (ctx.subject, metric_tok):
        if tok is None:
            continue
        if _is_measure(ctx, tok):
            hosts.append((tok, lex["group"]))
        elif tok.lower_ in lex["refer"] and tok.dep_ in _SUBJECT_DEPS:
            hosts.append((tok, frozenset({"of"})))
    for host, preps in hosts:
        for prep in host.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for p in prep.children:
                if p.dep_ != "pobj" or p.i in ctx.tokens or p.i in st.token_q or p.i in st.time_tokens \
                        or p.lower_ in st.syntax.pronouns or p.ent_type_ in _TIME_LABELS or _is_measure(ctx, p):
                    continue
                m = ent_mention(st, p) or np_entity(st, p, ctx.tokens)
                if m is not None:
                    return m
    return None
