"""The timeframe slot: when the claim holds (TIMEX3 values from the timeframe component, with the
period phrases and anaphors of :mod:`claimx.assembly.passes.periods`).

Time phrases that do not date the claim are left out (:mod:`.timeframe_scope`; words in
``resources/timeframes_context.json``):
one that dates a comparison base ("down 15% from the 2019 level", "43% higher than in 2019",
"the lowest since ... in 1976", "up 27% on the same period of 2024"), one inside a relative clause
("which ended on October 31", "when the rate was ..."), one that dates the report ("..., the
company reported on Wednesday"), one that belongs to another quantity ("from 1.1% in
February"), one in another clause (a present-tense relative clause holding the number, a
participle phrase the number is not in, a reason clause after a reporting clause, a fronted
adverbial clause that is no time clause; ``clause_scope`` in the resource file), and an ordinal
period that counts a streak ("fell for a fourth month"). A restatement after ", or" shares the
period of the figure it restates, and a "when" clause takes the period right before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import regex

from ..clauses import between_has_boundary, segment_bounds
from ..mentions import shift_timex
from ..syntax import span_root
from .modality_rules import present_appositive, restates
from .timeframe_lists import respective_timeframe
from .timeframe_marks import base_closed_before, currency_base, end_point_after, labels_next_figure, previous_part, streak
from .timeframe_scope import not_the_claims, owned_by_other, scope_patterns, time_patterns
from .timeframe_marks import slot_rules as _slot_rules

if TYPE_CHECKING:
    from ..context import QuantityContext


def _period_of_conjoined_verb(ctx: "QuantityContext", tfs: list) -> Optional[dict]:
    """The period of an earlier verb the quantity's verb is conjoined with, sharing its subject
    ("The plant treated 2.3 million tonnes of ore in the period, ..., and recovered 91.4% of the
    gold"): the time phrase must hang from that verb (not from a noun or another quantity)."""
    v = ctx.verb
    deps = _slot_rules()["deps"]
    if v is None or any(c.dep_ in deps["subject_or_expletive"] for c in v.children):
        return None
    chain = []
    while v.dep_ in deps["conjoined_or_adverbial_clause"] and v.head.i != v.i and len(chain) < 3:
        v = v.head
        chain.append(v)
    if not chain:
        return None
    doc = ctx.state.doc
    for t in tfs:
        if t.get("value") is None or t["end_char"] > ctx.quantity["start_char"] or not_the_claims(ctx, t) and not owned_by_other(ctx, t):
            continue
        span = doc.char_span(t["start_char"], t["end_char"], alignment_mode="expand")
        if span is None:
            continue
        top = span_root(span)
        attach = top.head if top.dep_ == "pobj" and top.head.dep_ == "prep" else top
        if attach.dep_ == "prep" and attach.head in chain or attach.dep_ in deps["attached_to_a_verb"] and attach.head in chain:
            return t
    return None


def _when_clause_antecedent(ctx: "QuantityContext", tfs: list) -> Optional[dict]:
    """The time phrase right before a "when" clause that holds ``ctx``'s quantity ("from A$2,441
    in the June quarter, when output had slipped to 62,535 ounces"): "when" takes it as its own."""
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    then_re = scope_patterns()["then_relative"]
    for t in reversed(tfs):
        if t["end_char"] > q["start_char"]:
            continue
        m = then_re.match(st.text, t["end_char"], q["start_char"])
        if m is None:
            return None
        if regex.search(r"[,;.]", st.text[m.end():q["start_char"]]) or any(
                m.end() <= o["start_char"] < q["start_char"] for o in s.quantities if o is not q):
            return None
        return t
    return None


_DATELINE = regex.compile(r"^\p{Lu}[\p{Lu}\s.,'’-]*(?:,[^—–]{0,30})?\s*[—–-]+\s*")
_COMMA_AFTER_WORDS = regex.compile(r"(?:\s+[\w'’-]+){0,5}?\s*,")
_COMMA_AFTER = regex.compile(r"\s*,")
_WORD_AFTER = regex.compile(r"\s+\p{L}")


def _is_head(ctx: "QuantityContext", t: dict) -> bool:
    """A sentence-initial time phrase ("In March, ...", "Over the first half of its financial
    year, ..."): only a preposition before it, and a comma after it within a few words."""
    st, s = ctx.state, ctx.sentence
    _, _, lead_re, _, _ = time_patterns()
    lead = st.text[s.start:t["start_char"]].strip(" \t\n\"“'‘(")
    # a dateline ("OTTAWA —", "NEW DELHI, March 3 (Reuters) -") is not part of the sentence
    lead = _DATELINE.sub("", lead)
    if not lead_re.match(lead):
        return False
    after = st.text[t["end_char"]:s.end]
    if not lead and t.get("relation") in ("in", "as_of") and _WORD_AFTER.match(after):
        # "In October the jobless rate rose to 6.9% while ...": the sentence opens with it
        return True
    return bool(_COMMA_AFTER_WORDS.match(after) or _COMMA_AFTER.match(after))


def _owned_by_closer(ctx: "QuantityContext", t: dict) -> bool:
    """True when a quantity with a verb of its own stands between ``ctx``'s quantity and the later
    timeframe ``t`` ("held rates at 4.5% and signalled it may cut them to 4% in July": July is the
    4%'s; a gapped figure, an end point or a base with no verb between share it)."""
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    for o in s.quantities:
        if o is q or not (q["end_char"] <= o["start_char"] and o["end_char"] <= t["start_char"]):
            continue
        span = st.doc.char_span(q["end_char"], o["start_char"], alignment_mode="contract")
        if span is not None and any(w.pos_ == "VERB" for w in span):
            return True
    return False


def timeframe(ctx: "QuantityContext", paragraph_time: Optional[str] = None) -> Optional[dict]:
    """The timeframe of ``ctx``'s quantity (a mention with ``value`` and ``relation``) or ``None``.

    A sentence-initial timeframe scopes over every clause; otherwise the nearest one in the
    quantity's own clause. Relative ones ("a year earlier") are resolved against the sentence's
    own timeframe, else ``paragraph_time`` (the paragraph's latest TIMEX3 value), else ``XXXX``.
    """
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    # "up 4 points from a year earlier": a comparison base, not when the claim holds
    base = _slot_rules()["comparison_base_before"]
    tfs = [t for t in s.timeframes if not (t.get("offset_years") is not None and base.search(st.text[s.start:t["start_char"]]))]
    if not tfs or present_appositive(ctx):  # "inflation, currently 3.2%, will fall to 2.5% by June"
        return None
    listed = respective_timeframe(ctx, tfs)
    if listed is not None:
        # "$3 million and $4 million in 2023 and 2024, respectively"
        return {k: listed.get(k) for k in ("text", "start_char", "end_char", "value", "relation")}
    text = st.text
    head = next((t for t in tfs if _is_head(ctx, t)), None)
    if head is not None and q["start_char"] < head["end_char"]:
        head = None
    tfs = [t for t in tfs if t is head or not not_the_claims(ctx, t)]
    own = None
    # nearest after, with no other quantity and no clause boundary in between
    others = [o for o in s.quantities if o is not q]
    for t in tfs:
        if t is head or t["start_char"] < q["end_char"]:
            continue
        if any(q["end_char"] <= o["start_char"] < t["start_char"] and not regex.search(
                r"(?i),\s*or\s+(?:\w+\s+)?$", text[q["end_char"]:o["start_char"]]) for o in others):
            # another quantity in between owns it, unless it restates this one ("X, or roughly 18%,")
            break
        if between_has_boundary(st, q["end_char"], t["start_char"]) and not restates(st, s, q["end_char"], t["start_char"]) \
                and not (not regex.search(r"[,;]", text[q["end_char"]:t["start_char"]]) and (
                    base_closed_before(ctx, q["end_char"], t) or currency_base(text, q["end_char"], t["start_char"]))):
            # "rise by 17.9 million barrels a day, or roughly 18%, between 2023 and 2050": the
            # restatement after ", or" does not end the clause
            break
        own = t
        break
    if own is None:
        for t in reversed(tfs):
            if t is head or t["end_char"] > q["start_char"]:
                continue
            if any(t["end_char"] <= o["start_char"] < q["start_char"] and not restates(st, s, o["end_char"], q["start_char"])
                   for o in others):
                # another quantity in between owns it, unless this one restates it ("net income
                # rose to $812 million, or $1.05 a share")
                break
            if end_point_after(text, t, q):
                # "fell 4% in 2023 compared with a year earlier, to $20 billion": the change's period
                own = t
                break
            if between_has_boundary(st, t["end_char"], q["start_char"]) and not restates(st, s, t["end_char"], q["start_char"]):
                break
            # a timeframe right after another quantity belongs to that one
            prev_q = [o for o in others if o["end_char"] <= t["start_char"]]
            if prev_q and not text[prev_q[-1]["end_char"]:t["start_char"]].strip(" ,") \
                    and not _slot_rules()["labels_next_figure"].fullmatch(text, t["end_char"], q["start_char"]):
                # ("..., Q2 at 6.3%": Q2 labels this one)
                break
            own = t
            break
    if own is None and head is None:
        # one timeframe in the same clause segment, not owned by a closer quantity
        seg_lo, seg_hi = segment_bounds(st, s, q["start_char"])
        cands = [t for t in tfs if seg_lo <= t["start_char"] < seg_hi and t.get("offset_years") is None
                 and t.get("relation") != "since" and not _owned_by_closer(ctx, t)]
        after_q = [t for t in cands if t["start_char"] >= q["end_char"]]
        if len(cands) == 1:
            own = cands[0]
        elif after_q:
            own = after_q[0]
    if own is None and head is None:
        own = _period_of_conjoined_verb(ctx, s.timeframes)
    then = _when_clause_antecedent(ctx, s.timeframes)
    if then is not None:
        own = then
    chosen = own or head
    if chosen is None:
        return None
    tf = {k: chosen.get(k) for k in ("text", "start_char", "end_char", "value", "relation")}
    if chosen.get("offset_years") is not None and chosen.get("value") is None:
        # "a year earlier", "that year": relative to the sentence's own timeframe, else to the
        # paragraph's latest one; X digits when there is none
        # the latest period named before it ("Exports fell 4% in 2023. The following year they
        # recovered 6%, and in 2025 ..." counts from 2023), else one after it in the sentence
        named = [t for t in s.timeframes if t is not chosen and t.get("value") and t.get("offset_years") is None]
        before = [t for t in named if t["end_char"] <= chosen["start_char"]]
        base = before[-1] if before else (None if paragraph_time else next(iter(named), None))
        base_value = base["value"] if base is not None else paragraph_time
        if base_value:
            tf["value"] = shift_timex(base_value, chosen["offset_years"])
            if base is not None and base.get("relation") in ("in", "as_of"):
                tf["relation"] = base["relation"]
        else:
            tf["value"] = "XXXX"
    prev = previous_part(ctx, chosen)
    if prev is not None:
        tf["value"] = prev
    if tf["value"] is None:
        return None
    return tf
