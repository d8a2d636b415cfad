"""Batch runners' shared parts: option checks, the run ledger, signals, supervised workers.

``claimx.batch.run_batch`` (local processes) and ``claimx.distributed.extract_distributed``
(Dask) are built from these modules:

* :mod:`.options`: usage checks made before the model loads (:class:`BatchUsageError`, exit 2);
* :mod:`.summary`: :class:`BatchSummary` and exit codes;
* :mod:`.signals`: :class:`StopFlag` (SIGINT/SIGTERM);
* :mod:`.ledger`: :class:`RunLedger` (duplicates, resume, errors file, writing, progress);
* :mod:`.run`: :func:`start_run` / :class:`Run` (the ledger, writer, progress bar and end of a run,
  opened the same way by both runners) and :func:`article_context`;
* :mod:`.dask_worker` and :mod:`.dask_client`: the Dask runner's worker task and extractor cache,
  and its work units, partitions and run loop;
* :mod:`.supervisor`: :class:`Supervisor` (every article under a deadline in a worker process
  that can be killed and replaced).
"""
