"""The ``claimx_timeframes`` component: time expressions with TIMEX3 values."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc


SPAN_KEY = "claimx_timeframes"


class TimeframeFinder:
    """Stores the time expressions of ``doc.text`` on ``doc._.claimx_timeframes`` (dicts with
    ``text, start_char, end_char, value, relation, anchor, offset_years``) and as spans in
    ``doc.spans["claimx_timeframes"]`` labelled with their relation.

    The reference date comes from ``doc._.claimx_context["reference_date"]`` (``YYYY-MM-DD``),
    else the component's ``reference_date`` setting, else none (``X`` digits).
    """

    def __init__(self, nlp: Language, name: str, *, reference_date: str | None = None) -> None:
        self.name = name
        self.reference_date = reference_date

    def __call__(self, doc: Doc) -> Doc:
        from ..grammar.timex import find_timeframes

        ctx = doc._.claimx_context or {}
        ref = ctx.get("reference_date") or self.reference_date
        ref_date = dt.date.fromisoformat(ref) if ref else None
        found = []
        spans = []
        for m in find_timeframes(doc.text, reference_date=ref_date):
            found.append({
                "text": m.text, "start_char": m.start_char, "end_char": m.end_char, "value": m.value,
                "relation": m.relation, "anchor": m.anchor, "offset_years": m.offset_years,
            })
            span = doc.char_span(m.start_char, m.end_char, label=m.relation, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc._.claimx_timeframes = found
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    "claimx_timeframes",
    assigns=["doc._.claimx_timeframes"],
    default_config={"reference_date": None},
)
def make_timeframes(nlp: Language, name: str, reference_date: str | None) -> TimeframeFinder:
    """Factory of the timeframe component; ``reference_date`` is a default ``YYYY-MM-DD``."""
    return TimeframeFinder(nlp, name, reference_date=reference_date)
