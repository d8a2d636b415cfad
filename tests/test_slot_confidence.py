"""The confidence slot (claimx.assembly.slots.confidence)."""

from __future__ import annotations

from claimx.assembly.slots.confidence import confidence, inferred_penalty


def test_a_plain_claim_with_a_metric_scores_the_base():
    assert confidence(approximate=False, metric_from_verb=False, has_metric=True) == 0.9


def test_an_approximate_claim_without_a_metric_scores_lowest():
    assert confidence(approximate=True, metric_from_verb=False, has_metric=False) == 0.2


def test_a_metric_from_the_verb_costs_a_tenth():
    assert confidence(approximate=False, metric_from_verb=True, has_metric=True) == 0.8


def test_an_inferred_entity_costs_a_tenth():
    assert inferred_penalty(0.9) == 0.8
