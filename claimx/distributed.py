"""Batch extraction on a Dask cluster (``dask.distributed``): the local batch, scaled out.

:func:`extract_distributed` does what :func:`claimx.batch.run_batch` does -- same inputs, same
output files (JSONL/CSV/Parquet, in input order), same errors file, same resume, same
:class:`~claimx.batch.BatchSummary` -- but parses the articles on the workers of a Dask cluster:
a running one (``scheduler="tcp://host:8786"`` or ``client=``) or a ``LocalCluster`` it starts
(``cluster="local"``, ``workers`` processes with one thread each).

Design (see ``docs/distributed.md``):

* **Who reads.** The client walks folders (a directory listing is cheap) and streams *units* to
  the workers in partitions of ``partition_size`` articles: a plain/Markdown/HTML file travels
  as its **path** and is read and decoded by the worker (needs a filesystem shared with the
  workers; ``read_on="client"`` ships the text instead); JSONL files and standard input are
  read by the client, line by line, and their records travel as :class:`~claimx.io.Article`.
  Workers read a path with :func:`claimx.io.iter_articles`, so decoding and skips
  (:class:`~claimx.io.SkippedArticle`) are exactly those of the local batch.
* **Streaming, not one giant graph.** Partitions are submitted as futures with at most
  ``max_in_flight`` outstanding (default: 4 per worker thread) and collected in submission
  order, so client memory is bounded and the output is in input order whatever the cluster
  does. (A ``dask.bag`` would need the whole corpus as one graph on the client.)
* **The model is loaded once per worker.** A :class:`distributed.WorkerPlugin`
  (:class:`ExtractorPlugin`) loads the :class:`~claimx.pipeline.Extractor` when it is attached
  to a worker (also to workers that join later) into a per-process cache keyed by model name;
  tasks take it from there. :func:`worker_load_count` reports loads, for tests and monitoring.
* **Order-dependent bookkeeping stays on the client**: duplicate doc_ids, the resume set, the
  errors file and the writers see the results in input order, as in the local batch. With
  ``resume`` the set of finished doc_ids is broadcast to the workers once so that finished
  articles are not parsed again.

Dask is an optional extra: ``pip install "claimx[dask]"``. Importing this module does not
import Dask; calling :func:`extract_distributed` without it raises :class:`ImportError` naming
the fix.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter, deque
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from claimx.batch import finish_summary
from claimx.io import (
    DEFAULT_MAX_CHARS,
    JSONL_SUFFIXES,
    Article,
    SkippedArticle,
    walk_files,
    iter_articles,
    open_writer,
)
from claimx.runner.ledger import OutputError, RunLedger, note_article, read_failures
from claimx.runner.options import (
    BatchUsageError,
    check_input_paths,
    check_output,
    check_output_paths,
    parse_reference_date,
    read_done_ids,
)
from claimx.runner.signals import StopFlag
from claimx.runner.summary import BatchSummary
from claimx.runner.supervisor import DEFAULT_TIMEOUT, Failure, Supervisor, stop_all

__all__ = [
    "extract_distributed",
    "ExtractorPlugin",
    "worker_load_count",
    "DEFAULT_PARTITION_SIZE",
    "INSTALL_HINT",
]

PathLike = Union[str, "os.PathLike[str]"]

#: Articles per partition (one task). Large enough to amortise scheduling (~1 ms per task),
#: small enough to balance load and bound memory per task.
DEFAULT_PARTITION_SIZE = 64
INSTALL_HINT = 'claimx distributed extraction needs Dask: pip install "claimx[dask]"'
_PART_PREFIX = "part-"

# --------------------------------------------------------------------------------------------
# Worker side: one Extractor per worker process
# --------------------------------------------------------------------------------------------

_EXTRACTORS: dict[str, Any] = {}  # model key -> (Extractor, Lock); per worker process
_LOADS: Counter = Counter()  # model key -> number of times an Extractor was built here
_CACHE_LOCK = threading.Lock()


def _model_key(model: Optional[str]) -> str:
    return model or ""


def _get_extractor(model: Optional[str]) -> tuple[Any, threading.Lock]:
    """The process's ``(Extractor, lock)`` for ``model``, built on first use only."""
    key = _model_key(model)
    with _CACHE_LOCK:
        entry = _EXTRACTORS.get(key)
        if entry is None:
            from claimx.pipeline import Extractor

            entry = (Extractor(model), threading.Lock())
            _EXTRACTORS[key] = entry
            _LOADS[key] += 1
    return entry


def worker_load_count(model: Optional[str] = None) -> int:
    """How many times this process has loaded the pipeline for ``model`` (0 or 1 normally).

    Run it on every worker with ``client.run(worker_load_count, model)``; returns an ``int``.
    """
    return _LOADS[_model_key(model)]


@lru_cache(maxsize=1)
def _plugin_class() -> type:
    from distributed import WorkerPlugin

    class ExtractorPlugin(WorkerPlugin):
        """Loads the claimx Extractor for ``model`` once when attached to a worker.

        Registered with ``client.register_plugin(ExtractorPlugin(model))``; Dask attaches it to
        every current worker and to each worker that joins later (or restarts).
        """

        def __init__(self, model: Optional[str] = None) -> None:
            self.model = model
            self.name = f"claimx-extractor-{_model_key(model) or 'default'}"

        def setup(self, worker: Any) -> None:
            _get_extractor(self.model)

    return ExtractorPlugin


def __getattr__(name: str) -> Any:  # lazy: ``from claimx.distributed import ExtractorPlugin``
    if name == "ExtractorPlugin":
        return _require_distributed() and _plugin_class()
    raise AttributeError(name)


def _process_partition(
    units: list, model: Optional[str], default_ref: Optional[str], max_chars: int, batch_size: int,
    done_ids: Optional[frozenset] = None, timeout: Optional[float] = DEFAULT_TIMEOUT,
) -> list[tuple]:
    """Worker task: read the path units, extract every article, return records in input order.

    Every article is extracted in a process forked from this worker, under its deadline
    (:class:`~claimx.runner.supervisor.Supervisor`): a hung or crashing article fails alone.

    Args:
        units: ``("path", str)`` (read here with :func:`iter_articles`) or ``("article",
            Article)`` (read by the client).
        model: spaCy model name (``None`` = default) of the cached Extractor.
        default_ref: ``YYYY-MM-DD`` for articles without their own date, or ``None``.
        done_ids: doc_ids already in the output or recorded as failed (resume): not parsed.
        timeout: seconds per started 10,000 characters of an article (``None``: no deadline).

    Returns:
        a list of records: ``("a", article, [claim JSON, ...])`` for an extracted article,
        ``("f", article, Failure)`` for one whose extraction raised or timed out, ``("r",
        article)`` for one in ``done_ids``, ``("s", SkippedArticle)`` for an input that could
        not be read; ``article`` is ``(doc_id, path, line, encoding)``.

    Raises:
        FileNotFoundError: a path unit does not exist on this worker (no shared filesystem).
    """
    records: list = []
    todo: list[tuple[str, dict]] = []
    for kind, value in units:
        if kind == "path":
            if not os.path.lexists(value):
                raise FileNotFoundError(
                    f"{value}: not visible on this Dask worker; workers read files by path and need the "
                    "client's filesystem (mount it, or use read_on='client')"
                )
            items: Iterable = iter_articles([value], max_chars=max_chars)
        else:
            items = (value,)
        for item in items:
            if isinstance(item, SkippedArticle):
                records.append(("s", item))
                continue
            art: Article = item
            about = (art.doc_id, art.path, art.line, art.encoding)
            if done_ids and art.doc_id in done_ids:
                records.append(("r", about))
                continue
            ctx: dict = {"doc_id": art.doc_id, "slot": len(records)}
            ref = art.date.isoformat() if art.date else default_ref
            if ref is not None:
                ctx["reference_date"] = ref
            records.append(["a", about, []])
            todo.append((art.text, ctx))
    if todo:
        extractor, lock = _get_extractor(model)
        with lock:  # a worker with several threads shares one pipeline
            supervisor = Supervisor(extractor, workers=1, timeout=timeout, batch_size=batch_size)
            for result, ctx in supervisor.run(todo):
                rec = records[ctx["slot"]]
                if isinstance(result, Failure):
                    rec[0] = "f"
                rec[2] = result
    return [tuple(r) if isinstance(r, list) else r for r in records]


# --------------------------------------------------------------------------------------------
# Client side
# --------------------------------------------------------------------------------------------


def _require_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return distributed


def _iter_units(paths: list, pattern: str, max_chars: int, read_on: str,
                follow_links: bool = False) -> Iterator[tuple[str, Any]]:
    """The inputs of ``paths`` in :func:`iter_articles` order, as units for the workers.

    Yields ``("path", str)`` for a file a worker will read, ``("article", Article)`` for a
    record the client read, and ``("skip", SkippedArticle)`` for an input the client already
    knows it cannot read (missing path, unreadable folder).
    """
    def one_file(p: Path) -> Iterator[tuple[str, Any]]:
        if read_on == "workers" and p.suffix.lower() not in JSONL_SUFFIXES:
            yield "path", str(p)
            return
        for item in iter_articles([p], max_chars=max_chars):
            yield ("skip", item) if isinstance(item, SkippedArticle) else ("article", item)

    seen: set = set()  # real folders listed so far (device, inode)
    for item in paths:
        if str(item) == "-":
            for art in iter_articles(["-"], max_chars=max_chars):
                yield ("skip", art) if isinstance(art, SkippedArticle) else ("article", art)
            continue
        p = Path(item)
        if p.is_dir():
            for f in walk_files(p, pattern, follow_links=follow_links, seen=seen):
                if isinstance(f, SkippedArticle):
                    yield "skip", f
                else:
                    yield from one_file(f)
        elif p.exists() or p.is_symlink():
            yield from one_file(p)
        else:
            for skip in iter_articles([p], max_chars=max_chars):  # the not_found skip
                yield "skip", skip


def _partitions(units: Iterator[tuple[str, Any]], size: int) -> Iterator[tuple[list, list]]:
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


def _existing_parts(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{_PART_PREFIX}*.parquet"))


def _done_ids_in_parts(folder: Path) -> set[str]:
    """doc_ids in the Parquet part files of a partitioned output (all complete: written atomically)."""
    import pyarrow.parquet as pq

    done: set[str] = set()
    for part in _existing_parts(folder):
        column = pq.read_table(part, columns=["doc_id"]).column("doc_id")
        done.update(v for v in column.to_pylist() if v is not None)
    return done


def extract_distributed(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    client: Any = None,
    scheduler: Optional[str] = None,
    cluster: Optional[str] = "local",
    workers: int = 2,
    output: Optional[PathLike] = None,
    fmt: Optional[str] = None,
    partitioned: bool = False,
    errors_path: Optional[PathLike] = None,
    resume: bool = False,
    reference_date: Union[date, str, None] = None,
    model: Optional[str] = None,
    pattern: str = "*",
    max_chars: int = DEFAULT_MAX_CHARS,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    batch_size: int = 16,
    read_on: str = "workers",
    max_in_flight: Optional[int] = None,
    quiet: bool = False,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    retry_failed: bool = False,
    follow_links: bool = False,
) -> BatchSummary:
    """Extract claims from every article under ``paths`` on a Dask cluster; write them in order.

    Output, errors file, resume and summary are those of :func:`claimx.batch.run_batch` on the
    same inputs (identical bytes for JSONL/CSV and the errors file).

    Args:
        paths: files, folders (recursive), ``"-"`` for standard input, or an iterable of them.
        client: a ``distributed.Client`` to use (not closed here). Else ``scheduler``, else
            ``cluster``.
        scheduler: address of a running scheduler, e.g. ``"tcp://10.0.0.5:8786"``.
        cluster: ``"local"`` starts a ``LocalCluster`` of ``workers`` processes with one thread
            each (closed at the end); ``None`` with no client/scheduler is a usage error.
        workers: processes of the local cluster.
        output: output file (``None``/``"-"``: standard output); with ``partitioned`` a folder
            that receives ``part-00000.parquet``, ``part-00001.parquet``, ... (one per
            partition with at least one input, each written atomically).
        fmt: ``"jsonl"``, ``"csv"`` or ``"parquet"``; ``None`` = from the output suffix.
        errors_path: one JSON line per skipped input (rewritten each run).
        resume: skip articles whose doc_id is already in the output (JSONL file, or the part
            files of a partitioned folder, where new parts are numbered after the existing).
        reference_date: default reference date for articles without their own ``date``.
        model: spaCy model *name* loaded on each worker (``None`` = the default model).
        pattern, max_chars: as in :func:`claimx.io.iter_articles`.
        partition_size: articles (work units) per task.
        batch_size: texts per spaCy batch on the worker.
        read_on: ``"workers"`` (files travel as paths; needs a shared filesystem) or
            ``"client"`` (the client reads every file and ships the text).
        max_in_flight: partitions submitted but not yet written (default 4 per worker thread).
        quiet: no progress bar and no summary on stderr.
        timeout: seconds each article may take per started 10,000 characters, in a process
            forked by its Dask worker; over it the process is killed and the article recorded
            as ``timeout`` (see :func:`claimx.batch.run_batch`). ``None``: no deadline.
        retry_failed: with ``resume``, extract again the articles recorded as failed.
        follow_links: descend into symlinked folders (each real folder is read once).

    Returns:
        a :class:`~claimx.batch.BatchSummary` (exit code 0, 1, 130 or 143).

    Raises:
        ImportError: Dask is not installed (names ``pip install "claimx[dask]"``).
        BatchUsageError: bad paths/options (nothing written then).
        FileNotFoundError: a worker cannot see an input path (``read_on="workers"`` without a
            shared filesystem); outputs written so far stay valid for ``resume``.
    """
    started = time.perf_counter()
    path_list = check_input_paths(paths)
    if workers < 1 or partition_size < 1 or batch_size < 1 or max_chars < 1:
        raise BatchUsageError("workers, partition_size, batch_size and max_chars must be positive")
    if read_on not in ("workers", "client"):
        raise BatchUsageError(f"read_on must be 'workers' or 'client', got {read_on!r}")
    if model is not None and not isinstance(model, str):
        raise BatchUsageError("model must be a spaCy model name: workers load it themselves")
    if client is None and scheduler is None and cluster != "local":
        raise BatchUsageError("give a client, a scheduler address, or cluster='local'")
    to_stdout = output is None or str(output) == "-"
    if partitioned:
        if to_stdout:
            raise BatchUsageError("partitioned output needs a folder (-o FOLDER)")
        if fmt not in (None, "parquet"):
            raise BatchUsageError("partitioned output is Parquet")
        out_format = "parquet"
        folder = Path(output)  # type: ignore[arg-type]
        if folder.exists() and not folder.is_dir():
            raise BatchUsageError(f"partitioned output must be a folder: {folder}")
        if not folder.parent.exists():
            raise BatchUsageError(f"output folder does not exist: {folder.parent}")
    else:
        _, out_format = check_output(output, fmt, resume=resume)
    if timeout is not None and timeout <= 0:
        raise BatchUsageError("timeout must be positive")
    check_output_paths(path_list, output=None if to_stdout or partitioned else output, errors_path=errors_path)
    default_ref = parse_reference_date(reference_date)
    default_ref_s = default_ref.isoformat() if default_ref else None
    distributed = _require_distributed()

    own_client = own_cluster = None
    if client is None:
        if scheduler is not None:
            client = own_client = distributed.Client(scheduler)
        else:
            own_cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = own_client = distributed.Client(own_cluster)
    try:
        return _run(
            client, distributed, path_list, output=output, out_format=out_format, to_stdout=to_stdout,
            partitioned=partitioned, errors_path=errors_path, resume=resume, default_ref_s=default_ref_s,
            model=model, pattern=pattern, max_chars=max_chars, partition_size=partition_size,
            batch_size=batch_size, read_on=read_on, max_in_flight=max_in_flight, quiet=quiet, started=started,
            timeout=timeout, retry_failed=retry_failed, follow_links=follow_links,
        )
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def _run(
    client: Any, distributed: Any, path_list: list, *, output: Any, out_format: str, to_stdout: bool,
    partitioned: bool, errors_path: Any, resume: bool, default_ref_s: Optional[str], model: Optional[str],
    pattern: str, max_chars: int, partition_size: int, batch_size: int, read_on: str,
    max_in_flight: Optional[int], quiet: bool, started: float, timeout: Optional[float], retry_failed: bool,
    follow_links: bool,
) -> BatchSummary:
    next_part = 0
    if partitioned:
        folder = Path(output)
        folder.mkdir(exist_ok=True)
        existing = _existing_parts(folder)
        if resume:
            done_ids = _done_ids_in_parts(folder)
            if existing:
                next_part = int(existing[-1].stem[len(_PART_PREFIX):]) + 1
        else:
            for part in existing:  # a fresh run replaces the previous dataset
                part.unlink()
            done_ids = set()
    else:
        done_ids = read_done_ids(output) if resume else set()
    failed_before = read_failures(errors_path) if resume and not retry_failed else {}

    client.register_plugin(_plugin_class()(model))  # loads the model on every worker, once
    # One copy per worker, shared by all tasks (a list around it: scatter splits collections).
    not_again = frozenset(done_ids) | frozenset(failed_before)
    done_ref = client.scatter([not_again], broadcast=True)[0] if not_again else None
    if max_in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        max_in_flight = max(2, 4 * threads)

    summary = BatchSummary(output=None if to_stdout else str(output))
    stop = StopFlag()
    try:
        writer = None if partitioned else open_writer(None if to_stdout else output, out_format, append=resume)
    except OSError as exc:
        raise OutputError(f"cannot write the output {output}: {exc.strerror or exc}") from None
    from .progress import make_progress, progress_wanted

    progress = make_progress(path_list, pattern=pattern,
                             exclude=[f for f in (output, errors_path) if f is not None and str(f) != "-"],
                             enabled=progress_wanted(quiet=quiet, to_stdout=to_stdout))
    ledger = RunLedger(summary, writer=writer, errors_path=errors_path, done_ids=done_ids,
                       failed_before=failed_before, quiet=quiet, progress=progress)

    def consume(order: list, records: list) -> None:
        nonlocal next_part
        part_writer = None
        if partitioned:
            part_writer = open_writer(Path(output) / f"{_PART_PREFIX}{next_part:05d}.parquet", "parquet")
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
        for order, work in _partitions(_iter_units(path_list, pattern, max_chars, read_on, follow_links), partition_size):
            if stop.signum is not None:
                break
            fut = (
                client.submit(
                    _process_partition, work, model, default_ref_s, max_chars, batch_size, done_ref, timeout,
                    pure=False,
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
            try:
                ledger.close()
            finally:
                stop.restore()
    return finish_summary(summary, stop, started, quiet=quiet)


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
