"""The ``claimx_claims`` component: claim assembly from quantities, timeframes and cues."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..cues import find_attributions, find_hedges
from ..lexicon import load_cues
from .context import context_of
from .records import quantity_records, timeframe_records


class ClaimAssembler:
    """Assembles claims (see :mod:`claimx.assembly`) and stores them as dicts on
    ``doc._.claimx_claims_data``; ``doc._.claims`` returns them as :class:`claimx.models.Claim`.

    Does the quantity/timeframe/cue components' work itself if they are not in the pipeline (their
    results are then used, not stored).
    """

    def __init__(self, nlp: Language, name: str, *, include_vague: bool = False) -> None:
        self.name = name
        self.include_vague = include_vague

    def __call__(self, doc: Doc) -> Doc:
        from ..assembly import assemble

        ctx = context_of(doc)
        # without the other claimx components in the pipeline, their work is done here
        quantities = doc._.claimx_quantities
        if quantities is None:
            quantities = list(ctx.quantities) if ctx.quantities is not None else quantity_records(doc.text, ctx.currency_hint)
        if not quantities:
            doc._.claimx_claims_data = []
            return doc
        timeframes = doc._.claimx_timeframes
        if timeframes is None:
            timeframes = timeframe_records(doc.text, ctx.reference_date)
        cues = doc._.claimx_cues
        if cues is None:
            lexicon = load_cues()
            cues = {"hedges": find_hedges(doc.text, lexicon),
                    "attributions": find_attributions(doc, lexicon) if doc.has_annotation("DEP") else []}
        include_vague = self.include_vague if ctx.include_vague is None else ctx.include_vague
        iterator = doc.noun_chunks_iterator
        if iterator is not None:
            # The assembly asks each sentence for its noun chunks once per quantity, and spaCy finds
            # a sentence's chunks by walking the whole Doc: walk it once, hand out the same chunks.
            chunks = list(iterator(doc))
            doc.noun_chunks_iterator = lambda _doc: iter(chunks)
        try:
            doc._.claimx_claims_data = assemble(doc, quantities, timeframes, cues, include_vague=include_vague,
                                                 prior_periods=list(ctx.prior_periods),
                                                 article_topics=list(ctx.article_topics))
        finally:
            doc.noun_chunks_iterator = iterator
        return doc


@Language.factory(
    "claimx_claims",
    assigns=["doc._.claimx_claims_data"],
    requires=["token.dep", "token.pos", "doc.ents"],
    default_config={"include_vague": False},
)
def make_claims(nlp: Language, name: str, include_vague: bool) -> ClaimAssembler:
    """Factory of the claim assembler; ``include_vague`` keeps vague amounts and figures of speech."""
    return ClaimAssembler(nlp, name, include_vague=include_vague)
