"""The needle test of the "before" cue patterns (claimx.assembly.pattern_needles) keeps
every cue: the same cues with and without the per-sentence test."""

import pytest
import regex

from tests.conftest import one

from claimx.assembly.pattern_needles import first_needle, last_needle, needle_text, needles, relax
from claimx.assembly.slots.modality_rules import extra_cues, load_modality_rules


class _Sentence:
    """The two fields of a SentenceInfo the test reads."""

    def __init__(self, start, end):
        self.start, self.end, self.needle_cache = start, end, {}


def test_relax_drops_assertions_and_refuses_what_it_cannot_keep():
    assert relax(r"\b(foo)(?!\s+bar)\s+baz$") == r"(foo)\s+baz"
    assert relax(r"(?<!\bthan\s)(seen)") == "(seen)"
    assert relax(r"(a)\1") is None  # back reference
    assert relax(r"(?>ab|a)c") is None  # atomic group
    assert relax(r"a++b") is None  # possessive
    assert relax(r"a(?=b)?c") is None  # quantified assertion


def test_needles_of_a_cue_group():
    assert needles(r"\b(goal|target|aim)s?\s*:\s*$") == ("aim", "goal", "target")
    assert needles(r"\b(?:is|are)\s+(x)$") is None  # no needle of three letters
    assert needles(r"(?:\b(?:wow|x))\s+(y)$") is None  # one branch without a needle


def test_needle_text_refuses_a_character_that_folds_to_ascii():
    assert needle_text("Sales ARE seen at €5") == "sales are seen at €5"
    assert needle_text("the \u212a-band target") is None  # Kelvin sign matches "k" case-insensitively
    assert first_needle("we see it", ("seen", "see")) == 3
    assert first_needle("nothing", ("seen",)) == float("inf")
    assert first_needle("x", None) == float("-inf")


_NUMBER = regex.compile(r"[$]?\d[\d.,]*%?")

SENTENCES = [
    "The agency now projects output of 2.1 million barrels a day in 2026, up from 1.9 million.",
    "Officials set a goal: about 40% of cars electric by 2030 and 60% by 2035.",
    "Revenue is SEEN AT $4.2 billion, the company said, after 3.9 billion last year.",
    "The plan calls for 12 new plants and 3,000 jobs, with the aim of cutting costs 15%.",
    "Sales were expected to reach 5 million units; analysts had expected 4.5 million.",
    "The \u212aelvin index, seen at 12 points, rose 3% while the target of 9% was missed.",
    "Investors foresaw a deficit of 4% and economists predicted growth of 1.5% in 2026.",
    "Output of 40 tonnes is now likely, and 12 more were possible; 9% is the goal, above the 7% estimate.",
    "Growth of 3% was expected in 2026, above the 2.5% that analysts had pencilled in for 2025.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_same_cues_with_and_without_the_sentence_test(sentence):
    text = "Intro. " + sentence + " Tail."
    lo, hi = 7, 7 + len(sentence)
    s = _Sentence(lo, hi)
    quantities = [{"start_char": m.start(), "end_char": m.end()} for m in _NUMBER.finditer(text, lo, hi)]
    assert quantities
    for q in quantities:
        assert extra_cues(text, lo, hi, q, s) == extra_cues(text, lo, hi, q)
    assert len(s.needle_cache["before"]) == len(load_modality_rules()["before"])
    assert len(s.needle_cache["after"]) == len(load_modality_rules()["after"])


def test_some_cue_is_found_through_the_test():
    text = SENTENCES[0]
    q = {"start_char": text.index("2.1"), "end_char": text.index("2.1") + 3}
    cues = extra_cues(text, 0, len(text), q, _Sentence(0, len(text)))
    assert [c["text"] for c in cues] == ["projects"]


def test_last_needle():
    assert last_needle("officials estimated, estimates", ("estimate", "estimates")) == 21
    assert last_needle("no verb here", ("estimate",)) == float("-inf")
    assert last_needle("x", None) == float("inf")


@pytest.mark.parametrize("text,qty,hedge", [
    ("Some 1,800 jobs at Marrow Steel were lost last year, the union ESTIMATES.", "Some 1,800", "ESTIMATES"),
    ("Output at the Kessin field hit 92,000 barrels a day, 5% above plan, the ministry projected.",
     "92,000 barrels a day", "projected"),
])
def test_a_reporting_verb_after_the_figure_is_still_found(extractor, text, qty, hedge):
    c = one(extractor.extract(text), qty)
    assert c.hedge is not None and c.hedge.text == hedge


@pytest.mark.parametrize("text,qty", [
    ("The estimate: 1,800 jobs at Marrow Steel were lost last year, the union said.", "1,800"),
    ("Forecasts aside, output at the Kessin field hit 92,000 barrels a day, the ministry said.", "92,000 barrels a day"),
])
def test_a_reporting_verb_before_the_figure_is_no_report_after(extractor, text, qty):
    c = one(extractor.extract(text), qty)
    assert c.hedge is None or c.hedge.start_char < text.index(qty)
