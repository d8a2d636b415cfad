"""Changes carried over a gapped coordination: "GDP is expected to grow 2.4% in 2025 and 1.7% in
2026", "sensors are projected to rise 10.4% and analog chips 7.5%", "farmers must cut their use by
80%, breeders by 50%", "added 463,000 jobs, or 2.4%".

The second number has no verb of its own: it shares the change verb (and direction) of the
change before it. A finite verb in between ("rose 5% and profit was $3 billion") stops it, and so
does an end point after a stated difference ("rose 5% to $10 billion and exports 3% to $4 billion":
``$4 billion`` stays a level). The first change's own period or base may stand before the
coordinator ("rose 0.3% on the month and 2.9% on the year", "grew 0.4% in the third quarter, and
1.2% from a year earlier"); a comparison word before the second number ("well below the 3%
inflation rate") makes it no gapped change. Coordinators are ``gap_coordinators`` of
``resources/kind_rules.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from functools import lru_cache

import regex

from ...grammar._resources import load
from ..slots.kind_rules import load_kind_rules
from ..words import compiled, pattern, pos_class, template, word_class

if TYPE_CHECKING:
    from ..context import DocState, SentenceInfo

# word and tag classes of resources/assembly_words.json
_INDEFINITE_ARTICLES = word_class("indefinite_articles")
_THING_POSSESSIVES = word_class("thing_possessives")

# spaCy label classes of resources/assembly_words.json
_NOUN_POS = pos_class("noun")
_VERB_POS = pos_class("verb")

__all__ = ["gapped_changes", "gapped_entities"]

# what may stand between a hedged number and a gapped one that shares its cue: the first one's
# period, then "and"/"or", up to three words and a preposition ("by 2027 and 5 million"); wider
# gaps ("30% of power, and wind 20%") lowered modality on corpus/dev's check part
MODAL_GAP = pattern("modal_gap")


def _between(st: "DocState", s: "SentenceInfo", a: int, b: int) -> str:
    """``text[a:b]`` with every quantity inside written ``Q``."""
    out, pos = [], a
    for o in s.quantities:
        if a <= o["start_char"] and o["end_char"] <= b:
            out.append(st.text[pos:o["start_char"]])
            out.append("Q")
            pos = o["end_char"]
    out.append(st.text[pos:b])
    return "".join(out)


def _has_verb(st: "DocState", a: int, b: int) -> bool:
    span = st.doc.char_span(a, b, alignment_mode="contract")
    return span is not None and any(t.pos_ in _VERB_POS for t in span)


def gapped_changes(st: "DocState", s: "SentenceInfo", sent_claims: list[tuple[int, dict]], absorbed: set) -> None:
    """Make a level claim of ``sent_claims`` a change when it is gapped after a change claim of
    the same sentence (see the module docstring); changes the claim dicts in place. (The hedge is
    not carried the same way: on corpus/dev that lowered modality on the check part.)"""
    # up to two words of the first change ("jobs", "in 2025", "annually"), its end point
    # ("to Q": group ``end``), a coordinator (``c1``/``c2``), a short phrase and a preposition
    gap = compiled(template("gapped_change", coord="|".join(load_kind_rules()["gap_coordinators"])))
    claims = [(qi, c) for qi, c in sent_claims if qi not in absorbed]
    for n, (qi, claim) in enumerate(claims):
        if n and claim.get("modality") == "asserted" and claims[n - 1][1].get("hedge"):
            # "will create 2 million jobs by 2027 and 5 million by 2030": the cue too
            prev = claims[n - 1][1]
            a, b = prev["quantity"]["end_char"], claim["quantity"]["start_char"]
            between = _between(st, s, a, b)
            if b - a <= 60 and MODAL_GAP.fullmatch(between) and not _has_verb(st, a, b):
                claim["modality"], claim["hedge"] = prev["modality"], dict(prev["hedge"])
        if claim["kind"] != "level" or n == 0:
            continue
        prev = next((c for _, c in reversed(claims[:n]) if c["kind"] == "change"), None)
        if prev is None or not prev.get("change"):
            continue
        a, b = prev["quantity"]["end_char"], claim["quantity"]["start_char"]
        if b - a > 80:
            continue
        m = gap.match(_between(st, s, a, b))
        if m is None or _has_verb(st, a, b):
            continue
        to_prep = bool(m.group("prep")) and m.group("prep").strip().lower() == "to"
        if to_prep and (m.group("end") or not (m.group("c1") or m.group("c2"))):
            # "fall another 4% in 2026, to 2,900 points": the change's own end point
            continue
        claim["kind"] = "change"
        claim["change"] = {"direction": prev["change"].get("direction"), "from_text": None}


# "..., livestock breeders by 50%", "... and analog chips 7.5%", "..., Nicaragua 157,573": after the
# previous quantity (and up to three words of its own: "annually", "in 2025"), a coordinator and a
# short noun phrase with no verb stand right before the gapped quantity (a preposition allowed)
_GAPPED_NAME = pattern("gapped_name")


@lru_cache(maxsize=1)
def _measure_nouns() -> frozenset[str]:
    """``measure_nouns`` of ``resources/slot_measures.json``."""
    return frozenset(load("slot_measures.json", ("measure_nouns",))["measure_nouns"])


def gapped_entities(st: "DocState", s: "SentenceInfo", sent_claims: list[tuple[int, dict]], absorbed: set) -> None:
    """"Farmers must cut their water use by 80%, livestock breeders by 50% and industry by 25%",
    "Mexico had 213,822 cases, Nicaragua 157,573": a quantity whose verb is gapped takes the noun
    phrase right before it as its entity (or, for a measure word, "and exports 3%", as its metric)
    and shares the metric of the claim before it. Changes the claim dicts in place."""
    from ..mentions import ent_mention, np_entity, tmention
    from ..slots.entity import entity_in_phrase
    from ..syntax import np_bounds, span_root

    claims = [(qi, c) for qi, c in sent_claims if qi not in absorbed]
    for (_, prev), (qi, claim) in zip(claims, claims[1:]):
        a, b = prev["quantity"]["end_char"], claim["quantity"]["start_char"]
        between = _between(st, s, a, b)
        m = _GAPPED_NAME.match(between) if b - a <= 60 and "Q" not in between else None
        if m is None or _has_verb(st, a, b):
            continue
        span = st.doc.char_span(a + m.start("np"), a + m.end("np"), alignment_mode="contract")
        if span is None or not len(span) or any(t.i in st.token_q or t.i in st.time_tokens for t in span):
            continue
        root = span_root(span)
        if root.pos_ not in _NOUN_POS or span[-1].pos_ not in _NOUN_POS \
                or span[0].lower_ in _INDEFINITE_ARTICLES or root.lower_ in st.cues.change_noun_direction:
            # ", a gain of 5.3 points" is an apposition, not a gapped verb
            continue
        measures = st.syntax.measure_heads | _measure_nouns()
        if root.lemma_.lower() in measures or root.lower_ in measures \
                or any(t.dep_ == "poss" and t.lower_ in _THING_POSSESSIVES for t in span):
            # "... and its net profit $310 mn": a second measure of the same entity
            first, last = np_bounds(root, pps=())
            claim["metric"] = tmention(st, max(first, span.start), min(last, span.end - 1))
            continue
        inner = entity_in_phrase(st, root, set())
        options = [inner if inner and inner.get("named") else None, ent_mention(st, root), np_entity(st, root, set()),
                   tmention(st, span.start, span.end - 1)]
        # the first reading inside the phrase (a name the tagger ran on over the numbers is cut back)
        ent = next((o for o in options if o and span.start_char <= o["start_char"] and o["end_char"] <= span.end_char), None)
        if ent is None:
            continue
        ent = {k: ent[k] for k in ("text", "start_char", "end_char")}
        claim["entity"] = dict(ent, inferred=False)
        pm = prev.get("metric")
        # the measure is shared, unless the previous claim's "metric" is the phrase the gapped one
        # stands parallel to ("sensors are projected to rise 10.4% and analog chips 7.5%")
        subj = _subject_of_claim(st, prev)
        if pm and not (subj is not None and pm["start_char"] <= subj.idx < pm["end_char"]):
            claim["metric"] = dict(pm)


def _subject_of_claim(st: "DocState", claim: dict):
    """The subject token of the verb that governs ``claim``'s quantity, or ``None``."""
    from ..syntax import governing_verb, q_root, subject_of

    span = st.doc.char_span(claim["quantity"]["start_char"], claim["quantity"]["end_char"], alignment_mode="expand")
    root = q_root(st.doc, set(range(span.start, span.end))) if span is not None else None
    verb = governing_verb(st, root) if root is not None else None
    return subject_of(verb) if verb is not None else None
