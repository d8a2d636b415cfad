"""``claimx_attribute_ruler``: spaCy's attribute ruler with its rules compiled into a lookup table.

The English pipelines map each fine-grained tag to its coarse POS and morphology, plus a few dozen
word exceptions, with an :class:`~spacy.pipeline.AttributeRuler` -- about 180 Matcher patterns
tried at every token, which costs about as much as the tagger on dense text. Nearly all of those
patterns look at one token only (its ``TAG``, ``LOWER``, ``DEP`` or ``IS_SPACE``: equal to, ``IN``,
``NOT_IN`` or ``REGEX``), so what they set
depends only on that token's (tag, lower-case form, dependency label): this component works out
the result once per distinct triple, caches it, and sets it with spaCy's own
``set_token_attrs``. The few longer patterns ("there is": ``DEP=expl`` + a form of *be*; "ai n't") are
checked only where their first token matches. Rules are applied in the ruler's order, later rules
winning, exactly as :meth:`AttributeRuler.set_annotations` does; every attribute ends up the same
(``tests/test_components.py`` compares ``pos``, ``tag``, ``morph``, ``lemma`` and ``dep`` token by
token with the stock ruler). Patterns it cannot compile (operators, other attributes, extension
attributes) make it fall back to the stock Matcher path for the whole ruler.

:func:`claimx.pipeline.add_claimx_components` swaps it in for a stock ``attribute_ruler``;
patterns, serialisation and scoring are the stock ruler's (this is a subclass).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Optional

from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: Attributes a compiled rule may set: all of them belong to the token, none to the word form
#: (a lexical attribute set through one token would change every token of that word, in rule order).
_SETTABLE = frozenset({POS, TAG, MORPH, LEMMA, DEP})
#: Entries of the (tag, lower, dep, is_space) table before it is emptied and refilled.
_MAX_TABLE = 100_000
#: Token attributes a compiled pattern may test, and how to read them from a token.
_READ: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


@lru_cache(maxsize=None)
def _regex(pattern: str) -> "re.Pattern[str]":
    return re.compile(pattern)


def _values(token: Any) -> dict[str, Any]:
    return {k: read(token) for k, read in _READ.items()}


def _spec_ok(spec: dict) -> bool:
    for key, value in spec.items():
        if key not in _READ:
            return False
        if isinstance(value, dict):
            if set(value) - {"IN", "NOT_IN", "REGEX"}:
                return False
            if not all(isinstance(v, (list, tuple)) for k, v in value.items() if k != "REGEX"):
                return False
            if "REGEX" in value and (key == "IS_SPACE" or not isinstance(value["REGEX"], str)):
                return False
        elif not isinstance(value, (str, bool)):
            return False
    return True


def _spec_holds(spec: dict, values: dict[str, Any]) -> bool:
    for key, want in spec.items():
        got = values[key]
        if isinstance(want, dict):
            if "IN" in want and got not in want["IN"]:
                return False
            if "NOT_IN" in want and got in want["NOT_IN"]:
                return False
            if "REGEX" in want and not _regex(want["REGEX"]).search(got):  # as spaCy's Matcher: re.search
                return False
        elif got != want:
            return False
    return True


class TableAttributeRuler(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` that applies its rules through a cached table.

    Same constructor, patterns, serialisation and scorer as the stock ruler; only ``__call__``
    differs, and its output is identical. The table is rebuilt lazily after patterns change.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._table: Optional[dict] = None
        self._compiled: Optional[tuple] = None
        self._shared: dict = {}

    # any change of patterns invalidates the compiled table
    def clear(self) -> None:
        """Reset all patterns (and the compiled table)."""
        super().clear()
        self._table = None
        self._compiled = None

    def add(self, patterns, attrs, index: int = 0) -> None:  # type: ignore[override]
        """Add patterns as :meth:`AttributeRuler.add` does (the compiled table is rebuilt on next use)."""
        super().add(patterns, attrs, index)
        self._table = None
        self._compiled = None

    def from_bytes(self, *args: Any, **kwargs: Any) -> "TableAttributeRuler":
        """Load as the stock ruler does; the compiled table is rebuilt on next use."""
        super().from_bytes(*args, **kwargs)
        self._table = None
        self._compiled = None
        return self

    def from_disk(self, *args: Any, **kwargs: Any) -> "TableAttributeRuler":
        """Load as the stock ruler does; the compiled table is rebuilt on next use."""
        super().from_disk(*args, **kwargs)
        self._table = None
        self._compiled = None
        return self

    def _compile(self) -> tuple:
        """``(ok, by_tag, by_lower, general, multis)``: the single-token rules as ``(rule, spec,
        attrs)`` indexed by the exact tag or lower-case form they require (``general``: neither),
        the longer ones as ``(rule, specs, index, attrs)``; ``ok`` False when some pattern cannot
        be compiled."""
        by_tag: dict[str, list] = {}
        by_lower: dict[str, list] = {}
        general: list = []
        multis: list = []
        fail = (False, {}, {}, [], [])
        for rule in range(len(self.attrs)):
            attrs = self.attrs[rule]
            index = self.indices[rule]
            if not set(attrs) <= _SETTABLE:  # extension ("_") or lexical attributes
                return fail
            for pattern in self.matcher.get(str(rule))[1]:
                if not pattern or not all(_spec_ok(s) for s in pattern) or not -len(pattern) <= index < len(pattern):
                    return fail
                if len(pattern) > 1:
                    multis.append((rule, pattern, index % len(pattern), attrs))
                    continue
                spec = pattern[0]
                if isinstance(spec.get("TAG"), str):
                    by_tag.setdefault(spec["TAG"], []).append((rule, spec, attrs))
                elif isinstance(spec.get("LOWER"), str):
                    by_lower.setdefault(spec["LOWER"], []).append((rule, spec, attrs))
                else:
                    general.append((rule, spec, attrs))
        return (True, by_tag, by_lower, general, multis)

    def _entry(self, token: Any) -> tuple:
        """``(merged_attrs, ((rule, attrs), ...), multis_starting_here)`` for a token's key. Entries
        with the same rules share one object (most words only get their tag's attributes), so the
        table costs little more than its keys."""
        _, by_tag, by_lower, general, multis = self._compiled  # type: ignore[misc]
        values = _values(token)
        candidates = by_tag.get(values["TAG"], []) + by_lower.get(values["LOWER"], []) + general
        hits = tuple(sorted(((rule, attrs) for rule, spec, attrs in candidates if _spec_holds(spec, values)),
                            key=lambda h: h[0]))
        starts = tuple(i for i, m in enumerate(multis) if _spec_holds(m[1][0], values))
        shared_key = (tuple(rule for rule, _ in hits), starts)
        entry = self._shared.get(shared_key)
        if entry is None:
            merged: dict = {}
            for _, attrs in hits:
                merged.update(attrs)
            entry = self._shared[shared_key] = (merged, hits, tuple(multis[i] for i in starts))
        return entry

    def __call__(self, doc: Doc) -> Doc:
        """Set the ruler's attributes on ``doc`` (the same as :class:`AttributeRuler` would)."""
        if self._compiled is None:
            self._compiled = self._compile()
            self._table = {}
            self._shared = {}
        if not self._compiled[0]:
            return super().__call__(doc)
        table = self._table
        assert table is not None
        entries = []
        tokens = list(doc)
        for tok in tokens:
            # lower and is_space are properties of the word form; tag and dep of the parse
            key = (tok.tag, tok.lower, tok.dep, tok.is_space)
            entry = table.get(key)
            if entry is None:
                if len(table) >= _MAX_TABLE:  # memory stays bounded on any corpus
                    table.clear()
                entry = table[key] = self._entry(tok)
            entries.append(entry)
        extra: dict[int, list] = {}
        for i, entry in enumerate(entries):
            for rule, specs, index, attrs in entry[2]:
                end = i + len(specs)
                if end <= len(entries) and all(_spec_holds(s, _values(tokens[j])) for s, j in zip(specs[1:], range(i + 1, end))):
                    extra.setdefault(i + index, []).append((rule, attrs))
        for i, (tok, entry) in enumerate(zip(tokens, entries)):
            if i in extra:
                merged: dict = {}
                for _, attrs in sorted(list(entry[1]) + extra[i], key=lambda h: h[0]):
                    merged.update(attrs)
            else:
                merged = entry[0]
            if merged:
                set_token_attrs(tok, merged)
        return doc


@Language.factory(
    "claimx_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_table_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Optional[Callable]) -> TableAttributeRuler:
    """Factory of :class:`TableAttributeRuler` (configured like spaCy's ``attribute_ruler``)."""
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
