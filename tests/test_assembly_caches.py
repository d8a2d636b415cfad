"""The assembly's per-Doc and per-sentence caches give what spaCy gives when asked anew
(made-up sentences; the claims of whole corpora are compared in tests/test_pipeline.py and
tests/test_claims_golden.py)."""

from __future__ import annotations

import gc

import pytest

from claimx.assembly.clauses import segments
from claimx.assembly.context import _TEXTS, DocState, doc_text

TEXTS = [
    "Nordvik Energy said on Tuesday that output at its Harstad plant rose 12% to 4.1 TWh in 2024, "
    "while Fjordline Ltd. expects sales of $310 million next year.",
    "The Lisbon city council approved 2,400 new homes; the Porto region, which built 900 last year, "
    "plans 1,100 more by 2027, officials in Portugal said.",
]


@pytest.fixture(scope="module")
def states(extractor):
    out = []
    for text in TEXTS:
        doc = extractor.nlp(text)
        out.append(DocState.build(doc, list(doc._.claimx_quantities), list(doc._.claimx_timeframes),
                                  doc._.claimx_cues))
    return out


def test_doc_text_is_the_docs_text_and_is_kept_per_doc(extractor):
    doc = extractor.nlp.make_doc(TEXTS[0])
    assert doc_text(doc) == doc.text == TEXTS[0]
    assert doc_text(doc) is doc_text(doc)
    other = extractor.nlp.make_doc(TEXTS[1])
    assert doc_text(other) == TEXTS[1]
    # the quantity component splits tokens ("$310" -> "$" + "310"): the text stays the same
    split = extractor.nlp.get_pipe("claimx_quantities")(extractor.nlp.make_doc("It cost USD41.3 million."))
    assert doc_text(split) == "It cost USD41.3 million."


def test_doc_text_follows_a_doc_filled_again(extractor):
    # spaCy loads bytes only into an empty Doc
    a, b = extractor.nlp.make_doc(""), extractor.nlp.make_doc("Exports fell 3% in May.")
    assert doc_text(a) == ""
    a.from_bytes(b.to_bytes())
    assert doc_text(a) == "Exports fell 3% in May."


def test_doc_text_does_not_keep_docs_alive(extractor):
    doc = extractor.nlp.make_doc("Imports rose 7% to 2.2 million tonnes.")
    doc_text(doc)
    n = len(_TEXTS)
    del doc
    gc.collect()
    assert len(_TEXTS) == n - 1


def test_entities_and_noun_chunks_are_spacys(states):
    for st in states:
        assert list(st.ents) == list(st.doc.ents) and len(st.ents) >= 3
        assert len(st.sentences) >= 1
        for s in st.sentences:
            assert list(s.ents) == list(s.span.ents)
            assert s.noun_chunks == list(s.span.noun_chunks) and s.noun_chunks
    assert "Nordvik Energy" in [e.text for e in states[0].ents]
    assert "Portugal" in [e.text for e in states[1].ents]


def test_heads_and_span_tokens_are_spacys(states):
    for st in states:
        assert st.heads == [t.head.i for t in st.doc]
        for start, end in ((0, 14), (5, 30), (len(st.text) - 9, len(st.text))):
            span = st.doc.char_span(start, end, alignment_mode="expand")
            assert [t.i for t in st.span_tokens(start, end)] == [t.i for t in span]
            assert st.span_tokens(start, end) is st.span_tokens(start, end)
    first = states[0].span_tokens(0, 6)
    assert [t.text for t in first] == ["Nordvik"]


def test_segments_are_worked_out_once_per_sentence(states):
    st = states[1]
    s = st.sentences[0]
    segs = segments(st, s)
    assert segments(st, s) is segs
    # split at ";" and "which" (cues.json clause boundaries): more than one segment, covering the sentence
    assert len(segs) >= 2 and segs[0][0] == s.start and segs[-1][1] == s.end
    assert st.text[segs[1][0]:segs[1][0] + 1] == ";"


def test_split_at_returns_the_doc_when_no_cut_falls_inside_a_token(extractor):
    from claimx.components.quantities import split_at

    doc = extractor.nlp.make_doc("Wheat exports rose 5 % to 3.2 million tonnes.")
    assert split_at(doc, [19, 20, 21, 22, 26, 29]) is doc
    doc = extractor.nlp.make_doc("Ferrovia paid EUR120m for 14 trains.")
    out = split_at(doc, [14, 17, 21, 26, 28])
    assert [t.text for t in out] == ["Ferrovia", "paid", "EUR", "120", "m", "for", "14", "trains", "."]
    assert out.text == doc.text
