"""The ``claimx_claims`` component: claim assembly from quantities, timeframes and cues."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import from_dir, load_default


class ClaimAssembler:
    """Assembles claims (see :mod:`claimx.assembly`) and stores them as dicts on
    ``doc._.claimx_claims_data``; ``doc._.claims`` returns them as :class:`claimx.models.Claim`.

    Runs the quantity/timeframe/cue components' work itself if they are not in the pipeline.
    """

    def __init__(self, nlp: Language, name: str, *, include_vague: bool = False,
                 lexicon_dir: Optional[str] = None) -> None:
        self.name = name
        self.include_vague = include_vague
        self.lexicon_dir = lexicon_dir
        self.lexicons = from_dir(lexicon_dir) if lexicon_dir else load_default()

    def to_disk(self, path, *, exclude=tuple()) -> None:
        """Write the lexicons the assembly uses to ``path`` (``cues.json``, ``syntax.json``)."""
        self.lexicons.to_dir(path)

    def from_disk(self, path, *, exclude=tuple()) -> "ClaimAssembler":
        """Load the lexicons of folder ``path`` (see :func:`claimx.lexicons.from_dir`)."""
        self.lexicons = from_dir(path)
        self.lexicon_dir = str(path)
        return self

    def __call__(self, doc: Doc) -> Doc:
        from ..assembly import assemble

        ctx = doc._.claimx_context or {}
        quantities = doc._.claimx_quantities
        if quantities is None:
            from .quantities import QuantityFinder
            QuantityFinder(None, "claimx_quantities")(doc)
            quantities = doc._.claimx_quantities
        if not quantities:
            doc._.claimx_claims_data = []
            return doc
        timeframes = doc._.claimx_timeframes
        if timeframes is None:
            from .timeframes import TimeframeFinder
            TimeframeFinder(None, "claimx_timeframes")(doc)
            timeframes = doc._.claimx_timeframes
        cues = doc._.claimx_cues
        if cues is None:
            from .cues import CueFinder
            CueFinder(None, "claimx_cues", self.lexicon_dir)(doc)
            cues = doc._.claimx_cues
        include_vague = ctx.get("include_vague", self.include_vague)
        doc._.claimx_claims_data = assemble(doc, quantities, timeframes, cues, include_vague=include_vague,
                                             lexicon=self.lexicons.cues, prior_periods=ctx.get("prior_periods"),
                                             article_topics=ctx.get("article_topics"))
        return doc


@Language.factory(
    "claimx_claims",
    assigns=["doc._.claimx_claims_data"],
    requires=["token.dep", "token.pos", "doc.ents"],
    default_config={"include_vague": False, "lexicon_dir": None},
)
def make_claims(nlp: Language, name: str, include_vague: bool, lexicon_dir: Optional[str]) -> ClaimAssembler:
    """Factory of the claim assembler; ``include_vague`` keeps vague amounts and figures of speech;
    ``lexicon_dir`` a custom lexicon folder (see :func:`claimx.lexicons.from_dir`)."""
    return ClaimAssembler(nlp, name, include_vague=include_vague, lexicon_dir=lexicon_dir)
