"""The reader of one number form at a token (pure functions, no spaCy).

:func:`read_number_form` reads, from a list of ``(text, start, end)`` tokens, one whole number
written in words, digits or both, with fractions over an ordinal denominator, mixed numbers,
"X over Y", "X out of Y" and caret powers (the forms listed in :mod:`claimx.grammar.number_forms`,
which decides where to read). :func:`number_token` tells whether one token is a number.
The word tables are ``number_words.json`` (``ordinal_denominators``, ``compound_only_ordinals``,
``quarter_time_words``) and :mod:`claimx.grammar.numbers`.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Optional, Sequence

from claimx.grammar import numbers as N
from claimx.grammar._resources import load
from claimx.grammar.number_forms_guard import ORDINALS

_W = load("number_words.json", ("ordinal_denominators", "compound_only_ordinals", "quarter_time_words"))
_COMPOUND_ONLY = frozenset(_W["compound_only_ordinals"])
_ONES_ORDINALS = frozenset(w for w, v in ORDINALS.items() if v < 10 and w not in ("half", "halves"))
_SINGULAR = frozenset(w for w in ORDINALS if not (w.endswith("s") or w == "halves"))

TOKEN_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?|[A-Za-z]+|\^|[-+\u2212]")
SIGNS = frozenset(("minus", "negative"))
MINUS = frozenset("-\u2212")
_END_AFTER_RE = re.compile(r"[ \u00a0]*(?:$|[.,;:!?)\]]|of\b|(?:" + "|".join(
    sorted(N.SCALE_WORDS, key=len, reverse=True)) + r")\b)", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[ \u00a0]*(?:$|[.,;:!?)\]])")
#: words before "three quarters" that make the quarters a time ("the first three quarters")
_QUARTER_TIME = frozenset(_W["quarter_time_words"])
#: number-token category -> the categories that may follow it inside one number
_NEXT = {k: frozenset(v.split()) for k, v in {
    "ones": "hundred scale", "teen": "hundred scale", "tens": "ones scale", "num2": "hundred scale", "big": "scale",
    "dec": "scale", "hundred": "ones teen tens num2 scale", "scale": "ones teen tens num2 big"}.items()}
#: one token of the reader: (text, start offset, end offset) into the text read
Token = tuple[str, int, int]



def token_category(t: str) -> Optional[tuple[str, Fraction]]:
    """Category and value of one number token ("ones", "teen", "tens", "num2", "big", "dec",
    "hundred", "scale"), or ``None``."""
    if t[0].isdigit():
        if "." in t:
            return "dec", Fraction(t)
        v = int(t)
        return ("ones" if v < 10 else "teen" if v < 20 else ("tens" if v % 10 == 0 else "num2") if v < 100
                else "big"), Fraction(v)
    lw = t.lower()
    if lw in N.ONES:
        v = N.ONES[lw]
        return ("ones" if v < 10 else "teen"), Fraction(v)
    if lw in N.TENS:
        return "tens", Fraction(N.TENS[lw])
    if lw == "hundred":
        return "hundred", Fraction(100)
    if lw in N.SCALE_WORDS:
        return "scale", Fraction(N.SCALE_WORDS[lw])
    return None


def _group(toks: Sequence[Token], i: int) -> Optional[tuple[int, list[tuple[str, Fraction, int]]]]:
    """The longest number written from ``toks[i]`` ("one hundred and three", "4 thousand 3
    hundred and 21", "ninety - five hundred"): (index after it, its items), or ``None``."""
    n = len(toks)
    items: list[tuple[str, Fraction, int]] = []
    prev: Optional[str] = None
    kind: Optional[bool] = None  # digits (True) or words (False) of the last number token
    hundred_seen = False
    last_scale = None
    k = i
    if k + 1 < n and toks[k][0].lower() in ("a", "an") and (c := token_category(toks[k + 1][0])) and c[0] in ("hundred", "scale"):
        items.append(("a", Fraction(1), k))
        prev, k = "ones", k + 1
    last_and = -1
    while k < n:
        t = toks[k][0]
        if t == "-":
            nx = token_category(toks[k + 1][0]) if k + 1 < n else None
            if prev == "tens" and nx is not None and nx[0] == "ones" and not toks[k + 1][0][0].isdigit():
                k += 1
                continue
            break
        if t.lower() == "and":
            nx = token_category(toks[k + 1][0]) if k + 1 < n else None
            if prev in ("hundred", "scale") and nx is not None and nx[0] in ("ones", "teen", "tens", "num2") and nx[1]:
                items.append(("and", Fraction(0), k))
                last_and = len(items) - 1
                k += 1
                continue
            break
        c = token_category(t)
        if c is None or (prev is not None and c[0] not in _NEXT[prev]):
            break
        if c[0] == "hundred" and hundred_seen or c[0] == "scale" and last_scale is not None and c[1] >= last_scale:
            if last_and >= 0 and len(items) - last_and == 2:  # "3 hundred and 2 hundred": two numbers
                del items[last_and:]
            break
        if prev == "scale" and t[0].isdigit() and items[-1][0] != "and" and not (
                k + 1 < n and (nx := token_category(toks[k + 1][0])) is not None and nx[0] in ("hundred", "scale")):
            break  # "7 million 2020": digits after a scale word go on only as "4 thousand 3 hundred"
        if c[0] not in ("hundred", "scale"):
            is_digit = t[0].isdigit()
            if kind is not None and is_digit != kind and (not items or items[-1][0] != "and"):
                break  # "10 million two-year": words after digits only after "and"
            kind = is_digit
        if c[0] == "hundred":
            hundred_seen = True
        elif c[0] == "scale":
            last_scale, hundred_seen = c[1], False
        items.append((c[0], c[1], k))
        prev = c[0]
        k += 1
    if not items:
        return None
    return items[-1][2] + 1, items


def _value(items: Sequence[tuple[str, Fraction, int]]) -> Fraction:
    total = cur = Fraction(0)
    for cat, v, _ in items:
        if cat == "and":
            continue
        if cat == "a":
            cur = Fraction(1)
        elif cat == "hundred":
            cur = (cur or 1) * 100
        elif cat == "scale":
            total, cur = total + (cur or 1) * v, Fraction(0)
        else:
            cur += v
    return total + cur


def _denominator(toks: Sequence[Token], groups: list[list], o: str) -> Optional[tuple[Fraction, Fraction]]:
    """(numerator, denominator) of number groups followed by the ordinal ``o``."""
    d = Fraction(ORDINALS[o])
    ones_ord = o in _ONES_ORDINALS
    if len(groups) == 2:
        last = groups[1]
        if not ones_ord or last[-1][0] not in ("tens", "hundred", "scale"):
            return None
        return _value(groups[0]), _value(last) + d
    if len(groups) != 1:
        return None
    g = groups[0]
    if ones_ord and g[-1][0] == "tens" and not toks[g[-1][2]][0][0].isdigit() and len(g) > 1 and g[-2][0] != "and":
        return _value(g[:-1]), g[-1][1] + d  # "one hundred thirty fifths" = 100/35
    if o in _COMPOUND_ONLY:
        if g[-1][0] != "tens" or len(g) > 1:
            return None
        return Fraction(1), g[-1][1] + d
    return _value(g), d


def _mixed(whole_items: Sequence[tuple[str, Fraction, int]], frac: Fraction, scale_after: Fraction) -> Fraction:
    """A whole number and a fraction: "five and a half million" = (5 + 1/2) * 1e6; after a scale
    word the fraction is of that scale ("five billion and three quarters" = 5.75e9) or of the
    scale after it ("one billion and a half million" = 1e9 + 5e5)."""
    whole = _value(whole_items)
    scales = [v for c, v, _ in whole_items if c == "scale"]
    if not scales:
        return (whole + frac) * scale_after
    return whole + frac * (scale_after if scale_after != 1 else scales[-1])


def _ordinal_at(toks: Sequence[Token], k: int) -> Optional[str]:
    return toks[k][0].lower() if k < len(toks) and toks[k][0].lower() in ORDINALS else None


def read_number_form(text: str, toks: Sequence[Token], i: int) -> Optional[tuple[int, int, float, str]]:
    """Read one of the module's number forms from token ``i``: ``(start, end, value, form)``
    (character offsets into ``text``; form ``fraction``, ``words`` or ``digits``) or ``None``."""
    n = len(toks)
    start = toks[i][1]
    sign = 1
    if toks[i][0].lower() in SIGNS or (toks[i][0] in MINUS and i + 1 < n and toks[i + 1][1] == toks[i][2] and (
            toks[i][1] == 0 or text[toks[i][1] - 1] in " \u00a0(")):  # a sign: "-4", not "3.6-3.6"
        sign, i = -1, i + 1
        if i >= n:
            return None
    g = _group(toks, i)
    if g is None:
        if toks[i][0].lower() in ("a", "an") and i + 1 < n and _ordinal_at(toks, i + 1):
            g = (i + 1, [("a", Fraction(1), i)])
        elif toks[i][0].lower() in ("a", "an") and i + 2 < n and toks[i + 1][0].lower() in N.TENS \
                and toks[i + 2][0] == "-" and _ordinal_at(toks, i + 3) in _COMPOUND_ONLY | _ONES_ORDINALS:
            g = (i + 1, [("a", Fraction(1), i)])  # "a twenty-first"
        else:
            return None
    j, items = g
    nxt = toks[j][0].lower() if j < n else ""
    digits = toks[i][0][0].isdigit()
    if nxt == "^" and len(items) == 1 and digits:  # "1.1^23", "-2.5^-1"
        k, neg = j + 1, False
        while k < n and toks[k][0] in "-+\u2212":
            neg ^= toks[k][0] != "+"
            k += 1
        if k < n and toks[k][0].isdigit() and len(toks[k][0]) <= 3 and toks[k][1] == toks[k - 1][2]:
            exp = int(toks[k][0])
            base = float(Fraction(toks[i][0]))
            try:
                v = base ** (-exp if neg else exp)
            except (OverflowError, ZeroDivisionError):
                return None
            return start, toks[k][2], sign * v, "digits"
        return None
    if nxt in ("over", "out") and not (nxt == "out" and (j + 1 >= n or toks[j + 1][0].lower() != "of")):
        k = j + (1 if nxt == "over" else 2)
        g2 = _group(toks, k) if k < n else None
        if g2 is None:
            return None
        den = _value(g2[1])
        end = toks[g2[0] - 1][2]
        if not den or (nxt == "over" and not _CLAUSE_END_RE.match(text, end)):
            return None
        num = _value(items)
        if nxt == "out" and num > den:
            return None
        return start, end, sign * float(num / den), "fraction"
    # fractions with an ordinal denominator, plain or mixed
    seq: list[list] = [items]
    seps: list[int] = []  # indexes in seq after which "and" separates groups
    k = j
    while k < n and not _ordinal_at(toks, k) and len(seq) < 4:
        t = toks[k][0].lower()
        if t == "-" and _ordinal_at(toks, k + 1):
            k += 1
            break
        if t == "and":
            if _ordinal_at(toks, k + 1) and seq[-1][-1][0] in ("hundred", "scale"):
                k += 1  # "one one hundred and fifth" = 1/105
                break
            if k + 1 < n and toks[k + 1][0].lower() in ("a", "an", "one") and _ordinal_at(toks, k + 2):
                seps.append(len(seq))
                seq.append([("a", Fraction(1), k + 1)])
                k += 2
                break
            g2 = _group(toks, k + 1) if k + 1 < n else None
            if g2 is None:
                break
            seps.append(len(seq))
            seq.append(g2[1])
            k = g2[0]
            continue
        if t == "-" and toks[k - 1][0].lower() in N.TENS and _ordinal_at(toks, k + 1):
            k += 1
            break
        g2 = _group(toks, k)
        if g2 is None:
            break
        seq.append(g2[1])
        k = g2[0]
    o = _ordinal_at(toks, k)
    if o is None:
        if digits and any(c in ("hundred", "scale") for c, _, _ in items) and len(items) >= 2:
            return start, toks[j - 1][2], sign * float(_value(items)), "words"  # "4 thousand 3 hundred and 21"
        return None
    end = toks[k][2]
    if digits and not seps and not any(c == "and" for c, _, _ in items):
        return None  # "100 millionths": an ordinal after digits is no denominator
    if o in _SINGULAR and not _END_AFTER_RE.match(text, end):
        return None  # "the twenty-first century", "its hundredth anniversary": ranks
    if o in ("quarters",) and start > 0:
        before = text[max(0, start - 20):start].split()
        if before and before[-1].lower() in _QUARTER_TIME:
            return None  # "the first three quarters": a time
    scale_after = Fraction(1)
    sm = re.match(r"[ \u00a0]+([A-Za-z]+)", text[end:end + 20])
    if sm and sm.group(1).lower() in N.SCALE_WORDS:
        scale_after, end = Fraction(N.SCALE_WORDS[sm.group(1).lower()]), end + sm.end()
    if seps:  # mixed: the part after the last "and" is a proper fraction
        f = _denominator(toks, seq[seps[-1]:], o) if len(seq) - seps[-1] <= 2 else None
        if f is None or f[0] >= f[1]:
            return None
        whole_items = [it for g in seq[:seps[-1]] for it in g]
        return start, end, sign * float(_mixed(whole_items, f[0] / f[1], scale_after)), "fraction"
    # a group that ends in "and" + ones inside ("one hundred and three quarters"): mixed too
    g0 = seq[0]
    ands = [x for x, it in enumerate(g0) if it[0] == "and"]
    if len(seq) == 1 and ands:
        tail = g0[ands[-1] + 1:]
        f = _denominator(toks, [tail], o)
        if f is not None and f[0] < f[1]:
            return start, end, sign * float(_mixed(g0[:ands[-1]], f[0] / f[1], scale_after)), "fraction"
    f = _denominator(toks, seq, o)
    if f is None or not f[1] or (o in _SINGULAR and f[0] != 1):
        return None  # (a singular ordinal takes one: "one fifth", but "two millionth" is no fraction)
    return start, end, sign * float(f[0] / f[1] * scale_after), "fraction"


def read_tokens(text: str, start: int, limit: int) -> list[Token]:
    """The tokens of :data:`TOKEN_RE` from ``start`` up to ``limit`` (character offsets), stopping
    at the first gap that is not blank space and after 24 tokens."""
    toks: list[Token] = []
    pos = start
    for m in TOKEN_RE.finditer(text, start, limit):
        if m.start() > pos and text[pos:m.start()].strip(" \u00a0\t"):
            break
        toks.append((m.group(), m.start(), m.end()))
        pos = m.end()
        if len(toks) >= 24:
            break
    return toks


def number_token(t: str) -> bool:
    """Whether the token ``t`` is a number in digits or one number word ("7", "seven", "million")."""
    return bool(t) and token_category(t) is not None
