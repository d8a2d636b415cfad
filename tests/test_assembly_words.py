"""The assembly's word classes and patterns read from ``resources/assembly_words.json``
(:mod:`claimx.assembly.words`), and a custom syntax lexicon reaching the assembly through
``assemble(lexicon=...)``. The sentences are made up for these tests (no corpus text)."""

from __future__ import annotations

import dataclasses

import pytest
import regex

from claimx.assembly import words
from claimx.lexicons import load_default, read_json


def test_every_entry_of_the_file_loads():
    data = read_json(words.FILE)
    for name in data["dependency_classes"]:
        assert words.dependency_class(name) == frozenset(data["dependency_classes"][name])
    for name in data["part_of_speech_classes"]:
        assert words.pos_class(name) == frozenset(data["part_of_speech_classes"][name])
    for name in data["tag_classes"]:
        assert words.tag_class(name) == frozenset(data["tag_classes"][name])
    for name in data["entity_label_classes"]:
        assert words.label_class(name) == frozenset(data["entity_label_classes"][name])
    for name in data["word_classes"]:
        assert words.word_class(name) == frozenset(data["word_classes"][name])
    for name in data["patterns"]:
        assert "{footnotes}" not in words.pattern_text(name)
        assert words.pattern(name) is words.pattern(name)  # compiled once
    for name in data["pattern_templates"]:
        assert "{footnotes}" not in words.template(name)


def test_an_unknown_entry_is_a_key_error():
    with pytest.raises(KeyError, match="no word_classes entry 'colours'"):
        words.word_class("colours")
    with pytest.raises(KeyError, match="no patterns entry"):
        words.pattern("no_such_pattern")


def test_subject_labels_and_footnotes():
    assert {"nsubj", "nsubjpass"} <= words.dependency_class("subject")
    # a footnote marker between a quantity and "of": "17.4%³ of the fleet", "42[3] of them"
    assert words.pattern("of_after").match("³ of the fleet").end() == len("³ of ")
    assert words.pattern("of_after").match("[3] of them").end() == len("[3] of ")


@pytest.mark.parametrize("before, hit", [
    ("as listed on page 3 of ", True),
    ("see Slide 12 / ", True),
    ("prices rose 3 of ", False),
])
def test_page_numbers(before, hit):
    # the number inside "page 3 of" is the last digits of the text before the quantity
    text = before + "12"
    assert (words.pattern("page_of").search(text, 0, len(before)) is not None) is hit


@pytest.mark.parametrize("between, hit", [
    (", compared with ", True),
    (" versus the ", True),
    (" and ", False),
])
def test_comparison_base(between, hit):
    assert (words.pattern("comparison_base").search(between) is not None) is hit


def test_gapped_change_template_takes_the_coordinators():
    gap = words.template("gapped_change", coord="and|or")
    m = regex.match(gap, " in 2025 and ")
    assert m is not None and m.group("c2") == "and"
    assert regex.match(gap, " in 2025 but ") is None


def _with_measure_heads_without(word: str):
    lex = load_default()
    syntax = lex.syntax.model_copy(update={"measure_heads": lex.syntax.measure_heads - {word}})
    return dataclasses.replace(lex, syntax=syntax)


@pytest.mark.parametrize("text, word, entity, without", [
    ("The installed capacity of offshore wind reached 30 GW in 2024.", "capacity", "offshore wind",
     "The installed capacity of offshore wind"),
    ("The market share of electric buses reached 18% in 2023.", "share", "electric buses",
     "The market share of electric buses"),
])
def test_a_custom_syntax_lexicon_passed_to_assemble_is_used(extractor, text, word, entity, without):
    # "capacity" is a measure head: the "of" phrase after it names the entity; without it in the
    # custom syntax lexicon the rule chooser takes the whole subject phrase (read from its pick, the
    # candidate with source "rule": the fitted weights may still prefer the "of" phrase)
    from claimx.assembly import assemble, ranker
    from claimx.components import claims as _  # noqa: F401  (registers the doc extensions)

    doc = extractor.nlp(text)

    def entity_and_rule_pick(lexicon):
        ranker.RECORDER = []
        try:
            (claim,) = assemble(doc, doc._.claimx_quantities, doc._.claimx_timeframes, doc._.claimx_cues,
                                lexicon=lexicon)
            (decision,) = [d for d in ranker.RECORDER if d["slot"] == "entity"]
        finally:
            ranker.RECORDER = None
        rule = [m["text"] for m, f in decision["candidates"] if f.get("src=rule")]
        return claim["entity"]["text"], rule

    assert entity_and_rule_pick(None) == (entity, [])
    assert entity_and_rule_pick(load_default()) == (entity, [])
    assert entity_and_rule_pick(_with_measure_heads_without(word))[1] == [without]
