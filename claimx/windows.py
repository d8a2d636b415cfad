"""Choosing what to parse: paragraphs, cheap sentence cuts and the windows around candidate quantities.

Everything here works on character offsets of the article as read, runs before any spaCy model
and is linear in the length of the text and the number of quantities (each list is walked once,
in order, with pointers; no window looks at every quantity). The parse is the expensive step, so
the point is to hand it as little text as gives the same claims as parsing whole paragraphs
(``tests/test_pipeline.py`` holds that equivalence on the development corpus and the cases).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Optional

import regex

__all__ = ["paragraph_spans", "sentence_bounds", "sentence_windows", "split_long", "assign_to_windows"]

_PARA_SPLIT = regex.compile(r"\n[ \t\r\f\v]*\n\s*")

#: A cheap sentence break: two lower-case letters or digits, end punctuation (and closing
#: quotes/brackets), space, then an upper-case letter or opening quote. "U.S. Army", "Mr. Li",
#: "No. 5" and "1. Introduction" are not breaks. Used only to choose what to parse.
SENT_BREAK = regex.compile(r"(?<=[\p{Ll}\d%]{2}[.!?][\"”’)\]]?)\s+(?=[\"“‘(\[]?\p{Lu})")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` at blank lines: a list of (start_char, end_char) of non-empty paragraphs."""
    spans = []
    pos = 0
    for m in _PARA_SPLIT.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def split_long(text: str, start: int, end: int, max_len: int) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces shorter than ``max_len`` characters (spaCy's ``max_length``).

    Cuts after the last ". " of each piece, else after its last space, else hard at ``max_len - 1``.
    Yields ``(start_char, end_char)`` pieces that tile the span in order. Each search looks only
    inside the piece it cuts, so the work is linear in ``end - start``.
    """
    if end - start < max_len:
        yield start, end
        return
    pos = start
    while end - pos >= max_len:
        cut = text.rfind(". ", pos, pos + max_len - 1)
        if cut <= pos:
            cut = text.rfind(" ", pos, pos + max_len - 1)
        if cut <= pos:
            cut = pos + max_len - 1
        else:
            cut += 1
        yield pos, cut
        pos = cut
    if pos < end:
        yield pos, end


def sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cheap sentences of ``text[start:end]`` (:data:`SENT_BREAK`), as absolute (start, end) offsets.

    Each sentence keeps the whitespace after it, so the sentences tile the span.
    """
    # a slice, not finditer(text, start, end): the look-behind must not see the text before ``start``
    bounds = [start] + [start + m.end() for m in SENT_BREAK.finditer(text[start:end])] + [end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def sentence_windows(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int]], context: Optional[int]
) -> list[tuple[int, int]]:
    """The parts of the paragraph ``text[start:end]`` to parse, given its candidate quantities.

    ``spans`` are the candidates' absolute ``(start_char, end_char)``, sorted by start.

    ``context=None``: one window, from the paragraph's start to the end of the cheap sentence where
    the last candidate ends. The claim assembly carries state forward through a paragraph -- the
    topic entity of the latest sentence that names one, the latest plain timeframe ("that year"),
    the open quotation -- from any distance back, so everything before a candidate is parsed; only
    the sentences after the last candidate are left out. A quotation still open at that point
    (per the assembly's rule: curly quotes paired, straight quotes toggled) runs the window on to
    the sentence that closes it, and a quotation closed at the very end of the window takes in
    the next sentence too ('..."  The minister said.'), where its attribution cue may be.

    ``context=n``: every cheap sentence that holds the start of a candidate is kept with up to
    ``n`` sentences before it (faster on sparse text; state carried from further back is lost);
    kept sentences that touch are joined, and a window that would end inside a candidate runs on
    to the end of the sentence where that candidate ends (joining the next window if it gets there).

    Trailing whitespace is cut off. Returns sorted, disjoint ``(start, end)`` windows (none when
    ``spans`` is empty).
    """
    if not spans:
        return []
    sents = sentence_bounds(text, start, end)
    if context is None:
        return _prefix_window(text, sents, max(b for _, b in spans))
    keep = [False] * len(sents)
    j = 0
    for q_start, _ in spans:
        while j < len(sents) - 1 and sents[j][1] <= q_start:
            j += 1
        for k in range(max(0, j - context), j + 1):
            keep[k] = True
    windows: list[tuple[int, int]] = []
    for (a, b), k in zip(sents, keep):
        if not k:
            continue
        if windows and windows[-1][1] == a:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    # a window never ends inside a candidate: it runs on to the end of the sentence where the
    # candidate ends (joining the next window if it reaches it). One pass over the windows, the
    # candidates (sorted by start: the furthest end of those that start before the cut) and the
    # sentences.
    merged: list[tuple[int, int]] = []
    i = si = 0
    reach = -1
    for a, b in windows:
        if merged and merged[-1][1] >= a:
            prev_a, prev_b = merged.pop()
            a, b = prev_a, max(prev_b, b)
        while True:
            while i < len(spans) and spans[i][0] < b:
                reach = max(reach, spans[i][1])
                i += 1
            if reach <= b:
                break
            while si < len(sents) - 1 and sents[si][1] < reach:
                si += 1
            b = max(b, sents[si][1])
        merged.append((a, b))
    out = []
    for a, b in merged:
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


_QUOTE = regex.compile(r'[“”"]')


def _prefix_window(text: str, sents: list[tuple[int, int]], reach: int) -> list[tuple[int, int]]:
    """The window of ``sentence_windows(..., context=None)``: sentences up to the one where
    ``reach`` (the furthest candidate end) falls, extended for quotations. One pass."""
    k = 0
    while k < len(sents) - 1 and sents[k][1] < reach:
        k += 1
    # quotation state at each sentence end, as claimx.assembly reads quotes
    curly_open = straight_open = False
    i = 0
    last_close = -1
    for m in _QUOTE.finditer(text, sents[0][0], sents[-1][1]):
        pos, ch = m.start(), m.group()
        while pos >= sents[i][1]:
            # sentence i ends before this mark: stop here unless a quotation is still open
            if i >= k and not (curly_open or straight_open):
                return _closing_window(text, sents, i, last_close)
            i += 1
        if ch == "“":
            curly_open = True
        elif ch == "”":
            if curly_open:
                last_close = m.end()
            curly_open = False
        else:
            if straight_open:
                last_close = m.end()
            straight_open = not straight_open
    while i < len(sents) - 1 and (i < k or curly_open or straight_open):
        i += 1
    if curly_open or straight_open:
        i = len(sents) - 1
    return _closing_window(text, sents, max(i, k), last_close)


def _closing_window(text: str, sents: list[tuple[int, int]], i: int, last_close: int) -> list[tuple[int, int]]:
    a, b = sents[0][0], sents[i][1]
    while b > a and text[b - 1].isspace():
        b -= 1
    if b == last_close and i + 1 < len(sents):
        # a quotation closes the window: its cue may be the next sentence ('..." The minister said.')
        b = sents[i + 1][1]
        while b > a and text[b - 1].isspace():
            b -= 1
    return [(a, b)] if b > a else []


def assign_to_windows(windows: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """For each window, the indices of the ``spans`` that lie wholly inside it.

    ``windows`` are sorted and disjoint, ``spans`` sorted by start; a span that crosses a window's
    edge belongs to none. One pass over both lists.
    """
    out: list[list[int]] = []
    i = 0
    for ws, we in windows:
        while i < len(spans) and spans[i][0] < ws:
            i += 1
        inside = []
        while i < len(spans) and spans[i][0] < we:
            if spans[i][1] <= we:
                inside.append(i)
            i += 1
        out.append(inside)
    return out
