"""The slot contract after the split: each slot is a function of a QuantityContext that returns its
value (kind, timeframe, modality here; the other slots have their own test modules)."""

from __future__ import annotations

from claimx.assembly.slots.kind import KindResult, kind
from claimx.assembly.slots.modality import ModalityResult, modality
from claimx.assembly.slots.timeframe import timeframe
from tests.slot_docs import china_output, context, orion_operates, span_chars


def test_kind_returns_a_change_with_its_direction():
    doc, qs = china_output()
    res = kind(context(doc, qs))
    assert isinstance(res, KindResult) and (res.kind, res.change["direction"], res.absorbs) == ("change", "increase", set())


def test_kind_returns_a_level_by_default():
    doc, qs = orion_operates()
    assert kind(context(doc, qs)).kind == "level"


def test_modality_returns_none_when_asserted():
    doc, qs = orion_operates()
    assert modality(context(doc, qs)) is None


def test_modality_returns_the_hedge_before_the_quantity():
    doc, qs = orion_operates()
    s, e = span_chars(doc, 1, 1)
    res = modality(context(doc, qs, hedges=[{"text": "operates", "start_char": s, "end_char": e, "modality": "forecast"}]))
    assert isinstance(res, ModalityResult) and res.modality == "forecast" and res.hedge["text"] == "operates"


def test_timeframe_returns_the_timeframe_after_the_quantity():
    doc, qs = china_output()
    ctx = context(doc, qs, timeframes=[{"text": ".", "start_char": 22, "end_char": 23, "value": "2024", "relation": "in"}])
    assert timeframe(ctx) == {"text": ".", "start_char": 22, "end_char": 23, "value": "2024", "relation": "in"}


def test_timeframe_returns_none_without_one():
    doc, qs = china_output()
    assert timeframe(context(doc, qs)) is None
