"""Changes carried over a gapped coordination: "GDP is expected to grow 2.4% in 2025 and 1.7% in
2026", "sensors are projected to rise 10.4% and analog chips 7.5%", "farmers must cut their use by
80%, breeders by 50%", "added 463,000 jobs, or 2.4%".

The second number has no verb of its own: it shares the change verb (and direction) of the
change before it. A finite verb in between ("rose 5% and profit was $3 billion") stops it, and so
does an end point after a stated difference ("rose 5% to $10 billion and exports 3% to $4 billion":
``$4 billion`` stays a level). Coordinators are ``gap_coordinators`` of
``resources/kind_rules.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..slots.kind_rules import load_kind_rules

if TYPE_CHECKING:
    from ..context import DocState, SentenceInfo

__all__ = ["gapped_changes"]

# what may stand between a hedged number and a gapped one that shares its cue: the first one's
# period, then "and"/"or", up to three words and a preposition ("by 2027 and 5 million"); wider
# gaps ("30% of power, and wind 20%") lowered modality on corpus/dev's check part
MODAL_GAP = regex.compile(r"(?i)(?:\s+(?:in|by|for|over)\s+[\w'’-]+)?\s*,?\s+(?:and|or)\s+(?:[\w'’.-]+\s+){0,3}?(?:(?:to|by|at)\s+)?")


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
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def gapped_changes(st: "DocState", s: "SentenceInfo", sent_claims: list[tuple[int, dict]], absorbed: set) -> None:
    """Make a level claim of ``sent_claims`` a change when it is gapped after a change claim of
    the same sentence (see the module docstring); changes the claim dicts in place. (The hedge is
    not carried the same way: on corpus/dev that lowered modality on the check part.)"""
    coord = "|".join(load_kind_rules()["gap_coordinators"])
    gap = regex.compile(
        r"(?i)^(?:\s+[\w'’-]+){0,2}?"                      # "jobs", "in 2025", "annually"
        r"(?:\s+(?:in|by|over|during)\s+[\w'’-]+){0,1}"
        r"(?P<end>\s+to\s+Q)?"                              # the first change's end point
        r"(?:\s*,\s*rather\s+than\s+Q\s*)?"
        rf"\s*(?:,\s*(?P<c1>{coord})?|(?P<c2>{coord}))\s+"
        r"(?:[\w'’.-]+\s+){0,4}?(?P<prep>(?:to|by|at)\s+)?$")
    claims = [(qi, c) for qi, c in sent_claims if qi not in absorbed]
    for n, (qi, claim) in enumerate(claims):
        if n and claim.get("modality") == "asserted" and claims[n - 1][1].get("hedge"):
            # "will create 2 million jobs by 2027 and 5 million by 2030": the cue too
            prev = claims[n - 1][1]
            a, b = prev["quantity"]["end_char"], claim["quantity"]["start_char"]
            between = _between(st, s, a, b)
            if b - a <= 60 and regex.fullmatch(MODAL_GAP, between) and not _has_verb(st, a, b):
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
