"""What follows a number's core (part of :mod:`claimx.grammar.quantities`): currency, scale word, unit and compound
``per`` unit, multiplier, points, composite amounts, feet and inches, currency sub-units; and the
final unit normalisation of a read quantity (:func:`_finish_unit`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar.quantities_base import _million_m, _peek, _Q
from claimx.grammar.quantities_context import _points_context
from claimx.grammar.quantities_patterns import (
    _alt, _LOOK, _MULT_FIRST, _MULT_SUFFIX_RE, _OF_CURRENCY_RE, _PER_GAME_RE, _POINTS_RE, _RELATIVE_TIME_RE,
    _SCALE_FIRST, _SP, _SP_CHARS,
)


def _read_after_number(text: str, q: _Q, hint: Optional[str], *, points_ctx: Optional[int], lo: int) -> None:
    """Extend ``q`` to the right: scale word, multiplier, unit or currency, compound ``per`` unit.

    ``points_ctx`` is the number's start when "N points" may mean percentage points (checked
    with :func:`_points_context` only if "points" follows), else ``None``. ``hint`` is the
    call's currency hint (ISO 4217 code or ``None``) for ambiguous currencies and sub-units.
    """
    pos = q.end
    c1 = text[pos:pos + 1]  # guards: each pattern below can only start with certain chars
    if c1 in _SP_CHARS:  # the character after one space, as _after_one_space(text, pos)
        c1 = text[pos + 1:pos + 2]
    gm = U.GLUED_CODE_RE.match(text, pos, pos + _LOOK) \
        if c1 in U.GLUED_CODE_FIRST and q.money is None and q.form in ("digits", "words") else None
    if gm is not None:  # "45 MUSD", "1,200 TSEK": scale and currency in one token
        q.scale, q.has_scale = N.GLUED_CURRENCY_SCALES[gm.group("s")], True
        q.money, pos = gm.group("c"), gm.end()
        c1 = text[pos:pos + 1]
        if c1 in _SP_CHARS:
            c1 = text[pos + 1:pos + 2]
    m = N.SCALE_AFTER_RE.match(text, pos, pos + _LOOK) if c1 in _SCALE_FIRST and gm is None else None
    if c1 == "m" and (m is None or m.group("w") == "m") and text.startswith("m", pos) and q.form == "digits" \
            and q.money is None and not q.has_scale and _million_m(text, pos + 1):  # "2.5m tonnes", "40m of its devices"
        m, q.scale, q.has_scale, pos = None, 1e6, True, pos + 1
        c1 = text[pos:pos + 1]
        if c1 in _SP_CHARS:
            c1 = text[pos + 1:pos + 2]
    hy_word = c1 == "-" and text[pos + 1:pos + 2].isalpha()  # a word joined by a hyphen
    if m is None and hy_word and q.form == "digits":  # "$3-billion"
        m = N.SCALE_AFTER_RE.match(text, pos + 1, pos + 1 + _LOOK)
        if m is not None and (m.group("sp") or m.group("w").lower() not in N.SCALE_WORDS):
            m = None
    if m and q.form in ("digits", "words"):
        v = N.scale_value(m.group("w"), money=q.money is not None, glued=not m.group("sp"),
                          decimal=q.form == "digits" and "." in (q.digits or ""))
        if v == 12.0 and q.form == "words" and not text[q.nstart:q.nend].isalpha():
            v = None  # "three hundred and two dozens": a dozen scales one number word ("three dozens")
        if v is not None and not (q.form == "words" and m.group("w").lower() in N.SCALE_WORDS):
            q.scale, q.has_scale, pos = v, True, m.end()
        c1 = text[pos:pos + 1]
        if c1 in _SP_CHARS:
            c1 = text[pos + 1:pos + 2]
    m = _MULT_SUFFIX_RE.match(text, pos, pos + _LOOK) if c1 in _MULT_FIRST else None
    if m and q.money is None and q.form in ("digits", "words", "fraction"):
        q.unit, q.form, q.end = "x", "multiplier" if q.form != "fraction" else "fraction", m.end()
        pm = U.PER_RE.match(text, m.end(), m.end() + _LOOK) if m.group().strip().lower() == "times" else None
        if pm is not None and (ti := U.lookup_unit(pm.group("u"))) is not None and ti.time \
                and not _RELATIVE_TIME_RE.match(text, pm.end(), pm.end() + _LOOK):
            q.unit, q.end = f"x/{ti.symbol}", pm.end()  # "four times per week", "twice a year" is a rate
        return
    if q.money is None and c1 in U.MINOR_FIRST and q.form in ("digits", "words") and _read_minor(text, q, pos, hint):
        pos = q.end
        unit_m = None
    else:
        unit_m = U.UNIT_RE.match(text, pos, pos + _LOOK) if c1 in U.UNIT_FIRST else None
    closing = _BRACKET_PAIRS.get(c1) if unit_m is None and q.money is None and q.form == "digits" else None
    if closing is not None:  # "20 (kg)", "20 [kg]": a unit alone in brackets
        b = pos + (text[pos:pos + 1] in _SP_CHARS) + 1
        um = U.UNIT_RE.match(text, b, b + _LOOK)
        if um is not None and not um.group("sp") and text.startswith(closing, um.end()) \
                and (bi := U.lookup_unit(um.group("u"))) is not None and bi.kind == "physical":
            unit_m = um
        else:
            closing = None
    if unit_m is None and q.minor is None and hy_word and text.startswith("-", pos) and q.form in ("digits", "words"):
        # hyphenated unit: "10-year", "2-hour", "1.2-GW", "10-km", "5-percent" (not one-letter symbols: "3-D")
        um = U.UNIT_RE.match(text, pos + 1, pos + 1 + _LOOK)
        info = U.lookup_unit(um.group("u")) if um and not um.group("sp") and len(um.group("u")) > 1 else None
        if info is not None and (not info.time or (um.group("u")[0].islower() and len(um.group("u")) > 2)):
            unit_m, q.hyphen = um, True
    cur_m = U.CURRENCY_AFTER_RE.match(text, pos, pos + _LOOK) \
        if q.money is None and c1 in U.CURRENCY_AFTER_FIRST else None
    if cur_m is None and unit_m is None and q.minor is None and hy_word and q.money is None \
            and q.form in ("digits", "words") and text.startswith("-", pos):
        hm = U.CURRENCY_AFTER_RE.match(text, pos + 1, pos + 1 + _LOOK)  # "a one-yen bid", "a 10-dollar bill"
        if hm is not None and not hm.group("sp") and hm.group("c")[:1].islower():
            cur_m = hm
        elif _read_minor(text, q, pos + 1, hint):  # "a 12-cent dividend"
            pos = q.end
    if cur_m is not None and cur_m.group("c").lower().startswith("pound") and not q.has_scale and (
            _OF_CURRENCY_RE.match(text, cur_m.end(), cur_m.end() + _LOOK) or U.mass_context(text, q.start)):
        # "500 pounds of beef", "she dropped 25 pounds" are a mass, not money
        q.unit_info = U.lookup_unit("lb")
        q.unit, pos, cur_m, unit_m = "[lb_av]", cur_m.end(), None, None
    if q.form == "vague" and cur_m is None and q.money is None:
        om = _OF_CURRENCY_RE.match(text, pos, pos + _LOOK)
        if om:
            cm = U.CURRENCY_AFTER_RE.match(text, om.end(), om.end() + _LOOK)
            if cm and not cm.group("sp"):
                cur_m = cm
    if cur_m is not None and (unit_m is None or cur_m.end() >= unit_m.end()):
        code = U.resolve_currency(cur_m.group("c"), hint)
        if code:
            q.money, pos = code, cur_m.end()
            unit_m = None
            if not q.has_scale and q.form in ("digits", "words") and text[pos:pos + 1] in _SP_CHARS:
                sm = N.SCALE_AFTER_RE.match(text, pos, pos + _LOOK)  # "75 USD million"
                if sm is not None and sm.group("sp") and sm.group("w").lower() in N.SCALE_WORDS:
                    q.scale, q.has_scale, pos = N.SCALE_WORDS[sm.group("w").lower()], True, sm.end()
                elif q.sub == 1.0 and cur_m.group("c")[-1:].isalpha():
                    pos = _composite_amount(text, q, pos)  # "3 dollars 50 cents"
    elif unit_m is None and q.money is None and q.form == "digits" and c1 == "i" \
            and (im := _INCH_RE.match(text, pos, pos + _LOOK)) is not None:  # "2 in thick", "a 2 in."
        q.unit_info, q.unit, pos = _INCH, _INCH.symbol, im.end()
    elif unit_m is None and q.money is None and q.form == "digits" and c1 == '"' \
            and (im := _INCH_QUOTE_RE.match(text, pos, pos + _LOOK)) is not None:  # 'a 65" TV'
        q.unit_info, q.unit, pos = _INCH, _INCH.symbol, im.end()
    elif unit_m is not None and not (len(unit_m.group("u")) == 1 and text[unit_m.end():unit_m.end() + 1] == "-"
                                     and text[unit_m.end() + 1:unit_m.end() + 2].isdigit()):  # "24703 L-202": a code
        info = U.lookup_unit(unit_m.group("u"))
        if info is not None:
            q.unit_info, q.unit, pos = info, info.symbol, unit_m.end() + (closing is not None)
            if text[pos:pos + 1] in ("^", " ") and (pw := _POWER_RE.match(text, pos, pos + 12)) is not None:
                sq = U.lookup_unit(info.symbol + ("2" if (pw.group(1) or pw.group(2)) in ("2", "squared") else "3"))
                if sq is not None:  # "4 km^2", "4 km squared", "4km^3"
                    q.unit_info, q.unit, pos = sq, sq.symbol, pw.end()
            if info.symbol == "[ft_i]" and q.form in ("digits", "words"):
                pos = _feet_and_inches(text, q, pos)
    if q.unit_info is None and q.money is None and q.unit is None and q.form in ("digits", "words") \
            and text[pos:pos + 1] in _SP_CHARS:
        gm = _PER_GAME_RE.match(text, pos, pos + _LOOK)  # "18.2 points per game"
        if gm is not None:
            g = gm.group("g").lower()
            g = {"games": "game", "matches": "match"}.get(g, g)
            w = gm.group("w").lower()
            w = w[:-2] if w.endswith("sses") else w[:-1] if w.endswith("s") else w  # points -> point, passes -> pass
            q.unit, q.end = f"{{{w}}}/{{{g}}}", gm.end()
            return
    if q.unit_info is None and q.money is None and q.form in ("digits", "words"):
        pm = _POINTS_RE.match(text, pos, pos + _LOOK) \
            if text[pos:pos + 1] in _SP_CHARS and _peek(text, pos) in "pP" else None
        if pm and points_ctx is not None and _points_context(text, points_ctx, pm.end()):
            q.unit_info = U.lookup_unit("pp")
            q.unit, pos = "pp", pm.end()
    # compound unit: "per ton", "/h", "a year", "per capita"
    if q.money is not None or (q.unit_info is not None and q.unit_info.kind == "physical"):
        pm = U.PER_RE.match(text, pos, pos + _LOOK)
        if pm:
            per = pm.group("per").strip().lower()
            den_text = pm.group("u")
            ann = U.ANNOTATIONS.get(" ".join(den_text.split()).lower())
            info = None if ann else U.lookup_unit(den_text)
            ok = ann is not None or info is not None
            if per in ("a", "an", "each", "-a-", "-per-"):  # "a year"; with money also "$61 a barrel", "$2 a share"
                ok = info is not None and (info.time or q.money is not None) \
                    and not (info.time and _RELATIVE_TIME_RE.match(text, pm.end(), pm.end() + _LOOK))
                # ("a year from now" is a time; "A$2,551 an ounce from A$2,441" is a rate)
            if ok and info is not None and info.kind != "physical":
                ok = False
            if ok:
                q.den_info, q.den_annotation, pos = info, ann, pm.end()
                pm2 = U.PER_RE.match(text, pos, pos + _LOOK) if (info is None or not info.time) else None
                i2 = U.lookup_unit(pm2.group("u")) if pm2 is not None else None
                if i2 is not None and i2.time and not _RELATIVE_TIME_RE.match(text, pm2.end(), pm2.end() + _LOOK):
                    q.den2, pos = i2, pm2.end()  # "200 litres per person per day"
    q.end = pos


_BRACKET_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_SMALL_WORDS = _alt([*N.ONES, *N.TENS, *(f"{t}-{o}" for t in N.TENS for o in N.ONES if 0 < N.ONES[o] < 10),
                     *(f"{t} {o}" for t in N.TENS for o in N.ONES if 0 < N.ONES[o] < 10)])
_COMPOSITE_RE = re.compile(
    rf"{_SP}+(?:(?i:and){_SP}+)?(?P<n>[0-9]{{1,2}}|(?i:{_SMALL_WORDS}))[{_SP[1:-1]}\-]?(?P<m>(?i:cents?|pence))\b")


def _composite_amount(text: str, q: _Q, pos: int) -> int:
    """Read the sub-unit part of an amount written in two units, "3 dollars 50 cents",
    "thirteen dollars and forty-five cents" (the sub-unit word must be written); add it to ``q``
    in the main unit (exactly) and return the new end."""
    m = _COMPOSITE_RE.match(text, pos, pos + _LOOK)
    if m is None:
        return pos
    n = m.group("n")
    cents = float(n) if n.isdigit() else N.parse_word_number(n)
    if cents is None or not 0 < cents < 100:
        return pos
    base = Decimal(q.digits) if q.digits is not None else N.dec(q.raw)
    exact = base + N.dec(cents) / 100
    q.raw, q.digits = float(exact), str(exact)
    return m.end()


_INCH = U.lookup_unit("inches")
#: "in" as inches only where the preposition cannot be: at the end, before punctuation or a
#: dimension word ("2 1/2 in thick", "it is 2 in.")
_INCH_RE = re.compile(rf"{_SP}in(?=\.?{_SP}*$|[.,;:)]|{_SP}+(?:thick|long|wide|tall|deep|high|across|diameter)\b)")
#: a straight double quote as inches: before a dimension or device word ('10" long', 'a 65" TV')
_INCH_QUOTE_RE = re.compile(rf"{_SP}?\"(?={_SP}+(?:{_alt(U.INCH_QUOTE_CUES, lower=False)})\b)")
_POWER_RE = re.compile(rf"\^([23])(?![0-9])|{_SP}(squared|cubed)\b")
_INCHES_RE = re.compile(rf"(?:{_SP}+(?i:and))?{_SP}+(?P<n>[0-9]{{1,2}}(?:\.[0-9]+)?){_SP}?(?:in\b\.?|(?i:inch|inches)\b|″|\")")


def _feet_and_inches(text: str, q: _Q, pos: int) -> int:
    """Read the inches of a length written in feet and inches ("5 ft 2 in", "5 feet and 2
    inches", "6′ 1″"): the value stays in feet, exactly (5 + 2/12); return the new end."""
    m = _INCHES_RE.match(text, pos, pos + _LOOK)
    if m is None or float(m.group("n")) >= 12:
        return pos
    base = Decimal(q.digits) if q.digits is not None else N.dec(q.raw)
    exact = N.EXACT.add(base, N.EXACT.divide(Decimal(m.group("n")), Decimal(12)))
    q.raw, q.digits = float(exact), str(exact)
    return m.end()


def _read_minor(text: str, q: _Q, pos: int, hint: Optional[str]) -> bool:
    """Read a currency sub-unit at ``pos`` ("40.1 cents", "10 euro cents", "99p", "50 paise"):
    set ``q.money`` and ``q.sub`` (its share of the main unit) and ``q.end``; return whether one
    was read. The currency is the qualifier written before the word, else ``hint`` or the word's
    default for now; :func:`find_quantities` then prefers the nearest money amount in the text
    (:func:`claimx.grammar.units.resolve_minor`)."""
    mm = U.MINOR_RE.match(text, pos, pos + _LOOK)
    if mm is None:
        return False
    word, qual_text = mm.group("m"), mm.group("q")
    if U.minor_glued_only(word) and (mm.group("sp") or qual_text or q.form != "digits"):
        return False
    qual = U.qualifier_currency(qual_text) if qual_text else None
    if qual_text and qual is None:
        return False
    code, frac = U.resolve_minor(word, qualifier=qual, hint=hint)
    q.money, q.sub, q.minor, q.minor_fixed = code, frac, word, qual == code
    q.end = mm.end()
    return True


_OZ_TR = U.lookup_unit("troy ounce")


def _troy(text: str, q: _Q) -> None:
    """Ounces of a precious metal are troy ounces (``units.json`` ``troy_cues``)."""
    if U.troy_context(text):
        if q.unit_info is not None and q.unit_info.symbol == "[oz_av]":
            q.unit_info, q.unit = _OZ_TR, _OZ_TR.symbol
        if q.den_info is not None and q.den_info.symbol == "[oz_av]":
            q.den_info = _OZ_TR


def _finish_unit(q: _Q) -> tuple[Optional[str], Optional[float], Optional[str]]:
    """Unit symbol, base value and base unit of a finished quantity. The base value is the
    exact decimal product of the written number, its scale and the unit factors, rounded to
    float once (``None`` when that is not finite)."""
    if q.money is None and q.unit_info is not None and q.unit_info.kind == "ratio" and q.den_info is None \
            and q.den_annotation is None:
        return q.unit_info.symbol, None, None  # %, pp, bp: no base form
    if q.money is not None:
        num_sym, num_f, num_base = q.money, None, q.money
    elif q.unit_info is not None:
        num_sym = q.unit_info.symbol
        num_f, num_base = U.unit_factor_exact(q.unit_info)
    else:
        return q.unit, None, None
    if q.den_info is None and q.den_annotation is None:
        if q.money is not None:
            return num_sym, None, None
        v = q.exact()
        if num_base is None:
            if q.unit_info is not None and v is not None:
                bv, bu = U.to_base_exact(v, q.unit_info)
                return num_sym, (None if bv is None else N.exact_float(bv)), bu
            return num_sym, None, None
        return num_sym, (None if v is None else N.exact_float(N.EXACT.multiply(v, num_f))), num_base
    if q.den_annotation is not None:
        den_sym, den_f, den_base = q.den_annotation, None, q.den_annotation
    else:
        den_sym = q.den_info.symbol
        den_f, den_base = U.unit_factor_exact(q.den_info)
    sym = f"{num_sym}/{den_sym}"
    d2_f = d2_base = None
    if q.den2 is not None:
        sym += f"/{q.den2.symbol}"
        d2_f, d2_base = U.unit_factor_exact(q.den2)
    v = q.exact()
    if num_base is None or den_base is None or v is None or (q.den2 is not None and d2_base is None):
        return sym, None, None
    if num_f is not None:
        v = N.EXACT.multiply(v, num_f)
    if den_f is not None:
        v = N.EXACT.divide(v, den_f)
    if d2_f is not None:
        v = N.EXACT.divide(v, d2_f)
    return sym, N.exact_float(v), f"{num_base}/{den_base}" + (f"/{d2_base}" if d2_base else "")
