"""Context rules around a number (part of :mod:`claimx.grammar.quantities`): codes and phone numbers, attributive use
("a 5-year plan"), percentage-point context, comparators glued before, written before and
written after a number, and the small tests on the two sides of a range.
"""

from __future__ import annotations

import re

import regex

from claimx.grammar.quantities_base import _peek, _prev_word, _Q, _tail_tokens, _window
from claimx.grammar.quantities_patterns import (
    _ATTR_EXCLUDED, _CHANGE_WORDS, _COORD_ATTR_RE, _DASHED_CODE_RE, _FORECAST_WORDS, _HYPHEN_WORD_RE,
    _INDEX_POINT_RE, _LOOK, _NOUN_AFTER_RE, _PAREN_PHONE_RE, _PCT_CONTEXT_RE, _PLUS_PHONE_RE, _PREFIX_COMPARATORS,
    _PREFIX_LAST, _PREFIX_MAX_WORDS, _SENT_BREAK_RE, _SP_CHARS, _SUFFIX_COMP_RE, _SUFFIX_COMPARATORS,
    _SUFFIX_FIRST, _UP_TO_VERBS, _VERB_COMPARATORS, _ZERO_PHONE_RE,
)


def _code_end(text: str, s: int, e: int, before: str) -> int:
    """End of a digit code that starts at ``s`` (an ISO date "2025-06-30", a phone number
    "555-123-4567", "+44 20 7946 0958", "(555) 123-4567", "020 7946 0958", an ISBN), else 0.
    ``text[s:e]`` is the number read there; ``before`` the character before it."""
    nxt = text[e:e + 1]
    m = _DASHED_CODE_RE.match(text, s, s + _LOOK) if nxt and nxt in "-\u2010\u2011\u2013" else None
    if m is None and before == "+" and (s < 2 or not text[s - 2].isalnum()):
        m = _PLUS_PHONE_RE.match(text, s, s + _LOOK)
        if m is not None and all(len(g) == 3 for g in regex.split(r"[ \u00a0.\-]", m.group())[1:]):
            m = None  # "+1 000 000" is a signed number with thousands groups
    if m is None and before == "(":
        m = _PAREN_PHONE_RE.match(text, s, s + _LOOK)
    if m is None and text.startswith("0", s) and text[s + 1:s + 2].isdigit():
        m = _ZERO_PHONE_RE.match(text, s, s + _LOOK)
    return m.end() if m is not None else 0


def _mark_attributive(text: str, q: _Q) -> None:
    """Set ``form="attributive"`` on a hyphenated duration or count-noun modifier before a noun
    ("a 10-year bond", "a 300-page report"; rule in ``quantity_cues.json`` ``_attributive_note``)."""
    if q.form not in ("digits", "words"):
        return
    if q.hyphen:
        if q.unit_info is not None and q.unit_info.time and q.den_info is None and q.den_annotation is None \
                and (_NOUN_AFTER_RE.match(text, q.end, q.end + _LOOK) or _COORD_ATTR_RE.match(text, q.end, q.end + _LOOK)):
            q.form = "attributive"
        return
    if q.unit is None and q.money is None and not q.has_scale and q.unit_info is None and text.startswith("-", q.end):
        m = _HYPHEN_WORD_RE.match(text, q.end, q.end + _LOOK)
        if m and m.group(1).lower() not in _ATTR_EXCLUDED:
            q.end, q.form = m.end(), "attributive"


def _points_context(text: str, s: int, e: int) -> bool:
    """Whether "N points" at ``text[s:e]`` means percentage points: a ``%`` or a percentage word
    (``percentage_context_words`` in ``quantity_cues.json``: share, rate, margin, ...) in the same
    sentence, looking at most 150 characters either way."""
    w = text[max(0, s - 150):s]
    breaks = [b.end() for b in _SENT_BREAK_RE.finditer(w)]
    if breaks:
        w = w[breaks[-1]:]
    if _INDEX_POINT_RE.search(w):
        return False  # "the index lost 210 points, or 0.7%": index points
    if _PCT_CONTEXT_RE.search(w):
        return True
    f = text[e:e + 150]
    br = _SENT_BREAK_RE.search(f)
    if br is not None:
        f = f[:br.start()]
    return bool(_PCT_CONTEXT_RE.search(f))


def _left_extend(text: str, q: _Q, lo: int) -> None:
    """Comparator word inside the span ("over", "up to") or finite verb outside ("surpassed")."""
    left = _window(text, lo, q.start)
    if not left or not left[-1].isspace():
        return
    last = left.rsplit(None, 1)
    if not last:
        return
    lw = last[-1].lower()
    if lw not in _PREFIX_LAST and (q.comparator != "=" or lw not in _VERB_COMPARATORS):
        return  # no comparator phrase ends with this word
    toks = _tail_tokens(left, _PREFIX_MAX_WORDS)
    for k in range(len(toks), 0, -1):
        phrase = " ".join(t for t, _ in toks[-k:]).lower()
        comp = _PREFIX_COMPARATORS.get(phrase)
        if comp is not None and phrase == "up to" and _prev_word(left[:toks[-k][1]]).lower() in _UP_TO_VERBS:
            return  # "edged up to 4.9%": a change to a level
        if comp is not None:
            q.comparator = comp
            q.start -= len(left) - toks[-k][1]
            return
    if toks and q.comparator == "=":
        word, off = toks[-1]
        comp = _VERB_COMPARATORS.get(word.lower())
        if comp:
            base = q.start - len(left)
            q.comparator = comp
            q.cue = (base + off, base + off + len(word))


_CMP_SYMBOLS = {k: v for k, v in _PREFIX_COMPARATORS.items() if not any(c.isalpha() for c in k)}
_CMP_SYMBOL_LAST = frozenset(k[-1] for k in _CMP_SYMBOLS)
_CMP_SYMBOL_MAX = max(len(k) for k in _CMP_SYMBOLS)


def _glued_comparator(text: str, q: _Q, lo: int) -> None:
    """A comparator symbol glued before the number (">30", "<=-30", "~2.5mm", "≥5%"): the
    longest entry of the symbol comparators of ``prefix_comparators``; it joins the span."""
    for k in range(min(_CMP_SYMBOL_MAX, q.start - lo), 0, -1):
        comp = _CMP_SYMBOLS.get(text[q.start - k:q.start])
        if comp is not None and text[q.start - k - 1:q.start - k] not in ("<", ">", "="):  # not "<>30"
            q.comparator, q.start = comp, q.start - k
            return


def _may_have_suffix(text: str, end: int) -> bool:
    """Whether a suffix comparator ("+", " or more") can follow at ``end``."""
    c = text[end:end + 1]
    return c == "+" or (c in _SP_CHARS and c != "" and _peek(text, end) in _SUFFIX_FIRST)


def _suffix_comparator(text: str, q: _Q) -> None:
    c = text[q.end:q.end + 1]
    if c != "+" and (c not in _SP_CHARS or _peek(text, q.end) not in _SUFFIX_FIRST):
        return
    m = _SUFFIX_COMP_RE.match(text, q.end, q.end + _LOOK)
    if m:
        key = "+" if m.group("plus") else " ".join(m.group("c").lower().split())
        comp = _SUFFIX_COMPARATORS.get(key)
        if comp == "incl":  # "less than 5000 or equal": the strict comparator before becomes inclusive
            if q.comparator in (">", "<"):
                q.comparator, q.end = q.comparator + "=", m.end()
        elif comp:
            q.comparator, q.end = comp, m.end()


def _same_unit(a: _Q, b: _Q) -> bool:
    return (a.money, a.unit) == (b.money, b.unit)


def _bare(q: _Q) -> bool:
    return q.money is None and q.unit is None and q.unit_info is None and not q.has_scale


def _prev_lower(text: str, lo: int, s: int) -> str:
    return _prev_word(_window(text, lo, s)).lower()


def _forecast_range(text: str, lo: int, q1: _Q, q2: _Q, conn: str) -> bool:
    """"expects sales to grow 4.8% to 5.1%": after a change verb that follows a forecast word
    (``quantity_cues.json`` ``forecast_range_words``), two percentages joined by "to", the
    first the smaller, are a range."""
    if conn != "to" or q1.unit != "%" or q2.unit != "%" or q1.raw is None or q2.raw is None or q1.raw >= q2.raw:
        return False
    left = _window(text, lo, q1.start, 48).split()
    return len(left) >= 2 and left[-1].lower() in _CHANGE_WORDS and left[-2].lower() in _FORECAST_WORDS


def _carry_to_start_point(q1: _Q, q2: _Q) -> None:
    """In a change "from X to Y" (not a range), give a bare start point X the end point's unit or
    currency, and its scale word when both mantissas are of a size ("rose from 5 to 7 million" ->
    5 million; "from 62 to 48 minutes" -> 62 min; but "from 900 to 1.2 million" keeps 900)."""
    if not _bare(q1) or q1.raw is None or q2.raw is None or q1.form != "digits" and q1.form != "words":
        return
    if q2.has_scale and q1.raw and q2.raw and max(abs(q1.raw), abs(q2.raw)) < 100 * min(abs(q1.raw), abs(q2.raw)):
        q1.scale, q1.has_scale = q2.scale, True
    _share_unit(q1, q2)


_NEXT_WORD_RE = re.compile(r"[ \u00a0]+([A-Za-z]+)")


def _next_lower(text: str, pos: int) -> str:
    """The lower-cased word after the space(s) at ``pos``, or ``""``."""
    m = _NEXT_WORD_RE.match(text, pos, pos + 40)
    return m.group(1).lower() if m else ""


def _share_unit(q1: _Q, q2: _Q) -> None:
    """The lower bound ``q1`` of a range takes the unit of the upper bound ``q2`` when it has
    none ("3 to 5 GW"), or only the rate's denominator when both name the same unit
    ("between A$1,900 and A$2,050 an ounce"). Changes ``q1`` in place."""
    if q1.money is None and q1.unit is None:
        q1.money, q1.unit, q1.unit_info = q2.money, q2.unit, q2.unit_info
        q1.den_info, q1.den_annotation = q2.den_info, q2.den_annotation
        q1.sub, q1.minor, q1.minor_fixed = q2.sub, q2.minor, q2.minor_fixed
    elif q1.den_info is None and q1.den_annotation is None and (q2.den_info or q2.den_annotation) \
            and q1.money == q2.money and q1.unit == q2.unit:  # "between A$1,900 and A$2,050 an ounce"
        q1.den_info, q1.den_annotation = q2.den_info, q2.den_annotation
