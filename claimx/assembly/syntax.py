"""Syntax helpers over the dependency parse: noun-phrase bounds, the governing verb, its subject.

The dependency-label classes come from ``resources/assembly_words.json``
(:mod:`claimx.assembly.words`). The word classes of ``resources/syntax.json`` (entity labels,
pronouns; linking verbs, whose subject is what the number measures, "revenue reached $5bn", unlike
an actor's "Orion operates 120 data centres"; measure heads, "market size", whose noun compounds
name the thing measured; ...) are read from the lexicons in use, ``DocState.syntax``
(:attr:`claimx.lexicons.Lexicons.syntax`), not here.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Collection, Optional

from spacy.tokens import Doc, Span, Token

from ..grammar._resources import load
from .words import dependency_class, pos_class, word_class

if TYPE_CHECKING:
    from .context import DocState, SentenceInfo

# word and tag classes of resources/assembly_words.json
_NP_PREPS = word_class("noun_phrase_prepositions")

# spaCy label classes of resources/assembly_words.json
_COORDINATION_DEPS = dependency_class("coordination")
_DETERMINER_DEPS = dependency_class("determiner")
_NOUN_POS = pos_class("noun")
_NUMBER_MODIFIER_DEPS = dependency_class("number_modifier")
_OBJECT_DEPS = dependency_class("direct_object")
_VERB_POS = pos_class("verb")

#: the dependency labels of a verb's subject
SUBJ_DEPS = dependency_class("subject")
_LEFT_MOD_DEPS = dependency_class("noun_phrase_left_modifier")
_POSSESSIVE_DETS = word_class("possessive_determiners")
_NOT_GOVERNING = dependency_class("not_a_governing_verb")
_SUBJECT_CLIMB = dependency_class("subject_climb")


def np_bounds(
    tok: Token,
    *,
    keep_det: bool = False,
    keep_poss: bool = False,
    pps: Collection[str] = _NP_PREPS,
    exclude: frozenset[int] = frozenset(),
    max_right: Optional[int] = None,
) -> tuple[int, int]:
    """Token bounds (first, last) of the noun phrase headed by ``tok``.

    Left: the subtrees of its left modifiers (determiners and possessors only if asked). Right:
    the subtrees of prepositional children whose word is in ``pps``. Tokens in ``exclude`` (the
    quantity) cut the phrase at their edge.
    """
    first = tok.i
    for child in tok.lefts:
        if child.dep_ == "det" and not keep_det:
            continue
        if child.dep_ == "poss" and not keep_poss:
            continue
        if child.dep_ in _NUMBER_MODIFIER_DEPS and child.i in exclude:
            continue
        if child.dep_ not in _LEFT_MOD_DEPS and child.dep_ not in _COORDINATION_DEPS:
            continue
        first = min(first, child.left_edge.i)
        break
    # drop leading tokens that are excluded, determiners or possessors
    while first < tok.i:
        t = tok.doc[first]
        if t.i in exclude or (not keep_det and t.dep_ in _DETERMINER_DEPS) or t.is_punct:
            first += 1
            continue
        if not keep_poss and (t.dep_ == "poss" or t.tag_ == "POS" or (t.dep_ == "case" and t.head.dep_ == "poss")):
            first = _skip_possessor(tok.doc, first, tok.i)
            continue
        break
    # any excluded token inside: start after it
    for i in range(first, tok.i):
        if i in exclude:
            first = i + 1
    last = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in pps:
            r = child.right_edge.i
            if max_right is not None:
                r = min(r, max_right)
            # stop before a comma or an excluded token
            for j in range(child.i, r + 1):
                if tok.doc[j].text in (",", ";", "(") or j in exclude:
                    r = j - 1
                    # nor keep a preposition whose object was cut ("the average cost of a flat to")
                    while r > child.i and tok.doc[r].pos_ == "ADP":
                        r -= 1
                    break
            if r > child.i:
                last = max(last, r)
        elif child.dep_ == "compound" and child.i == last + 1:
            last = child.i
        else:
            break
    return first, last


def _skip_possessor(doc: Doc, first: int, head_i: int) -> int:
    """Index of the first token after a possessor phrase that starts at ``first``."""
    for j in range(first, head_i):
        if doc[j].tag_ == "POS" or doc[j].dep_ == "case" or doc[j].lower_ in _POSSESSIVE_DETS:
            return j + 1
    return first + 1


def governing_verb(st: "DocState", tok: Token) -> Optional[Token]:
    """The verb that governs ``tok``: the first VERB/AUX up its heads (not an auxiliary, not a
    quantity token), at most 12 steps; ``None`` when there is none."""
    t = tok
    seen = 0
    while seen < 12:
        seen += 1
        if t.pos_ in _VERB_POS and t.dep_ not in _NOT_GOVERNING and t.i not in st.token_q:
            return t
        if t.head.i == t.i:
            return t if t.pos_ in _VERB_POS else None
        t = t.head
    return None


def subject_of(verb: Token) -> Optional[Token]:
    """The subject of ``verb``, climbing xcomp/conj/advcl/ccomp/pcomp/acl heads (the object of the
    governing verb for an xcomp: "expects the economy to grow"); ``None`` when there is none."""
    v = verb
    for _ in range(6):
        subj = [c for c in v.children if c.dep_ in SUBJ_DEPS]
        if subj:
            # two subjects only when the parse is confused (a dateline "New Delhi, March 4 —
            # India approved ..."): the one next to the verb
            return min(subj, key=lambda c: abs(v.i - c.i))
        if v.dep_ in _SUBJECT_CLIMB and v.head.i != v.i:
            if v.dep_ == "acl" and v.head.pos_ in _NOUN_POS:
                return None
            if v.dep_ == "xcomp":
                # "expects the economy to grow": the object of the governing verb does it
                obj = [c for c in v.head.children if c.dep_ in _OBJECT_DEPS and c.i < v.i]
                if obj:
                    return obj[0]
            v = v.head
            continue
        break
    return None


def q_root(doc: Doc, qtoks) -> Optional[Token]:
    """The syntactic head of the quantity tokens ``qtoks`` (the right-most root: unit nouns head)."""
    if not qtoks:
        return None
    roots = [doc[i] for i in qtoks if doc[i].head.i not in qtoks or doc[i].head.i == i]
    if not roots:
        return doc[min(qtoks)]
    # prefer the syntactic head closest to the right (unit nouns head the phrase)
    return max(roots, key=lambda t: (t.dep_ not in ("punct",), t.i))


def token_before(pos: int, s: "SentenceInfo") -> Optional[Token]:
    """The last non-punctuation token that ends at or before ``pos`` in the sentence (of the tokens
    before the first one that ends after ``pos``)."""
    ends, words = s.token_ends
    k = bisect_right(ends, pos)
    return words[k - 1] if k else None


def mention_head(doc: Doc, m: Optional[dict]) -> Optional[Token]:
    """The root token (:func:`span_root`) of mention ``m`` (a dict with ``start_char``/``end_char``
    into ``doc``, the window the claim was assembled on), or ``None`` when ``m`` is ``None``, has no
    offsets or covers no token."""
    if not m or m.get("start_char") is None:
        return None
    span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
    return span_root(span) if span is not None and len(span) else None


def span_root(span: Span) -> Token:
    """``span.root``, or, when the parse tree is in an invalid state (spaCy's E039, seen on the
    tokens of "8 will\\n5x~"), the first token whose head lies outside the span or is itself."""
    try:
        return span.root
    except RuntimeError:
        for t in span:
            if t.head.i == t.i or not span.start <= t.head.i < span.end:
                return t
        return span[0]


_CLAUSE_HEAD_DEPS = dependency_class("clause_head")


def clause_head(tok: Token) -> Token:
    """The head of the clause holding ``tok``: the nearest token at or above it that heads a
    clause (the root, an adverbial, complement or relative clause, or a verb coordinated with
    another: ``clause_head`` of ``assembly_words.json``). An infinitive complement ("expected to
    grow") stays in its verb's clause."""
    t = tok
    for _ in range(40):
        if t.dep_ in _CLAUSE_HEAD_DEPS or t.head.i == t.i or (t.dep_ == "conj" and t.pos_ in _VERB_POS):
            return t
        t = t.head
    return t


@lru_cache(maxsize=1)
def _measure_nouns() -> frozenset[str]:
    return frozenset(load("slot_measures.json", ("measure_nouns",))["measure_nouns"])


def is_measure_word(st: "DocState", tok: Token) -> bool:
    """True when ``tok``'s lemma or lower-case form is a measure word: ``measure_nouns`` of
    ``resources/slot_measures.json`` or the pipeline's ``measure_heads`` (``syntax.json``, possibly a
    custom lexicon's): "rate", "prices", "output"."""
    heads = st.syntax.measure_heads
    nouns = _measure_nouns()
    lemma, low = tok.lemma_.lower(), tok.lower_
    return lemma in nouns or low in nouns or lemma in heads or low in heads
