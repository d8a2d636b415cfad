"""Number forms read over the matches of the quantity scan (pure functions, no spaCy).

:func:`extend_number_forms` runs after the left-to-right scan of
:mod:`claimx.grammar.quantities` and looks only around the bare numbers it found (no unit, no
range), so number-free prose costs nothing here. It reads, as whole numbers:

* fractions with an ordinal denominator written in words: "two fifths", "twenty-three fifths",
  "three twenty-firsts", "a hundredth", "one hundred thirty fifths" (100/35; the ordinal table
  ``ordinal_denominators`` in ``number_words.json`` holds the convention);
* mixed numbers: "one hundred and three and two thirds", "two and fifty-four hundredths", and
  a fraction of the scale before it: "five billion and three quarters" (5.75e9), "one billion
  and a half million" (1.0005e9), "3 million and a quarter";
* "X over Y" at the end of a clause ("one over three", "2000 over 3") and "X out of Y" in
  words ("one out of three");
* powers written with a caret: "1.1^23", "2.5^-1";
* numbers mixing digits and words: "4 thousand 3 hundred and 21", "6 crore and two hundred".

The rules that look at the text around a match (web addresses, "per cent of 22", digit lists)
are in :mod:`claimx.grammar.number_context`; the cheap guard that decides whether a match is read
again at all is in :mod:`claimx.grammar.number_forms_guard`; the reader of one number form at a
token is :mod:`claimx.grammar.number_form_reader`.
"""

from __future__ import annotations

import re

from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar.number_form_reader import (MINUS, SIGNS, TOKEN_RE, number_token, read_number_form, read_tokens,
                                               token_category)
from claimx.grammar.number_forms_guard import ORDINALS, may_extend as _may_extend
from claimx.grammar.types import QuantityMatch

_OPENERS = frozenset([*SIGNS, *MINUS, "a", "an"])  # first tokens of a number form besides numbers
_BACK_WORDS = frozenset(["and", "a", "an", "over", "out", "of", "-", *SIGNS, *N.ONES, *N.TENS, "hundred",
                         *(w.lower() for w in N.SCALE_WORDS)])

__all__ = ["ORDINALS", "extend_number_forms", "number_token", "read_number_form"]


def _back_starts(text: str, lo: int, s: int) -> list[int]:
    """Starts of number-word tokens right before ``s`` (nearest last), back to ``lo``."""
    out: list[int] = []
    pos = s
    for _ in range(8):
        seg = text[max(lo, pos - 24):pos]
        m = re.search(r"([A-Za-z]+|[0-9]+(?:\.[0-9]+)?|-)[ \u00a0]*\Z", seg)
        if m is None or (not m.group(1)[0].isdigit() and m.group(1).lower() not in _BACK_WORDS):
            break
        pos = max(lo, pos - 24) + m.start(1)
        out.append(pos)
    return out[::-1]


def extend_number_forms(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """Replace the matches that a number form of this module covers by one match of it (see
    the module docstring); other matches are returned unchanged, in order."""
    if not out:
        return out
    res: list[QuantityMatch] = []
    i = 0
    lo = 0
    while i < len(out):
        m = out[i]
        if m.unit is not None or m.lower is not None or m.value is None:
            res.append(m)
            lo = m.end_char
            i += 1
            continue
        hit = None  # (a start read twice gives the same reading: each start once)
        starts = [*_back_starts(text, lo, m.start_char), *dict.fromkeys((m.start_char, m.number_start))] \
            if _may_extend(text, lo, m) else ()
        for st in starts:
            tm = TOKEN_RE.search(text, st, min(len(text), st + 160))  # the first token _tokens gives
            if tm is None or text[st:tm.start()].strip(" \u00a0\t") or (
                    token_category(tm.group()) is None and tm.group().lower() not in _OPENERS):
                continue  # no tokens, or a first one that starts no number form ("half", "more")
            toks = read_tokens(text, st, min(len(text), st + 160))
            r = read_number_form(text, toks, 0)
            if r is not None and r[0] <= m.number_start and r[1] >= m.number_end \
                    and (r[0] < m.start_char or r[1] > m.end_char or (r[2] != m.value and r[3] == "fraction")):
                hit = r
                break
        if hit is None:
            res.append(m)
            lo = m.end_char
            i += 1
            continue
        ps, pe, value, form = hit
        j = i
        while j < len(out) and out[j].start_char < pe:
            j += 1
        covered = out[i:j]
        last = covered[-1]
        unit, bv, bu, end = None, None, None, pe
        if last.end_char > pe:
            if last.unit is None or last.number_start < ps or last.number_end > pe or last.lower is not None:
                res.append(m)
                lo = m.end_char
                i += 1
                continue
            unit, end = last.unit, last.end_char
            info = U.lookup_unit(unit) if last.base_unit is not None else None
            if info is not None:
                bv, bu = U.to_base(value, info)
        elif any(c.unit is not None for c in covered):
            res.append(m)
            lo = m.end_char
            i += 1
            continue
        start, comp = (m.start_char, m.comparator) if m.start_char < ps else (ps, "=")
        res.append(QuantityMatch(text[start:end], start, end, value, unit, comp, base_value=bv,
                                 base_unit=bu if bv is not None else None, form=form, number_start=ps,
                                 number_end=pe, comparator_cue=m.comparator_cue if start < ps else None))
        lo = end
        i = j
    return res

