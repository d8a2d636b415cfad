"""The timeframe grammar's resources: the schema of ``claimx/resources/time.json``
(:class:`TimeLexicon`), its loader and the currency words from babel (CLDR) that make a
four-digit number money rather than a year. Part of :mod:`claimx.grammar.timex`."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

RELATIONS = ("by", "in", "as_of", "since", "until", "between")


# --------------------------------------------------------------------------------------------
# Resources
# --------------------------------------------------------------------------------------------


class TimeLexicon(BaseModel):
    """Schema of ``claimx/resources/time.json`` (validated once on load; treat as read-only)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    conventions: list[str] = Field(alias="_conventions")
    year_min: int
    year_max: int
    two_digit_year_pivot: int = Field(ge=0, le=100)
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    ordinals: dict[str, int]
    count_words: dict[str, int]
    relation_cues: dict[str, list[str]]
    day_cues: list[str]
    position_modifiers: dict[str, list[str]]
    year_blockers_before: list[str]
    non_year_followers: list[str]
    non_year_follower_symbols: list[str]
    extra_currency_tokens: list[str]
    extra_currency_words: list[str]
    trigger_words: list[str]
    core_prefix_words: list[str]
    sentence_openers: list[str]
    period_end_connectors: list[str]
    period_months: dict[str, int]
    to_date_abbreviations: dict[str, str]
    to_date_prefixes: list[str]
    decade_words: dict[str, int] = Field(default_factory=dict)
    month_ordinals: dict[str, int]
    century_ordinals: dict[str, int]
    year_words: dict[str, Any]
    word_year_next_words: list[str]
    end_abbreviations: dict[str, str]
    mid_century_year: int = 2050
    relative_fiscal_year_first_month: int = 4
    fiscal_calendar_statement: str = ""
    half_code_next_words: list[str] = Field(default_factory=list)
    next_year_span_cues: list[str] = Field(default_factory=list)

    @field_validator("month_ordinals")
    @classmethod
    def _month_ordinals_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if any(not 1 <= n <= 12 for n in v.values()):
            raise ValueError("month ordinals must be 1..12")
        return v

    @field_validator("end_abbreviations")
    @classmethod
    def _end_ok(cls, v: dict[str, str]) -> dict[str, str]:
        if not set(v.values()) <= {"year", "quarter", "month"} or any(not k.isupper() for k in v):
            raise ValueError("end_abbreviations map upper-case codes to year/quarter/month")
        return v

    @field_validator("period_months")
    @classmethod
    def _period_months_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if any(n not in (1, 3, 6, 12) for n in v.values()):
            raise ValueError("period_months values must be 1, 3, 6 or 12")
        return v

    @field_validator("to_date_abbreviations")
    @classmethod
    def _to_date_ok(cls, v: dict[str, str]) -> dict[str, str]:
        if not set(v.values()) <= {"year", "quarter", "month"} or any(not k.isupper() for k in v):
            raise ValueError("to_date_abbreviations map upper-case codes to year/quarter/month")
        return v

    @field_validator("trigger_words", "core_prefix_words")
    @classmethod
    def _lower_words(cls, v: list[str]) -> list[str]:
        if not v or any(not w or w != w.lower() or not regex.fullmatch(r"\w+", w) for w in v):
            raise ValueError("must be a non-empty list of lower-case single words")
        return v

    @field_validator("sentence_openers")
    @classmethod
    def _openers_ok(cls, v: list[str]) -> list[str]:
        if any(not regex.fullmatch(r"\p{Lu}\w*", w) for w in v):
            raise ValueError("sentence_openers must be capitalised single words")
        return v

    @field_validator("months", "month_abbreviations")
    @classmethod
    def _months_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if any(not 1 <= n <= 12 for n in v.values()):
            raise ValueError("month numbers must be 1..12")
        return v

    @field_validator("weekdays")
    @classmethod
    def _weekdays_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if sorted(v.values()) != list(range(7)):
            raise ValueError("weekdays must map to 0..6 (Monday=0), each once")
        return v

    @field_validator("ordinals")
    @classmethod
    def _ordinals_ok(cls, v: dict[str, int]) -> dict[str, int]:
        if any(not 1 <= n <= 4 for n in v.values()):
            raise ValueError("quarter/half ordinals must be 1..4")
        return v

    @field_validator("seasons")
    @classmethod
    def _seasons_ok(cls, v: dict[str, str]) -> dict[str, str]:
        if not set(v.values()) <= {"SP", "SU", "FA", "WI"}:
            raise ValueError("season codes must be TIMEX3 SP/SU/FA/WI")
        return v

    @field_validator("relation_cues")
    @classmethod
    def _relations_ok(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        allowed = set(RELATIONS) | {"range"}
        if not set(v) <= allowed:
            raise ValueError(f"unknown relation in relation_cues: {set(v) - allowed}")
        return v

    @field_validator("position_modifiers")
    @classmethod
    def _mods_ok(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        if not set(v) <= {"end", "start", "middle", "early", "late"}:
            raise ValueError("position_modifiers keys must be end/start/middle/early/late")
        return v


@lru_cache(maxsize=1)
def load_time_lexicon() -> TimeLexicon:
    """Load and validate ``claimx/resources/time.json`` (cached: read once per process).

    Returns:
        The validated :class:`TimeLexicon` (frozen).
    Raises:
        pydantic.ValidationError: if the file does not follow the schema.
    """
    raw = resources.files("claimx.resources").joinpath("time.json").read_text(encoding="utf-8")
    return TimeLexicon.model_validate(json.loads(raw))


def _currency_lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """ISO 4217 codes, lower-cased currency words and non-alphabetic symbols, from babel (CLDR)."""
    from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

    codes, words, symbols = set(), set(), set()
    for code in list_currencies():
        codes.add(code)
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").split("(")[0].strip()
            if name:
                words.add(name.split()[-1].lower())
        sym = get_currency_symbol(code, locale="en")
        if sym and not sym.isalpha():
            symbols.add(sym)
    return frozenset(codes), frozenset(words), frozenset(symbols)


_LEX = load_time_lexicon()
_CUR_CODES, _CUR_WORDS, _CUR_SYMBOLS = _currency_lexicon()


def _variants(words) -> frozenset[str]:
    """Case variants (as given, lower, Capitalised, UPPER) of each word, for ``\\L<...>`` lists."""
    out = set()
    for w in words:
        out.update((w, w.lower(), w[:1].upper() + w[1:].lower(), w.upper()))
    return frozenset(out)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _alt(words, *, escape: bool = True) -> str:
    """Alternation of ``words``, longest first, spaces matching any whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    out = []
    for w in items:
        e = regex.escape(w) if escape else w
        out.append(regex.sub(r"(?:\\ )+|\s+", r"\\s+", e))
    return "(?:" + "|".join(out) + ")"
