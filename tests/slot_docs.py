"""Hand-built spaCy Docs for slot tests: words, heads, deps, POS, lemmas and entities given, no model."""

from __future__ import annotations

from typing import Optional

import spacy
from spacy.tokens import Doc

from claimx.assembly.context import DocState, QuantityContext

_VOCAB = spacy.blank("en").vocab


def make_doc(rows: list[tuple], ents: Optional[list[str]] = None) -> Doc:
    """``rows``: (word, head index, dep, POS, lemma[, tag][, no space after]) per token."""
    words = [r[0] for r in rows]
    spaces = [not (len(r) > 6 and r[6]) for r in rows]
    spaces[-1] = False
    doc = Doc(_VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], lemmas=[r[4] for r in rows],
              tags=[r[5] if len(r) > 5 and r[5] else r[3] for r in rows],
              ents=ents or ["O"] * len(rows))
    return doc


def span_chars(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def quantity(doc: Doc, first: int, last: int, value: float, unit: Optional[str] = None, **extra) -> dict:
    """A quantity record over tokens ``first..last`` as the quantity component stores it."""
    s, e = span_chars(doc, first, last)
    q = {"text": doc.text[s:e], "start_char": s, "end_char": e, "value": value, "unit": unit, "comparator": "=",
         "lower": None, "upper": None, "base_value": None, "base_unit": None, "approximate": False, "form": "digits"}
    q.update(extra)
    return q


def context(doc: Doc, quantities: list[dict], qi: int = 0, *, timeframes=(), hedges=(), attributions=()) -> QuantityContext:
    """The :class:`QuantityContext` of quantity ``qi`` on ``doc``."""
    st = DocState.build(doc, list(quantities), list(timeframes), {"hedges": list(hedges), "attributions": list(attributions)})
    q = st.quantities[qi]
    s = next(s for s in st.sentences if q in s.quantities)
    return QuantityContext.build(st, s, qi)


def draft(ctx: QuantityContext, **slots) -> dict:
    """A claim dict as the engine builds it before the entity slot (``slots`` override)."""
    q = ctx.quantity
    claim = {"kind": "level", "quantity": {k: q.get(k) for k in ("text", "start_char", "end_char", "value", "unit")},
             "entity": None, "metric": None, "attribution": None, "reference": None, "change": None}
    claim.update(slots)
    return claim


# "Revenue reached 5 billion."
def revenue_reached():
    doc = make_doc([("Revenue", 1, "nsubj", "NOUN", "revenue"), ("reached", 1, "ROOT", "VERB", "reach"),
                    ("5", 3, "compound", "NUM", "5"), ("billion", 1, "dobj", "NUM", "billion", None, True),
                    (".", 1, "punct", "PUNCT", ".")])
    return doc, [quantity(doc, 2, 3, 5e9)]


# "Orion operates 42 clusters."
def orion_operates():
    doc = make_doc([("Orion", 1, "nsubj", "PROPN", "Orion"), ("operates", 1, "ROOT", "VERB", "operate"),
                    ("42", 3, "nummod", "NUM", "42"), ("clusters", 1, "dobj", "NOUN", "cluster", None, True),
                    (".", 1, "punct", "PUNCT", ".")], ents=["B-ORG", "O", "O", "O", "O"])
    return doc, [quantity(doc, 2, 2, 42)]


# "China's output rose 5%."
def china_output():
    doc = make_doc([("China", 2, "poss", "PROPN", "China", "NNP", True), ("'s", 0, "case", "PART", "'s", "POS"),
                    ("output", 3, "nsubj", "NOUN", "output"), ("rose", 3, "ROOT", "VERB", "rise", "VBD"),
                    ("5", 5, "nummod", "NUM", "5", "CD", True), ("%", 3, "dobj", "NOUN", "%", "NN", True),
                    (".", 3, "punct", "PUNCT", ".")], ents=["B-GPE", "O", "O", "O", "O", "O", "O"])
    return doc, [quantity(doc, 4, 5, 5, "%")]


# "Its tapes hold 12 PB."
def tapes_hold():
    doc = make_doc([("Its", 1, "poss", "PRON", "its", "PRP$"), ("tapes", 2, "nsubj", "NOUN", "tape"),
                    ("hold", 2, "ROOT", "VERB", "hold"), ("12", 4, "nummod", "NUM", "12"),
                    ("PB", 2, "dobj", "NOUN", "pb", None, True), (".", 2, "punct", "PUNCT", ".")])
    return doc, [quantity(doc, 3, 4, 12, "PB")]
