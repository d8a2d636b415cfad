"""Source phrases (:mod:`claimx.assembly.source_phrases`): a name that only says where figures come
from is no topic a later sentence carries over, and the entity chooser sees the shape. The
sentences and articles are made up for these tests (no corpus text)."""

from __future__ import annotations

import pytest

from claimx.assembly.source_phrases import is_source, source_features


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def _token(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word, feature", [
    ("Provisional figures from the Danmarks Nationalbank had hinted at a slowdown.", "Nationalbank", "source=phrase"),
    ("The forecast rests on a survey of 900 households conducted by Ipsos last month.", "Ipsos", "source=phrase"),
    ("According to Eurostat, output in the bloc fell in the spring.", "Eurostat", "source=according"),
    ("The Kiel Institute expects exports to recover next year.", "Institute", "source=subject"),
])
def test_source_shapes(nlp, text, word, feature):
    assert source_features(_token(nlp, text, word)) == {feature: 1.0}


@pytest.mark.parametrize("text, word", [
    ("Revenue from Lisbon rose sharply in the spring.", "Lisbon"),
    ("The airline flew 2 million passengers from Madrid.", "Madrid"),
])
def test_a_place_of_origin_is_no_source(nlp, text, word):
    assert source_features(_token(nlp, text, word)) == {}
    assert not is_source(_token(nlp, text, word))


#: the publisher named in one sentence must not become the entity of the next one's figures
ARTICLES = [
    ("""Peru's copper exports hit a record as demand from China rises

Peru's copper exports reached a record last year, the mining ministry said on Monday.

Preliminary data from the Banco Central de Reserva, the monetary authority, had pointed the same way. By the end of October, copper shipments had climbed to 2.1 million tonnes, up 6.4% on a year earlier.""",
     "6.4%", "Peru"),
    ("""Chile's wine sales abroad climb for a third year

Chile's wine exporters sold more bottles abroad in 2024, the farm ministry said.

Figures from the Oficina de Estudios Agrarios, the ministry's statistics office, had suggested as much. In the first half, export revenue rose 8.2% to $890 million.""",
     "8.2%", "Chile"),
]


@pytest.mark.parametrize("text, quantity, entity", ARTICLES)
def test_the_previous_sentence_publisher_is_not_carried(extractor, text, quantity, entity):
    claims = [c for c in extractor.extract(text) if c.quantity.text == quantity]
    assert claims and claims[0].entity is not None
    assert claims[0].entity.text == entity


def _first_topic(extractor, text):
    from claimx.assembly.context import DocState
    from claimx.assembly.passes.discourse import sentence_topic
    from claimx.components import claims as _  # noqa: F401  (registers the doc extensions)

    doc = extractor.nlp(text)
    st = DocState.build(doc, doc._.claimx_quantities or [], doc._.claimx_timeframes or [], doc._.claimx_cues)
    return sentence_topic(st, st.sentences[0])


@pytest.mark.parametrize("text", [
    "Preliminary data from the Banco Central de Reserva, the monetary authority, had pointed the same way. "
    "By the end of October, copper shipments had climbed to 2.1 million tonnes, up 6.4% on a year earlier.",
    "Earlier figures from the National Statistics Office, the country's data agency, had suggested as much. "
    "In the first half, export revenue rose 8.2% to $890 million.",
])
def test_a_publisher_is_no_sentence_topic(extractor, text):
    assert _first_topic(extractor, text) is None


def test_a_place_in_the_sentence_is_still_its_topic(extractor):
    topic = _first_topic(extractor, "Shipments from Peru had pointed the same way. Exports rose 6.4% in October.")
    assert topic is not None and topic["text"] == "Peru"
