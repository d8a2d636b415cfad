"""The entity slot (claimx.assembly.slots.entity) on hand-built Docs and parsed sentences of our own."""

from __future__ import annotations

from claimx.assembly.slots.entity import entity, entity_in_phrase
from claimx.assembly.slots.kind import kind
from claimx.assembly.slots.metric import metric
from tests.conftest import one
from tests.slot_docs import china_output, context, draft, orion_operates, tapes_hold


def _entity(builder):
    doc, qs = builder()
    ctx = context(doc, qs)
    k = kind(ctx).kind
    m = metric(ctx, k, {})
    return entity(ctx, draft(ctx, kind=k, metric=m.metric), m.head), ctx


def test_a_named_possessor_of_the_metric_is_the_entity():
    res, _ = _entity(china_output)
    assert res.entity == {"text": "China", "start_char": 0, "end_char": 5, "inferred": False}


def test_the_named_subject_of_an_action_is_the_entity():
    res, _ = _entity(orion_operates)
    assert res.entity["text"] == "Orion" and res.entity["inferred"] is False


def test_a_pronoun_possessor_leaves_the_entity_to_the_discourse_pass():
    res, _ = _entity(tapes_hold)
    assert res.entity is None and res.pronoun is True


def test_entity_in_phrase_reports_a_pronoun_possessor():
    doc, qs = tapes_hold()
    ctx = context(doc, qs)
    assert entity_in_phrase(ctx.state, doc[1], ctx.tokens) == {"pronoun": True}


# the attribution's source is never the entity (issue 11), two sentences of that kind
def test_a_reporting_ministry_is_not_the_entity(extractor):
    c = one(extractor.extract("The ministry said imports rose 6% in May."), "6%")
    assert c.attribution is not None and "ministry" in c.attribution.text
    assert c.entity is None or "ministry" not in c.entity.text


def test_a_central_bank_cited_is_not_the_entity(extractor):
    c = one(extractor.extract("According to the central bank, lending in Chile grew 3.1% last year."), "3.1%")
    assert c.attribution is not None and "central bank" in c.attribution.text
    assert c.entity is None or "central bank" not in c.entity.text


# ...but a forecaster named as the subject of its own expectation may be (docs/GOLD.md)
def test_a_company_forecasting_its_sales_is_the_entity(extractor):
    c = one(extractor.extract("Acme Foods now expects net sales to grow 7% this year."), "7%")
    assert c.entity is not None and c.entity.text == "Acme Foods"


def test_a_bank_forecasting_its_profit_is_the_entity(extractor):
    c = one(extractor.extract("Nordbank expects its net profit to rise 4% in 2026."), "4%")
    assert c.entity is not None and c.entity.text == "Nordbank"
