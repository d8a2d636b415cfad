"""Find every quantity in a raw text and normalise it (pure functions, no spaCy).

Entry points: :func:`find_quantities` and :func:`guess_currency_hint`. The grammar scans the text
once, left to right. Two compiled prefilters find the positions where a numeric core can start
(digit runs, leading-dot decimals, unicode fractions; starter words such as "two", "half",
"several", "a" before "third"/"few"/"million"), so number-free prose costs one C-level regex
pass. At each candidate an anchored regex reads the core (digits, number words, fractions,
multipliers, vague amounts, scale adjectives); anchored regexes then read the currency, scale
word, unit, compound ``per`` unit and comparator around it, each behind a one-character guard,
and a second core after ``to``/``-``/``and`` turns it into a range. Every step looks at a
bounded window, so the scan is linear in the text length (``benchmarks/adversarial.py``).
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import regex

from claimx.grammar import number_context as FC
from claimx.grammar import number_forms as F
from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar._resources import load
from claimx.grammar._trie import trie_alt
from claimx.grammar.types import QuantityMatch

_CUES = load("quantity_cues.json", ("prefix_comparators", "suffix_comparators", "verb_comparators",
                                    "change_verbs", "percentage_context_words", "label_safe_capitalised",
                                    "anaphoric_determiners", "ranking_words", "scale_adjective_heads",
                                    "months", "time_of_day_suffixes", "attributive_hyphen_exclusions",
                                    "attributive_non_nouns", "index_names", "score_words", "version_words",
                                    "age_words", "range_verbs", "index_point_cues", "per_game_stats",
                                    "per_game_units"))
_VALID_COMPARATORS = frozenset(("=", ">", ">=", "<", "<=", "~"))
for _tbl in ("prefix_comparators", "suffix_comparators", "verb_comparators"):
    for _k, _v in _CUES[_tbl].items():
        if _v not in _VALID_COMPARATORS and not (_tbl == "suffix_comparators" and _v == "incl"):
            raise ValueError(f"quantity_cues.json {_tbl}[{_k!r}]: bad comparator {_v!r}")

_SP = "[ \u00a0\u2009\u202f]"
_TIMEOUT = 2.0  # seconds; guards each search of the main regex
# anchored look-ahead matches get an ``endpos`` this far on: the ``regex`` module otherwise scans
# the rest of the text for a required literal on every call, which is quadratic on long texts
_LOOK = 96
_DIGITS = frozenset("0123456789")


def _alt(words, lower: bool = True) -> str:
    """Alternation of ``words`` (a space matches any whitespace run), prefix-factored; ``lower``
    for use under IGNORECASE."""
    return trie_alt(words, spaces=True, hyphens=False, lower=lower)


_SCALE_WORD_ALT = _alt(N.SCALE_WORDS)
_FRACSCALE = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
_FRACTION_ALT = _alt(N.FRACTION_WORDS)
_SMALL_NUMBER_ALT = _alt(["a", "an", *N.ONES, *N.TENS])
_ADJ_HEADS = [w for w in U.CURRENCY_NAMES if regex.fullmatch(r"[a-z]+", w)] + list(_CUES["scale_adjective_heads"])

_ONE_DIGIT_WORDS = _alt([w for w, v in N.ONES.items() if v < 10])
#: two one-digit words joined by a hyphen ("three-nought-four", "one-one"): a digit sequence
_DIGIT_CHAIN_RE = regex.compile(rf"(?i)\b(?:{_ONE_DIGIT_WORDS})-(?:{_ONE_DIGIT_WORDS})\b")
#: ordinals of a scale, read after "a" as fractions ("a hundredth of a second", "a trillionth.")
_BIG_ORDINALS = ("hundredth", "thousandth", "millionth", "billionth", "trillionth")
#: a denominator in words after "one in": "four", "twenty", "twenty-one"
_DEN_WORDS = rf"(?:{_alt(N.TENS)})(?:-(?:{_alt([w for w, v in N.ONES.items() if 0 < v < 10])}))?|{_alt(N.ONES)}"

_CORE_RE = regex.compile(
    rf"(?P<scaleadj>\b(?:multi-)?(?P<sa>{_SCALE_WORD_ALT})-(?P<head>{_alt(_ADJ_HEADS)})\b)"
    rf"|(?P<onein>\b(?:one|1)\s+in\s+(?:every\s+)?(?P<den>{_DEN_WORDS}|[0-9]{{1,3}})\b)"
    rf"|(?P<fracscale>\b(?:(?:a|one)\s+)?(?P<ff>half|quarter|three\s+quarters|(?:one|a|two)\s+thirds?|two-thirds|three-quarters)"
    rf"\s+(?:of\s+a\s+)?(?P<fsc>{_SCALE_WORD_ALT})\b)"
    rf"|(?P<halfa>\bhalf\s+an?\s+(?P<hs>{_SCALE_WORD_ALT}|dozen|hundred)\b)"
    rf"|(?P<aord>\ban?\s+(?P<ao>{_alt(_BIG_ORDINALS)})\b(?=\s*(?:[.,;:!?)]|$)|\s+of\b))"
    rf"|(?P<ahalf>\ban?\s+half(?=\s+[A-Za-z])(?!\s+(?:of|that|those|as)\b))"
    rf"|(?P<fracw>\b(?P<fn>{_SMALL_NUMBER_ALT})(?:-|\s+(?=(?:{_FRACTION_ALT})\b\s+(?:of|that|those|as)\b)"
    rf"|\s+(?=(?:thirds|fifths|sixths|sevenths|eighths|ninths|tenths|halves)\b)"
    rf"|\s+(?=(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half)\b\s*(?:[.,;:!?)]|$)))"
    rf"(?P<fd>{_FRACTION_ALT})\b)"
    rf"|(?P<half>\bhalf\b(?=\s+(?:of|that|those|as|the|its|their|his|her|our|all|these)\b))"
    rf"|(?P<vague>\b(?:"
    rf"(?P<vq>several|a\s+few|a\s+couple(?:\s+of)?|a\s+handful\s+of|numerous)(?:\s+(?P<vs>{_SCALE_WORD_ALT}|hundred|dozen)\b)?"
    rf"|(?P<tens>tens|hundreds)\s+of\s+(?P<ts>thousands|millions|billions)(?=\s+of\b)"
    rf"|(?P<vp>dozens|scores|hundreds|thousands|millions|billions|trillions)(?=\s+of\b)"
    rf")\b)"
    rf"|(?P<mult>\b(?:{_alt(N.MULTIPLIER_WORDS)})\b)"
    rf"|(?P<words>{N.WORD_NUMBER_RE.pattern[4:]})"
    rf"|(?P<digits>{N.DIGITS_RE.pattern})"
    rf"|(?P<ufrac>[{''.join(N.UNICODE_FRACTIONS)}])",
    regex.IGNORECASE | regex.VERSION0,
)

_SUFFIX_COMP_RE = re.compile(
    rf"(?i)(?:{_SP}+(?P<c>{_alt([k for k in _CUES['suffix_comparators'] if k != '+'])})(?![A-Za-z])(?!{_SP}+(?:than\b|[0-9$\u20ac\u00a3\u00a5]|to{_SP}+[0-9]))(?![^.,;]{{0,16}}\bthan\b)"
    rf"|(?P<plus>\+)(?![0-9]))")
_CONNECTOR_RE = re.compile(rf"(?P<c>-{_SP}+(?i:to|or){_SP}+|{_SP}*(?:-|\u2013|\u2014|\u2012|~){_SP}*"
                           rf"|{_SP}+(?i:to|and|through|or){_SP}+)")
_MULT_SUFFIX_RE = re.compile(rf"(?:{_SP}?(?i:times)\b|-?(?i:fold)\b|(?:x|×)(?![A-Za-z0-9])|{_SP}×(?![A-Za-z0-9]))")
_POINTS_RE = re.compile(rf"{_SP}+(?i:points|point|pts)\b")
_MONTH_AFTER_RE = re.compile(rf"{_SP}+(?:{_alt([m.capitalize() for m in _CUES['months']], lower=False)})\b")
_TIME_AFTER_RE = re.compile(rf"(?::[0-5][0-9]\b|{_SP}?(?i:{_alt(_CUES['time_of_day_suffixes'])})(?![A-Za-z]))")
_ORDINAL_RE = re.compile(r"(?i:st|nd|rd|th)\b")
_YEAR_TAIL_RE = re.compile(r"(?:[\-\u2013\u2014/](?:[0-9]{4}|[0-9]{2})(?![0-9]))")
_SLASH_FRAC_RE = re.compile(r"/([0-9]{1,2})(?![0-9/])")
_SCI_RE = re.compile(
    r"(?:[eE](?P<e1>[+\-\u2212]?[0-9]{1,3})"
    r"|[ ]?[\u00d7x*][ ]?10(?P<e2>\^[+\-\u2212]?[0-9]{1,3}|\*\*[+\-]?[0-9]{1,3}|[\-\u2212][0-9]{1,3}"
    r"|[\u207a\u207b]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{1,3}))(?![0-9A-Za-z])")
_SCI_FIRST = frozenset("eE\u00d7x*")
_SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b",
                              "0123456789+-")
_DAY_TAIL_RE = re.compile(r"(?:[\-\u2013\u2014]|[ \u00a0]+(?:to|through)[ \u00a0]+)(?:[0-9]{1,2})(?![0-9])")
_MIXED_FRAC_RE = re.compile(r"[ \u00a0]([0-9]{1,2})/([0-9]{1,2})(?![0-9/])")
_RELATIVE_TIME_RE = re.compile(r"\s+(?i:earlier|ago|later|before|after|prior|previously|on|over|from|back)\b")
_UFRAC_AFTER_RE = re.compile(rf"{_SP}?(?P<f>[{''.join(N.UNICODE_FRACTIONS)}])")
_OF_CURRENCY_RE = re.compile(rf"{_SP}+of{_SP}+")
_SENT_BREAK_RE = re.compile(r"[.!?;]\s|\n")
_INDEX_POINT_RE = re.compile(rf"(?<![A-Za-z])(?:{_alt(_CUES['index_point_cues'], lower=False)})(?![A-Za-z])", re.IGNORECASE)
_PER_GAME_RE = re.compile(
    rf"{_SP}+(?P<w>(?i:{_alt(_CUES['per_game_stats'])})){_SP}*(?:(?i:per|a|an){_SP}+|/{_SP}*)"
    rf"(?P<g>(?i:{_alt(_CUES['per_game_units'])}))(?![A-Za-z])")
_PCT_CONTEXT_RE = re.compile(rf"%|\b(?i:{_alt(_CUES['percentage_context_words'])})\b")
_NOUN_AFTER_RE = re.compile(
    rf"(?:[ \u00a0]+(?!(?i:{_alt(_CUES['attributive_non_nouns'])})(?![A-Za-z]))|-)[A-Za-z]")
# a coordinated hyphen compound follows: "5-year, 10-year and 30-year bonds"
_COORD_ATTR_RE = re.compile(r"(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to)\s+)[0-9]+(?:\.[0-9]+)?-[A-Za-z]")
_HYPHEN_WORD_RE = re.compile(r"-([A-Za-z]{2,})(?![A-Za-z0-9])")
_ATTR_EXCLUDED = frozenset(
    [w.lower() for w in _CUES["attributive_hyphen_exclusions"]]
    + [w.lower() for w in (*N.ONES, *N.TENS, *N.SCALE_WORDS, *N.FRACTION_WORDS, *N.GROUP, "hundred")])
# digit codes that hold no quantity (see _code_end)
_UNIT_AFTER_DIGIT_RE = re.compile(r"[0-9][A-Za-z]{1,3}\Z")  # "5k" before "-20k"
_ALNUM_CODE_END_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+[0-9]+\Z")  # "SCP2" before "-173"
_DASHED_CODE_RE = re.compile(r"[0-9]+(?:[\-\u2010\u2011\u2013][0-9]+){2,}(?![0-9])")
_PLUS_PHONE_RE = re.compile(r"[0-9]{1,3}(?:[ \u00a0.\-][0-9]{1,5}){2,}(?![0-9])")
_PAREN_PHONE_RE = re.compile(r"[0-9]{2,5}\)[ \u00a0]?[0-9]{2,5}[\- .][0-9]{3,5}(?![0-9])")
_ZERO_PHONE_RE = re.compile(r"0[0-9]{1,4}(?:[ \u00a0.\-][0-9]{2,5})+(?![0-9])")
_SIMPLE_DECIMAL_RE = re.compile(r"[0-9]{1,3}\.[0-9]{1,2}")
_THAT_AS_RE = re.compile(r"\s+(?:that|those|as)\b")
# first characters of what the anchored patterns above can match, to skip them cheaply
_SP_CHARS = frozenset(" \u00a0\u2009\u202f")
_CONN_FIRST = frozenset("-\u2013\u2014\u2012~tTaAoO")
_SUFFIX_FIRST = U.first_chars(_CUES["suffix_comparators"])
_MONTH_FIRST = frozenset(m[0].upper() for m in _CUES["months"])
_UFRAC_CHARS = frozenset(N.UNICODE_FRACTIONS)
_SCALE_FIRST = U.first_chars(list(N.SCALE_WORDS) + list(N.SCALE_SPACED) + list(N.SCALE_GLUED)
                             + list(N.SCALE_MONEY) + ["mn", "bn", "bln", "tn", "trn", "mln", "tln", "hundred", "dozen", "dz"])
_MULT_FIRST = frozenset("tTfFxX×-")
_TIME_FIRST = U.first_chars(_CUES["time_of_day_suffixes"])
#: characters after a number (after at most one space) that no right-hand pattern starts with
#: (currency symbols are here for the next amount: "$1 $2"; none starts a right-hand pattern)
_QUIET_AFTER = frozenset(set("0123456789,;!?)]}\u201d\u2019") | {""}
                         | {c for c in U.CURRENCY_BEFORE_LAST if not c.isalnum()}) - (
    _SCALE_FIRST | _MULT_FIRST | _TIME_FIRST | _UFRAC_CHARS | U.UNIT_FIRST | U.CURRENCY_AFTER_FIRST
    | U.first_chars(_CUES["suffix_comparators"]) | _CONN_FIRST | _SP_CHARS | U.MINOR_FIRST | set("./:-s"))

_PREFIX_COMPARATORS = {" ".join(k.lower().split()): v for k, v in _CUES["prefix_comparators"].items()}
_SUFFIX_COMPARATORS = {k.lower(): v for k, v in _CUES["suffix_comparators"].items()}
_VERB_COMPARATORS = {k.lower(): v for k, v in _CUES["verb_comparators"].items()}
_CHANGE_WORDS = frozenset(w.lower() for w in _CUES["change_verbs"])
_LABEL_SAFE = frozenset(_CUES["label_safe_capitalised"])
_ANAPHORIC = frozenset(w.lower() for w in _CUES["anaphoric_determiners"])
_RANKING = frozenset(w.lower() for w in _CUES["ranking_words"])
_SCORE_WORDS = frozenset(w.lower() for w in _CUES["score_words"])
_VERSION_WORDS = frozenset(w.lower() for w in _CUES["version_words"])
_RANGE_VERBS = frozenset(w.lower() for w in _CUES["range_verbs"])
_SIGN_WORDS = frozenset(("minus", "negative"))
_UP_TO_VERBS = frozenset(w.lower() for w in _CUES.get("up_to_after_verbs", ()))
_FORECAST_WORDS = frozenset(w.lower() for w in _CUES.get("forecast_range_words", ()))
_HALF_PART_WORDS = frozenset(w.lower() for w in _CUES.get("half_part_words", ()))
_AGE_WORDS = frozenset(w.lower() for w in _CUES["age_words"])
_AGE_LAST = frozenset(w[-1] for w in _AGE_WORDS)
_YEARS = U.lookup_unit("years")


def _index_table() -> dict[str, tuple[str, ...]]:
    """Trailing number of each ``index_names`` entry -> the texts written before it, lower-cased
    ("s&p ")."""
    out: dict[str, list[str]] = {}
    for name in _CUES["index_names"]:
        m = re.fullmatch(r"(.*\D)([0-9]+)", name)
        if m is None:
            continue  # a name without a trailing number holds none to drop
        out.setdefault(m.group(2), []).append(m.group(1).lower())
    return {k: tuple(v) for k, v in out.items()}


_INDEX_NAMES = _index_table()


def _in_index_name(text: str, s: int, digits: str) -> bool:
    """Whether the number ``digits`` at ``s`` ends a name of ``index_names`` ("the s&p 500")."""
    tail = text[max(0, s - 2):s].lower()
    return any(p.endswith(tail) and text[max(0, s - len(p)):s].lower() == p for p in _INDEX_NAMES[digits])


@dataclass(slots=True)
class _Q:
    """A quantity under construction (mutable, internal)."""

    start: int
    end: int
    nstart: int
    nend: int
    raw: Optional[float]
    scale: float = 1.0
    has_scale: bool = False
    unit: Optional[str] = None
    unit_info: Optional[U.UnitInfo] = None
    den_info: Optional[U.UnitInfo] = None
    den_annotation: Optional[str] = None
    money: Optional[str] = None
    comparator: str = "="
    cue: Optional[tuple[int, int]] = None
    form: str = "digits"
    approximate: bool = False
    is_year: bool = False
    rng: Optional[tuple[float, float]] = None
    hyphen: bool = False  # the unit was joined by a hyphen ("10-year")
    sub: float = 1.0  # share of the main currency unit of a sub-unit ("cents" -> 0.01)
    minor: Optional[str] = None  # the sub-unit word as written ("cents"), when there is one
    minor_fixed: bool = False  # its currency was written ("euro cents"), not inferred
    digits: Optional[str] = None  # the number as written ("4.1", "-3"), when ``raw`` is its float
    den2: Optional[U.UnitInfo] = None  # a second, time denominator ("per person per day")

    @property
    def value(self) -> Optional[float]:
        """``raw`` times scale and sub-unit share, exact in decimal (float once at the end);
        ``None`` when there is no number or the product is not finite."""
        if self.raw is None:
            return None
        if self.scale == 1.0 and self.sub == 1.0:
            return self.raw
        return N.exact_value(self.digits, self.raw, self.scale, self.sub)

    def exact(self) -> Optional[Decimal]:
        """The value as an exact decimal (``None`` without a number)."""
        if self.raw is None:
            return None
        d = Decimal(self.digits) if self.digits is not None else N.dec(self.raw)
        for f in (self.scale, self.sub):
            if f != 1.0:
                d = N.EXACT.multiply(d, N.dec(f))
        return d


_WORDLIKE_RE = re.compile(r"[^\W\d_][\w'.\-]*")
_MONTH_SET = frozenset(m.capitalize() for m in _CUES["months"])
_PREFIX_MAX_WORDS = max(len(k.split()) for k in _PREFIX_COMPARATORS)
_PREFIX_LAST = frozenset(k.split()[-1] for k in _PREFIX_COMPARATORS)
_STARTERS = frozenset(
    ["a", "an", "half", "quarter", "multi", "several", "numerous", "dozens", "scores", "tens", "hundreds", "thousands",
     "millions", "billions", "trillions", "hundred", "dozen"]
    + [w.lower() for w in (*N.ONES, *N.TENS, *N.SCALE_WORDS, *N.MULTIPLIER_WORDS)])
# the numeric core at a digit: stdlib ``re`` (twice as fast as ``regex`` here) and no timeout, as
# the pattern cannot backtrack more than the length of one number
_DIGIT_CORE_RE = re.compile(
    rf"(?P<onein>1\s+in\s+(?:every\s+)?(?P<den>{_DEN_WORDS}|[0-9]{{1,3}})\b)"
    rf"|(?P<digits>{N.DIGITS_RE.pattern})", re.IGNORECASE)


# Candidate prefilters. The scan visits only positions where a numeric core can start, found by
# two stdlib ``re`` patterns that begin with a character class (so ``sre`` skips other positions
# in C): digit runs / leading-dot decimals / unicode fractions in the text, and starter words in
# an ASCII-lower-cased copy of the text prefixed by one space (``[^a-z]`` then stands for
# "no ASCII letter before", as in ``(?<![A-Za-z])``). "a"/"an" start a core only before a
# fraction, "few", "couple", "handful" or a scale word ("a third", "a few", "a million").
_A_NEXT = sorted(set(N.FRACTION_WORDS) | {"few", "couple", "handful", "hundred", "dozen", *_BIG_ORDINALS}
                 | {w.lower() for w in N.SCALE_WORDS})
_DIGIT_CAND_RE = re.compile(rf"[0-9]+|\.(?=[0-9])|[{''.join(N.UNICODE_FRACTIONS)}]")
_WORD_CAND_RE = re.compile(
    rf"[^a-z](?:{trie_alt(_STARTERS - {'a', 'an'})}|an?(?=[\s\-]+{trie_alt(_A_NEXT)}(?![a-z])))(?![a-z])")
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


def _ascii_lower(text: str) -> str:
    """``text`` with A-Z lower-cased and every other character in place (same length)."""
    low = text.lower()
    if len(low) == len(text):
        return low  # non-ASCII letters that lower to ASCII are word characters: no core starts there
    return text.translate(_ASCII_LOWER)


def _after_one_space(text: str, pos: int) -> str:
    """The character at ``pos``, or after it when it is a space of ``_SP`` ("" at the end), as
    :func:`claimx.grammar.units.could_start` reads it."""
    c = text[pos:pos + 1]
    return text[pos + 1:pos + 2] if c in _SP_CHARS and c else c


def _peek(text: str, pos: int) -> str:
    """The first character at or after ``pos`` that is not a space of ``_SP`` ("" at the end)."""
    n = len(text)
    while pos < n and text[pos] in _SP_CHARS:
        pos += 1
    return text[pos] if pos < n else ""


def _tail_tokens(left: str, k: int) -> list[tuple[str, int]]:
    """The last ``k`` whitespace-separated tokens of ``left`` with their start offsets, provided
    ``left`` ends with whitespace (else ``[]``)."""
    if not left or not left[-1].isspace():
        return []
    parts = left.rsplit(None, k)  # with k splits, parts[0] is the unsplit rest when there are more
    toks = parts[-k:] if len(parts) > k else parts
    out: list[tuple[str, int]] = []
    end = len(left)
    for tok in reversed(toks):
        while left[end - 1].isspace():
            end -= 1
        end -= len(tok)
        out.append((tok, end))
    out.reverse()
    return out


def _prev_word(left: str) -> str:
    """The word just before the number (``left`` ends with whitespace), without an opening
    bracket or quote, or ``""`` when that token is not a word."""
    if not left or not left[-1].isspace():
        return ""
    parts = left.rsplit(None, 1)
    if not parts:
        return ""
    w = parts[-1].lstrip("([{\"'\u201c\u2018")
    return w if _WORDLIKE_RE.fullmatch(w) else ""


def _UNIT_OR_CURRENCY_AHEAD(text: str, pos: int) -> bool:
    return bool(U.UNIT_RE.match(text, pos, pos + _LOOK) or U.CURRENCY_AFTER_RE.match(text, pos, pos + _LOOK))


_OF_NEXT_RE = re.compile(rf"{_SP}+of{_SP}")


def _million_m(text: str, pos: int) -> bool:
    """Whether a lower-case "m" glued to a number and ending at ``pos`` is "million" rather than
    metres: a unit, a currency or "of" follows after a space ("2.5m tonnes", "40m of its devices",
    "3m euros")."""
    if text[pos:pos + 1] not in _SP_CHARS or not text[pos:pos + 1]:
        return False
    return bool(_OF_NEXT_RE.match(text, pos, pos + 8) or U.UNIT_RE.match(text, pos, pos + _LOOK)
                or U.CURRENCY_AFTER_RE.match(text, pos, pos + _LOOK))


def _physical_ahead(text: str, pos: int) -> bool:
    """Whether a unit that is not a duration starts at ``pos`` ("mile" in "the six-mile trip")."""
    um = U.UNIT_RE.match(text, pos, pos + _LOOK)
    info = U.lookup_unit(um.group("u")) if um is not None and not um.group("sp") else None
    return info is not None and not info.time and info.kind == "physical"


def _window(text: str, lo: int, s: int, width: int = 40) -> str:
    return text[max(lo, s - width):s]


def _read_after_number(text: str, q: _Q, *, points_ctx: Optional[int], lo: int) -> None:
    """Extend ``q`` to the right: scale word, multiplier, unit or currency, compound ``per`` unit.

    ``points_ctx`` is the number's start when "N points" may mean percentage points (checked
    with :func:`_points_context` only if "points" follows), else ``None``.
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
    if q.money is None and c1 in U.MINOR_FIRST and q.form in ("digits", "words") and _read_minor(text, q, pos):
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
        elif _read_minor(text, q, pos + 1):  # "a 12-cent dividend"
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
        code = U.resolve_currency(cur_m.group("c"), _HINT[0])
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


def _read_minor(text: str, q: _Q, pos: int) -> bool:
    """Read a currency sub-unit at ``pos`` ("40.1 cents", "10 euro cents", "99p", "50 paise"):
    set ``q.money`` and ``q.sub`` (its share of the main unit) and ``q.end``; return whether one
    was read. The currency is the qualifier written before the word, else the hint or the word's
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
    code, frac = U.resolve_minor(word, qualifier=qual, hint=_HINT[0])
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


_HINT: list[Optional[str]] = [None]  # set per call by find_quantities (single-threaded use)


def _core(text: str, m: regex.Match, lo: int) -> tuple[Optional[_Q], int]:
    """Build the quantity whose numeric core is ``m``; return it (or ``None``) and the position
    from which scanning continues."""
    s, e = m.span()
    g = m.lastgroup
    left = _window(text, lo, s)
    prev = _prev_word(left)
    prev_word = prev.lower()
    if g == "digits":
        return _digits(text, m, lo, left, prev, prev_word)
    if g == "ufrac":
        if s > 0 and text[s - 1].isalnum():
            return None, e
        return _Q(s, e, s, e, N.UNICODE_FRACTIONS[m.group()], form="fraction"), e
    if g == "scaleadj":
        head = m.group("head").lower()
        code = U.resolve_currency(head, _HINT[0]) if head in U.CURRENCY_NAMES else None
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


def _digits(text: str, m: regex.Match, lo: int, left: str, prev, prev_word: str) -> tuple[Optional[_Q], int]:
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
            money = U.resolve_currency(c11[0], _HINT[0])
            if money is not None:
                neg_after_currency, qs = True, s - 1 - (len(w11) - c11[1])
    if cur is None and b1.isalpha() and b1.isupper():  # "MAUD 60", "TEUR 1,200"
        w12 = _window(text, lo, s, 12)
        gm = U.GLUED_CODE_BEFORE_RE.search(w12)
        if gm is not None:
            cur, glued_scale = (gm.group("c"), gm.start("c")), N.GLUED_CURRENCY_SCALES[gm.group("s")]
    if cur:
        money = U.resolve_currency(cur[0], _HINT[0])
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
    q, nxt = _digits_right(text, lo, s, e, digits, money, qs, before, left, prev, prev_word)
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


def _fast_digits(text: str, m: re.Match, lo: int) -> Optional[tuple[Optional[_Q], int]]:
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
        money = U.resolve_currency(cur[0], _HINT[0])
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
    return _digits_right(text, lo, s, e, digits, money, qs, b, text[lo:s], "", "")


def _digits_right(text: str, lo: int, s: int, e: int, digits: str, money: Optional[str], qs: int,
                  before: str, left: str, prev: str, prev_word: str) -> tuple[Optional[_Q], int]:
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
        _read_after_number(text, q, points_ctx=s, lo=lo)
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
    if q1.money is None and q1.unit is None:
        q1.money, q1.unit, q1.unit_info = q2.money, q2.unit, q2.unit_info
        q1.den_info, q1.den_annotation = q2.den_info, q2.den_annotation
        q1.sub, q1.minor, q1.minor_fixed = q2.sub, q2.minor, q2.minor_fixed
    elif q1.den_info is None and q1.den_annotation is None and (q2.den_info or q2.den_annotation) \
            and q1.money == q2.money and q1.unit == q2.unit:  # "between A$1,900 and A$2,050 an ounce"
        q1.den_info, q1.den_annotation = q2.den_info, q2.den_annotation


_NEXT_WORD_RE = re.compile(r"[ \u00a0]+([A-Za-z]+)")


def _next_lower(text: str, pos: int) -> str:
    """The lower-cased word after the space(s) at ``pos``, or ``""``."""
    m = _NEXT_WORD_RE.match(text, pos, pos + 40)
    return m.group(1).lower() if m else ""


def _try_range(text: str, q1: _Q, lo: int) -> tuple[Optional[_Q], Optional[_Q]]:
    """Return ``(range, None)`` when ``q1`` opens a range, ``(None, q2)`` when ``q1``, the
    connector and the next number ``q2`` form a score line that holds no quantity ("a 1-0 win";
    rule ``_score_note`` in ``quantity_cues.json``), else ``(None, None)``. Call it only when
    the first character after ``q1.end`` that is not a space is in ``_CONN_FIRST``."""
    if q1.raw is None or q1.form not in ("digits", "words"):
        return None, None
    # (the caller has checked that the first non-space character after q1 is in _CONN_FIRST)
    cm = _CONNECTOR_RE.match(text, q1.end, q1.end + _LOOK)
    if not cm:
        return None, None
    conn = cm.group("c").strip().lower()
    if conn.startswith("-") and len(conn) > 1:  # "8- to 10-year-olds", "320- to 640-inch"
        conn = conn[1:].strip()
    lead_word, lead_len = "", 0
    # previous word of q1 (made on first need); a window of at most one character holds none
    prev1: Optional[str] = "" if q1.start - lo <= 1 else None
    lw = "" if prev1 == "" else _window(text, lo, q1.start, 12)
    if lw and lw[-1].isspace():
        lt = lw.rsplit(None, 1)
        if lt and lt[-1].lower() in ("between", "from"):
            lead_word = lt[-1].lower()
            lead_len = len(lw) - (len(lw.rstrip()) - len(lt[-1]))
    if conn == "and" and lead_word != "between":
        return None, None
    m2 = None
    for off in range(0, 5):  # room for a currency symbol before the second number
        p2 = cm.end() + off
        if p2 >= len(text):
            break
        ch = text[p2]
        if not (ch.isalnum() or ch == "." or ch in _UFRAC_CHARS) or (ch.isalpha() and text[p2 - 1].isalpha()):
            continue  # no core can start here (cores start with a digit, "." or a word after \b)
        m2 = _DIGIT_CORE_RE.match(text, p2) if ch.isdigit() else _CORE_RE.match(text, p2, timeout=_TIMEOUT)
        if m2 is not None:
            break
    if m2 is None or m2.lastgroup not in ("digits", "words"):
        return None, None
    r2 = _fast_digits(text, m2, cm.end()) if ch.isdigit() else None
    q2, _ = _core(text, m2, cm.end()) if r2 is None else r2
    if q2 is not None and q2.raw is not None and q2.raw < 0 and q2.start == cm.end() - 1 \
            and cm.group("c")[0] in _SP_CHARS and q1.raw is not None and -q2.raw > q1.raw >= 0 \
            and q2.unit not in ("Cel", "[degF]", "K"):  # "a 75 -300mm lens": the dash is no sign here
        q2.raw, q2.start = -q2.raw, cm.end()
        q2.digits = q2.digits[1:] if q2.digits and q2.digits[0] == "-" else q2.digits
    if q2 is None or q2.start != cm.end() or q2.raw is None:
        return None, None
    if conn == "or":
        # "three or four times", "10 or 12 weeks": a range only when the first number is bare,
        # written like the second, and the second is the larger but at most about twice it
        # ("5 or 500" and "12% or 3 points" are alternatives, not ranges)
        if not (_bare(q1) and q1.form == q2.form and 0 <= q1.raw < q2.raw <= 2 * q1.raw + 1
                and q1.comparator == "=" and lead_word == ""):
            return None, None
    word_scale = None
    if q2.form == "words":  # the digit path has read its right side: "two to three years"
        if q1.form == "words":  # "two to three million": the scale word is written once
            last = text[q2.nstart:q2.nend].rsplit(None, 1)[-1].lower()
            word_scale = N.SCALE_WORDS.get(last) or (100.0 if last == "hundred" else None)
        _read_after_number(text, q2, points_ctx=None, lo=cm.end())
    if _may_have_suffix(text, q2.end):
        _suffix_comparator(text, q2)
    dash = conn in ("-", "\u2013", "\u2014", "\u2012", "~")
    if dash and q2.form == "digits" and q1.form == "digits" and q1.nend - q1.nstart <= 2 \
            and q2.nend - q2.nstart <= 2 and _bare(q1) and _bare(q2) and q1.start == q1.nstart \
            and text[q1.nstart:q1.nend].isdigit() and text[q2.nstart:q2.nend].isdigit():
        if prev1 is None:
            prev1 = _prev_lower(text, lo, q1.start)
        if q1.raw >= q2.raw or prev1 in _SCORE_WORDS or (
                text[q2.end:q2.end + 1] in _SP_CHARS and _next_lower(text, q2.end) in _SCORE_WORDS):
            return None, q2  # a score or vote line: "a 1-0 win", "won 3-2", "lost 1-3"
    if lead_word == "between":
        is_range = True
    elif lead_word == "from":
        before_from = _prev_lower(text, lo, q1.start - lead_len)
        if before_from in _RANGE_VERBS:  # "prices range from $410,000 to $4.8 million"
            is_range = conn != "and" and (_bare(q1) or _same_unit(q1, q2))
        else:  # "from 200 to 3,000,000" (both bare: only upwards), but "rose from 5 to 7" is a change
            is_range = _bare(q1) and before_from not in _CHANGE_WORDS and (not _bare(q2) or q1.raw < q2.raw)
    else:
        if prev1 is None:
            prev1 = _prev_lower(text, lo, q1.start)
        is_range = (_bare(q1) or _same_unit(q1, q2)) and q1.comparator in ("=", "~") and (
            dash or prev1 not in _CHANGE_WORDS or _forecast_range(text, lo, q1, q2, conn))
        if dash and q1.has_scale != q2.has_scale and not _bare(q1):
            is_range = False
    if not is_range:
        if lead_word == "from" and conn == "to":
            _carry_to_start_point(q1, q2)
        return None, None
    if q1.comparator == "~" and q2.raw is not None and q1.raw * (
            q2.scale if not q1.has_scale and q2.has_scale and abs(q1.raw) < 1000 else q1.scale) > q2.raw * q2.scale:
        return None, None  # "about 3.6–0.4 million": an approximate range goes upwards (q1 untouched)
    if not q1.has_scale and q2.has_scale and abs(q1.raw) < 1000:
        q1.scale = q2.scale
    if word_scale and q1.raw < word_scale and q1.scale == 1.0:
        q1.raw *= word_scale
    if q1.money is None and q1.unit is None:
        q1.money, q1.unit, q1.unit_info = q2.money, q2.unit, q2.unit_info
        q1.den_info, q1.den_annotation = q2.den_info, q2.den_annotation
        q1.sub, q1.minor, q1.minor_fixed = q2.sub, q2.minor, q2.minor_fixed
    elif q1.den_info is None and q1.den_annotation is None and (q2.den_info or q2.den_annotation) \
            and q1.money == q2.money and q1.unit == q2.unit:  # "between A$1,900 and A$2,050 an ounce"
        q1.den_info, q1.den_annotation = q2.den_info, q2.den_annotation
    lo_v, hi_v = q1.value, q2.value
    if lo_v is None or hi_v is None:
        return None, None  # a bound beyond the float range: no range of two finite values

    r = q1  # q1 is ours to reuse
    if lead_word == "between":
        r.start = q1.start - lead_len
    r.end = q2.end
    r.nend = q2.nend
    if q2.form == "attributive":  # "a 3-5-year plan"
        r.form = "attributive"
    elif q2.form == "multiplier" and q1.unit == "x":  # "three or four times"
        r.form = "multiplier"
    r.raw = None
    r.rng = (lo_v, hi_v)
    return r, None


def _emit(text: str, q: _Q, rng: Optional[tuple[float, float]] = None) -> QuantityMatch:
    if (q.unit_info is not None and q.unit_info.symbol == "[oz_av]") or (
            q.den_info is not None and q.den_info.symbol == "[oz_av]"):
        _troy(text, q)
    if q.money is None and q.unit_info is None:
        unit, bv, bu = q.unit, None, None
    else:
        unit, bv, bu = _finish_unit(q)
    if q.money is not None and q.den_info is None and q.den_annotation is None:
        unit = q.money
    value = None if rng else q.value
    lower = upper = None
    if rng:
        lower, upper = min(rng), max(rng)
        bv = bu = None
    return _new_match(
        text[q.start:q.end], q.start, q.end, value, unit, q.comparator, lower, upper, bv,
        bu if bv is not None else None, q.approximate, q.form, q.nstart, q.nend, q.cue,
    )


_QM_FIELDS = ("text", "start_char", "end_char", "value", "unit", "comparator", "lower", "upper", "base_value",
              "base_unit", "approximate", "form", "number_start", "number_end", "comparator_cue")
if tuple(f.name for f in dataclasses.fields(QuantityMatch)) != _QM_FIELDS:
    raise ImportError("QuantityMatch fields changed: update quantities._new_match")
(_S_TEXT, _S_START, _S_END, _S_VALUE, _S_UNIT, _S_COMP, _S_LOWER, _S_UPPER, _S_BV, _S_BU, _S_APPROX, _S_FORM,
 _S_NSTART, _S_NEND, _S_CUE) = (getattr(QuantityMatch, name).__set__ for name in _QM_FIELDS)
_OBJECT_NEW = object.__new__


def _new_match(text: str, start: int, end: int, value: Optional[float], unit: Optional[str], comparator: str,
               lower: Optional[float], upper: Optional[float], base_value: Optional[float],
               base_unit: Optional[str], approximate: bool, form: str, nstart: int, nend: int,
               cue: Optional[tuple[int, int]]) -> QuantityMatch:
    """``QuantityMatch(...)`` (all 15 fields, in declaration order) without the frozen
    dataclass's ``__init__``, which routes every field through ``object.__setattr__`` and costs
    about half of a simple match's time; the slot descriptors store the same values, so the
    object is equal to (and hashes like) one built by the constructor (see the tests). One
    descriptor call per field, unrolled (a loop over them costs 70% more)."""
    obj = _OBJECT_NEW(QuantityMatch)
    _S_TEXT(obj, text)
    _S_START(obj, start)
    _S_END(obj, end)
    _S_VALUE(obj, value)
    _S_UNIT(obj, unit)
    _S_COMP(obj, comparator)
    _S_LOWER(obj, lower)
    _S_UPPER(obj, upper)
    _S_BV(obj, base_value)
    _S_BU(obj, base_unit)
    _S_APPROX(obj, approximate)
    _S_FORM(obj, form)
    _S_NSTART(obj, nstart)
    _S_NEND(obj, nend)
    _S_CUE(obj, cue)
    return obj


def find_quantities(text: str, *, currency_hint: Optional[str] = None) -> list[QuantityMatch]:
    """Every quantity in ``text``, normalised, sorted by ``start_char``, never overlapping.

    Args:
        text: raw text (any length; offsets refer to it as given).
        currency_hint: ISO 4217 code used to resolve ambiguous symbols and names: ``$`` and
            ``dollars`` default to USD, ``¥``/``￥`` to JPY, ``£`` to GBP, ``Rs``/``rupees`` to INR,
            ``kr`` to SEK; a hint among a symbol's candidates wins (``"CNY"`` makes ``¥`` CNY,
            ``"AUD"`` makes ``$`` AUD). See ``resources/currencies.json``.

    Returns:
        A list of :class:`~claimx.grammar.types.QuantityMatch`; ``text[m.start_char:m.end_char]
        == m.text`` always. Values have scale words applied; ranges have ``value=None`` and
        ``lower``/``upper``; ``base_value``/``base_unit`` give SI base forms (via pint) for
        physical units. Years, dates, times of day, ordinals, numbers inside names, labels
        ("Table 2"), versions ("Python 3.11", "v2.3"), digit codes (ISO dates "2025-06-30",
        phone numbers, ISBNs), ranking expressions ("top 10"), footnote markers and anaphoric
        word counts ("the two lines") are not returned. Hyphenated duration and count-noun
        modifiers before a noun ("a 10-year bond", "a 300-page report") are returned with
        ``form="attributive"``: they are not claims (rule in ``quantity_cues.json``).

    Never raises on any ``str`` input; a regex that runs over its time budget ends the scan
    early (the matches found so far are returned).
    """
    _HINT[0] = currency_hint
    out: list[QuantityMatch] = []
    pending: list[tuple[int, _Q]] = []  # sub-unit amounts whose currency is inferred
    money_at: list[tuple[int, str]] = []  # (start, ISO code) of the other money amounts
    pos = 0
    lo = 0
    n = len(text)
    low: Optional[str] = None  # " " + ASCII-lower-cased text, made on first need
    dc = wc = None  # next digit / word candidate at or after ``pos``
    d_done = w_done = False
    while pos < n:
        if not d_done and (dc is None or dc.start() < pos):
            dc = _DIGIT_CAND_RE.search(text, pos)
            while dc is not None and dc.start() > 0 and text[dc.start() - 1] in _DIGITS and dc.group()[0] in _DIGITS:
                dc = _DIGIT_CAND_RE.search(text, dc.end())  # inside a digit run: not a start
            d_done = dc is None
        if not w_done and (wc is None or wc.start() < pos):
            if low is None:
                low = " " + _ascii_lower(text)
            wc = _WORD_CAND_RE.search(low, pos)  # low[i] is text[i - 1]: the match starts on the word
            w_done = wc is None
        if dc is None and wc is None:
            break
        if wc is None or (dc is not None and dc.start() <= wc.start()):
            start = dc.start()
            c0 = text[start]  # a digit, the "." of a leading-dot decimal or a unicode fraction
            is_digit = c0 in _DIGITS
            cand_end = start + (2 if c0 == "." else 1)  # ".5": skip its digit too
        else:
            start, is_digit = wc.start(), False
            cand_end = wc.end() - 1
        try:
            m = _DIGIT_CORE_RE.match(text, start) if is_digit else _CORE_RE.match(text, start, timeout=_TIMEOUT)
        except TimeoutError:
            break
        if m is None:
            pos = cand_end
            continue
        r = _fast_digits(text, m, lo) if is_digit else None
        q, nxt = _core(text, m, lo) if r is None else r
        if q is None:
            pos = max(nxt, m.start() + 1)
            continue
        if q.form not in ("digits", "attributive"):  # the digit path has read its right side
            _read_after_number(text, q, points_ctx=q.start if q.form == "words" else None, lo=lo)
            _mark_attributive(text, q)
        bare_one = q.form == "words" and q.unit is None and q.money is None and q.unit_info is None \
            and q.raw == 1 and text[q.nstart:q.nend].lower() == "one"
        c = text[q.end:q.end + 1]  # (as _may_have_suffix: guards here save calls on dense input)
        if c == "+" or (c in _SP_CHARS and _peek(text, q.end) in _SUFFIX_FIRST):
            _suffix_comparator(text, q)
        if q.comparator in ("=", "~") and q.start > lo + 1 and text[q.start - 1].isspace():
            # (a window of one whitespace character holds no comparator)
            _left_extend(text, q, lo)
        elif q.comparator == "=" and q.start > lo and text[q.start - 1] in _CMP_SYMBOL_LAST:
            _glued_comparator(text, q, lo)
        if q.comparator in ("<", ">") and _may_have_suffix(text, q.end):
            _suffix_comparator(text, q)  # "less than 5000 or equal"
        rng = None
        c = text[q.end:q.end + 1]  # a connector next (as _peek(text, q.end) in _CONN_FIRST)
        if q.raw is not None and (c in _CONN_FIRST or (c in _SP_CHARS and _peek(text, q.end) in _CONN_FIRST)):
            rng, skip = _try_range(text, q, lo)
            if skip is not None:
                lo = pos = skip.end
                continue
        if rng is not None:
            q = rng
        if q.unit is None and q.money is None and q.form in ("digits", "words") and q.start >= 2 \
                and text[q.start - 1] == " " and text[q.start - 2] in _AGE_LAST \
                and _prev_lower(text, lo, q.start) in _AGE_WORDS:  # "adults aged 25 to 54"
            q.unit_info, q.unit, q.form = _YEARS, _YEARS.symbol, "attributive"
        elif rng is not None:
            pass
        elif bare_one:
            pos = max(nxt, m.end())
            continue  # a bare "one" is not a quantity ("one or two" above is a range)
        if q.money is not None:
            if q.minor is not None and not q.minor_fixed:
                pending.append((len(out), q))
            else:
                money_at.append((q.start, q.money))
        out.append(_emit(text, q, q.rng))
        lo = pos = q.end
    if pending:
        _resolve_minor(text, out, pending, money_at)
    out = F.extend_number_forms(text, _join_count_ratios(text, out))
    out = FC.per_population(text, FC.percent_of(text, FC.drop_in_urls(text, FC.digit_lists(text, out))))
    return _carry_to_conversion(text, _share_unit_backwards(text, _join_bounds(text, out)))


_AND_OR_RE = re.compile(r"(?:\s*,)?\s+(?:and|or)\s+|\s*,\s*")


def _share_unit_backwards(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """"45 and 50 mg", "5, 10 or 20 km": a bare number written just before another number of
    the same size with a physical unit (or %) and joined by "and"/"or"/a comma shares its unit."""
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if b.unit is not None and a.unit is None and a.form == "digits" and a.value is not None and a.lower is None \
                and b.value is not None and (b.base_unit is not None or b.unit == "%") and "/" not in b.unit \
                and a.comparator == "=" and 0 < a.value <= b.value <= 10 * a.value \
                and _AND_OR_RE.fullmatch(text, a.end_char, b.start_char):
            scale = b.value / float(text[b.number_start:b.number_end].replace(",", "")) \
                if text[b.number_start:b.number_end].replace(",", "").replace(".", "").isdigit() else 1.0
            if scale != 1.0:
                continue  # "5 and 7 million tonnes": the scale is not shared here
            info = U.lookup_unit(b.unit)
            bv = None
            if info is not None:
                bv = U.to_base(a.value, info)[0]
            out[i] = dataclasses.replace(a, unit=b.unit, base_value=bv, base_unit=b.base_unit if bv is not None else None)
    return out


def _carry_to_conversion(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """A conversion in brackets right after a quantity ("more than 120 kilometres (75 miles)",
    "~2.5mm (0.1 in)") states the same amount: it takes the first one's comparator when it has
    none, provided both have the same base unit."""
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.comparator != "=" and b.comparator == "=" and a.base_unit is not None and a.base_unit == b.base_unit \
                and text[a.end_char:b.start_char].strip() == "(" and text[b.end_char:b.end_char + 1] == ")":
            out[i] = dataclasses.replace(b, comparator=a.comparator)
    return out


_BOUNDS_JOIN_RE = re.compile(r"\s*,?\s*(?:and|but)\s+|\s*,\s*")
_LOWER_BOUND = frozenset((">", ">="))
_UPPER_BOUND = frozenset(("<", "<="))


def _join_bounds(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """Join a lower and an upper bound written one after the other into a range: "more than 10
    and less than 40", "above 1000 and below 1500", "at most 100 and at least 20" -> lower 10,
    upper 40 (same unit, or one side without a unit; only when lower < upper: "more than 40 and
    less than 10" stays two quantities)."""
    if len(out) < 2 or all(m.comparator == "=" for m in out):
        return out
    joined: list[QuantityMatch] = []
    i = 0
    while i < len(out):
        a = out[i]
        b = out[i + 1] if i + 1 < len(out) else None
        if b is not None and a.comparator != "=" and b.comparator != "=" and a.value is not None \
                and b.value is not None and (
                (a.comparator in _LOWER_BOUND and b.comparator in _UPPER_BOUND)
                or (a.comparator in _UPPER_BOUND and b.comparator in _LOWER_BOUND)) \
                and (a.unit == b.unit or a.unit is None or b.unit is None) and a.form == b.form \
                and _BOUNDS_JOIN_RE.fullmatch(text, a.end_char, b.start_char):
            lo_m, hi_m = (a, b) if a.comparator in _LOWER_BOUND else (b, a)
            if lo_m.value < hi_m.value:
                joined.append(dataclasses.replace(
                    a, text=text[a.start_char:b.end_char], end_char=b.end_char, value=None, comparator="=",
                    lower=lo_m.value, upper=hi_m.value, unit=a.unit or b.unit, base_value=None, base_unit=None,
                    number_end=b.number_end, comparator_cue=None))
                i += 2
                continue
        joined.append(a)
        i += 1
    return joined


_COUNT_RATIO_RE = re.compile(r"\s+(in|out\s+of|per|for\s+every)\s+")


def _join_count_ratios(text: str, out: list[QuantityMatch]) -> list[QuantityMatch]:
    """Join "3 in 10", "2 out of 5" (value 0.3, 0.4, form ``fraction``) and "355 per 100,000"
    (value 355, unit ``/100000``): the second bare number is part of the first, not a quantity.
    ("one in four" is read by the core pattern already.)"""
    if len(out) < 2:
        return out
    joined: list[QuantityMatch] = []
    i = 0
    while i < len(out):
        a = out[i]
        b = out[i + 1] if i + 1 < len(out) else None
        if b is not None and a.unit is None and b.unit is None and a.value is not None and b.value \
                and a.form == "digits" and b.form == "digits" and a.lower is None and b.lower is None:
            m = _COUNT_RATIO_RE.fullmatch(text, a.end_char, b.start_char)
            rate = m is not None and (m.group(1) == "per" or m.group(1).startswith("for"))
            if m and (rate or a.value <= b.value):
                if rate:
                    den = b.value
                    fields = {"unit": f"/{int(den) if float(den).is_integer() else den}"}
                else:
                    fields = {"value": a.value / b.value, "form": "fraction"}
                joined.append(dataclasses.replace(a, text=text[a.start_char:b.end_char], end_char=b.end_char,
                                                  number_end=b.number_end, **fields))
                i += 2
                continue
        joined.append(a)
        i += 1
    return joined


def _resolve_minor(text: str, out: list[QuantityMatch], pending: list[tuple[int, _Q]],
                   money_at: list[tuple[int, str]]) -> None:
    """Give each sub-unit amount whose currency was not written ("40.1 cents") the currency of
    the nearest money amount in the text that the sub-unit word can belong to (looking at most
    8 amounts either way), else the hint's, else the word's default; re-emit it in place."""
    starts = [a for a, _ in money_at]
    for idx, q in pending:
        cands = U.MINOR_UNITS[q.minor if U.minor_glued_only(q.minor) else q.minor.lower()].candidates
        i = bisect.bisect_left(starts, q.start)
        near, best = None, None
        for j in range(max(0, i - 8), min(len(starts), i + 8)):
            code = money_at[j][1]
            d = abs(starts[j] - q.start)
            if code in cands and (best is None or d < best):
                near, best = code, d
        code, frac = U.resolve_minor(q.minor, near=near, hint=_HINT[0])
        if code == q.money:
            continue
        if q.rng is not None:  # the bounds hold the old share: restate them exactly
            f = N.EXACT.divide(N.dec(frac), N.dec(q.sub))
            q.rng = tuple(None if b is None else N.exact_float(N.EXACT.multiply(N.dec(b), f)) for b in q.rng)
        q.money, q.sub = code, frac
        out[idx] = _emit(text, q, q.rng)


def guess_currency_hint(text: str) -> Optional[str]:
    """Guess the ISO 4217 code that ambiguous symbols in ``text`` most likely mean, from
    country and currency cue words (``resources/currencies.json`` ``hint_cues``).

    Returns the code whose cues occur at least 3 times and at least twice as often as any
    other code's, else ``None``. One linear scan; e.g. an article that mentions yuan, RMB or
    China several times -> ``"CNY"``.
    """
    counts = U.count_hint_cues(text)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    top, c = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if c >= 3 and c >= 2 * second:
        return top
    return None
