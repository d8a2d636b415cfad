"""One flat column schema: the CSV header, the Parquet schema and to_dataframe's columns are the same list."""

from __future__ import annotations

import csv
import math

import pytest

from claimx.io import COLUMNS, flat_columns, flatten_claim, open_writer
from claimx.models import Claim, Change, EntityMention, Mention, Quantity, Timeframe


def _claim() -> Claim:
    return Claim(
        doc_id="n1", kind="change",
        quantity=Quantity(text="about 12 GW", start_char=30, end_char=41, value=12.0, unit="GW", comparator="~",
                          base_value=1.2e10, base_unit="W"),
        entity=EntityMention(text="Ruritania", start_char=0, end_char=9, inferred=True),
        metric=Mention(text="solar capacity", start_char=12, end_char=26),
        timeframe=Timeframe(text="in 2024", start_char=42, end_char=49, value="2024", relation="in"),
        change=Change(direction="increase", from_text="8 GW"),
        sentence=Mention(text="Ruritania's solar capacity rose about 12 GW in 2024.", start_char=0, end_char=50),
        confidence=0.7,
    )


def _written(tmp_path, name: str):
    with open_writer(tmp_path / name) as w:
        w.write_article([_claim().model_dump_json()])
    return tmp_path / name


def test_every_model_field_has_one_column_in_model_order():
    names = flat_columns()
    assert len(names) == len(set(names)) == len(COLUMNS)
    assert names[:4] == ["doc_id", "kind", "quantity.text", "quantity.start_char"]
    for field in Claim.model_fields:
        assert any(n == field or n.startswith(field + ".") for n in names), field
    assert {"entity.start_char", "metric.end_char", "hedge.start_char", "sentence.end_char"} <= set(names)


def test_a_claim_and_its_json_flatten_alike():
    claim = _claim()
    row = flatten_claim(claim)
    assert row == flatten_claim(claim.model_dump(mode="json"))
    assert row["quantity.comparator"] == "~" and row["entity.inferred"] is True
    assert row["timeframe.value"] == "2024" and row["hedge.text"] is None and row["reference.start_char"] is None


def test_gold_dict_gets_model_defaults_only_inside_present_objects():
    row = flatten_claim({"quantity": {"text": "5", "start_char": 0, "end_char": 1}, "timeframe": {"text": "in May"}})
    assert (row["kind"], row["modality"], row["negated"], row["confidence"]) == ("level", "asserted", False, 1.0)
    assert row["quantity.comparator"] == "=" and row["timeframe.relation"] == "in"
    assert row["entity.inferred"] is None and row["entity.text"] is None
    with pytest.raises(TypeError, match="'metric'"):
        flatten_claim({"quantity": {"text": "5"}, "metric": "share"})


def test_csv_header_parquet_schema_and_dataframe_columns_are_one_list(tmp_path):
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    from claimx import to_dataframe

    with open(_written(tmp_path, "o.csv"), newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    table = pq.read_table(_written(tmp_path, "o.parquet"))
    frame = to_dataframe([_claim()])
    assert header == table.column_names == list(frame.columns) == flat_columns()
    # the same values in all three
    assert rows[0]["entity.start_char"] == "0" and rows[0]["quantity.value"] == "12.0"
    assert table.column("entity.start_char").to_pylist() == [0] and table.column("quantity.value").to_pylist() == [12.0]
    assert frame.loc[0, "entity.start_char"] == 0 and math.isclose(frame.loc[0, "quantity.value"], 12.0)
    assert frame.loc[0, "change.from_text"] == "8 GW" and frame.loc[0, "hedge.text"] is pd.NA
