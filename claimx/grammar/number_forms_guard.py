"""The cheap guard of :func:`claimx.grammar.number_forms.extend_number_forms`: whether the text
around a bare number of the scan could hold a number form at all (pure functions, no spaCy)."""

from __future__ import annotations

import re

from claimx.grammar import numbers as N
from claimx.grammar._resources import load
from claimx.grammar.types import QuantityMatch

__all__ = ["ORDINALS", "may_extend"]

#: ordinal word (singular or plural) -> denominator; ``number_words.json``
ORDINALS: dict[str, float] = load("number_words.json", ("ordinal_denominators",))["ordinal_denominators"]

_AFTER_RE = re.compile(r"[ \u00a0]*(?:(\^)|(-)|([A-Za-z]+)|([0-9]))")
_LAST_WORD_RE = re.compile(r"[A-Za-z0-9]*\Z")
_TRIGGERS_AFTER = frozenset([*ORDINALS, "over", "out", "and", "hundred", *(w.lower() for w in N.SCALE_WORDS)])
_BEFORE_RE = re.compile(r"(?:^|(?<=[^A-Za-z0-9.,]))([A-Za-z]+|[0-9][0-9.,]*)[ \u00a0]+(and|over|out[ \u00a0]+of)"
                        r"[ \u00a0]+\Z")
_PREV_TOKEN_RE = re.compile(r"(?:^|(?<=[^A-Za-z0-9.,]))([A-Za-z]+|[0-9][0-9.,]*)[ \u00a0]+\Z")
_WORD_NUMBERS = frozenset([*N.ONES, *N.TENS, "hundred", *(w.lower() for w in N.SCALE_WORDS)])


def may_extend(text: str, lo: int, m: QuantityMatch) -> bool:
    """Cheap guard before reading the number forms around ``m``: a match in words whose last
    word is an ordinal or that holds "and" (read again as a whole); a caret, "over" or "out"
    after it; a scale word or digits after a number ("3 hundred and 21", "4 thousand 3
    hundred"); a dash, ordinal, "and" or scale word after a match in words; a number word and
    "and", "over" or "out of" before it ("one and a fourth", "one out of three", "2000 over 3");
    "a" before a match in words ("a twenty-first")."""
    words = m.form != "digits" or text[m.end_char - 1:m.end_char].isalpha()  # ("4 thousand")
    if words and (" and " in m.text or _LAST_WORD_RE.search(text, m.start_char, m.end_char).group().lower()
                  in ORDINALS):
        return True
    e = m.end_char
    c = text[e:e + 1]
    if c == " ":
        c = text[e + 1:e + 2]
    am = _AFTER_RE.match(text, e, e + 24) if c.isalpha() or c == "^" or (words and (c == "-" or c.isdigit())) else None
    if am is not None and (m.comparator in ("=", "~") or not am.group(3)):  # (not "over 5 over 5")
        if am.group(1) is not None:
            return True
        w = (am.group(3) or "").lower()
        if w in ("over", "out") or (words and (am.group(2) is not None or w in _TRIGGERS_AFTER)) \
                or (am.group(4) is not None and words) or (w == "hundred" or w in N.SCALE_WORDS):
            return True
    if m.start_char == lo:
        return False
    if m.text[:5].lower() == "over " and text[m.start_char - 1:m.start_char] == " ":  # "one over three": the
        # scan read "over three" as a comparator
        pm = _PREV_TOKEN_RE.search(text, max(lo, m.start_char - 24), m.start_char)
        return pm is not None and (pm.group(1)[0].isdigit() or pm.group(1).lower() in _WORD_NUMBERS)
    tail = text[max(lo, m.start_char - 6):m.start_char].rstrip(" \u00a0")
    bm = _BEFORE_RE.search(text, max(lo, m.start_char - 32), m.start_char) \
        if tail.endswith(("and", "over", " of")) else None
    if bm is not None and (bm.group(1).lower() in _WORD_NUMBERS or (bm.group(1)[0].isdigit() and bm.group(2) == "over")):
        return True
    return m.form != "digits" and text[max(lo, m.start_char - 3):m.start_char].lower() in (" a ", "an ")


