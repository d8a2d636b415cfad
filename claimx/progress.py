"""The progress bar of batch runs (tqdm on standard error).

The bar knows its total: :func:`count_inputs` counts the articles to come before the run starts,
cheaply (one directory walk; JSONL files are scanned for line ends, not parsed), so tqdm can show
the rate and the time left. It is shown only when standard error is a terminal, and not when
the claims themselves stream to the same terminal (the bar would share lines with them).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Iterable, Optional

__all__ = ["count_inputs", "make_progress", "progress_wanted"]

_CHUNK = 1 << 20


def _count_lines(path: Path) -> int:
    """Lines of a file (a JSONL corpus holds one article per line; blank lines are counted too)."""
    n = 0
    last = b"\n"
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                n += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return n + (0 if last == b"\n" else 1)


def count_inputs(paths: Iterable[Any], *, pattern: str = "*", exclude: Iterable[Any] = ()) -> Optional[int]:
    """How many articles (and skipped inputs) ``paths`` will yield, as :func:`claimx.io.iter_articles`
    walks them: one per file, one per line of a ``.jsonl`` file (blank lines included, so the count can be a little
    high); ``None`` when standard input (``-``) is among them."""
    from .io import SkippedArticle, walk_files

    excluded = frozenset(os.path.abspath(e) for e in exclude)
    total = 0
    for item in paths:
        if str(item) == "-":
            return None
        p = Path(item)
        files = (f for f in walk_files(p, pattern, excluded)) if p.is_dir() else iter([p])
        for f in files:
            if isinstance(f, SkippedArticle):
                total += 1
            elif f.suffix.lower() == ".jsonl":
                total += _count_lines(f)
            else:
                total += 1
    return total


def progress_wanted(*, quiet: bool, to_stdout: bool, stream: Any = None, stdout: Any = None) -> bool:
    """True when a bar should be drawn: not ``quiet``, standard error is a terminal, and the output
    is not streamed to that same terminal."""
    err = sys.stderr if stream is None else stream
    out = sys.stdout if stdout is None else stdout
    if quiet or not _isatty(err):
        return False
    return not (to_stdout and _isatty(out))


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def make_progress(paths: Iterable[Any], *, pattern: str = "*", exclude: Iterable[Any] = (), enabled: bool = True) -> Any:
    """A tqdm bar on standard error with the total from :func:`count_inputs` (not counted when
    disabled). Advance it once per article written, skipped or already in the output."""
    from tqdm import tqdm

    total = count_inputs(paths, pattern=pattern, exclude=exclude) if enabled else None
    return tqdm(desc="claimx", total=total, unit=" articles", file=sys.stderr, disable=not enabled,
                mininterval=0.5, dynamic_ncols=True, leave=False)
