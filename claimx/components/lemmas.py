"""``claimx_lemmatizer``: spaCy's English rule lemmatizer with every result cached.

The stock rule lemmatizer caches the lemmas it works out by rule, but not the two shortcuts it
takes first -- a token with no POS, and a base form ("is_base_form": singular nouns, infinitives,
positive adjectives, most tokens of a text) -- so it still runs a Python call chain, a morphology
dict and several table lookups per token. What it returns depends only on the token's
(orth, POS, morphology) triple, so this subclass keeps the first lemma per triple in a table,
reads the triples of a whole Doc with one :meth:`~spacy.tokens.Doc.to_array` call and writes the
lemmas back with one :meth:`~spacy.tokens.Doc.from_array` call. Lemmas set before it runs (by the
attribute ruler's exceptions) are kept unless ``overwrite``, as in the stock component; the lookup
mode and any other mode go the stock way. Every lemma ends up the same
(``tests/test_components.py`` compares them token by token with the stock lemmatizer).

:func:`claimx.pipeline.add_claimx_components` swaps it in for a stock English ``lemmatizer`` in
rule mode; lookups, serialisation and scoring are the stock component's (this is a subclass).
"""

from __future__ import annotations

from typing import Any, Callable, Optional

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

#: Entries of the (orth, pos, morph) -> lemma table before it is emptied and refilled.
_MAX_TABLE = 200_000
_ATTRS = [ORTH, POS, MORPH, LEMMA]


class TableLemmatizer(EnglishLemmatizer):
    """An :class:`~spacy.lang.en.lemmatizer.EnglishLemmatizer` whose rule mode goes through a table
    of (orth, POS, morphology) -> lemma hash. Same constructor, lookups, serialisation and scorer;
    only ``__call__`` differs, and its output is identical."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_table: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set ``token.lemma`` on every token of ``doc`` that has none (every token with
        ``overwrite``), as :class:`~spacy.pipeline.Lemmatizer` would. Returns ``doc``."""
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            rows = doc.to_array(_ATTRS)
            table = self._lemma_table
            strings = self.vocab.strings
            lemmas = rows[:, 3].tolist()
            overwrite = self.overwrite
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not overwrite:
                    continue
                key = (orth, pos, morph)
                found = table.get(key)
                if found is None:
                    if len(table) >= _MAX_TABLE:  # memory stays bounded on any corpus
                        table.clear()
                    found = table[key] = strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = found
            doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides (it raises by default)
            error_handler(self.name, self, [doc], e)
            return doc


@Language.factory(
    "claimx_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
)
def make_table_lemmatizer(nlp: Language, model: Any, name: str, mode: str, overwrite: bool,
                          scorer: Optional[Callable]) -> TableLemmatizer:
    """Factory of :class:`TableLemmatizer` (configured like spaCy's English ``lemmatizer``)."""
    return TableLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
