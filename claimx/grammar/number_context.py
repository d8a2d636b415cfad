"""Rules over the matches of the quantity scan that look at the text around them (pure
functions, no spaCy): :func:`drop_in_urls` removes numbers inside web addresses;
:func:`percent_of` reads "per cent of 22" (no number before the percent word) as 22 %;
:func:`digit_lists` reads "22,24,26" (groups of one or two digits glued by commas, which no
thousands grouping allows) as three numbers; :func:`per_population` reads "711.2 cases per
100,000 people" as 711.2 /10*5{capita}.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Optional

from claimx.grammar import units as U
from claimx.grammar.number_form_reader import number_token
from claimx.grammar.types import QuantityMatch, join_adjacent

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


_PER_NOUN_RE = re.compile(r"[ \u00a0]+(?:[a-z]+[ \u00a0]+)?per[ \u00a0]+\Z")
_POPULATION_RE = re.compile(r"[ \u00a0]+(?:" + "|".join(sorted(U.POPULATION_WORDS, key=len, reverse=True)) + r")\b")


def _power_of_ten(v: Optional[float]) -> Optional[int]:
    if v is None or v < 10 or not float(v).is_integer():
        return None
    k = len(str(int(v))) - 1
    return k if int(v) == 10 ** k else None


def per_population(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """A rate per a power of ten of people: "711.2 cases per 100,000 people" (the two numbers, or
    "711.2 per 100,000" already joined as ``/100000``) -> value 711.2, unit ``/10*5{capita}``,
    base value 0.007112 ``/{capita}`` (``units.json`` ``population_words``)."""
    if len(out) < 1 or " per " not in text:
        return out

    def join(a: QuantityMatch, b: Optional[QuantityMatch]) -> Optional[tuple[QuantityMatch, int]]:
        k, end, step = None, None, 1
        if a.unit is not None and a.unit.startswith("/") and a.unit[1:].isdigit():
            k = _power_of_ten(float(a.unit[1:]))
            pm = _POPULATION_RE.match(text, a.end_char) if k else None
            end = pm.end() if pm else None
        elif b is not None and a.unit is None and b.unit is None and a.value is not None and a.lower is None \
                and b.form == "digits" and b.comparator == "=" and a.end_char < b.start_char \
                and _PER_NOUN_RE.search(text, a.end_char, b.start_char):
            k = _power_of_ten(b.value)
            pm = _POPULATION_RE.match(text, b.end_char) if k else None
            end, step = (pm.end(), 2) if pm else (None, 1)
        if end is None:
            return None
        return dataclasses.replace(a, text=text[a.start_char:end], end_char=end, unit=f"/10*{k}{{capita}}",
                                   base_value=float(Decimal(repr(a.value)).scaleb(-k)), base_unit="/{capita}"), step

    return join_adjacent(out, join)
