"""What a batch run did (:class:`BatchSummary`) and how it ended (exit codes)."""

from __future__ import annotations

import signal
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

__all__ = ["BatchSummary", "EXIT_OK", "EXIT_SKIPPED", "EXIT_USAGE", "EXIT_BROKEN_PIPE"]

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_USAGE = 2
#: Standard output closed by the reader (``claimx extract ... | head``): 128 + SIGPIPE.
EXIT_BROKEN_PIPE = 141


@dataclass
class BatchSummary:
    """What a batch run did.

    Attributes:
        articles_read: readable articles sent to extraction in this run.
        articles_done: articles whose claims were written (equals ``articles_read`` minus
            ``failed_total`` unless the run was interrupted).
        articles_resumed: articles skipped because their doc_id was already in the output.
        skipped: number of skipped inputs by kind (``binary``, ``empty``, ``too_large``, ...).
        failed: articles whose extraction failed, by kind (``extraction_error``,
            ``timeout``), including those recorded as failed by an earlier run and not retried.
        notes: counts of things worth knowing that lose nothing, e.g. ``mixed_encoding``
            (files decoded line by line because they mix UTF-8 and Windows-1252).
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
    failed: Counter = field(default_factory=Counter)
    notes: Counter = field(default_factory=Counter)
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
    def failed_total(self) -> int:
        """Total number of articles whose extraction failed."""
        return sum(self.failed.values())

    @property
    def exit_code(self) -> int:
        """130 (SIGINT) / 143 (SIGTERM) if interrupted, else 1 if anything was skipped or
        failed, else 0."""
        if self.interrupted:
            return 128 + int(getattr(signal, self.interrupted, signal.SIGINT))
        return EXIT_SKIPPED if self.skipped_total or self.failed_total else EXIT_OK

    def to_dict(self) -> dict:
        """A JSON-ready dict of the summary, with ``exit_code``."""
        return {
            "articles_read": self.articles_read,
            "articles_done": self.articles_done,
            "articles_resumed": self.articles_resumed,
            "skipped": dict(sorted(self.skipped.items())),
            "skipped_total": self.skipped_total,
            "failed": dict(sorted(self.failed.items())),
            "failed_total": self.failed_total,
            "notes": dict(sorted(self.notes.items())),
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
        failed = ", ".join(f"{k}: {v}" for k, v in sorted(self.failed.items()))
        lines = [
            f"claimx: {self.articles_done} articles extracted"
            + (f" ({self.articles_resumed} already in the output)" if self.articles_resumed else "")
            + f", {self.skipped_total} skipped" + (f" ({by_kind})" if by_kind else "")
            + (f", {self.failed_total} failed ({failed})" if failed else "")
            + f", {self.claims_written} claims written in {self.seconds:.1f} s ({rate:.1f} articles/s)"
        ]
        if self.failed_total:
            lines.append("claimx: failed articles are listed in the errors file (--errors) with kind and reason")
        if self.notes.get("mixed_encoding"):
            n = self.notes["mixed_encoding"]
            lines.append(f"claimx: note: {n} file{'s' if n > 1 else ''} mixed UTF-8 and Windows-1252 lines "
                         "(decoded line by line)")
        if self.interrupted:
            lines.append(
                f"claimx: stopped by {self.interrupted} after {self.articles_done} articles"
                f" (last doc_id: {self.last_doc_id!r}); the output is valid, rerun with --resume to continue"
            )
        return "\n".join(lines)
