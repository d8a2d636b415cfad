"""Candidacy (claimx.assembly.slots.candidacy): which quantity records are claims at all."""

from __future__ import annotations

from claimx.assembly.context import DocState
from claimx.assembly.slots.candidacy import is_skipped
from tests.slot_docs import make_doc, orion_operates, quantity, span_chars


def _skipped(doc, q, timeframes=()):
    st = DocState.build(doc, [q], list(timeframes), {})
    return is_skipped(st, st.quantities[0], st.sentences[0])


def test_a_count_that_is_the_object_is_a_claim():
    doc, qs = orion_operates()
    assert _skipped(doc, qs[0]) is False


def test_an_attributive_quantity_is_not_a_claim():
    doc, qs = orion_operates()
    assert _skipped(doc, dict(qs[0], form="attributive")) is True


def test_a_quantity_inside_a_time_expression_is_not_a_claim():
    doc, qs = orion_operates()
    s, e = span_chars(doc, 2, 3)
    assert _skipped(doc, qs[0], [{"text": doc.text[s:e], "start_char": s, "end_char": e, "value": "2024"}]) is True


def test_a_section_number_is_not_a_claim():
    doc = make_doc([("1", 2, "nummod", "NUM", "1", None, True), (".", 2, "punct", "PUNCT", "."),
                    ("Introduction", 2, "ROOT", "NOUN", "introduction")])
    assert _skipped(doc, quantity(doc, 0, 0, 1)) is True
