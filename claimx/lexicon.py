"""The cue and syntax lexicons under their first names; they now live in :mod:`claimx.lexicons`.

Hedge cues set a claim's modality, attribution verbs/prepositions mark its source, change verbs
and nouns give a change claim its direction (``cues.json``); ``syntax.json`` holds the word
classes of the claim assembly. Matching is case-insensitive on word boundaries.
"""

from __future__ import annotations

from .lexicons import CompiledCues, CueLexicon, HedgeGroup, SyntaxLexicon, load_default

__all__ = ["CompiledCues", "CueLexicon", "HedgeGroup", "SyntaxLexicon", "load_cues", "load_syntax"]


def load_cues() -> CompiledCues:
    """The packaged cue lexicon, compiled once (``load_default().cues``); raises
    ``pydantic.ValidationError`` if ``cues.json`` is invalid."""
    return load_default().cues


def load_syntax() -> SyntaxLexicon:
    """The packaged syntax lexicon (``load_default().syntax``); raises ``pydantic.ValidationError``
    if ``syntax.json`` is invalid."""
    return load_default().syntax
