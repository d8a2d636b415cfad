"""The learned chooser for the metric and entity slots: a linear score over candidate features.

The weights are ``resources/slot_weights.json`` (fitted on the tune documents of ``corpus/dev`` by
``scripts/train_slots.py``; loaded once). ``score(c) = sum(weight[f] * c.features[f])``, plus
``rule_margin`` for the rule chooser's own pick (another candidate must beat it by that much); the
highest-scoring candidate wins, ties to the earlier one (the rule's pick comes first). A slot whose
weights are missing or marked ``"use": false`` keeps the rule chooser's pick. No dependency beyond
the standard library at inference.

For training, :data:`RECORDER` may be set to a list: every decision then appends
``{"slot", "doc_text", "quantity", "candidates": [(mention, features), ...]}``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Optional

from .candidates import Candidate

#: set to a list to record every decision (training only)
RECORDER: Optional[list] = None

WEIGHTS_FILE = "resources/slot_weights.json"


@lru_cache(maxsize=1)
def load_weights() -> dict:
    """``{"metric": {"use": bool, "weights": {feature: float}}, "entity": {...}}`` from
    ``claimx/resources/slot_weights.json``; ``{}`` when the file is absent.

    :raises ValueError: for a file whose slots lack ``weights``.
    """
    f = resources.files("claimx").joinpath(WEIGHTS_FILE)
    if not f.is_file():
        return {}
    raw = json.loads(f.read_text(encoding="utf-8"))
    for slot in ("metric", "entity"):
        if slot in raw and not isinstance(raw[slot].get("weights"), dict):
            raise ValueError(f"{WEIGHTS_FILE}: '{slot}' has no 'weights' table")
    return raw


def enabled(slot: str) -> bool:
    """True when the learned chooser decides ``slot``."""
    return bool(load_weights().get(slot, {}).get("use", False))


def score(c: Candidate, weights: dict) -> float:
    """The linear score of one candidate."""
    get = weights.get
    return sum([get(k, 0.0) * v for k, v in c.features.items()])


def choose(slot: str, cands: list[Candidate], *, doc_text: str = "", quantity: Optional[dict] = None) -> Optional[Candidate]:
    """The best candidate for ``slot`` under the fitted weights (``None`` without candidates)."""
    if RECORDER is not None:
        RECORDER.append({"slot": slot, "doc_text": doc_text, "quantity": dict(quantity or {}),
                         "candidates": [(dict(c.mention), dict(c.features)) for c in cands]})
    if not cands:
        return None
    table = load_weights().get(slot, {})
    weights, margin = table.get("weights", {}), float(table.get("rule_margin", 0.0))
    best, best_score = None, None
    for c in cands:
        s = score(c, weights) + (margin if "rule" in c.sources else 0.0)
        if best_score is None or s > best_score + 1e-12:
            best, best_score = c, s
    return best
