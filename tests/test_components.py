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


# -- the table-driven attribute ruler ---------------------------------------------------------

def _token_attrs(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_table_attribute_ruler_sets_what_the_stock_ruler_sets(extractor, cases):
    """Token by token, the same pos, tag, morph, lemma, dep (and entities downstream) as spaCy's own
    AttributeRuler, on the development corpus, the seed, the cases and sentences that exercise the
    two-token rules ("there is/were", "ai n't", "y' all") and the regex rules ("nothin'")."""
    from claimx.components.attributes import TableAttributeRuler
    from claimx.devcorpus import load_corpus
    from tests.conftest import ROOT, SEED

    stock = spacy.load(PINNED_MODEL)
    assert type(extractor.nlp.get_pipe("attribute_ruler")) is TableAttributeRuler
    assert extractor.nlp.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    texts = list(load_corpus(ROOT / "corpus" / "dev").texts.values()) + [SEED.read_text(encoding="utf-8")]
    texts += [c["text"] for c in cases]
    texts += ["There is a fund of 3 million. There were two plants, and there's a third.",
              "It ain't over: y'all know nothin' about the 4 reactors. She gets 5 and he got 2.",
              "Spaces   between\n\n  words \t and a tab\u00a0here: 7 GW.  "]
    fast = [_token_attrs(d) for d in extractor.nlp.pipe(texts, disable=[p for p in extractor.nlp.pipe_names if p.startswith("claimx")])]
    want = [_token_attrs(d) for d in stock.pipe(texts)]
    assert sum(map(len, want)) > 15_000
    assert fast == want


def test_table_attribute_ruler_falls_back_and_recompiles():
    """A pattern the table cannot express (an operator) makes the ruler use spaCy's Matcher for all
    rules; adding patterns later rebuilds the table."""
    from claimx.components.attributes import TableAttributeRuler

    nlp = spacy.blank("en")
    ruler = TableAttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "gw"}]], {"POS": "NOUN"})
    doc = ruler(nlp("7 GW and 8 gw"))
    assert [t.pos_ for t in doc] == ["", "NOUN", "", "", "NOUN"]
    ruler.add([[{"LOWER": "and"}, {"IS_DIGIT": True, "OP": "+"}]], {"POS": "CCONJ"})
    doc = ruler(nlp("7 GW and 8 gw"))
    assert ruler._compiled[0] is False
    assert [t.pos_ for t in doc] == ["", "NOUN", "CCONJ", "", "NOUN"]
    ruler.clear()
    ruler.add([[{"LOWER": {"REGEX": "^g"}}], [{"LOWER": {"IN": ["7", "8"]}}]], {"POS": "NUM"})
    ruler.add([[{"LOWER": "gw"}, {"LOWER": "and"}]], {"POS": "SYM"}, index=0)
    doc = ruler(nlp("7 GW and 8 gw"))
    assert ruler._compiled[0] is True
    assert [t.pos_ for t in doc] == ["NUM", "SYM", "", "NUM", "NUM"]


def test_attribution_cues_in_a_long_window(extractor):
    """Every "according to X" cue ends at its own comma and every phrase cue ends with its phrase,
    also deep into a long text (the cue ends are searched in place, not in a copy of the rest)."""
    from claimx.components.cues import find_attributions

    unit = "According to the water board, use fell 3% in May. Analysts put the figure at 5%, the bank said. "
    doc = extractor.nlp(unit * 40, disable=[p for p in extractor.nlp.pipe_names if p.startswith("claimx")])
    found = find_attributions(doc)
    texts = [a["text"] for a in found]
    assert texts.count("According to the water board") == 40
    assert texts.count("Analysts put the figure at") == 40
    assert all(doc.text[a["start_char"]:a["end_char"]] == a["text"] for a in found)
