"""Every claim of the seed, the cases and the development corpus, byte for byte (see tests/golden_claims.py).

A failure shows the changed lines of the seed, the cases and the tune documents only; for the
development corpus's check documents it gives a count, so that a refactoring's diff never shows
check text to whoever tunes the rules (the check part is read only as aggregate figures).
"""

from __future__ import annotations

import difflib
import json

from tests.golden_claims import GOLDEN, ROOT


def _check_docs() -> frozenset[str]:
    split = json.loads((ROOT / "corpus" / "dev" / "split.json").read_text(encoding="utf-8"))
    return frozenset(split["check"])


def _is_check(line: str, check: frozenset[str]) -> bool:
    return json.loads(line).get("doc_id") in check


def shown_diff(expected: list[str], got: list[str], check: frozenset[str]) -> tuple[list[str], int]:
    """The unified diff of the lines not from a check document, and how many check lines differ."""
    shown = difflib.unified_diff([x for x in expected if not _is_check(x, check)],
                                 [x for x in got if not _is_check(x, check)], "golden", "now", lineterm="", n=0)
    hidden = difflib.unified_diff([x for x in expected if _is_check(x, check)],
                                  [x for x in got if _is_check(x, check)], lineterm="", n=0)
    n_hidden = sum(1 for d in hidden if d[:1] in "+-" and not d.startswith(("+++", "---")))
    return list(shown), n_hidden


def test_claims_golden(golden_extraction):
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    got = [line for lines in golden_extraction.values() for line in lines]  # golden_lines(extractor), shared
    if got != expected:
        diff, n_check = shown_diff(expected, got, _check_docs())
        raise AssertionError(f"{len(diff)} diff lines outside the check documents, {n_check} changed lines in "
                             "them (not shown); regenerate with 'python -m tests.golden_claims --write' only if "
                             "the change is deliberate:\n" + "\n".join(diff[:40]))


def test_check_lines_are_counted_not_shown():
    check = frozenset({"dX99"})
    old = [json.dumps({"doc_id": "dX99", "v": 1}), json.dumps({"doc_id": "t1", "v": 1})]
    new = [json.dumps({"doc_id": "dX99", "v": 2}), json.dumps({"doc_id": "t1", "v": 3})]
    diff, n_check = shown_diff(old, new, check)
    assert n_check == 2
    assert not any("dX99" in d for d in diff)
    assert any('"v": 3' in d for d in diff)
