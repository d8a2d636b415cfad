"""Sentence pass: a quantity that restates the one before it measures the same thing.

Four kinds of expression, patterns in ``resources/assembly_words.json``:

* "Q1, or Q2" (``restatement_gap``): the same figure in another unit ("revenue grew by $3
  million, or 4%"; "a revision of $45 billion, or 7 percentage points"; "a cut of 400 jobs, or
  3%", the noun the first one counts between them; not "an average of $965 each, or $4.4 billion
  in total");
* "Q1, a Q2 <change noun>" (``appositive_article_gap`` then ``change_noun_after``): a change
  stated in apposition to a level ("incidence reached 711 cases per 100,000, a 572% increase on
  2018");
* "..., while that of <group> held at Q2" (``demonstratives_of``: the subject "that"/"those" with
  an "of" phrase): the measure of the claim before it, for another group ("the jobless rate among
  young men rose to 10.2%, while that of young women held at 9.3%");
* "Q1 more/fewer than the Q2 <noun>" (``more_than_base``, both counts): the difference counts what
  the base counts ("40,000 more than the 310,000 visitors it counted in 2022" -> "visitors").

The later claim takes the earlier one's metric (when it has one; a difference takes its base's);
its entity is left to the entity slot. The pass runs with the other sentence passes and leaves the
metric as the ``_restates`` key of the claim: the assembly puts it in place after the learned
chooser (as it does the rules of :mod:`claimx.assembly.metric_topic`), so the chooser decides the
claim as before; later claims are offered the restated metric as their carried candidate.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..mentions import tmention
from ..syntax import SUBJ_DEPS, np_bounds, span_root
from ..words import dependency_class, pattern, template, word_class

if TYPE_CHECKING:
    from ..context import DocState, SentenceInfo

_RESTATEMENT_GAP = pattern("restatement_gap")
_ARTICLE_GAP = pattern("appositive_article_gap")
_DEMONSTRATIVES_OF = word_class("demonstratives_of")
_MORE_THAN = pattern("more_than_base")
_CLAUSE_LINK_DEPS = dependency_class("clause_link")


@lru_cache(maxsize=4)
def _change_noun_after(words: frozenset[str]) -> regex.Pattern:
    """``change_noun_after`` for the change nouns ``words`` of the lexicon in use."""
    return regex.compile(template("change_noun_after", change_nouns="|".join(
        regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))))


def _that_of(st: "DocState", start: int, end: int) -> bool:
    """True when "that"/"those" with an "of" phrase stands in ``text[start:end]`` as a subject or
    right after a clause link ("while", "and", a comma: the parser sometimes reads it as a clause)."""
    span = st.doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(
        t.lower_ in _DEMONSTRATIVES_OF and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        and (t.dep_ in SUBJ_DEPS or (t.i > 0 and t.nbor(-1).dep_ in _CLAUSE_LINK_DEPS)) for t in span)


def _without_pps(st: "DocState", m: dict) -> dict:
    """Mention ``m`` without the prepositional phrases of its head ("vacancy rate of office
    towers" -> "vacancy rate"): "that of retail parks" names another group of the same measure."""
    span = st.doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand") \
        if m.get("start_char") is not None else None
    if span is None or not len(span):
        return dict(m)
    first, last = np_bounds(span_root(span), pps=())
    cut = tmention(st, max(first, span.start), min(last, span.end - 1))
    return cut or dict(m)


def restated(st: "DocState", s: "SentenceInfo", sent_claims: list[tuple[int, dict]]) -> None:
    """Mark each claim of ``sent_claims`` (one sentence's, in text order) that restates the claim
    just before it with that claim's metric (a copy, key ``_restates``); claims are changed in place."""
    for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
        if not a.get("metric"):
            continue
        qa, qb, ma = a["quantity"], b["quantity"], a["metric"]
        start = qa["end_char"]
        if ma.get("start_char") is not None and ma["start_char"] >= start and not st.text[start:ma["start_char"]].strip():
            start = ma["end_char"]  # the noun the first one counts: "400 jobs, or roughly 3%"
        between = st.text[start:qb["start_char"]]
        if _RESTATEMENT_GAP.fullmatch(between) or (_ARTICLE_GAP.fullmatch(between) and _change_noun_after(
                frozenset(st.cues.change_noun_direction)).match(st.text, qb["end_char"], s.end)):
            b["_restates"] = dict(ma)
        elif _that_of(st, qa["end_char"], qb["start_char"]):
            b["_restates"] = _without_pps(st, ma)
    for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
        # "almost three million more than the 14.5 million visitors": the count of the base
        qa, qb, mb = a["quantity"], b["quantity"], b.get("metric")
        if mb and mb.get("start_char") is not None and mb["start_char"] >= qb["end_char"] and qa.get("unit") is None \
                and qb.get("unit") is None and _MORE_THAN.fullmatch(st.text, qa["end_char"], qb["start_char"]):
            a["_restates"] = dict(mb)
