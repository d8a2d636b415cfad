"""Tests of claimx.frame.to_dataframe: exact columns, dtypes and values."""

from __future__ import annotations

import builtins
import math
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

from claimx.evaluate import load_claims  # noqa: E402
from claimx.frame import COLUMNS, to_dataframe  # noqa: E402
from claimx.models import (  # noqa: E402
    Change,
    Claim,
    EntityMention,
    Mention,
    Quantity,
    Timeframe,
)

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "corpus" / "gold" / "000_21124bc296aca1d1.gold.jsonl"

EXPECTED_COLUMNS = [
    "doc_id", "kind",
    "quantity.text", "quantity.start_char", "quantity.end_char", "quantity.value", "quantity.unit",
    "quantity.comparator", "quantity.lower", "quantity.upper", "quantity.base_value", "quantity.base_unit",
    "entity.text", "entity.start_char", "entity.end_char", "entity.inferred",
    "metric.text", "metric.start_char", "metric.end_char",
    "timeframe.text", "timeframe.start_char", "timeframe.end_char", "timeframe.value", "timeframe.relation",
    "modality", "hedge.text", "hedge.start_char", "hedge.end_char", "negated",
    "attribution.text", "attribution.start_char", "attribution.end_char",
    "reference.text", "reference.start_char", "reference.end_char",
    "change.direction", "change.from_text", "sentence.text", "sentence.start_char", "sentence.end_char",
    "confidence",
]


def _forecast_claim() -> Claim:
    return Claim(
        doc_id="d1",
        kind="level",
        quantity=Quantity(text="17.1%", start_char=87, end_char=92, value=17.1, unit="%"),
        entity=EntityMention(text="China", start_char=9, end_char=14),
        metric=Mention(text="share of global downloads", start_char=17, end_char=42),
        timeframe=Timeframe(text="By 2025", start_char=0, end_char=7, value="2025", relation="by"),
        modality="forecast",
        hedge=Mention(text="expected to", start_char=70, end_char=81),
        sentence=Mention(text="By 2025, China's share ...", start_char=0, end_char=93),
        confidence=0.8,
    )


def _change_claim() -> Claim:
    return Claim(
        doc_id="d2",
        kind="change",
        quantity=Quantity(
            text="over 890 petabytes", start_char=10, end_char=28, value=890.0, unit="PB",
            comparator=">", base_value=8.9e17, base_unit="B",
        ),
        entity=EntityMention(text="the region", inferred=True),
        attribution=Mention(text="according to the IEA", start_char=40, end_char=60),
        change=Change(direction="increase", from_text="several weeks"),
    )


def _range_dict() -> dict:
    # gold-format dict: annotation-only keys, missing defaults, integer value
    return {
        "doc_id": "d3", "gold_id": "d3#1", "optional": False, "note": "range",
        "kind": "ratio",
        "quantity": {"text": "3-5 times", "start_char": 4, "end_char": 13, "value": None,
                     "lower": 3, "upper": 5, "unit": "x", "alt_text": ["3-5"]},
        "entity": {"text": "Acme", "start_char": 0, "end_char": 4, "alt": ["Acme Corp"]},
        "reference": {"text": "that of 2020", "start_char": 14, "end_char": 26},
        "timeframe": {"text": "from 2025 to 2031", "start_char": 30, "end_char": 47, "value": "2025/2031",
                      "relation": "between"},
        "modality": "target",
    }


def test_columns_exact_and_ordered():
    df = to_dataframe([_forecast_claim()])
    assert list(df.columns) == EXPECTED_COLUMNS
    assert [n for n, _ in COLUMNS] == EXPECTED_COLUMNS


def test_dtypes():
    df = to_dataframe([_forecast_claim(), _change_claim(), _range_dict()])
    dt = df.dtypes.to_dict()
    for col in ("quantity.value", "quantity.lower", "quantity.upper", "quantity.base_value", "confidence"):
        assert dt[col] == "float64", col
    for col in ("quantity.start_char", "quantity.end_char", "sentence.start_char"):
        assert dt[col] == "Int64", col
    assert dt["entity.inferred"] == "boolean"  # nullable: NA when there is no entity
    assert dt["negated"] == "bool"
    for col in ("doc_id", "kind", "quantity.unit", "entity.text", "metric.text", "timeframe.value", "hedge.text",
                "attribution.text"):
        assert isinstance(dt[col], pd.StringDtype), col


def test_forecast_claim_values():
    row = to_dataframe([_forecast_claim()]).iloc[0]
    assert row["doc_id"] == "d1"
    assert row["kind"] == "level"
    assert row["quantity.text"] == "17.1%"
    assert (row["quantity.start_char"], row["quantity.end_char"]) == (87, 92)
    assert row["quantity.value"] == 17.1
    assert row["quantity.unit"] == "%"
    assert row["quantity.comparator"] == "="
    assert math.isnan(row["quantity.lower"]) and math.isnan(row["quantity.upper"]) and math.isnan(row["quantity.base_value"])
    assert row["quantity.base_unit"] is pd.NA
    assert row["entity.text"] == "China"
    assert bool(row["entity.inferred"]) is False
    assert row["metric.text"] == "share of global downloads"
    assert row["timeframe.text"] == "By 2025"
    assert row["timeframe.value"] == "2025"
    assert row["timeframe.relation"] == "by"
    assert row["modality"] == "forecast"
    assert row["hedge.text"] == "expected to"
    assert bool(row["negated"]) is False
    assert row["attribution.text"] is pd.NA
    assert row["reference.text"] is pd.NA
    assert row["change.direction"] is pd.NA
    assert row["sentence.text"] == "By 2025, China's share ..."
    assert row["sentence.start_char"] == 0
    assert row["confidence"] == 0.8


def test_change_claim_values():
    row = to_dataframe([_change_claim()]).iloc[0]
    assert row["kind"] == "change"
    assert row["quantity.text"] == "over 890 petabytes"
    assert row["quantity.value"] == 890.0 and row["quantity.unit"] == "PB" and row["quantity.comparator"] == ">"
    assert row["quantity.base_value"] == 8.9e17 and row["quantity.base_unit"] == "B"
    assert row["entity.text"] == "the region" and bool(row["entity.inferred"]) is True
    assert row["attribution.text"] == "according to the IEA"
    assert row["change.direction"] == "increase"
    assert row["change.from_text"] == "several weeks"
    assert row["timeframe.text"] is pd.NA and row["timeframe.relation"] is pd.NA
    assert row["modality"] == "asserted" and row["hedge.text"] is pd.NA
    assert row["sentence.text"] is pd.NA and row["sentence.start_char"] is pd.NA
    assert row["confidence"] == 1.0


def test_gold_dict_with_defaults_and_range():
    row = to_dataframe([_range_dict()]).iloc[0]
    assert row["kind"] == "ratio"
    assert math.isnan(row["quantity.value"])
    assert (row["quantity.lower"], row["quantity.upper"]) == (3.0, 5.0)
    assert row["quantity.unit"] == "x"
    assert row["quantity.comparator"] == "="  # missing comparator reads as "="
    assert row["reference.text"] == "that of 2020"
    assert row["timeframe.value"] == "2025/2031" and row["timeframe.relation"] == "between"
    assert row["modality"] == "target"
    assert row["confidence"] == 1.0
    assert row["metric.text"] is pd.NA


def test_missing_timeframe_relation_defaults_to_in():
    d = {"quantity": {"text": "5", "start_char": 0, "end_char": 1, "value": 5},
         "timeframe": {"text": "in 2024", "value": "2024"}}
    row = to_dataframe([d]).iloc[0]
    assert row["timeframe.relation"] == "in"
    assert row["quantity.unit"] is pd.NA and row["quantity.value"] == 5.0
    assert row["doc_id"] is pd.NA


def test_row_order_and_mixed_inputs():
    df = to_dataframe(iter([_range_dict(), _forecast_claim(), _change_claim().model_dump()]))
    assert df["doc_id"].tolist() == ["d3", "d1", "d2"]
    assert list(df.index) == [0, 1, 2]


def test_empty_input_same_columns_and_dtypes():
    empty = to_dataframe([])
    full = to_dataframe([_forecast_claim()])
    assert empty.shape == (0, len(EXPECTED_COLUMNS))
    assert list(empty.columns) == EXPECTED_COLUMNS
    assert empty.dtypes.equals(full.dtypes)


def test_seed_gold_frame():
    gold = load_claims(SEED_GOLD)
    df = to_dataframe(gold)
    assert len(df) == len(gold) == 23
    first = df.iloc[0]
    assert first["quantity.text"] == "17.1%" and first["quantity.value"] == 17.1 and first["quantity.unit"] == "%"
    assert first["entity.text"] == "China" and first["timeframe.value"] == "2025"
    forecasts = df[df["modality"] == "forecast"]
    assert "17.1%" in set(forecasts["quantity.text"])
    # every quantity span is inside the article, and the text there is the quantity text
    text = (ROOT / "seeds" / "000_21124bc296aca1d1.txt").read_text(encoding="utf-8")
    for qt, s, e in zip(df["quantity.text"], df["quantity.start_char"], df["quantity.end_char"]):
        assert text[s:e] == qt


def test_bad_item_type():
    with pytest.raises(TypeError, match="claim #1"):
        to_dataframe([_forecast_claim(), 42])


def test_bad_nested_field():
    with pytest.raises(TypeError, match="'entity'"):
        to_dataframe([{"quantity": {"text": "5", "start_char": 0, "end_char": 1}, "entity": "China"}])


def test_bad_number():
    with pytest.raises(ValueError, match="quantity.value"):
        to_dataframe([{"quantity": {"text": "x", "start_char": 0, "end_char": 1, "value": "lots"}}])


def test_bad_offset():
    with pytest.raises(ValueError, match="start_char"):
        to_dataframe([{"quantity": {"text": "x", "start_char": 1.5, "end_char": 2}}])


def test_missing_pandas_message(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match=r"claimx\[dataframe\]"):
        to_dataframe([])


def test_public_export():
    import claimx

    assert claimx.to_dataframe is to_dataframe


def test_claim_objects_and_their_dumps_give_the_same_frame():
    claims = [_forecast_claim(), _change_claim()]
    a = to_dataframe(claims)
    b = to_dataframe([c.model_dump() for c in claims])
    pd.testing.assert_frame_equal(a, b)


def test_negated_hedge_column():
    claim = _forecast_claim().model_copy(update={"negated": True})
    assert bool(to_dataframe([claim]).iloc[0]["negated"]) is True


def test_every_span_keeps_its_offsets_and_a_missing_entity_is_na():
    row = to_dataframe([_forecast_claim()]).iloc[0]
    assert (row["entity.start_char"], row["entity.end_char"]) == (9, 14)
    assert (row["hedge.start_char"], row["hedge.end_char"]) == (70, 81)
    row = to_dataframe([_range_dict() | {"entity": None}]).iloc[0]
    assert row["entity.inferred"] is pd.NA and row["entity.start_char"] is pd.NA
