"""Hedge cues (modality) and attribution cues (source) of a text or a parsed Doc.

Pure functions over the cue lexicon (:mod:`claimx.lexicons`); the ``claimx_cues`` component
(:mod:`claimx.components.cues`) stores what they find on the Doc.
"""

from __future__ import annotations

import string
import weakref
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Optional

import regex
from spacy.attrs import POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from .assembly.context import doc_text
from .lexicons import CompiledCues, load_default, read_json


@lru_cache(maxsize=1)
def attribution_rules() -> dict[str, Any]:
    """The rules of ``resources/attribution_rules.json``, compiled once (cached): ``prep_end``
    (where an "according to X" cue ends, a compiled pattern), ``deps`` (dependency class name ->
    frozenset of spaCy labels) and the word classes as frozensets.

    :raises KeyError: when a required key is missing from the file.
    """
    raw = read_json("attribution_rules.json")
    return {
        "prep_end": regex.compile(raw["prep_cue_end"]),
        "deps": {name: frozenset(labels) for name, labels in raw["dependency_classes"].items()},
        **{key: frozenset(raw[key]) for key in ("cue_pos", "modifier_not_a_source", "dummy_subjects", "personal_pronouns")},
        "conjoined_gap": int(raw["conjoined_gap"]),
        "noun_read_verb": {key: frozenset(v) for key, v in raw["noun_read_verb"].items()},
    }


#: the characters outside ASCII that the ``regex`` module matches to an ASCII letter when it ignores
#: case (KELVIN SIGN, CAPITAL I WITH DOT ABOVE, SMALL LONG S; the second is also the one character
#: whose ``lower()`` is two characters long)
_FOLDS_TO_ASCII = frozenset("\u212a\u0130\u017f")
#: characters that are word characters (or the apostrophe) for the hedge pattern's look-behind
_WORD_BEFORE = frozenset(string.ascii_letters + string.digits + "_'")
#: cue lexicon -> the first words of its hedge cues (``None``: a cue that is not ASCII)
_FIRST_WORDS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _hedge_first_words(cues: CompiledCues) -> Optional[tuple[str, ...]]:
    """The first words of the hedge cues of ``cues`` (lowercase), worked out once per lexicon;
    ``None`` when a cue is not ASCII (its case-insensitive matches are then not looked up)."""
    if cues not in _FIRST_WORDS:
        words = {" ".join(cue.split()).split(" ")[0] for cue in cues.hedge_modality}
        _FIRST_WORDS[cues] = tuple(sorted(words)) if all(w.isascii() and w for w in words) else None
    return _FIRST_WORDS[cues]


def _hedge_matches(text: str, cues: CompiledCues) -> Iterator[Any]:
    """``cues.hedge_re.finditer(text)``, the pattern tried only where one of its cues' first words
    starts (found with ``str.find`` in the lowercased text) after no ASCII word character: every
    match starts with the first word of one of its alternatives, so no match is missed, and trying
    those places left to right past each match's end gives finditer's matches. A text holding a
    character that ignoring case matches to an ASCII letter (or a lexicon with a cue that is not
    ASCII) is scanned whole."""
    firsts = _hedge_first_words(cues)
    if firsts is None or not _FOLDS_TO_ASCII.isdisjoint(text):
        yield from cues.hedge_re.finditer(text)
        return
    low = text.lower()
    starts = set()
    for word in firsts:
        i = low.find(word)
        while i >= 0:
            if i == 0 or low[i - 1] not in _WORD_BEFORE:
                starts.add(i)
            i = low.find(word, i + 1)
    end = 0
    match = cues.hedge_re.match
    for i in sorted(starts):
        if i >= end:
            m = match(text, i)
            if m is not None:
                end = m.end()
                yield m


def find_hedges(text: str, cues: Optional[CompiledCues] = None) -> list[dict]:
    """Hedge cues in ``text``: dicts ``{text, start_char, end_char, modality, negated}``.

    A negation just before the cue ("is not expected to") is kept visible: it is included in the
    cue's text and ``negated`` is True.
    """
    cues = cues or load_default().cues
    out = []
    for m in _hedge_matches(text, cues):
        start = m.start()
        negated = False
        neg = cues.negation_re.search(text, max(0, start - 20), start)
        if neg:
            negated = True
            start = neg.start()
            # "isn't expected": the cue starts at the word the "n't" is glued to
            while start > 0 and text[start - 1].isalpha():
                start -= 1
        out.append({
            "text": text[start:m.end()], "start_char": start, "end_char": m.end(),
            "modality": cues.modality_of(m.group()), "negated": negated,
        })
    return out


def _subject(verb: Token) -> Optional[Token]:
    subject = attribution_rules()["deps"]["subject"]
    for c in verb.children:
        if c.dep_ in subject:
            return c
    return None


def _cue_pos_tokens(doc: Doc, cue_pos: frozenset) -> list[int]:
    """Indices of the tokens of ``doc`` whose coarse POS is in ``cue_pos``, read from one
    ``to_array`` (most tokens are no verb: they need no Token object)."""
    ids = frozenset(POS_IDS[p] for p in cue_pos if p in POS_IDS)
    if not len(doc) or not ids:
        return []
    return [i for i, p in enumerate(doc.to_array(POS).tolist()) if p in ids]


def _noun_read_verbs(doc: Doc, cues: CompiledCues, rules: dict[str, Any]) -> list[int]:
    """Indices of the evidence verbs of ``doc`` the parser read as a noun heading a clause, with a
    subject and a clausal complement of their own ("Data compiled by Bloomberg show that ...":
    ``noun_read_verb`` of the rules file)."""
    nrv, deps = rules["noun_read_verb"], rules["deps"]
    out = []
    for i in _cue_pos_tokens(doc, nrv["pos"]):
        tok = doc[i]
        if tok.lower_ in cues.evidence_verbs and tok.dep_ in nrv["deps"] \
                and any(c.dep_ in deps["subject"] for c in tok.children) \
                and any(c.dep_ in deps["finite_complement"] for c in tok.children):
            out.append(i)
    return out


def find_attributions(doc: Doc, cues: Optional[CompiledCues] = None) -> list[dict]:
    """Attribution cues of a parsed ``doc``: dicts ``{text, start_char, end_char}``.

    Finds "according to X" (up to the next comma or the end of the sentence), "X said/says/
    reported/remarked ..." with X the verb's subject, evidence verbs ("statistics show",
    "the survey found") when their subject is a source noun or they govern a clause, and
    phrases such as "X put the figure at".
    """
    cues = cues or load_default().cues
    rules = attribution_rules()
    deps = rules["deps"]
    text = doc_text(doc)
    out = []
    for m in cues.attribution_prep_re.finditer(text):
        # searched in place from the cue on (a slice of the rest of the text per cue was quadratic)
        end_m = rules["prep_end"].search(text, m.end())
        end = end_m.start() if end_m else len(text)
        if end > m.end():
            out.append({"text": text[m.start():end].rstrip(), "start_char": m.start(), "end_char": m.start() + len(text[m.start():end].rstrip())})
    # phrase cues do not overlap (finditer) and come sorted: the one holding a token is found by bisection
    phrase_spans = [(m.start(), m.end()) for m in cues.attribution_phrase_re.finditer(text)]
    phrase_starts = [a for a, _ in phrase_spans]

    def phrase_at(idx: int) -> Optional[tuple[int, int]]:
        k = bisect_right(phrase_starts, idx) - 1
        return phrase_spans[k] if k >= 0 and idx < phrase_spans[k][1] else None

    for i in _cue_pos_tokens(doc, rules["cue_pos"]) + _noun_read_verbs(doc, cues, rules):
        tok = doc[i]
        low = tok.lower_
        if low not in cues.attribution_verbs and phrase_at(tok.idx) is None:
            continue
        if tok.dep_ in deps["modifier_of_a_noun"] and low in rules["modifier_not_a_source"]:
            continue
        if any(c.dep_ in deps["passive"] for c in tok.children):
            # passive: "X is expected to", "it is estimated that" name no source
            continue
        subj = _subject(tok)
        if subj is None and tok.dep_ in deps["conjoined_verb"] and tok.head.pos_ in rules["cue_pos"]:
            # "The central bank kept rates unchanged and said inflation would ...": the first verb's subject
            subj = _subject(tok.head)
            if subj is not None and tok.i - subj.right_edge.i > rules["conjoined_gap"]:
                subj = None  # too far for one cue span
        if subj is None or subj.lower_ in rules["dummy_subjects"]:
            # "It is estimated that ...": no source is named
            continue
        phrase = phrase_at(tok.idx)
        in_phrase = phrase is not None
        # "The IMF's report shows public debt at 93%": an evidence verb whose subject is a source
        # noun reports its object
        evidence = low in cues.evidence_verbs and bool({subj.lower_, subj.lemma_.lower()} & cues.source_nouns)
        if not in_phrase and not evidence and any(c.dep_ in deps["direct_object"] for c in tok.children) and not any(
                c.dep_ in deps["clausal_complement"] for c in tok.children):
            # "Vireo TV added 850k subscribers", "the firm reported revenue of $5bn": the verb of
            # the claim itself, not a source cue
            continue
        has_clause = any(c.dep_ in deps["reported_clause"] for c in tok.children) or tok.dep_ in deps["side_clause"] or (
            tok.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in tok.children))
        is_parenthetical = tok.dep_ in deps["reporting_head"] and any(
            c.dep_ in deps["finite_complement"] for c in tok.children) or (tok.dep_ == "ccomp" and tok.i > tok.head.i)
        subj_words = {t.lower_ for t in subj.subtree} | {subj.lemma_.lower()}
        if low in cues.evidence_verbs and not (subj_words & cues.source_nouns or has_clause):
            continue
        if low not in cues.evidence_verbs and not (in_phrase or has_clause or is_parenthetical or subj.ent_type_ or subj.lower_ in rules["personal_pronouns"]
                                                   or subj_words & cues.source_nouns or tok.dep_ in deps["clause_head"]):
            continue
        start = subj.left_edge.idx
        end = tok.idx + len(tok.text)
        if subj.i > tok.i:
            # '..., said Jane Doe, the finance chief.', '"...," said the minister.': the verb first
            last = subj
            for c in subj.rights:
                if c.dep_ in deps["subject_trailer"]:
                    break  # "said Jane Doe, the finance chief": the name, not its appositive
                last = c.right_edge
            start, end = tok.idx, last.idx + len(last.text)
        if phrase is not None:
            end = phrase[1]
        # "pointed out"
        for c in tok.rights:
            if c.dep_ == "prt" and c.i == tok.i + 1:
                end = c.idx + len(c.text)
        if end - start > 160:
            continue
        out.append({"text": text[start:end], "start_char": start, "end_char": end})
    out.sort(key=lambda a: a["start_char"])
    # drop overlaps, keep the first
    kept = []
    for a in out:
        if kept and a["start_char"] < kept[-1]["end_char"]:
            continue
        kept.append(a)
    return kept
