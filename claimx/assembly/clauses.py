"""Clause segments of a sentence (split at ``cues.json``'s ``clause_boundaries``), quoted passages,
and the words before a position."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import regex

if TYPE_CHECKING:
    from .context import DocState, SentenceInfo

_WORD_OR_COMMA = regex.compile(r"[\w'’-]+|[,;]")
_QUOTE_MARK = regex.compile(r'[“”"]')


def segments(st: "DocState", s: "SentenceInfo") -> list[tuple[int, int]]:
    """Clause segments of a sentence, split at boundary words (end exclusive); worked out once per
    sentence (``st.segment_cache``): the list returned is shared, not to be changed."""
    segs = st.segment_cache.get((s.start, s.end))
    if segs is None:
        cuts = [s.start]
        for m in st.cues.boundary_re.finditer(st.text, s.start, s.end):
            cuts.append(m.start())
        cuts.append(s.end)
        segs = st.segment_cache[(s.start, s.end)] = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    return segs


def segment_of(segs: list[tuple[int, int]], pos: int) -> int:
    """Index of the segment holding ``pos`` (the last one when none does)."""
    for i, (a, b) in enumerate(segs):
        if a <= pos < b:
            return i
    return len(segs) - 1


def segment_bounds(st: "DocState", s: "SentenceInfo", pos: int) -> tuple[int, int]:
    """(start, end) of the clause segment of ``s`` that holds ``pos``."""
    segs = segments(st, s)
    return segs[segment_of(segs, pos)]


def between_has_boundary(st: "DocState", a: int, b: int) -> bool:
    """True when a clause boundary word lies in ``text[a:b]``."""
    return st.cues.boundary_re.search(st.text, a, b) is not None


def words_before(st: "DocState", pos: int, lo: int, n: int = 4) -> list[tuple[str, int, int]]:
    """The last ``n`` words (and commas/semicolons) of ``text[lo:pos]`` as (lowercased, start, end)."""
    seg = st.text[lo:pos]
    words = [(m.group().lower(), lo + m.start(), lo + m.end()) for m in _WORD_OR_COMMA.finditer(seg)]
    return words[-n:]


def quote_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted passages: curly quotes paired, straight quotes toggled."""
    regions = []
    stack: Optional[int] = None
    straight: Optional[int] = None
    for m in _QUOTE_MARK.finditer(text):
        ch = m.group()
        if ch == "“":
            stack = m.start()
        elif ch == "”" and stack is not None:
            regions.append((stack, m.end()))
            stack = None
        elif ch == '"':
            if straight is None:
                straight = m.start()
            else:
                regions.append((straight, m.end()))
                straight = None
    return regions
