"""Sentence bindings: shapes of a sentence that tie a figure to one noun phrase, applied after the
entity chooser as a fixed pass (the chooser's weights and candidates are untouched).

- ``paren_list``: "Retail trade (+122,000), construction (+110,000) and information, culture and
  recreation (+62,000)": the list item right before a bracketed figure, in a sentence with at
  least two bracketed figures.
- ``joined_each``: "the East Midlands and the South West each recorded growth of 0.5%": a
  coordinated subject of the figure's verb, followed by "each"/"both", is one entity.
- ``for_figure``: "against $128/kWh for NMC packs", "the 4.5% recorded for workers born in
  Canada": a "for" phrase on the figure itself (or on a participle modifying it).
- ``infinitive_subject``: "WSTS expects the market to expand by 26.3%", "aims for renewables
  to cover 80%": the subject an infinitive clause names for itself.
- ``fronted_among``: "Among recent immigrants, the jobless rate fell to 8.3%".
- ``caused_object``: "Favourable weather lifted wind generation by 14%": the object of a
  causative verb (of a measure word, its noun modifiers: "wind").
- ``from_measure``: "output from hard-coal plants fell by 36.8%", "production at the Gruyere
  mine": the "from" (or, for a name or definite phrase, "at") phrase of the claim's measure word
  names what is measured (one phrase, not a list of sources).

The shapes, their words and switches are ``resources/entity_bindings.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex
from spacy.tokens import Token

from ..grammar._resources import load
from .mentions import mention, np_entity, tmention
from .syntax import is_measure_word, np_bounds
from .words import pos_class

if TYPE_CHECKING:
    from .context import QuantityContext

_SHAPES = ("paren_list", "joined_each", "from_measure", "for_figure", "infinitive_subject", "fronted_among",
           "caused_object")
_NOUN_POS = pos_class("noun")
_VERB_POS = pos_class("verb")


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The shapes of ``resources/entity_bindings.json``, regexes compiled."""
    raw = load("entity_bindings.json", _SHAPES)
    out = {k: dict(raw[k]) for k in _SHAPES}
    p = out["paren_list"]
    for key in ("open", "close", "item_lead"):
        p[key] = regex.compile(p[key])
    out["joined_each"]["words"] = frozenset(out["joined_each"]["words"])
    out["from_measure"]["prepositions"] = frozenset(out["from_measure"]["prepositions"])
    for key in ("heads", "named_only", "definite_words"):
        out["from_measure"][key] = frozenset(out["from_measure"][key])
    for key in ("prepositions", "participle_deps", "skip_determiners"):
        out["for_figure"][key] = frozenset(out["for_figure"][key])
    for key in ("infinitive_marks", "subject_deps", "for_prepositions"):
        out["infinitive_subject"][key] = frozenset(out["infinitive_subject"][key])
    out["fronted_among"]["prepositions"] = frozenset(out["fronted_among"]["prepositions"])
    for key in ("verbs", "prepositions"):
        out["caused_object"][key] = frozenset(out["caused_object"][key])
    return out


def bound_entity(ctx: "QuantityContext", claim: dict, metric_head: Optional[Token]) -> Optional[dict]:
    """The entity mention (``{"text", "start_char", "end_char", "inferred": False}``, offsets in
    the window's text) that the first matching shape binds to the claim's quantity, or ``None``
    when no shape fits. ``metric_head`` is the head token of the claim's metric (or ``None``)."""
    rules = _rules()
    for shape, fn in (("paren_list", _paren_item), ("joined_each", _joined_each), ("from_measure", _from_measure),
                      ("for_figure", _for_figure), ("infinitive_subject", _infinitive_subject),
                      ("fronted_among", _fronted_among), ("caused_object", _caused_object)):
        if not rules[shape].get("use", True):
            continue
        found = fn(ctx, claim, metric_head, rules[shape])
        if found is not None:
            return dict(found, inferred=False)
    return None


def _bracketed(text: str, q: dict, rule: dict) -> Optional[int]:
    """The offset of the "(" before a figure that fills its brackets alone, else ``None``."""
    before = text[max(0, q["start_char"] - 4):q["start_char"]]
    m = rule["open"].search(before)
    if m is None or not rule["close"].match(text[q["end_char"]:q["end_char"] + 3]):
        return None
    return q["start_char"] - len(before) + m.start()


def _paren_item(ctx: "QuantityContext", claim: dict, head, rule: dict) -> Optional[dict]:
    st, s, text = ctx.state, ctx.sentence, ctx.state.text
    opens = {id(q): _bracketed(text, q, rule) for q in s.quantities}
    mine = opens.get(id(ctx.quantity))
    if mine is None or sum(o is not None for o in opens.values()) < rule["min_figures"]:
        return None
    # the item starts after the previous bracketed figure's ")" and its separator, else at the
    # sentence start or a colon or semicolon
    start = s.start
    for q in s.quantities:
        o = opens[id(q)]
        if o is not None and o < mine:
            close = text.find(")", q["end_char"])
            if 0 <= close < mine:
                start = max(start, close + 1)
    for stop in (":", ";"):
        k = text.rfind(stop, start, mine)
        if k >= 0:
            start = k + 1
    item = text[start:mine].lstrip(" ,")
    lead = rule["item_lead"].match(item)
    if lead:
        item = item[lead.end():]
    first = mine - len(item)
    toks = [t for t in s.span if first <= t.idx < mine and not t.is_punct]
    if not toks or len(toks) > rule["max_words"] or any(t.pos_ in _VERB_POS or t.like_num for t in toks):
        # a clause before the first item ("Gains were led by retail trade (+122,000)"): the noun
        # phrase that ends right before the bracket
        last = next((t for t in reversed(s.span) if t.idx < mine and not t.is_punct), None)
        if last is None or last.pos_ not in _NOUN_POS:
            return None
        lo, hi = np_bounds(last, pps=(), exclude=ctx.tokens)
        if hi != last.i:
            return None
        return tmention(st, lo, hi)
    return mention(text, first, mine)


def _joined_each(ctx: "QuantityContext", claim: dict, head, rule: dict) -> Optional[dict]:
    st, s, q = ctx.state, ctx.sentence, ctx.quantity
    for w in s.span:
        if w.idx >= q["start_char"]:
            break
        if w.lower_ not in rule["words"] or w.i == 0:
            continue
        last = w.doc[w.i - 1]
        first = last.head
        if last.dep_ != "conj" or first.i >= last.i or last.pos_ not in _NOUN_POS or first.pos_ not in _NOUN_POS:
            continue
        # nothing but words between the distributive word and the figure: no other figure, no
        # clause boundary
        between = [t for t in s.span if w.i < t.i and t.idx < q["start_char"]]
        if any(t.is_punct or t.i in st.token_q for t in between):
            continue
        lo, _ = np_bounds(first, keep_det=True, pps=())
        return tmention(st, lo, last.i)
    return None


def _from_measure(ctx: "QuantityContext", claim: dict, head, rule: dict) -> Optional[dict]:
    if head is None or head.lemma_.lower() not in rule["heads"] and head.lower_ not in rule["heads"]:
        return None
    st = ctx.state
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in rule["prepositions"]:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ not in _NOUN_POS or obj.i in st.time_tokens \
                    or obj.i in st.token_q or obj.i in ctx.tokens:
                continue
            nxt = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
            if prep.lower_ in rule["named_only"] and obj.pos_ != "PROPN" and obj.ent_type_ not in st.syntax.entity_labels \
                    and not any(c.lower_ in rule["definite_words"] for c in obj.lefts):
                return None
            if any(c.dep_ == "conj" for c in obj.children) or any(c.dep_ == "conj" for c in head.children) \
                    or (nxt is not None and (nxt.is_punct or nxt.dep_ == "cc")):
                # "output from wind turbines, solar panels and biomass plants": a list of
                # sources sums to the whole, whose owner the chooser finds
                return None
            return np_entity(st, obj, ctx.tokens)
    return None


def _for_figure(ctx: "QuantityContext", claim: dict, head, rule: dict) -> Optional[dict]:
    st = ctx.state
    hosts = [st.doc[i] for i in sorted(ctx.tokens)]
    hosts += [c for t in hosts for c in t.children if c.dep_ in rule["participle_deps"] and c.pos_ in _VERB_POS]
    for host in hosts:
        for prep in host.rights:
            if prep.dep_ != "prep" or prep.lower_ not in rule["prepositions"]:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or obj.pos_ not in _NOUN_POS or obj.i in st.time_tokens or obj.i in st.token_q \
                    or obj.lower_ in st.syntax.pronouns \
                    or any(c.lower_ in rule["skip_determiners"] for c in obj.lefts):
                # "200 litres per person per day for all uses": a quantifier, not an entity
                return None
            lo, hi = obj.left_edge.i, obj.right_edge.i
            if hi - lo + 1 > rule["max_words"] or any(i in st.time_tokens or i in st.token_q for i in range(lo, hi + 1)):
                return None
            return tmention(st, lo, hi)
    return None


def _infinitive_subject(ctx: "QuantityContext", claim: dict, head, rule: dict) -> Optional[dict]:
    st, verb = ctx.state, ctx.verb
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in rule["infinitive_marks"] for c in verb.lefts):
        return None
    subj = next((c for c in verb.lefts if c.dep_ in rule["subject_deps"]), None)
    if subj is None:
        # "aims for renewables to cover 80%": the object of "for" right before "to"
        mark = next(c for c in verb.lefts if c.dep_ == "aux" and c.lower_ in rule["infinitive_marks"])
        prev = st.doc[mark.i - 1] if mark.i > 0 else None
        if prev is not None and prev.dep_ == "pobj" and prev.head.lower_ in rule["for_prepositions"] \
                and prev.head.head.i == verb.head.i:
            subj = prev
    if subj is None or subj.pos_ not in _NOUN_POS or subj.lower_ in st.syntax.pronouns \
            or is_measure_word(st, subj) or subj.i in st.time_tokens or subj.i in st.token_q:
        return None
    return np_entity(st, subj, ctx.tokens)


def _entity_noun(ctx: "QuantityContext", tok: Token) -> bool:
    """True when ``tok`` may head a bound entity: a noun, not a measure word, pronoun, time or figure."""
    st = ctx.state
    return tok.pos_ in _NOUN_POS and tok.lower_ not in st.syntax.pronouns and not is_measure_word(st, tok) \
        and tok.i not in st.time_tokens and tok.i not in st.token_q and tok.i not in ctx.tokens


def _fronted_among(ctx: "QuantityContext", claim: dict, head, rule: dict) -> Optional[dict]:
    subj, verb = ctx.subject, ctx.verb
    if subj is None or verb is None or not is_measure_word(ctx.state, subj):
        return None
    for prep in verb.lefts:
        if prep.dep_ != "prep" or prep.lower_ not in rule["prepositions"] or prep.i > subj.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and _entity_noun(ctx, obj):
            # the group's noun phrase ("households" of "households in rural areas"), as the
            # entity slot's fronted groups have it
            return np_entity(ctx.state, obj, ctx.tokens)
    return None


def _caused_object(ctx: "QuantityContext", claim: dict, head, rule: dict) -> Optional[dict]:
    st, verb = ctx.state, ctx.verb
    if verb is None or verb.lemma_.lower() not in rule["verbs"]:
        return None
    # the figure hangs on the verb through "by" or "to"
    if not any(t.head.dep_ == "prep" and t.head.lower_ in rule["prepositions"] and t.head.head.i == verb.i
               for t in (st.doc[i] for i in ctx.tokens)):
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in _NOUN_POS or obj.i in st.token_q or obj.lower_ in st.syntax.pronouns \
            or any(c.dep_ == "poss" for c in obj.children):
        return None
    if not is_measure_word(st, obj):
        return np_entity(st, obj, ctx.tokens)
    mods = [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ in _NOUN_POS]
    if not mods or mods[-1].i != obj.i - 1:
        return None
    return tmention(st, mods[0].left_edge.i, obj.i - 1)
