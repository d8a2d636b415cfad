"""Dask worker side of :func:`claimx.distributed.extract_distributed`: one Extractor per worker
process (loaded by a :class:`distributed.WorkerPlugin`), and the task that extracts one partition.

Nothing here imports Dask at module level; the plugin class is built on first use.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from functools import lru_cache
from typing import Any, Iterable, Mapping, Optional

from claimx.io import Article, SkippedArticle, iter_articles

from .custom_lexicon import lexicon_key, pipeline_with_lexicon, unpack_lexicon
from .run import article_context
from .supervisor import DEFAULT_TIMEOUT, Failure, Supervisor


_EXTRACTORS: dict[str, Any] = {}  # model key -> (Extractor, Lock); per worker process
_LOADS: Counter = Counter()  # model key -> number of times an Extractor was built here
_CACHE_LOCK = threading.Lock()


def _model_key(model: Optional[str], lexicon: Optional[Mapping[str, str]] = None) -> str:
    key = lexicon_key(lexicon)
    return (model or "") + (f"+lexicon-{key}" if key else "")


def _get_extractor(model: Optional[str], lexicon: Optional[Mapping[str, str]] = None) -> tuple[Any, threading.Lock]:
    """The process's ``(Extractor, lock)`` for ``model`` and a packed custom lexicon
    (:func:`~claimx.runner.custom_lexicon.pack_lexicon`, ``None``: the packaged one), built on first use only."""
    key = _model_key(model, lexicon)
    with _CACHE_LOCK:
        entry = _EXTRACTORS.get(key)
        if entry is None:
            from claimx.pipeline import Extractor

            nlp = pipeline_with_lexicon(model, unpack_lexicon(lexicon)) if lexicon else model
            entry = (Extractor(nlp), threading.Lock())
            _EXTRACTORS[key] = entry
            _LOADS[key] += 1
    return entry


def worker_load_count(model: Optional[str] = None, lexicon: Optional[Mapping[str, str]] = None) -> int:
    """How many times this process has loaded the pipeline for ``model`` (and ``lexicon``, as given
    to :func:`_get_extractor`): 0 or 1 normally.

    Run it on every worker with ``client.run(worker_load_count, model)``; returns an ``int``.
    """
    return _LOADS[_model_key(model, lexicon)]


@lru_cache(maxsize=1)
def _plugin_class() -> type:
    from distributed import WorkerPlugin

    class ExtractorPlugin(WorkerPlugin):
        """Loads the claimx Extractor for ``model`` (with a packed custom ``lexicon``, if given)
        once when attached to a worker.

        Registered with ``client.register_plugin(ExtractorPlugin(model, lexicon))``; Dask attaches
        it to every current worker and to each worker that joins later (or restarts).
        """

        def __init__(self, model: Optional[str] = None, lexicon: Optional[Mapping[str, str]] = None) -> None:
            self.model = model
            self.lexicon = dict(lexicon) if lexicon else None
            self.name = f"claimx-extractor-{_model_key(model, lexicon) or 'default'}"

        def setup(self, worker: Any) -> None:
            _get_extractor(self.model, self.lexicon)

    return ExtractorPlugin


def _process_partition(
    units: list, model: Optional[str], default_ref: Optional[str], max_chars: int, batch_size: int,
    done_ids: Optional[frozenset] = None, timeout: Optional[float] = DEFAULT_TIMEOUT,
    lexicon: Optional[Mapping[str, str]] = None,
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
        lexicon: a custom lexicon packed by :func:`~claimx.runner.custom_lexicon.pack_lexicon`
            (``None``: the packaged lexicons).

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
            ctx = article_context(art, default_ref, slot=len(records))
            records.append(["a", about, []])
            todo.append((art.text, ctx))
    if todo:
        extractor, lock = _get_extractor(model, lexicon)
        with lock:  # a worker with several threads shares one pipeline
            supervisor = Supervisor(extractor, workers=1, timeout=timeout, batch_size=batch_size)
            for result, ctx in supervisor.run(todo):
                rec = records[ctx["slot"]]
                if isinstance(result, Failure):
                    rec[0] = "f"
                rec[2] = result
    return [tuple(r) if isinstance(r, list) else r for r in records]
