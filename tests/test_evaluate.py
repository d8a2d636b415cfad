"""Tests of claimx.evaluate: every scoring rule of docs/GOLD.md, with exact figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.evaluate import (
    SLOTS,
    EvalReport,
    cases_to_gold,
    compare_slots,
    content_tokens,
    format_report,
    load_claims,
    normalize_text,
    plain_tokens,
    score,
    token_f1,
)

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "corpus" / "gold" / "000_21124bc296aca1d1.gold.jsonl"
CASES = ROOT / "corpus" / "cases" / "cases.jsonl"


def mk(start: int, end: int, text: str = "q", *, doc: str = "d", value=1.0, unit=None, **kw) -> dict:
    """A minimal claim dict with quantity span [start, end)."""
    q = {"text": text, "start_char": start, "end_char": end, "value": value, "unit": unit}
    q.update(kw.pop("q", {}))
    claim = {"doc_id": doc, "quantity": q}
    claim.update(kw)
    return claim


def ent(text, start=None, end=None, **kw):
    return {"text": text, "start_char": start, "end_char": end, **kw}


# --------------------------------------------------------------------------- matching / detection


def test_largest_overlap_first_wins_over_input_order():
    gold = [mk(0, 10, value=5)]
    p_small = mk(5, 12, value=7)  # overlaps 5 chars, listed first
    p_big = mk(0, 10, value=5)  # overlaps 10 chars
    r = score(gold, [p_small, p_big])
    assert (r.tp, r.fp, r.fn) == (1, 1, 0)
    assert r.false_positives == [p_small]
    assert r.slots["value"].correct == 1  # the big-overlap pred (value 5) was the one matched


def test_greedy_global_assignment_across_two_golds():
    # pred A overlaps g1 by 3 and g2 by 4; pred B overlaps g1 by 2 only.
    g1, g2 = mk(0, 10, "g1"), mk(13, 20, "g2")
    pa, pb = mk(7, 17, "pa"), mk(0, 2, "pb")
    r = score([g1, g2], [pa, pb])
    assert (r.tp, r.fp, r.fn) == (2, 0, 0)
    # pa goes to g2 (4 > 3); pb then takes g1.
    r2 = score([g1, g2], [pa])
    assert (r2.tp, r2.fp, r2.fn) == (1, 0, 1)
    assert r2.false_negatives == [g1]


def test_one_to_one_two_preds_on_one_gold_gives_one_fp():
    gold = [mk(10, 20)]
    r = score(gold, [mk(10, 20), mk(12, 18)])
    assert (r.tp, r.fp, r.fn) == (1, 1, 0)
    assert r.precision == 0.5 and r.recall == 1.0
    assert r.f1 == pytest.approx(2 / 3)


def test_touching_spans_do_not_overlap():
    r = score([mk(0, 5)], [mk(5, 9)])
    assert (r.tp, r.fp, r.fn) == (0, 1, 1)
    assert (r.precision, r.recall, r.f1) == (0.0, 0.0, 0.0)


def test_matching_is_within_doc_id_only():
    r = score([mk(0, 5, doc="a")], [mk(0, 5, doc="b")])
    assert (r.tp, r.fp, r.fn) == (0, 1, 1)
    assert set(r.per_doc) == {"a", "b"}
    assert (r.per_doc["a"].fn, r.per_doc["b"].fp) == (1, 1)


def test_optional_gold_neither_rewarded_nor_penalised():
    gold = [mk(0, 5), mk(10, 15, optional=True), mk(20, 25, optional=True)]
    pred = [mk(0, 5), mk(11, 14)]  # second pred hits an optional gold
    r = score(gold, pred)
    assert (r.tp, r.fp, r.fn, r.ignored) == (1, 0, 0, 1)
    assert (r.n_gold, r.n_gold_required, r.n_gold_optional, r.n_pred) == (3, 1, 2, 2)
    assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
    assert all(s.total == 1 for s in r.slots.values())  # slots only on the required pair


def test_required_preferred_over_optional_on_equal_overlap():
    gold = [mk(0, 10, optional=True), mk(0, 10)]
    r = score(gold, [mk(0, 10)])
    assert (r.tp, r.fp, r.fn, r.ignored) == (1, 0, 0, 0)


def test_alt_text_does_not_change_matching():
    gold = [mk(10, 18, "below 1%", q={"alt_text": ["x 1%"]})]
    r = score(gold, [mk(0, 9, "x 1%")])
    assert (r.tp, r.fp, r.fn) == (0, 1, 1)


def test_pred_without_span_is_fp():
    p = {"doc_id": "d", "quantity": {"text": "5%", "value": 5, "unit": "%"}}
    r = score([mk(0, 2)], [p])
    assert (r.tp, r.fp, r.fn) == (0, 1, 1)


def test_empty_inputs_and_doc_ids():
    r = score([], [], doc_ids=["c1", "c2"])
    assert (r.tp, r.fp, r.fn) == (0, 0, 0)
    assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
    assert set(r.per_doc) == {"c1", "c2"}
    assert r.per_doc["c1"].f1 == 1.0
    r2 = score([mk(0, 5)], [])
    assert (r2.precision, r2.recall, r2.f1) == (1.0, 0.0, 0.0)


# --------------------------------------------------------------------------- value / unit


@pytest.mark.parametrize(
    ("gold_q", "pred_q", "ok"),
    [
        ({"value": 757580000000.0}, {"value": 757580000000.0 * (1 + 5e-7)}, True),
        ({"value": 757580000000.0}, {"value": 757580000000.0 * (1 + 2e-6)}, False),
        ({"value": 0}, {"value": 0.0}, True),
        ({"value": 0}, {"value": 1e-9}, False),
        ({"value": 0.3333}, {"value": 0.3333}, True),
        ({"value": -9.5}, {"value": 9.5}, False),
        ({"value": None}, {"value": None}, True),
        ({"value": None}, {"value": 3.0}, False),
        ({"value": 5}, {"value": None}, False),
        ({"value": None, "lower": 3, "upper": 5}, {"value": None, "lower": 3, "upper": 5}, True),
        ({"value": None, "lower": 3, "upper": 5}, {"value": None, "lower": 3, "upper": 6}, False),
        ({"value": None, "lower": 3, "upper": 5}, {"value": None}, False),
        ({"value": None, "lower": -40, "upper": 85}, {"value": None, "lower": -40.0000001, "upper": 85}, True),
        # base_value equal although value differs (72 h vs 3 d)
        ({"value": 72, "base_value": 259200.0}, {"value": 3, "base_value": 259200.0}, True),
        ({"value": 72, "base_value": 259200.0}, {"value": 3, "base_value": 259300.0}, False),
        ({"value": 72, "base_value": 259200.0}, {"value": 3}, False),
    ],
)
def test_value_slot(gold_q, pred_q, ok):
    g = mk(0, 3, q=gold_q)
    p = mk(0, 3, q=pred_q)
    assert compare_slots(g, p)["value"] is ok


@pytest.mark.parametrize(
    ("gold_q", "pred_q", "ok"),
    [
        ({"unit": "USD"}, {"unit": "USD"}, True),
        ({"unit": "USD"}, {"unit": "EUR"}, False),
        ({"unit": None}, {"unit": None}, True),
        ({"unit": None}, {"unit": "%"}, False),
        ({"unit": "h", "base_unit": "s"}, {"unit": "d", "base_unit": "s"}, True),
        ({"unit": "PB", "base_unit": "B"}, {"unit": "TB", "base_unit": "s"}, False),
        ({"unit": "USD"}, {"unit": "EUR", "base_unit": None}, False),
    ],
)
def test_unit_slot(gold_q, pred_q, ok):
    assert compare_slots(mk(0, 3, q=gold_q), mk(0, 3, q=pred_q))["unit"] is ok


def test_missing_fields_default():
    g = mk(0, 3, q={"comparator": "="}, kind="level", modality="asserted")
    p = mk(0, 3)  # no comparator, kind, modality
    v = compare_slots(g, p)
    assert v["comparator"] and v["kind"] and v["modality"]
    g2 = mk(0, 3, q={"comparator": ">"}, kind="change", modality="forecast")
    v2 = compare_slots(g2, p)
    assert not v2["comparator"] and not v2["kind"] and not v2["modality"]
    # gold missing fields, pred explicit defaults
    v3 = compare_slots(mk(0, 3), mk(0, 3, q={"comparator": "="}, kind="level", modality="asserted"))
    assert v3["comparator"] and v3["kind"] and v3["modality"]
    # every slot right on two bare claims (all optional slots null on both sides)
    assert all(compare_slots(mk(0, 3), mk(0, 3)).values())


# --------------------------------------------------------------------------- entity


def test_normalize_text():
    assert normalize_text("China’s") == "china"
    assert normalize_text("The  Sandbox") == "sandbox"
    assert normalize_text("an API") == "api"
    assert normalize_text("A heavy company") == "heavy company"
    assert normalize_text("DeepSeek—V4") == "deepseek-v4"
    assert normalize_text("DeepSeek–V4") == "deepseek-v4"
    assert normalize_text("“Made in China”") == '"made in china"'
    assert normalize_text("the companies’ revenue") == "companies revenue"
    assert normalize_text("Theranos") == "theranos"  # "the" only as a separate word
    assert normalize_text(None) == ""


@pytest.mark.parametrize(
    ("gold_e", "pred_e", "ok"),
    [
        (ent("China", 10, 15), ent("China's", 10, 17), True),  # possessive
        (ent("China", 10, 15), ent("China’s", 40, 47), True),  # text match needs no overlap
        (ent("the sandbox", 5, 16), ent("Sandbox", 9, 16), True),  # article
        (ent("DeepSeek—V4", 0, 11), ent("deepseek-v4", 50, 61), True),  # dash + case
        (ent("“Vireo TV”", 0, 10), ent('"Vireo TV"', 30, 40), True),  # curly quotes
        (ent("global AI market", 0, 16, alt=["AI market"]), ent("the AI market", 80, 93), True),  # alt
        (ent("Japan", 0, 5), ent("Korea", 0, 5), False),
        # containment with overlap: pred adds 3 content words ("major", "key", "industries")
        (ent("China", 30, 35), ent("major key industries in China", 10, 35), True),
        # 4 extra content words fail
        (ent("China", 30, 35), ent("major key heavy industries in China", 4, 35), False),
        # stop words do not count as extra: "of the" + 3 content words
        (ent("Shandong", 40, 48), ent("a heavy equipment company of the Shandong", 7, 48), True),
        # gold contains pred (pred shorter)
        (ent("a heavy equipment manufacturing company in Shandong", 0, 51), ent("manufacturing company", 24, 45), True),
        # containment but spans do not overlap
        (ent("China", 30, 35), ent("industries in China", 100, 119), False),
        # not a contiguous run of words
        (ent("Deccan Bank", 0, 11), ent("Deccan Rural Bank", 0, 17), False),
        # inferred gold entity: text match only
        (ent("China", None, None, inferred=True), ent("China", 3, 8), True),
        (ent("China", 0, 5, inferred=True), ent("industries in China", 0, 19), False),
        (None, None, True),
        (ent("China", 0, 5), None, False),
        (None, ent("China", 0, 5), False),
    ],
)
def test_entity_slot(gold_e, pred_e, ok):
    assert compare_slots(mk(50, 53, entity=gold_e), mk(50, 53, entity=pred_e))["entity"] is ok


# --------------------------------------------------------------------------- metric / attribution


def test_content_tokens_and_f1():
    assert content_tokens("the top 10 open-source models globally") == ["10", "open", "source", "models", "globally"]
    assert content_tokens("China’s share of global downloads") == ["china", "share", "global", "downloads"]
    assert content_tokens("more than") == ["more", "than"]  # all stop words: keep them
    assert token_f1(["net", "profit"], ["net", "income"]) == 0.5
    assert token_f1([], ["a"]) == 0.0
    assert token_f1(["a", "a", "b"], ["a", "b", "b"]) == pytest.approx(2 / 3)  # multiset counts
    assert token_f1(["net", "net"], ["net"]) == pytest.approx(2 / 3)
    assert plain_tokens("According to the IEA’s data") == ["according", "to", "the", "iea", "s", "data"]


@pytest.mark.parametrize(
    ("gold_m", "pred_m", "ok"),
    [
        ({"text": "net profit"}, {"text": "net income"}, True),  # F1 exactly 0.5
        ({"text": "net profit"}, {"text": "net operating income"}, False),  # F1 0.4
        ({"text": "net profit"}, {"text": "the net profit of the"}, True),  # stop words ignored: 1.0
        ({"text": "core AI industry scale"}, {"text": "industry scale"}, True),  # 2/3
        ({"text": "share of global downloads of open-source models"}, {"text": "global market"}, False),
        ({"text": "top 10 open-source models globally", "alt": ["open-source models"]}, {"text": "models"}, True),
        (None, None, True),
        ({"text": "revenue"}, None, False),
        (None, {"text": "revenue"}, False),
    ],
)
def test_metric_slot(gold_m, pred_m, ok):
    assert compare_slots(mk(0, 3, metric=gold_m), mk(0, 3, metric=pred_m))["metric"] is ok


@pytest.mark.parametrize(
    ("gold_a", "pred_a", "ok"),
    [
        ({"text": "Recent statistics show"}, {"text": "statistics show"}, True),  # 0.8
        ({"text": "according to the IEA"}, {"text": "according to IEA"}, True),
        ({"text": "Research shows"}, {"text": "A technical leader remarked"}, False),
        ({"text": "according to the IEA"}, {"text": "the IEA"}, True),  # 2*(1*.5)/1.5 = 0.667
        ({"text": "according to the IEA said"}, {"text": "the IEA"}, True),  # all words: P=1, R=.4, F1=.571
        ({"text": "according to the International Energy Agency"}, {"text": "the IEA"}, False),  # F1=.25
        (None, None, True),
        (None, {"text": "Research shows"}, False),
    ],
)
def test_attribution_slot(gold_a, pred_a, ok):
    assert compare_slots(mk(0, 3, attribution=gold_a), mk(0, 3, attribution=pred_a))["attribution"] is ok


# --------------------------------------------------------------------------- timeframe / hedge


@pytest.mark.parametrize(
    ("gold_t", "pred_t", "ok"),
    [
        ({"value": "2025", "relation": "by"}, {"value": "2025", "relation": "by"}, True),
        ({"value": "2025", "relation": "by"}, {"value": "2025", "relation": "in"}, False),
        ({"value": "XXXX-Q1", "relation": "as_of"}, {"value": "2025-Q1", "relation": "as_of"}, True),
        ({"value": "XXXX-Q1", "relation": "as_of"}, {"value": "XXXX-Q1", "relation": "as_of"}, True),
        ({"value": "XXXX-Q1", "relation": "as_of"}, {"value": "2025-Q2", "relation": "as_of"}, False),
        ({"value": "XXXX-H1", "relation": "in"}, {"value": "2025-H1-X", "relation": "in"}, False),  # length
        ({"value": "2025-Q1", "relation": "in"}, {"value": "XXXX-Q1", "relation": "in"}, False),  # X only in gold
        ({"value": "2025/2031", "relation": "between"}, {"value": "2025/2031", "relation": "between"}, True),
        ({"value": "2025"}, {"value": "2025", "relation": "in"}, True),  # missing relation = in
        (None, None, True),
        ({"value": "2025", "relation": "in"}, None, False),
        (None, {"value": "2025", "relation": "in"}, False),
    ],
)
def test_timeframe_slot(gold_t, pred_t, ok):
    assert compare_slots(mk(0, 3, timeframe=gold_t), mk(0, 3, timeframe=pred_t))["timeframe"] is ok


@pytest.mark.parametrize(
    ("gold_h", "pred_h", "ok"),
    [
        ({"text": "expected to"}, {"text": "is Expected"}, True),
        ({"text": "will"}, {"text": "expected to"}, False),
        ({"text": "is projected to reach"}, {"text": "projected"}, True),
        (None, None, True),
        ({"text": "will"}, None, False),
        (None, {"text": "may"}, False),
    ],
)
def test_hedge_slot(gold_h, pred_h, ok):
    assert compare_slots(mk(0, 3, hedge=gold_h), mk(0, 3, hedge=pred_h))["hedge"] is ok


# --------------------------------------------------------------------------- strict figures / report


def _three_claim_run() -> EvalReport:
    gold = [
        mk(0, 5, "5%", value=5, unit="%", gold_id="d#1", metric={"text": "yield rate"}),
        mk(10, 20, "$3 billion", value=3e9, unit="USD", gold_id="d#2", modality="forecast", hedge={"text": "will"}),
    ]
    pred = [
        mk(0, 5, "5%", value=5, unit="%", metric={"text": "yield rate"}),
        mk(10, 20, "$3 billion", value=3e9, unit="CNY", modality="forecast", hedge={"text": "will"}),
        mk(30, 33, "V4", value=4),
    ]
    return score(gold, pred)


def test_strict_figures_use_detection_denominators():
    r = _three_claim_run()
    assert (r.tp, r.fp, r.fn, r.strict_tp) == (2, 1, 0, 1)
    assert r.precision == pytest.approx(2 / 3)
    assert r.recall == 1.0
    assert r.f1 == pytest.approx(0.8)
    assert r.strict_precision == pytest.approx(1 / 3)
    assert r.strict_recall == pytest.approx(1 / 2)
    assert r.strict_f1 == pytest.approx(0.4)
    assert (r.slots["unit"].correct, r.slots["unit"].total) == (1, 2)
    assert r.slots["unit"].accuracy == 0.5
    assert r.slot_accuracy()["value"] == 1.0
    assert len(r.slot_errors) == 1
    pe = r.slot_errors[0]
    assert (pe.gold_id, pe.gold_text, pe.gold_start, pe.gold_end) == ("d#2", "$3 billion", 10, 20)
    assert [(e.slot, e.gold, e.pred) for e in pe.errors] == [("unit", {"unit": "USD"}, {"unit": "CNY"})]
    d = r.per_doc["d"]
    assert (d.tp, d.fp, d.fn, d.strict_tp) == (2, 1, 0, 1)
    assert d.strict_f1 == pytest.approx(0.4)


def test_report_is_json_serialisable_and_formatted():
    r = _three_claim_run()
    d = json.loads(json.dumps(r.to_dict()))
    assert d["slots"]["unit"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert d["per_doc"]["d"]["tp"] == 2
    assert d["false_positives"][0]["quantity"]["text"] == "V4"
    json.loads(r.model_dump_json())
    text = format_report(r)
    assert "detection  P=0.667 R=1.000 F1=0.800" in text
    assert "strict     TP=1 P=0.333 R=0.500 F1=0.400" in text
    assert "unit               1     2    0.500" in text
    assert "false positives (1):\n  d  'V4'  30-33" in text
    assert "false negatives (0):\n  (none)" in text
    assert 'unit         gold={"unit": "USD"}  pred={"unit": "CNY"}' in text
    short = format_report(r, show_errors=False)
    assert "false positives" not in short and "slot" in short


# --------------------------------------------------------------------------- files


def test_load_claims_skips_blank_lines_and_names_bad_line(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"doc_id": "a", "quantity": {}}\n\n   \n{"doc_id": "b"}\n', encoding="utf-8")
    assert [c["doc_id"] for c in load_claims(p)] == ["a", "b"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a"}\n\n{"doc_id": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:3: malformed JSON"):
        load_claims(bad)
    arr = tmp_path / "arr.jsonl"
    arr.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"arr\.jsonl:1: expected a JSON object"):
        load_claims(arr)


def test_seed_gold_against_itself_is_perfect():
    gold = load_claims(SEED_GOLD)
    r = score(gold, gold)
    assert (r.n_gold, r.n_gold_required, r.n_gold_optional) == (23, 15, 8)
    assert (r.tp, r.fp, r.fn, r.ignored, r.strict_tp) == (15, 0, 0, 8, 15)
    assert (r.f1, r.strict_f1) == (1.0, 1.0)
    assert {k: (v.correct, v.total) for k, v in r.slots.items()} == {s: (15, 15) for s in SLOTS}


def test_cases_gold_against_itself_is_perfect():
    gold, cases = cases_to_gold(CASES)
    assert len(cases) == 90 and len(gold) == 150
    assert all(c["doc_id"] in cases for c in gold)
    r = score(gold, gold, doc_ids=cases)
    assert (r.tp, r.fp, r.fn, r.ignored, r.strict_tp) == (144, 0, 0, 6, 144)
    assert (r.f1, r.strict_f1) == (1.0, 1.0)
    assert len(r.per_doc) == 90
    assert all(v.accuracy == 1.0 and v.total == 144 for v in r.slots.values())


def test_cases_to_gold_rejects_mismatched_doc_id(tmp_path):
    p = tmp_path / "cases.jsonl"
    p.write_text(json.dumps({"id": "c1", "claims": [{"doc_id": "zz", "quantity": {}}]}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="doc_id 'zz'"):
        cases_to_gold(p)
    p.write_text(json.dumps({"id": "c1", "claims": [{"quantity": {}}]}) + "\n", encoding="utf-8")
    gold, cases = cases_to_gold(p)
    assert gold == [{"doc_id": "c1", "quantity": {}}] and list(cases) == ["c1"]


# --------------------------------------------------------------------------- properties


_spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 8), st.booleans()),
    max_size=12,
)


def _reference_pairs(gold, pred):
    """Brute-force O(n*m) matching with the same order: overlap desc, required first, distance."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            gs, ge = g["quantity"]["start_char"], g["quantity"]["end_char"]
            ps, pe = p["quantity"]["start_char"], p["quantity"]["end_char"]
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                cands.append((-ov, bool(g.get("optional")), abs(gs - ps) + abs(ge - pe), gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for *_, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@settings(max_examples=300, deadline=None)
@given(_spans, _spans)
def test_sweep_matching_equals_brute_force(gold_spec, pred_spec):
    gold = [mk(s, s + n, optional=o, value=i) for i, (s, n, o) in enumerate(gold_spec)]
    pred = [mk(s, s + n, value=-1 - i) for i, (s, n, _) in enumerate(pred_spec)]
    pairs = _reference_pairs(gold, pred)
    tp = sum(1 for gi, _ in pairs if not gold[gi].get("optional"))
    r = score(gold, pred)
    assert (r.tp, r.ignored, r.fp) == (tp, len(pairs) - tp, len(pred) - len(pairs))
    assert r.tp + r.fn == r.n_gold_required
    assert r.slots["value"].correct == 0 and r.slots["value"].total == tp  # values all differ
    matched_p = {pi for _, pi in pairs}
    assert r.false_positives == [p for i, p in enumerate(pred) if i not in matched_p]


def test_perturbed_seed_predictions():
    gold = load_claims(SEED_GOLD)
    required = [c for c in gold if not c["optional"]]
    pred = [json.loads(json.dumps(c)) for c in required[1:]]  # drop the first required claim
    for c in pred:  # strip annotation-only keys and alts, as a system would output
        for k in ("gold_id", "optional", "note"):
            c.pop(k)
        c["quantity"].pop("alt_text", None)
        for slot in ("entity", "metric"):
            if c.get(slot):
                c[slot].pop("alt", None)
    pred[0]["quantity"]["start_char"] -= 2  # "8" widened to "s 8": still matches
    pred[1]["metric"] = {"text": "price of tokens", "start_char": 0, "end_char": 15}  # wrong metric
    pred[2]["entity"]["text"] = "the " + pred[2]["entity"]["text"] + "'s"  # normalised away
    pred.append({"doc_id": required[0]["doc_id"], "quantity": {"text": "V4", "start_char": 2099, "end_char": 2101}})
    r = score(gold, pred)
    assert (r.tp, r.fp, r.fn, r.ignored, r.strict_tp) == (14, 1, 1, 0, 13)
    assert r.precision == pytest.approx(14 / 15) and r.recall == pytest.approx(14 / 15)
    assert r.strict_precision == pytest.approx(13 / 15) and r.strict_f1 == pytest.approx(13 / 15)
    assert (r.slots["metric"].correct, r.slots["metric"].total) == (13, 14)
    assert r.slots["entity"].correct == 14
    assert [c["gold_id"] for c in r.false_negatives] == ["000_21124bc296aca1d1#1"]
    assert [e.slot for e in r.slot_errors[0].errors] == ["metric"]


def test_main_prints_report(tmp_path, capsys):
    from claimx.evaluate import main

    assert main([str(SEED_GOLD), str(SEED_GOLD)]) == 0
    out = capsys.readouterr().out
    assert "detection  TP=15 FP=0 FN=0 (ignored on optional gold: 8)" in out
    assert main([]) == 2
