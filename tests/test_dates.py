"""claimx.dates.parse_date: the one reader of article and reference dates (no model needed)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from claimx.dates import parse_date
from claimx.io import iter_articles
from claimx.runner.options import BatchUsageError, parse_reference_date


@pytest.mark.parametrize("value, expected", [
    (None, None),
    ("", None),
    ("   ", None),
    ("2025-03-31", date(2025, 3, 31)),
    (" 2024-02-29\n", date(2024, 2, 29)),
    ("2025-03-31T09:30:00Z", date(2025, 3, 31)),
    ("2025-03-31 23:30+05:00", date(2025, 3, 31)),
    ("2025-12-31T23:59:59.123456-08:00", date(2025, 12, 31)),
    (date(2019, 7, 1), date(2019, 7, 1)),
    (datetime(2021, 1, 2, 3, 4, tzinfo=timezone(timedelta(hours=-10))), date(2021, 1, 2)),
])
def test_accepted_forms(value, expected):
    got = parse_date(value)
    assert got == expected
    assert got is None or type(got) is date


@pytest.mark.parametrize("value", [
    "2025-02-30", "2023-02-29", "31/03/2025", "20250331", "2025-3-31", "2025-03-31junk",
    "2025-03-31T25:00", "March 31, 2025", "٢٠٢٥-٠٣-٣١", 20250331, 2025.0, True, ["2025-03-31"],
])
def test_refused_forms_name_the_value(value):
    with pytest.raises(ValueError, match=r"^published must be YYYY-MM-DD, got "):
        parse_date(value, what="published")


def test_reference_date_option_is_a_usage_error():
    assert parse_reference_date("2026-01-15") == date(2026, 1, 15)
    assert parse_reference_date(datetime(2026, 1, 15, 8)) == date(2026, 1, 15)
    with pytest.raises(BatchUsageError, match="reference date must be YYYY-MM-DD, got '15.01.2026'"):
        parse_reference_date("15.01.2026")


def test_readers_use_the_same_rules(tmp_path):
    lines = [
        {"id": "a", "text": "Sales rose 4%.", "date": "2025-06-01T07:00:00Z"},
        {"id": "b", "text": "Sales rose 5%.", "date": "2025-06-31"},
        {"id": "c", "text": "Sales rose 6%.", "date": ""},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    md = tmp_path / "note.md"
    md.write_text("---\ndate: 2024-11-05 10:00:00\n---\nExports fell 2%.\n", encoding="utf-8")
    got = {getattr(a, "doc_id", None): a for a in iter_articles([src, md])}
    assert got["a"].date == date(2025, 6, 1)
    assert got["b"].kind == "malformed_record" and "invalid date" in got["b"].reason
    assert got["c"].date is None
    assert got["note"].date == date(2024, 11, 5)
