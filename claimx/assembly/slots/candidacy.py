"""Candidacy: whether a quantity is a claim at all (not an attributive, vague, list or page number,
part of a time expression or an anaphoric repeat)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..syntax import governing_verb, span_root
from ..words import dependency_class, pattern, word_class

if TYPE_CHECKING:
    from ..context import DocState, SentenceInfo

# spaCy label classes of resources/assembly_words.json
_DETERMINER_DEPS = dependency_class("determiner")

_LIST_NUMBER = regex.compile(r"[.)](?:\s|$)")
#: "Page 3 of", "slide 2 /": the number is a place in a document
_PAGE_OF = pattern("page_of")
#: units of a duration ("over five years") and the verbs whose object a duration can be
_DURATION_UNITS = word_class("duration_units")
_DURATION_VERBS = word_class("duration_verbs")
#: "over", "within", ... at the start of a duration quantity
_PERIOD_LEAD = pattern("period_lead")


def is_skipped(st: "DocState", q: dict, s: "SentenceInfo") -> bool:
    """True when quantity record ``q`` of sentence ``s`` is not a claim."""
    form = q.get("form")
    if form == "attributive":
        # "a 10-year bond": a property of a noun, not a statement that a number holds
        return True
    if form in ("vague", "scale_adjective") and not st.include_vague:
        return True
    # "£3.4bn over five years": a period, not a claim (but "the strike lasted over five years" is)
    if q.get("unit") in _DURATION_UNITS and _PERIOD_LEAD.match(q["text"]):
        span = st.doc.char_span(q["start_char"], q["end_char"], alignment_mode="expand")
        verb = governing_verb(st, span_root(span)) if span is not None else None
        if verb is None or verb.lemma_.lower() not in _DURATION_VERBS:
            return True
    if q.get("unit") is None and q.get("form") == "digits":
        line_start = st.text.rfind("\n", 0, q["start_char"]) + 1
        if not st.text[line_start:q["start_char"]].strip() and _LIST_NUMBER.match(st.text, q["end_char"]):
            return True  # "1. Introduction", "2) Methods": list and section numbering
        if _PAGE_OF.search(st.text, max(0, q["start_char"] - 30), q["start_char"]):
            return True  # "Page 3 of 12"
    # "in the second half of 2024": part of a time expression
    if any(t["start_char"] < q["end_char"] and q["start_char"] < t["end_char"] for t in s.timeframes):
        return True
    # anaphoric repeat: "this 1.2 trillion yuan", "these two" (a determiner, not "found that 42%")
    span = st.doc.char_span(q["start_char"], q["end_char"], alignment_mode="expand")
    if span is not None and span.start > 0:
        prev = st.doc[span.start - 1]
        if prev.lower_ in st.syntax.anaphoric_determiners and prev.dep_ in _DETERMINER_DEPS and prev.head.i >= span.start:
            return True
    return False
