"""The master pattern of the timeframe grammar runs in a faster spelling
(:mod:`claimx.grammar.timex_dispatch`): it must match exactly what the pattern as written matches,
at every position, with the same groups."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.grammar.timex_dispatch import (
    expand_named_lists,
    first_items,
    guarded,
    needs_digit,
    needs_list,
    optional_groups_as_alternations,
)

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def _plain():
    from claimx.grammar.timex_grammar import _MASTER_PLAIN, _NAMED_LISTS

    return regex.compile(_MASTER_PLAIN, regex.V0, **_NAMED_LISTS)


def _key(m):
    return None if m is None else m.regs


def _same_everywhere(text: str) -> None:
    from claimx.grammar.timex_grammar import _BRANCH_GROUPS, _MASTER

    plain = _plain()
    for p in range(len(text)):
        m = _MASTER.match(text, p)
        assert _key(m) == _key(plain.match(text, p)), (text[p:p + 60], p)
        if m is not None:  # the atom builder reads the branch as the one group that spans the core
            assert [i for i, _ in _BRANCH_GROUPS if m.regs[i][0] >= 0] == [
                i for i, _ in _BRANCH_GROUPS if m.regs[i] == m.span("core")], (text[p:p + 60], p)


def test_fast_master_has_the_groups_of_the_plain_one():
    from claimx.grammar.timex_grammar import _MASTER

    assert _MASTER.groupindex == _plain().groupindex


def test_fast_master_equals_plain_master_on_fixtures():
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from timex_speed import generate_sentences

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for line in (ROOT / "corpus/cases/cases.jsonl").read_text(encoding="utf-8").splitlines()[:40]:
        if line.strip():
            texts.append(json.loads(line)["text"])
    texts += generate_sentences(150, seed=5)
    for text in texts:
        _same_everywhere(text)


_PIECES = st.sampled_from(
    ["the ", "The ", "THE ", "in ", "In ", "by ", "as of ", "since ", "over the course of ", "end-", "mid-",
     "early ", "late ", "the end of ", "same ", "period", "year", "Year", "years ", "ago", "earlier ",
     "quarter", "half", "first ", "third ", "final ", "three ", "months ", "month", "this ", "last ", "next ",
     "of ", "fiscal ", "FY", "Q", "H", "q", "1", "2", "4", "25", "30th ", "2025", "1999", "'25", "'s ",
     "June ", "june ", "Dec. ", "Sept ", "May ", "may ", "Tuesday", ", ", " ", "  ", "\n", "-", "\u2013", "/",
     ".", "$", "million", "summer ", "yesterday", "onwards", "two ", "\u017feason", "\u0130", "\u212a", "x",
     "nineteen ", "ninety ", "thousand ", "century", "15th ", "EOY", "CY", "'40s", "\u2019", "70s",
     "between ", "from ", "to ", "ended ", "YTD", "so far ", "past ", "12 ", "nine ", "30/", "06/", "2024."])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_fast_master_equals_plain_master_on_composed_texts(text):
    _same_everywhere(text)


# --- the three rewrites, each on made-up patterns ------------------------------------------


@pytest.mark.parametrize("pattern, texts", [
    (r"a(?:b\s+)?c", ["ac", "ab  c", "abc", "ab c"]),
    (r"(?P<g>x+)?(?P<h>y)?z", ["xxz", "yz", "z", "xyz", "w"]),
    (r"(?:(?P<g>a*))?b", ["b", "aab"]),
    # a lazy or possessive '?' and a ')?' inside a set are left as they are
    (r"[)?](?:q)??r(?:s)?+t(?:u)?", [")rt", "?qrstu", "rst", ")rtu"]),
])
def test_optional_groups_as_alternations_keeps_the_matches(pattern, texts):
    fast = regex.compile(optional_groups_as_alternations(pattern))
    plain = regex.compile(pattern)
    assert "|)" in fast.pattern
    if pattern.startswith("[)?]"):
        assert fast.pattern == r"[)?](?:q)??r(?:s)?+t(?:(?:u)|)"
    for text in texts:
        assert _key(fast.match(text)) == _key(plain.match(text)), text


def test_expand_named_lists_backtracks_from_the_longest_word():
    words = frozenset({"in", "in the", "in the course of"})
    pattern = r"(?P<cue>\L<w>)\s+(?P<rest>\w+)"
    fast = regex.compile(expand_named_lists(pattern, {"w": words}))
    assert r"\L" not in fast.pattern
    m = fast.match("in the course of May")
    assert (m.group("cue"), m.group("rest")) == ("in the course of", "May")
    m = fast.match("in the course")  # "in the course of" does not fit; "in the" does
    assert (m.group("cue"), m.group("rest")) == ("in the", "course")


def test_expand_named_lists_refuses_a_case_insensitive_scope():
    with pytest.raises(ValueError):
        expand_named_lists(r"(?i:\L<w>)", {"w": frozenset({"may"})})


def test_guarded_keeps_branches_that_start_with_non_ascii_case_folds():
    # under (?i) the long s matches "s" and the Kelvin sign "k": the guard must let them through
    branches = [r"(?P<a>(?i:s)eason)", r"(?P<b>(?i:k)elvin)", r"(?P<c>Q[1-4])", r"(?P<d>\d\d)"]
    fast = regex.compile(guarded(branches, {}, leaf=1))
    plain = regex.compile("|".join(branches))
    for text in ["\u017feason", "\u212aelvin", "Season", "Q3", "q3", "\u0663\u0664", "42", "xeason"]:
        assert _key(fast.match(text)) == _key(plain.match(text)), text
    assert fast.match("\u212aelvin").group("b") == "\u212aelvin"


def test_guarded_tries_branches_in_their_order():
    branches = [r"(?P<a>the\s+year)", r"(?P<b>the\s+\w+)", r"(?P<c>\w+)"]
    fast = regex.compile(guarded(branches, {}, leaf=1))
    assert fast.match("the year").lastgroup == "a"
    assert fast.match("the month").lastgroup == "b"
    assert fast.match("tomorrow").lastgroup == "c"


def test_first_items_refuses_a_pattern_that_can_match_nothing():
    with pytest.raises(ValueError):
        first_items(r"(?:the\s+)?", {})



# --- the master pattern for texts without a digit -------------------------------------------


def _same_everywhere_without_digits(text: str) -> None:
    from claimx.grammar.timex_grammar import _MASTER_NO_DIGIT

    assert regex.search(r"\d", text) is None
    plain = _plain()
    for p in range(len(text)):
        assert _key(_MASTER_NO_DIGIT.match(text, p)) == _key(plain.match(text, p)), (text[p:p + 60], p)


def test_digit_free_master_has_the_groups_of_the_plain_one():
    from claimx.grammar.timex_grammar import _MASTER_NO_DIGIT

    assert _MASTER_NO_DIGIT.groupindex == _plain().groupindex


def test_digit_free_master_equals_plain_master_on_number_free_paragraphs():
    texts = [p for path in sorted((ROOT / "seeds").glob("*.txt"))
             for p in path.read_text(encoding="utf-8").split("\n") if p.strip() and not regex.search(r"\d", p)]
    texts += ["In June the board met; by the end of the first quarter of last year, and since Tuesday, "
              "the fiscal year ended in March, the same period a year earlier, mid-June, the seventies.",
              "From the start of next year to the second half of this year, the past five years, "
              "the thirtieth of June, the year to date, year-end, the twenty-first century, August two "
              "thousand and fifteen."]
    for text in texts:
        _same_everywhere_without_digits(text)


_NO_DIGIT_PIECES = st.sampled_from(
    [w for w in _PIECES.elements if not regex.search(r"\d", w)]  # type: ignore[attr-defined]
   + ["fifteen ", "twentieth ", "Tuesday, ", "the ", "of next year", "ending ", "spring "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NO_DIGIT_PIECES, max_size=12).map("".join))
def test_digit_free_master_equals_plain_master_on_composed_texts(text):
    _same_everywhere_without_digits(text)


@pytest.mark.parametrize("pattern, lists, expected", [
    (r"\d\d", {}, True),
    (r"(?:the\s+)?[0-3]?\d(?:st|nd)?", {}, True),
    (r"Q[1-4]", {}, True),
    (r"(?:ab|\d)\d", {}, True),
    (r"\L<n>\s+year", {"n": frozenset({"1st", "2nd"})}, True),
    (r"(?(g)x|\d)\d", {}, True),
    (r"[12]\d|x", {}, False),
    (r"(?:\d+)?x", {}, False),
    (r"\d{0,2}x", {}, False),
    (r"(?=\d)x", {}, False),
    (r"[^a-z]x", {}, False),
    (r"\L<n>\s+year", {"n": frozenset({"1st", "first"})}, False),
])
def test_needs_digit_on_made_up_patterns(pattern, lists, expected):
    if "(?(g)" in pattern:
        pattern = "(?P<g>a)?" + pattern
    assert needs_digit(pattern, lists) is expected



def _same_everywhere_without_digits_or_months(text: str) -> None:
    from claimx.grammar.timex_grammar import _MASTER_NO_DIGIT_NO_MONTH, _MONTH_LIST_WORDS

    assert regex.search(r"\d", text) is None
    assert not any(w in text.lower() for w in _MONTH_LIST_WORDS)
    plain = _plain()
    for p in range(len(text)):
        assert _key(_MASTER_NO_DIGIT_NO_MONTH.match(text, p)) == _key(plain.match(text, p)), (text[p:p + 60], p)


def test_master_without_digit_and_month_branches_equals_plain_master():
    """On a text with neither a digit nor a month or weekday name, the master pattern without the
    branches that need one matches what the plain one matches, at every position."""
    from claimx.grammar.timex_grammar import _MASTER_NO_DIGIT_NO_MONTH, _MONTH_LISTS

    assert _MASTER_NO_DIGIT_NO_MONTH.groupindex == _plain().groupindex
    assert {"monfull", "monany", "wd", "qmon"} <= _MONTH_LISTS and "seasons" not in _MONTH_LISTS
    for text in ["By the end of the first quarter of last year, and in the fiscal year, the same period a "
                 "year earlier, the past five years, the seventies, the twenty-first century.",
                 "From the start of next year to the second half of this year; the year to date, year-end, "
                 "in the coming months, the headquarters of the board, the third month of next year."]:
        _same_everywhere_without_digits_or_months(text)


_NO_MONTH_PIECES = st.sampled_from(
    [w for w in _NO_DIGIT_PIECES.elements  # type: ignore[attr-defined]
     if not any(m in w.lower() for m in ("jun", "dec", "sep", "may", "tue", "mar"))]
    + ["fiscal year ended ", "this ", "next ", "quarter "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NO_MONTH_PIECES, max_size=12).map("".join))
def test_master_without_digit_and_month_branches_on_composed_texts(text):
    from claimx.grammar.timex_grammar import _MONTH_LIST_WORDS

    if not any(w in text.lower() for w in _MONTH_LIST_WORDS):
        _same_everywhere_without_digits_or_months(text)


@pytest.mark.parametrize("pattern, or_digit, expected", [
    (r"\L<mon>\s+\d\d", False, True),
    (r"(?:the\s+)?\L<mon>", False, True),
    (r"this\s+(?:\L<mon>|\L<wd>)", False, True),
    (r"(?:\L<mon>\s+)?year", False, False),
    (r"\L<mon>|\d\d", False, False),
    (r"\L<mon>|\d\d", True, True),
    (r"\L<other>\s+\L<mon>?", False, False),
])
def test_needs_list_on_made_up_patterns(pattern, or_digit, expected):
    lists = {"mon": frozenset({"June", "july"}), "wd": frozenset({"Monday"}), "other": frozenset({"x"})}
    assert needs_list(pattern, lists, frozenset({"mon", "wd"}), or_digit=or_digit) is expected
