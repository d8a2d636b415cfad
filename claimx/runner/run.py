"""What the local and the Dask runners share around the ledger.

:func:`start_run` opens a run (summary, signal flag, output writer, progress bar, ledger) the same
way for ``claimx.batch.run_batch`` and ``claimx.distributed.extract_distributed``;
:func:`article_context` is the context each article is extracted with; :meth:`Run.close` and
:meth:`Run.finish` end it. The runners differ only in where the articles are read and parsed.
"""

from __future__ import annotations

import signal
import sys
import time
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from claimx.io import open_writer

from .ledger import OutputError, RunLedger
from .signals import StopFlag
from .summary import BatchSummary

__all__ = ["Run", "start_run", "own_files", "article_context", "finish_summary"]


def own_files(*paths: Any) -> list:
    """The run's own outputs (files or folders; ``None`` and ``"-"`` left out), which the run must
    never read back as inputs when they lie inside an input folder."""
    return [f for f in paths if f is not None and str(f) != "-"]


def article_context(article: Any, default_ref: Optional[str], **extra: Any) -> dict:
    """The context an article is extracted with: ``doc_id``, the ``extra`` keys, then
    ``reference_date`` (``YYYY-MM-DD``: the article's own ``date``, else ``default_ref``; left out
    when neither is known)."""
    ctx: dict = {"doc_id": article.doc_id, **extra}
    ref = article.date.isoformat() if article.date else default_ref
    if ref is not None:
        ctx["reference_date"] = ref
    return ctx


def finish_summary(summary: BatchSummary, stop: StopFlag, started: float, *, quiet: bool) -> BatchSummary:
    """Record how a run ended (signal, duration) and print the summary on stderr unless ``quiet``."""
    if stop.signum is not None:
        summary.interrupted = signal.Signals(stop.signum).name
    summary.seconds = time.perf_counter() - started
    if not quiet:
        print(summary.format(), file=sys.stderr, flush=True)
    return summary


@dataclass
class Run:
    """One open run: its summary, the SIGINT/SIGTERM flag, the ledger, and when it started
    (``time.perf_counter()`` seconds)."""

    summary: BatchSummary
    stop: StopFlag
    ledger: RunLedger
    started: float

    def close(self) -> None:
        """Close the ledger (writer, errors file, progress bar), then restore the signal handlers."""
        try:
            self.ledger.close()
        finally:
            self.stop.restore()

    def finish(self, *, quiet: bool) -> BatchSummary:
        """:func:`finish_summary` of this run."""
        return finish_summary(self.summary, self.stop, self.started, quiet=quiet)


def start_run(
    path_list: list,
    *,
    output: Any,
    out_format: str,
    to_stdout: bool,
    resume: bool,
    errors_path: Any,
    done_ids: set,
    failed_before: dict,
    pattern: str,
    exclude: Iterable[Any],
    quiet: bool,
    started: float,
    write: bool = True,
) -> Run:
    """Open a run's outputs and bookkeeping (the signal handlers are installed by the caller).

    ``write=False`` opens no writer (each Parquet part of a partitioned Dask output has its own).
    ``exclude`` (see :func:`own_files`) is left out of the progress bar's count.

    :raises OutputError: the output cannot be opened for writing.
    """
    summary = BatchSummary(output=None if to_stdout else str(output))
    stop = StopFlag()
    writer = None
    if write:
        try:
            writer = open_writer(None if to_stdout else output, out_format, append=resume)
        except OSError as exc:
            raise OutputError(f"cannot write the output {output}: {exc.strerror or exc}") from None
    from claimx.progress import make_progress, progress_wanted

    progress = make_progress(path_list, pattern=pattern, exclude=exclude,
                             enabled=progress_wanted(quiet=quiet, to_stdout=to_stdout))
    ledger = RunLedger(summary, writer=writer, errors_path=errors_path, done_ids=done_ids,
                       failed_before=failed_before, quiet=quiet, progress=progress)
    return Run(summary, stop, ledger, started)
