"""The ``claimx_cues`` component: hedge cues (modality) and attribution cues (source),
found by :mod:`claimx.cues`."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..cues import find_attributions, find_hedges
from ..lexicons import from_dir, load_default
from ..assembly.context import doc_text
from .context import context_of

__all__ = ["CueFinder", "find_attributions", "find_hedges", "make_cues"]


class CueFinder:
    """Stores hedge and attribution cues on ``doc._.claimx_cues`` as
    ``{"hedges": [...], "attributions": [...]}`` (lists of dicts, offsets into ``doc.text``)."""

    def __init__(self, nlp: Language, name: str, lexicon_dir: Optional[str] = None) -> None:
        self.name = name
        self.lexicons = from_dir(lexicon_dir) if lexicon_dir else load_default()
        self.cues = self.lexicons.cues

    # serialisation: the lexicon travels with the pipeline (nlp.to_disk / spacy.load)
    def to_disk(self, path, *, exclude=tuple()) -> None:
        """Write the lexicons in use to ``path/cues.json`` and ``path/syntax.json``."""
        self.lexicons.to_dir(path)

    def from_disk(self, path, *, exclude=tuple()) -> "CueFinder":
        """Load the lexicons of folder ``path`` (:func:`claimx.lexicons.from_dir`; raises
        ``pydantic.ValidationError`` if a file is invalid)."""
        self.lexicons = from_dir(path)
        self.cues = self.lexicons.cues
        return self

    def __call__(self, doc: Doc) -> Doc:
        if context_of(doc).quantities == ():  # the Extractor found nothing to claim here
            doc._.claimx_cues = {"hedges": [], "attributions": []}
            return doc
        doc._.claimx_cues = {
            "hedges": find_hedges(doc_text(doc), self.cues),
            "attributions": find_attributions(doc, self.cues) if doc.has_annotation("DEP") else [],
        }
        return doc


@Language.factory("claimx_cues", assigns=["doc._.claimx_cues"], requires=["token.dep"],
                  default_config={"lexicon_dir": None})
def make_cues(nlp: Language, name: str, lexicon_dir: Optional[str]) -> CueFinder:
    """Factory of the cue component (hedges and attributions from ``cues.json``: the packaged one, or
    that of ``lexicon_dir``, see :func:`claimx.lexicons.from_dir`)."""
    return CueFinder(nlp, name, lexicon_dir)
