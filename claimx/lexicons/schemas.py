"""Schemas of the lexicon files (pydantic, unknown keys rejected): ``cues.json`` and ``syntax.json``."""

from __future__ import annotations

from typing import Collection, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["HedgeGroup", "CueLexicon", "SyntaxLexicon", "lower_words"]

W = TypeVar("W", bound=Collection[str])


def lower_words(words: W, what: str) -> W:
    """``words`` unchanged if every one is lower case and not blank.

    :raises ValueError: naming ``what`` and the offending words.
    """
    bad = [w for w in words if w != w.lower() or not w.strip()]
    if bad:
        raise ValueError(f"{what} must be lower case and non-empty: {bad}")
    return words


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
        return lower_words(v, "cue words")


class SyntaxLexicon(BaseModel):
    """Schema of ``syntax.json``: the word classes the claim assembly uses; unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)
    source: str = Field(alias="_source", min_length=1)
    entity_labels: frozenset[str]
    pronouns: frozenset[str]
    linking_verbs: frozenset[str]
    measure_heads: frozenset[str]
    time_nouns: frozenset[str]
    anaphoric_nouns: frozenset[str]
    not_metric_before: frozenset[str]
    anaphoric_determiners: frozenset[str]

    @field_validator("pronouns", "linking_verbs", "measure_heads", "time_nouns", "anaphoric_nouns",
                     "not_metric_before", "anaphoric_determiners")
    @classmethod
    def _lower(cls, v: frozenset[str]) -> frozenset[str]:
        return lower_words(v, "words")
