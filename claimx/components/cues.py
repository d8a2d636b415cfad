"""The ``claimx_cues`` component: hedge cues (modality) and attribution cues (source),
found by :mod:`claimx.cues`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..cues import find_attributions, find_hedges
from ..lexicon import CompiledCues, load_cues
from .context import context_of

__all__ = ["CueFinder", "find_attributions", "find_hedges", "make_cues"]


class CueFinder:
    """Stores hedge and attribution cues on ``doc._.claimx_cues`` as
    ``{"hedges": [...], "attributions": [...]}`` (lists of dicts, offsets into ``doc.text``)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.cues = load_cues()

    # serialisation: the lexicon travels with the pipeline (nlp.to_disk / spacy.load)
    def to_disk(self, path, *, exclude=tuple()) -> None:
        """Write the cue lexicon in use to ``path/cues.json``."""
        import json
        from pathlib import Path

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = self.cues.lexicon.model_dump(by_alias=True)
        (path / "cues.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()) -> "CueFinder":
        """Load and validate ``path/cues.json`` (raises ``pydantic.ValidationError`` if invalid)."""
        import json
        from pathlib import Path

        from ..lexicon import CueLexicon

        file = Path(path) / "cues.json"
        if file.exists():
            self.cues = CompiledCues(CueLexicon.model_validate(json.loads(file.read_text(encoding="utf-8"))))
        return self

    def __call__(self, doc: Doc) -> Doc:
        if context_of(doc).quantities == ():  # the Extractor found nothing to claim here
            doc._.claimx_cues = {"hedges": [], "attributions": []}
            return doc
        doc._.claimx_cues = {
            "hedges": find_hedges(doc.text, self.cues),
            "attributions": find_attributions(doc, self.cues) if doc.has_annotation("DEP") else [],
        }
        return doc


@Language.factory("claimx_cues", assigns=["doc._.claimx_cues"], requires=["token.dep"])
def make_cues(nlp: Language, name: str) -> CueFinder:
    """Factory of the cue component (hedges and attributions from ``claimx/resources/cues.json``)."""
    return CueFinder(nlp, name)
