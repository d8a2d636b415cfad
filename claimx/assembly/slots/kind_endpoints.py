"""What the kind slot reads in the end point of a change after "to": a growth rate ("slow to 2%
growth", an increase: a growth rate is a change in the growth noun's direction, docs/GOLD.md).
Pattern from ``growth_after`` of ``resources/kind_rules.json``."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .kind_rules import load_kind_rules

__all__ = ["growth_after_rate"]


@lru_cache(maxsize=1)
def _rules() -> dict:
    raw = load_kind_rules()
    return {"growth_after": regex.compile(raw["growth_after"]), "growth_nouns": raw["growth_subjects"]}


def growth_after_rate(after: str, unit: Optional[str]) -> Optional[str]:
    """The direction of the growth noun right after a percentage ("to 2% growth" -> increase, "a
    1% contraction" -> decrease); ``None`` when the unit is not ``%`` or no growth noun follows."""
    if unit != "%":
        return None
    m = _rules()["growth_after"].match(after)
    return _rules()["growth_nouns"].get(m.group(1)) if m else None
