"""The word test before the period patterns (claimx/assembly/passes/period_prefilter.py, needles
derived by claimx.assembly.pattern_needles): it never skips a text a pattern matches, and the
phrases it guards are still read."""

from __future__ import annotations

import json

import pytest

from claimx.assembly.passes.period_prefilter import Prefiltered, pattern_needles
from claimx.assembly.passes.period_rules import load_rules
from claimx.assembly.passes.periods import resolve_periods
from tests.conftest import ROOT, one


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "dev" / "docs").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    lines = (ROOT / "corpus" / "cases" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    return texts + [json.loads(line)["text"] for line in lines if line.strip()]


def _guarded() -> dict:
    patterns = load_rules()["patterns"]
    return {name: pattern_needles(p.pattern) for name, p in patterns.items() if pattern_needles(p.pattern)}


def test_the_needles_are_derived_from_the_patterns():
    guarded = _guarded()
    assert guarded["month_quarter"] == ("quarter",)
    assert guarded["season_relative"] == ("autumn", "fall", "spring", "summer", "winter")
    assert len(guarded) >= 25  # of some forty patterns


def test_every_match_in_the_corpora_holds_one_of_its_needles():
    patterns = load_rules()["patterns"]
    seen = 0
    for text in _texts():
        for name, words in _guarded().items():
            for m in patterns[name].finditer(text):
                seen += 1
                assert any(w in m.group(0).lower() for w in words), (name, m.group(0))
    assert seen > 30  # the corpora exercise the patterns


def test_a_text_with_a_letter_that_folds_to_ascii_is_always_scanned():
    patterns = load_rules()["patterns"]
    # "İ" and the Kelvin sign match "i" and "k" case-insensitively: no needle test for such a text
    assert Prefiltered(patterns, "the July-September perİod")["month_period"] is patterns["month_period"]
    assert Prefiltered(patterns, "Sales rose 5% at 300 \u212a")["month_quarter"] is patterns["month_quarter"]


def test_a_text_without_the_words_skips_the_pattern_and_one_with_them_keeps_it():
    patterns = load_rules()["patterns"]
    assert Prefiltered(patterns, "Sales rose 5% in 2024.")["month_quarter"].search("the September quarter") is None
    assert Prefiltered(patterns, "THE SEPTEMBER QUARTER")["month_quarter"] is patterns["month_quarter"]
    assert Prefiltered(patterns, "any text")["split_year"] is patterns["split_year"]  # no needles


@pytest.mark.parametrize("text,value", [
    ("Dorvik Mining lifted ore output 9% in THE DECEMBER QUARTER.", "XXXX-Q4"),
    ("Freight at Lunsby rose 3% in the March-May period of 2024.", "2024-03/2024-05"),
])
def test_guarded_phrases_in_any_case_are_still_read(text, value):
    assert value in [r["value"] for r in resolve_periods(text, [], None)]


def test_a_guarded_phrase_still_dates_a_claim(extractor):
    c = one(extractor.extract("Teller Foods said pretax profit fell 12% in the year to March.",
                              reference_date="2025-11-20"), "12%")
    assert c.timeframe is not None and c.timeframe.value == "FYXXXX"
