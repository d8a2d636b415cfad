"""Property tests: find_quantities never raises, spans slice back to their text, sorted, disjoint."""

from hypothesis import given, settings, strategies as st

from claimx.grammar.quantities import find_quantities

_PIECES = st.sampled_from([
    "1,234", "5.6", "−9.5", "-", "–", "—", " ", "\u2009", "\u202f", "\u00a0", "%", "$", "US$", "€", "¥", "bn",
    "million", "billion", " to ", " and ", "between ", "from ", "over ", "up to ", "about ", "per ", "kWh",
    "petabytes", "times", "-fold", "twice", "two", "hundred", "forty-two", "a ", "half", "third", " of ",
    "several", "millions", "³", "[12]", "*", "2025", "GPT-", "Q1 ", "June ", "°C", "/", ".", ",", "x",
    "trillion-dollar", "yuan", "Rs ", "crore", "lakh", "K", "M", "one in four", "points", "top ", "Table ",
    "中国", "٣", "Москва 12", "\n",
])


def _check(text: str) -> None:
    ms = find_quantities(text)
    prev_end = 0
    for m in ms:
        assert text[m.start_char:m.end_char] == m.text
        assert m.start_char >= prev_end
        assert m.start_char < m.end_char
        prev_end = m.end_char
        if m.value is None and m.lower is not None:
            assert m.lower <= m.upper


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_grammar_pieces_never_break(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_breaks(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", " million", " billion", "%", " MW"]))
def test_integers_round_trip(n, suffix):
    text = f"The total was {n:,}{suffix} last week."
    ms = find_quantities(text)
    if suffix == "" and 1800 <= n <= 2199:
        return
    assert len(ms) == 1
    scale = {" million": 1e6, " billion": 1e9}.get(suffix, 1)
    assert ms[0].value == n * scale
