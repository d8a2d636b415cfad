"""The quantity grammar's patterns and tables (part of :mod:`claimx.grammar.quantities`).

The cue lexicon ``quantity_cues.json`` (its comparators checked on import), the anchored regexes
for the numeric core and for what stands around it, the comparator tables, the one-character
guards (the first characters each right-hand pattern can start with) and the two candidate
prefilters of the scan.
"""

from __future__ import annotations

import re

import regex

from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar._resources import load
from claimx.grammar._trie import trie_alt

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
_UFRAC_SET = "".join(N.UNICODE_FRACTIONS)
# (one leading class, then the branch chosen by the character read: an alternation at the top
# would give ``sre`` no class to skip by, about three times slower on prose without digits)
_DIGIT_CAND_RE = re.compile(rf"[0-9.{_UFRAC_SET}](?:(?<=[0-9])[0-9]*|(?<=\.)(?=[0-9])|(?<=[{_UFRAC_SET}]))")
_WORD_CAND_RE = re.compile(
    rf"[^a-z](?:{trie_alt(_STARTERS - {'a', 'an'})}|an?(?=[\s\-]+{trie_alt(_A_NEXT)}(?![a-z])))(?![a-z])")
