"""Text normalisation and token comparison used by the slot rules (GOLD.md scoring rule 3)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional, Sequence

import regex

_QUOTE_MAP = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-"})
_POSSESSIVE_RE = regex.compile(r"(?<=\w)'s\b|(?<=\ws)'(?!\w)")
_ARTICLE_RE = regex.compile(r"^(?:the|a|an)\s+")
_SPACE_RE = regex.compile(r"\s+")
_WORD_RE = regex.compile(r"\w+")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop-word list (``spacy.lang.en.stop_words.STOP_WORDS``), loaded once."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


@lru_cache(maxsize=1 << 16)
def normalize_text(text: Optional[str]) -> str:
    """Normalise an entity-like text for comparison (GOLD.md scoring rule 3, ``entity``).

    Lower case; curly quotes to straight (’‘ -> ', “” -> "); em/en dash (—, –) to ``-``;
    possessive ``'s`` (and the bare ``'`` of a plural possessive, "companies'") dropped;
    a leading article (the/a/an) dropped; whitespace collapsed and stripped.

    :param text: the text, or ``None`` (-> ``""``).
    :returns: the normalised string.
    """
    if not text:
        return ""
    t = text.translate(_QUOTE_MAP).lower()
    t = _POSSESSIVE_RE.sub("", t)
    t = _SPACE_RE.sub(" ", t).strip()
    return _ARTICLE_RE.sub("", t)


def _words(text: Optional[str]) -> list[str]:
    """Word tokens (``\\w+``) of :func:`normalize_text` ``(text)``: punctuation stripped."""
    return _WORD_RE.findall(normalize_text(text))


def plain_tokens(text: Optional[str]) -> list[str]:
    """Lower-cased ``\\w+`` tokens of a text (quotes/dashes straightened, punctuation stripped,
    nothing else dropped): the words compared for ``hedge`` and ``attribution``."""
    return _WORD_RE.findall(text.translate(_QUOTE_MAP).lower()) if text else []


def content_tokens(text: Optional[str]) -> list[str]:
    """Content words of a text: lower-cased ``\\w+`` tokens minus spaCy's English stop words.

    Numbers count as content ("top 10 open-source models" -> ``["10", "open", "source",
    "models"]``). If every word is a stop word, all words are returned, so that a metric such as
    "most" can still be compared.
    """
    return list(_content_tokens(text))


@lru_cache(maxsize=1 << 16)
def _content_tokens(text: Optional[str]) -> tuple[str, ...]:
    words = _words(text)
    stops = _stop_words()
    content = tuple(w for w in words if w not in stops)
    return content if content else tuple(words)


def token_f1(pred: Sequence[str], gold: Sequence[str]) -> float:
    """Multiset token F1 between two token lists; 0.0 if either is empty."""
    if not pred or not gold:
        return 0.0
    ps, gs = set(pred), set(gold)
    if len(ps) == len(pred) and len(gs) == len(gold):  # no repeated token: sets suffice
        common = len(ps & gs)
    else:
        common = sum((Counter(pred) & Counter(gold)).values())
    if common == 0:
        return 0.0
    p = common / len(pred)
    r = common / len(gold)
    return 2 * p * r / (p + r)


def spans_overlap(a_start: Optional[int], a_end: Optional[int], b_start: Optional[int], b_end: Optional[int]) -> int:
    """Number of characters two half-open spans share; 0 if disjoint or any offset is ``None``."""
    if a_start is None or a_end is None or b_start is None or b_end is None:
        return 0
    return max(0, min(a_end, b_end) - max(a_start, b_start))
