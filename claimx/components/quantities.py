"""The ``claimx_quantities`` component: the regex quantity grammar over ``doc.text``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


SPAN_KEY = "claimx_quantities"


class QuantityFinder:
    """Stores the quantities of ``doc.text`` on ``doc._.claimx_quantities`` (list of dicts with
    the fields of :class:`claimx.grammar.types.QuantityMatch`) and as spans in
    ``doc.spans["claimx_quantities"]`` labelled with their unit (``COUNT`` for plain counts).

    Quantities precomputed by :class:`claimx.Extractor` (``doc._.claimx_context["quantities"]``)
    are reused instead of scanning again.
    """

    def __init__(self, nlp: Language, name: str, *, currency_hint: str | None = None) -> None:
        self.name = name
        self.currency_hint = currency_hint

    def __call__(self, doc: Doc) -> Doc:
        from ..grammar.quantities import find_quantities, guess_currency_hint
        from ..pipeline import _match_to_dict

        ctx = doc._.claimx_context or {}
        found = ctx.get("quantities")
        if found is None:
            hint = ctx.get("currency_hint") or self.currency_hint or guess_currency_hint(doc.text)
            found = [_match_to_dict(m) for m in find_quantities(doc.text, currency_hint=hint)]
        doc._.claimx_quantities = found
        spans = []
        for q in found:
            span = doc.char_span(q["start_char"], q["end_char"], label=q.get("unit") or "COUNT", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    "claimx_quantities",
    assigns=["doc._.claimx_quantities"],
    default_config={"currency_hint": None},
)
def make_quantities(nlp: Language, name: str, currency_hint: str | None) -> QuantityFinder:
    """Factory of the quantity component; ``currency_hint`` (ISO 4217) resolves ``$``/``¥``."""
    return QuantityFinder(nlp, name, currency_hint=currency_hint)
