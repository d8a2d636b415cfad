"""Reading article corpora and writing claims.

Readers
-------
:func:`iter_articles` walks files and folders and yields, one at a time and in a deterministic
order, an :class:`Article` for every article it can read and a :class:`SkippedArticle` (with a
machine-readable ``kind`` and a human-readable ``reason``) for every one it cannot. Nothing is
dropped silently except hidden files and folders (names starting with ``.``).

Supported inputs (by file suffix):

* ``.txt``/``.text`` and files without a suffix: the whole file is the article text.
* ``.md``/``.markdown``: an optional YAML front matter block (``---`` ... ``---``/``...``) at the
  very start is parsed for ``id``, ``date``, ``title`` and ``url``; the article text is the body
  *after* the front matter, so character offsets of claims refer to the body
  (:attr:`Article.offset` gives where the body starts in the decoded file).
* ``.html``/``.htm``/``.xhtml``: main text, title, date and URL extracted with ``trafilatura``
  (optional extra ``claimx[html]``); offsets refer to the extracted text, which
  ``save_text`` writes out so they can be checked.
* ``.jsonl``/``.ndjson``: one JSON object per line with ``id`` and ``text`` and optional
  ``date`` (``YYYY-MM-DD``), ``title``, ``url``. A malformed line becomes a
  :class:`SkippedArticle` carrying its line number; the rest of the file is still read.
* ``-``: standard input; a JSONL corpus if its first non-blank byte is ``{``, otherwise one
  plain-text article with ``doc_id`` ``"stdin"``.

Encodings: a BOM (UTF-8, UTF-16, UTF-32) decides; otherwise strict UTF-8; otherwise, for a file
whose lines mix UTF-8 and Windows-1252, each line in its own (``encoding`` is
:data:`MIXED_ENCODING`, and the batch summary says so); otherwise Windows-1252
(the WHATWG reading of "latin-1") when the bytes decode as it and look like Western text;
otherwise the best guess of ``charset-normalizer`` (GB18030, Big5, Shift-JIS, cp1251, ...).
Newlines are never translated: offsets are into the text exactly as decoded.

Writers
-------
:func:`open_writer` returns a :class:`ClaimWriter` for JSONL (line by line, flushed per article,
fsynced on close), CSV or Parquet (flattened columns, written to a temporary file in the same
folder and renamed over the target atomically on close). :func:`write_text` saves an article's
text as ``<doc_id>.txt`` for offset checks.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import hashlib
import os
import stat
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path, PurePath
from typing import IO, Any, BinaryIO, Iterable, Iterator, Literal, Optional, Union
from urllib.parse import quote

import regex

from claimx.models import Claim

__all__ = [
    "Article",
    "SkippedArticle",
    "ClaimWriter",
    "FORMATS",
    "DEFAULT_MAX_CHARS",
    "MIXED_ENCODING",
    "iter_articles",
    "walk_files",
    "decode_bytes",
    "DecodeError",
    "resolve_format",
    "open_writer",
    "flat_columns",
    "flatten_claim",
    "write_text",
    "text_filename",
]

SourceFormat = Literal["txt", "md", "html", "jsonl"]
PathLike = Union[str, "os.PathLike[str]"]

DEFAULT_MAX_CHARS = 5_000_000
MIXED_ENCODING = "utf-8+cp1252"
"""``Article.encoding`` of a file whose lines mix UTF-8 and Windows-1252 (decoded line by line)."""
"""Default upper bound on an article's length in characters (larger ones are skipped)."""

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
MD_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

FORMATS = ("jsonl", "csv", "parquet")
_FORMAT_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}

# Compiled once at import.
_FRONT_MATTER = regex.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S | regex.M)
_NON_ASCII_RUN = regex.compile(r"[^\x00-\x7f]+")
_BAD_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MULTIBYTE_FAMILIES = ("gb", "big5", "cp949", "euc", "shift_jis", "cp932", "johab", "hz", "iso2022")


# --------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------


def _looks_western(text: str) -> bool:
    """True when non-ASCII characters of a cp1252 decoding are mostly isolated (Western text).

    Multi-byte encodings (GB18030, Big5, ...) and other single-byte scripts (cp1251) decoded
    as cp1252 produce long runs of accented letters; Western text has accents between ASCII
    letters ("café", "Größe").
    """
    total = long = 0
    for m in _NON_ASCII_RUN.finditer(text):
        n = m.end() - m.start()
        total += n
        if n >= 3:
            long += n
    return total == 0 or long / total < 0.25


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text without translating newlines.

    Args:
        data: the raw file content (non-empty).

    Returns:
        ``(text, encoding)``; ``encoding`` is a Python codec name (``utf-8``, ``utf-8-sig``,
        ``utf-16``, ``cp1252``, ``gb18030``, ...), or :data:`MIXED_ENCODING` for a file whose
        lines mix UTF-8 and Windows-1252 (each line decoded in its own). A BOM is removed.

    Raises:
        DecodeError: NUL bytes without a UTF-16/32 BOM, bytes no text encoding explains, or
            text full of control characters.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} after byte order mark: {exc.reason} at byte {exc.start}") from None
            return _check_controls(text), enc
    if b"\x00" in data:
        raise DecodeError("binary file (NUL bytes)")
    try:
        return _check_controls(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return _check_controls(mixed), MIXED_ENCODING
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return _check_controls(text), "cp1252"
    from charset_normalizer import from_bytes  # imported lazily: costly import

    for match in from_bytes(data):
        enc = match.encoding
        if enc.startswith(("utf_16", "utf_32")):  # only with a BOM (handled above)
            continue
        if match.chaos > 0.2:
            break
        return _check_controls(str(match)), codecs.lookup(enc).name
    raise DecodeError("binary or undecodable file (no plausible text encoding)")


def _decode_mixed(data: bytes) -> Optional[str]:
    """Line by line, UTF-8 first, else Windows-1252 -- when the file mixes both.

    A file pasted together from two sources ("café" in UTF-8 on one line, "naïve" in cp1252 on
    another) is neither: decoded whole as one encoding it turns into mojibake. Returns ``None``
    unless at least one line is non-ASCII UTF-8 and at least one other line is not UTF-8 but
    decodes as Windows-1252.
    """
    utf8 = other = 0
    parts = []
    for line in data.splitlines(keepends=True):
        try:
            part = line.decode("utf-8")
            if not part.isascii():
                utf8 += 1
        except UnicodeDecodeError:
            try:
                part = line.decode("cp1252")
            except UnicodeDecodeError:
                return None
            other += 1
        parts.append(part)
    return "".join(parts) if utf8 and other else None


def _check_controls(text: str) -> str:
    n = len(_BAD_CONTROL.findall(text[:100_000]))
    if n and n > 0.01 * min(len(text), 100_000):
        raise DecodeError("binary file (control characters)")
    return text


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _trafilatura() -> Any:
    try:
        import trafilatura  # type: ignore[import-not-found]
    except ImportError:
        return None
    return trafilatura


def _deep_html_tree(text: str) -> Any:
    """``text`` parsed by lxml with ``huge_tree`` (no depth limit), or ``None`` if it fails."""
    try:
        import lxml.html

        parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                      remove_comments=True, remove_pis=True, huge_tree=True)
        return lxml.html.fromstring(text.encode("utf-8"), parser=parser)
    except (ImportError, ValueError, TypeError):  # lxml.etree.ParserError is a ValueError
        return None


def _parse_date(value: Any) -> Optional[date]:
    """``date``/``datetime``/``"YYYY-MM-DD..."`` -> date; ``None`` -> None; ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip()[:10])
    raise ValueError(f"date must be YYYY-MM-DD, got {value!r}")


def _opt_str(value: Any) -> Optional[str]:
    return None if value is None else str(value)


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


def _read_file(path: Path, limit: int = -1) -> bytes:
    """At most ``limit`` bytes of the file (all with -1; one place, so tests can simulate
    unreadable files). Opened without blocking, read in a bounded call."""
    with open(path, "rb", opener=_opener) as fh:
        return fh.read(limit)


def _opener(path: str, flags: int) -> int:
    # never wait at open() for a FIFO writer or a terminal (only regular files get here, but
    # a file can be swapped for a FIFO between the check and the open)
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _not_regular(path: Path, spath: str, stem: str) -> Optional[SkippedArticle]:
    """A skip for anything but a regular file (FIFO, device, socket, folder), else ``None``.

    The size in ``st_size`` means nothing for those (0 for ``/dev/zero``), and reading a FIFO
    blocks until a writer comes: only regular files are read.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return _skip(spath, stem, "unreadable", f"unreadable: {exc}")
    if stat.S_ISREG(st.st_mode):
        return None
    what = ("FIFO" if stat.S_ISFIFO(st.st_mode) else "character device" if stat.S_ISCHR(st.st_mode)
            else "block device" if stat.S_ISBLK(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode)
            else "folder" if stat.S_ISDIR(st.st_mode) else "special file")
    return _skip(spath, stem, "not_regular", f"not a regular file ({what}); only regular files are read")


def _read_one(path: Path, max_chars: int) -> Iterator[Union[Article, SkippedArticle]]:
    spath = display_name(str(path))
    suffix = path.suffix.lower()
    stem = display_name(path.stem)
    odd = _not_regular(path, spath, stem)
    if odd is not None:
        yield odd
        return
    if suffix in JSONL_SUFFIXES:
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield _skip(spath, stem, "unreadable", f"unreadable: {exc}")
            return
        with fh:
            yield from _read_jsonl(fh, spath, stem, max_chars)
        return
    if suffix not in TEXT_SUFFIXES and suffix not in MD_SUFFIXES and suffix not in HTML_SUFFIXES:
        yield _skip(spath, stem, "unsupported", f"unsupported file type {suffix!r}")
        return
    limit = 4 * max_chars + 4  # no encoding needs more than 4 bytes per character
    try:
        size = path.stat().st_size
        if size > limit:
            yield _skip(spath, stem, "too_large", f"too large: {size} bytes > max_chars={max_chars}")
            return
        data = _read_file(path, limit + 1)  # bounded: the file may grow while it is read
        if len(data) > limit:
            yield _skip(spath, stem, "too_large", f"too large: more than {limit} bytes > max_chars={max_chars}")
            return
    except OSError as exc:
        yield _skip(spath, stem, "unreadable", f"unreadable: {exc}")
        return
    if suffix in HTML_SUFFIXES:
        fmt: SourceFormat = "html"
    elif suffix in MD_SUFFIXES:
        fmt = "md"
    else:
        fmt = "txt"
    yield _article_from_bytes(data, spath, stem, fmt, max_chars)


def _article_from_bytes(
    data: bytes, spath: str, stem: str, fmt: SourceFormat, max_chars: int
) -> Union[Article, SkippedArticle]:
    if not data.strip():
        return _skip(spath, stem, "empty", "empty file")
    try:
        text, enc = decode_bytes(data)
    except DecodeError as exc:
        return _skip(spath, stem, exc.kind, str(exc))
    if fmt == "html":
        traf = _trafilatura()
        if traf is None:
            return _skip(
                spath, stem, "html_unavailable", "HTML support not installed (pip install 'claimx[html]' for trafilatura)"
            )
        doc = traf.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=True)
        body = (getattr(doc, "text", None) or "") if doc is not None else ""
        if not body.strip():
            # libxml2 stops parsing HTML nested deeper than 256 elements unless told to take
            # "huge" trees: a page of 300 nested <div>s lost all its text
            tree = _deep_html_tree(text)
            if tree is not None:
                doc = traf.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True)
                body = (getattr(doc, "text", None) or "") if doc is not None else ""
        if not body.strip():
            return _skip(spath, stem, "no_main_text", "no main text found in HTML")
        if len(body) > max_chars:
            return _skip(spath, stem, "too_large", f"too large: {len(body)} characters > max_chars={max_chars}")
        try:
            when = _parse_date(getattr(doc, "date", None))
        except ValueError:
            when = None  # HTML date metadata is a guess: a bad one is ignored, not fatal
        return Article(
            doc_id=stem, text=body, path=spath, date=when, title=_opt_str(getattr(doc, "title", None)),
            url=_opt_str(getattr(doc, "url", None)), source_format="html", encoding=enc, offset=None,
        )
    doc_id, when, title, url, offset = stem, None, None, None, 0
    if fmt == "md":
        m = _FRONT_MATTER.match(text)
        if m is not None:
            import yaml

            try:
                meta = yaml.safe_load(m.group(1)) or {}
                if not isinstance(meta, dict):
                    raise ValueError("front matter is not a mapping")
                when = _parse_date(meta.get("date"))
            except (yaml.YAMLError, ValueError) as exc:
                return _skip(spath, stem, "bad_front_matter", f"malformed front matter: {exc}".splitlines()[0])
            doc_id = str(meta["id"]) if meta.get("id") not in (None, "") else stem
            title, url = _opt_str(meta.get("title")), _opt_str(meta.get("url"))
            offset = m.end()
            text = text[offset:]
    if not text.strip():
        return _skip(spath, doc_id, "empty", "empty file" if offset == 0 else "empty body after front matter")
    if len(text) > max_chars:
        return _skip(spath, doc_id, "too_large", f"too large: {len(text)} characters > max_chars={max_chars}")
    return Article(
        doc_id=doc_id, text=text, path=spath, date=when, title=title, url=url,
        source_format=fmt, encoding=enc, offset=offset,
    )


def _read_jsonl(fh: BinaryIO, spath: str, stem: str, max_chars: int) -> Iterator[Union[Article, SkippedArticle]]:
    for lineno, raw in enumerate(fh, 1):
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        fallback_id = f"{stem}:{lineno}"
        try:
            rec = json.loads(raw)
        except (UnicodeDecodeError, ValueError) as exc:
            yield _skip(spath, fallback_id, "malformed_record", f"line {lineno}: invalid JSON: {exc}", lineno)
            continue
        if not isinstance(rec, dict):
            yield _skip(spath, fallback_id, "malformed_record", f"line {lineno}: not a JSON object", lineno)
            continue
        rid = rec.get("id")
        if rid is None or isinstance(rid, (dict, list, bool)) or str(rid) == "":
            yield _skip(spath, fallback_id, "malformed_record", f"line {lineno}: missing or invalid 'id'", lineno)
            continue
        doc_id = str(rid)
        text = rec.get("text")
        if not isinstance(text, str):
            yield _skip(spath, doc_id, "malformed_record", f"line {lineno}: missing or non-string 'text'", lineno)
            continue
        if not text.strip():
            yield _skip(spath, doc_id, "empty", f"line {lineno}: empty text", lineno)
            continue
        if len(text) > max_chars:
            yield _skip(
                spath, doc_id, "too_large", f"line {lineno}: too large: {len(text)} characters > max_chars={max_chars}",
                lineno,
            )
            continue
        try:
            when = _parse_date(rec.get("date"))
        except ValueError:
            yield _skip(spath, doc_id, "malformed_record", f"line {lineno}: invalid date {rec.get('date')!r}", lineno)
            continue
        yield Article(
            doc_id=doc_id, text=text, path=spath, date=when, title=_opt_str(rec.get("title")),
            url=_opt_str(rec.get("url")), source_format="jsonl", encoding=None, offset=None, line=lineno,
        )


def _read_stdin(max_chars: int) -> Iterator[Union[Article, SkippedArticle]]:
    buf = sys.stdin.buffer
    head = buf.peek(4096) if hasattr(buf, "peek") else b""
    if head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{"):
        yield from _read_jsonl(buf, "-", "stdin", max_chars)
        return
    data = buf.read(4 * max_chars + 5)
    if len(data) > 4 * max_chars + 4:
        yield _skip("-", "stdin", "too_large", f"too large: more than {4 * max_chars + 4} bytes on standard input")
        return
    yield _article_from_bytes(data, "-", "stdin", "txt", max_chars)


def walk_files(
    root: Path,
    pattern: str = "*",
    exclude: frozenset[str] = frozenset(),
    *,
    follow_links: bool = False,
    seen: Optional[set] = None,
) -> Iterator[Union[Path, SkippedArticle]]:
    """Files under ``root`` in sorted name order, depth first, one directory listing at a time.

    Every real folder is listed once (tracked by device and inode in ``seen``, which callers
    may share between several roots): a symlink loop or two links to the same folder cannot
    make the walk repeat. A symlink to a folder is not followed unless ``follow_links`` (then
    still at most once per folder) and gives a ``symlinked_folder`` skip. Hidden entries
    (``.name``) and paths in ``exclude`` (absolute) are ignored.
    """
    seen = set() if seen is None else seen
    try:
        st = os.stat(root)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield _skip(display_name(str(root)), display_name(root.name), "unreadable", f"unreadable directory: {exc}")
        return
    for entry in entries:
        if entry.name.startswith(".") or (exclude and os.path.abspath(entry.path) in exclude):
            continue
        p = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.is_symlink() and not follow_links:
                yield _skip(display_name(entry.path), display_name(entry.name), "symlinked_folder",
                            "symlink to a folder, not followed (follow_links=True, --follow-links, reads it once)")
                continue
            yield from walk_files(p, pattern, exclude, follow_links=follow_links, seen=seen)
        elif pattern in ("*", "**", "**/*") or PurePath(entry.path).match(pattern):
            yield p


def iter_articles(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    pattern: str = "*",
    max_chars: int = DEFAULT_MAX_CHARS,
    exclude: Iterable[PathLike] = (),
    follow_links: bool = False,
) -> Iterator[Union[Article, SkippedArticle]]:
    """Yield every article (or the reason it was skipped) under ``paths``, streaming.

    Args:
        paths: a file, a folder (read recursively), ``"-"`` (standard input), or an iterable
            of these. Top-level paths are read in the order given; files inside a folder in
            sorted name order, depth first (deterministic). Hidden entries (``.name``) are
            ignored.
        pattern: glob matched against files found in folders, from the right like
            :meth:`pathlib.PurePath.match` (``"*.html"``, ``"news/*.txt"``); files named
            explicitly are always read.
        max_chars: articles longer than this many characters are skipped (``too_large``).
        exclude: files or folders never read from inside a folder (a batch's own output,
            errors file and saved texts, so that an output inside the corpus is not re-read).
        follow_links: descend into symlinked folders inside a folder (each real folder is
            still read once); by default they give a ``symlinked_folder`` skip.

    Yields:
        :class:`Article` or :class:`SkippedArticle`, one per file (per line for JSONL).
        A path that does not exist yields a ``not_found`` skip; anything but a regular file
        (FIFO, device, socket) a ``not_regular`` skip, without being opened for long. Only one
        file is held in memory at a time (a bounded read); JSONL files are read line by line.
        File names that are not UTF-8 appear with ``\\xNN`` escapes in ``doc_id`` and ``path``
        (:func:`display_name`).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    excluded = frozenset(os.path.abspath(e) for e in exclude)
    seen: set = set()
    for item in paths:
        if str(item) == "-":
            yield from _read_stdin(max_chars)
            continue
        p = Path(item)
        if p.is_dir():
            for f in walk_files(p, pattern, excluded, follow_links=follow_links, seen=seen):
                if isinstance(f, SkippedArticle):
                    yield f
                else:
                    yield from _read_one(f, max_chars)
        elif p.exists() or p.is_symlink():
            yield from _read_one(p, max_chars)
        else:
            yield _skip(display_name(str(p)), display_name(p.stem), "not_found", "no such file or directory")


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def resolve_format(fmt: Optional[str], output: Optional[PathLike]) -> str:
    """The output format: ``fmt`` if given, else from the output suffix, else ``"jsonl"``.

    Raises:
        ValueError: unknown format name, or Parquet to standard output.
    """
    if fmt is not None:
        name = fmt.lower().lstrip(".")
        name = {"ndjson": "jsonl", "json": "jsonl", "pq": "parquet"}.get(name, name)
        if name not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")
    elif output is None or str(output) == "-":
        name = "jsonl"
    else:
        name = _FORMAT_BY_SUFFIX.get(Path(output).suffix.lower(), "jsonl")
    if name == "parquet" and (output is None or str(output) == "-"):
        raise ValueError("Parquet output needs a file (-o FILE.parquet), not standard output")
    return name


def _model_columns(model: type, prefix: str = "") -> list[tuple[str, str]]:
    """``(column, type)`` pairs of a pydantic model, nested models flattened with dots."""
    import typing

    from pydantic import BaseModel

    cols: list[tuple[str, str]] = []
    for name, field in model.model_fields.items():  # type: ignore[attr-defined]
        ann = field.annotation
        args = [a for a in typing.get_args(ann) if a is not type(None)] or [ann]
        inner = args[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            cols.extend(_model_columns(inner, f"{prefix}{name}."))
            continue
        if inner is bool:
            kind = "bool"
        elif inner is int:
            kind = "int"
        elif inner is float:
            kind = "float"
        else:
            kind = "str"
        cols.append((f"{prefix}{name}", kind))
    return cols


@lru_cache(maxsize=1)
def _columns() -> tuple[tuple[str, str], ...]:
    return tuple(_model_columns(Claim))


def flat_columns() -> list[str]:
    """Column names of CSV/Parquet output, derived from :class:`claimx.models.Claim`.

    Nested objects are flattened with dots: ``quantity.value``, ``entity.text``,
    ``timeframe.relation``, ``change.direction``, ...
    """
    return [c for c, _ in _columns()]


def flatten_claim(claim: dict) -> dict:
    """Flatten one ``Claim.model_dump(mode="json")`` dict into :func:`flat_columns` keys."""
    out: dict = {}
    for col, _ in _columns():
        cur: Any = claim
        for part in col.split("."):
            cur = cur.get(part) if isinstance(cur, dict) else None
        out[col] = cur
    return out


class ClaimWriter:
    """Writes claims article by article. Use as a context manager or call :meth:`close`.

    ``write_article(lines)`` takes the JSON texts of one article's claims
    (``Claim.model_dump_json()``) and writes them in one go; :meth:`close` finalises the file.
    """

    format: str = "jsonl"

    def write_article(self, claims_json: list[str]) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def __enter__(self) -> "ClaimWriter":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class JsonlWriter(ClaimWriter):
    """JSONL: each article's lines in a single write, flushed; fsync on close."""

    format = "jsonl"

    def __init__(self, output: Optional[PathLike], *, append: bool = False) -> None:
        self._own = output is not None and str(output) != "-"
        if self._own:
            self._fh: IO[bytes] = open(output, "ab" if append else "wb")  # type: ignore[arg-type]
        else:
            self._fh = sys.stdout.buffer
        self._closed = False

    def write_article(self, claims_json: list[str]) -> None:
        if not claims_json:
            return
        self._fh.write(("\n".join(claims_json) + "\n").encode("utf-8"))
        self._fh.flush()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._fh.flush()
        if self._own:
            os.fsync(self._fh.fileno())
            self._fh.close()


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _AtomicWriter(ClaimWriter):
    """Writes into ``.<name>.<random>.tmp`` beside the target; renamed over it on close."""

    def __init__(self, output: PathLike) -> None:
        self._target = Path(output)
        fd, tmp = tempfile.mkstemp(prefix=f".{self._target.name}.", suffix=".tmp", dir=self._target.parent or ".")
        try:
            # mkstemp makes the file 0600; the output gets the mode open() would give it (as the
            # JSONL output has), or keeps the mode of the file it replaces
            os.fchmod(fd, _mode_for(self._target))
        finally:
            os.close(fd)
        self._tmp = Path(tmp)
        self._closed = False

    def _finish(self) -> None:
        os.replace(self._tmp, self._target)

    def abort(self) -> None:
        """Remove the temporary file without touching the target."""
        self._closed = True
        self._tmp.unlink(missing_ok=True)


class CsvWriter(_AtomicWriter):
    """CSV with :func:`flat_columns` (to a file atomically, or straight to standard output)."""

    format = "csv"

    def __init__(self, output: Optional[PathLike]) -> None:
        self._stdout = output is None or str(output) == "-"
        if self._stdout:
            self._closed = False
            self._fh: IO[str] = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
        else:
            super().__init__(output)  # type: ignore[arg-type]
            self._fh = open(self._tmp, "w", encoding="utf-8", newline="")
        self._csv = csv.DictWriter(self._fh, fieldnames=flat_columns())
        self._csv.writeheader()

    def write_article(self, claims_json: list[str]) -> None:
        self._csv.writerows(flatten_claim(json.loads(c)) for c in claims_json)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._fh.flush()
        if self._stdout:
            self._fh.detach()
            return
        os.fsync(self._fh.fileno())
        self._fh.close()
        self._finish()


class ParquetWriter(_AtomicWriter):
    """Parquet (pyarrow, optional extra ``claimx[parquet]``) in row groups of ``rows_per_group``."""

    format = "parquet"

    def __init__(self, output: PathLike, rows_per_group: int = 10_000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ValueError("Parquet output needs pyarrow (pip install 'claimx[parquet]')") from exc
        super().__init__(output)
        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
        self._pa = pa
        self._schema = pa.schema([(c, types[t]) for c, t in _columns()])
        self._writer = pq.ParquetWriter(str(self._tmp), self._schema)
        self._rows: list[dict] = []
        self._per_group = rows_per_group

    def write_article(self, claims_json: list[str]) -> None:
        self._rows.extend(flatten_claim(json.loads(c)) for c in claims_json)
        if len(self._rows) >= self._per_group:
            self._flush_rows()

    def _flush_rows(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._flush_rows()
        self._writer.close()
        with open(self._tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        self._finish()


def open_writer(output: Optional[PathLike], fmt: Optional[str] = None, *, append: bool = False) -> ClaimWriter:
    """A :class:`ClaimWriter` for ``output`` (``None``/``"-"`` = standard output).

    Args:
        output: target file or ``None`` for standard output.
        fmt: ``"jsonl"``, ``"csv"`` or ``"parquet"``; ``None`` = from the suffix (see
            :func:`resolve_format`).
        append: JSONL only: append to an existing file (resume).

    Raises:
        ValueError: unknown format, Parquet to standard output, ``append`` with CSV/Parquet.
    """
    name = resolve_format(fmt, output)
    if append and name != "jsonl":
        raise ValueError(f"resume/append is only supported for JSONL output, not {name}")
    if name == "jsonl":
        return JsonlWriter(output, append=append)
    if name == "csv":
        return CsvWriter(output)
    return ParquetWriter(output)  # type: ignore[arg-type]


#: Longest file name (bytes) most file systems take.
_NAME_MAX = 255


def text_filename(doc_id: str) -> str:
    """File name for an article's saved text: ``<doc_id>.txt`` with unsafe characters %-escaped.

    A name that would pass 255 bytes (the usual file-system limit) is cut and ends with ``~``
    and 16 hex digits of the SHA-256 of the doc_id, so distinct long doc_ids keep distinct
    names: ``text_filename("x" * 300)`` is 234 ``x`` + ``~`` + 16 digits + ``.txt``.
    """
    name = quote(display_name(doc_id), safe=" -_.,()[]+=@")
    if name in ("", ".", ".."):
        name = quote(name, safe="").replace(".", "%2E") or "%00"
    if len(name) + 4 > _NAME_MAX:  # quoted names are ASCII: characters are bytes
        digest = hashlib.sha256(doc_id.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        name = _no_cut_escape(name[: _NAME_MAX - 4 - 17] + "~" + digest)
    return name + ".txt"


def _no_cut_escape(name: str) -> str:
    """Drop a ``%`` escape cut in half just before the ``~digest`` tail."""
    head, tail = name.rsplit("~", 1)
    for k in (1, 2):
        if len(head) >= k and head[-k] == "%":
            head = head[:-k]
    return head + "~" + tail


def write_text(folder: PathLike, article: Article) -> Path:
    """Write ``article.text`` to ``folder/<doc_id>.txt`` (UTF-8, newlines untouched).

    Returns the path written. Claim offsets index this file's text exactly.
    """
    path = Path(folder) / text_filename(article.doc_id)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(article.text)
    return path
