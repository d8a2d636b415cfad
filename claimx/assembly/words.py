"""The assembly's own word classes, dependency-label classes and word-bearing patterns, read from
``resources/assembly_words.json`` once per process (validated, patterns compiled once).

Sections of the file (each a name -> value table):

* ``dependency_classes`` -- spaCy dependency labels ("nsubj", ...) that play one part, e.g.
  ``subject``; ``part_of_speech_classes`` -- coarse POS tags ("NOUN", ...); ``tag_classes`` --
  fine-grained Penn tags ("VBZ", ...);
  ``entity_label_classes`` -- OntoNotes entity labels ("GPE", ...);
* ``word_classes`` -- lower-case words (or unit codes) matched against token text or lemmas;
* ``patterns`` -- regular expressions (``regex`` syntax); ``{footnotes}`` inside one stands for
  the ``footnotes`` pattern (markers that may follow a quantity: "17.4%³", "42[3]");
* ``pattern_templates`` -- patterns with further ``{name}`` slots the caller fills from another
  lexicon (:func:`template`), compiled by the caller.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping

import regex

from ..lexicons import load

__all__ = ["dependency_class", "pos_class", "tag_class", "label_class", "word_class", "pattern", "pattern_text", "template",
           "FILE"]

#: The resource file read here.
FILE = "assembly_words.json"

_CLASS_SECTIONS = ("dependency_classes", "part_of_speech_classes", "tag_classes", "entity_label_classes", "word_classes")
_SECTIONS = _CLASS_SECTIONS + ("patterns", "pattern_templates")


@lru_cache(maxsize=1)
def _table() -> Mapping:
    """The validated file: every class a non-empty list of non-blank strings (word classes lower
    case), every pattern a string that compiles after ``{footnotes}`` is filled in.

    :raises ValueError: a section is missing or an entry is malformed (the message names it).
    """
    data = load(FILE, _SECTIONS)
    for section in _CLASS_SECTIONS:
        for name, words in data[section].items():
            if not words or not all(isinstance(w, str) and w.strip() for w in words):
                raise ValueError(f"{FILE}: {section}.{name} must be a non-empty list of non-blank strings")
            if section == "word_classes" and any(w != w.lower() for w in words):
                raise ValueError(f"{FILE}: {section}.{name} must be lower case: {list(words)}")
    for section in ("patterns", "pattern_templates"):
        for name, text in data[section].items():
            if not isinstance(text, str) or not text:
                raise ValueError(f"{FILE}: {section}.{name} must be a non-empty pattern string")
    foot = data["patterns"].get("footnotes")
    if foot is None:
        raise ValueError(f"{FILE}: patterns.footnotes is missing")
    for name, text in data["patterns"].items():
        regex.compile(text.replace("{footnotes}", foot))  # fails early on a pattern that does not compile
    return data


def _entry(section: str, name: str):
    table = _table()[section]
    if name not in table:
        raise KeyError(f"{FILE}: no {section} entry {name!r}")
    return table[name]


@lru_cache(maxsize=None)
def dependency_class(name: str) -> frozenset[str]:
    """The spaCy dependency labels of class ``name`` (``"subject"`` -> nsubj, nsubjpass, ...).

    :raises KeyError: no such class.
    """
    return frozenset(_entry("dependency_classes", name))


@lru_cache(maxsize=None)
def pos_class(name: str) -> frozenset[str]:
    """The coarse part-of-speech tags of class ``name`` (``"metric_head"`` -> NOUN, PROPN, ...).

    :raises KeyError: no such class.
    """
    return frozenset(_entry("part_of_speech_classes", name))


@lru_cache(maxsize=None)
def tag_class(name: str) -> frozenset[str]:
    """The fine-grained (Penn) tags of class ``name`` (``"present_tense"`` -> VBZ, VBP).

    :raises KeyError: no such class.
    """
    return frozenset(_entry("tag_classes", name))


@lru_cache(maxsize=None)
def label_class(name: str) -> frozenset[str]:
    """The entity labels of class ``name`` (``"sentence_topic"`` -> GPE, ORG, ...).

    :raises KeyError: no such class.
    """
    return frozenset(_entry("entity_label_classes", name))


@lru_cache(maxsize=None)
def word_class(name: str) -> frozenset[str]:
    """The lower-case words of class ``name`` (``"duration_verbs"`` -> last, take, ...).

    :raises KeyError: no such class.
    """
    return frozenset(_entry("word_classes", name))


@lru_cache(maxsize=None)
def pattern_text(name: str) -> str:
    """The source of pattern ``name`` with ``{footnotes}`` filled in (for concatenation).

    :raises KeyError: no such pattern.
    """
    text = _entry("patterns", name)
    if name == "footnotes":
        return text
    return text.replace("{footnotes}", pattern_text("footnotes"))


@lru_cache(maxsize=None)
def pattern(name: str) -> regex.Pattern:
    """Pattern ``name`` compiled (once).

    :raises KeyError: no such pattern; ``regex.error`` when it does not compile.
    """
    return regex.compile(pattern_text(name))


@lru_cache(maxsize=256)
def compiled(source: str) -> regex.Pattern:
    """``regex.compile(source)``, once per source: the module-level ``regex.search(source, ...)``
    looks its cache up in Python on every call (about 2% of the claim assembly).

    :raises regex.error: when ``source`` does not compile.
    """
    return regex.compile(source)


def template(name: str, **fill: str) -> str:
    """The source of pattern template ``name`` with ``{footnotes}`` and each ``{key}`` of ``fill``
    replaced by its value (a regex fragment, inserted as is).

    :raises KeyError: no such template.
    """
    text = _entry("pattern_templates", name).replace("{footnotes}", pattern_text("footnotes"))
    for key, value in fill.items():
        text = text.replace("{" + key + "}", value)
    return text
