"""The fast timeframe scanner (:func:`claimx.grammar.timex_scan._scan`) tries the grammar only near
"triggers": it must find exactly what a position-by-position search finds (moved from
``tests/test_timex.py``)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.grammar.timex import load_time_lexicon

ROOT = Path(__file__).resolve().parents[1]


def _atoms_key(atoms):
    return [(a.start, a.end, a.kind, a.cue, a.pos, a.year, a.year2, a.sub, a.day) for a in atoms]


_LEX_PIECES = sorted({w for ws in load_time_lexicon().relation_cues.values() for w in ws}
                     | {w for ws in load_time_lexicon().position_modifiers.values() for w in ws}
                     # the words that end a core, in the cases the grammar reads them (a word added
                     # to the lexicon must be found by the fast scan too)
                     | {v for d in load_time_lexicon().decade_words for v in (d, d.upper())}
                     | set(load_time_lexicon().end_abbreviations) | set(load_time_lexicon().to_date_abbreviations)
                     | {v for m in [*load_time_lexicon().months, *load_time_lexicon().month_abbreviations]
                        for v in (m, m.lower(), m.upper())})
_EQ_PIECES = st.sampled_from(
    _LEX_PIECES + ["the ", "The ", "THE ", "same ", "period", "previous ", "year", "Year", "years ", "ago",
                   "earlier", "quarter", "Quarter", "half", "first ", "second ", "third ", "final ", "latter ",
                   "three ", "six ", "months", "month", "week", "decade", "this ", "last ", "next ", "current ",
                   "coming ", "of ", "fiscal ", "financial ", "FY", "Q", "H", "1", "2", "4", "25", "30th ",
                   "2025", "1999", "2031", "'25", "'s ", "June ", "Dec. ", "Sept ", "May ", "Tuesday", ", ",
                   " ", "  ", "\n", "-", "–", "/", ".", "$", "%", "million", "summer ", "spring ", "end",
                   "yesterday", "onwards", "a ", "two ", "5 ", "ſeason", "İ", "x", "Kelvin", "and ", "to ",
                   "ended ", "ending ", "date", "YTD", "so far ", "thus ", "past ", "12 ", "nine ", "30/", "06/",
                   "13.", "6.", "2024.", "period ", "half-year ", "March ", "31 ",
                   # pieces of the expressions added for the peer suites (issue 13)
                   "nineteen ", "ninety ", "twenty ", "thousand ", "one ", "hundred ", "five", "century", "15th ",
                   "twentieth ", "may ", "march ", "june ", "dec ", "in ", "between ", "from ", "later ", "in the ",
                   "after next", "before last", "EOY", "EOM", "CY", "cy18", "q3 ", "q1", "'40s", "'", "’",
                   "70s", "September ", "Sept. ", "July-", "quarter ", "fifth ", "9th ", "Aug-", "Nov", "/2019",
                   # where the scan skips triggers: month names inside longer words, lone lower-case
                   # 'may'/'march', decade words glued to letters
                   "decision", "renovate", "tensions", "decadal", "marches ", "mayor ", "may-", "onward ",
                   "Junebug ", "Octane ",
                   # time words glued to a letter, digit or "_" before them are no triggers
                   "head", "be", "mid", "Mid", "x", "_", "ſ", "K", "é", "²",
                   # month abbreviations that time.json's trigger words lack ("mar")
                   "mar ", "MAR ", "Mar ", "mar.", "market "])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_EQ_PIECES, max_size=16).map("".join))
def test_fast_scan_equals_exhaustive_search(text):
    from claimx.grammar.timex import _scan, _scan_exhaustive

    assert _atoms_key(_scan(text)) == _atoms_key(_scan_exhaustive(text))


def test_fast_scan_equals_exhaustive_search_on_fixtures():
    import sys

    from claimx.grammar.timex import _scan, _scan_exhaustive

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from timex_speed import generate_sentences

    texts = [(ROOT / "seeds/000_21124bc296aca1d1.txt").read_text(encoding="utf-8")]
    texts += generate_sentences(300, seed=99)
    for text in texts:
        assert _atoms_key(_scan(text)) == _atoms_key(_scan_exhaustive(text)), text


def test_fast_scan_skips_only_what_cannot_start_an_atom():
    """The scan drops trigger hits that cannot begin a timeframe (a month name inside a longer
    word, a lone lower-case "may" or "march" in a text without digits); near them, the same
    atoms as the position-by-position search."""
    from claimx.grammar.timex import _scan, _scan_exhaustive

    texts = ["The decision to renovate eased tensions in the decadal review.",
             "Officials may march on, the mayor said; a may-June quarter review.",
             "Output rose from May onwards, and in the May-June quarter.",
             "Junebug Octane sold more in June and in Oct. than in the intense tenses of the 1990s."]
    for text in texts:
        assert _atoms_key(_scan(text)) == _atoms_key(_scan_exhaustive(text)), text
    from claimx.grammar.timex import find_timeframes

    assert [t.text for t in find_timeframes(texts[0])] == []
    assert [(t.text, t.value) for t in find_timeframes(texts[3])] == [
        ("in June", "XXXX-06"), ("in Oct.", "XXXX-10"), ("the 1990s", "199X")]


def test_no_word_of_the_grammar_holds_a_time_word_after_a_word_character():
    """The scan looks for time words only at a word start (after a character that is not an ASCII
    letter, digit or "_"): no word of the grammar's word lists or of its patterns' literals may
    hold one glued to a word character before it ("midyear" would need the trigger inside it)."""
    import regex

    from claimx.grammar.timex_grammar import _MASTER_PLAIN, _NAMED_LISTS
    from claimx.grammar.timex_scan import _TIME_WORDS

    words = {w.lower() for ws in _NAMED_LISTS.values() for w in ws}
    # the literals of the pattern, without group names and flags
    literals = regex.sub(r"\\(?:[a-zA-Z]|L<\w+>)|\(\?P<\w+>", " ", _MASTER_PLAIN)
    words |= {w.lower() for w in regex.findall(r"[A-Za-z]+", literals)}
    glued = {(t, w) for t in _TIME_WORDS for w in words for i in range(1, len(w))
             if w.startswith(t, i) and (w[i - 1].isalnum() or w[i - 1] == "_")}
    assert glued == set()


def test_fast_scan_ignores_time_words_glued_to_a_word_character():
    """A time word after a letter or digit ("headquarters", "behalf", "midyear") starts no
    timeframe; the same time words after a space, a dash or a bracket do."""
    from claimx.grammar.timex import _scan, _scan_exhaustive, find_timeframes

    texts = ["The headquarters moved on behalf of the board in midyear talks.",
             "Headquarters staff expect a deal by mid-June (after the second half) on behalf of clients.",
             "Prices rose in the mid-seventies and (last year) again; the midyear review, the midseason fall.",
             "Xyear and 2025year are codes, but year-end and the decade-long plan are not.",
             "The quarterback said his team’s season went well last year."]
    for text in texts:
        assert _atoms_key(_scan(text)) == _atoms_key(_scan_exhaustive(text)), text
    assert [t.text for t in find_timeframes(texts[0])] == []
    assert [(t.text, t.value) for t in find_timeframes(texts[1])] == [
        ("by mid-June", "XXXX-06"), ("after the second half", "XXXX-H2")]
    assert [(t.text, t.value) for t in find_timeframes(texts[2])] == [
        ("in the mid-seventies", "197X"), ("last year", "XXXX")]
    assert [(t.text, t.value) for t in find_timeframes(texts[3])] == [("year-end", "XXXX")]
    assert [(t.text, t.value) for t in find_timeframes(texts[4])] == [("last year", "XXXX")]


def test_fast_scan_on_texts_without_a_digit_uses_only_the_branches_that_need_none():
    """In a text without a digit the scan runs the master pattern without the branches that need
    one (dates, numeric years, Q1...): the same atoms as the search with the full pattern."""
    from claimx.grammar.timex import _scan, _scan_exhaustive, find_timeframes

    texts = ["Since the end of June the fiscal year has been hard, and by the second half of next year "
             "it may ease.",
             "On Tuesday, the first quarter of last year looked weak; in the spring of that year, and the "
             "nineties, too."]
    # not ASCII: the grammar's own \d decides (a non-ASCII digit keeps the full pattern)
    others = ["The caf\u00e9\u2019s second half, since June, and the seventies.",
              "In 20\u0662\u0665 and since June 20\u0662\u0665, the year\u2019s first quarter."]
    for text in texts + others:
        assert _atoms_key(_scan(text)) == _atoms_key(_scan_exhaustive(text)), text
    assert [(t.text, t.value) for t in find_timeframes(texts[0])] == [
        ("Since the end of June", "XXXX-06"), ("by the second half of next year", "XXXX-H2")]
    assert [(t.text, t.value) for t in find_timeframes(texts[1])] == [
        ("On Tuesday", "XXXX-XX-XX"), ("the first quarter of last year", "XXXX-Q1"), ("that year", None),
        ("the nineties", "199X")]
    assert [(t.text, t.value) for t in find_timeframes(others[0])] == [
        ("second half", "XXXX-H2"), ("since June", "XXXX-06"), ("the seventies", "197X")]
    assert [(t.text, t.value) for t in find_timeframes(others[1])] == [
        ("In 20\u0662\u0665", "2025"), ("since June 20\u0662\u0665", "2025-06"),
        ("the year\u2019s first quarter", "XXXX-Q1")]



def test_fast_scan_keeps_a_decade_before_a_superscript_digit():
    """The regex module does not count "\u00b2" or "\u00b3" as word characters (``re`` does): a
    two-digit decade before one is still read ("the '40s\u00b2", a footnote mark)."""
    from claimx.grammar.timex import _scan, _scan_exhaustive, find_timeframes

    texts = ["Music of the '40s\u00b2 and the 70s\u00b3 was loud.", "In the 80s\u00e9 and the 90s, prices rose."]
    for text in texts:
        assert _atoms_key(_scan(text)) == _atoms_key(_scan_exhaustive(text)), text
    assert [(t.text, t.value) for t in find_timeframes(texts[0])] == [("the '40s", "194X"), ("the 70s", "197X")]
    assert [(t.text, t.value) for t in find_timeframes(texts[1])] == [("the 90s", "199X")]


def test_fast_scan_reads_every_month_abbreviation_in_any_case():
    """Every month name and abbreviation, in lower or upper case, is a trigger (the grammar reads
    "last mar" or "this SEPT" as a month), whether or not time.json lists it as a trigger word."""
    from claimx.grammar.timex import _scan, _scan_exhaustive, find_timeframes

    texts = ["We met last mar and again this SEPT, not in the market.",
             "Sales rose since next MAR; a marquee event in mar. was not dated."]
    for text in texts:
        assert _atoms_key(_scan(text)) == _atoms_key(_scan_exhaustive(text)), text
    assert [(t.text, t.value) for t in find_timeframes(texts[0])] == [
        ("last mar", "XXXX-03"), ("this SEPT", "XXXX-09")]
    assert [(t.text, t.value) for t in find_timeframes(texts[1])] == [
        ("since next MAR", "XXXX-03"), ("in mar.", "XXXX-03")]


def test_fast_scan_without_digits_or_month_names_and_with_months_in_any_case():
    """A text with neither a digit nor a month or weekday name runs the master pattern without the
    branches that need one; a month in lower or upper case ("next may", "since AUGUST") or a
    weekday keeps them. Both give the atoms of the search with the full pattern."""
    from claimx.grammar.timex import _scan, _scan_exhaustive, find_timeframes
    from claimx.grammar.timex_scan import _triggers

    texts = ["In the coming months the board expects, by the end of next year, a better third quarter than "
             "in the same period a year earlier.",
             "Sales fell next may and since AUGUST, but not in the market; the fiscal year ended july was weak.",
             "Since tuesday and since Tuesday the mood changed."]
    for text in texts:
        assert _atoms_key(_scan(text)) == _atoms_key(_scan_exhaustive(text)), text
    assert [_triggers(text, text.lower())[1] for text in texts] == [False, True, True]
    assert [(t.text, t.value) for t in find_timeframes(texts[0])] == [
        ("by the end of next year", "XXXX"), ("third quarter", "XXXX-Q3"),
        ("in the same period a year earlier", None)]
    assert [(t.text, t.value) for t in find_timeframes(texts[1])] == [
        ("next may", "XXXX-05"), ("since AUGUST", "XXXX-08")]
    assert [(t.text, t.value) for t in find_timeframes(texts[2])] == [("since Tuesday", "XXXX-XX-XX")]
