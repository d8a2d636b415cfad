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
import time
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from claimx.io import DEFAULT_MAX_CHARS
from claimx.runner.custom_lexicon import pack_lexicon
from claimx.runner.dask_client import run_on_cluster
from claimx.runner.dask_worker import (  # noqa: F401  (_EXTRACTORS, _get_extractor: test hooks)
    _EXTRACTORS,
    _get_extractor,
    _plugin_class,
    _process_partition,
    worker_load_count,
)
from claimx.runner.options import BatchUsageError, check_input_paths, check_output, check_output_paths, parse_reference_date
from claimx.runner.summary import BatchSummary
from claimx.runner.supervisor import DEFAULT_TIMEOUT

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

def _require_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return distributed


def __getattr__(name: str) -> Any:  # lazy: ``from claimx.distributed import ExtractorPlugin``
    if name == "ExtractorPlugin":
        return _require_distributed() and _plugin_class()
    raise AttributeError(name)


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
    lexicon: Optional[PathLike] = None,
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
        lexicon: a custom lexicon folder (``cues.json`` and/or ``syntax.json``, see
            :func:`claimx.lexicons.from_dir`), checked here and shipped to the workers as its
            contents (they need not see the client's files).

    Returns:
        a :class:`~claimx.batch.BatchSummary` (exit code 0, 1, 130 or 143).

    Raises:
        ImportError: Dask is not installed (names ``pip install "claimx[dask]"``).
        BatchUsageError: bad paths/options, or a bad ``lexicon`` folder (nothing written then).
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
    lexicon_files = pack_lexicon(lexicon) if lexicon is not None else None
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
        return run_on_cluster(
            client, distributed, path_list, output=output, out_format=out_format, to_stdout=to_stdout,
            partitioned=partitioned, errors_path=errors_path, resume=resume, default_ref_s=default_ref_s,
            model=model, pattern=pattern, max_chars=max_chars, partition_size=partition_size,
            batch_size=batch_size, read_on=read_on, max_in_flight=max_in_flight, quiet=quiet, started=started,
            timeout=timeout, retry_failed=retry_failed, follow_links=follow_links, lexicon=lexicon_files,
        )
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()
