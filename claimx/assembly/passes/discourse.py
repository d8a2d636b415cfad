"""Discourse passes: the entity a sentence is about (its topic), pronoun resolution, and carrying an
entity over from earlier claims of the sentence or earlier sentences of the paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..mentions import ent_mention, mention, np_entity
from ..syntax import span_root
from ..slots.confidence import inferred_penalty
from ..source_phrases import is_source
from ..words import dependency_class, label_class

if TYPE_CHECKING:
    from ..context import DocState, SentenceInfo

# spaCy label classes of resources/assembly_words.json
_NOMINAL_SUBJECT_DEPS = dependency_class("nominal_subject")

#: the entity labels a sentence topic may carry (places, organisations, products)
_TOPIC_LABELS = label_class("sentence_topic")


def sentence_topic(st: "DocState", s: "SentenceInfo") -> Optional[dict]:
    """The entity a later sentence may carry over: the subject of the main clause when it is a
    named entity, else the first GPE/ORG of the sentence that is not only a source of figures
    ("Earlier data from the Office des Changes had pointed ...": :mod:`claimx.assembly.source_phrases`)."""
    root = span_root(s.span)
    definite = None
    for c in root.children:
        if c.dep_ in _NOMINAL_SUBJECT_DEPS:
            ent = ent_mention(st, c)
            if ent is not None:
                return ent
            if c.pos_ == "NOUN" and any(d.lower_ == "the" for d in c.children if d.dep_ == "det") \
                    and c.i not in st.token_q and c.lemma_.lower() not in st.syntax.measure_heads:
                # "The carrier said ...": a definite description names the topic too
                definite = np_entity(st, c, set())
    for ent in s.ents:
        if ent.label_ in _TOPIC_LABELS and not is_source(span_root(ent)):
            return mention(st.text, ent.start_char, ent.end_char)
    return definite


def resolve_pronoun(st: "DocState", claim: dict, s: "SentenceInfo", previous: list[dict], last_entity: Optional[dict]) -> Optional[dict]:
    """"its revenue", "it had": the entity of the sentence's previous claim, else the nearest
    named entity before the claim, else the paragraph's topic."""
    for other in reversed(previous):
        if other.get("entity"):
            e = dict(other["entity"])
            return e
    pos = claim["quantity"]["start_char"]
    if claim.get("metric") and claim["metric"].get("start_char") is not None:
        pos = min(pos, claim["metric"]["start_char"])
    best = None
    for ent in s.ents:
        if ent.label_ in st.syntax.entity_labels and ent.end_char <= pos:
            best = mention(st.text, ent.start_char, ent.end_char)
    if best is not None:
        best["inferred"] = False
        return best
    if last_entity is not None:
        return dict(last_entity, inferred=True)
    return None


def carry_over(st: "DocState", s: "SentenceInfo", claim: dict, pronoun: bool, done: list[dict],
               topic: Optional[dict], last_entity: Optional[dict]) -> None:
    """Fill ``claim["entity"]`` when the sentence gave it none: a pronoun's referent; else the entity
    of an earlier claim of the sentence (``done``); else the sentence's own ``topic`` before the
    quantity; else the paragraph's ``last_entity`` (``inferred=True``, lower confidence)."""
    if pronoun and claim.get("entity") is None:
        claim["entity"] = resolve_pronoun(st, claim, s, done, last_entity)
    if claim.get("entity") is None:
        # an earlier claim of the same sentence names it ("..., and traffic could rise to 11 million")
        prev = next((c["entity"] for c in reversed(done) if c.get("entity")), None)
        if prev is not None:
            claim["entity"] = dict(prev)
        elif topic is not None and topic["end_char"] <= claim["quantity"]["start_char"] and not (
                claim.get("metric") and claim["metric"]["start_char"] <= topic["start_char"] < claim["metric"]["end_char"]):
            # the sentence's own topic ("The carrier said fuel costs fell 11%")
            claim["entity"] = dict(topic, inferred=False)
        elif last_entity is not None:
            claim["entity"] = {"text": last_entity["text"], "start_char": last_entity["start_char"],
                               "end_char": last_entity["end_char"], "inferred": True}
    if claim.get("entity") and claim["entity"].get("inferred"):
        claim["confidence"] = inferred_penalty(claim["confidence"])
