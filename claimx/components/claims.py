"""The ``claimx_claims`` component: claim assembly from quantities, timeframes and cues."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..assembly import assemble
from ..assembly.context import doc_text
from ..cues import find_attributions, find_hedges
from ..lexicons import from_dir, load_default
from .context import context_of
from .records import quantity_records, timeframe_records


class ClaimAssembler:
    """Assembles claims (see :mod:`claimx.assembly`) and stores them as dicts on
    ``doc._.claimx_claims_data``; ``doc._.claims`` returns them as :class:`claimx.models.Claim`.

    Does the quantity/timeframe/cue components' work itself if they are not in the pipeline (their
    results are then used, not stored).
    """

    def __init__(self, nlp: Language, name: str, *, include_vague: bool = False,
                 lexicon_dir: Optional[str] = None) -> None:
        self.name = name
        self.nlp = nlp
        self.include_vague = include_vague
        self.lexicon_dir = lexicon_dir
        self.lexicons = from_dir(lexicon_dir) if lexicon_dir else load_default()
        self._cue_pipes_key: Optional[tuple] = None
        self._cue_pipes_found: tuple = ()

    def cue_lexicons(self):
        """The lexicons whose cues the assembly reads (a :class:`claimx.lexicons.Lexicons`).

        This component's own when it was given a folder (``lexicon_dir`` or :meth:`from_disk`);
        else those of the pipeline's ``claimx_cues`` component when there is one, so that a custom
        ``cues.json`` loaded into the cue finder alone is used by the assembly as well; else the
        packaged ones."""
        if self.lexicon_dir is None and self.nlp is not None:
            for pipe in self._cue_pipes():
                found = getattr(pipe, "lexicons", None)
                if found is not None:
                    return found
        return self.lexicons

    def _cue_pipes(self) -> tuple:
        """The pipeline's ``claimx_cues`` components, in order; looked up again only when the
        pipeline's components change (the look-up by factory cost about 1% of the assembly)."""
        pipes = tuple(pipe for _, pipe in self.nlp.pipeline)
        seen = self._cue_pipes_key
        # compared by identity; the pipes seen are held, so their ids are not reused meanwhile
        if seen is None or len(seen) != len(pipes) or any(a is not b for a, b in zip(seen, pipes)):
            self._cue_pipes_found = tuple(self.nlp.get_pipe(name) for name in self.nlp.pipe_names
                                          if self.nlp.get_pipe_meta(name).factory == "claimx_cues")
            self._cue_pipes_key = pipes
        return self._cue_pipes_found

    def to_disk(self, path, *, exclude=tuple()) -> None:
        """Write the lexicons the assembly uses to ``path`` (``cues.json``, ``syntax.json``)."""
        self.lexicons.to_dir(path)

    def from_disk(self, path, *, exclude=tuple()) -> "ClaimAssembler":
        """Load the lexicons of folder ``path`` (see :func:`claimx.lexicons.from_dir`)."""
        self.lexicons = from_dir(path)
        self.lexicon_dir = str(path)
        return self

    def __call__(self, doc: Doc) -> Doc:
        ctx = context_of(doc)
        # without the other claimx components in the pipeline, their work is done here
        quantities = doc._.claimx_quantities
        if quantities is None:
            quantities = list(ctx.quantities) if ctx.quantities is not None else quantity_records(doc_text(doc), ctx.currency_hint)
        if not quantities:
            doc._.claimx_claims_data = []
            return doc
        timeframes = doc._.claimx_timeframes
        if timeframes is None:
            timeframes = timeframe_records(doc_text(doc), ctx.reference_date)
        lexicons = self.cue_lexicons()
        cues = doc._.claimx_cues
        if cues is None:
            lexicon = lexicons.cues
            cues = {"hedges": find_hedges(doc_text(doc), lexicon),
                    "attributions": find_attributions(doc, lexicon) if doc.has_annotation("DEP") else []}
        include_vague = self.include_vague if ctx.include_vague is None else ctx.include_vague
        with _walked_once(doc):
            doc._.claimx_claims_data = assemble(doc, quantities, timeframes, cues, include_vague=include_vague,
                                                 lexicon=lexicons,
                                                 prior_periods=list(ctx.prior_periods),
                                                 article_topics=list(ctx.article_topics))
        return doc


@contextmanager
def _walked_once(doc: Doc) -> Iterator[None]:
    """While the assembly runs: a Doc whose noun chunks and token sentences come from one walk each.

    The assembly asks each sentence for its noun chunks once per quantity and slot, and each
    candidate token for its sentence; spaCy answers the first by walking the whole Doc and the
    second by walking to the sentence's ends and building two spans. Both answers depend only on
    the parse, which the assembly does not change, so they are worked out once here and spaCy's
    own iterator and hooks are put back afterwards. A Doc with its own "sent" hook keeps it.
    """
    iterator = doc.noun_chunks_iterator
    if iterator is not None:
        chunks = list(iterator(doc))
        doc.noun_chunks_iterator = lambda _doc: iter(chunks)
    hooked = "sent" not in doc.user_token_hooks and doc.has_annotation("SENT_START")
    if hooked:
        sents = list(doc.sents)
        of_token = [s for s in sents for _ in range(len(s))]
        doc.user_token_hooks["sent"] = lambda tok: of_token[tok.i]
    try:
        yield
    finally:
        doc.noun_chunks_iterator = iterator
        if hooked:
            del doc.user_token_hooks["sent"]


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
