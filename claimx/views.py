"""The bodies of ``claimx show`` and ``claimx eval --html``: read articles, extract, write a page.

The rendering itself is in :mod:`claimx.render`; this module does the input and output around it
(reading articles as ``claimx extract`` does, skipping unreadable ones with their reason, writing the
page in one piece so that a failed run leaves no half-written file).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

__all__ = ["read_articles", "run_show", "write_eval_page", "write_page"]


def write_page(output: Path, page: str) -> None:
    """Write ``page`` to ``output`` (``-``: standard output) atomically (temporary file + rename)."""
    if str(output) == "-":
        sys.stdout.write(page)
        sys.stdout.flush()
        return
    output = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=".claimx-", suffix=".html", dir=output.parent if str(output.parent) else ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(page)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def read_articles(paths: Sequence[str], *, pattern: str = "*", max_chars: int = 5_000_000) -> tuple[list, list]:
    """``(articles, skipped)`` under ``paths`` (:func:`claimx.io.iter_articles`); skipped inputs are also
    reported on standard error with their reason.

    :raises claimx.batch.BatchUsageError: no paths, or a path that does not exist.
    """
    from .batch import check_input_paths
    from .io import SkippedArticle, iter_articles

    articles, skipped = [], []
    for item in iter_articles(check_input_paths(paths), pattern=pattern, max_chars=max_chars):
        if isinstance(item, SkippedArticle):
            skipped.append(item)
            print(f"claimx: skipped {item.path}: {item.reason}", file=sys.stderr)
        else:
            articles.append(item)
    return articles, skipped


def _check_output(output: Path, fail: Callable[[str], Exception]) -> None:
    if str(output) != "-" and not Path(output).resolve().parent.is_dir():
        raise fail(f"output folder does not exist: {Path(output).parent}")


def run_show(paths: Sequence[str], *, output: Path, claims_file: Optional[Path], model: Optional[str],
             reference_date: Optional[str], pattern: str, max_chars: int, fail: Callable[[str], Exception]) -> int:
    """Read, extract (or load ``claims_file``) and write the ``claimx show`` page; returns the exit code
    (0, or 1 when inputs were skipped). ``fail(message)`` builds the usage error (exit code 2) raised
    for a missing input, a bad date, a missing model or output folder."""
    from .batch import BatchUsageError, parse_reference_date
    from .evaluate import load_claims
    from .pipeline import ModelNotFoundError
    from .render import show_page

    _check_output(output, fail)
    try:
        default_ref = parse_reference_date(reference_date)
        articles, skipped = read_articles(paths, pattern=pattern, max_chars=max_chars)
        given = load_claims(claims_file) if claims_file is not None else None
    except (BatchUsageError, OSError, ValueError) as exc:
        raise fail(str(exc)) from None
    if not articles:
        raise fail("no readable article in the inputs")
    if given is not None:
        by_doc: dict[str, list[dict]] = {}
        for c in given:
            by_doc.setdefault(str(c.get("doc_id")), []).append(c)
        per_article = [by_doc.get(a.doc_id, []) for a in articles]
    else:
        from .pipeline import Extractor

        try:
            ex = Extractor(model, reference_date=default_ref)
        except ModelNotFoundError as exc:
            raise fail(str(exc)) from None
        items = [(a.text, {"doc_id": a.doc_id, **({"reference_date": a.date.isoformat()} if a.date else {})})
                 for a in articles]
        per_article = [[c.model_dump(mode="json") for c in claims] for claims, _ in ex.pipe(items, as_tuples=True)]
    page = show_page([(a.doc_id, a.text, cl) for a, cl in zip(articles, per_article)])
    write_page(output, page)
    n = sum(len(c) for c in per_article)
    if str(output) != "-":
        print(f"claimx: wrote {output} ({len(articles)} article{'s' if len(articles) != 1 else ''}, {n} claims"
              + (f", {len(skipped)} skipped" if skipped else "") + ")", file=sys.stderr)
    return 1 if skipped else 0


def write_eval_page(output: Path, gold: Sequence[dict], pred: Sequence[dict], *, texts: Mapping[str, str],
                    fail: Callable[[str], Exception], articles: Sequence[str] = (),
                    doc_ids: Optional[Sequence[str]] = None, reports: Optional[Mapping[str, Any]] = None,
                    title: str = "claimx eval") -> None:
    """Write the ``claimx eval --html`` page. Article texts come from ``texts`` (a corpus directory or a
    cases file) and from the ``articles`` paths, read like ``claimx extract`` does; every article with
    gold or predicted claims needs its text, else ``fail`` is raised naming the first ones missing."""
    from .batch import BatchUsageError
    from .render import eval_page

    _check_output(output, fail)
    all_texts = dict(texts)
    if articles:
        try:
            found, _skipped = read_articles(articles)
        except BatchUsageError as exc:
            raise fail(str(exc)) from None
        all_texts.update({a.doc_id: a.text for a in found})
    if doc_ids is None:
        doc_ids = sorted({str(c.get("doc_id")) for c in (*gold, *pred)})
    missing = [d for d in doc_ids if d not in all_texts]
    if missing:
        raise fail(f"--html needs the text of every article; none for {', '.join(missing[:3])}"
                   + (" ..." if len(missing) > 3 else "") + " (give the articles with --articles PATH)")
    write_page(output, eval_page(all_texts, gold, pred, doc_ids=doc_ids, reports=reports, title=title))
    if str(output) != "-":
        print(f"claimx: wrote {output} ({len(doc_ids)} articles)", file=sys.stderr)
