"""Extractor.pipe(errors="raise"|"skip"): the library raises by default; "skip" serves runners."""

from __future__ import annotations

import pytest

from claimx.pipeline import Extractor, ExtractionError

BAD = "This one is planted to fail: 7% of it."
TEXTS = ["Exports rose 12% in 2023.", BAD, "Unemployment fell to 3.9% last month."]


@pytest.fixture
def planted(extractor, monkeypatch):
    real = Extractor._windows

    def windows(self, text, ctx):
        if text == BAD:
            raise IndexError("planted failure")
        return real(self, text, ctx)

    monkeypatch.setattr(Extractor, "_windows", windows)
    return extractor


def _values(claims):
    return [(c.quantity.text, c.quantity.value, c.quantity.unit) for c in claims]


def test_raise_is_the_default(planted):
    with pytest.raises(IndexError, match="planted"):
        list(planted.pipe(TEXTS))


@pytest.mark.parametrize("n_process", [1, 2])
def test_skip_yields_the_error_in_place_and_goes_on(planted, n_process):
    out = list(planted.pipe([(t, {"doc_id": f"d{i}"}) for i, t in enumerate(TEXTS)], as_tuples=True,
                            errors="skip", n_process=n_process, batch_size=3))
    assert [ctx["doc_id"] for _, ctx in out] == ["d0", "d1", "d2"]
    first, bad, last = (r for r, _ in out)
    assert isinstance(bad, ExtractionError) and bad.error_type == "IndexError" and bad.message == "planted failure"
    assert _values(first) == [("12%", 12.0, "%")]
    assert _values(last) == [("3.9%", 3.9, "%")]
    assert first[0].doc_id == "d0"


def test_skip_without_tuples(planted):
    out = list(planted.pipe(TEXTS, errors="skip"))
    assert isinstance(out[1], ExtractionError) and _values(out[2]) == [("3.9%", 3.9, "%")]


def test_unknown_errors_mode(extractor):
    with pytest.raises(ValueError, match="errors must be"):
        extractor.pipe(TEXTS, errors="ignore")
