"""Numbers written with digits or English words, and scale words (pure functions, no spaCy).

Tables come from ``claimx/resources/number_words.json`` and ``scales.json``; every regex is
compiled once at import with the ``regex`` module.
"""

from __future__ import annotations

import math
import re
from decimal import Context, Decimal
from typing import Mapping, Optional, Sequence

import regex

from claimx.grammar._resources import load
from claimx.grammar._trie import trie_alt

_WORDS = load("number_words.json", ("ones", "tens", "hundred", "group", "fraction_words",
                                      "unicode_fractions", "multiplier_words", "vague_quantifiers"))
_SCALES = load("scales.json", ("words", "stacks", "abbreviations_spaced", "abbreviations_glued",
                               "abbreviations_money_only", "vague_plurals", "glued_currency_scales",
                               "abbreviations_glued_decimal"))

ONES: Mapping[str, float] = _WORDS["ones"]
TENS: Mapping[str, float] = _WORDS["tens"]
GROUP: Mapping[str, float] = _WORDS["group"]
FRACTION_WORDS: Mapping[str, float] = _WORDS["fraction_words"]
UNICODE_FRACTIONS: Mapping[str, float] = _WORDS["unicode_fractions"]
MULTIPLIER_WORDS: Mapping[str, float] = _WORDS["multiplier_words"]
VAGUE_QUANTIFIERS: Mapping[str, Optional[float]] = _WORDS["vague_quantifiers"]
SCALE_WORDS: Mapping[str, float] = _SCALES["words"]
SCALE_SPACED: Mapping[str, float] = _SCALES["abbreviations_spaced"]
SCALE_GLUED: Mapping[str, float] = _SCALES["abbreviations_glued"]
SCALE_MONEY: Mapping[str, float] = _SCALES["abbreviations_money_only"]
#: scale letters glued to a decimal number only ("1.2b users"); ``scales.json``
SCALE_DECIMAL: Mapping[str, float] = _SCALES["abbreviations_glued_decimal"]
VAGUE_PLURALS: Mapping[str, float] = _SCALES["vague_plurals"]
#: scale letters glued to an ISO 4217 code ("MUSD", "kEUR", "TSEK", "bnUSD"); ``scales.json``
GLUED_CURRENCY_SCALES: Mapping[str, float] = _SCALES["glued_currency_scales"]


def _build_stacks() -> dict[str, float]:
    out: dict[str, float] = {}
    for first, seconds in _SCALES["stacks"].items():
        for second in seconds:
            if first not in SCALE_WORDS or second not in SCALE_WORDS:
                raise ValueError(f"scales.json stacks: {first!r} {second!r} are not both scale words")
            out[f"{first} {second}"] = float(Decimal(repr(SCALE_WORDS[first])) * Decimal(repr(SCALE_WORDS[second])))
    return out


#: stacked scale words and their product ("lakh crore" -> 1e12, "thousand crore" -> 1e10,
#: "thousand million" -> 1e9, "million million" -> 1e12); source ``scales.json`` ``stacks``
SCALE_STACKS: Mapping[str, float] = _build_stacks()

for _tbl in (ONES, TENS, GROUP, FRACTION_WORDS, UNICODE_FRACTIONS, MULTIPLIER_WORDS, SCALE_WORDS,
             SCALE_SPACED, SCALE_GLUED, SCALE_MONEY, VAGUE_PLURALS, GLUED_CURRENCY_SCALES, SCALE_DECIMAL):
    for _k, _v in _tbl.items():
        if not isinstance(_v, (int, float)) or _v < 0:
            raise ValueError(f"number table entry {_k!r} must be a non-negative number")

#: thousands separators accepted between digit groups: comma, space, thin space (U+2009),
#: narrow no-break space (U+202F), no-break space (U+00A0)
THOUSANDS_SEPARATORS = ",\u0020\u2009\u202f\u00a0"
MINUS_SIGNS = "-\u2212\u2013"


def _alt(words: Sequence[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


#: a run of digits: thousands groups (one separator kind per number), decimals, leading-dot decimals
DIGITS_RE = regex.compile(
    r"(?<![0-9.,])(?:"
    r"[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+(?:\.[0-9]+)?"
    r"|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9,])(?:\.[0-9]+)?"  # Indian grouping: 12,34,567.89
    r"|[0-9]{1,3}(?:[ \u2009\u202f\u00a0][0-9]{3}(?![0-9]))+(?:\.[0-9]+)?"
    r"|[0-9]+(?:\.[0-9]+)?"
    r"|\.[0-9]+"
    r")",
)

_DIGIT_WORDS = {w: int(v) for w, v in ONES.items() if v < 10} | {"oh": 0}
_DECIMAL_WORD = "|".join(sorted(list(_DIGIT_WORDS) + [f"{t}(?:-(?:{'|'.join(w for w, v in ONES.items() if 0 < v < 10)}))?"
                                                       for t in TENS] + [w for w, v in ONES.items() if v >= 10],
                                key=len, reverse=True))
_NUMBER_WORD = trie_alt(list(ONES) + list(TENS) + ["hundred"] + list(SCALE_WORDS) + list(GROUP), lower=True)
#: a run of English number words: "two hundred fifty million", "forty-two", "three and a half"
WORD_NUMBER_RE = regex.compile(
    rf"(?i)\b(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)\b(?![\-\u2010])))?"
    rf"(?:{_NUMBER_WORD})\b"
    rf"(?:(?:[\s\-]+|(?<=hundred|thousand|million|billion|trillion|lakh|crore)\s+and\s+)(?:{_NUMBER_WORD})\b)*"
    rf"(?:\s+and\s+(?:a|one)\s+(?:half|quarter|third)\b(?:\s+(?:{_alt(list(SCALE_WORDS))})\b)?)?"
    rf"(?:\s+point(?:\s+(?:{_DECIMAL_WORD}))+\b)?",
)
_TOKEN_RE = regex.compile(r"[A-Za-z]+")


def clean_digits(s: str) -> str:
    """The digit string ``s`` without thousands separators and with an ASCII sign:
    ``"1,234.5"`` -> ``"1234.5"``, ``"−3"`` (U+2212) -> ``"-3"``, ``"+7"`` -> ``"7"``, ``".5"``
    -> ``".5"``. Does not check that the result is a number (see :func:`parse_digits`)."""
    s = s.strip()
    sign = ""
    if s and s[0] in MINUS_SIGNS:
        sign, s = "-", s[1:]
    elif s.startswith("+"):
        s = s[1:]
    for sep in THOUSANDS_SEPARATORS:
        s = s.replace(sep, "")
    return sign + s


def parse_digits(s: str) -> float:
    """Parse a digit string such as ``"1,234.5"``, ``"1 482 300"`` (any separator of
    :data:`THOUSANDS_SEPARATORS`), ``".5"`` or ``"-3"`` / ``"−3"`` (U+2212) into a float.

    Raises ``ValueError`` when the string is not a number.
    """
    return float(clean_digits(s))


#: decimal context of the exact products: 60 significant digits hold any written number times
#: any scale and unit factor of the tables exactly (quotients such as km/h are rounded here,
#: 40 digits below a float's precision); exponents are unbounded in practice
EXACT = Context(prec=60, Emax=999999, Emin=-999999)


def dec(x: float | int | str) -> Decimal:
    """A table number or written digit string as an exact :class:`~decimal.Decimal`.

    Floats go through their shortest ``repr``, i.e. the decimal written in the JSON table
    (``1e9`` -> ``Decimal("1000000000.0")``, ``0.01`` -> ``Decimal("0.01")``, not the binary
    value 0.01000000000000000020816...); strings are read as written (``"4.1"``)."""
    if isinstance(x, str):
        return Decimal(x)
    return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)


def exact_float(d: Decimal) -> Optional[float]:
    """``float(d)``, the float nearest to the exact decimal ``d``, or ``None`` when it is not
    finite (a product beyond about 1.8e308 such as ``'9' * 300`` petabytes in bytes)."""
    f = float(d)
    return f if math.isfinite(f) else None


def exact_value(digits: Optional[str], raw: float, *factors: float) -> Optional[float]:
    """The float nearest to the written number times ``factors`` (scale words, sub-unit shares),
    computed in decimal: ``exact_value("4.1", 4.1, 1e9)`` -> ``4100000000.0`` (a float product
    gives ``4099999999.9999995``). ``digits`` is the number as written without separators
    (:func:`clean_digits`), or ``None`` for numbers not written in digits (word numbers,
    fractions), whose float ``raw`` is then taken as the written value. Returns ``None`` when
    the result is not finite."""
    d = Decimal(digits) if digits is not None else dec(raw)
    for f in factors:
        if f != 1.0:
            d = EXACT.multiply(d, dec(f))
    return exact_float(d)


def parse_word_number(s: str) -> Optional[float]:
    """Value of an English number phrase: ``"Forty-two"`` -> 42, ``"two hundred and fifty million"``
    -> 250000000, ``"three and a half"`` -> 3.5, ``"a dozen"`` -> 12, ``"a million"`` -> 1e6.

    Returns ``None`` when the words do not form a number. Case-insensitive.
    """
    toks = [t.lower() for t in _TOKEN_RE.findall(s)]
    if not toks:
        return None
    if "point" in toks[1:]:  # "five point five", "two hundred point seventy-one"
        k = toks.index("point")
        whole = parse_word_number(" ".join(toks[:k]))
        digits = _decimal_digits(toks[k + 1:])
        if whole is None or digits is None:
            return None
        return float(Decimal(f"{int(whole)}.{digits}")) if float(whole).is_integer() else None
    total = 0.0
    current = 0.0
    last_scale = 0.0
    seen = False
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in ("a", "an") and i == 0:
            current = 1.0
            i += 1
            continue
        if t == "and":
            if i + 2 < len(toks) + 1 and i + 1 < len(toks) and toks[i + 1] in ("a", "one") \
                    and i + 2 < len(toks) and toks[i + 2] in ("half", "quarter", "third"):
                if current == 0.0 and last_scale:  # "one million and a half": half a million more
                    total += FRACTION_WORDS[toks[i + 2]] * last_scale
                    i += 3
                    continue
                current += FRACTION_WORDS[toks[i + 2]]
                i += 3
                if i < len(toks) and toks[i] in SCALE_WORDS:  # "five and a half million"
                    total += current * SCALE_WORDS[toks[i]]
                    current = 0.0
                    i += 1
                continue
            i += 1
            continue
        if t in ONES:
            current += ONES[t]
        elif t in TENS:
            current += TENS[t]
        elif t == "hundred":
            current = (current or 1.0) * 100
        elif t in GROUP:
            current = (current or 1.0) * GROUP[t]
        elif t in SCALE_WORDS:
            sv = SCALE_WORDS[t]
            if i + 1 < len(toks) and f"{t} {toks[i + 1]}" in SCALE_STACKS:  # "two lakh crore"
                sv = SCALE_STACKS[f"{t} {toks[i + 1]}"]
                i += 1
            total += (current or 1.0) * sv
            current, last_scale = 0.0, sv
        else:
            return None
        seen = True
        i += 1
    if not seen:
        return None
    return total + current


def _decimal_digits(toks: Sequence[str]) -> Optional[str]:
    """The digits written after "point": one digit word each ("nought four" -> "04"), or a single
    tens or teens word ("seventy one" -> "71", "eleven" -> "11"); ``None`` otherwise."""
    if toks and all(t in _DIGIT_WORDS for t in toks):
        return "".join(str(_DIGIT_WORDS[t]) for t in toks)
    v = parse_word_number(" ".join(toks))
    if v is not None and float(v).is_integer() and 10 <= v < 100 and len(toks) <= 2:
        return str(int(v))
    return None


def scale_value(word: str, *, money: bool = False, glued: bool = True, decimal: bool = False) -> Optional[float]:
    """Multiplier of a scale word or abbreviation (``"billion"`` -> 1e9, ``"bn"`` -> 1e9,
    ``"K"`` -> 1e3, ``"crore"`` -> 1e7) or of a stacked pair (``"lakh crore"`` -> 1e12), or ``None``.

    Single-letter abbreviations (k, K, M, B, T) count only when ``glued`` to the number; ``m``,
    ``b``, ``t`` only after a currency (``money=True``), ``b`` also glued to a decimal number
    (``decimal=True``: "1.2b"). Source: ``resources/scales.json``.
    """
    low = word.lower()
    if low in SCALE_WORDS:
        return SCALE_WORDS[low]
    if low in ("dozen", "dozens", "dz", "dzs", "doz", "dozs"):  # "3 dozen", "3 dzs"
        return 12.0
    if low.startswith("hundred"):  # after digits: "3 hundred", "3 hundred million"
        rest = low[7:].strip()
        return 100.0 if not rest else (100.0 * SCALE_WORDS[rest] if rest in SCALE_WORDS else None)
    if " " in low or "\u00a0" in low:
        return SCALE_STACKS.get(" ".join(low.split()))
    if word in SCALE_SPACED:
        return SCALE_SPACED[word]
    if low in ("mn", "bn", "bln", "tn", "trn", "mln", "tln"):
        return SCALE_SPACED.get(low)
    if glued and word in SCALE_GLUED:
        return SCALE_GLUED[word]
    if money and word in SCALE_MONEY:
        return SCALE_MONEY[word]
    if decimal and glued and word in SCALE_DECIMAL:
        return SCALE_DECIMAL[word]
    return None


_SCALE_ALL = list(SCALE_WORDS) + list(SCALE_SPACED) + list(SCALE_GLUED) + list(SCALE_MONEY) + \
    ["mn", "bn", "bln", "tn", "trn", "mln", "tln"]
#: a scale word or stacked pair right after a number (optional space, then the word); group ``w``
SCALE_AFTER_RE = re.compile(
    rf"(?P<sp>[ \u00a0\u2009\u202f]?)(?P<w>(?i:{trie_alt(SCALE_STACKS, spaces=True, lower=True)}"
    rf"|hundred(?:[ \u00a0]+(?:thousand|million|billion|trillion))?(?![ \u00a0]+and\b)|dozens?|dozs?|dzs?|{_alt(list(SCALE_WORDS))})|{_alt(sorted(set(_SCALE_ALL) - set(SCALE_WORDS)))})(?![A-Za-z0-9])"
)
