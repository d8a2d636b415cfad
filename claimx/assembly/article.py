"""The article's topics: the names an article is about, found in its whole text without a parse.

A claim whose sentence names no entity is often about the article's subject ("Walmart" in a
results story whose sentences say "total revenue rose 5.8%"). The pipeline parses only windows
around quantities, so the names are counted over the raw text: runs of capitalised words
(:data:`NAME`) whose words never occur in lower case in the article ("Toyota", "UK", "Cathay
Pacific"; not "House" or "Online"), without month and weekday names (``resources/time.json``),
holidays ("Christmas", ``resources/entity_rules.json``) and unit or currency words ("TWh", "GW").
A name scores one per occurrence plus :data:`HEADLINE_BONUS` when the headline (the first line)
holds it; names said fewer than :data:`MIN_COUNT` times are none; the top :data:`TOP` names, best first, are the article's topics. The assembly offers
them to the entity chooser as inferred candidates (:mod:`claimx.assembly.candidates`), with their
rank, count and headline as features.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from ..grammar._resources import load
from .exclusions import is_unit_word

#: a run of up to four capitalised words ("Cathay Pacific", "UK", "Sam's Club"); inner words may be
#: joined by "'s", "&" or a hyphen
NAME = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s\p{Lu}[\p{L}\p{N}&.'’-]*){0,3}(?![\p{L}\p{N}])")
HEADLINE_BONUS = 3
#: a name said once is no topic of the article
MIN_COUNT = 2
#: the two best names: a third offered lowered the 4-fold CV entity mean (0.681 -> 0.675)
TOP = 2


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    lex = load("time.json", ("months", "month_abbreviations", "weekdays"))
    words = set(lex["months"]) | set(lex["month_abbreviations"]) | set(lex["weekdays"])
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def _holidays() -> frozenset[str]:
    """``holiday_names`` of ``resources/entity_rules.json``: periods named like names."""
    return frozenset(load("entity_rules.json", ("holiday_names",))["holiday_names"])


def _clean(word: str) -> str:
    return word.rstrip(".'’-").removesuffix("'s").removesuffix("’s")


def article_topics(text: str) -> list[dict]:
    """The article's topic names, best first: ``[{"text", "rank", "count", "headline"}, ...]``
    (``rank`` from 1, ``count`` the occurrences of the name as a whole word, ``headline`` whether
    the first line holds it); at most :data:`TOP`, ``[]`` for a text without names."""
    lower_words = set(regex.findall(r"(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}'’-]*", text))
    calendar = _calendar_words()

    def name_word(w: str) -> bool:
        w = _clean(w)
        return len(w) > 1 and w.lower() not in lower_words and w.lower() not in calendar

    headline = text.strip().split("\n", 1)[0]
    counts: Counter = Counter()
    for m in NAME.finditer(text):
        words = m.group().split()
        # the longest run of name words; a sentence-initial "The"/"In" drops out
        run: list[str] = []
        for w in words + [""]:
            if w and name_word(w):
                run.append(w)
                continue
            if run:
                name = _clean(" ".join(run))
                if not is_unit_word(name) and name.lower() not in _holidays():
                    counts[name] += 1
            run = []
    scored = []
    for name, n in counts.items():
        if n < MIN_COUNT:
            continue
        in_head = regex.search(r"(?<![\p{L}\p{N}])" + regex.escape(name) + r"(?![\p{L}\p{N}])", headline) is not None
        scored.append((n + (HEADLINE_BONUS if in_head else 0), n, in_head, name))
    scored.sort(key=lambda x: (-x[0], -x[1], x[3]))
    return [{"text": name, "rank": i + 1, "count": n, "headline": head}
            for i, (_, n, head, name) in enumerate(scored[:TOP])]
