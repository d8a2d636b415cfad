"""The run ledger: the bookkeeping a batch run does in input order, shared by every runner.

:class:`RunLedger` owns the seen doc_ids (duplicates), the resume sets (articles already in the
output, articles an earlier run recorded as failed), the errors file, the output writer, the
progress bar and the :class:`~claimx.runner.summary.BatchSummary`. The local runner
(:func:`claimx.batch.run_batch`) and the Dask runner (:func:`claimx.distributed.extract_distributed`)
feed it the same events in the same order, so their outputs and errors files are identical.

Errors file: one JSON line per input that gave no claims. A skipped input (unreadable, binary,
...) is ``{"path", "doc_id", "reason", "kind", "line"}``; a failed extraction adds
``"error_type"``, ``"message"``, ``"seconds"`` and ``"claimx_version"`` with ``kind``
``"extraction_error"`` or ``"timeout"``.
"""

from __future__ import annotations

import json
import os
import sys
from typing import IO, Any, Optional, Union

from claimx.io import MIXED_ENCODING, SkippedArticle

from .summary import BatchSummary
from .supervisor import Failure

__all__ = ["RunLedger", "FAILURE_KINDS", "failure_record", "note_article", "read_failures", "OutputError"]

FAILURE_KINDS = frozenset({"extraction_error", "timeout"})
PathLike = Union[str, "os.PathLike[str]"]


class OutputError(OSError):
    """An output could not be written (full device, lost permission, ...): exit code 2."""

    exit_code = 2


def _version() -> str:
    from claimx import __version__

    return __version__


def failure_record(path: str, doc_id: str, line: Optional[int], failure: Failure) -> str:
    """The errors-file line of a failed article (see the module docstring)."""
    return json.dumps(
        {"path": path, "doc_id": doc_id, "reason": failure.reason, "kind": failure.kind, "line": line,
         "error_type": failure.error_type, "message": failure.message, "seconds": failure.seconds,
         "claimx_version": _version()},
        ensure_ascii=False,
    )


def read_failures(errors_path: Optional[PathLike]) -> dict[str, str]:
    """doc_id -> errors-file line of every article an earlier run recorded as failed.

    Lines that are not JSON, or not of a failure kind, are ignored; a missing file gives ``{}``.
    """
    if errors_path is None or not os.path.isfile(errors_path):
        return {}
    out: dict[str, str] = {}
    with open(errors_path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict) and rec.get("kind") in FAILURE_KINDS and isinstance(rec.get("doc_id"), str):
                out[rec["doc_id"]] = line.rstrip("\n")
    return out


class RunLedger:
    """Input-order bookkeeping of one run. Call :meth:`close` (or use ``with``) at the end.

    Parameters
    ----------
    summary:
        The summary to fill in.
    writer:
        A :class:`claimx.io.ClaimWriter` (or ``None`` when each partition brings its own).
    errors_path:
        The errors file (rewritten), or ``None``.
    done_ids:
        doc_ids already complete in the output (resume).
    failed_before:
        :func:`read_failures` of the previous errors file: these articles are not extracted
        again, their lines are copied into the new errors file and counted as failed.
    quiet:
        No progress bar.
    progress:
        The progress bar to advance (a tqdm-like object; see :func:`claimx.progress.make_progress`);
        default: a tqdm bar on standard error without a total, hidden when ``quiet``. It advances
        once per article written, failed, skipped or already in the output.
    """

    def __init__(
        self,
        summary: BatchSummary,
        *,
        writer: Any = None,
        errors_path: Optional[PathLike] = None,
        done_ids: Optional[set] = None,
        failed_before: Optional[dict[str, str]] = None,
        quiet: bool = False,
        progress: Any = None,
    ) -> None:
        from tqdm import tqdm

        self.summary = summary
        self.writer = writer
        self.done_ids = done_ids or set()
        self.failed_before = failed_before or {}
        self.seen: set[str] = set()
        self._errors_name = errors_path
        self._errors: Optional[IO[str]] = None
        if errors_path is not None:
            try:
                self._errors = open(errors_path, "w", encoding="utf-8")
            except OSError as exc:
                raise OutputError(f"cannot write the errors file {errors_path}: {exc.strerror or exc}") from None
        self.progress = progress if progress is not None else tqdm(
            desc="claimx", unit=" articles", file=sys.stderr, disable=quiet, mininterval=0.5, dynamic_ncols=True)

    def _error_line(self, text: str) -> None:
        if self._errors is None:
            return
        try:
            self._errors.write(text + "\n")
            self._errors.flush()
        except OSError as exc:
            raise OutputError(f"cannot write the errors file {self._errors_name}: {exc.strerror or exc}") from None

    def skip(self, skip: SkippedArticle) -> None:
        """Record an input that could not be read."""
        self.summary.skipped[skip.kind] += 1
        self._error_line(skip.to_json())
        self._tick()

    def admit(self, doc_id: str, path: str, line: Optional[int]) -> bool:
        """Whether the article ``doc_id`` is to be extracted in this run.

        False (and recorded) for a duplicate doc_id, an article already in the output, or one
        recorded as failed by an earlier run (resume without retry).
        """
        if doc_id in self.seen:
            self.skip(SkippedArticle(path, doc_id, f"duplicate doc_id {doc_id!r}", "duplicate_id", line))
            return False
        self.seen.add(doc_id)
        if doc_id in self.done_ids:
            self.summary.articles_resumed += 1
            self._tick()
            return False
        old = self.failed_before.get(doc_id)
        if old is not None:
            self.summary.failed[json.loads(old)["kind"]] += 1
            self._error_line(old)
            self._tick()
            return False
        return True

    def failed(self, doc_id: str, path: str, line: Optional[int], failure: Failure) -> None:
        """Record an article whose extraction raised or timed out."""
        self.summary.failed[failure.kind] += 1
        self._error_line(failure_record(path, doc_id, line, failure))
        self._tick()

    def written(self, doc_id: str, lines: list[str], writer: Any = None) -> None:
        """Write one article's claim lines (to ``writer``, default the ledger's)."""
        try:
            (writer or self.writer).write_article(lines)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write the output {self.summary.output or '(stdout)'}: "
                              f"{exc.strerror or exc}") from None
        self.summary.articles_done += 1
        self.summary.claims_written += len(lines)
        self.summary.last_doc_id = doc_id
        self._tick()

    def _tick(self) -> None:
        s = self.summary
        self.progress.set_postfix_str(
            f"claims={s.claims_written} skipped={s.skipped_total} failed={s.failed_total}", refresh=False)
        self.progress.update(1)

    def close(self) -> None:
        """Close the writer, the errors file and the progress bar (the writer first)."""
        try:
            if self.writer is not None:
                try:
                    self.writer.close()
                except BrokenPipeError:
                    raise
                except OSError as exc:
                    raise OutputError(f"cannot write the output {self.summary.output or '(stdout)'}: "
                                      f"{exc.strerror or exc}") from None
        finally:
            if self._errors is not None:
                self._errors.close()
                self._errors = None
            self.progress.close()

    def __enter__(self) -> "RunLedger":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def note_article(summary: BatchSummary, article: Any) -> None:
    """Count what is worth a note in the summary about one article read (mixed encodings)."""
    if getattr(article, "encoding", None) == MIXED_ENCODING:
        summary.notes["mixed_encoding"] += 1
