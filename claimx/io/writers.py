"""Writing claims (:func:`open_writer`: JSONL, CSV, Parquet) and saved article texts."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Optional
from urllib.parse import quote

from .columns import COLUMNS, flat_columns, flatten_claim
from .types import Article, PathLike, display_name

__all__ = ["FORMATS", "ClaimWriter", "resolve_format", "open_writer", "flat_columns", "flatten_claim", "write_text",
           "text_filename"]

FORMATS = ("jsonl", "csv", "parquet")
_FORMAT_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}


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


class ClaimWriter:
    """Writes claims article by article. Use as a context manager or call :meth:`close`.

    ``write_article(lines)`` takes the JSON texts of one article's claims
    (``Claim.model_dump_json()``) and writes them in one go; :meth:`close` finalises the file.
    """

    format: str = "jsonl"

    def write_article(self, claims_json: list[str]) -> None:  # pragma: no cover - interface
        """Write one article's claims (JSON texts, ``Claim.model_dump_json()``) in one go;
        raises ``OSError`` when the output cannot be written."""
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - interface
        """Finalise the output (flush and fsync, or rename the temporary file over the target);
        calling it again does nothing."""
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
        """Append the article's lines in one write and flush (see :meth:`ClaimWriter.write_article`)."""
        if not claims_json:
            return
        self._fh.write(("\n".join(claims_json) + "\n").encode("utf-8"))
        self._fh.flush()

    def close(self) -> None:
        """Flush, fsync and close the file (see :meth:`ClaimWriter.close`)."""
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
    """CSV with the columns of :mod:`claimx.io.columns` (to a file atomically, or straight to standard output)."""

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
        """One CSV row per claim, :func:`flat_columns` order (see :meth:`ClaimWriter.write_article`)."""
        self._csv.writerows(flatten_claim(json.loads(c)) for c in claims_json)

    def close(self) -> None:
        """Flush; a file is then fsynced and renamed over the target (see :meth:`ClaimWriter.close`)."""
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
        self._schema = pa.schema([(c.name, types[c.kind]) for c in COLUMNS])
        self._writer = pq.ParquetWriter(str(self._tmp), self._schema)
        self._rows: list[dict] = []
        self._per_group = rows_per_group

    def write_article(self, claims_json: list[str]) -> None:
        """Buffer the article's rows; a row group is written once ``rows_per_group`` are buffered."""
        self._rows.extend(flatten_claim(json.loads(c)) for c in claims_json)
        if len(self._rows) >= self._per_group:
            self._flush_rows()

    def _flush_rows(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        """Write the last row group, close and rename over the target (see :meth:`ClaimWriter.close`)."""
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
