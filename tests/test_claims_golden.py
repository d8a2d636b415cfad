"""Every claim of the seed, the cases and the development corpus, byte for byte (see tests/golden_claims.py)."""

from __future__ import annotations

import difflib

from tests.golden_claims import GOLDEN, golden_lines


def test_claims_golden(extractor):
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    got = golden_lines(extractor)
    if got != expected:
        diff = list(difflib.unified_diff(expected, got, "golden", "now", lineterm="", n=0))
        raise AssertionError(f"{len(diff)} diff lines; regenerate with 'python -m tests.golden_claims --write' "
                             "only if the change is deliberate:\n" + "\n".join(diff[:40]))
