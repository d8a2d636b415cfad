"""The worker process's side of :mod:`claimx.runner.supervisor`: a forked child that receives
batches of articles over a pipe, extracts them (one ``pipe`` call per batch; a batch that raises is
extracted again article by article, so that only the guilty article fails) and sends back one reply
per article: its claims as JSON lines, or the exception's type and message.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable
from multiprocessing.connection import Connection
from typing import Any

#: Characters of an exception message kept in a failure record.
MESSAGE_CHARS = 500


def _claim_lines(claims: Iterable[Any], doc_id: Any) -> list[str]:
    lines = []
    for claim in claims:
        if claim.doc_id != doc_id:
            claim = claim.model_copy(update={"doc_id": doc_id})
        lines.append(claim.model_dump_json())
    return lines


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - exotic libc
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _extract_lines(extractor: Any, items: list[tuple[int, str, Any]], batch_size: int) -> list[tuple]:
    """``[(seq, "ok", lines)]`` for a batch extracted in one ``pipe`` call; if it raises, each
    article again alone: ``(seq, "ok", lines)`` or ``(seq, "err", type name, message)``."""
    def doc_id(context: Any) -> Any:
        return context.get("doc_id") if isinstance(context, dict) else None

    try:
        results = list(extractor.pipe([(t, c) for _, t, c in items], as_tuples=True, batch_size=batch_size,
                                      n_process=1))
        if len(results) != len(items):
            raise RuntimeError(f"pipe gave {len(results)} results for {len(items)} texts")
        return [(seq, "ok", _claim_lines(claims, doc_id(c))) for (seq, _, c), (claims, _) in zip(items, results)]
    except Exception as exc:  # noqa: BLE001 - one article's failure is reported, not fatal
        if len(items) == 1:
            return [(items[0][0], "err", type(exc).__name__, str(exc)[:MESSAGE_CHARS])]
        out: list[tuple] = []  # which article was it? each alone
        for item in items:
            out.extend(_extract_lines(extractor, [item], batch_size))
        return out


def worker_main(conn: Connection, extractor: Any, batch_size: int, parent: int) -> None:
    """The child's loop: receive a list of ``(seq, text, context)``, send back one reply per article."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent:
                return
            continue
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        try:
            conn.send(_extract_lines(extractor, msg, batch_size))
        except (BrokenPipeError, OSError):
            return
