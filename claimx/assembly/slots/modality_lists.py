"""The hedge of a list's header over its items: "The bank's revised projections are as follows:"
then "- 2026: 2.9%" (``list_item``, ``list_header_nouns``, ``list_header_lines`` of
``claimx/resources/modality_rules.json``)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from .modality_rules import load_modality_rules

if TYPE_CHECKING:
    from ..context import QuantityContext

__all__ = ["list_header_cue"]


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    rules = load_modality_rules()
    nouns = rules["list_header_nouns"]
    noun_re = regex.compile(r"(?i)\b(?:" + "|".join(f"(?P<n{i}>{k})" for i, k in enumerate(nouns)) + r")\b")
    return regex.compile(rules["list_item"]), noun_re, list(nouns.values()), int(rules["list_header_lines"])


def _header(text: str, line_start: int, item_re, max_lines: int) -> Optional[tuple[int, int]]:
    """(start, end) of the header line of the list whose item starts at ``line_start``: the nearest
    line before it that is neither blank nor an item, when it ends with a colon; else ``None``."""
    end = line_start - 1
    for _ in range(max_lines):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and not item_re.match(line):
            return (start, end) if line.rstrip().endswith(":") else None
        end = start - 1
    return None


def list_header_cue(ctx: "QuantityContext") -> Optional[dict]:
    """The cue of the header of the list item that holds ``ctx``'s quantity, as a hedge dict
    (``text, start_char, end_char, modality``): a hedge of the cue lexicon in the header line, else
    the last header noun of ``list_header_nouns``; ``None`` when the quantity is in no list item or
    the header names no cue."""
    item_re, noun_re, modalities, max_lines = _patterns()
    text, q = ctx.state.text, ctx.quantity
    line_start = text.rfind("\n", 0, q["start_char"]) + 1
    if not item_re.match(text, line_start, q["start_char"]):
        return None
    head = _header(text, line_start, item_re, max_lines)
    if head is None:
        return None
    hedges = [h for h in ctx.state.hedges if head[0] <= h["start_char"] and h["end_char"] <= head[1]]
    if hedges:
        h = hedges[-1]
        return {"text": h["text"], "start_char": h["start_char"], "end_char": h["end_char"], "modality": h["modality"]}
    found = list(noun_re.finditer(text, head[0], head[1]))
    if not found:
        return None
    m = found[-1]
    k = next(i for i, g in enumerate(m.groups()) if g is not None)
    return {"text": m.group(0), "start_char": m.start(), "end_char": m.end(), "modality": modalities[k]}
