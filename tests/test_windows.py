"""Choosing what to parse (claimx.windows): the windows themselves, and that the work is linear.

The linearity tests count work instead of timing it: every read of a candidate's offsets goes
through a counter, and the reads per candidate must stay bounded by a constant as the paragraph
grows. A quadratic step (each window scanning all candidates) makes that count grow with the
number of candidates and fails the test on any machine, loaded or not.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.windows import assign_to_windows, sentence_bounds, sentence_windows, split_long


class CountingSpans(list):
    """A list of (start, end) spans that counts item reads (indexing and iteration)."""

    reads = 0

    def __getitem__(self, i):
        CountingSpans.reads += 1
        return super().__getitem__(i)

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]


def _reference_windows(text, s, e, spans, context):
    """The straightforward (quadratic) definition the linear code must equal."""
    sents = sentence_bounds(text, s, e)
    keep = set()
    for q_start, _ in spans:
        j = next(k for k, (a, b) in enumerate(sents) if b > q_start or k == len(sents) - 1)
        keep.update(range(max(0, j - context), j + 1))
    windows = []
    for k, (a, b) in enumerate(sents):
        if k in keep:
            if windows and windows[-1][1] == a:
                windows[-1] = (windows[-1][0], b)
            else:
                windows.append((a, b))
    merged = []
    for a, b in windows:
        if merged and merged[-1][1] >= a:
            a = merged.pop()[0]
        while any(qs < b < qe for qs, qe in spans):
            b = next(y for x, y in sents if y >= max(qe for qs, qe in spans if qs < b < qe))
        merged.append((a, b))
    return [(a, len(text[:b].rstrip()) if text[a:b].strip() else a) for a, b in merged if text[a:b].strip()]


def _long_paragraph(n_sentences: int) -> tuple[str, list[tuple[int, int]]]:
    """One paragraph: every sixth sentence holds two numbers; returns text and number spans."""
    parts, spans, pos = [], [], 0
    for i in range(n_sentences):
        if i % 6 == 0:
            pct, amount = str(i % 90 + 5), f"{i + 5000:,}"
            sent = f"Output rose {pct} percent to {amount} tonnes in the year. "
            for num, at in ((pct, sent.index(pct)), (amount, sent.rindex(amount))):
                spans.append((pos + at, pos + at + len(num)))
        else:
            sent = "Nothing is counted in this sentence at all. "
        parts.append(sent)
        pos += len(sent)
    return "".join(parts), sorted(spans)


def test_windows_keep_candidate_sentences_and_context():
    text = "Alpha beta. Gamma delta. Sales rose 5% in the year. Epsilon zeta. Eta theta. Iota 7 kappa."
    spans = [(text.index("5%"), text.index("5%") + 2), (text.index("7"), text.index("7") + 1)]
    got = sentence_windows(text, 0, len(text), spans, 1)
    assert [text[a:b] for a, b in got] == ["Gamma delta. Sales rose 5% in the year.", "Eta theta. Iota 7 kappa."]
    assert sentence_windows(text, 0, len(text), spans, None) == [(0, len(text))]


def test_window_never_ends_inside_a_candidate():
    # the cheap splitter cuts after "25.", but a candidate (made up) runs across the cut: the window
    # runs on to the end of the sentence where it ends
    text = "Prices were up by 25. Million units were sold. Far away. Other words. Nothing 9."
    q = text.index("25. Million")
    spans = [(q, q + len("25. Million")), (text.index("9."), text.index("9.") + 1)]
    got = sentence_windows(text, 0, len(text), spans, 0)
    assert [text[a:b] for a, b in got] == ["Prices were up by 25. Million units were sold.", "Nothing 9."]
    # the same as the last window of its paragraph, and one that reaches the next window
    assert [text[a:b] for a, b in sentence_windows(text, 0, len(text), spans[:1], 0)] == [
        "Prices were up by 25. Million units were sold."]
    text2 = "Up by 25. Million were sold. Nothing 9."
    q2 = text2.index("25. Million")
    spans2 = [(q2, q2 + len("25. Million were sold. No")), (text2.index("9"), text2.index("9") + 1)]
    assert sentence_windows(text2, 0, len(text2), spans2, 0) == [(0, len(text2))]


def test_assign_to_windows_drops_spans_that_cross_an_edge():
    windows = [(0, 10), (20, 30)]
    spans = [(1, 3), (8, 12), (12, 14), (20, 30), (29, 31)]
    assert assign_to_windows(windows, spans) == [[0], [3]]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Ab cd.", "Ef 12.", "Gh 3.4 ij.", "Kl mn", "Op.", "\u201cQr 5%.\u201d", "st"]),
                min_size=1, max_size=30), st.integers(0, 3), st.data())
def test_windows_equal_the_reference_definition(words, context, data):
    text = " ".join(words)
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    starts = sorted(set(data.draw(st.lists(st.sampled_from(digits), max_size=6)) if digits else []))
    spans = [(a, min(len(text), a + data.draw(st.integers(1, 12)))) for a in starts]
    assert sentence_windows(text, 0, len(text), spans, context) == _reference_windows(text, 0, len(text), spans, context)


def test_window_work_is_linear_in_the_number_of_candidates():
    per_candidate = []
    for n in (600, 6000):
        text, spans = _long_paragraph(n)
        counted = CountingSpans(spans)
        CountingSpans.reads = 0
        windows = sentence_windows(text, 0, len(text), counted, 2)
        assign_to_windows(windows, counted)
        per_candidate.append(CountingSpans.reads / len(spans))
        assert len(windows) > n // 20  # many windows, so a per-window scan would show
    small, large = per_candidate
    assert large <= small * 1.2 + 1, per_candidate
    assert large < 10, per_candidate


@pytest.mark.parametrize("context", [None, 2])
def test_extractor_windows_read_each_quantity_a_bounded_number_of_times(extractor, monkeypatch, context):
    """The same through Extractor._windows with the real grammar: reads of each quantity's offsets
    per quantity stay constant when the paragraph is ten times longer."""
    import claimx.grammar.quantities as gq
    from claimx import Extractor

    ex = Extractor(extractor.nlp, context_sentences=context)

    real = gq.find_quantities
    reads = {"n": 0}

    class Counted:
        def __init__(self, m):
            object.__setattr__(self, "_m", m)

        def __getattr__(self, name):
            reads["n"] += 1
            return getattr(self._m, name)

    monkeypatch.setattr(gq, "find_quantities", lambda text, **kw: [Counted(m) for m in real(text, **kw)])
    per_quantity = []
    for n in (300, 3000):
        text, _ = _long_paragraph(n)
        reads["n"] = 0
        windows = ex._windows(text)
        n_q = sum(len(doc._.claimx_context.quantities) for doc, _ in windows)
        assert n_q == 2 * len(range(0, n, 6))
        per_quantity.append(reads["n"] / n_q)
    small, large = per_quantity
    assert large <= small * 1.2 + 1, per_quantity


def test_split_long_tiles_the_span_in_pieces_under_the_limit():
    rng = random.Random(7)
    text = "".join(rng.choice(["word ", "end. ", "x", "Yy. "]) for _ in range(5000))
    pieces = list(split_long(text, 3, len(text) - 2, 300))
    assert pieces[0][0] == 3 and pieces[-1][1] == len(text) - 2
    assert all(b - a < 300 for a, b in pieces)
    assert all(p[1] == q[0] for p, q in zip(pieces, pieces[1:]))


def _prefix(text, *quantities):
    spans = sorted((text.index(q), text.index(q) + len(q)) for q in quantities)
    return [text[a:b] for a, b in sentence_windows(text, 0, len(text), spans, None)]


def test_default_window_runs_from_the_paragraph_start_to_the_last_candidate_sentence():
    text = "Chile built farms. Nothing here. Output hit 5 GW today. Later words. Price fell 3%. After that."
    assert _prefix(text, "5 GW") == ["Chile built farms. Nothing here. Output hit 5 GW today."]
    assert _prefix(text, "5 GW", "3%") == ["Chile built farms. Nothing here. Output hit 5 GW today. Later words. Price fell 3%."]
    assert sentence_windows(text, 0, len(text), [], None) == []


def test_default_window_follows_an_open_quotation_to_its_cue():
    # curly quotes: open at the last candidate's sentence, closed at the end of the next one,
    # then the sentence with the cue
    text = "\u201cSales rose 4% in May. It was hard.\u201d The minister said so. Other news. More."
    assert _prefix(text, "4%") == ["\u201cSales rose 4% in May. It was hard.\u201d The minister said so."]
    # straight quotes toggle; a quotation closed inside its sentence needs nothing more
    text = 'He said "we sold 12 units" on Monday. Nothing else. The end.'
    assert _prefix(text, "12 units") == ['He said "we sold 12 units" on Monday.']
    # never closed: the rest of the paragraph
    text = "\u201cWe sold 12 units. Then more. And more. Still open"
    assert _prefix(text, "12 units") == [text]
    # a quotation closed before the candidate's sentence changes nothing
    text = "\u201cHard work.\u201d Output rose 7% then. The minister said so."
    assert _prefix(text, "7%") == ["\u201cHard work.\u201d Output rose 7% then."]
