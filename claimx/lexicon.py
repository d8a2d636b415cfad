"""The cue lexicon (``claimx/resources/cues.json``), validated on load and loaded once.

Hedge cues set a claim's modality, attribution verbs/prepositions mark its source, change verbs
and nouns give a change claim its direction. The file's ``_source`` key names the conventions it
follows. Matching is case-insensitive on word boundaries.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator


class HedgeGroup(BaseModel):
    """Cues of one modality."""

    model_config = ConfigDict(extra="forbid")
    modality: Literal["forecast", "estimate", "possible", "target"]
    cues: list[str] = Field(min_length=1)


class CueLexicon(BaseModel):
    """Schema of ``cues.json``; unknown keys are rejected."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    source: str = Field(alias="_source", min_length=1)
    hedges: list[HedgeGroup]
    negations: list[str]
    attribution_verbs: list[str]
    attribution_evidence_verbs: list[str]
    source_nouns: list[str]
    attribution_prepositions: list[str]
    change_verbs: dict[Literal["increase", "decrease"], list[str]]
    change_nouns: dict[Literal["increase", "decrease"], list[str]]
    rate_metrics: list[str]
    clause_boundaries: list[str]
    ratio_reference_heads: list[str]

    @field_validator("attribution_verbs", "source_nouns", "negations", "rate_metrics")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        bad = [w for w in v if w != w.lower() or not w.strip()]
        if bad:
            raise ValueError(f"cue words must be lower case and non-empty: {bad}")
        return v


def _alternation(words) -> str:
    # longest first so that "is expected to" wins over "expected to"
    parts = sorted({w.strip() for w in words}, key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in parts)


class CompiledCues:
    """Regexes and sets built once from a :class:`CueLexicon`."""

    def __init__(self, lex: CueLexicon) -> None:
        self.lexicon = lex
        self.hedge_modality: dict[str, str] = {}
        for group in lex.hedges:
            for cue in group.cues:
                self.hedge_modality[" ".join(cue.lower().split())] = group.modality
        self.hedge_re = regex.compile(
            r"(?<![\w'])(?:" + _alternation(self.hedge_modality) + r")(?![\w])", regex.IGNORECASE
        )
        self.negation_re = regex.compile(
            r"(?:\b(?:" + _alternation(w for w in lex.negations if w != "n't") + r")|n't)\s*$", regex.IGNORECASE
        )
        self.attribution_verbs = frozenset(w for w in lex.attribution_verbs if " " not in w)
        self.attribution_phrase_re = regex.compile(
            r"\b(?:" + _alternation(w for w in lex.attribution_verbs if " " in w) + r")\b", regex.IGNORECASE
        )
        self.evidence_verbs = frozenset(lex.attribution_evidence_verbs)
        self.source_nouns = frozenset(lex.source_nouns)
        self.attribution_prep_re = regex.compile(
            r"\b(?:" + _alternation(lex.attribution_prepositions) + r")\b", regex.IGNORECASE
        )
        self.change_verb_direction: dict[str, str] = {}
        for direction, words in lex.change_verbs.items():
            for w in words:
                self.change_verb_direction[w.lower()] = direction
        self.change_noun_direction: dict[str, str] = {}
        for direction, words in lex.change_nouns.items():
            for w in words:
                self.change_noun_direction[w.lower()] = direction
        self.rate_metric_re = regex.compile(r"\b(?:" + _alternation(lex.rate_metrics) + r")\b", regex.IGNORECASE)
        wordy = [b for b in lex.clause_boundaries if b[:1].isalnum()]
        punct = [b for b in lex.clause_boundaries if not b[:1].isalnum()]
        self.boundary_re = regex.compile(
            r"(?:" + _alternation(punct) + r")(?!\w)|(?<!\w)(?:" + _alternation(wordy) + r")(?!\w)",
            regex.IGNORECASE,
        )

    def modality_of(self, cue_text: str) -> str:
        """The modality of a matched hedge cue text."""
        return self.hedge_modality.get(" ".join(cue_text.lower().split()), "forecast")


@lru_cache(maxsize=1)
def load_cues() -> CompiledCues:
    """Load and validate ``claimx/resources/cues.json`` once; raises ``pydantic.ValidationError``."""
    raw = resources.files("claimx").joinpath("resources/cues.json").read_text(encoding="utf-8")
    return CompiledCues(CueLexicon.model_validate(json.loads(raw)))
