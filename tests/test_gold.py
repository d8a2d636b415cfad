"""Regression floors on the seed gold and the cases, scored by the project scorer.

The floors only go up: when a change raises a figure, raise its floor here in the same commit.
"""

from __future__ import annotations

import pytest

from claimx.evaluate import cases_to_gold, load_claims, score
from tests.conftest import CASES, SEED, SEED_GOLD, claims_of

# Seed article (docs/GOLD.md; 15 required claims).
SEED_FLOORS = {"f1": 1.0, "strict_f1": 1.0}
SEED_SLOT_FLOORS = {"value": 1.0, "unit": 1.0, "comparator": 1.0}
# corpus/cases/cases.jsonl (90 cases).
CASES_FLOORS = {"f1": 1.0, "strict_f1": 0.96}
CASES_SLOT_FLOORS = {"value": 1.0, "unit": 1.0, "comparator": 1.0, "modality": 1.0, "kind": 1.0, "entity": 0.98,
                     "metric": 0.97, "timeframe": 1.0, "hedge": 1.0, "attribution": 1.0}


@pytest.fixture(scope="module")
def seed_report(golden_extraction):
    text = SEED.read_text(encoding="utf-8")
    pred = claims_of(golden_extraction, [SEED.stem])  # extractor.extract(text, doc_id=SEED.stem), shared
    return score(load_claims(SEED_GOLD), pred), pred, text


@pytest.fixture(scope="module")
def cases_report(golden_extraction):
    gold, by_id = cases_to_gold(CASES)
    # each case extracted with its reference date, shared with the other tests of the session
    pred = claims_of(golden_extraction, by_id)
    return score(gold, pred), pred, by_id


def test_seed_floors(seed_report):
    report, _, _ = seed_report
    assert report.f1 >= SEED_FLOORS["f1"], report.false_positives + report.false_negatives
    assert report.strict_f1 >= SEED_FLOORS["strict_f1"]


@pytest.mark.parametrize("slot", sorted(SEED_SLOT_FLOORS))
def test_seed_quantity_slots(seed_report, slot):
    report, _, _ = seed_report
    assert report.slots[slot].accuracy >= SEED_SLOT_FLOORS[slot], [e for e in report.slot_errors]


def test_seed_offsets_point_at_the_text(seed_report):
    _, pred, text = seed_report
    assert pred, "the seed must produce claims"
    for c in pred:
        for key in ("quantity", "entity", "metric", "timeframe", "hedge", "attribution", "reference", "sentence"):
            m = c.get(key)
            if m and m.get("start_char") is not None:
                assert text[m["start_char"]:m["end_char"]] == m["text"], (key, m)


def test_cases_floors(cases_report):
    report, _, _ = cases_report
    assert report.f1 >= CASES_FLOORS["f1"]
    assert report.strict_f1 >= CASES_FLOORS["strict_f1"]


@pytest.mark.parametrize("slot", sorted(CASES_SLOT_FLOORS))
def test_cases_slots(cases_report, slot):
    report, _, _ = cases_report
    assert report.slots[slot].accuracy >= CASES_SLOT_FLOORS[slot], [e for e in report.slot_errors if any(x.slot == slot for x in e.errors)]


def test_cases_offsets_and_not_claims(cases_report):
    _, pred, by_id = cases_report
    for c in pred:
        text = by_id[c["doc_id"]]["text"]
        q = c["quantity"]
        assert text[q["start_char"]:q["end_char"]] == q["text"]
    hits = []
    for c in pred:
        case = by_id[c["doc_id"]]
        q = c["quantity"]
        for nc in case.get("not_claims", []):
            start = case["text"].find(nc)
            if start >= 0 and start < q["end_char"] and q["start_char"] < start + len(nc):
                hits.append((c["doc_id"], nc, q["text"]))
    assert hits == []
