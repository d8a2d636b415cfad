"""Batch extraction over corpora of articles: streaming, resumable, interruptible, supervised.

:func:`run_batch` reads articles with :func:`claimx.io.iter_articles` and extracts each one in a
worker process under a deadline (:class:`claimx.runner.supervisor.Supervisor`, ``jobs``
processes); it writes each article's claims, in input order, with a
:class:`claimx.io.ClaimWriter`. Inputs that cannot be read and articles whose extraction raises
or times out are reported in the errors file and counted in the :class:`BatchSummary`
(:class:`claimx.runner.ledger.RunLedger`). Memory use does not grow with the number of
articles, except for one set of doc_ids (to detect duplicate ids and, with ``resume``, to skip
finished articles).

Exit codes (:attr:`BatchSummary.exit_code`, see ``docs/batch.md``): 0 all articles extracted,
1 some skipped or failed, 2 usage or output error (:class:`BatchUsageError`,
:class:`~claimx.runner.ledger.OutputError`), 130 stopped by SIGINT, 143 stopped by SIGTERM,
141 standard output closed (broken pipe, CLI).
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from claimx.io import (
    DEFAULT_MAX_CHARS,
    Article,
    SkippedArticle,
    iter_articles,
    write_text,
)
from claimx.runner.ledger import OutputError, note_article, read_failures
from claimx.runner.options import (
    BatchUsageError,
    check_input_paths,
    check_output,
    check_output_paths,
    parse_reference_date,
    read_done_ids,
)
from claimx.runner.run import article_context, finish_summary, own_files, start_run
from claimx.runner.signals import StopFlag
from claimx.runner.summary import EXIT_BROKEN_PIPE, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, BatchSummary
from claimx.runner.supervisor import DEFAULT_TIMEOUT, Failure, Supervisor

__all__ = ["BatchSummary", "BatchUsageError", "OutputError", "StopFlag", "check_input_paths", "check_output",
           "check_output_paths", "parse_reference_date", "run_batch", "read_done_ids", "DEFAULT_TIMEOUT",
           "EXIT_OK", "EXIT_SKIPPED", "EXIT_USAGE", "EXIT_BROKEN_PIPE", "finish_summary"]

PathLike = Union[str, "os.PathLike[str]"]


def run_batch(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    output: Optional[PathLike] = None,
    fmt: Optional[str] = None,
    errors_path: Optional[PathLike] = None,
    resume: bool = False,
    jobs: int = 1,
    batch_size: int = 16,
    pattern: str = "*",
    max_chars: int = DEFAULT_MAX_CHARS,
    reference_date: Union[date, str, None] = None,
    model: Any = None,
    quiet: bool = False,
    save_text: Optional[PathLike] = None,
    extractor: Any = None,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    retry_failed: bool = False,
    follow_links: bool = False,
    print_summary: Optional[bool] = None,
) -> BatchSummary:
    """Extract claims from every article under ``paths`` and write them to ``output``.

    Args:
        paths: files, folders (recursive), ``"-"`` for standard input, or an iterable of them.
        output: output file; ``None`` or ``"-"`` writes JSONL (or CSV) to standard output.
        fmt: ``"jsonl"``, ``"csv"`` or ``"parquet"``; ``None`` = from the output suffix.
        errors_path: where to write one JSON line per skipped input (rewritten each run).
        resume: keep the existing JSONL ``output``, skip articles whose doc_id is in it, append;
            articles that the previous errors file (``errors_path``) records as failed
            (``extraction_error``/``timeout``) are not extracted again (their records are
            kept) unless ``retry_failed``.
        jobs: worker processes for extraction; the output is the same for any value.
        batch_size: texts per spaCy batch (the windows of one article).
        pattern: glob for files inside folders (see :func:`claimx.io.iter_articles`).
        max_chars: longer articles are skipped (``too_large``).
        reference_date: default reference date (``date`` or ``"YYYY-MM-DD"``) for articles
            without their own ``date``.
        model: spaCy model name or ``Language`` for the :class:`claimx.pipeline.Extractor`.
        quiet: no progress bar and no summary on stderr. The bar is also hidden when stderr is
            not a terminal, or when the claims stream to the terminal on stdout.
        save_text: folder where each article's text is written as ``<doc_id>.txt``.
        extractor: an object with ``pipe(items, as_tuples=True, batch_size=, n_process=)``
            (default: ``claimx.pipeline.Extractor(model, reference_date=reference_date)``);
            the worker processes inherit it.
        timeout: seconds each article may take per started 10,000 characters (default 20);
            an article over its deadline has its worker killed and is recorded as ``timeout``.
            ``None``: no deadline.
        retry_failed: with ``resume``, extract again the articles recorded as failed.
        follow_links: descend into symlinked folders (each real folder is read once).
        print_summary: print the summary line on stderr at the end (default: ``not quiet``).

    Returns:
        a :class:`BatchSummary`; its ``exit_code`` is 0, 1, 130 or 143. An article whose
        extraction raises or times out is recorded in the errors file (kind
        ``extraction_error``/``timeout``, exception type and message, claimx version) and
        counted in ``summary.failed``; the run goes on.

    Raises:
        BatchUsageError: no paths, a path that does not exist, a bad format/date/number,
            ``resume`` without a JSONL output file, or an output/errors/save-text path that is
            a folder, unwritable, or one of the inputs. Nothing has been written then.
        OutputError: an output could not be written during the run (e.g. a full device).
    """
    started = time.perf_counter()
    path_list = check_input_paths(paths)
    if jobs < 1 or batch_size < 1 or max_chars < 1:
        raise BatchUsageError("jobs, batch_size and max_chars must be positive")
    if timeout is not None and timeout <= 0:
        raise BatchUsageError("timeout must be positive")
    to_stdout, out_format = check_output(output, fmt, resume=resume)
    check_output_paths(path_list, output=None if to_stdout else output, errors_path=errors_path, save_text=save_text)
    default_ref = parse_reference_date(reference_date)

    done_ids = read_done_ids(output) if resume else set()  # type: ignore[arg-type]
    failed_before = read_failures(errors_path) if resume and not retry_failed else {}
    if extractor is None:
        from claimx.pipeline import Extractor  # type: ignore[import-not-found]

        extractor = Extractor(model, reference_date=default_ref)
    if save_text is not None:
        Path(save_text).mkdir(parents=True, exist_ok=True)

    default_ref_s = default_ref.isoformat() if default_ref else None
    own = own_files(output, errors_path, save_text)
    run = start_run(path_list, output=output, out_format=out_format, to_stdout=to_stdout, resume=resume,
                    errors_path=errors_path, done_ids=done_ids, failed_before=failed_before, pattern=pattern,
                    exclude=own, quiet=quiet, started=started)
    summary, stop, ledger = run.summary, run.stop, run.ledger

    def feed() -> Iterator[tuple[str, dict]]:
        for item in iter_articles(path_list, pattern=pattern, max_chars=max_chars, exclude=own,
                                  follow_links=follow_links):
            if stop.signum is not None:
                return
            if isinstance(item, SkippedArticle):
                ledger.skip(item)
                continue
            art: Article = item
            if not ledger.admit(art.doc_id, art.path, art.line):
                continue
            note_article(summary, art)
            if save_text is not None:
                try:
                    write_text(save_text, art)
                except OSError as exc:
                    raise OutputError(f"cannot write --save-text {save_text}: {exc.strerror or exc}") from None
            summary.articles_read += 1
            yield art.text, article_context(art, default_ref_s, path=art.path, line=art.line)

    stop.install()
    supervisor = Supervisor(extractor, workers=jobs, timeout=timeout, stop=lambda: stop.signum is not None,
                            batch_size=batch_size)
    try:
        for result, ctx in supervisor.run(feed()):
            if isinstance(result, Failure):
                ledger.failed(ctx["doc_id"], ctx["path"], ctx["line"], result)
            else:
                ledger.written(ctx["doc_id"], result)
    except KeyboardInterrupt:
        if not stop.forced:
            raise
    finally:
        try:
            supervisor.close()
        finally:
            run.close()
    return run.finish(quiet=not print_summary if print_summary is not None else quiet)

