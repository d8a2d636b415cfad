"""Unit and currency lexicons, their regexes and SI base conversion (pure functions, no spaCy).

Sources: ``claimx/resources/units.json`` (UCUM-style symbols, SI prefixes; factors computed with
pint at first use), ``claimx/resources/currencies.json`` (curated symbols, defaults and aliases)
and CLDR via babel for the full list of current ISO 4217 codes and their English names.

The unit lexicon and conversion live in :mod:`claimx.grammar.unit_lexicon`, the currency lexicon
in :mod:`claimx.grammar.currencies`; every public name of both is re-exported here (the grammar
reads them as ``units.X``), with the first-character guards built over both.
"""

from __future__ import annotations

from claimx.grammar.currencies import (
    _AFTER_SYMBOLS, count_hint_cues, CURRENCY_AFTER_RE, currency_before, CURRENCY_BEFORE_LAST, CURRENCY_BEFORE_RE,
    CURRENCY_NAMES, CURRENCY_SYMBOLS, dollar_qualifier, GLUED_CODE_BEFORE_RE, GLUED_CODE_FIRST, GLUED_CODE_RE,
    ISO_CODES, LOWER_CODES, minor_fraction, minor_glued_only, MINOR_RE, MINOR_UNITS, MinorUnit, _PREFIX_CODES,
    qualifier_currency, resolve_currency, resolve_minor,
)
from claimx.grammar.unit_lexicon import (
    ANNOTATIONS, INCH_QUOTE_CUES, lookup_unit, mass_context, PER_RE, POPULATION_WORDS, to_base, to_base_exact,
    troy_context, unit_factor, unit_factor_exact, UNIT_NAMES, UNIT_RE, UNIT_SURFACES, UnitInfo,
)


def first_chars(words) -> frozenset[str]:
    """Every first character of ``words`` in its written, lower and upper case (a cheap guard
    before an anchored alternation: see :func:`could_start`)."""
    out: set[str] = set()
    for w in words:
        if w:
            out.add(w[0])
            out.add(w[0].lower())
            out.add(w[0].upper())
    return frozenset(out)


#: characters a unit or a currency written after a number can start with (a cheap guard
#: before the large alternations)
UNIT_FIRST = first_chars(list(UNIT_SURFACES) + list(UNIT_NAMES))
CURRENCY_AFTER_FIRST = first_chars(list(CURRENCY_NAMES) + _PREFIX_CODES + list(LOWER_CODES) + _AFTER_SYMBOLS)
MINOR_FIRST = first_chars(list(MINOR_UNITS)) | CURRENCY_AFTER_FIRST | {"U"}
_SPACE_CHARS = frozenset(" \u00a0\u2009\u202f")


def could_start(text: str, pos: int, first: frozenset[str]) -> bool:
    """Whether the text at ``pos`` (after at most one space) starts with a character of ``first``."""
    if pos >= len(text):
        return False
    ch = text[pos]
    if ch in _SPACE_CHARS:
        if pos + 1 >= len(text):
            return False
        ch = text[pos + 1]
    return ch in first
