"""Modality cues beyond ``cues.json`` and the scope rules of the modality slot, read from
``claimx/resources/modality_rules.json`` (docs/GOLD.md's development-corpus conventions)."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ...lexicons import read_json

__all__ = ["load_modality_rules", "extra_cues", "estimate_over_modal", "crosses_report_clause", "intention_modalities"]


@lru_cache(maxsize=1)
def load_modality_rules() -> dict:
    """The rules of ``resources/modality_rules.json`` with compiled patterns (cached).

    :raises KeyError: when a required key is missing from the file.
    """
    raw = read_json("modality_rules.json")
    for side in ("after", "before"):
        for r in raw[side]:
            r["re"] = regex.compile("(?i)" + r["pattern"])
    raw["report_re"] = regex.compile("(?i)" + raw["report_clause"])
    return raw


def intention_modalities() -> frozenset[str]:
    """Modalities of intention cues ("plans to") that do not hedge their own subject."""
    return frozenset(load_modality_rules()["intention_modalities"])


def extra_cues(text: str, lo: int, hi: int, q: dict) -> list[dict]:
    """Cues for quantity ``q`` in the sentence ``text[lo:hi]`` that ``cues.json`` lacks, as hedge
    dicts (``text, start_char, end_char, modality, negated``). A cue after the number carries
    ``after_of`` = the quantity's start (it hedges that quantity only)."""
    rules = load_modality_rules()
    out: list[dict] = []
    for r in rules["after"]:
        m = r["re"].match(text, q["end_char"], hi)
        if m:
            out.append({"text": m.group(1), "start_char": m.start(1), "end_char": m.end(1), "modality": r["modality"],
                        "negated": False, "after_of": q["start_char"]})
    for r in rules["before"]:
        m = r["re"].search(text, lo, q["start_char"])
        if m:
            out.append({"text": m.group(1), "start_char": m.start(1), "end_char": m.end(1), "modality": r["modality"],
                        "negated": False})
    return out


def estimate_over_modal(text: str, hedges: list[dict], best: dict) -> dict:
    """"Toyota estimates that duties will cost it 1.45 trillion yen": an estimate verb whose
    "that" clause holds the modal is the claim's modality."""
    verbs = set(load_modality_rules()["estimate_verbs"])
    for h in hedges:
        if h["end_char"] <= best["start_char"] and h is not best and h["text"].lower() in verbs \
                and regex.match(r"\s+that\b", text[h["end_char"]:best["start_char"]]):
            return h
    return best


def crosses_report_clause(text: str, a: int, b: int) -> bool:
    """True when a reporting clause (", the OECD said,") stands between a cue and the number."""
    return bool(load_modality_rules()["report_re"].search(text, a, b))
