"""Candidates (claimx.assembly.candidates) and hard exclusions (claimx.assembly.exclusions)."""

from __future__ import annotations

import pytest

from claimx.assembly.candidates import entity_candidates, metric_candidates
from claimx.assembly.exclusions import exclusion_reason, is_lone_light_verb, text_reason, trim_quantity
from claimx.assembly.slots.metric import metric
from tests.conftest import one
from tests.slot_docs import china_output, context, draft, orion_operates, tapes_hold


@pytest.mark.parametrize("text,reason", [
    ("TWh", "unit"), ("yuan", "unit"), ("kronor", "unit"), ("‰", "unit"), ("EUR", "unit"),
    ("which", "pronoun"), ("they", "pronoun"), ("This", "pronoun"),
    ("2024", "date"), ("March 2024", "date"), ("FY27", "date"),
    ("US", None), ("the grid operator", None), ("Statistics Norway", None),
])
def test_text_exclusions(text, reason):
    assert text_reason(text) == reason


def test_a_light_verb_alone_is_excluded_but_a_measuring_verb_is_not():
    doc, qs = tapes_hold()
    assert is_lone_light_verb([doc[2]]) is True            # "hold"
    doc2, _ = orion_operates()
    assert is_lone_light_verb([doc2[1]]) is False          # "operates" names what is counted


def test_the_claims_own_quantity_is_excluded():
    doc, qs = orion_operates()
    ctx = context(doc, qs)
    claim = draft(ctx)
    assert exclusion_reason(ctx, claim, "metric", {"text": "42 clusters", "start_char": 15, "end_char": 26}) == "quantity"


def test_a_metric_that_swallowed_its_quantity_is_trimmed():
    text = "The vault stores 30 times the data of the old one."
    q = {"start_char": 17, "end_char": 25}
    m = {"text": "30 times the data", "start_char": 17, "end_char": 34}
    assert trim_quantity(text, m, q)["text"] == "the data"


def test_a_dangling_preposition_is_trimmed_with_the_quantity():
    text = "It booked an operating loss of 12 million euros."
    q = {"start_char": 31, "end_char": 47}
    m = {"text": "operating loss of 12 million euros", "start_char": 13, "end_char": 47}
    assert trim_quantity(text, m, q)["text"] == "operating loss"


def test_metric_candidates_start_with_the_rules_pick():
    doc, qs = china_output()
    ctx = context(doc, qs)
    m = metric(ctx, "change", {})
    cands = metric_candidates(ctx, draft(ctx, kind="change", metric=m.metric))
    assert cands[0].mention["text"] == "output" and "rule" in cands[0].sources
    assert cands[0].features["src=rule"] == 1.0 and cands[0].features["side=before"] == 1.0


def test_entity_candidates_hold_the_named_possessor_with_its_label():
    doc, qs = china_output()
    ctx = context(doc, qs)
    m = metric(ctx, "change", {})
    cands = entity_candidates(ctx, draft(ctx, kind="change", metric=m.metric), m.head, None, None, [])
    china = next(c for c in cands if c.mention["text"] == "China")
    assert "metric_phrase" in china.sources and china.features["ent=GPE"] == 1.0


def test_a_pronoun_is_never_a_candidate():
    doc, qs = tapes_hold()
    ctx = context(doc, qs)
    claim = draft(ctx, metric={"text": "tapes", "start_char": 4, "end_char": 9})
    texts = [c.mention["text"].lower() for c in entity_candidates(ctx, claim, doc[1], None, None, [])]
    assert "its" not in texts


# another quantity is never the metric, two new sentences of that kind
def test_another_quantity_is_not_the_metric(extractor):
    c = one(extractor.extract("Exports of 2.3 million tonnes rose 7.0 percent."), "7.0 percent")
    assert c.metric is None or "2.3" not in c.metric.text


def test_another_amount_is_not_the_metric(extractor):
    c = one(extractor.extract("Loans worth $4 billion grew 12% in 2024."), "12%")
    assert c.metric is None or "$4" not in c.metric.text


# a possessor inside the source is the speaker's organisation, two new sentences of that kind
def test_the_firm_of_the_speaker_is_the_entity(extractor):
    c = one(extractor.extract('"We sold 900 vans last year," the firm\'s chief executive said.'), "900")
    assert c.entity is not None and c.entity.text == "the firm"


def test_the_agency_of_the_speaker_is_the_entity(extractor):
    c = one(extractor.extract('"We hired 350 inspectors in 2024," the agency\'s director said.'), "350")
    assert c.entity is not None and c.entity.text == "the agency"


# noun chunks of a parse tree spaCy calls invalid (E039) still give candidates, not an exception
@pytest.mark.parametrize("text", ["\x1b¼0B", "8 will\n5x~"])
def test_candidates_survive_an_invalid_parse_tree(extractor, text):
    claims = extractor.extract(text)
    assert all(text[c.quantity.start_char:c.quantity.end_char] == c.quantity.text for c in claims)


# the measured property as an entity candidate is marked apart from a modifier inside it
def test_the_metric_itself_is_marked_as_the_metric():
    doc, qs = china_output()
    ctx = context(doc, qs)
    m = metric(ctx, "change", {})
    claim = draft(ctx, kind="change", metric=m.metric, entity={"text": "output", "start_char": 8, "end_char": 14})
    cands = entity_candidates(ctx, claim, m.head, None, None, [])
    out = next(c for c in cands if c.mention["text"] == "output")
    assert out.features.get("metric=same") == 1.0 and "metric=modifier" not in out.features


def test_a_modifier_inside_the_metric_is_marked_as_a_modifier():
    doc, qs = china_output()
    ctx = context(doc, qs)
    wide = {"text": "China's output", "start_char": 0, "end_char": 14}
    claim = draft(ctx, kind="change", metric=wide)
    cands = entity_candidates(ctx, claim, doc[2], None, None, [])
    china = next(c for c in cands if c.mention["text"] == "China")
    assert china.features.get("metric=modifier") == 1.0 and "metric=same" not in china.features


def _entity_decisions(extractor, text):
    from claimx.assembly import ranker

    ranker.RECORDER = []
    try:
        extractor.extract(text)
        return [d for d in ranker.RECORDER if d["slot"] == "entity"]
    finally:
        ranker.RECORDER = None


# a forecaster named as the subject is marked as the source: another one, or the article's subject
def test_a_forecaster_that_is_not_the_articles_subject_is_marked_other(extractor):
    ds = _entity_decisions(extractor, "Grain stocks fell. Harrow Analytics expects its revenue to reach "
                                      "31 million euros in 2026.")
    feats = {m["text"]: f for d in ds for m, f in d["candidates"]}
    assert feats["Harrow Analytics"].get("forecaster=other") == 1.0


# a forecaster of something other than its own accounts is only the source: no candidate at all
def test_a_forecaster_of_another_things_figure_is_no_candidate(extractor):
    ds = _entity_decisions(extractor, "Grain stocks fell. Harrow Analytics expects wheat exports to reach "
                                      "31 million tonnes in 2026.")
    texts = {m["text"] for d in ds for m, _ in d["candidates"]}
    assert ds and not any("Harrow" in t for t in texts)


def test_a_forecaster_that_is_the_articles_subject_is_marked_topic(extractor):
    ds = _entity_decisions(extractor, "Halden Foods trims its outlook\n\nHalden Foods shares fell on Monday. "
                                      "Halden Foods now expects net sales to grow 6% this year.")
    feats = {m["text"]: f for d in ds for m, f in d["candidates"] if not m.get("inferred")}
    assert feats["Halden Foods"].get("forecaster=topic") == 1.0


def test_rare_prepositions_share_one_feature():
    """The fitted weights know a candidate's preposition only by the common ones of
    slot_exclusions.json ('feature_prepositions'); a rare one ("amid", "despite") is 'prep=other'."""
    import json
    from importlib.resources import files

    res = files("claimx") / "resources"
    common = set(json.loads((res / "slot_exclusions.json").read_text(encoding="utf-8"))["feature_prepositions"])
    weights = json.loads((res / "slot_weights.json").read_text(encoding="utf-8"))
    preps = {k.split("=", 1)[1] for slot in ("metric", "entity") for k in weights[slot]["weights"] if k.startswith("prep=")}
    assert preps and preps <= common | {"other"}
    assert "other" in preps
