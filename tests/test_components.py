"""The spaCy components: serialisation and the data they leave on the Doc."""

from __future__ import annotations

import json

import spacy
from spacy.tokens import Doc, DocBin

from tests.conftest import PINNED_MODEL

SENTENCE = "By 2030, solar capacity in Chile is projected to hit 25 GW, the ministry said."


def test_pipeline_round_trips_through_disk(extractor, tmp_path):
    nlp = extractor.nlp
    nlp.to_disk(tmp_path / "pipe")
    assert json.loads((tmp_path / "pipe" / "claimx_cues" / "cues.json").read_text(encoding="utf-8"))["hedges"]
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == nlp.pipe_names
    a = [c.model_dump() for c in nlp(SENTENCE)._.claims]
    b = [c.model_dump() for c in loaded(SENTENCE)._.claims]
    assert a == b and a[0]["quantity"]["value"] == 25.0


def test_cue_lexicon_from_disk_is_used(extractor, tmp_path):
    cues = extractor.nlp.get_pipe("claimx_cues")
    cues.to_disk(tmp_path)
    data = json.loads((tmp_path / "cues.json").read_text(encoding="utf-8"))
    for group in data["hedges"]:
        if group["modality"] == "forecast":
            group["cues"] = [c for c in group["cues"] if "projected" not in c]
    (tmp_path / "cues.json").write_text(json.dumps(data), encoding="utf-8")
    nlp = spacy.load(PINNED_MODEL)
    nlp.add_pipe("claimx_quantities", first=True)
    for name in ("claimx_timeframes", "claimx_cues", "claimx_claims"):
        nlp.add_pipe(name)
    nlp.get_pipe("claimx_cues").from_disk(tmp_path)
    (claim,) = nlp(SENTENCE)._.claims
    assert claim.modality == "asserted"


def test_doc_data_survives_docbin(extractor):
    doc = extractor.nlp(SENTENCE)
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(extractor.nlp.vocab)
    assert [c.model_dump() for c in back._.claims] == [c.model_dump() for c in doc._.claims]
    assert back._.claims[0].timeframe.value == "2030"
    assert back._.claims[0].attribution.text == "the ministry said"


def test_spans_for_visualisation(extractor):
    doc = extractor.nlp(SENTENCE)
    assert [s.text for s in doc.spans["claimx_quantities"]] == ["25 GW"]
    assert [s.label_ for s in doc.spans["claimx_quantities"]] == ["GW"]
    assert [(s.text, s.label_) for s in doc.spans["claimx_timeframes"]] == [("By 2030", "by")]


def test_components_after_the_parser_do_not_retokenize():
    nlp = spacy.load(PINNED_MODEL)
    for name in ("claimx_quantities", "claimx_timeframes", "claimx_cues", "claimx_claims"):
        nlp.add_pipe(name)
    doc = nlp("Lifting its total base to 12.4M.")
    assert isinstance(doc, Doc)
    assert [c.quantity.value for c in doc._.claims] == [12400000.0]
