"""Batch extraction over corpora of articles: streaming, resumable, interruptible.

:func:`run_batch` reads articles with :func:`claimx.io.iter_articles`, sends them through
``Extractor.pipe`` (``n_process=jobs``) and writes each article's claims, in input order, with a
:class:`claimx.io.ClaimWriter`. Articles that cannot be read are reported in the errors file (one
JSON line each: ``path``, ``doc_id``, ``reason``, ``kind``, ``line``) and counted by kind in the
:class:`BatchSummary`. Memory use does not grow with the number of articles, except for one set
of doc_ids (to detect duplicate ids and, with ``resume``, to skip finished articles).

Exit codes (:attr:`BatchSummary.exit_code`, see ``docs/batch.md``): 0 all articles read, 1 some
skipped, 2 usage error (:class:`BatchUsageError`), 130 stopped by SIGINT, 143 stopped by SIGTERM.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from claimx.io import (
    DEFAULT_MAX_CHARS,
    Article,
    SkippedArticle,
    iter_articles,
    open_writer,
    resolve_format,
    write_text,
)

__all__ = ["BatchSummary", "BatchUsageError", "StopFlag", "check_input_paths", "check_output", "parse_reference_date", "run_batch", "read_done_ids",
           "EXIT_OK", "EXIT_SKIPPED", "EXIT_USAGE"]

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_USAGE = 2

PathLike = Union[str, "os.PathLike[str]"]


class BatchUsageError(ValueError):
    """Bad options or inputs detected before any work is done (exit code 2)."""

    exit_code = EXIT_USAGE


@dataclass
class BatchSummary:
    """What a batch run did.

    Attributes:
        articles_read: readable articles sent to extraction in this run.
        articles_done: articles whose claims were written (equals ``articles_read`` unless
            the run was interrupted).
        articles_resumed: articles skipped because their doc_id was already in the output.
        skipped: number of skipped inputs by kind (``binary``, ``empty``, ``too_large``, ...).
        claims_written: claims written in this run.
        seconds: wall-clock duration.
        interrupted: ``"SIGINT"``/``"SIGTERM"`` when stopped by a signal, else ``None``.
        last_doc_id: doc_id of the last article written (how far the run got).
        output: the output path (``None`` = standard output).
    """

    articles_read: int = 0
    articles_done: int = 0
    articles_resumed: int = 0
    skipped: Counter = field(default_factory=Counter)
    claims_written: int = 0
    seconds: float = 0.0
    interrupted: Optional[str] = None
    last_doc_id: Optional[str] = None
    output: Optional[str] = None

    @property
    def skipped_total(self) -> int:
        """Total number of skipped inputs."""
        return sum(self.skipped.values())

    @property
    def exit_code(self) -> int:
        """130 (SIGINT) / 143 (SIGTERM) if interrupted, else 1 if anything was skipped, else 0."""
        if self.interrupted:
            return 128 + int(getattr(signal, self.interrupted, signal.SIGINT))
        return EXIT_SKIPPED if self.skipped_total else EXIT_OK

    def to_dict(self) -> dict:
        """A JSON-ready dict of the summary, with ``exit_code``."""
        return {
            "articles_read": self.articles_read,
            "articles_done": self.articles_done,
            "articles_resumed": self.articles_resumed,
            "skipped": dict(sorted(self.skipped.items())),
            "skipped_total": self.skipped_total,
            "claims_written": self.claims_written,
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
            "last_doc_id": self.last_doc_id,
            "output": self.output,
            "exit_code": self.exit_code,
        }

    def format(self) -> str:
        """Human-readable summary (a few lines) as printed on stderr at the end of a run."""
        rate = self.articles_done / self.seconds if self.seconds > 0 else 0.0
        by_kind = ", ".join(f"{k}: {v}" for k, v in sorted(self.skipped.items()))
        lines = [
            f"claimx: {self.articles_done} articles extracted"
            + (f" ({self.articles_resumed} already in the output)" if self.articles_resumed else "")
            + f", {self.skipped_total} skipped" + (f" ({by_kind})" if by_kind else "")
            + f", {self.claims_written} claims written in {self.seconds:.1f} s ({rate:.1f} articles/s)"
        ]
        if self.interrupted:
            lines.append(
                f"claimx: stopped by {self.interrupted} after {self.articles_done} articles"
                f" (last doc_id: {self.last_doc_id!r}); the output is valid, rerun with --resume to continue"
            )
        return "\n".join(lines)


class StopFlag:
    """SIGINT/SIGTERM handler state.

    The first signal asks for a clean stop: no more articles are read, the ones already sent
    to extraction are finished and written. A second signal forces the stop: worker processes
    started by this run are terminated and ``KeyboardInterrupt`` is raised (each article's
    lines are written in one go, so the output stays valid either way).
    """

    def __init__(self) -> None:
        self.signum: Optional[int] = None
        self.forced = False
        self._pid = os.getpid()
        self._old: dict[int, Any] = {}
        self._children_before: set[int] = set()

    def __call__(self, signum: int, frame: Any) -> None:
        if os.getpid() != self._pid:
            # A forked worker inherited this handler. SIGINT (Ctrl-C reaches the whole process
            # group) is left to the parent, which stops the workers in order; SIGTERM (sent by
            # the parent or a pool to end the worker) gets its default action.
            if signum == signal.SIGTERM:
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)
            return
        if self.signum is not None:
            self.forced = True
            for child in multiprocessing.active_children():
                if child.pid not in self._children_before:
                    child.terminate()
            raise KeyboardInterrupt
        self.signum = signum

    def install(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        self._children_before = {c.pid for c in multiprocessing.active_children() if c.pid is not None}
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self)

    def restore(self) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)
        self._old.clear()


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
    """``None``, a ``date`` or ``"YYYY-MM-DD"`` as a ``date``; raises :class:`BatchUsageError` otherwise."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise BatchUsageError(f"reference date must be YYYY-MM-DD, got {value!r}") from None


def run_batch(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    output: Optional[PathLike] = None,
    fmt: Optional[str] = None,
    errors_path: Optional[PathLike] = None,
    resume: bool = False,
    jobs: int = 1,
    batch_size: int = 16,
    pattern: str = "*",
    max_chars: int = DEFAULT_MAX_CHARS,
    reference_date: Union[date, str, None] = None,
    model: Any = None,
    quiet: bool = False,
    save_text: Optional[PathLike] = None,
    extractor: Any = None,
    print_summary: Optional[bool] = None,
) -> BatchSummary:
    """Extract claims from every article under ``paths`` and write them to ``output``.

    Args:
        paths: files, folders (recursive), ``"-"`` for standard input, or an iterable of them.
        output: output file; ``None`` or ``"-"`` writes JSONL (or CSV) to standard output.
        fmt: ``"jsonl"``, ``"csv"`` or ``"parquet"``; ``None`` = from the output suffix.
        errors_path: where to write one JSON line per skipped input (rewritten each run).
        resume: keep the existing JSONL ``output``, skip articles whose doc_id is in it, append.
        jobs: worker processes for extraction (``Extractor.pipe(n_process=jobs)``); the output
            is the same for any value.
        batch_size: texts per extraction batch.
        pattern: glob for files inside folders (see :func:`claimx.io.iter_articles`).
        max_chars: longer articles are skipped (``too_large``).
        reference_date: default reference date (``date`` or ``"YYYY-MM-DD"``) for articles
            without their own ``date``.
        model: spaCy model name or ``Language`` for the :class:`claimx.pipeline.Extractor`.
        quiet: no progress bar and no summary on stderr. The bar is also hidden when stderr is
            not a terminal, or when the claims stream to the terminal on stdout.
        save_text: folder where each article's text is written as ``<doc_id>.txt``.
        extractor: an object with ``pipe(items, as_tuples=True, batch_size=, n_process=)``
            (default: ``claimx.pipeline.Extractor(model, reference_date=reference_date)``).
        print_summary: print the summary line on stderr at the end (default: ``not quiet``).

    Returns:
        a :class:`BatchSummary`; its ``exit_code`` is 0, 1, 130 or 143.

    Raises:
        BatchUsageError: no paths, a path that does not exist, a bad format/date/number, or
            ``resume`` without a JSONL output file. Nothing has been written then.
    """
    started = time.perf_counter()
    path_list = check_input_paths(paths)
    if jobs < 1 or batch_size < 1 or max_chars < 1:
        raise BatchUsageError("jobs, batch_size and max_chars must be positive")
    to_stdout, out_format = check_output(output, fmt, resume=resume)
    default_ref = parse_reference_date(reference_date)

    done_ids = read_done_ids(output) if resume else set()  # type: ignore[arg-type]
    if extractor is None:
        from claimx.pipeline import Extractor  # type: ignore[import-not-found]

        extractor = Extractor(model, reference_date=default_ref)
    if save_text is not None:
        Path(save_text).mkdir(parents=True, exist_ok=True)

    summary = BatchSummary(output=None if to_stdout else str(output))
    stop = StopFlag()
    seen: set[str] = set()
    default_ref_s = default_ref.isoformat() if default_ref else None

    from claimx.progress import make_progress, progress_wanted

    own_files = [f for f in (output, errors_path, save_text) if f is not None and str(f) != "-"]
    progress = make_progress(path_list, pattern=pattern, exclude=own_files,
                             enabled=progress_wanted(quiet=quiet, to_stdout=to_stdout))
    errors_fh = open(errors_path, "w", encoding="utf-8") if errors_path is not None else None
    writer = open_writer(None if to_stdout else output, out_format, append=resume)

    def record_skip(skip: SkippedArticle) -> None:
        summary.skipped[skip.kind] += 1
        progress.update(1)
        if errors_fh is not None:
            errors_fh.write(skip.to_json() + "\n")
            errors_fh.flush()

    def feed() -> Iterator[tuple[str, dict]]:
        for item in iter_articles(path_list, pattern=pattern, max_chars=max_chars, exclude=own_files):
            if stop.signum is not None:
                return
            if isinstance(item, SkippedArticle):
                record_skip(item)
                continue
            art: Article = item
            if art.doc_id in seen:
                record_skip(
                    SkippedArticle(art.path, art.doc_id, f"duplicate doc_id {art.doc_id!r}", "duplicate_id", art.line)
                )
                continue
            seen.add(art.doc_id)
            if art.doc_id in done_ids:
                summary.articles_resumed += 1
                progress.update(1)
                continue
            if save_text is not None:
                write_text(save_text, art)
            ctx: dict = {"doc_id": art.doc_id}
            ref = art.date.isoformat() if art.date else default_ref_s
            if ref is not None:
                ctx["reference_date"] = ref
            summary.articles_read += 1
            yield art.text, ctx

    stop.install()
    results = extractor.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=jobs)
    try:
        for claims, ctx in results:
            doc_id = ctx["doc_id"]
            lines = []
            for claim in claims:
                if claim.doc_id != doc_id:
                    claim = claim.model_copy(update={"doc_id": doc_id})
                lines.append(claim.model_dump_json())
            writer.write_article(lines)
            summary.articles_done += 1
            summary.claims_written += len(lines)
            summary.last_doc_id = doc_id
            progress.set_postfix_str(f"claims={summary.claims_written} skipped={summary.skipped_total}", refresh=False)
            progress.update(1)
    except KeyboardInterrupt:
        if not stop.forced:
            raise
    finally:
        try:
            close = getattr(results, "close", None)
            if close is not None:
                close()  # stops worker processes
        finally:
            writer.close()
            if errors_fh is not None:
                errors_fh.close()
            progress.close()
            stop.restore()
    return finish_summary(summary, stop, started, quiet=not print_summary if print_summary is not None else quiet)


def finish_summary(summary: BatchSummary, stop: "StopFlag", started: float, *, quiet: bool) -> BatchSummary:
    """Record how a run ended (signal, duration) and print the summary on stderr unless ``quiet``."""
    if stop.signum is not None:
        summary.interrupted = signal.Signals(stop.signum).name
    summary.seconds = time.perf_counter() - started
    if not quiet:
        print(summary.format(), file=sys.stderr, flush=True)
    return summary
