"""Reading articles: :func:`iter_articles` over files, folders and standard input."""

from __future__ import annotations

import codecs
import json
import os
import stat
import sys
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, BinaryIO, Iterable, Iterator, Optional, Union

import regex

from ..dates import parse_date
from .decode import DecodeError, decode_bytes
from .types import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    MD_SUFFIXES,
    TEXT_SUFFIXES,
    DEFAULT_MAX_CHARS,
    Article,
    PathLike,
    SkippedArticle,
    SourceFormat,
    _skip,
    display_name,
)

__all__ = ["iter_articles", "walk_files"]

_FRONT_MATTER = regex.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S | regex.M)


@lru_cache(maxsize=1)
def _trafilatura() -> Any:
    try:
        import trafilatura  # type: ignore[import-not-found]
    except ImportError:
        return None
    return trafilatura


@lru_cache(maxsize=1)
def _html_unavailable_reason() -> str:
    """Why HTML cannot be read, with the command that fixes it."""
    try:
        import trafilatura  # type: ignore[import-not-found]  # noqa: F401
    except ImportError as exc:
        if getattr(exc, "name", None) == "trafilatura":
            return "HTML support not installed (pip install 'claimx[html]' installs trafilatura)"
        hint = "pip install lxml_html_clean" if "lxml_html_clean" in str(exc) or "html.clean" in str(exc) else "pip install 'claimx[html]'"
        return f"HTML support broken: trafilatura cannot be imported ({exc}); {hint}"
    return "HTML support not installed (pip install 'claimx[html]' installs trafilatura)"


def _deep_html_tree(text: str) -> Any:
    """``text`` parsed by lxml with ``huge_tree`` (no depth limit), or ``None`` if it fails."""
    try:
        import lxml.html

        parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                      remove_comments=True, remove_pis=True, huge_tree=True)
        return lxml.html.fromstring(text.encode("utf-8"), parser=parser)
    except (ImportError, ValueError, TypeError):  # lxml.etree.ParserError is a ValueError
        return None


def _opt_str(value: Any) -> Optional[str]:
    return None if value is None else str(value)


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
                spath, stem, "html_unavailable", _html_unavailable_reason()
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
            when = parse_date(getattr(doc, "date", None))
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
                when = parse_date(meta.get("date"))
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
            when = parse_date(rec.get("date"))
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
    for source in iter_inputs(paths, pattern=pattern, exclude=exclude, follow_links=follow_links):
        if isinstance(source, SkippedArticle):
            yield source
        elif source is STDIN:
            yield from _read_stdin(max_chars)
        else:
            yield from _read_one(source, max_chars)


#: What :func:`iter_inputs` yields for standard input (``"-"``).
STDIN = "-"


def iter_inputs(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    pattern: str = "*",
    exclude: Iterable[PathLike] = (),
    follow_links: bool = False,
) -> Iterator[Union[Path, str, SkippedArticle]]:
    """The inputs :func:`iter_articles` reads, in its order, before any file is opened.

    Arguments as for :func:`iter_articles`. Yields a :class:`~pathlib.Path` for every file to read
    (named explicitly or found in a folder, ``exclude`` and hidden entries left out), :data:`STDIN`
    for ``"-"``, and a :class:`SkippedArticle` for a path that does not exist (``not_found``) or a
    folder that cannot be listed or is a symlink not followed. The local batch reads the files
    itself; the Dask runner sends them to its workers by path.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    excluded = frozenset(os.path.abspath(e) for e in exclude)
    seen: set = set()
    for item in paths:
        if str(item) == "-":
            yield STDIN
            continue
        p = Path(item)
        if p.is_dir():
            yield from walk_files(p, pattern, excluded, follow_links=follow_links, seen=seen)
        elif p.exists() or p.is_symlink():
            yield p
        else:
            yield _skip(display_name(str(p)), display_name(p.stem), "not_found", "no such file or directory")
