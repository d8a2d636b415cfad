"""The fitted slot weights: they rebuild from the training script to the same file, and they load."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from claimx.assembly import ranker
from claimx.assembly.candidates import Candidate

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("train_slots", ROOT / "scripts" / "train_slots.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_the_weights_rebuild_to_the_same_file():
    pytest.importorskip("sklearn", reason="scikit-learn is in the 'train' and 'test' extras")
    mod = _script()
    text = json.dumps(mod.build(), indent=1, sort_keys=True) + "\n"
    assert text == mod.OUT.read_text(encoding="utf-8")


def test_the_weights_file_has_both_slots():
    w = ranker.load_weights()
    for slot in ("metric", "entity"):
        assert isinstance(w[slot]["use"], bool)
        assert w[slot]["weights"], "a fitted slot has weights"
        assert w[slot]["figures"]["fitted"] >= w[slot]["figures"]["rule"]


def test_the_highest_score_wins_and_ties_go_to_the_first():
    a = Candidate({"text": "revenue", "start_char": 0, "end_char": 7}, None, {"rule"}, {"bias": 1.0, "src=rule": 1.0})
    b = Candidate({"text": "sales", "start_char": 9, "end_char": 14}, None, {"chunk"}, {"bias": 1.0, "src=chunk": 1.0})
    assert ranker.score(a, {"bias": 0.5, "src=rule": 1.0}) == 1.5
    saved = ranker.load_weights
    try:
        ranker.load_weights = lambda: {"metric": {"use": True, "weights": {"src=chunk": 2.0}}}
        assert ranker.choose("metric", [a, b]) is b
        ranker.load_weights = lambda: {"metric": {"use": True, "weights": {}}}
        assert ranker.choose("metric", [a, b]) is a
        assert ranker.choose("metric", []) is None
    finally:
        ranker.load_weights = saved


def test_the_cv_folds_are_disjoint_cover_every_document_and_are_the_same_each_time():
    mod = _script()
    docs = ["dB02", "dA01", "dA05", "dB11", "dA02", "dB01", "dA07"]
    folds = mod.folds(docs, 3)
    assert len(folds) == 3
    flat = [d for f in folds for d in f]
    assert sorted(flat) == sorted(docs) and len(set(flat)) == len(flat)
    assert folds == mod.folds(list(reversed(docs)), 3)
    assert [len(f) for f in folds] == [3, 2, 2]
    with pytest.raises(ValueError):
        mod.folds(docs, 1)
    with pytest.raises(ValueError):
        mod.folds(docs, 8)


def test_the_chooser_replay_gives_the_rule_its_margin():
    mod = _script()
    cands = [({"src=rule": 1.0, "x": 1.0}, 0), ({"src=chunk": 1.0, "y": 1.0}, 1)]
    assert mod.picks(cands, {"y": 0.8}, 0.0) == 1
    assert mod.picks(cands, {"y": 0.8}, 1.0) == 0          # the rule's pick keeps the slot
    assert mod.picks(cands, {"y": 0.8, "x": -0.5}, 1.0) == 1
    assert mod.picks([], {}, 1.0) == -1


def _pair(doc_id, good, bad):
    """One recorded entity decision: the accepted candidate has features ``good``, the other ``bad``."""
    d = {"slot": "entity", "doc_id": doc_id, "weight": 1.0,
         "candidates": [({"text": "Acme"}, good), ({"text": "output"}, bad)]}
    return d, {"entity": {"text": "Acme"}}


def test_dropped_families_and_rare_features_get_no_weight():
    pytest.importorskip("sklearn", reason="scikit-learn is in the 'train' and 'test' extras")
    mod = _script()
    pairs = [_pair(f"d{i}", {"named=1": 1.0, "topic_rank=1": 1.0}, {"len=<=1": 1.0}) for i in range(6)]
    pairs.append(_pair("d9", {"named=1": 1.0, "prep=beside": 1.0}, {"len=<=1": 1.0}))
    cfg = {"l2": 1.0, "min_support": 0, "drop_families": [], "bags": 0}
    w = mod.fit_weights("entity", pairs, cfg)
    assert w["named=1"] > 0 and w["topic_rank=1"] > 0 and w["prep=beside"] > 0 and w["len=<=1"] < 0
    w = mod.fit_weights("entity", pairs, dict(cfg, drop_families=["topic_rank"], min_support=2))
    assert "topic_rank=1" not in w and "prep=beside" not in w and w["named=1"] > 0
    bagged = mod.fit_weights("entity", pairs, dict(cfg, bags=3))
    assert bagged == mod.fit_weights("entity", pairs, dict(cfg, bags=3)) and bagged["named=1"] > 0


def _ablation():
    spec = importlib.util.spec_from_file_location("slot_ablation", ROOT / "scripts" / "slot_ablation.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_ablation_table_shows_what_a_family_is_worth_held_out():
    pytest.importorskip("sklearn", reason="scikit-learn is in the 'train' and 'test' extras")
    mod, ab = _script(), _ablation()
    # in training the accepted candidate always has "named" and "noise", the other "len"
    train = [_pair(f"t{i}", {"named=1": 1.0, "noise=a": 1.0}, {"len=<=1": 1.0}) for i in range(4)]
    # held out: only "named" tells h1 apart; on h2 "noise" sits on the wrong candidate (listed first)
    h1 = {"slot": "entity", "doc_id": "h1", "weight": 1.0,
          "candidates": [({"text": "output"}, {"chars=<=10": 1.0}), ({"text": "Acme"}, {"named=1": 1.0})]}
    h2 = {"slot": "entity", "doc_id": "h2", "weight": 1.0,
          "candidates": [({"text": "output"}, {"noise=a": 1.0}), ({"text": "Acme"}, {"named=1": 1.0})]}
    held = [(h1, {"entity": {"text": "Acme"}}), (h2, {"entity": {"text": "Acme"}})]
    cfg = {"l2": 1.0, "min_support": 0, "drop_families": ["topic_rank"], "bags": 0, "rule_margin": 0.0}
    rows = ab.family_rows("entity", [(train, held)] * 2, cfg, mod.fit_weights, mod.claims, mod.picks)
    by = {r[0]: r for r in rows}
    assert set(by) == {"named", "noise", "len", "topic_rank"}
    # with everything: h1 right, h2 a tie that goes to the first (wrong) candidate
    assert by["noise"][1:4] == ("drop", 0.5, 2)     # without "noise" both held-out claims are right
    assert by["named"][1:4] == ("drop", -0.5, -2)   # without "named" neither is
    assert by["len"][2:4] == (0.0, 0) and by["topic_rank"][1:4] == ("add", 0.0, 0)
    assert [r[0] for r in rows] == ["noise", "len", "topic_rank", "named"]
    text = ab.report("entity", rows)
    assert text.splitlines()[1].split() == ["drop", "noise", "+0.500", "+2", "+0.500", "+0.500"]


def test_the_held_out_listing_shows_only_misses_with_the_accepted_candidates_rank():
    mod = _script()
    cfg = {"entity": {"rule_margin": 0.0}}

    def decision(qtext, cands):
        return {"slot": "entity", "doc_id": "d1", "doc_text": "Exports of Chile rose 5%.",
                "quantity": {"text": qtext}, "candidates": cands}

    chile = ({"text": "Chile", "start_char": 11, "end_char": 16}, {"ner=GPE": 1.0})
    exports = ({"text": "Exports", "start_char": 0, "end_char": 7}, {"src=rule": 1.0, "dep=nsubj": 1.0})
    gold = {"entity": {"text": "Chile", "start_char": 11, "end_char": 16}}
    runs = [{"weights": {"entity": {"weights": {"dep=nsubj": 2.0, "ner=GPE": 1.0}}},
             "held": [(decision("5%", [exports, chile]), gold),
                      (decision("6%", [chile, exports]), {"entity": None})]}]
    text = mod.held_out_errors("entity", runs, cfg)
    assert "chosen 'Exports'  rule 'Exports'  accepted: 'Chile' (rank 2)" in text
    assert text.endswith("entity: 1 held-out misses of 1 claims")
    runs[0]["weights"]["entity"]["weights"]["ner=GPE"] = 3.0
    assert mod.held_out_errors("entity", runs, cfg) == "entity: 0 held-out misses of 1 claims"
