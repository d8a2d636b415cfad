"""The currency lexicon: ISO 4217 codes, names, symbols, sub-units and hint cues, their regexes and
resolvers (part of :mod:`claimx.grammar.units`, which re-exports every public name).

Sources: ``claimx/resources/currencies.json`` (curated symbols, defaults and aliases) and CLDR via
babel for the full list of current ISO 4217 codes and their English names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Optional

import babel
import babel.numbers
import regex

from claimx.grammar._resources import load
from claimx.grammar._trie import trie_alt
from claimx.grammar.numbers import GLUED_CURRENCY_SCALES
from claimx.grammar.unit_lexicon import _END, _SPACES

_C = load("currencies.json", ("symbols", "ambiguous_symbols", "name_defaults", "aliases",
                              "word_like_codes", "hint_cues", "lowercase_codes", "dollar_qualifiers"))


def _alt(words, *, spaces: bool = False) -> str:
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        e = regex.escape(w)
        if spaces:
            e = e.replace("\\ ", r"\s+").replace("\\-", r"[\-\u2010\u2011]")
        out.append(e)
    return "|".join(out)


def _current_codes() -> frozenset[str]:
    codes: set[str] = set()
    for t in babel.Locale("en").territories:
        try:
            codes.update(babel.numbers.get_territory_currencies(t, tender=True))
        except Exception:  # territories without currency data
            continue
    return frozenset(codes)


#: ISO 4217 codes in current use (CLDR territory data via babel)
ISO_CODES: frozenset[str] = _current_codes()
if "USD" not in ISO_CODES or "CNY" not in ISO_CODES:
    raise ValueError("babel returned no ISO 4217 data")
_WORD_LIKE = frozenset(_C["word_like_codes"])
_TAIL_STOP = frozenset({"real", "mark", "som", "kip", "lev", "dram", "unit", "gold", "franc"})


def _build_currency_names() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Names (lower case) -> code, and ambiguous tail words -> candidate codes."""
    names: dict[str, str] = {}
    tails: dict[str, list[str]] = {}
    for code in sorted(ISO_CODES):
        for count in (1, 2):
            n = babel.numbers.get_currency_name(code, count=count, locale="en").lower()
            names.setdefault(n, code)
            tail = n.split()[-1]
            if tail not in _TAIL_STOP and not (tail.endswith("s") and tail[:-1] in _TAIL_STOP):
                tails.setdefault(tail, [])
                if code not in tails[tail]:
                    tails[tail].append(code)
    for tail, default in _C["name_defaults"].items():
        for t in (tail, tail + "s"):
            cands = tails.setdefault(t, [])
            if default in cands:
                cands.remove(default)
            cands.insert(0, default)
    amb: dict[str, tuple[str, ...]] = {}
    for tail, cands in tails.items():
        if len(cands) == 1 or tail.rstrip("s") in _C["name_defaults"] or tail in _C["name_defaults"]:
            names.setdefault(tail, cands[0])
            if len(cands) > 1:
                amb[tail] = tuple(cands)
    for alias, code in _C["aliases"].items():
        names[alias.lower()] = code
    return names, amb


CURRENCY_NAMES, _AMBIGUOUS_NAMES = _build_currency_names()
CURRENCY_SYMBOLS: Mapping[str, str] = _C["symbols"]
_AMBIGUOUS_SYMBOLS: Mapping[str, tuple[str, ...]] = _C["ambiguous_symbols"]
_PREFIX_CODES = sorted(c for c in ISO_CODES if c not in _WORD_LIKE) + ["RMB"]
#: codes read in lower case too ("20 usd", "usd 20"; ``currencies.json`` ``lowercase_codes``)
LOWER_CODES: Mapping[str, str] = {c: c.upper() for c in _C["lowercase_codes"] if c.upper() in ISO_CODES}
#: one-character currency symbols, also read after a number when no digit follows ("5 €", "100 ₡")
_AFTER_SYMBOLS = sorted(s for s in CURRENCY_SYMBOLS if len(s) == 1 and (not s.isalnum() or ord(s) >= 0x2E80))

#: a currency written before the number (symbol or code, optionally one space): group ``c``;
#: applied to the text just left of a number, anchored at its end
CURRENCY_BEFORE_RE = regex.compile(
    rf"(?:(?<![A-Za-z])(?P<c>{_alt(_PREFIX_CODES)}|{_alt([s for s in CURRENCY_SYMBOLS if s[-1].isalpha()])})"
    rf"|(?P<c>{_alt([s for s in CURRENCY_SYMBOLS if not s[-1].isalpha()])})){_SPACES}?\Z"
)
#: a currency written after the number (name or code): group ``c``
CURRENCY_AFTER_RE = re.compile(
    rf"(?P<sp>{_SPACES}?)(?P<c>(?i:{trie_alt(CURRENCY_NAMES, spaces=True, lower=True)})(?![A-Za-z])"
    rf"|(?:{trie_alt(_PREFIX_CODES)}|{trie_alt(LOWER_CODES)}){_END}"
    rf"|(?:{trie_alt(_AFTER_SYMBOLS)})(?!{_SPACES}?[0-9])(?!\.[0-9])(?![A-Za-z]))"
)


#: a scale letter glued to an ISO code after a number ("45 MUSD", "12.3 kEUR", "3 bnUSD"): groups
#: ``s`` (the scale, ``scales.json`` ``glued_currency_scales``) and ``c`` (the code)
GLUED_CODE_RE = re.compile(
    rf"(?P<sp>{_SPACES}?)(?P<s>{trie_alt(GLUED_CURRENCY_SCALES)})(?P<c>{trie_alt([c for c in ISO_CODES if c.isalpha() and c.isupper()])}){_END}"
)
GLUED_CODE_FIRST = frozenset(w[0] for w in GLUED_CURRENCY_SCALES)
#: the same glued code written before a number ("MAUD 60", "TEUR 1,200"), at the end of the text
#: just left of the number
GLUED_CODE_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?P<s>{trie_alt(GLUED_CURRENCY_SCALES)})(?P<c>{trie_alt([c for c in ISO_CODES if c.isalpha() and c.isupper()])}){_SPACES}?\Z"
)


#: characters a currency written before a number can end with (see :func:`currency_before`)
CURRENCY_BEFORE_LAST = frozenset(w[-1] for w in list(_PREFIX_CODES) + list(CURRENCY_SYMBOLS) + list(LOWER_CODES) + ["rmb"])

_BEFORE_ALPHA_END = frozenset(list(_PREFIX_CODES) + [s for s in CURRENCY_SYMBOLS if s[-1].isalpha()]
                              + list(LOWER_CODES) + ["rmb"])
_BEFORE_OTHER_END = frozenset(s for s in CURRENCY_SYMBOLS if not s[-1].isalpha())
_BEFORE_MAX = max(len(s) for s in _BEFORE_ALPHA_END | _BEFORE_OTHER_END)


def currency_before(window: str) -> Optional[tuple[str, int]]:
    """The currency symbol or code written at the end of ``window`` (the text just left of a
    number, optionally followed by one space), as ``(surface, start offset in window)``, or
    ``None``. Same result as :data:`CURRENCY_BEFORE_RE` (leftmost, i.e. longest, match; codes
    and symbols ending in a letter must not follow an ASCII letter), by dictionary look-ups
    of the window's last few characters instead of a regex search."""
    end = len(window)
    if end and window[-1] in " \u00a0\u2009\u202f":
        end -= 1
    if not end or window[end - 1] not in CURRENCY_BEFORE_LAST:
        return None
    for start in range(max(0, end - _BEFORE_MAX), end):
        tail = window[start:end]
        if tail in _BEFORE_OTHER_END:
            return tail, start
        if tail in _BEFORE_ALPHA_END and not (start and "A" <= window[start - 1].upper() <= "Z"
                                              and window[start - 1].isascii()):
            return tail, start
    return None


_DOLLAR_QUALIFIERS: Mapping[str, str] = _C["dollar_qualifiers"]
_DOLLAR_QUAL_RE = regex.compile(
    rf"(?i)(?<![A-Za-z.])(?P<q>{_alt(_DOLLAR_QUALIFIERS)}){_SPACES}?\Z")


def dollar_qualifier(left: str) -> Optional[tuple[str, int]]:
    """The country qualifier written at the end of ``left``, the text just before a dollar sign
    ("HK " in "HK $5.1 billion", "c " in "c $ 16.4 million", "aud" in "aud$ 15"), as ``(ISO code,
    start offset in left)``, or ``None`` (``currencies.json`` ``dollar_qualifiers``)."""
    m = _DOLLAR_QUAL_RE.search(left[-6:])
    if m is None:
        return None
    return _DOLLAR_QUALIFIERS[m.group("q").lower()], len(left) - len(left[-6:]) + m.start()


def resolve_currency(surface: str, hint: Optional[str] = None) -> Optional[str]:
    """ISO 4217 code of a currency symbol, code or name as written (``"US$"`` -> ``"USD"``,
    ``"RMB"`` -> ``"CNY"``, ``"rupees"`` -> ``"INR"``), or ``None``.

    Ambiguous symbols and names resolve to ``hint`` when it is one of their candidates
    (``"¥"`` with hint ``"CNY"`` -> ``"CNY"``) and otherwise to the documented default
    (``$``/``dollars`` -> USD, ``¥`` -> JPY, ``£``/``pounds`` -> GBP, ``Rs``/``rupees`` -> INR,
    ``kr`` -> SEK, ``pesos`` -> MXN); see ``resources/currencies.json``.
    """
    if surface in CURRENCY_SYMBOLS:
        cands = _AMBIGUOUS_SYMBOLS.get(surface)
        if hint and cands and hint in cands:
            return hint
        return CURRENCY_SYMBOLS[surface]
    if surface in ISO_CODES:
        return surface
    if surface in LOWER_CODES:
        return LOWER_CODES[surface]
    key = " ".join(surface.split()).lower()
    code = CURRENCY_NAMES.get(key)
    if code is None:
        return None
    cands = _AMBIGUOUS_NAMES.get(key)
    if hint and cands and hint in cands:
        return hint
    return code


# ---------------------------------------------------------------- currency sub-units


@dataclass(frozen=True, slots=True)
class MinorUnit:
    """A currency sub-unit word ("cents", "pence", "paise", "fen"): ``default`` ISO code,
    ``candidates`` the codes whose sub-unit it names (default first), ``fraction`` an explicit
    share of the main unit or ``None`` for ``10**-digits`` of the resolved currency."""

    default: str
    candidates: tuple[str, ...]
    fraction: Optional[float] = None


def _build_minor_units() -> tuple[dict[str, MinorUnit], frozenset[str]]:
    out: dict[str, MinorUnit] = {}
    glued: set[str] = set()
    for e in _C.get("minor_units", ()):
        cands = tuple(dict.fromkeys((e["default"], *e["candidates"])))
        frac = e.get("fraction")
        for c in cands:
            if c not in ISO_CODES:
                raise ValueError(f"currencies.json minor_units: {c!r} is not a current ISO 4217 code")
            if frac is None and babel.numbers.get_currency_precision(c) <= 0:
                raise ValueError(f"currencies.json minor_units: {c!r} has no minor unit in CLDR")
        mu = MinorUnit(e["default"], cands, None if frac is None else float(frac))
        for n in e["names"]:
            out[n.lower()] = mu
        for n in e.get("glued", ()):
            out[n] = mu
            glued.add(n)
    return out, frozenset(glued)


#: sub-unit words (lower case) and glued symbols -> :class:`MinorUnit` (``currencies.json`` ``minor_units``)
MINOR_UNITS, _MINOR_GLUED = _build_minor_units()
_MINOR_WORDS = [w for w in MINOR_UNITS if w not in _MINOR_GLUED and w.isalpha()]
_MINOR_SYMBOLS = [w for w in MINOR_UNITS if w not in _MINOR_GLUED and not w.isalpha()]
#: a currency sub-unit after a number: optional qualifier (group ``q``: "euro", "US", "EUR") then
#: the sub-unit (group ``m``): "cents", "euro cents", "US cents", "pence", "¢", "p" (glued only)
MINOR_RE = re.compile(
    rf"(?P<sp>{_SPACES}?)(?:(?P<q>(?i:{trie_alt(CURRENCY_NAMES, spaces=True, lower=True)})(?![A-Za-z])"
    rf"|(?:{trie_alt(_PREFIX_CODES)}|US|U\.S\.){_END}){_SPACES}+)?"
    rf"(?P<m>(?i:{trie_alt(_MINOR_WORDS, lower=True)})(?![A-Za-z])|{trie_alt(_MINOR_SYMBOLS)}"
    rf"|(?:{trie_alt(_MINOR_GLUED)})(?![A-Za-z0-9.]))"
)


def minor_glued_only(surface: str) -> bool:
    """Whether the sub-unit ``surface`` counts only when glued to the number ("99p")."""
    return surface in _MINOR_GLUED


def qualifier_currency(q: str) -> Optional[str]:
    """ISO code of a sub-unit qualifier ("euro" -> EUR, "US" -> USD), or ``None``."""
    if q in ("US", "U.S."):
        return "USD"
    return resolve_currency(q)


def minor_fraction(surface: str, code: str) -> float:
    """Share of the main unit one ``surface`` sub-unit is in currency ``code``: the entry's
    ``fraction`` if set, else ``10**-digits`` with CLDR's digits (``("fils", "KWD")`` -> 0.001,
    ``("cents", "USD")`` -> 0.01)."""
    mu = MINOR_UNITS[surface if surface in _MINOR_GLUED else surface.lower()]
    if mu.fraction is not None:
        return mu.fraction
    return 10.0 ** -babel.numbers.get_currency_precision(code)


def resolve_minor(surface: str, *, qualifier: Optional[str] = None, near: Optional[str] = None,
                  hint: Optional[str] = None) -> tuple[str, float]:
    """Currency and share of the main unit of a sub-unit word as written (``"cents"``, ``"p"``).

    The currency is ``qualifier`` (a code read just before the word: "euro cents") when it is a
    candidate of the word, else ``near`` (the nearest money amount's code in the same text) when
    a candidate, else ``hint`` when a candidate, else the word's default (cents USD, pence GBP,
    paise INR, fen CNY, kopecks RUB, centimes CHF; ``currencies.json`` ``minor_units``).
    Returns ``(code, fraction)``: ``("cents", near="EUR")`` -> ``("EUR", 0.01)``.
    Raises ``KeyError`` for a word that is not a sub-unit.
    """
    mu = MINOR_UNITS[surface if surface in _MINOR_GLUED else surface.lower()]
    code = mu.default
    for c in (qualifier, near, hint):
        if c and c in mu.candidates:
            code = c
            break
    return code, minor_fraction(surface, code)


_HINT_CUES = {code: tuple(cues) for code, cues in _C["hint_cues"].items()}
_HINT_RE = regex.compile(
    "|".join(
        rf"(?P<{code}>\b(?:{_alt(cues)})\b)" for code, cues in _HINT_CUES.items()
    )
)


def count_hint_cues(text: str) -> dict[str, int]:
    """Number of country/currency cue words per ISO code in ``text`` (one linear scan)."""
    counts: dict[str, int] = {}
    for m in _HINT_RE.finditer(text):
        code = m.lastgroup
        if code:
            counts[code] = counts.get(code, 0) + 1
    return counts
