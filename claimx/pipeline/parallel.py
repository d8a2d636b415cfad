"""Extraction in forked worker processes: :func:`pipe_processes` behind ``Extractor.pipe(n_process=N)``.

Each worker inherits the parent's loaded :class:`~claimx.pipeline.extractor.Extractor` through the
fork (nothing is pickled but texts and claims) and runs the whole extraction (grammar, parse,
assembly) on batches of texts; the parent keeps at most two batches per worker in flight, so memory
stays flat, and yields the claims in input order.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, Optional

from ..components.context import as_date

#: Characters of text per task sent to a worker (a task also ends at ``batch_size`` texts): small
#: enough that two workers share a corpus of long articles evenly (64 articles a task left one
#: worker idle for most of the last task), large enough that a task's windows fill spaCy's batches.
TASK_CHARS = 20_000
#: The extractor the forked workers run (set by the parent just before it forks them).
_WORKER_EXTRACTOR: Optional[Any] = None


def pipe_processes(extractor: Any, items: Iterable[Any], *, as_tuples: bool, batch_size: int, n_process: int,
                   errors: str = "raise") -> Iterator[Any]:
    """``extractor.pipe(items, ...)`` in ``n_process`` forked workers (see
    :meth:`claimx.pipeline.extractor.Extractor.pipe` for the arguments and what is yielded).

    Texts go to the workers in tasks of at most ``batch_size`` texts and about :data:`TASK_CHARS`
    characters. Needs the ``fork`` start method. Raises ``TypeError`` for a text that is not a ``str`` and
    ``RuntimeError`` if a worker is killed from outside (the output so far is complete).
    """
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = extractor  # inherited by the forked workers
    ctx = mp.get_context("fork")
    pool = ctx.Pool(n_process, initializer=_worker_init)
    pending: deque = deque()
    try:
        batch: list = []
        contexts: list = []
        chars = 0

        def submit() -> None:
            pending.append((pool.apply_async(_worker_extract, (batch[:], errors)), contexts[:]))
            batch.clear()
            contexts.clear()

        workers = list(getattr(pool, "_pool", []))

        def drain(limit: int) -> Iterator[Any]:
            while len(pending) > limit:
                result, ctxs = pending.popleft()
                while not result.ready():
                    result.wait(0.5)
                    if any(w.exitcode is not None for w in workers):
                        # a worker killed from outside: its batch is lost, do not wait forever
                        raise RuntimeError("a claimx worker process died; the output so far is complete")
                for claims, context in zip(result.get(), ctxs):
                    yield (claims, context) if as_tuples else claims

        for item in items:
            text, context = item if as_tuples else (item, None)
            if not isinstance(text, str):
                raise TypeError(f"expected str text, got {type(text).__name__}")
            cdict = context if isinstance(context, dict) else {}
            ref = as_date(cdict.get("reference_date"))
            batch.append((text, cdict.get("doc_id"), ref.isoformat() if ref else None))
            contexts.append(context)
            chars += len(text)
            if len(batch) >= batch_size or chars >= TASK_CHARS:
                chars = 0
                submit()
                yield from drain(2 * n_process)
        if batch:
            submit()
        yield from drain(0)
        pool.close()
        pool.join()
    finally:
        pool.terminate()  # no-op after a clean join; stops the workers after an error or early close
        pool.join()
        _WORKER_EXTRACTOR = None


def _worker_init() -> None:
    import signal

    # the parent decides when to stop: a terminal's Ctrl-C (sent to the whole process group)
    # must not kill a worker in the middle of a batch. SIGTERM keeps its default so that
    # Pool.terminate() can stop the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _worker_extract(batch: list[tuple[str, Optional[str], Optional[str]]], errors: str = "raise") -> list[Any]:
    ex = _WORKER_EXTRACTOR
    assert ex is not None, "worker started without an Extractor"
    items = [(text, {"doc_id": doc_id, "reference_date": ref}) for text, doc_id, ref in batch]
    run = ex._pipe_skipping if errors == "skip" else ex._pipe_local
    return [claims for claims, _ in run(items, as_tuples=True, batch_size=len(batch), n_process=1)]
