"""Entity candidates that name a measure, not who or what is measured.

The entity features (:mod:`claimx.assembly.candidates`) mark a candidate whose head is a measure
word (``measure_nouns`` of ``resources/slot_measures.json``); this module adds two kinds of
expression that list misses:

- a measured quantity or activity ("Full-time work drove the gain, climbing by 93,000", "total
  hours worked increased 1.3%", "Receipts were 43% higher"): ``measured_nouns`` of
  ``resources/entity_rules.json``, kept apart from the metric slot's measure words;
- the short form of a measure the text spells out ("all-in sustaining costs (AISC)", "at an AISC of
  A$2,194 an ounce"): an upper-case short form in brackets right after a phrase whose last word is
  a measure word.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex
from spacy.tokens import Token

from ..grammar._resources import load
from .syntax import is_measure_word

if TYPE_CHECKING:
    from .context import DocState

#: "sustaining costs (AISC)": a word, then an upper-case short form in brackets
_SHORT_FORM = regex.compile(r"([\p{L}-]+)\s*\((\p{Lu}[\p{Lu}\p{N}&]{1,7})\)")


@lru_cache(maxsize=1)
def measured_nouns() -> frozenset[str]:
    """``measured_nouns`` of ``resources/entity_rules.json``."""
    return frozenset(load("entity_rules.json", ("measured_nouns",))["measured_nouns"])


def measure_short_forms(st: "DocState") -> frozenset[str]:
    """The short forms the window's text defines for a measure ("AISC" of "all-in sustaining costs
    (AISC)"), worked out once per window."""
    cached = st.feature_cache.get("measure_short_forms")
    if cached is None:
        found = set()
        for m in _SHORT_FORM.finditer(st.text):
            word = m.group(1).lower()
            if word in measured_nouns() or any(is_measure_word(st, t) for t in _tokens_of(st, m.start(1), m.end(1))):
                found.add(m.group(2))
        cached = st.feature_cache["measure_short_forms"] = frozenset(found)
    return cached


def _tokens_of(st: "DocState", start: int, end: int) -> list[Token]:
    span = st.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def names_a_measure(st: "DocState", head: Optional[Token], text: str, inferred: bool = False) -> bool:
    """True when an entity candidate (its head token, ``None`` for one carried over without offsets,
    and its text) names a measured quantity or activity (``measured_nouns``; only in its own
    sentence, not ``inferred``: a phrase carried over stands for what an earlier sentence named, "The
    work took years") or is the short form of a measure the text defines ("AISC", "an AISC")."""
    if head is not None and not inferred and (head.lemma_.lower() in measured_nouns() or head.lower_ in measured_nouns()):
        return True
    words = text.split()
    return bool(words) and (head.text if head is not None else words[-1]) in measure_short_forms(st)


@lru_cache(maxsize=1)
def _quantifier_heads() -> frozenset[str]:
    return frozenset(load("entity_rules.json", ("quantifier_heads",))["quantifier_heads"])


def content_head(tok: Token) -> Token:
    """The noun a quantifier head stands for ("results" of "All of those quarterly results"; the
    ``quantifier_heads`` of ``resources/entity_rules.json``); ``tok`` itself otherwise."""
    if tok.lower_ in _quantifier_heads():
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
    return tok
