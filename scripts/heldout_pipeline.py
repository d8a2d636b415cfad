"""Held-out accuracy of the whole pipeline's metric and entity slots on the tune documents of corpus/dev.

``scripts/train_slots.py --cv K`` scores the learned chooser's pick among each claim's candidates;
the rules the assembly applies after the chooser (:mod:`claimx.assembly.metric_topic`,
:mod:`claimx.assembly.metric_breakdown`, the restatement pass) are not in that figure. This script
runs the same document-grouped K folds (weights fitted without the held-out documents), extracts
each held-out document with its fold's weights in place and scores the final claims as
``claimx eval`` does, so that a late rule is judged on documents the weights never saw. The check
documents are never read.

    python scripts/heldout_pipeline.py            # pooled held-out metric and entity accuracy, K=4
    python scripts/heldout_pipeline.py --show metric   # and the held-out misses of one slot
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLOTS = ("metric", "entity")


def heldout(k: int, show: "str | None" = None) -> tuple[dict, list[str]]:
    """({slot: (right, matched required claims)}, lines listing the misses of ``show``) over the
    ``k`` folds of :func:`scripts.train_slots.fold_runs`."""
    from claimx.assembly import ranker
    from claimx.evaluate.match import align_doc
    from claimx.evaluate.slots import compare_slots
    from scripts import train_slots as ts

    cfg = ts.settings()
    setup = ts._setup(cfg)
    corpus, extractor, _ = setup
    totals = {s: [0, 0] for s in SLOTS}
    lines: list[str] = []
    saved = ranker.load_weights
    try:
        for run in ts.fold_runs(k, cfg, setup):
            ranker.load_weights = lambda w=run["weights"]: w
            for doc_id in run["docs"]:
                text = corpus.texts[doc_id]
                pred = [c.model_dump(mode="json") for c in
                        extractor.extract(text, doc_id=doc_id, reference_date=corpus.dates.get(doc_id))]
                gold = [g for g in corpus.gold if g.get("doc_id") == doc_id]
                for g, p in align_doc(gold, pred):
                    if g is None or p is None or g.get("optional"):
                        continue
                    ok = compare_slots(g, p)
                    for s in SLOTS:
                        totals[s][0] += ok[s]
                        totals[s][1] += 1
                    if show and not ok[show]:
                        q = g["quantity"]
                        lines.append(f"{doc_id}  {q['text']!r}  gold {(g.get(show) or {}).get('text')!r}  "
                                     f"pred {(p.get(show) or {}).get('text')!r}")
    finally:
        ranker.load_weights = saved
    return {s: tuple(v) for s, v in totals.items()}, lines


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv", type=int, default=4, metavar="K", help="number of folds (default 4)")
    ap.add_argument("--show", choices=SLOTS, help="list the held-out misses of this slot")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    totals, lines = heldout(args.cv, args.show)
    for line in lines:
        print(line)
    for s, (right, n) in totals.items():
        print(f"held-out pipeline {s}: {right}/{n} = {right / max(n, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
