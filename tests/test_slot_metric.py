"""The metric slot (claimx.assembly.slots.metric) on hand-built Docs and parsed sentences of our own."""

from __future__ import annotations

from claimx.assembly.slots.kind import kind
from claimx.assembly.slots.metric import metric
from tests.conftest import one
from tests.slot_docs import china_output, context, orion_operates, revenue_reached, tapes_hold


def _metric(builder):
    doc, qs = builder()
    ctx = context(doc, qs)
    return metric(ctx, kind(ctx).kind, {})


def test_the_subject_of_a_linking_verb_is_the_metric():
    assert _metric(revenue_reached).metric["text"] == "Revenue"


def test_the_noun_a_count_modifies_is_the_metric():
    res = _metric(orion_operates)
    assert res.metric == {"text": "clusters", "start_char": 18, "end_char": 26}
    assert res.head.text == "clusters"


def test_the_subject_of_a_change_verb_is_the_metric():
    assert _metric(china_output).metric["text"] == "output"


def test_a_light_verb_gives_way_to_its_subject():
    res = _metric(tapes_hold)
    assert res.metric["text"] == "tapes" and not res.from_verb


# parsed sentences of the same kind as the light-verb rule ("its cold-storage tapes hold 12 PB")
def test_reservoirs_hold_a_volume(extractor):
    c = one(extractor.extract("The two new reservoirs hold 40 million cubic metres."), "40 million cubic metres")
    assert c.metric is not None and "reservoirs" in c.metric.text


def test_warehouses_hold_a_mass(extractor):
    c = one(extractor.extract("Its cold warehouses hold 9,000 tonnes."), "9,000 tonnes")
    assert c.metric is not None and "warehouses" in c.metric.text


# a content verb that names the measure stays the metric (docs/GOLD.md)
def test_a_verb_that_names_the_measure_stays(extractor):
    c = one(extractor.extract("The strike lasted 11 weeks."), "11 weeks")
    assert c.metric is not None and c.metric.text == "lasted"


# a period after the measure is its timeframe, not part of the metric
def test_a_half_year_phrase_is_not_part_of_the_metric(extractor):
    c = one(extractor.extract("Revenue for the first half of 2025 rose 8%."), "8%")
    assert c.metric is not None and c.metric.text == "Revenue"


def test_a_quarter_phrase_is_not_part_of_the_metric(extractor):
    c = one(extractor.extract("Container traffic for the fourth quarter fell 3%."), "3%")
    assert c.metric is not None and c.metric.text == "Container traffic"


# "a record low of Q": the extreme is not the measure, the subject of the verb is
def test_a_record_low_of_gives_way_to_the_subject_of_be(extractor):
    c = one(extractor.extract("Joblessness is at a record low of 3.9%."), "3.9%")
    assert c.metric is not None and c.metric.text == "Joblessness"


def test_a_record_low_of_gives_way_to_the_subject_of_a_change_verb(extractor):
    c = one(extractor.extract("The vacancy rate fell to a record low of 1.2% in May."), "1.2%")
    assert c.metric is not None and c.metric.text == "vacancy rate"

