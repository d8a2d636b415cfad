"""The numeric core readers (part of :mod:`claimx.grammar.quantities`): :func:`_core` for a core found by the main
regex (number words, fractions, multipliers, vague amounts, scale adjectives), :func:`_digits`
for a digit core with its left- and right-hand rules, and :func:`_fast_digits`, its fast path
for quiet contexts (property-tested against the general path).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Optional

import regex

from claimx.grammar import number_forms as F
from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar.quantities_after import _read_after_number
from claimx.grammar.quantities_base import (
    _OF_NEXT_RE, _peek, _physical_ahead, _prev_word, _Q, _UNIT_OR_CURRENCY_AHEAD, _window,
)
from claimx.grammar.quantities_context import _code_end, _mark_attributive
from claimx.grammar.quantities_patterns import (
    _ALNUM_CODE_END_RE, _ANAPHORIC, _CONN_FIRST, _DAY_TAIL_RE, _DIGIT_CHAIN_RE, _DIGITS, _FRACSCALE,
    _HALF_PART_WORDS, _HYPHEN_WORD_RE, _in_index_name, _INDEX_NAMES, _LABEL_SAFE, _LOOK, _MIXED_FRAC_RE,
    _MONTH_AFTER_RE, _MONTH_FIRST, _MONTH_SET, _MULT_FIRST, _MULT_SUFFIX_RE, _ORDINAL_RE, _QUIET_AFTER, _RANKING,
    _SCALE_FIRST, _SCI_FIRST, _SCI_RE, _SIGN_WORDS, _SIMPLE_DECIMAL_RE, _SLASH_FRAC_RE, _SP_CHARS, _SUPERSCRIPTS,
    _THAT_AS_RE, _TIME_AFTER_RE, _TIME_FIRST, _UFRAC_AFTER_RE, _UFRAC_CHARS, _UNIT_AFTER_DIGIT_RE, _VERSION_WORDS,
    _YEAR_TAIL_RE,
)


def _core(text: str, m: regex.Match, lo: int, hint: Optional[str]) -> tuple[Optional[_Q], int]:
    """Build the quantity whose numeric core is ``m``; return it (or ``None``) and the position
    from which scanning continues. ``hint`` is the call's currency hint (ISO 4217 code or
    ``None``, see :func:`~claimx.grammar.units.resolve_currency`)."""
    s, e = m.span()
    g = m.lastgroup
    left = _window(text, lo, s)
    prev = _prev_word(left)
    prev_word = prev.lower()
    if g == "digits":
        return _digits(text, m, lo, left, prev, prev_word, hint)
    if g == "ufrac":
        if s > 0 and text[s - 1].isalnum():
            return None, e
        return _Q(s, e, s, e, N.UNICODE_FRACTIONS[m.group()], form="fraction"), e
    if g == "scaleadj":
        head = m.group("head").lower()
        code = U.resolve_currency(head, hint) if head in U.CURRENCY_NAMES else None
        q = _Q(s, e, s, e, 1.0, scale=N.SCALE_WORDS[m.group("sa").lower()], has_scale=True,
               comparator="~", form="scale_adjective", money=code)
        return q, e
    if g == "onein":
        den = m.group("den")
        d = float(den) if den.isdigit() else N.parse_word_number(den)
        if not d:
            return None, e
        return _Q(s, e, s, e, 1.0 / d, form="fraction"), e
    if g == "fracscale":  # "half million", "a quarter million", "three quarters billion", "two thirds of a million"
        ff = " ".join(m.group("ff").lower().replace("-", " ").split())
        frac = _FRACSCALE[ff.split()[-1]] * (N.parse_word_number(ff.split()[0]) if len(ff.split()) > 1 and
                                             ff.split()[0] not in ("a", "one") else 1.0)
        return _Q(s, e, s, e, frac, scale=N.SCALE_WORDS[m.group("fsc").lower()], has_scale=True,
                  form="fraction"), e
    if g == "halfa":
        sw = m.group("hs").lower()
        sc = N.SCALE_WORDS.get(sw) or (12.0 if sw == "dozen" else 100.0)
        return _Q(s, e, s, e, 0.5, scale=sc, has_scale=True, form="fraction"), e
    if g == "aord":
        return _Q(s, e, s, e, 1.0 / F.ORDINALS[m.group("ao").lower()], form="fraction"), e
    if g == "ahalf":  # "a half turn", "a half percentage point" (with a unit only)
        um = U.UNIT_RE.match(text, e, e + _LOOK)
        if um is None or not um.group("sp") or U.lookup_unit(um.group("u")) is None:
            return None, e
        return _Q(s, e, s, e, 0.5, form="fraction"), e
    if g == "fracw":
        n = m.group("fn").lower()
        num = 1.0 if n in ("a", "an") else N.parse_word_number(n)
        if num is None:
            return None, e
        q = _Q(s, e, s, e, num / round(1 / N.FRACTION_WORDS[m.group("fd").lower()]), form="fraction")  # 3/5, not 3 * 0.2
        if _THAT_AS_RE.match(text, e, e + _LOOK):
            q.unit = "x"
        return q, e
    if g == "half":
        if prev_word in ("and", "a", "one") or prev_word in _HALF_PART_WORDS:  # "the first half of 2024"
            return None, e
        q = _Q(s, e, s, e, 0.5, form="fraction")
        if _THAT_AS_RE.match(text, e, e + _LOOK):
            q.unit = "x"
        return q, e
    if g == "mult":
        return _Q(s, e, s, e, N.MULTIPLIER_WORDS[m.group().lower()], unit="x", form="multiplier"), e
    if g == "vague":
        if m.group("vq"):
            vq = " ".join(m.group("vq").lower().split())
            base = N.VAGUE_QUANTIFIERS.get(vq)
            sw = (m.group("vs") or "").lower()
            sc = N.SCALE_WORDS.get(sw) or {"hundred": 100.0, "dozen": 12.0}.get(sw, 1.0)
            raw = None if base is None else base
            if vq != "several" and not sw and not _UNIT_OR_CURRENCY_AHEAD(text, e):
                return None, e  # a bare "a few" / "numerous" is not a quantity
            return _Q(s, e, s, e, raw, scale=sc, has_scale=bool(sw), comparator="~", form="vague",
                      approximate=True), e
        if m.group("tens"):
            t = 10.0 if m.group("tens").lower() == "tens" else 100.0
            v = t * N.VAGUE_PLURALS[m.group("ts").lower()]
        else:
            v = N.VAGUE_PLURALS[m.group("vp").lower()]
        return _Q(s, e, s, e, v, comparator=">=", form="vague", approximate=True), e
    if g == "words":
        word = m.group()
        val = N.parse_word_number(word)
        if val is None or ("-" in word and _DIGIT_CHAIN_RE.search(word)):
            return None, e  # ("three-nought-four": a digit sequence or score, no amount)
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-\u2014\u2013"):
            return None, e
        if prev_word in _ANAPHORIC and not (text.startswith("-", e) and _physical_ahead(text, e + 1)):
            return None, e  # "the two lines" (but "the six-mile trip" holds a length)
        q = _Q(s, e, s, e, val, form="words")
        if prev_word in _SIGN_WORDS:  # "negative ten", "minus five"
            q.raw, q.start = -val, s - len(left) + len(left.rstrip()) - len(prev)
        return q, e
    return None, e


def _digits(text: str, m: regex.Match, lo: int, left: str, prev, prev_word: str,
            hint: Optional[str]) -> tuple[Optional[_Q], int]:
    s, e = m.span()
    digits = m.group()
    # currency glued or spaced before the number
    money = None
    qs = s
    b1 = text[s - 1:s] if s > lo else ""
    if b1 in _SP_CHARS and b1 and s - 1 > lo:
        b1 = text[s - 2]
    cur = None
    if b1 in U.CURRENCY_BEFORE_LAST and b1:
        w12 = _window(text, lo, s, 12)
        cur = U.currency_before(w12)  # (surface, offset in w12)
    glued_scale = None
    neg_after_currency = False
    if cur is None and b1 in "-\u2212" and s - 2 >= lo and text[s - 2] in U.CURRENCY_BEFORE_LAST:
        w11 = _window(text, lo, s - 1, 12)  # "$-99.99": the sign written after the currency
        c11 = U.currency_before(w11)
        if c11 is not None and c11[1] + len(c11[0]) == len(w11):
            money = U.resolve_currency(c11[0], hint)
            if money is not None:
                neg_after_currency, qs = True, s - 1 - (len(w11) - c11[1])
    if cur is None and b1.isalpha() and b1.isupper():  # "MAUD 60", "TEUR 1,200"
        w12 = _window(text, lo, s, 12)
        gm = U.GLUED_CODE_BEFORE_RE.search(w12)
        if gm is not None:
            cur, glued_scale = (gm.group("c"), gm.start("c")), N.GLUED_CURRENCY_SCALES[gm.group("s")]
    if cur:
        money = U.resolve_currency(cur[0], hint)
        qs = s - (len(w12) - cur[1]) - (len(gm.group("s")) if glued_scale else 0)
        if cur[0] == "$" and qs > lo:  # "HK $5.1 billion", "c $ 16.4 million"
            dq = U.dollar_qualifier(text[max(lo, qs - 6):qs])
            if dq is not None:
                money, qs = dq[0], max(lo, qs - 6) + dq[1]
    before = text[qs - 1] if qs > 0 else " "
    if money is None and digits in _INDEX_NAMES and _in_index_name(text, s, digits):
        return None, e  # S&P 500, FTSE 100, Fortune 500: part of a name
    if money is None:
        code_end = _code_end(text, s, e, before)
        if code_end:
            return None, code_end  # ISO date, phone number, ISBN: no quantity anywhere in it
        if (before.isalpha() and ord(before) < 0x2E80) or before in "_#@/\\":  # CJK may glue
            return None, e
        if before in "-\u2014\u2013\u2012\u2212" and qs >= 2 and (
                (text[qs - 2].isalpha() and ord(text[qs - 2]) < 0x2E80 and not _UNIT_AFTER_DIGIT_RE.search(
                    text, max(0, qs - 8), qs - 1)) or _ALNUM_CODE_END_RE.search(text, max(0, qs - 12), qs - 1)):
            if text[max(0, qs - 6):qs - 1].lower() != "minus":  # (but "minus-3 yards" is negative)
                return None, e  # GPT-5.5, COVID-19, Kestrel-2, SCP2-173 (but "5k-20k", "10km-20km" are ranges)
        if before == "[" and text.startswith("]", e):
            return None, e  # citation [12]
        if before == "." and qs >= 2 and text[qs - 2].isdigit():
            return None, e
    q, nxt = _digits_right(text, lo, s, e, digits, money, qs, before, left, prev, prev_word, hint)
    if glued_scale and q is not None and not q.has_scale:
        q.scale, q.has_scale = glued_scale, True
    if neg_after_currency and q is not None and q.raw is not None:
        q.raw, q.digits = -q.raw, ("-" + q.digits if q.digits is not None else None)
    return q, nxt


#: characters before a number (or its currency) that no left-hand rule of :func:`_digits` reacts
#: to (no sign, bracket, code, name or glued letter): with at most one of them between the end of
#: the previous match and the number, the left context is "quiet" (see :func:`_fast_digits`)
_QUIET_BEFORE = frozenset(" \t\n\r%")
if _QUIET_BEFORE & (U.CURRENCY_BEFORE_LAST | _SP_CHARS - {" "} | set("-+([.:#_@/\\")) \
        or any(c.isspace() for c in U.CURRENCY_BEFORE_LAST):
    raise ImportError("quantities._QUIET_BEFORE overlaps a left-hand rule: update it")
_CODE_NEXT = frozenset("-\u2010\u2011\u2013")
_DASHES = frozenset("-\u2012\u2013\u2014\u2212")
#: a dash glued to a digit after a number ("1-2") is also quiet (for a number without currency):
#: no unit, scale, time, fraction, minor unit or currency starts with a dash, and the multiplier
#: and hyphen-word patterns need a letter after it (checked here and in the property tests)
_RANGE_DASHES = frozenset("-\u2012\u2013\u2014")
#: first characters of unit symbols that are not letters or digits and that start no other
#: right-hand pattern ("%", "‰", "°"); see :func:`_fast_digits`
_GLUED_SYMBOL_FIRST = frozenset(c for c in U.UNIT_FIRST if not c.isalnum()) - (
    _SCALE_FIRST | _MULT_FIRST | _TIME_FIRST | _UFRAC_CHARS | U.CURRENCY_AFTER_FIRST | U.MINOR_FIRST | _SP_CHARS
    | _CONN_FIRST | set(".:/-+sSnNrRtT"))
if _RANGE_DASHES & (_SCALE_FIRST | _TIME_FIRST | _UFRAC_CHARS | _MONTH_FIRST | U.UNIT_FIRST
                    | U.CURRENCY_AFTER_FIRST | U.MINOR_FIRST | _SP_CHARS) \
        or any(_MULT_SUFFIX_RE.match(d + "1") or _HYPHEN_WORD_RE.match(d + "1") for d in _RANGE_DASHES):
    raise ImportError("quantities._RANGE_DASHES: a right-hand pattern now starts with a dash")


def _fast_digits(text: str, m: re.Match, lo: int, hint: Optional[str]) -> Optional[tuple[Optional[_Q], int]]:
    """:func:`_core` for a digit core ``m`` whose left context is quiet: the number (or a currency
    glued before it, "$5") starts at most one ``_QUIET_BEFORE`` character after ``lo`` (the end of
    the previous match or connector), so the previous-word window is empty or that character and
    no left-hand rule (currency after a space, sign, label, ranking word, month, name, code
    opener) can apply. Returns what :func:`_core` returns, or ``None`` when the context is not
    quiet (the caller then calls :func:`_core`). Same results as :func:`_core`, checked by
    ``tests/test_quantities_property.py`` on random dense texts; it saves the window, previous
    word and left-hand checks on dense numeric text."""
    s, e = m.span()
    if m.lastgroup != "digits":
        return None
    money = None
    qs = s
    b = text[s - 1] if s else " "
    if b in U.CURRENCY_BEFORE_LAST and s > lo:
        w12 = text[max(lo, s - 12):s]
        cur = U.currency_before(w12)
        if cur is None:
            return None
        money = U.resolve_currency(cur[0], hint)
        if money is None:
            return None
        qs = s - (len(w12) - cur[1])
        b = text[qs - 1] if qs else " "
    if qs - lo > 1 or (b not in _QUIET_BEFORE and not (
            b in _DASHES and qs >= 2 and text[qs - 2] in _DIGITS)):  # "1-2": no sign, no "GPT-5"
        return None
    digits = m.group()
    if money is None:
        if digits in _INDEX_NAMES and _in_index_name(text, s, digits):
            return None, e
        if text[e:e + 1] in _CODE_NEXT or digits[0] == "0":
            code_end = _code_end(text, s, e, b)
            if code_end:
                return None, code_end
    nxt = text[e:e + 1]
    c1 = text[e + 1:e + 2] if nxt in _SP_CHARS and nxt else nxt
    if (c1 in _QUIET_AFTER or (money is None and nxt in _RANGE_DASHES and text[e + 1:e + 2] in _DIGITS)) \
            and digits.isdigit() and 4 != len(digits) <= 300 and text[s - 1:s] != ":" \
            and not (c1 in _DIGITS and "/" in text[e + 2:e + 5]):  # (a mixed fraction: "3 1/2")
        # quiet on both sides, a plain integer that cannot be a year and whose float is finite:
        # every rule of _digits_right is a no-op (see there)
        return _Q(qs, e, s, e, float(digits), money=money, digits=digits), e
    if nxt in _GLUED_SYMBOL_FIRST and money is None and digits.isdigit() and 4 != len(digits) <= 300 \
            and text[s - 1:s] != ":":
        # a unit symbol character glued to a plain integer that cannot be a year ("5%", "3‰"):
        # no rule of _digits_right reacts to it, and _read_after_number can read only a unit
        # here (no scale, multiplier, currency, points or per unit starts with it): none, or a
        # ratio unit (which takes no per unit), gives this; any other unit takes the full path
        um = U.UNIT_RE.match(text, e, e + _LOOK)
        if um is None:
            return _Q(s, e, s, e, float(digits), digits=digits), e
        info = U.lookup_unit(um.group("u"))
        if info is not None and info.kind == "ratio":
            return _Q(s, um.end(), s, e, float(digits), unit=info.symbol, unit_info=info, digits=digits), um.end()
    # the window is text[lo:s] (at most a quiet character and a currency): no previous word
    return _digits_right(text, lo, s, e, digits, money, qs, b, text[lo:s], "", "", hint)


def _digits_right(text: str, lo: int, s: int, e: int, digits: str, money: Optional[str], qs: int,
                  before: str, left: str, prev: str, prev_word: str, hint: Optional[str]) -> tuple[Optional[_Q], int]:
    """Second half of :func:`_digits`: the number ``text[s:e]`` (``digits``), its currency and
    start ``qs`` read, ``before`` the character before ``qs``; read the right-hand context and
    apply the rules that need both sides."""
    nxt = text[e:e + 1]
    c1 = text[e + 1:e + 2] if nxt in _SP_CHARS and nxt else nxt  # as _after_one_space(text, e)
    exp10 = None
    if nxt in _SCI_FIRST or (nxt == " " and c1 in _SCI_FIRST):
        sm = _SCI_RE.match(text, e, e + 24)  # "6.02e23", "3.1×10−6", "1.3x10^6"
        if sm is not None:
            ex = (sm.group("e1") or sm.group("e2")).translate(_SUPERSCRIPTS).replace("\u2212", "-")
            exp10, e = int(ex.lstrip("^").lstrip("*")), sm.end()
            nxt = text[e:e + 1]
            c1 = text[e + 1:e + 2] if nxt in _SP_CHARS and nxt else nxt
    # "quiet": the next character (after at most one space) is one that no right-hand pattern
    # (unit, scale, currency, time, ordinal, fraction, per, points, hyphen) can start with, so
    # every right-context check below would be a no-op; skip them (dense numeric text)
    quiet = c1 in _QUIET_AFTER or (money is None and nxt in _RANGE_DASHES and text[e + 1:e + 2] in _DIGITS)
    if not quiet:
        if nxt == "." and text[e + 1:e + 2].isdigit():
            # version or IP (3.5.1): skip the whole dotted run
            end = e
            while end < len(text) and (text[end].isdigit() or text[end] == "."):
                end += 1
            return None, end
        if (nxt == ":" or c1 in _TIME_FIRST) and _TIME_AFTER_RE.match(text, e, e + _LOOK) \
                and money is None and "," not in digits and "." not in digits:
            return None, e + 3
    if s >= 1 and text[s - 1] == ":" and s >= 2 and text[s - 2].isdigit():
        return None, e
    if not quiet:
        if nxt in "sSnNrRtT" and _ORDINAL_RE.match(text, e, e + _LOOK) and not text[e - 1:e].isalpha():
            if digits[-1] in "0123456789" and not (e + 2 < len(text) and text[e + 2].isalpha()):
                return None, e + 2
        if nxt == "s" and not text[e + 1:e + 2].isalpha() and len(digits) == 4:
            return None, e + 1  # the 1990s
        if nxt.isalpha() and not N.SCALE_AFTER_RE.match(text, e, e + _LOOK) \
                and not U.UNIT_RE.match(text, e, e + _LOOK) and not _MULT_SUFFIX_RE.match(text, e, e + _LOOK) \
                and not U.CURRENCY_AFTER_RE.match(text, e, e + _LOOK) and not U.MINOR_RE.match(text, e, e + _LOOK):
            return None, e  # 5G, 3D, 4WD
    plain_int = digits.isdigit() and exp10 is None
    written = digits if digits.isdigit() else N.clean_digits(digits)
    if exp10 is not None:
        written = str(Decimal(written).scaleb(exp10))
    try:
        raw = float(written)
    except ValueError:
        return None, e
    if not math.isfinite(raw):
        return None, e
    # slash fractions and dates
    if nxt == "/" and money is None:
        fm = _SLASH_FRAC_RE.match(text, e, e + _LOOK)
        if fm and plain_int and 0 < raw < int(fm.group(1)) and (int(fm.group(1)) <= 10 or _OF_NEXT_RE.match(
                text, fm.end(), fm.end() + 6)) and not (s > 0 and text[s - 1] == "/"):  # "1/4", "1/40 of the wavelength"
            if before in "-\u2212" and qs >= 1 and (qs < 2 or not (text[qs - 2].isalnum() or text[qs - 2] in ".,%")):
                return _Q(qs - 1, fm.end(), s, fm.end(), -raw / int(fm.group(1)), form="fraction"), fm.end()  # "-4/5"
            return _Q(qs, fm.end(), s, fm.end(), raw / int(fm.group(1)), form="fraction"), fm.end()
        end = e
        while end < len(text) and (text[end].isdigit() or text[end] == "/"):
            end += 1
        return None, end
    # sign
    if money is None and before in "-\u2212" and qs >= 1:
        b2 = text[qs - 2] if qs >= 2 else " "
        if not (b2.isalnum() or b2 in ".,%"):
            raw, qs, written = -raw, qs - 1, "-" + written
        elif before == "-" and text[max(0, qs - 6):qs - 1].lower() == "minus":  # "minus-3 yards"
            raw, qs, written = -raw, qs - 6, "-" + written
    elif money is None and before == "+" and (qs < 2 or not text[qs - 2].isalnum()):
        qs -= 1
    elif money is None and prev_word in _SIGN_WORDS and written[0] != "-":  # "minus 40", "negative 5"
        raw, qs, written = -raw, qs - len(left) + len(left.rstrip()) - len(prev), "-" + written
    fr = _UFRAC_AFTER_RE.match(text, e, e + _LOOK) \
        if not quiet and plain_int and c1 in _UFRAC_CHARS else None
    if fr:
        raw, e = raw + N.UNICODE_FRACTIONS[fr.group("f")], fr.end()
        written = None  # "2½": the float sum is the value
    elif plain_int and nxt in _SP_CHARS and nxt and c1 in _DIGITS and money is None:
        mf = _MIXED_FRAC_RE.match(text, e, e + _LOOK)  # "10 1/2 miles": a whole number and a fraction
        if mf and 0 < int(mf.group(1)) < int(mf.group(2)) and not text.startswith("/", mf.end()):
            frac = N.EXACT.divide(Decimal(mf.group(1)), Decimal(mf.group(2)))
            exact = N.EXACT.add(Decimal(written), -frac if written.startswith("-") else frac)
            raw, written, e = float(exact), str(exact), mf.end()
            quiet = False  # the right-hand context is now after the fraction
    q = _Q(qs, e, s, e, raw, money=money, digits=written)
    # years, dates, labels
    year_like = plain_int and len(digits) == 4 and 1800 <= raw <= 2199 and money is None
    small_int = plain_int and len(digits) <= 2 and 1 <= raw <= 31
    if small_int and money is None and (prev.rstrip(".") in _MONTH_SET or (not quiet and (
            nxt in _SP_CHARS and _peek(text, e) in _MONTH_FIRST and _MONTH_AFTER_RE.match(text, e, e + _LOOK)))):
        dm = _DAY_TAIL_RE.match(text, e, e + 16)  # "Sept. 12-14", "March 13 to 19": the second day too
        return None, (dm.end() if dm else e)
    if prev_word in _RANKING or left.rstrip().endswith("#"):
        return None, e
    if not quiet:
        _read_after_number(text, q, hint, points_ctx=s, lo=lo)
    bare = (q.unit is None and q.money is None and not q.has_scale and q.unit_info is None)
    if year_like and bare:
        ym = _YEAR_TAIL_RE.match(text, e, e + _LOOK)
        return None, (ym.end() if ym else e)
    if bare and prev and money is None and (plain_int or _SIMPLE_DECIMAL_RE.fullmatch(digits)):
        w = prev
        if (w[:1].isupper() or (w[1:] != w[1:].lower() and w[:1].isalpha())) and w not in _LABEL_SAFE \
                and not w.endswith("'s") and not w.endswith("s'") \
                and (plain_int or w.lower() in _VERSION_WORDS):
            return None, q.end  # Windows 11, Unit 2, Table 2, Python 3.11, iOS 17.2 (but GDP 3.5, PMI 50.2)
    if not quiet and (q.hyphen or text.startswith("-", q.end)):  # (else _mark_attributive is a no-op)
        _mark_attributive(text, q)
    return q, q.end
