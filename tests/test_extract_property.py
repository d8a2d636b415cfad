"""Property tests of the whole extractor: it never raises and every offset points at its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["revenue", "rose", "fell", "to", "from", "by", "in", "2025", "Q3", "the", "China's", "$", "€", "5", "3.2",
         "billion", "%", "per cent", "about", "over", "is", "expected", "to", "reach", "while", "and", ",", ".",
         "according", "said", "twice", "times", "GW", "tonnes", "its", "a", "third", "of", "(", ")", "“", "”",
         "\n\n", "between", "-", "–", "−4", "x", "respectively", "since", "by 2030", "H1", "FY2024", "1.", "Page"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), st.sampled_from([None, "2025-06-30"]))
def test_extract_never_raises_and_offsets_hold(extractor, words, ref):
    text = " ".join(words)
    for c in extractor.extract(text, reference_date=ref):
        for m in (c.quantity, c.entity, c.metric, c.timeframe, c.hedge, c.attribution, c.reference, c.sentence):
            if m is not None and m.start_char is not None:
                assert text[m.start_char:m.end_char] == m.text
        assert 0.0 <= c.confidence <= 1.0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=0, max_size=300))
def test_extract_survives_any_text(extractor, text):
    for c in extractor.extract(text):
        assert text[c.quantity.start_char:c.quantity.end_char] == c.quantity.text
