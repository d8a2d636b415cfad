"""Structural fuzzing of the whole extractor: texts composed of real fragments.

The strategies build number-dense, article-like text from the pieces claimx must take apart:
lists with "and"/"respectively", brackets and conversions, ranges, signs, currencies, scale words
and unit letters glued to digits, comparators, modal verbs, quotes, headings, bullets, plus the
sentences of the seed, the cases and the development corpus cut and recombined. :func:`check`
states the invariants. Used by ``tests/test_structural_fuzz.py`` (10,000 single articles and
1,000 batches; 300 batches under the hypothesis "ci" profile) and ``benchmarks/fuzz.py`` (100,000).
"""

from __future__ import annotations

import json
import math
import re
import time
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
#: Seconds one example (all its texts, alone and in a batch) may take.
EXAMPLE_LIMIT = 10.0

_SENT = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1)
def corpus_sentences() -> tuple[str, ...]:
    """Sentences of the seed, the cases and the development corpus (blank-line paragraphs cut
    at sentence ends)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "dev" / "docs").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for line in (ROOT / "corpus" / "cases" / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    out = []
    for text in texts:
        for para in re.split(r"\n\s*\n", text):
            out.extend(s.strip() for s in _SENT.split(para) if s.strip())
    return tuple(out)


_digits = st.integers(min_value=0, max_value=10**9).map(str)
_decimal = st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 9999), st.integers(0, 999))
_grouped = st.integers(min_value=1000, max_value=10**12).map(lambda n: f"{n:,}")
_number = st.one_of(_digits, _decimal, _grouped, st.sampled_from(["0", "00", "1", "9", "007", ".5", "1.", "3/4"]))
_sign = st.sampled_from(["", "", "", "-", "+", "−", "–", "~", "c.", "about ", "nearly "])
_currency = st.sampled_from(["$", "US$", "€", "£", "¥", "Rs ", "Rs.", "USD", "USD ", "EUR ", "₹", "KSh", "R$", ""])
_scale = st.sampled_from(["", "", " million", " billion", " trillion", "m", "bn", "M", "k", "K", " lakh", " crore",
                          " mn", " bln", "tn", " thousand", " hundred"])
_unit = st.sampled_from(["", "%", " percent", " per cent", "bps", "bp", " basis points", "x", " times", " MW", "GW",
                         " kWh", " TWh", " tonnes", "t", " km", "km²", " m2", " °C", " mpg", " PB", " GB/s",
                         " per capita", " a year", "/yr", " people", " jobs", " %", "pp", " points"])
_comparator = st.sampled_from(["", "", "more than ", "less than ", "up to ", "at least ", "over ", "under ",
                               "< ", "> ", "≥", "<=", "almost ", "roughly ", "as much as "])
_word = st.sampled_from(["revenue", "sales", "output", "Exports", "the company", "Tesla", "India's GDP", "it",
                         "wind", "solar", "profit", "emissions", "prices", "The agency", "analysts", "jobs",
                         "growth", "inflation", "capacity", "the firm", "households", "rents", "China"])
_verb = st.sampled_from(["rose", "fell", "grew", "reached", "was", "will be", "may reach", "could fall",
                         "is expected to hit", "said", "supplied", "made up", "increased by", "dropped to",
                         "would", "might", "has", "totalled", "jumped", "is estimated at", "will"])
_timex = st.sampled_from(["", "", " in 2023", " in Q3", " last year", " by 2030", " in October", " this year",
                          " between 2019 and 2022", " in FY24", " over the decade", " on Monday", " in 1999-2000"])
_punct = st.sampled_from(["", ".", ",", ";", ":", "!", "?", "…", ")", "(", "\"", "'", "”", "“", "~", "*", "/"])


@st.composite
def quantity(draw) -> str:
    """One quantity: comparator, sign, currency, number, scale, unit, in some order and gluing."""
    core = draw(_currency) + draw(_number) + draw(_scale) + draw(_unit)
    return draw(_comparator) + draw(_sign) + core


@st.composite
def quantity_group(draw) -> str:
    """A quantity alone, a range, a conversion in brackets, or a coordinated list."""
    kind = draw(st.integers(0, 5))
    q = draw(quantity())
    if kind == 0:
        return q
    if kind == 1:
        return draw(st.sampled_from(["{}-{}", "{} to {}", "between {} and {}", "from {} to {}", "{}–{}", "{}/{}"])
                    ).format(q, draw(quantity()))
    if kind == 2:
        return f"{q} ({draw(quantity())})" if draw(st.booleans()) else f"{q} [{draw(_number)}]"
    if kind == 3:
        items = draw(st.lists(quantity(), min_size=2, max_size=4))
        tail = ", respectively" if draw(st.booleans()) else ""
        return ", ".join(items[:-1]) + " and " + items[-1] + tail
    if kind == 4:
        return draw(_number) + draw(_unit) + " and " + draw(_number) + draw(_unit)
    return " ".join(draw(st.lists(_number, min_size=2, max_size=6))) + draw(_unit)


@st.composite
def sentence(draw) -> str:
    """A clause around quantities, a corpus sentence, or a corpus sentence cut and spliced."""
    kind = draw(st.integers(0, 4))
    sents = corpus_sentences()
    if kind == 0:  # a corpus sentence, or a piece of one (at most 160 characters)
        a = draw(st.sampled_from(sents))
        i = draw(st.integers(0, max(0, len(a) - 160)))
        return a[i:i + 160]
    if kind == 1:  # the head of one spliced to the tail of another
        a, b = draw(st.sampled_from(sents)), draw(st.sampled_from(sents))
        i, j = draw(st.integers(0, min(80, len(a)))), draw(st.integers(max(0, len(b) - 80), len(b)))
        return a[:i] + b[j:]
    s = f"{draw(_word)} {draw(_verb)} {draw(quantity_group())}{draw(_timex)}"
    if draw(st.booleans()):
        s += f", {draw(_word)} {draw(_verb)}"
    if draw(st.booleans()):
        s = f"\"{s},\" {draw(_word)} said" if draw(st.booleans()) else f"{s}, according to {draw(_word)}"
    return s + draw(_punct)


@st.composite
def line(draw) -> str:
    prefix = draw(st.sampled_from(["", "", "", "- ", "* ", "• ", "1. ", "# ", "## ", "> ", "| ", "  "]))
    return prefix + draw(sentence())


@st.composite
def article(draw) -> str:
    """Lines joined by newlines and blank lines; sometimes a heading underlined."""
    lines = draw(st.lists(line(), min_size=1, max_size=2))
    seps = draw(st.lists(st.sampled_from(["\n", "\n\n", " ", "\r\n", "\n\n\n", "\t"]),
                         min_size=len(lines), max_size=len(lines)))
    text = "".join(a + b for a, b in zip(lines, seps))
    if draw(st.booleans()):
        text = draw(st.sampled_from(["Title\n=====\n\n", "HEADLINE 2024\n\n", "**Q3 results**\n"])) + text
    return text


#: One article in a list (the invariants of :func:`check` but the batch one).
one_article = st.lists(article(), min_size=1, max_size=1)
#: Two or three articles: :func:`check` also compares their batch with their extraction alone.
articles = st.lists(article(), min_size=2, max_size=3)

_MENTIONS = ("quantity", "entity", "metric", "timeframe", "hedge", "attribution", "reference", "sentence")
_VALUES = ("value", "lower", "upper", "base_value")


def check(extractor, texts: list[str]) -> None:
    """The invariants, for texts extracted alone and then together in one batch.

    No exception; no example over :data:`EXAMPLE_LIMIT` seconds; every mention's offsets give
    its text; every value finite or ``None``; the same claims in a batch as alone.
    """
    t0 = time.monotonic()
    alone = [extractor.extract(t, doc_id=f"d{i}") for i, t in enumerate(texts)]
    for text, claims in zip(texts, alone):
        for c in claims:
            for name in _MENTIONS:
                m = getattr(c, name)
                if m is not None and m.start_char is not None:
                    assert text[m.start_char:m.end_char] == m.text, (name, m, text)
            for name in _VALUES:
                v = getattr(c.quantity, name)
                assert v is None or math.isfinite(v), (name, v, c.quantity.text)
    if len(texts) > 1:
        together = [cl for cl, _ in extractor.pipe([(t, {"doc_id": f"d{i}"}) for i, t in enumerate(texts)],
                                                   as_tuples=True)]
        assert [[c.model_dump() for c in cl] for cl in together] == [[c.model_dump() for c in cl] for cl in alone]
    took = time.monotonic() - t0
    assert took < EXAMPLE_LIMIT, f"{took:.1f} s for {sum(map(len, texts))} characters"
