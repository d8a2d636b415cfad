"""Mentions: ``{"text", "start_char", "end_char"}`` dicts cut from the text, and TIMEX3 year shifts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import regex
from spacy.tokens import Doc, Token

from .syntax import np_bounds
from .words import label_class

if TYPE_CHECKING:
    from .context import DocState

# spaCy label classes of resources/assembly_words.json
_TIME_LABELS = label_class("time")

_TRIM = ",;:.—–-()[]\"'“”‘’ "


def mention(doc: "Doc | str", start_char: int, end_char: int, **extra) -> Optional[dict]:
    """A mention dict for ``text[start_char:end_char]`` trimmed of spaces and edge punctuation.

    ``doc`` is a ``Doc`` or its text (pass the text in loops: ``Doc.text`` is rebuilt on each access).
    """
    text = doc if isinstance(doc, str) else doc.text
    while start_char < end_char and (text[start_char] in _TRIM or text[start_char].isspace()):
        start_char += 1
    while end_char > start_char and (text[end_char - 1] in _TRIM or text[end_char - 1].isspace()):
        end_char -= 1
    if end_char <= start_char:
        return None
    out = {"text": text[start_char:end_char], "start_char": start_char, "end_char": end_char}
    out.update(extra)
    return out


def token_mention(doc: Doc, first: int, last: int, text: Optional[str] = None, **extra) -> Optional[dict]:
    """A mention covering tokens ``first..last`` (inclusive); ``text`` is ``doc.text`` if known."""
    if last < first:
        return None
    return mention(text if text is not None else doc, doc[first].idx, doc[last].idx + len(doc[last].text), **extra)


def tmention(st: "DocState", first: int, last: int, **extra) -> Optional[dict]:
    """:func:`token_mention` over the state's doc and text."""
    return token_mention(st.doc, first, last, st.text, **extra)


def ent_mention(st: "DocState", tok: Token) -> Optional[dict]:
    """The named entity covering ``tok``, or the proper-noun phrase around it."""
    doc = st.doc
    if tok.i in st.time_tokens or tok.ent_type_ in _TIME_LABELS:
        return None
    if tok.ent_type_ in st.syntax.entity_labels:
        for ent in st.ents:
            if ent.start <= tok.i < ent.end:
                return mention(st.text, ent.start_char, ent.end_char)
    if tok.pos_ == "PROPN":
        first = tok.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
            first -= 1
        last = tok.i
        return tmention(st, first, last)
    return None


def np_entity(st: "DocState", tok: Token, qtoks) -> Optional[dict]:
    """A noun phrase as an entity ("the Dalian plant", "Romania's IT sector"); ``None`` for a pronoun."""
    if tok.lower_ in st.syntax.pronouns:
        return None
    key = ("entity", tok.i, subtree_part(tok, qtoks))
    if key not in st.np_cache:
        first, last = np_bounds(tok, keep_det=True, keep_poss=True, pps=("of",), exclude=frozenset(qtoks))
        st.np_cache[key] = tmention(st, first, last)
    found = st.np_cache[key]
    return dict(found) if found is not None else None


def subtree_part(tok: Token, qtoks) -> frozenset[int]:
    """The indices of ``qtoks`` (token indices) inside ``tok``'s subtree span (``left_edge`` to
    ``right_edge``): all that :func:`~claimx.assembly.syntax.np_bounds` headed by ``tok`` reads of
    them, so a key for its result."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    return frozenset(i for i in qtoks if lo <= i <= hi)


_TIMEX_YEAR = regex.compile(r"^(FY)?(\d{4})(.*)$")


def shift_timex(value: str, years: int) -> str:
    """Shift the year of a TIMEX3-style value: ``shift_timex("2025-H1", -1) == "2024-H1"``.

    Values without a concrete year (``XXXX-Q1``) and periods are returned unchanged.
    """
    m = _TIMEX_YEAR.match(value or "")
    if not m or "/" in value:
        return value
    return f"{m.group(1) or ''}{int(m.group(2)) + years:04d}{m.group(3)}"
