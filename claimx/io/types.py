"""The records of reading: :class:`Article`, :class:`SkippedArticle`, limits and suffixes."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from typing import Literal, Optional, Union

__all__ = ["Article", "SkippedArticle", "DecodeError", "DEFAULT_MAX_CHARS", "MIXED_ENCODING", "TEXT_SUFFIXES",
           "MD_SUFFIXES", "HTML_SUFFIXES", "JSONL_SUFFIXES", "display_name"]

SourceFormat = Literal["txt", "md", "html", "jsonl"]
PathLike = Union[str, "os.PathLike[str]"]

DEFAULT_MAX_CHARS = 5_000_000
"""Default upper bound on an article's length in characters (larger ones are skipped)."""
MIXED_ENCODING = "utf-8+cp1252"
"""``Article.encoding`` of a file whose lines mix UTF-8 and Windows-1252 (decoded line by line)."""

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
MD_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class Article:
    """One readable article.

    Attributes:
        doc_id: file name without extension; for JSONL the record's ``id``; for Markdown the
            front matter ``id`` when given.
        text: the text claims are extracted from (offsets refer to it).
        path: the file it came from (``"-"`` for standard input).
        date: publication date (front matter, JSONL ``date`` or HTML metadata), used as the
            reference date for relative time expressions; ``None`` when unknown.
        title, url: metadata when known.
        source_format: ``"txt"``, ``"md"``, ``"html"`` or ``"jsonl"``.
        encoding: the encoding the file was decoded with (``None`` for JSONL: always UTF-8).
        offset: character offset of ``text`` in the decoded file (the front matter length for
            Markdown, 0 for plain text); ``None`` when ``text`` is not a slice of the file
            (HTML extraction, JSONL).
        line: 1-based line number of the record in a JSONL file, else ``None``.
    """

    doc_id: str
    text: str
    path: str
    date: Optional[date] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source_format: SourceFormat = "txt"
    encoding: Optional[str] = None
    offset: Optional[int] = 0
    line: Optional[int] = None


@dataclass(frozen=True, slots=True)
class SkippedArticle:
    """An input that could not be read as an article.

    Attributes:
        path: the file (``"-"`` for standard input).
        doc_id: the id it would have had (file stem, or ``<stem>:<line>`` for a JSONL line
            without a usable id).
        reason: human-readable explanation, e.g. ``"binary file (NUL bytes)"``.
        kind: short category used for counting: ``empty``, ``binary``, ``too_large``,
            ``unreadable``, ``malformed_record``, ``bad_front_matter``, ``unsupported``,
            ``html_unavailable``, ``no_main_text``, ``duplicate_id``, ``not_found``.
        line: 1-based line number for JSONL records, else ``None``.
    """

    path: str
    doc_id: str
    reason: str
    kind: str
    line: Optional[int] = None

    def to_json(self) -> str:
        """One line of the errors file: ``{"path", "doc_id", "reason", "kind", "line"}``."""
        return json.dumps(
            {"path": self.path, "doc_id": self.doc_id, "reason": self.reason, "kind": self.kind, "line": self.line},
            ensure_ascii=False,
        )


class DecodeError(ValueError):
    """Raised by :func:`decode_bytes` when bytes are not text; ``kind`` is ``binary``."""

    kind = "binary"


def display_name(name: str) -> str:
    """``name`` as it can be written to any output: a file name byte that is not UTF-8 (kept by
    Python as a surrogate escape) becomes a ``\\xNN`` escape; other names are unchanged.

    ``display_name(os.fsdecode(b"caf\\xe9.txt")) == "caf\\\\xe9.txt"``.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def _skip(path: str, doc_id: str, kind: str, reason: str, line: Optional[int] = None) -> SkippedArticle:
    return SkippedArticle(path=path, doc_id=doc_id, reason=reason, kind=kind, line=line)
