"""Slot behaviours found by probing with made-up news sentences (central banks, statistics offices,
company results, energy agencies): timeframe, kind, modality and attribution. One behaviour per
test, each on two sentences written for it (none from the corpora)."""

from __future__ import annotations

import pytest

from tests.conftest import one

REF = "2025-06-15"


def claim(extractor, text, qty, ref=REF):
    return one(extractor.extract(text, reference_date=ref), qty)


def tf(extractor, text, qty):
    c = claim(extractor, text, qty)
    return (c.timeframe.value, c.timeframe.relation) if c.timeframe else None


@pytest.mark.parametrize("text,qty,expected", [
    ("Revenue rose 6% in 2024 from a year earlier, to $3 billion.", "$3 billion", ("2024", "in")),
    ("Exports fell 4% in 2023 compared with a year earlier to $20 billion.", "$20 billion", ("2023", "in")),
])
def test_an_end_point_after_a_comparison_base_shares_the_change_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The jobless rate was up 0.4 points at 5.1% in 2024.", "0.4 points", ("2024", "in")),
    ("Net profit dropped 11% at 2.2 billion euros in the first quarter of 2025.", "11%", ("2025-Q1", "in")),
])
def test_a_change_takes_the_period_of_its_end_point_after_at(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected
