"""The confidence slot: one number in [0, 1] from what the other slots found.

Start at 0.9 (0.4 for an approximate quantity); minus 0.1 when the metric is only the governing
verb; minus 0.2 when there is no metric; minus 0.1 when the entity is carried over (inferred).
"""

from __future__ import annotations

BASE = 0.9
APPROXIMATE = 0.4
METRIC_FROM_VERB = 0.1
NO_METRIC = 0.2
INFERRED_ENTITY = 0.1


def confidence(*, approximate: bool, metric_from_verb: bool, has_metric: bool) -> float:
    """The confidence of a claim before discourse passes, rounded to 3 decimals and clamped to [0, 1]."""
    value = APPROXIMATE if approximate else BASE
    if metric_from_verb:
        value -= METRIC_FROM_VERB
    if not has_metric:
        value -= NO_METRIC
    return round(max(0.0, min(1.0, value)), 3)


def inferred_penalty(value: float) -> float:
    """``value`` lowered for an entity carried over from an earlier sentence (rounded to 3 decimals)."""
    return round(value - INFERRED_ENTITY, 3)
