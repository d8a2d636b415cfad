"""Checks of a run's options and paths, made before the model loads (usage errors, exit 2)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Iterable, Optional, Union

from claimx.dates import parse_date
from claimx.io import resolve_format

from .summary import EXIT_USAGE

__all__ = ["BatchUsageError", "check_input_paths", "check_output", "check_output_paths", "parse_reference_date",
           "read_done_ids"]

PathLike = Union[str, "os.PathLike[str]"]


class BatchUsageError(ValueError):
    """Bad options or inputs detected before any work is done (exit code 2)."""

    exit_code = EXIT_USAGE


def read_done_ids(output: PathLike) -> set[str]:
    """Doc_ids already in a JSONL output, repairing its tail for a resumed run.

    The file is read line by line. A trailing partial line (a write cut short) is dropped, and
    so are the lines of the last article in the file, which may be incomplete: the file is
    truncated to the end of the article before it and that last article is processed again.

    Returns:
        the set of doc_ids whose claims are complete in the file (empty if it does not exist).

    Raises:
        BatchUsageError: a complete line that is not a JSON object with ``doc_id`` (the file
            is not a claimx output).
    """
    path = Path(output)
    if not path.exists():
        return set()
    done: set[str] = set()
    last_id: Optional[str] = None
    last_start = 0  # where the run of lines of last_id starts
    pos = 0
    with open(path, "rb") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.endswith(b"\n"):
                break  # partial last line
            try:
                doc_id = json.loads(line).get("doc_id")
            except (ValueError, AttributeError):
                doc_id = None
            if not isinstance(doc_id, str):
                if not line.strip():
                    pos += len(line)
                    continue
                raise BatchUsageError(f"{path}: line {lineno} is not a claimx claim; cannot resume into this file")
            if doc_id != last_id:
                if last_id is not None:
                    done.add(last_id)
                last_id, last_start = doc_id, pos
            pos += len(line)
    cut = last_start if last_id is not None else pos
    done.discard(last_id)  # type: ignore[arg-type]
    if cut != path.stat().st_size:
        with open(path, "rb+") as fh:
            fh.truncate(cut)
            os.fsync(fh.fileno())
    return done


def check_input_paths(paths: Union[PathLike, Iterable[PathLike]]) -> list:
    """``paths`` as a list; raises :class:`BatchUsageError` if it is empty or a path (other
    than ``-`` for standard input) does not exist."""
    path_list = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    if not path_list:
        raise BatchUsageError("no input paths given")
    for p in path_list:
        if str(p) != "-" and not os.path.lexists(p):
            raise BatchUsageError(f"input not found: {p}")
    return path_list


def check_output(output: Optional[PathLike], fmt: Optional[str], *, resume: bool) -> tuple[bool, str]:
    """Validate the output options of a run; returns ``(to_stdout, format)``.

    Raises :class:`BatchUsageError` for an unknown format, ``resume`` without a JSONL output
    file, or an output folder that does not exist.
    """
    to_stdout = output is None or str(output) == "-"
    try:
        out_format = resolve_format(fmt, None if to_stdout else output)
    except ValueError as exc:
        raise BatchUsageError(str(exc)) from None
    if resume and (to_stdout or out_format != "jsonl"):
        raise BatchUsageError("--resume needs a JSONL output file (-o FILE.jsonl)")
    if not to_stdout and not Path(output).parent.exists():  # type: ignore[arg-type]
        raise BatchUsageError(f"output folder does not exist: {Path(output).parent}")  # type: ignore[arg-type]
    return to_stdout, out_format


def parse_reference_date(value: Union[date, str, None]) -> Optional[date]:
    """A run's reference date read by :func:`claimx.dates.parse_date` (``None``, a ``date`` or
    ``"YYYY-MM-DD"``); raises :class:`BatchUsageError` (exit code 2) for anything it refuses."""
    try:
        return parse_date(value, what="reference date")
    except ValueError as exc:
        raise BatchUsageError(str(exc)) from None


_READ_AS_INPUT = frozenset({".txt", ".text", "", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson"})


def _looks_like_ours(path: Path) -> bool:
    """An empty file, or one whose first line is a claimx claim/errors line (JSON with
    ``doc_id``) or a claimx CSV header: an earlier run's output, safe to replace."""
    try:
        with open(path, "rb") as fh:
            first = fh.readline(1 << 16)
    except OSError:
        return False
    if not first.strip():
        return True
    if first.startswith(b"doc_id,"):
        return True
    try:
        rec = json.loads(first)
    except ValueError:
        return False
    return isinstance(rec, dict) and "doc_id" in rec and "text" not in rec


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        real, top = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return False
    return top in real.parents


def check_output_paths(
    inputs: Iterable[PathLike],
    *,
    output: Optional[PathLike] = None,
    errors_path: Optional[PathLike] = None,
    save_text: Optional[PathLike] = None,
) -> None:
    """Refuse, before anything is loaded or written, output paths that cannot work.

    ``output`` and ``errors_path`` must not be a folder, must be in an existing folder that
    can be written, and must not be one of the inputs (a file named as an input, or an existing
    file inside an input folder that the run would read and that is not an earlier claimx
    output). ``save_text`` must not be an input file or folder. ``None`` and ``"-"`` are not
    checked.

    Raises:
        BatchUsageError: with a one-line message naming the option and the path.
    """
    sources = [Path(p) for p in inputs if str(p) != "-"]
    for option, value in (("--output", output), ("--errors", errors_path)):
        if value is None or str(value) == "-":
            continue
        path = Path(value)
        if path.is_dir():
            raise BatchUsageError(f"{option} {path} is a folder; give a file name")
        parent = path.parent
        if not parent.is_dir():
            raise BatchUsageError(f"{option}: output folder does not exist: {parent}")
        for src in sources:
            if _same(path, src) or (src.is_dir() and path.exists() and _inside(path, src)
                                    and path.suffix.lower() in _READ_AS_INPUT and not _looks_like_ours(path)):
                raise BatchUsageError(f"{option} {path} is one of the inputs; refusing to overwrite it")
        if path.exists() and not path.is_file():
            continue  # /dev/null, a FIFO read by another program: written as a stream
        if not os.access(path if path.exists() else parent, os.W_OK):
            raise BatchUsageError(f"{option} {path}: permission denied")
    if output is not None and errors_path is not None and str(output) != "-" and (
            os.path.abspath(output) == os.path.abspath(errors_path) or _same(Path(output), Path(errors_path))):
        raise BatchUsageError("--output and --errors name the same file")
    if save_text is not None:
        folder = Path(save_text)
        if folder.exists() and not folder.is_dir():
            raise BatchUsageError(f"--save-text {folder} is not a folder")
        for src in sources:
            # the folder itself, or the folder of an input file (its text would be saved over it)
            if _same(folder, src) or (src.is_file() and _same(folder, src.parent)):
                raise BatchUsageError(f"--save-text {folder} is one of the inputs; refusing to write into it")
        probe = folder if folder.exists() else folder.parent
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        if not os.access(probe, os.W_OK):
            raise BatchUsageError(f"--save-text {folder}: permission denied")
