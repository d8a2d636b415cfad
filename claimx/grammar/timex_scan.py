"""Fast scanning for the timeframe grammar: the master pattern is tried only at the candidate
positions of cheap trigger scans (see the comment below), with the same result as a search
position by position (:func:`_scan_exhaustive`, used by the tests). Part of
:mod:`claimx.grammar.timex`."""

from __future__ import annotations

import re as _re
from typing import Optional

import regex

from claimx.grammar._trie import trie_alt
from claimx.grammar.timex_atoms import _MONTH_VERBS, _Atom
from claimx.grammar.timex_build import _build_atom
from claimx.grammar.timex_grammar import (_CUE_TO_REL, _DASH, _MASTER, _MASTER_NO_DIGIT, _MASTER_NO_DIGIT_NO_MONTH,
                                          _MODS_HYPHEN, _MODS_WORD, _MONTH_LIST_WORDS, _MONTH_NAMES)
from claimx.grammar.timex_lexicon import _LEX, _alt


# --------------------------------------------------------------------------------------------
# Fast scanning. Trying _MASTER at every position costs ~20 us per position in the regex module, so
# find_timeframes only tries it at a few candidate positions, chosen so that the result is exactly
# what a position-by-position search would give (tests/test_timex.py checks both agree):
# 1. every match of _MASTER contains a *trigger*: a year-like number (18xx-21xx), Q1-4/1-4Q/H1-2/
#    1-2H/FY, a month or weekday name, or one of the trigger_words of time.json -- each core branch of
#    _BRANCHES needs one;
# 2. the text between a match's start and its first trigger holds only words of _PREFIX_WORDS
#    (relation cues, position modifiers and the few words a core can start with: "the", "same",
#    ordinals, counts, "of", 1-2 digit numbers with an optional st/nd/rd/th) joined by whitespace or dashes, at most _MAX_PREFIX
#    words; so the candidates for a trigger are the word starts of the run of such words just
#    before it (found by one reverse-anchored match), plus the trigger's own word.
# Triggers are found with three cheap scans (stdlib ``re``, whose literal alternations are much
# faster than the regex module's case-insensitive ones): numbers/codes, capitalised month and
# weekday names, and the time words on the lower-cased text.
# --------------------------------------------------------------------------------------------

# the trigger words of time.json and, computed from the lexicon so that a word added there is a
# trigger too, every month name and abbreviation in lower case (the month lists of _BRANCHES match
# them in any case next to a year or after "this"/"last"/"next": "last mar"), the last word of
# each decade word and the end and to-date abbreviations (EOY, YTD)
_TIME_WORDS = tuple(dict.fromkeys([
    *_LEX.trigger_words, *(k.lower() for k in _MONTH_NAMES),
    *(regex.split(r"[\s-]+", d)[-1].lower() for d in _LEX.decade_words),
    *(k.lower() for k in [*_LEX.end_abbreviations, *_LEX.to_date_abbreviations])]))
# Words a core branch of _BRANCHES may hold before its first trigger (lower case; matched
# case-insensitively). Keep in step with _BRANCHES: the equivalence test catches omissions.
_CORE_PREFIX_WORDS = tuple(_LEX.core_prefix_words)
_PREFIX_WORDS = frozenset(
    w
    for phrase in list(_CUE_TO_REL) + _MODS_HYPHEN + _MODS_WORD + list(_CORE_PREFIX_WORDS)
    + list(_LEX.ordinals) + list(_LEX.count_words) + list(_LEX.seasons)
    for w in regex.split(r"[\W_]+", phrase.lower()) if w
)
# cue words + modifier words + the longest core prefix ("the first three", "end of the")
_MAX_PREFIX = (max(len(regex.findall(r"\w+", c)) for c in _CUE_TO_REL)
               + max(len(regex.findall(r"\w+", m)) for m in _MODS_HYPHEN + _MODS_WORD) + 3)

# 18xx-21xx (the last two may be any non-ASCII digit), Q1-4, H1-4, 1-4Q, 1-4H, FY; written with a
# leading character class so that ``re`` can skip ahead (5x faster than the plain alternation)
_TRIGGER_CODES = _re.compile(
    r"[12QHF34](?:(?<=1)[89][^\x00-\x2f\x3a-\x7f]{2}|(?<=2)[01][^\x00-\x2f\x3a-\x7f]{2}"
    r"|(?<=[QH])[1-4]|(?<=[1-4])[QH]|(?<=F)Y)"
)
_TRIGGER_CY = _re.compile(r"[cC][yY]\s?\d\d")
# without a digit (\d: any Unicode digit) the code, decade and CY scans can find only "FY"
_ANY_DIGIT = _re.compile(r"\d")
_ASCII_DIGIT = _re.compile("[0-9]")
_TRIGGER_FY = _re.compile("FY")
# a decade in two digits: "70s", "70's", "'40s" (the four-digit ones are codes above); not followed
# by an ASCII word character or a dash (the grammar's (?![\w-]) in the regex module, which unlike
# ``re`` does not count a superscript digit such as "\u00b2" as a word character: any non-ASCII
# character after it keeps the trigger)
_TRIGGER_DECADE = _re.compile(r"[1-9]0['\u2019]?s(?![0-9A-Za-z_-])")
_TRIGGER_NAMES = _re.compile(_alt(_MONTH_NAMES.keys() | _LEX.weekdays.keys()))
# on the lower-cased text (with the long s, which (?i) folds to "s", replaced by "s")
_TRIGGER_WORDS_LOW = _re.compile(trie_alt(_TIME_WORDS))  # prefix-factored: 3x faster than a flat alternation
# The same at a word start only: every time word of the grammar's patterns and word lists follows
# a non-word character there (a space, a dash, a bracket...), never a letter or a digit (checked
# by tests/test_timex_scan.py), so a time word glued to an ASCII letter, digit or "_" before it
# ("headquarters", "behalf") is no trigger. Written as the character before the word plus the word
# (group 1), so that ``re`` skips ahead to the characters that can precede a word start (about 1.5x
# faster than the plain trie); a word at offset 0 is matched on its own. Any other character
# before a word (non-ASCII, which may or may not be a word character) keeps it a trigger.
_TRIGGER_WORDS_AT_START = _re.compile("[^0-9a-z_](" + trie_alt(_TIME_WORDS) + ")")
# Trigger words that the grammar only reads as whole words: month names and abbreviations (every
# month list of _BRANCHES is followed by "." or no ASCII letter) and the last words of the decade
# words (followed by no word character). Where such a word is the longest trigger word at a
# position and an ASCII letter follows it in the text ("decision", "tensions", "renovate"), no match
# of _MASTER holds it as a month or a decade, so it is no trigger.
_WHOLE_WORD_TRIGGERS = frozenset(_TIME_WORDS) & (
    {k.lower() for k in _MONTH_NAMES} | {regex.split(r"[\s-]+", d)[-1].lower() for d in _LEX.decade_words})
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_TRIGGER_WORDS_CI = regex.compile(r"(?i:" + "|".join(_TIME_WORDS) + ")")  # when lower() changes lengths
# run on the lower-cased text (same length), where a case-sensitive set lookup is much faster
_WINDOW_LOW = regex.compile(
    r"(?r)(?:(?<!\w)(?:\L<prefix>|\d{1,2}(?:st|nd|rd|th)?)" + _DASH[:-1] + r"\s/.'\u2019\u2018]+){0," + str(_MAX_PREFIX) + r"}['\u2019\u2018]?\w*",
    prefix=_PREFIX_WORDS,
)
_WINDOW_CI = regex.compile(
    r"(?r)(?:(?<!\w)(?i:\L<prefix>|\d{1,2}(?:st|nd|rd|th)?)" + _DASH[:-1] + r"\s/.'\u2019\u2018]+){0," + str(_MAX_PREFIX) + r"}['\u2019\u2018]?\w*",
    prefix=_PREFIX_WORDS,
)
_WORD_START = regex.compile(r"(?<!\w)(?:\w|['\u2019\u2018](?=\d))")  # a word, or an apostrophe before a year: '40s


# A lower-case "may" or "march" (months that are verbs as often) at a candidate position: the only
# branches that can start there are the month ones (no cue, position modifier or other branch
# starts with these letters); those need a year in digits after the month, or a dash after it (the
# "May-June quarter"), else they match the month alone, which _build_atom rejects without a cue
# (timex_atoms._month_alone_ok). Without a digit in the text, a dash or "onward(s)" after it, the
# master pattern's hit there is such a rejected one (or none), and the scan can skip it: no later
# candidate lies inside the hit, and this one counts as tried.
_VERB_MONTHS = tuple(sorted((w for w in _MONTH_VERBS if w.islower() and w in _LEX.trigger_words),
                            key=len, reverse=True))
_VERB_MONTH_KEEP = regex.compile(r"\.?\s?" + _DASH + r"|\s+(?i:onwards?)")
_RX_DIGIT = regex.compile(r"\d")  # the grammar's own \d (the regex module's Unicode digits)


def _verb_month_alone(text: str, p: int) -> bool:
    """True when ``text`` holds a lower-case "may"/"march" at ``p`` that _MASTER can only match alone
    (a hit that _build_atom rejects, see above)."""
    for w in _VERB_MONTHS:
        if text.startswith(w, p):
            e = p + len(w)
            return (not text[e:e + 1] in _ASCII_LETTERS and _VERB_MONTH_KEEP.match(text, e) is None
                    and _RX_DIGIT.search(text) is None)
    return False


def _triggers(text: str, low: Optional[str], has_digit: Optional[bool] = None) -> tuple[list[int], bool]:
    """(sorted start offsets of the triggers of ``text`` (see the comment above), whether it may
    hold a month or weekday name); ``low`` is the lower-cased text when it has the same length
    (else ``None``); ``has_digit``: whether the text holds a digit (``None``: look).

    A month or weekday name that the grammar reads starts a word and is followed by no ASCII
    letter, so it is one of the names found here (capitalised, in any place) or the longest time
    word at a word start of the lower-cased text; a longer time word there ("decade" over "dec")
    has a letter after the name."""
    # an ASCII text can hold only ASCII digits: [0-9] is found faster than the Unicode \d
    if has_digit is None:
        has_digit = (_ASCII_DIGIT if text.isascii() else _ANY_DIGIT).search(text) is not None
    if not has_digit:
        found = [m.start() for m in _TRIGGER_FY.finditer(text)] if "FY" in text else []
    else:
        found = [m.start() for m in _TRIGGER_CODES.finditer(text)]
        found += [m.start() for m in _TRIGGER_DECADE.finditer(text)]
        found += [m.start() for m in _TRIGGER_CY.finditer(text)]
    names = [m.start() for m in _TRIGGER_NAMES.finditer(text)]
    found += names
    month = bool(names) or low is None
    if low is not None:
        n = len(text)
        first = _TRIGGER_WORDS_LOW.match(low)
        hits = [(first.start(), first.end(), first.group())] if first is not None else []
        hits += [(m.start(1), m.end(), m.group(1)) for m in _TRIGGER_WORDS_AT_START.finditer(low)]
        for s, e, word in hits:
            month = month or word in _MONTH_LIST_WORDS
            if e < n and text[e] in _ASCII_LETTERS and word in _WHOLE_WORD_TRIGGERS:
                continue  # "decision": the longest trigger word "dec" is no month there
            found.append(s)
    else:
        found += [m.start() for m in _TRIGGER_WORDS_CI.finditer(text)]
    found.sort()
    return found, month


def _scan(text: str) -> list[_Atom]:
    """The atoms of ``text``: _MASTER tried only at the candidate positions of each trigger."""
    atoms: list[_Atom] = []
    # lower(): same length except for a few letters such as U+0130; the long s folds to "s" in (?i)
    low: Optional[str] = text.lower().replace("\u017f", "s")
    if len(low) != len(text):
        low = None
    # an ASCII text can hold only ASCII digits; else the grammar's own \d decides
    digit = _ASCII_DIGIT.search(text) is not None if text.isascii() else None
    triggers, month = _triggers(text, low, digit)
    if not triggers:
        return atoms
    window = _WINDOW_LOW.match if low is not None else _WINDOW_CI.match
    wtext = text if low is None else low
    word_starts = _WORD_START.finditer
    if digit is None:
        digit = _RX_DIGIT.search(text) is not None
    # the same matches as _MASTER on such a text (see timex_grammar)
    master = (_MASTER if digit else _MASTER_NO_DIGIT if month else _MASTER_NO_DIGIT_NO_MONTH).match
    pos = 0  # where the position-by-position search would resume
    tried = -1  # candidates up to here were tried (a failed match at p fails whatever pos is)
    for t in triggers:
        if t < pos:
            continue
        lo = window(wtext, pos, t).start()
        if lo <= tried:
            lo = tried + 1
        for w in word_starts(text, lo):
            p = w.start()
            if p > t or pos > t:
                break
            if p < pos:
                continue
            tried = p
            if p == t and _verb_month_alone(text, p):
                continue
            m = master(text, p)
            if m is None:
                continue
            pos = _take(text, m, atoms)
    return atoms


def _take(text: str, m, atoms: list[_Atom]) -> int:
    """Build the atom of the master match ``m`` and append it to ``atoms`` if it is one; returns
    where the search resumes (the atom's end, else the match's end)."""
    atom = _build_atom(text, m)
    if atom is None:
        return m.end()
    atoms.append(atom)
    return atom.end


def _scan_exhaustive(text: str) -> list[_Atom]:
    """Reference for :func:`_scan`: search _MASTER position by position (slow; used by tests)."""
    atoms: list[_Atom] = []
    pos, end = 0, len(text)
    while pos < end:
        m = _MASTER.search(text, pos)
        if m is None:
            break
        pos = _take(text, m, atoms)
    return atoms
