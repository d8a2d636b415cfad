"""The ``claimx_timeframes`` component: time expressions with TIMEX3 values."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..assembly.context import doc_text
from .context import as_date, context_of
from .records import timeframe_records


SPAN_KEY = "claimx_timeframes"


class TimeframeFinder:
    """Stores the time expressions of ``doc.text`` on ``doc._.claimx_timeframes`` (dicts with
    ``text, start_char, end_char, value, relation, anchor, offset_years``) and as spans in
    ``doc.spans["claimx_timeframes"]`` labelled with their relation.

    The reference date comes from the Doc's :class:`~claimx.components.context.ClaimxContext`,
    else the component's ``reference_date`` setting (``YYYY-MM-DD``), else none (``X`` digits).
    Raises ``ValueError`` at construction for a malformed ``reference_date``.
    """

    def __init__(self, nlp: Language, name: str, *, reference_date: str | None = None) -> None:
        self.name = name
        self.reference_date = reference_date
        self._reference_date = as_date(reference_date)

    def __call__(self, doc: Doc) -> Doc:
        found = timeframe_records(doc_text(doc), context_of(doc).reference_date or self._reference_date)
        spans = []
        for t in found:
            span = doc.char_span(t["start_char"], t["end_char"], label=t["relation"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc._.claimx_timeframes = found
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    "claimx_timeframes",
    assigns=["doc._.claimx_timeframes", "doc.spans"],
    default_config={"reference_date": None},
)
def make_timeframes(nlp: Language, name: str, reference_date: str | None) -> TimeframeFinder:
    """Factory of the timeframe component; ``reference_date`` is a default ``YYYY-MM-DD``."""
    return TimeframeFinder(nlp, name, reference_date=reference_date)
