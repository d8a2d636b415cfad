"""Metric rules and metric-only candidate features added for issue 11, each on two made-up
sentences of its kind (parsed by the pinned model)."""

from __future__ import annotations

from tests.conftest import one


def _metric_features(extractor, text, quantity):
    """{candidate text: features} of the metric decision on ``quantity``."""
    from claimx.assembly import ranker

    ranker.RECORDER = []
    try:
        extractor.extract(text)
        ds = [d for d in ranker.RECORDER if d["slot"] == "metric" and d["quantity"].get("text") == quantity]
    finally:
        ranker.RECORDER = None
    assert ds, f"no metric decision on {quantity!r}"
    return {m["text"]: f for m, f in ds[0]["candidates"] if not m.get("inferred")}


# where a candidate's clause lies from the quantity's: the same, under it ("..., when output had
# fallen"), above it, or beside it ("as shipments fell" seen from "while imports dropped 2%")
def test_a_when_clause_under_the_quantitys_verb_is_inner_and_its_verb_outer(extractor):
    text = "Unit costs climbed to $41 a barrel in May, when output had fallen to 8,200 barrels a day."
    feats = _metric_features(extractor, text, "$41 a barrel")
    assert feats["Unit costs"].get("m_vclause=same") == 1.0 and feats["output"].get("m_vclause=inner") == 1.0
    assert _metric_features(extractor, text, "8,200 barrels a day")["Unit costs"].get("m_vclause=outer") == 1.0


def test_a_clause_beside_the_quantitys_is_other(extractor):
    feats = _metric_features(extractor, "Exports rose 4% in March as shipments of steel fell, while imports "
                                        "dropped 2%.", "2%")
    assert feats["imports"].get("m_vclause=same") == 1.0
    assert feats["shipments of steel"].get("m_vclause=other") == 1.0


def test_a_saying_clause_under_the_quantitys_verb_is_inner(extractor):
    feats = _metric_features(extractor, "Halden Foods lifted its net profit forecast to 610 million euros, "
                                        "saying that stronger export volumes offset higher costs.",
                             "610 million euros")
    assert feats["net profit forecast"].get("m_vclause=same") == 1.0
    assert feats["stronger export volumes"].get("m_vclause=inner") == 1.0
