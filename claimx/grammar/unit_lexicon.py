"""The unit lexicon, its regexes and SI base conversion (part of :mod:`claimx.grammar.units`,
which re-exports every public name).

Source: ``claimx/resources/units.json`` (UCUM-style symbols, SI prefixes; factors computed with
pint at first use).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Mapping, Optional

from claimx.grammar._resources import load
from claimx.grammar._trie import trie_alt
from claimx.grammar.numbers import EXACT, dec, exact_float

_U = load("units.json", ("prefixes", "units", "annotations"))

_SPACES = "[ \u00a0\u2009\u202f]"


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """A unit surface resolved to its normalised symbol.

    ``symbol`` is UCUM-style (``TWh``, ``PB``, ``Cel``); ``prefix`` the SI prefix multiplier
    already applied to the family (``T`` -> 1e12); ``family`` the index of the unit entry in
    ``units.json``; ``kind`` is ``"ratio"`` for %, pp, bp and ``"physical"`` otherwise.
    """

    symbol: str
    family: int
    prefix: float = 1.0
    kind: str = "physical"
    time: bool = False


def _validate_units() -> None:
    for i, e in enumerate(_U["units"]):
        for key in ("symbol", "surfaces", "names"):
            if key not in e:
                raise ValueError(f"units.json entry {i} lacks {key!r}")
        if e.get("kind", "physical") == "physical" and "base" not in e:
            raise ValueError(f"units.json entry {e['symbol']!r} lacks 'base'")
        if "prefixes" in e and e["prefixes"] not in _U["prefixes"]["sets"]:
            raise ValueError(f"units.json entry {e['symbol']!r}: unknown prefix set")


_validate_units()


#: the Greek mu (U+03BC) written as the micro prefix is normalised to the micro sign (U+00B5), so
#: "120 μg" and "120 µg" get the same symbol
_MICRO = {"\u03bc": "\u00b5"}


def _build_unit_tables() -> tuple[dict[str, UnitInfo], dict[str, UnitInfo]]:
    surfaces: dict[str, UnitInfo] = {}
    names: dict[str, UnitInfo] = {}
    psym = _U["prefixes"]["symbol"]
    pword = _U["prefixes"]["word"]
    for i, e in enumerate(_U["units"]):
        kind = e.get("kind", "physical")
        time = bool(e.get("time", False))
        base = UnitInfo(e["symbol"], i, 1.0, kind, time)
        # require_prefix: a bare symbol is too ambiguous ("s", "b", "l", "B"), but the names
        # ("seconds", "litres", "bytes") are plain words and always count
        if not e.get("require_prefix", False):
            for s in e["surfaces"]:
                surfaces.setdefault(s, base)
        for n in e["names"]:
            names.setdefault(n.lower(), base)
        pset = _U["prefixes"]["sets"].get(e.get("prefixes", ""), ())
        for p in pset:
            info = UnitInfo(_MICRO.get(p, p) + e["symbol"], i, psym[p], kind, time)
            for s in e["surfaces"]:
                surfaces.setdefault(p + s, info)
        for w, p in pword.items():
            if p in pset:
                info = UnitInfo(_MICRO.get(p, p) + e["symbol"], i, psym[p], kind, time)
                for n in e["names"]:
                    names.setdefault((w + n).lower(), info)
        for alias, target in e.get("aliases", {}).items():
            p = target[: len(target) - len(e["symbol"])] if target.endswith(e["symbol"]) else ""
            surfaces[alias] = UnitInfo(target, i, psym.get(p, 1.0), kind, time)
    return surfaces, names


UNIT_SURFACES, UNIT_NAMES = _build_unit_tables()
_MASS_CUE_RE = re.compile(rf"\b(?i:{trie_alt(_U.get('mass_cues', ()), lower=True)})\b")
_SENTENCE_END_RE = re.compile(r"[.!?;]\s")


def mass_context(text: str, start: int) -> bool:
    """Whether a weight cue word (``units.json`` ``mass_cues``: weighs, dropped, gained, ...)
    is in the same sentence within 60 characters before ``start``."""
    w = text[max(0, start - 60):start]
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(w)]
    return bool(_MASS_CUE_RE.search(w, ends[-1] if ends else 0))


ANNOTATIONS: Mapping[str, str] = _U["annotations"]
_TROY_CUE_RE = re.compile(rf"\b(?i:{trie_alt(_U.get('troy_cues', ()), lower=True)})\b")


def troy_context(text: str) -> bool:
    """Whether a precious-metal cue (``units.json`` ``troy_cues``: gold, silver, AISC, ...) is in
    ``text``, so that its ounces are troy ounces."""
    return _TROY_CUE_RE.search(text) is not None


#: words for people after "per 100,000" that make a rate per capita (``units.json``)
POPULATION_WORDS: tuple[str, ...] = tuple(_U.get("population_words", ()))
#: words after which a straight double quote after a number is inches (``units.json``)
INCH_QUOTE_CUES: tuple[str, ...] = tuple(_U.get("inch_quote_cues", ()))

_END = r"(?![A-Za-z0-9])"
# The anchored unit/currency patterns below use stdlib ``re`` with prefix-factored alternations
# (``_trie.trie_alt``): an anchored match then costs ~1-2 us instead of ~20 us for a flat
# alternation of ~2,000 unit names in ``regex``.
_UNIT_NAMES_TRIE = trie_alt(UNIT_NAMES, spaces=True, lower=True)
_UNIT_SURFACES_TRIE = trie_alt(UNIT_SURFACES)
#: a unit right after a number: group ``u``; names are case-insensitive, symbols case-sensitive
UNIT_RE = re.compile(
    rf"(?P<sp>{_SPACES}?)(?P<u>(?i:{_UNIT_NAMES_TRIE})(?![A-Za-z])|(?:{_UNIT_SURFACES_TRIE}){_END})"
)
#: the denominator of a compound unit: "per tonne", "/h", "a year", "per capita"
PER_RE = re.compile(
    rf"(?P<per>{_SPACES}*(?:(?i:per|a|an|each)\b{_SPACES}*|/)|-(?i:a|per)-)"
    rf"(?P<u>(?i:{_UNIT_NAMES_TRIE})(?![A-Za-z])|(?:{_UNIT_SURFACES_TRIE}){_END}"
    rf"|(?i:{trie_alt(ANNOTATIONS, lower=True)})(?![A-Za-z]))"
)


def lookup_unit(surface: str) -> Optional[UnitInfo]:
    """Resolve a unit as written (``"petabytes"``, ``"TWh"``, ``"°C"``, ``"per cent"``) to its
    :class:`UnitInfo`, or ``None``. Symbols are case-sensitive, names are not."""
    if surface in UNIT_SURFACES:
        return UNIT_SURFACES[surface]
    key = " ".join(surface.split()).lower().replace("\u2010", "-").replace("\u2011", "-")
    return UNIT_NAMES.get(key)


@lru_cache(maxsize=1)
def _ureg():
    import pint

    # decimal magnitudes: pint's definitions (inch = 2.54 cm, mile = 5280 ft, ...) then give the
    # exact factors (mile -> 1609.344 m) instead of a chain of float roundings
    return pint.UnitRegistry(non_int_type=Decimal)


@lru_cache(maxsize=None)
def _family_factor(family: int) -> tuple[Optional[Decimal], Optional[str], bool]:
    e = _U["units"][family]
    if "base" not in e:
        return None, None, False
    if "factor" in e:
        return dec(e["factor"]), e["base"], False
    if e.get("offset"):
        return None, e["base"], True
    ureg = _ureg()
    f = ureg.Quantity(Decimal(1), e["pint"]).to(e["base_pint"]).magnitude
    return Decimal(f), e["base"], False


def to_base_exact(value: Decimal, info: UnitInfo) -> tuple[Optional[Decimal], Optional[str]]:
    """:func:`to_base` on an exact decimal value, with an exact decimal result (the caller
    rounds once, to float): ``(Decimal("272.4"), TWh)`` -> ``(Decimal("9.8064E+17"), "J")``."""
    f, base, offset = _family_factor(info.family)
    if base is None:
        return None, None
    if offset:
        e = _U["units"][info.family]
        return Decimal(_ureg().Quantity(value, e["pint"]).to(e["base_pint"]).magnitude), base
    return EXACT.multiply(EXACT.multiply(value, f), dec(info.prefix)), base


def to_base(value: float, info: UnitInfo) -> tuple[Optional[float], Optional[str]]:
    """Restate ``value`` in ``info``'s unit in SI base units via pint: ``(136, TWh)`` ->
    ``(4.896e17, "J")``; ``(72, h)`` -> ``(259200, "s")``; ``(20, Cel)`` -> ``(293.15, "K")``.
    The product is exact in decimal (``value`` read as its shortest repr) and rounded to float
    once. Returns ``(None, None)`` for units without a base form (%, pp, bp) and a ``None`` value
    when the result is not finite."""
    bv, base = to_base_exact(dec(value), info)
    if base is None:
        return None, None
    return exact_float(bv), base


def unit_factor_exact(info: UnitInfo) -> tuple[Optional[Decimal], Optional[str]]:
    """:func:`unit_factor` as an exact decimal (``km/h`` -> ``Decimal("0.2777...78")``, rounded
    at 60 digits; ``mi`` -> ``Decimal("1609.344")``)."""
    f, base, offset = _family_factor(info.family)
    if base is None or offset:
        return None, None
    return EXACT.multiply(f, dec(info.prefix)), base


def unit_factor(info: UnitInfo) -> tuple[Optional[float], Optional[str]]:
    """Multiplier from ``info`` to its base unit and the base symbol (``kWh`` -> ``(3.6e6, "J")``);
    ``(None, None)`` for ratio units and offset scales (temperatures)."""
    f, base = unit_factor_exact(info)
    return (None, None) if f is None else (float(f), base)
