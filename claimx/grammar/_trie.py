"""Prefix-factored regex alternations (internal).

A flat alternation ``a|b|c|...`` of hundreds of words is tried branch by branch at every position
by both ``re`` and ``regex``; factoring it as a trie makes an anchored match cost about the
length of the word instead of the number of words (units, currency names, number words).
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

_HYPHENS = "[\\-\u2010\u2011]"


def _atoms(word: str, spaces: bool, hyphens: bool) -> list[str]:
    out = []
    for ch in word:
        if spaces and ch == " ":
            out.append(r"\s+")
        elif hyphens and ch == "-":
            out.append(_HYPHENS)
        else:
            out.append(re.escape(ch))
    return out


def trie_alt(words: Iterable[str], *, spaces: bool = False, hyphens: Optional[bool] = None,
             lower: bool = False) -> str:
    """A regex (no capturing groups) matching exactly the strings in ``words``.

    With ``spaces=True`` a space matches any run of whitespace and (unless ``hyphens=False``)
    ``-`` any of ``-``, U+2010, U+2011 (as written in running text). With ``lower=True`` the words are lower-cased first (for
    use under ``(?i:...)``, so that "Metre" and "metre" share a branch). Where one word is a prefix
    of another the longer is tried first, so the match is the longest word that lets the rest of
    the pattern match, as with a flat alternation sorted longest first. Returns ``(?!)`` (never
    matches) for an empty list.
    """
    hy = spaces if hyphens is None else hyphens
    root: dict = {}
    for w in words:
        if not w:
            continue
        d = root
        for a in _atoms(w.lower() if lower else w, spaces, hy):
            d = d.setdefault(a, {})
        d[""] = {}
    if not root:
        return "(?!)"

    def emit(d: dict) -> str:
        alts = [a + emit(d[a]) for a in sorted(k for k in d if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in d else body

    return emit(root)
