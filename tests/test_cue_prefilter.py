"""The hedge cue finder tries its pattern only where a cue's first word starts: the same matches as
scanning the whole text (made-up sentences, the development corpus's articles, the cases)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimx.cues import _hedge_first_words, _hedge_matches, find_hedges
from claimx.lexicons import load_default

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = [
    "Lakeview Foods Expects revenue to reach $2.1 billion, and it'll probably open 40 stores; "
    "analysts said output is not expected to exceed 3%.",
    "EXPORTS ARE PROJECTED TO rise 4% and could possibly double, whereas imports may fall.",
    # a cue glued to a word is no cue ("planned", "maybe", "overestimate")
    "The planned plant, maybe twice the size, will overestimate demand by 9%, planners hope to show.",
    # characters that match ASCII letters only when case is ignored: the whole text is scanned
    "Output \u017fhall grow 2% and the \u0130ndex \u212aeeps falling, it is expected to reach 30 K.",
    "",
    "will",
]


def spans(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_same_matches_as_the_whole_scan_on_made_up_sentences(text):
    cues = load_default().cues
    assert spans(_hedge_matches(text, cues)) == spans(cues.hedge_re.finditer(text))


def test_cues_found_in_a_made_up_sentence():
    found = [(h["text"], h["modality"], h["negated"]) for h in find_hedges(SENTENCES[0])]
    assert [t for t, _, _ in found] == ["Expects", "probably", "not expected to"]
    assert found[-1][2] is True
    text = "Prices \u017fhall rise 2%, the board says."  # the long s matches "shall" ignoring case
    assert [h["text"] for h in find_hedges(text)] == ["\u017fhall"]


def test_the_same_matches_on_the_corpora():
    cues = load_default().cues
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus/dev/docs").glob("*.txt"))]
    with open(ROOT / "corpus/cases/cases.jsonl", encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh if line.strip()]
    assert len(texts) > 50
    n = 0
    for text in texts:
        want = spans(cues.hedge_re.finditer(text))
        assert spans(_hedge_matches(text, cues)) == want
        n += len(want)
    assert n > 100


def test_first_words_are_those_of_the_lexicon():
    words = _hedge_first_words(load_default().cues)
    assert {"expects", "probably", "could", "'ll", "is"} <= set(words)
    assert all(" " not in w for w in words)
