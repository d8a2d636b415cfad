"""The article's subject phrases: what its headline, standfirst and lead are about, from the raw text.

A claim whose sentence names no entity is often about the thing the article's opening sentences
make their subject, also when it is no capitalised name (:mod:`claimx.assembly.article` counts
names only): "Global oil demand will climb to ..." opens an article whose later "demand will
reach 118.9 million bpd" is about world oil demand; "Average prices for lithium-ion battery packs
fell 8%" one whose "The decline was far smaller than the 20% drop" is about the packs. The
pipeline parses only windows around quantities, so the phrases are read from the text without a
parse, by the word lists of ``resources/article_subjects.json`` (what ends a subject, which
prepositions after a measure noun name the measured thing). Each phrase is offered to the entity
chooser as an inferred candidate whose features say where it came from
(:mod:`claimx.assembly.candidates`); the fitted weights decide when it wins.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from ..grammar._resources import load

#: a word (letters/digits with inner hyphens, apostrophes, dots and ampersands) or a stop mark
_WORD = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}&’'.-]*[\p{L}\p{N}])?|[,;:()\[\]\"“”?!—–]")
#: "BENTONVILLE, Arkansas — " or "PARIS - " opening a lead paragraph
_DATELINE = regex.compile(r"^\p{Lu}[\p{Lu}\p{Zs}.'-]+(?:,[\p{Zs}\p{L}.'-]+)?\p{Zs}+[—–-]\p{Zs}+")
#: the end of a first sentence: a full stop (not of an initial or abbreviation) before a capital
_SENTENCE_END = regex.compile(r"(?<![\p{Lu}.]\p{Ll}{0,2})[.!?](?=\p{Zs}+[\p{Lu}\"“]|$)")
_PARAGRAPH = regex.compile(r"\n\p{Zs}*\n\s*")
_GROUP_NAME = r"\p{Lu}[\p{L}-]+"
_POSSESSIVE = regex.compile(r"['’]s$")


@lru_cache(maxsize=1)
def _words() -> dict:
    lex = load("article_subjects.json", ("paragraph_count", "max_words", "stop_words", "subject_adverbs",
                                         "phrase_prepositions", "phrase_ends", "measure_modifiers", "group_joiners",
                                         "determiner_words", "verb_suffixes"))
    cues = load("cues.json", ("attribution_verbs",))
    qc = load("quantity_cues.json", ("change_verbs",))
    kinds = load("kind_rules.json", ("change_verbs",))
    measures = load("slot_measures.json", ("measure_nouns",))
    syntax = load("syntax.json", ("measure_heads",))
    stops = set(lex["stop_words"]) | set(cues["attribution_verbs"]) | set(qc["change_verbs"]) | set(kinds["change_verbs"])
    joiners = "|".join(regex.escape(w) for w in lex["group_joiners"])
    group = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_GROUP_NAME}(?:,\p{{Zs}}+{_GROUP_NAME})+,?\p{{Zs}}+(?:{joiners})\p{{Zs}}+{_GROUP_NAME}")
    return {"paragraphs": int(lex["paragraph_count"]), "max_words": int(lex["max_words"]),
            "stops": frozenset(w.lower() for w in stops), "adverbs": frozenset(lex["subject_adverbs"]),
            "preps": frozenset(lex["phrase_prepositions"]), "ends": frozenset(lex["phrase_ends"]),
            "modifiers": frozenset(lex["measure_modifiers"]), "determiners": frozenset(lex["determiner_words"]),
            "suffixes": tuple(lex["verb_suffixes"]),
            "measures": frozenset(w.lower() for w in measures["measure_nouns"]) | frozenset(syntax["measure_heads"]),
            "group": group}


def first_sentences(text: str, paragraphs: int) -> list[str]:
    """The first sentence of each of the first ``paragraphs`` paragraphs of ``text`` (the headline
    counts as one; a lead's dateline, "PARIS — ", is dropped)."""
    out = []
    blocks = _PARAGRAPH.split(text.strip())
    # a headline on the first line of the first block, without a blank line after it
    head = blocks[0].split("\n", 1) if blocks else []
    for par in head + blocks[1:]:
        par = _DATELINE.sub("", par.strip())
        if not par:
            continue
        m = _SENTENCE_END.search(par)
        out.append(par[: m.start()] if m else par)
        if len(out) == paragraphs:
            break
    return out


def _subject(words: list[str], lex: dict) -> list[str]:
    """The words from the sentence's start up to the first that ends its subject: a stop mark, a
    number, a stop word or past verb (not right after a determiner), a lower-case word after a
    measure noun that is no preposition; ``[]`` when the sentence opens with a preposition."""
    out: list[str] = []
    if words and (words[0].lower() in lex["ends"] or words[0].lower() in lex["preps"]):
        return out
    for k, w in enumerate(words):
        low = w.lower()
        nxt = words[k + 1].lower() if k + 1 < len(words) else ""
        prev = out[-1].lower() if out else None
        if not (w[0].isalpha() or w[0].isdigit()) or any(ch.isdigit() for ch in w):
            break
        if prev is not None and prev not in lex["determiners"]:
            if low in lex["stops"] or (w.islower() and low.endswith(lex["suffixes"])):
                break
            if w.islower() and nxt in lex["determiners"] and low not in lex["preps"] and low not in lex["ends"]:
                break
        elif prev is None and low in lex["stops"]:
            break
        out.append(w)
    while out and (out[-1].lower() in lex["adverbs"] or out[-1].lower() in lex["preps"] or out[-1].lower() in lex["ends"]):
        out.pop()
    return out


def _phrases(subject: list[str], lex: dict, names: frozenset = frozenset()) -> list[tuple[str, str]]:
    """(text, shape) of the phrases a subject offers: the whole subject, the possessor, the words
    before a final measure noun when they hold a lower-case word (only the leading ones when
    those are ``names``, words the article never writes in lower case: "UK house prices" ->
    "UK"), the phrase after a measure noun and a preposition."""
    if not subject:
        return []
    out = [(" ".join(subject), "subject")] if len(subject) <= lex["max_words"] else []
    low = [w.lower() for w in subject]
    for i, w in enumerate(subject):
        if _POSSESSIVE.search(w) and 0 < i + 1 < len(subject) and i < 3:
            out.append((" ".join(subject[:i] + [_POSSESSIVE.sub("", w)]), "possessor"))
            break
    for i, w in enumerate(low):
        if w not in lex["measures"]:
            continue
        before = [x for x in subject[:i]]
        # a phrase ("Battery pack"), not a name alone: a name is one of the article's names
        if i == len(low) - 1 and before and not all(x.lower() in lex["modifiers"] for x in before) \
                and any(x.islower() for x in before):
            lead = 0
            while lead < len(before) and _POSSESSIVE.sub("", before[lead]).lower() in names:
                lead += 1
            out.append((_POSSESSIVE.sub("", " ".join(before[:lead] if lead else before)), "modifier"))
        if i + 1 < len(low) and low[i + 1] in lex["preps"]:
            rest = []
            for x in subject[i + 2:]:
                if x.lower() in lex["ends"] or len(rest) == lex["max_words"]:
                    break
                rest.append(x)
            if rest:
                out.append((" ".join(rest), "object"))
        break
    return out


def article_subjects(text: str) -> list[dict]:
    """The subject phrases of ``text``'s opening sentences, in text order, each once:
    ``[{"text", "subject": shape, "paragraph": n}, ...]`` with ``shape`` one of "subject",
    "possessor", "modifier", "object", "group" and ``n`` the paragraph (0 = the headline).
    ``[]`` for an empty text."""
    lex = _words()
    out: list[dict] = []
    seen: set[str] = set()
    names = _name_words(text)
    for n, sentence in enumerate(first_sentences(text, lex["paragraphs"])):
        found = _phrases(_subject(_WORD.findall(sentence), lex), lex, names)
        found += [(m.group(), "group") for m in lex["group"].finditer(sentence)]
        for phrase, shape in found:
            key = phrase.lower()
            if key in seen:
                continue
            seen.add(key)
            out.append({"text": phrase, "subject": shape, "paragraph": n})
    return out


def _name_words(text: str) -> frozenset[str]:
    """The words ``text`` writes capitalised at least twice and never in lower case ("uk",
    "gruyere"; not "battery" of a headline's "Battery pack prices", nor a sentence's opening
    "Some" said once), lower-cased."""
    words = Counter(_POSSESSIVE.sub("", w) for w in _WORD.findall(text) if w[0].isalpha())
    lower = {w for w in words if w[0].islower()}
    return frozenset(w.lower() for w, n in words.items() if n > 1 and w[0].isupper() and w.lower() not in lower)
