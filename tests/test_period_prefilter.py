"""The word test before the period patterns (claimx/assembly/passes/period_prefilter.py): it never
skips a text a pattern matches, and the phrases it guards are still read."""

from __future__ import annotations

import json
import sys

import pytest
import regex

from claimx.assembly.passes.period_prefilter import NEEDS, Prefiltered
from claimx.assembly.passes.period_rules import load_rules
from claimx.assembly.passes.periods import resolve_periods
from tests.conftest import ROOT, one


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "dev" / "docs").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    lines = (ROOT / "corpus" / "cases" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    return texts + [json.loads(line)["text"] for line in lines if line.strip()]


def test_every_guarded_pattern_exists():
    assert set(NEEDS) <= set(load_rules()["patterns"])


def test_every_match_in_the_corpora_holds_one_of_its_words():
    patterns = load_rules()["patterns"]
    seen = 0
    for text in _texts():
        for name, words in NEEDS.items():
            for m in patterns[name].finditer(text):
                seen += 1
                assert any(w in m.group(0).casefold() for w in words), (name, m.group(0))
    assert seen > 30  # the corpora exercise the patterns


def test_a_case_insensitive_letter_always_folds_to_that_letter():
    # every character a (?i) pattern matches as a letter of the words folds onto that letter
    # ("İ" folds to "i" + U+0307, which the test reads as "i")
    letters = sorted({ch for words in NEEDS.values() for w in words for ch in w if ch.isalpha()})
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    for letter in letters:
        for ch in regex.findall(f"(?i){letter}", every):
            assert letter in Prefiltered({}, ch)._folded, (letter, hex(ord(ch)))


def test_a_text_without_the_words_skips_the_pattern_and_one_with_them_keeps_it():
    patterns = load_rules()["patterns"]
    assert Prefiltered(patterns, "Sales rose 5% in 2024.")["month_quarter"].search("the September quarter") is None
    assert Prefiltered(patterns, "THE SEPTEMBER QUARTER")["month_quarter"] is patterns["month_quarter"]
    assert Prefiltered(patterns, "the July-September perİod")["month_period"] is patterns["month_period"]
    assert Prefiltered(patterns, "any text")["split_year"] is patterns["split_year"]  # not guarded


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
