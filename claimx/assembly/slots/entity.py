"""The entity slot: who or what the claim is about, from the parse of its sentence.

Precedence: a named entity inside the metric phrase (possessor, "in"/"of" phrase); a named place
right after the quantity; a common noun phrase inside the metric; the subject of the governing verb;
the nearest named entity of the sentence; the name before a measure word; the speaker's organisation
for "we". Entity labels and pronouns come from ``resources/syntax.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from ..clauses import segment_bounds
from ..entity_groups import group_entity
from ..mentions import ent_mention, mention, np_entity, tmention
from ..syntax import np_bounds
from ...grammar._resources import load
from ..words import dependency_class, label_class, pattern, pos_class, word_class

if TYPE_CHECKING:
    from ..context import DocState, QuantityContext, SentenceInfo

# word and tag classes of resources/assembly_words.json
_NESTED_PLACE_PREPS = word_class("nested_place_prepositions")

# spaCy label classes of resources/assembly_words.json
_DETERMINER_OR_POSSESSOR_DEPS = dependency_class("determiner_or_possessor")
_NOMINAL_SUBJECT_DEPS = dependency_class("nominal_subject")
_NOUN_POS = pos_class("noun")
_OBJECT_DEPS = dependency_class("direct_object")
_PLACE_NAME_LABELS = label_class("place")

_FIRST_PERSON = word_class("first_person_pronouns")
#: prepositions whose object may name the entity of a noun ("debt in South Korea"); the place ones rank first
_ENTITY_PREPS = word_class("entity_prepositions")
_PLACE_PREPS = word_class("place_prepositions")
#: "in/at/across (the)" right after a quantity, and the entity labels of a place named there
_PLACE_AFTER = pattern("place_after")
_PLACE_LABELS = label_class("place_after_quantity")

@dataclass
class EntityResult:
    """The chosen entity mention (with ``inferred=False``) or ``None``; ``pronoun`` when the sentence
    refers to it by a pronoun only (the discourse pass resolves it)."""

    entity: Optional[dict]
    pronoun: bool = False


def entity(ctx: "QuantityContext", draft: dict, metric_tok: Optional[Token]) -> EntityResult:
    """The entity of the draft's quantity, given the draft (its ``kind``, ``metric``,
    ``reference`` and ``attribution`` are read) and the metric's head token.

    ``None`` when the sentence names none; the discourse pass then resolves pronouns and carries
    entities over.
    """
    st, q, s, qtoks, subj = ctx.state, ctx.quantity, ctx.sentence, ctx.tokens, ctx.subject
    ent = None
    pronoun = False
    first_person = False
    in_metric = None
    if metric_tok is not None and (draft["kind"] != "ratio" or (subj is not None and metric_tok.i == subj.i)):
        in_metric = entity_in_phrase(st, metric_tok, qtoks)
        if in_metric and in_metric.get("pronoun"):
            pronoun, in_metric = True, None
        if in_metric and in_metric.get("named"):
            ent = in_metric
    if ent is None:
        ent = group_entity(ctx, metric_tok)
    if ent is None:
        ent = entity_after(st, q, s)
    if ent is None and in_metric is not None:
        ent = in_metric
    if ent is None and not pronoun and subj is not None:
        ent = fronted_group(st, subj, qtoks)
    if ent is None and subj is not None and (metric_tok is None or subj.i != metric_tok.i):
        if subj.lower_ in st.syntax.pronouns or subj.lower_ in _FIRST_PERSON:
            pronoun = True
            first_person = subj.lower_ in _FIRST_PERSON
        elif subj.pos_ == "VERB" or subj.dep_ == "csubj":
            # "Rebuilding the war-damaged region is projected to cost ...": the gerund's object
            obj = [c for c in subj.children if c.dep_ in _OBJECT_DEPS]
            if obj:
                ent = np_entity(st, obj[0], qtoks)
        else:
            inner = entity_in_phrase(st, subj, qtoks)
            if inner and inner.get("pronoun"):
                pronoun = True
            elif inner and inner.get("named"):
                ent = inner
            if ent is None and not pronoun:
                ent = ent_mention(st, subj) or np_entity(st, subj, qtoks)
    if ent is None and not pronoun:
        ent = sentence_entity(st, q, s, qtoks, draft)
    if ent is None and not pronoun and metric_tok is not None and metric_tok.lemma_.lower() in st.syntax.measure_heads:
        # "the global AI market size": the modifiers before a measure word name what is measured
        comps = [c for c in metric_tok.lefts if c.dep_ == "compound" and c.pos_ in _NOUN_POS]
        if comps and comps[-1].i == metric_tok.i - 1:
            first, _ = np_bounds(metric_tok, exclude=frozenset(qtoks), pps=())
            # only a name ("global AI market size"), not a kind of thing ("fuel costs")
            if any(st.doc[i].pos_ == "PROPN" or st.doc[i].ent_type_ in st.syntax.entity_labels
                   for i in range(first, metric_tok.i)):
                ent = tmention(st, first, metric_tok.i - 1)
    if ent is None and first_person and draft.get("attribution"):
        ent = entity_of_source(st, draft["attribution"])
    if ent is not None:
        ent.pop("named", None)
        ent.pop("pronoun", None)
        ent.setdefault("inferred", False)
    return EntityResult(ent, pronoun=ent is None and pronoun)


def entity_in_phrase(st: "DocState", tok: Token, qtoks) -> Optional[dict]:
    """Possessor or prepositional entity of a noun ("China's scale", "debt in South Korea").

    A named entity wins over a common noun phrase; among those, the possessor, then "in/at",
    then "of/for/across/from". Returns ``{"pronoun": True}`` for a pronoun possessor ("its
    revenue") when nothing named is found.
    """
    named: list[tuple[int, dict]] = []
    common: list[tuple[int, dict]] = []
    pronoun = False
    for c in tok.children:
        if c.dep_ != "poss":
            continue
        if c.lower_ in st.syntax.pronouns:
            pronoun = True
            continue
        ent = ent_mention(st, c)
        if ent is not None:
            named.append((0, ent))
        else:
            inner = np_entity(st, c, qtoks)
            if inner:
                common.append((0, inner))
    for c in tok.rights:
        if c.dep_ != "prep" or c.lower_ not in _ENTITY_PREPS:
            continue
        rank = 1 if c.lower_ in _PLACE_PREPS else 2
        for p in c.children:
            if p.dep_ != "pobj" or p.i in qtoks or p.i in st.token_q or p.lower_ in st.syntax.pronouns \
                    or p.i in st.time_tokens:
                continue
            has_det = any(x.dep_ in _DETERMINER_OR_POSSESSOR_DEPS for x in p.children)
            if p.ent_type_ in st.syntax.entity_labels or p.pos_ == "PROPN":
                ent = ent_mention(st, p)
                if ent is not None:
                    named.append((rank, ent))
                    # "admissions for COVID-19 in Ontario": a place nested in the phrase
                    for c2 in p.rights:
                        if c2.dep_ == "prep" and c2.lower_ in _NESTED_PLACE_PREPS:
                            for p2 in c2.children:
                                if p2.dep_ == "pobj" and p2.ent_type_ in _PLACE_NAME_LABELS:
                                    e2 = ent_mention(st, p2)
                                    if e2 is not None:
                                        named.append((1, e2))
                    continue
            inner = entity_in_phrase(st, p, qtoks)
            if inner and not inner.get("pronoun") and inner.get("named"):
                named.append((rank, inner))
                continue
            if has_det or (rank == 1 and p.pos_ == "NOUN"):
                ent = np_entity(st, p, qtoks)
                if ent is not None:
                    common.append((rank, ent))
    if named:
        ent = dict(min(named, key=lambda x: x[0])[1])
        ent["named"] = True
        return ent
    if pronoun:
        return {"pronoun": True}
    if common:
        return dict(min(common, key=lambda x: x[0])[1])
    return None


def entity_after(st: "DocState", q: dict, s: "SentenceInfo") -> Optional[dict]:
    """A named place or organisation right after the quantity: "6,300 kWh per capita in Spain"."""
    m = _PLACE_AFTER.match(st.text[q["end_char"]:s.end])
    if not m:
        return None
    pos = q["end_char"] + m.end()
    for ent in st.ents:
        if ent.start_char == pos and ent.label_ in _PLACE_LABELS:
            return mention(st.text, ent.start_char, ent.end_char)
    return None


def sentence_entity(st: "DocState", q: dict, s: "SentenceInfo", qtoks, claim: dict) -> Optional[dict]:
    """The nearest named entity before the quantity (same clause first), outside its metric,
    reference and attribution."""
    seg_lo, seg_hi = segment_bounds(st, s, q["start_char"])
    best = None
    for ent_span in s.ents:
        if ent_span.label_ not in st.syntax.entity_labels or ent_span.start_char >= q["start_char"]:
            continue
        if any(t.i in st.token_q or t.i in st.time_tokens for t in ent_span):
            continue
        if any(m and m.get("start_char") is not None and m["start_char"] <= ent_span.start_char < m["end_char"]
               for m in (claim.get("reference"), claim.get("metric"), claim.get("attribution"))):
            continue
        key = (0 if seg_lo <= ent_span.start_char < seg_hi else 1, q["start_char"] - ent_span.start_char)
        if best is None or key < best[0]:
            best = (key, ent_span)
    return mention(st.text, best[1].start_char, best[1].end_char) if best else None


def entity_of_source(st: "DocState", attribution: dict) -> Optional[dict]:
    """"We ..., the company's chief executive said": the possessor of the speaker, else the speaker."""
    span = st.doc.char_span(attribution["start_char"], attribution["end_char"], alignment_mode="expand")
    if span is None:
        return None
    for t in span:
        if t.dep_ in _NOMINAL_SUBJECT_DEPS:
            inner = entity_in_phrase(st, t, set())
            if inner and not inner.get("pronoun"):
                return inner
            return np_entity(st, t, set())
    return None


@lru_cache(maxsize=1)
def _fronted_preps() -> frozenset[str]:
    """``fronted_group_prepositions`` of ``resources/entity_rules.json``."""
    return frozenset(load("entity_rules.json", ("fronted_group_prepositions",))["fronted_group_prepositions"])


def fronted_group(st: "DocState", subj: Token, qtoks) -> Optional[dict]:
    """"For core-aged men, the rate fell to 4.1%": the object of a "for"/"among" phrase
    (``resources/entity_rules.json``) that opens the subject's clause before a subject naming only a
    measure (``measure_heads`` of ``resources/syntax.json``); ``None`` otherwise."""
    if subj.lemma_.lower() not in st.syntax.measure_heads and subj.lower_ not in st.syntax.measure_heads:
        return None
    verb = subj.head
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in _fronted_preps() or c.i >= subj.i:
            continue
        for p in c.children:
            if p.dep_ == "pobj" and p.i not in qtoks and p.i not in st.token_q and p.i not in st.time_tokens \
                    and p.lower_ not in st.syntax.pronouns:
                return ent_mention(st, p) or np_entity(st, p, qtoks)
    return None


#: the tagger's common-noun tags
_COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})


def tagged_common(span) -> bool:
    """True for a named-entity span that is only a sentence's capitalised first word the tagger
    reads as a common noun ("Gift" of "Gift spending is forecast at ...", labelled PERSON): no
    name, so neither a named candidate nor a name that keeps the article's topics out."""
    return len(span) == 1 and span[0].is_sent_start and span[0].tag_ in _COMMON_NOUN_TAGS
