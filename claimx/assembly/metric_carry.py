"""More metric candidates for the learned chooser: the metric carried from an earlier claim of the
paragraph, the governing verb, and the noun phrase cut to its head and left modifiers.

* Carried: a sentence often names only what the figure is about, and the measured property is the
  one of the previous claim of the paragraph ("..., 11% more than a year earlier" after "carried
  2.6 million travellers"; "memory chips are expected to grow 20%" after a figure for chip sales).
  The candidate is that claim's metric (its text; offsets of that earlier mention), with features
  that describe what links the two claims (same sentence, same unit, same kind) and what the rule
  chooser found in this sentence (nothing, a name, the entity, a subject, a verb).
* Verb: where no noun names the property the verb does ("bus packs averaged $140/kWh", "the 9,000
  ounces that the mine produced"); only verbs that the exclusions allow (never a lone light or
  change verb).
* Cut: "the rate for core-aged women" -> "rate", a noun phrase without its prepositional phrases.

Features are 0/1 indicators named ``group=value``, as in :mod:`claimx.assembly.candidates`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional, Sequence

from .mentions import tmention
from .syntax import mention_head, np_bounds
from .words import pos_class, word_class

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import QuantityContext

_NOUN_POS = pos_class("noun")
_VERB_POS = pos_class("verb")
#: "12% below the level of a year earlier", "8% more than the figure for 2023": what follows
#: these after a quantity is what the figure is compared with
_BASE_PREPS = word_class("comparison_base_prepositions")

#: how many earlier claims of the paragraph are looked back at for a carried metric
MAX_BACK = 1


def _unit(claim: dict) -> str:
    return (claim.get("quantity") or {}).get("unit") or "-"


def rule_state(ctx: "QuantityContext", claim: dict) -> str:
    """What the rule chooser's metric of ``claim`` is: ``none``, ``verb`` (a verb), ``name`` (a
    proper noun or named entity), ``entity`` (the same words as the rule's entity), ``subject`` (the
    subject of the quantity's verb), ``measure`` (a measure word heads it) or ``noun``."""
    m = claim.get("metric")
    if not m:
        return "none"
    head = mention_head(ctx.doc, m)
    if head is None:
        return "none"
    if head.pos_ in _VERB_POS:
        return "verb"
    ent = claim.get("entity")
    if ent and ent.get("start_char") is not None and not ent.get("inferred") \
            and ent["start_char"] < m["end_char"] and m["start_char"] < ent["end_char"]:
        return "entity"
    if head.ent_type_ in ctx.state.syntax.entity_labels or head.pos_ == "PROPN":
        return "name"
    if head.lemma_.lower() in ctx.state.syntax.measure_heads:
        return "measure"
    if ctx.subject is not None and head.i == ctx.subject.i:
        return "subject"
    return "noun"


def carried(ctx: "QuantityContext", claim: dict, previous: Sequence[dict]) -> list[tuple[dict, dict]]:
    """(mention, features) of the metrics of up to :data:`MAX_BACK` earlier claims of the paragraph
    (``previous``, in text order) that differ from the rule's pick; the mention is marked
    ``inferred`` (its offsets are those of the earlier mention)."""
    out: list[tuple[dict, dict]] = []
    rule = claim.get("metric") or {}
    state = rule_state(ctx, claim)
    seen = {(rule.get("text") or "").lower()}
    s = ctx.sentence
    back = 0
    for prev in reversed(previous):
        if back >= MAX_BACK:
            break
        # a metric a rule set after the chooser may leave the chooser's pick to carry
        pm = prev["_carry_metric"] if "_carry_metric" in prev else prev.get("metric")
        if not pm or not pm.get("text"):
            continue
        back += 1
        pq = prev.get("quantity") or {}
        if pm.get("start_char") is not None and pm["start_char"] < pq.get("end_char", -1) \
                and pq.get("start_char", -1) < pm["end_char"]:
            continue  # a word of the earlier quantity itself ("4.8 million units")
        if pm["text"].lower() in seen:
            continue
        seen.add(pm["text"].lower())
        same_sentence = s.start <= pq.get("start_char", -1) < s.end
        f = {
            "carry=1": 1.0,
            f"carry_back={back}": 1.0,
            "carry_from=sentence" if same_sentence else "carry_from=paragraph": 1.0,
            "carry_unit=same" if _unit(prev) == _unit(claim) else "carry_unit=other": 1.0,
            "carry_kind=same" if prev.get("kind") == claim.get("kind") else "carry_kind=other": 1.0,
            f"carry_rule={state}": 1.0,
        }
        if same_sentence:
            f[f"carry_rule_sentence={state}"] = 1.0
        out.append(({"text": pm["text"], "start_char": pm.get("start_char"), "end_char": pm.get("end_char"),
                     "inferred": True}, f))
    return out


def verb_mention(ctx: "QuantityContext") -> Optional[tuple[dict, "Token"]]:
    """The governing verb with its particle as a mention ("came in"), or ``None``."""
    verb = ctx.verb
    if verb is None or verb.pos_ != "VERB":
        return None
    last = verb.i
    for c in verb.rights:
        if c.dep_ == "prt" and c.i == last + 1:
            last = c.i
    m = tmention(ctx.state, verb.i, last)
    return (m, verb) if m else None


def cut_mention(ctx: "QuantityContext", m: Optional[dict]) -> Optional[tuple[dict, "Token"]]:
    """``m``'s noun phrase without its prepositional phrases ("rate for core-aged women" ->
    "rate"), or ``None`` when that is ``m`` itself."""
    head = mention_head(ctx.doc, m)
    if head is None or head.pos_ not in _NOUN_POS:
        return None
    first, last = np_bounds(head, pps=(), exclude=frozenset(ctx.tokens))
    cut = tmention(ctx.state, first, last)
    if not cut or cut["text"] == m["text"]:
        return None
    return cut, head


def add_metric_extras(ctx: "QuantityContext", claim: dict, previous: Sequence[dict],
                      add: Callable[[Optional[dict], Optional["Token"], str], None]) -> list[tuple[dict, dict]]:
    """Propose the verb and the cut noun phrase through ``add(mention, head, source)`` (the
    candidate table's own adder, which applies the exclusions) and return the carried candidates
    as (mention, features) for the caller to add with their own features."""
    v = verb_mention(ctx)
    if v is not None:
        add(v[0], v[1], "verb")
    c = cut_mention(ctx, claim.get("metric"))
    if c is not None:
        add(c[0], c[1], "cut")
    return carried(ctx, claim, previous)



def metric_features(mention: dict, head: Optional["Token"], measures: frozenset) -> dict:
    """Metric-only features of one candidate: ``m_measure_noun=1`` when its head is a measure noun
    (``measures``: "revenue", "output", "exports", ... of ``slot_measures.json``)."""
    if head is None or mention.get("inferred"):
        return {}
    if head.lemma_.lower() in measures or head.lower_ in measures:
        return {"m_measure_noun=1": 1.0}
    return {}


def base_features(ctx: "QuantityContext", head: Optional["Token"]) -> dict:
    """``m_base=1`` when a metric candidate is the object of a comparison the quantity measures
    ("some 12% below the level of a year earlier", "8% more than the figure for 2023"): the base
    compared with, not usually what is measured; nothing otherwise."""
    root = ctx.root
    if head is None or root is None or head.dep_ != "pobj" or head.head.lower_ not in _BASE_PREPS:
        return {}
    prep = head.head
    if prep.i == root.head.i or (prep.head.i == root.head.i and root.head.i != root.i and prep.head.pos_ != "VERB"):
        return {"m_base=1": 1.0}
    return {}
