"""Rules over the matches of the quantity scan that look at the text around them (pure
functions, no spaCy): :func:`drop_in_urls` removes numbers inside web addresses;
:func:`percent_of` reads "per cent of 22" (no number before the percent word) as 22 %;
:func:`digit_lists` reads "22,24,26" (groups of one or two digits glued by commas, which no
thousands grouping allows) as three numbers.
"""

from __future__ import annotations

import dataclasses
import re

from claimx.grammar.number_forms import number_token
from claimx.grammar.types import QuantityMatch

_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)


def drop_in_urls(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """``out`` without the matches inside a web address ("https://example.com/search?q=30%25")."""
    if not out or ("://" not in text and "www." not in text):
        return out
    spans = [m.span() for m in _URL_RE.finditer(text)]
    if not spans:
        return out
    return [q for q in out if not any(s < q.end_char and q.start_char < e for s, e in spans)]


_PCT_OF_RE = re.compile(r"(?i)(?:^|(?<=[^\w%]))(?P<w>percents?|per[ \u00a0]cents?)[ \u00a0]+of[ \u00a0]+\Z")


def percent_of(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """"per cent of 22", "percents of twenty" with no number before the percent word: the
    number is the percentage (22 %), as in a question or a heading; with a number before it
    ("5 per cent of 20") the percentage is that number and nothing changes."""
    if not out or "of" not in text:
        return out
    for i, q in enumerate(out):
        if q.unit is not None or q.lower is not None or q.comparator != "=" or q.start_char < 8 \
                or text[q.start_char - 3:q.start_char - 1].lower() != "of":
            continue
        left = text[max(0, q.start_char - 24):q.start_char]
        pm = _PCT_OF_RE.search(left)
        if pm is None:
            continue
        s = q.start_char - len(left) + pm.start("w")
        before = text[max(0, s - 24):s].split()
        if before and (before[-1][-1:].isdigit() or number_token(before[-1])):
            continue
        out[i] = dataclasses.replace(q, text=text[s:q.end_char], start_char=s, unit="%")
    return out


_LIST_TAIL_RE = re.compile(r"(?:,[0-9]{1,2}(?![0-9]))+(?=[ \u00a0]*(?:$|[.;:!?)\]\"](?![0-9])|,(?![0-9])|[ \u00a0]+(?:and|or)\b))")
_LIST_ITEM_RE = re.compile(r"[0-9]{1,2}")


def digit_lists(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """A bare integer followed by commas and groups of one or two digits ("nos. 22,24,26,31"):
    each group is a number of its own (a thousands group has three digits)."""
    if not out or "," not in text:
        return out
    res: list[QuantityMatch] = []
    for q in out:
        res.append(q)
        if q.unit is None and q.form == "digits" and q.end_char == q.number_end and text[q.end_char:q.end_char + 1] == "," \
                and text[q.number_start:q.number_end].isdigit():
            tm = _LIST_TAIL_RE.match(text, q.end_char)
            if tm is not None:
                for im in _LIST_ITEM_RE.finditer(text, tm.start(), tm.end()):
                    res.append(QuantityMatch(im.group(), im.start(), im.end(), float(im.group()),
                                             number_start=im.start(), number_end=im.end()))
    return res
