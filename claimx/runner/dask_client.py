"""Dask client side of :func:`claimx.distributed.extract_distributed`: the inputs as work units,
their partitions, the partitioned Parquet output, and the run loop that submits partitions and
feeds their records, in input order, to the run's ledger (:mod:`claimx.runner.run`).
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from claimx.io import JSONL_SUFFIXES, Article, SkippedArticle, iter_articles, iter_inputs, open_writer

from .dask_worker import _plugin_class, _process_partition
from .ledger import RunLedger, note_article, read_failures
from .options import read_done_ids
from .run import own_files, start_run
from .signals import StopFlag
from .summary import BatchSummary
from .supervisor import stop_all

PART_PREFIX = "part-"


def iter_units(paths: list, pattern: str, max_chars: int, read_on: str, follow_links: bool = False,
               exclude: Iterable[Any] = ()) -> Iterator[tuple[str, Any]]:
    """The inputs of ``paths`` in :func:`~claimx.io.iter_articles` order, as units for the workers.

    Walks the inputs with :func:`~claimx.io.iter_inputs` (as the local batch does, ``exclude``
    included: the run's own outputs are never read back). Yields ``("path", str)`` for a file a
    worker will read, ``("article", Article)`` for a record the client read (JSONL, standard input,
    or every file with ``read_on="client"``), and ``("skip", SkippedArticle)`` for an input the
    client already knows it cannot read (missing path, unreadable folder).
    """
    for source in iter_inputs(paths, pattern=pattern, exclude=exclude, follow_links=follow_links):
        if isinstance(source, SkippedArticle):
            yield "skip", source
        elif isinstance(source, Path) and read_on == "workers" and source.suffix.lower() not in JSONL_SUFFIXES:
            yield "path", str(source)
        else:
            for item in iter_articles([source], max_chars=max_chars):
                yield ("skip", item) if isinstance(item, SkippedArticle) else ("article", item)


def partitions(units: Iterator[tuple[str, Any]], size: int) -> Iterator[tuple[list, list]]:
    """Group units into partitions of at most ``size`` work units, in input order.

    Yields ``(order, work)``: ``work`` is the list of units sent to one task; ``order`` lists
    the partition's entries in input order, each ``("skip", SkippedArticle)`` (known to the
    client already) or ``("work", None)`` (the next record the task returns: a work unit
    always gives exactly one record). The last partition may hold only skips (no task).
    """
    order: list = []
    work: list = []
    for kind, value in units:
        if kind == "skip":
            order.append(("skip", value))
            continue
        order.append(("work", None))
        work.append((kind, value))
        if len(work) >= size:
            yield order, work
            order, work = [], []
    if order:
        yield order, work


def existing_parts(folder: Path) -> list[Path]:
    """The ``part-NNNNN.parquet`` files of a partitioned output folder, in order."""
    return sorted(folder.glob(f"{PART_PREFIX}*.parquet"))


def done_ids_in_parts(folder: Path) -> set[str]:
    """doc_ids in the Parquet part files of a partitioned output (all complete: written atomically)."""
    import pyarrow.parquet as pq

    done: set[str] = set()
    for part in existing_parts(folder):
        column = pq.read_table(part, columns=["doc_id"]).column("doc_id")
        done.update(v for v in column.to_pylist() if v is not None)
    return done


def run_on_cluster(
    client: Any, distributed: Any, path_list: list, *, output: Any, out_format: str, to_stdout: bool,
    partitioned: bool, errors_path: Any, resume: bool, default_ref_s: Optional[str], model: Optional[str],
    pattern: str, max_chars: int, partition_size: int, batch_size: int, read_on: str,
    max_in_flight: Optional[int], quiet: bool, started: float, timeout: Optional[float], retry_failed: bool,
    follow_links: bool, lexicon: Optional[dict] = None,
) -> BatchSummary:
    """Run an extraction on ``client`` (options already checked by ``extract_distributed``, whose
    arguments these are; ``lexicon`` is a custom lexicon packed by
    :func:`~claimx.runner.custom_lexicon.pack_lexicon`); returns the run's :class:`BatchSummary`.

    :raises OutputError: an output cannot be written; :raises FileNotFoundError: a worker cannot
        see a path unit.
    """
    next_part = 0
    if partitioned:
        folder = Path(output)
        folder.mkdir(exist_ok=True)
        existing = existing_parts(folder)
        if resume:
            done_ids = done_ids_in_parts(folder)
            if existing:
                next_part = int(existing[-1].stem[len(PART_PREFIX):]) + 1
        else:
            for part in existing:  # a fresh run replaces the previous dataset
                part.unlink()
            done_ids = set()
    else:
        done_ids = read_done_ids(output) if resume else set()
    failed_before = read_failures(errors_path) if resume and not retry_failed else {}

    client.register_plugin(_plugin_class()(model, lexicon))  # loads the model on every worker, once
    # One copy per worker, shared by all tasks (a list around it: scatter splits collections).
    not_again = frozenset(done_ids) | frozenset(failed_before)
    done_ref = client.scatter([not_again], broadcast=True)[0] if not_again else None
    lexicon_ref = client.scatter([lexicon], broadcast=True)[0] if lexicon else None
    if max_in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        max_in_flight = max(2, 4 * threads)

    own = own_files(output, errors_path)
    run = start_run(path_list, output=output, out_format=out_format, to_stdout=to_stdout, resume=resume,
                    errors_path=errors_path, done_ids=done_ids, failed_before=failed_before, pattern=pattern,
                    exclude=own, quiet=quiet, started=started, write=not partitioned)
    ledger, stop = run.ledger, run.stop

    def consume(order: list, records: list) -> None:
        nonlocal next_part
        part_writer = None
        if partitioned:
            part_writer = open_writer(Path(output) / f"{PART_PREFIX}{next_part:05d}.parquet", "parquet")
            next_part += 1
        try:
            it = iter(records)
            for kind, skip in order:
                if kind == "skip":
                    ledger.skip(skip)
                else:  # one work unit -> its record (a JSONL record/article is one; a path is one)
                    _handle(ledger, next(it), part_writer)
        finally:
            if part_writer is not None:
                part_writer.close()

    pending: deque = deque()
    stop.install()
    try:
        units = iter_units(path_list, pattern, max_chars, read_on, follow_links, exclude=own)
        for order, work in partitions(units, partition_size):
            if stop.signum is not None:
                break
            fut = (
                client.submit(
                    _process_partition, work, model, default_ref_s, max_chars, batch_size, done_ref, timeout,
                    lexicon_ref, pure=False,
                )
                if work
                else None
            )
            pending.append((order, fut))
            while len(pending) >= max_in_flight and stop.signum is None:
                _collect(pending.popleft(), consume, stop)
        while pending and stop.signum is None:
            _collect(pending.popleft(), consume, stop)
    finally:
        try:
            for _, fut in pending:
                if fut is not None:
                    fut.cancel()
            if stop.signum is not None:
                # a cancelled task still runs until its article ends: end the extraction
                # processes its Dask worker forked, so the workers are free at once
                client.run(stop_all)
        finally:
            run.close()
    return run.finish(quiet=quiet)


def _handle(ledger: RunLedger, rec: tuple, out: Any) -> None:
    """One worker record, in input order, into the ledger."""
    if rec[0] == "s":
        ledger.skip(rec[1])
        return
    doc_id, path, line, encoding = rec[1]
    if not ledger.admit(doc_id, path, line) or rec[0] == "r":
        return
    ledger.summary.articles_read += 1
    note_article(ledger.summary, Article(doc_id, "", path, encoding=encoding))
    if rec[0] == "f":
        ledger.failed(doc_id, path, line, rec[2])
    else:
        ledger.written(doc_id, rec[2], out)


def _collect(entry: tuple, consume: Any, stop: StopFlag) -> None:
    order, fut = entry
    records: list = []
    if fut is not None:
        while not fut.done():  # polled, so that a signal stops the run at once
            if stop.signum is not None:
                return  # stopped: this partition is not written (resume extracts it again)
            time.sleep(0.02)
        records = fut.result()
    # One record per work unit: a path unit is never a JSONL file (the client reads those).
    if len(records) != sum(1 for kind, _ in order if kind == "work"):
        raise RuntimeError("claimx: a partition returned the wrong number of records")
    consume(order, records)
