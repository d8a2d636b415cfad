"""The attribution slot: the source cue (from the cue component) that a claim is reported from."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from ..clauses import quote_regions, segment_of, segments
from ...grammar._resources import load
from ..words import dependency_class, tag_class
from .modality_rules import report_after

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..context import DocState, QuantityContext

# word and tag classes of resources/assembly_words.json
_PRESENT_TENSE_TAGS = tag_class("present_tense")

# spaCy label classes of resources/assembly_words.json
_PASSIVE_DEPS = dependency_class("passive")
#: subjects that speak for the source inside its own quote ("we"): ``first_person_speakers`` of
#: ``resources/attribution_rules.json``
_FIRST_PERSON = frozenset(load("attribution_rules.json", ("first_person_speakers",))["first_person_speakers"])
#: a source opening the sentence with a reporting verb parsed as a plural noun: ``noun_read_report``
_NOUN_READ_REPORT = regex.compile(load("attribution_rules.json", ("noun_read_report",))["noun_read_report"])


#: how many heads above the quantity a forecaster verb may be
MAX_CLIMB = 10
#: a verb in one of these relations modifies a noun ("an estimated 5%"): it names no source
_ATTRIBUTIVE = dependency_class("attributive_verb")


def forecaster(ctx: "QuantityContext") -> Optional[dict]:
    """"The IEA expects demand to plateau at 105.6 million bpd", "BP sees oil use ... falling to 75
    million bpd": the nearest active forecaster verb (``resources/forecasters.json``) above the
    quantity in the parse, with a subject that names a source, as ``{text, start_char, end_char}``
    from the subject's first token to the verb (docs/GOLD.md: a forecaster named as the subject is
    also the attribution); ``None`` when there is none."""
    lex = _lexicon()
    verbs, present = lex["verbs"], lex["present_only"]
    root = ctx.root
    if root is None:
        return None
    t = root
    for _ in range(MAX_CLIMB):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ != "VERB" or t.lemma_.lower() not in verbs:
            continue
        if t.lemma_.lower() in present and t.tag_ not in _PRESENT_TENSE_TAGS:
            return None
        if t.dep_ in _ATTRIBUTIVE:
            # "an estimated 5%": no source named here ("is expected to": see _named_subject)
            return None
        subj = _named_subject(ctx, t)
        if subj is None:
            return None
        start = subj.left_edge.idx
        q = ctx.quantity
        if subj.idx < q["start_char"] and q["end_char"] <= subj.right_edge.idx + len(subj.right_edge.text):
            # "The company, whose sales rose 8% last year, expects ...": a fact inside the subject
            return None
        if start <= q["start_char"] < q["end_char"] <= subj.idx:
            # "the $1.2 billion analysts had expected" parsed as one noun phrase: the source starts
            # after the figure
            start = next((w.idx for w in subj.subtree if w.idx >= q["end_char"] and not w.is_space), subj.idx)
        return _span(ctx, start, t.idx + len(t.text))
    return None


def report_tail(ctx: "QuantityContext") -> Optional[dict]:
    """"Coal use will fall 20% by 2030, the agency forecasts.": a reporting clause that ends the
    sentence with an estimate or forecast verb (the modality slot's ``report_after`` rule, which
    also reads it when the parser takes the verb for a plural noun), from its subject to the verb;
    ``None`` when there is none."""
    hedge = report_after(ctx)
    if hedge is None:
        return None
    text = ctx.state.text
    comma = text.rfind(",", ctx.quantity["end_char"], hedge["start_char"])
    if comma < 0:
        return None
    start = comma + 1
    while start < hedge["start_char"] and text[start].isspace():
        start += 1
    return _span(ctx, start, hedge["end_char"])


def noun_read_report(ctx: "QuantityContext") -> Optional[dict]:
    """"Moody's estimates that losses will total $4 billion", "The ministry projects that exports
    will grow 4%": a source that opens the sentence with a reporting verb the parser took for a
    plural noun (``noun_read_report`` of ``resources/attribution_rules.json``), from the sentence's
    first word to the verb, when the quantity follows it; ``None`` else."""
    s = ctx.sentence
    m = _NOUN_READ_REPORT.match(ctx.text, s.start, s.end)
    if m is None or m.end() > ctx.quantity["start_char"]:
        return None
    return _span(ctx, m.start(1), m.end(1))


def _span(ctx: "QuantityContext", start: int, end: int) -> Optional[dict]:
    """``{text, start_char, end_char}`` of ``ctx.text[start:end]`` when it lies in the sentence."""
    s = ctx.sentence
    if not (s.start <= start < end <= s.end):
        return None
    return {"text": ctx.text[start:end], "start_char": start, "end_char": end}


def _named_subject(ctx: "QuantityContext", verb: "Token") -> Optional["Token"]:
    """The active subject of ``verb`` that names a source (not a pronoun, not a quantity); ``None``
    for a passive verb ("is expected to", "the 5% it projected" has its own subject)."""
    if any(c.dep_ in _PASSIVE_DEPS for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _lexicon()["subject_stop"] or subj.i in ctx.state.token_q:
        return None
    return subj


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    """``resources/forecasters.json``: its word lists as frozensets, the setter's preposition as is."""
    raw = load("forecasters.json", ("verbs", "subject_stop", "present_only", "setter_verbs",
                                    "setter_preposition", "setter_nominal_pos"))
    return {k: (v if isinstance(v, str) else frozenset(v)) for k, v in raw.items() if not k.startswith("_")}


def setter(ctx: "QuantityContext") -> Optional[dict]:
    """"The Office for National Statistics puts the increase at 6.3%": the subject of a verb that
    sets a figure at the quantity (``setter_verbs``), from the subject to the verb; ``None`` else."""
    lex = _lexicon()
    verbs, nominal, prep = lex["setter_verbs"], lex["setter_nominal_pos"], lex["setter_preposition"]
    t = ctx.root
    # "at 450,000 homes": the figure may modify the noun that the preposition holds
    while t is not None and t.head.i != t.i and t.head.pos_ in nominal:
        t = t.head
    if t is None or t.head.dep_ != "prep" or t.head.lower_ != prep:
        return None
    verb = t.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    subj = _named_subject(ctx, verb)
    if subj is None:
        return None
    return _span(ctx, subj.left_edge.idx, verb.idx + len(verb.text))


def attribution(ctx: "QuantityContext") -> Optional[dict]:
    """The source cue of ``ctx``'s quantity: the nearest one in its clause, else the subject of a verb
    that puts the figure at the quantity (:func:`setter`), else one at the head of the sentence,
    else one that ends the sentence, else a forecaster named as the subject of the verb above the
    quantity (:func:`forecaster`); ``None`` when there is none. A cue whose speaker holds a
    quantity of the sentence ("Most respondents, 63%, said") is no source."""
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    # "Most respondents, 63%, said they ...", "29% of firms said ...": a cue whose speaker holds a
    # quantity reports a survey's answer, the measured group's own statement, not a source
    cues = [a for a in s.attributions if not any(a["start_char"] <= o["start_char"] < a["end_char"] for o in s.quantities)]
    # '"We expect to hire 500 people," the chief executive said': the speaker's "we" gives way
    cues = [a for a in cues if a["text"].split()[0].lower().strip("\"“'‘") not in _FIRST_PERSON] or cues
    if not cues:
        return setter(ctx) or forecaster(ctx) or report_tail(ctx) or noun_read_report(ctx)
    segs = segments(st, s)
    qseg = segment_of(segs, q["start_char"])
    same = [a for a in cues if segment_of(segs, a["start_char"]) == qseg]
    chosen = None
    if same:
        chosen = min(same, key=lambda a: abs(a["start_char"] - q["start_char"]))
    else:
        first_q = min(o["start_char"] for o in s.quantities)
        last_q = max(o["end_char"] for o in s.quantities)
        heads = [a for a in cues if a.get("scope") == "sentence" or a["end_char"] <= first_q]
        # "..., according to the WHO." / "..., the ministry said.": a source at the very end of
        # the sentence covers all of it
        tails = [a for a in cues if a["start_char"] >= last_q
                 and not st.text[a["end_char"]:s.end].strip(" .!?\"”’)\n")]
        own = setter(ctx)
        if own is not None:
            return own
        if heads:
            chosen = heads[0]
        elif tails:
            chosen = tails[-1]
    if chosen is None:
        return forecaster(ctx) or report_tail(ctx) or noun_read_report(ctx)
    return {"text": chosen["text"], "start_char": chosen["start_char"], "end_char": chosen["end_char"]}


def quoted_attribution(st: "DocState", claims: list[dict]) -> None:
    """A quote that runs across sentences takes the attribution cue right before its opening
    mark ('X remarked, "..."') or right after its closing mark ('"...," X said')."""
    attributions = sorted(st.attributions, key=lambda a: a["start_char"])
    if not attributions or not claims:
        return
    for start, end in quote_regions(st.text):
        cue = None
        for a in attributions:
            if a["end_char"] <= start and not st.text[a["end_char"]:start].strip(" ,:;\n"):
                cue = a
            elif a["start_char"] >= end and not st.text[end:a["start_char"]].strip(" ,:;\n"):
                cue = cue or a
        if cue is None:
            continue
        for c in claims:
            q = c["quantity"]
            if start < q["start_char"] < end and c.get("attribution") is None:
                c["attribution"] = {k: cue[k] for k in ("text", "start_char", "end_char")}
