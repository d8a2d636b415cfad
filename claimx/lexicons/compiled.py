"""Compiled forms of the cue lexicon: the regexes and sets the cue finder and the assembly match with,
built once per lexicon."""

from __future__ import annotations

import regex

from .schemas import CueLexicon

__all__ = ["CompiledCues"]


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
