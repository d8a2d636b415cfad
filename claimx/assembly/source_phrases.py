"""Source phrases: a name that only says where figures come from, read from the parse of its sentence.

"Earlier data from the Office des Changes, the foreign-exchange regulator, had pointed in the same
direction" names the publisher of the figures, not what they are about; so do "analysts polled by
LSEG", "according to the ministry" and, often, "The IEA expects ...". The entity chooser gets the
shape as a feature (:mod:`claimx.assembly.candidates`), and a sentence's topic, which later
sentences of the paragraph carry over, is never such a source
(:func:`claimx.assembly.passes.discourse.sentence_topic`). The word lists are
``resources/forecasters.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from ..grammar._resources import load


@lru_cache(maxsize=1)
def _source_words() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """(source nouns, source participles, their prepositions, forecaster verbs) of
    ``resources/forecasters.json``."""
    lex = load("forecasters.json", ("verbs", "source_nouns", "source_participles", "source_prepositions"))
    return (frozenset(lex["source_nouns"]), frozenset(lex["source_participles"]),
            frozenset(lex["source_prepositions"]), frozenset(lex["verbs"]))


def source_features(head: Optional[Token]) -> dict:
    """Whether an entity candidate's head names only where figures come from, in its own sentence
    (also for a candidate carried over from an earlier one): ``source=phrase`` for the object of
    "from"/"by" after a source noun or participle ("data from the Office des Changes", "analysts
    polled by LSEG"), ``source=according`` for "according to X", ``source=subject`` for the
    subject of a forecaster verb ("The IEA expects ...", also "Toyota estimates ..."); ``{}`` otherwise."""
    if head is None:
        return {}
    nouns, participles, preps, verbs = _source_words()
    if head.dep_ == "pobj":
        prep, gov = head.head, head.head.head
        if prep.lower_ == "to" and gov.lower_ == "according":
            return {"source=according": 1.0}
        if prep.lower_ in preps and (gov.lemma_.lower() in nouns or gov.lower_ in nouns
                                     or (gov.pos_ == "VERB" and gov.lemma_.lower() in participles)):
            return {"source=phrase": 1.0}
    if head.dep_ == "nsubj" and head.head.pos_ in ("VERB", "AUX") \
            and (head.head.lemma_.lower() in verbs or head.head.lower_ in verbs):
        return {"source=subject": 1.0}
    return {}


def is_source(head: Optional[Token]) -> bool:
    """True when ``head`` is the object of a source phrase ("data from X", "polled by X",
    "according to X"): :func:`source_features` other than the forecaster's subject."""
    f = source_features(head)
    return bool(f) and "source=subject" not in f
