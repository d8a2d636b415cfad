"""The spaCy components: serialisation and the data they leave on the Doc."""

from __future__ import annotations

import json

import pytest
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
    nlp = _pipeline_with_cues_without(extractor, tmp_path, "projected")
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
    AttributeRuler and Lemmatizer, on the development corpus, the seed, the cases and sentences that exercise the
    two-token rules ("there is/were", "ai n't", "y' all") and the regex rules ("nothin'")."""
    from claimx.components.attributes import TableAttributeRuler
    from claimx.devcorpus import load_corpus
    from tests.conftest import ROOT, SEED

    from claimx.components.lemmas import TableLemmatizer

    stock = spacy.load(PINNED_MODEL)
    assert type(extractor.nlp.get_pipe("attribute_ruler")) is TableAttributeRuler
    assert type(extractor.nlp.get_pipe("lemmatizer")) is TableLemmatizer
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


# -- the table-driven lemmatizer --------------------------------------------------------------

def test_table_lemmatizer_overwrite_and_preset_lemmas_as_the_stock_one():
    """Lemmas the attribute ruler set are kept (or replaced with ``overwrite``) exactly as by the
    stock lemmatizer; repeated words come from the table; the table stays bounded."""
    from claimx.components import lemmas
    from claimx.pipeline import use_table_lemmatizer

    text = "The mills were crushing 2.1 million tonnes; ain't they? Better mills crushed more, and she was better."
    for overwrite in (False, True):
        stock = spacy.load(PINNED_MODEL, config={"components": {"lemmatizer": {"overwrite": overwrite}}})
        fast = spacy.load(PINNED_MODEL, config={"components": {"lemmatizer": {"overwrite": overwrite}}})
        assert use_table_lemmatizer(fast) == ["lemmatizer"]
        assert fast.get_pipe("lemmatizer").overwrite is overwrite
        want = [t.lemma_ for t in stock(text * 3)]
        assert [t.lemma_ for t in fast(text * 3)] == want
        # the ruler's exceptions ("were" -> "be", "ai" -> "be") survive only without overwrite
        assert want[:4] == ["the", "mill", "were" if overwrite else "be", "crush"]
        assert want[8] == ("ai" if overwrite else "be")
    table = fast.get_pipe("lemmatizer")._lemma_table
    assert 0 < len(table) < len(fast(text))
    old = lemmas._MAX_TABLE
    try:
        lemmas._MAX_TABLE = 3
        other = "The zebras grazed 40 hectares quickly while farmers planted 7 orchards."
        assert [t.lemma_ for t in fast(other)] == [t.lemma_ for t in stock(other)]
        assert [t.lemma_ for t in fast(other)][:3] == ["the", "zebra", "graze"]
        assert len(table) <= 3
    finally:
        lemmas._MAX_TABLE = old


def test_table_lemmatizer_round_trips_through_disk(extractor, tmp_path):
    """The swapped lemmatizer saves its lookups and loads back as itself, with the same lemmas."""
    from claimx.components.lemmas import TableLemmatizer

    extractor.nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert type(loaded.get_pipe("lemmatizer")) is TableLemmatizer
    text = "Exports of the two refineries rose to 4.2 million barrels, officials said."
    assert [t.lemma_ for t in loaded(text)] == [t.lemma_ for t in extractor.nlp(text)]
    assert [t.lemma_ for t in loaded(text)][:4] == ["export", "of", "the", "two"]


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


def test_attribution_cue_verbs_are_read_from_the_pos_array(extractor, cases):
    """The tokens the attribution finder looks at (read from one POS array) are those whose
    ``pos_`` is a cue POS, on every case sentence; an unparsed Doc has none."""
    from claimx.cues import _cue_pos_tokens, attribution_rules

    cue_pos = attribution_rules()["cue_pos"]
    docs = extractor.nlp.pipe([c["text"] for c in cases[:30]],
                              disable=[p for p in extractor.nlp.pipe_names if p.startswith("claimx")])
    seen = 0
    for doc in docs:
        expected = [t.i for t in doc if t.pos_ in cue_pos]
        assert _cue_pos_tokens(doc, cue_pos) == expected
        seen += len(expected)
    assert seen > 30
    assert _cue_pos_tokens(extractor.nlp.make_doc("Sales rose."), cue_pos) == []


def test_a_remembered_window_text_is_the_docs_text(extractor):
    """The window text the Extractor records for a new Doc is what ``doc.text`` joins, also with
    runs of spaces, a newline and a trailing space."""
    from claimx.assembly.context import doc_text, remember_text

    for text in ("Sales rose 5%  to $3bn.\nThe firm said so. ", "  x", ""):
        doc = remember_text(extractor.nlp.make_doc(text), text)
        assert doc_text(doc) == doc.text == text


# -- the context object and the layout of the components ---------------------------------------

def test_context_is_typed_and_frozen(extractor):
    """The Extractor hands each window a frozen ClaimxContext; components refuse a free-form dict."""
    import dataclasses
    import datetime as dt

    import pytest

    from claimx.components.context import ClaimxContext, as_date

    text = "Output of the mine rose 12% in the first quarter.\n\nNo numbers in this one."
    ((doc, offset),) = extractor._windows(text, dt.date(2024, 6, 30))
    ctx = doc._.claimx_context
    assert isinstance(ctx, ClaimxContext) and offset == 0
    assert ctx.reference_date == dt.date(2024, 6, 30)
    assert [q["text"] for q in ctx.quantities] == ["12%"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.reference_date = None
    assert as_date("2024-06-30T10:00") == dt.date(2024, 6, 30) and as_date("") is None
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        as_date("30/06/2024")
    with pytest.raises(TypeError, match="datetime.date"):
        ClaimxContext(reference_date="2024-06-30")
    bad = extractor.nlp.make_doc("Sales rose 5%.")
    bad._.claimx_context = {"reference_date": "2024-06-30"}
    with pytest.raises(TypeError, match="ClaimxContext"):
        extractor.nlp.get_pipe("claimx_timeframes")(bad)


def test_context_reference_date_reaches_the_timeframes(extractor):
    """The date of the context wins over the component's own setting (new sentences)."""
    import datetime as dt

    from claimx.components.context import ClaimxContext

    nlp = spacy.blank("en")
    nlp.add_pipe("claimx_timeframes", config={"reference_date": "2019-03-01"})
    doc = nlp.make_doc("Exports doubled last year and will rise again next year.")
    assert [t["value"] for t in nlp.get_pipe("claimx_timeframes")(doc)._.claimx_timeframes] == ["2018", "2020"]
    doc = nlp.make_doc("Exports doubled last year and will rise again next year.")
    doc._.claimx_context = ClaimxContext(reference_date=dt.date(2023, 5, 2))
    assert [t["value"] for t in nlp.get_pipe("claimx_timeframes")(doc)._.claimx_timeframes] == ["2022", "2024"]


def test_claims_component_alone_does_the_others_work():
    """Without the quantity, timeframe and cue components the assembler reads them itself and
    stores only its claims (its declared ``assigns``)."""
    nlp = spacy.load(PINNED_MODEL)
    nlp.add_pipe("claimx_claims")
    assert nlp.get_pipe_meta("claimx_claims").assigns == ["doc._.claimx_claims_data"]
    doc = nlp("Wind farms in Texas will probably add 3 GW in 2027, the grid operator said.")
    (claim,) = doc._.claims
    assert (claim.quantity.value, claim.quantity.unit, claim.timeframe.value) == (3.0, "GW", "2027")
    assert claim.attribution.text == "the grid operator said"
    assert doc._.claimx_quantities is None and doc._.claimx_cues is None


def test_components_never_import_each_other_or_the_pipeline():
    """Each component module imports only what lies below the components (context, records, cues,
    grammar, assembly, models), at module level and inside functions."""
    import ast

    from tests.conftest import ROOT

    components = {"attributes", "claims", "cues", "lemmas", "quantities", "timeframes"}
    for name in components:
        tree = ast.parse((ROOT / "claimx" / "components" / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                mod = node.module or ""
                if node.level == 1:
                    assert mod not in components, (name, mod)
                    assert mod or not {a.name for a in node.names} & components, (name, mod)
                assert "pipeline" not in mod.split(".") or mod.startswith("spacy"), (name, mod)


def test_claims_component_leaves_the_noun_chunk_iterator_as_it_found_it(extractor):
    """The assembler hands out one walk's noun chunks and sentences while it runs and puts spaCy's
    iterator back, with no sentence hook left behind."""
    doc = extractor.nlp("The two new reactors of the utility will add 2.2 GW. Its old plant lost 300 MW.")
    assert doc.noun_chunks_iterator is doc.vocab.get_noun_chunks
    assert "sent" not in doc.user_token_hooks
    assert doc[-3].sent.text == "Its old plant lost 300 MW."
    assert [c.text for c in doc.noun_chunks][:2] == ["The two new reactors", "the utility"]
    assert [(c.quantity.value, c.quantity.unit) for c in doc._.claims] == [(2.2, "GW"), (300.0, "MW")]


def test_context_travels_with_the_doc_bytes(extractor):
    """A window's context survives Doc.to_bytes and a DocBin with user data (what spaCy's own worker
    processes and saved corpora use), as the same typed object (new sentences)."""
    import datetime as dt

    from claimx.components.context import ClaimxContext

    text = "In the second quarter, freight volumes at the port rose 7%.\n\nDuring the quarter, 40 ships docked."
    windows = extractor._windows(text, dt.date(2023, 8, 1))
    assert len(windows) == 2
    for doc, _ in windows:
        back = Doc(extractor.nlp.vocab).from_bytes(doc.to_bytes())
        assert isinstance(back._.claimx_context, ClaimxContext)
        assert back._.claimx_context == doc._.claimx_context
    data = DocBin(store_user_data=True, docs=[d for d, _ in windows]).to_bytes()
    docs = list(DocBin().from_bytes(data).get_docs(extractor.nlp.vocab))
    ctx = docs[1]._.claimx_context
    assert ctx.reference_date == dt.date(2023, 8, 1)
    assert [(q["text"], q["value"]) for q in ctx.quantities] == [("40", 40.0)]
    assert [p["value"] for p in ctx.prior_periods] == ["2023-Q2"]


def _pipeline_with_cues_without(extractor, tmp_path, word):
    """A pipeline whose cue finder loads (from_disk) the packaged cues minus every hedge holding ``word``."""
    extractor.nlp.get_pipe("claimx_cues").to_disk(tmp_path)
    data = json.loads((tmp_path / "cues.json").read_text(encoding="utf-8"))
    for group in data["hedges"]:
        group["cues"] = [c for c in group["cues"] if word not in c]
    (tmp_path / "cues.json").write_text(json.dumps(data), encoding="utf-8")
    nlp = spacy.load(PINNED_MODEL)
    nlp.add_pipe("claimx_quantities", first=True)
    for name in ("claimx_timeframes", "claimx_cues", "claimx_claims"):
        nlp.add_pipe(name)
    nlp.get_pipe("claimx_cues").from_disk(tmp_path)
    return nlp


@pytest.mark.parametrize("sentence, word, packaged", [
    ("Wind output in Texas was estimated at 120 TWh for 2025.", "estimated", "estimate"),
    ("Copper demand in Peru is projected to reach 3 million tonnes by 2030.", "projected", "forecast"),
])
def test_a_passive_cue_dropped_from_the_lexicon_is_not_refound_by_the_governing_verb(extractor, tmp_path, sentence, word, packaged):
    (claim,) = extractor.nlp(sentence)._.claims
    assert claim.modality == packaged and word in claim.hedge.text
    (claim,) = _pipeline_with_cues_without(extractor, tmp_path, word)(sentence)._.claims
    assert claim.modality == "asserted" and claim.hedge is None


def test_a_cue_finder_swapped_in_after_the_first_doc_is_the_one_the_assembly_reads(extractor, tmp_path):
    """The claim component keeps the pipeline's cue finders between Docs; replacing the cue finder
    (same name, another object) after a Doc was assembled makes the next Doc's assembly read the
    new one's lexicons: a passive cue the new lexicon lacks is not refound by the governing verb
    (new sentences)."""
    sentences = ["Steel output in Ohio was estimated at 9 million tonnes for 2024.",
                 "Bus ridership in Leeds is estimated at 80 million trips for 2027."]
    nlp = _pipeline_with_cues_without(extractor, tmp_path, "estimated")
    nlp.replace_pipe("claimx_cues", "claimx_cues")  # a fresh cue finder with the packaged cues
    assert [c.modality for s in sentences for c in nlp(s)._.claims] == ["estimate", "estimate"]
    nlp.replace_pipe("claimx_cues", "claimx_cues")
    nlp.get_pipe("claimx_cues").from_disk(tmp_path)  # and one without "estimated"
    assert [(c.modality, c.hedge) for s in sentences for c in nlp(s)._.claims] == [("asserted", None)] * 2


@pytest.mark.parametrize("failing", ["claimx_quantities", "claimx_claims"])
def test_a_failing_component_goes_to_spacys_error_handler(failing, monkeypatch):
    """A claimx component that raises on one text is reported to spaCy's error handler
    (``nlp.default_error_handler``: spaCy wraps the call of every component that has no handler
    of its own), and the other texts of the batch keep their claims."""
    nlp = spacy.load(PINNED_MODEL)
    for name in ("claimx_quantities", "claimx_timeframes", "claimx_cues", "claimx_claims"):
        nlp.add_pipe(name)
    proc = nlp.get_pipe(failing)
    real = type(proc).__call__

    def call(self, doc):
        if "planted" in doc.text:
            raise RuntimeError("planted failure")
        return real(self, doc)

    monkeypatch.setattr(type(proc), "__call__", call)
    seen = []
    nlp.default_error_handler = lambda name, component, docs, e: seen.append((name, str(e)))
    texts = ["Exports rose 12% in 2023.", "A planted 7% failure.", "Rents fell 3.5% in Lisbon."]
    docs = list(nlp.pipe(texts))
    assert seen == [(failing, "planted failure")]
    # spaCy leaves the failed Doc out of nlp.pipe's output; the others keep their claims
    assert [[c.quantity.text for c in d._.claims] for d in docs] == [["12%"], ["3.5%"]]
