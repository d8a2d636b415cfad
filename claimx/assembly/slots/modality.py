"""The modality slot: ``asserted`` or the modality of the hedge cue that scopes over the quantity.

A target noun right after the figure ("the 100 GW target", ``names_the_figure`` in the rules)
names it, whatever cue stands before. Else the cue is the nearest one before the quantity in its
clause (a restatement after ", or" stays in scope; a cue heading a clause the quantity is not in does not count), else a cue after it that
governs it as subject, else the quantity's own verb, auxiliary or subject (``governing_verbs``,
``governing_auxes``, ``subject_cues`` in ``resources/modality_rules.json``), else an estimate or forecast verb of a
reporting clause that ends the sentence (", officials estimated."), else the cue of the header of the
list whose item holds the quantity ("The revised projections are as follows:").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from ..clauses import between_has_boundary
from ..syntax import span_root
from .modality_lists import list_header_cue
from .modality_rules import (base_after_figure, coordinated_infinitive, crosses_report_clause, dated_appositive, estimate_over_modal,
                             extra_cues, governing_cue, intention_modalities, load_modality_rules, out_of_scope,
                             own_finite_clause, present_appositive, report_after, restates, revision_on_its_own,
                             usable_hedges)

if TYPE_CHECKING:
    from ..context import DocState, QuantityContext, SentenceInfo


@dataclass
class ModalityResult:
    """The cue's ``modality``, the ``hedge`` mention and whether the cue is ``negated``."""

    modality: str
    hedge: dict
    negated: bool = False


def modality(ctx: "QuantityContext") -> Optional[ModalityResult]:
    """The modality of ``ctx``'s quantity from the nearest hedge cue before it in its clause (else a
    cue after it that governs it as subject); ``None`` when the claim is asserted."""
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    if present_appositive(ctx) or dated_appositive(ctx):
        return None
    best = None
    hedges = sorted(usable_hedges(st, s) + extra_cues(st.text, s.start, s.end, q, s), key=lambda h: h["start_char"])
    for h in hedges:
        if h["end_char"] > q["start_char"]:
            # a cue inside the quantity span ("an estimated 1,200" kept outside the span too)
            continue
        if (between_has_boundary(st, h["end_char"], q["start_char"]) and not restates(st, s, h["end_char"], q["start_char"])
                and not coordinated_infinitive(ctx, h)) \
                or crosses_report_clause(st.text, h["end_char"], q["start_char"]):
            continue
        if out_of_scope(ctx, h):
            continue
        best = h
    own = next((h for h in hedges if h.get("after_of") == q["start_char"] and h.get("names_the_figure")), None)
    if own is not None:
        # "Output will reach 120 GW, above the 100 GW target": the noun after the figure names it
        return ModalityResult(own["modality"], {k: own[k] for k in ("text", "start_char", "end_char")})
    if best is not None:
        best = estimate_over_modal(st.text, hedges, best)
    if best is not None and (revision_on_its_own(ctx, best) or base_after_figure(ctx, best)):
        return None
    if best is None:
        best = next((h for h in hedges if h.get("after_of") == q["start_char"]), None)
    if best is None and not own_finite_clause(ctx, set()):
        best = hedge_after(st, q, s)
    if best is None:
        best = governing_cue(ctx)
    if best is None:
        best = report_after(ctx)
    if best is None:
        best = list_header_cue(ctx)  # "The revised projections are as follows:" over "- 2026: 2.9%"
    if best is None:
        return None
    return ModalityResult(best["modality"], {"text": best["text"], "start_char": best["start_char"], "end_char": best["end_char"]},
                          bool(best.get("negated")))


def hedge_after(st: "DocState", q: dict, s: "SentenceInfo") -> Optional[dict]:
    """A cue after the quantity that governs it as subject: "Sales of 5 million units are
    expected in 2026", "Some 300 jobs could go"."""
    qspan = st.doc.char_span(q["start_char"], q["end_char"], alignment_mode="expand")
    if qspan is None:
        return None
    deps = load_modality_rules()["deps"]
    for h in usable_hedges(st, s):
        if h["start_char"] < q["end_char"] or between_has_boundary(st, q["end_char"], h["start_char"]):
            continue
        cue = st.doc.char_span(h["start_char"], h["end_char"], alignment_mode="expand")
        if cue is None:
            continue
        verb = span_root(cue)
        while verb.dep_ in deps["cue_to_its_governing_verb"] and verb.head.i != verb.i:
            verb = verb.head
        for c in verb.children:
            if c.dep_ in deps["subject"] and c.left_edge.i <= qspan.start and qspan.end - 1 <= c.right_edge.i:
                # "29% planned to spend less": the plan belongs to the metric, the share is asserted
                # "Some 45% of households expect prices to rise": so does an expectation
                believes = h["text"].lower() in load_modality_rules()["subject_belief_verbs"]
                return None if h["modality"] in intention_modalities() or believes else h
        return None
    return None
