"""Metrics the sentence's parse alone does not give: the article's measure topic, a statistic verb.

A figure's sentence often names only the thing measured and leaves the property to the article:
"logic chips are expected to grow 37.1%" in an article about chip sales means sales of logic
chips; "Retail trade (+122,000)" in a jobs report means jobs. The article's measure topic is the
measure noun (``resources/metric_topic.json``: the measure nouns of ``slot_measures.json`` and
the measure heads of ``syntax.json``, less generic figure words) the article says most often,
the headline counting extra; it is found in the raw text, without a parse, once per article.

The topic replaces the metric chosen so far (:func:`topic_metric`) only where the sentence names
a thing that changes; offering it to the learned chooser as a candidate with its own features
lowered the metric on both parts of the development corpus. A verb that names a statistic
("averaged") is the metric of a thing's figure (:func:`statistic_verb_metric`), and so is an
adjective complement ("short of", "worth": :func:`adjective_metric`); a verb that never names a
measure gives way to its subject (:func:`empty_verb_metric`); a passive verb whose subject the
quantity is names the action measured (:func:`passive_verb_metric`, applied late by the assembly). The assembly applies
:func:`metric_override` after the learned chooser (and after choosing the entity).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from ..grammar._resources import load
from .exclusions import is_lone_light_verb
from .mentions import tmention
from .metric_carry import verb_mention
from .slots.metric import metric_from_noun
from .syntax import mention_head
from .words import dependency_class, pos_class, word_class

if TYPE_CHECKING:
    from .context import QuantityContext

_EMPTY_VERBS = frozenset(load("metric_topic.json", ("empty_verbs",))["empty_verbs"])
_SUBJECT_DEPS = dependency_class("nominal_subject")
#: the clause links along which a verb's missing subject is looked for up the tree
_CLAUSE_DEPS = frozenset(load("metric_topic.json", ("clause_deps",))["clause_deps"])
_ADJ_PATH_DEPS = frozenset(load("metric_topic.json", ("adjective_path_deps",))["adjective_path_deps"])
_ADJ_TAGS = frozenset(load("metric_topic.json", ("adjective_tags",))["adjective_tags"])
_BASE_PREPS = frozenset(load("metric_topic.json", ("comparison_base_prepositions",))["comparison_base_prepositions"])
_NOUN_POS = pos_class("noun")
_OBJECT_DEPS = dependency_class("direct_object")
_THING_TAGS = frozenset(load("metric_topic.json", ("thing_tags",))["thing_tags"])
_MEASURE_PATH_DEPS = frozenset(load("metric_topic.json", ("sentence_measure_deps",))["sentence_measure_deps"])
_STATISTIC_VERBS = frozenset(load("metric_topic.json", ("statistic_verbs",))["statistic_verbs"])
_EXPECTATION_VERBS = word_class("expectation_verbs")
_WORD = regex.compile(r"(?<![\p{L}\p{N}-])\p{L}+(?![\p{L}\p{N}-])")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], int, int]:
    """(candidate words, headline bonus, minimum count) from the resource files."""
    lex = load("metric_topic.json", ("generic", "extra", "headline_bonus", "min_count"))
    measures = load("slot_measures.json", ("measure_nouns",))["measure_nouns"]
    heads = load("syntax.json", ("measure_heads",))["measure_heads"]
    words = (set(measures) | set(heads) | set(lex["extra"])) - set(lex["generic"])
    return frozenset(w.lower() for w in words), int(lex["headline_bonus"]), int(lex["min_count"])


def _key(word: str, words: frozenset[str]) -> str:
    """Singular and plural of one measure noun count together ("price"/"prices")."""
    if word.endswith("s") and word[:-1] in words:
        return word[:-1]
    return word


def article_measure(text: str) -> Optional[dict]:
    """The article's measure topic: ``{"text", "count", "headline", "start_char", "end_char"}``
    (``text`` as most often written, lower case; offsets of its first occurrence in ``text``), or
    ``None`` when no measure noun is said :data:`min_count` times. Ties go to the earlier word."""
    words, bonus, min_count = _lexicon()
    headline_end = text.find("\n") if "\n" in text.strip() else len(text)
    counts: Counter = Counter()
    forms: dict[str, Counter] = {}
    first: dict[str, tuple[int, int]] = {}
    in_head: set[str] = set()
    for m in _WORD.finditer(text):
        w = m.group().lower()
        if w not in words:
            continue
        k = _key(w, words)
        counts[k] += 1
        forms.setdefault(k, Counter())[w] += 1
        first.setdefault(k, (m.start(), m.end()))
        if m.start() < headline_end:
            in_head.add(k)
    best = None
    for k, n in counts.items():
        if n < min_count:
            continue
        score = (n + (bonus if k in in_head else 0), -first[k][0])
        if best is None or score > best[0]:
            best = (score, k)
    if best is None:
        return None
    k = best[1]
    form = forms[k].most_common(1)[0][0]
    return {"text": form, "count": counts[k], "headline": k in in_head,
            "start_char": first[k][0], "end_char": first[k][1]}


def measure_topics(text: str) -> tuple[dict, ...]:
    """The article measure topic of ``text`` as a one-entry tuple marked ``"measure": True`` (the
    pipeline passes it along with the article's topic names), or ``()``."""
    m = article_measure(text)
    return (dict(m, measure=True),) if m is not None else ()


def _head(ctx: "QuantityContext", m: Optional[dict]):
    """The root token of mention ``m`` in the window, or ``None``."""
    return mention_head(ctx.doc, m)


def topic_metric(ctx: "QuantityContext", claim: dict) -> Optional[dict]:
    """The article's measure topic as ``claim``'s metric where the sentence names only the thing
    measured. The quantity must have a unit (a count's metric is the noun counted); then either the
    metric chosen so far is a name ("Romania ranked third, at 6.1%"), or the quantity's verb is an
    intransitive change verb ("logic chips are expected to grow 37.1%", "sensors rose 10.4%") and
    the metric chosen so far is that verb's subject headed by a name or a plural noun that is no
    measure word (or there is none). Returns a mention without offsets (inferred), or ``None``
    (keep the metric chosen)."""
    topic = ctx.state.article_measure
    verb, subj = ctx.verb, ctx.subject
    if topic is None or verb is None or not (claim.get("quantity") or {}).get("unit"):
        return None
    m = claim.get("metric")
    head = _head(ctx, m)
    if head is not None and (head.ent_type_ in ctx.state.syntax.entity_labels or head.pos_ == "PROPN"):
        # a name is never the measured property ("Northern Ireland" of "..., Northern Ireland 1.3%")
        return {"text": topic["text"], "start_char": None, "end_char": None}
    if verb.lower_ not in ctx.state.cues.change_verb_direction or any(
            c.dep_ in _OBJECT_DEPS and c.i not in ctx.state.token_q for c in verb.children):
        return None
    words, _, _ = _lexicon()
    if m:
        if subj is None or m.get("start_char") is None or not (m["start_char"] <= subj.idx < m["end_char"]):
            return None
        # a thing, not a measure: a name or a plural noun ("Walmart Connect", "analog chips")
        if subj.pos_ not in _NOUN_POS or not (subj.pos_ == "PROPN" or subj.tag_ in _THING_TAGS) \
                or _key(subj.lower_, words) in words or subj.lemma_.lower() in words \
                or subj.lemma_.lower() in ctx.state.syntax.measure_heads or subj.lower_ in ctx.state.syntax.pronouns:
            return None
    return _sentence_measure(ctx) or {"text": topic["text"], "start_char": None, "end_char": None}


def _sentence_measure(ctx: "QuantityContext") -> Optional[dict]:
    """The measure the sentence itself names for a thing's change in a clause under it: the
    subject of a verb up the clause links (``sentence_measure_deps``) that is a measure word
    ("global GDP is projected to grow 2.9%, with non-OECD economies expanding at 3.7%" ->
    "global GDP"); ``None`` when there is none."""
    t = ctx.verb
    for _ in range(6):
        if t is None or t.dep_ not in _MEASURE_PATH_DEPS or t.head.i == t.i:
            return None
        t = t.head
        subj = [c for c in t.children if c.dep_ in _SUBJECT_DEPS]
        if subj and is_measure(ctx, subj[0]) and subj[0].i not in ctx.state.token_q:
            return metric_from_noun(ctx.state, subj[0], ctx.tokens)
    return None


def coordinated_things_metric(ctx: "QuantityContext", claim: dict) -> Optional[dict]:
    """The article's measure topic where an intransitive change verb's subject is things
    coordinated ("memory and logic are expected to remain the strongest categories, growing 39.4%
    and 32.1% respectively" -> "sales"), none of them a measure word ("revenue and profit rose ..."
    keeps its subject), and the metric chosen so far is that subject; the quantity must have a
    unit. ``None`` otherwise. The assembly applies it after the learned chooser and carries the
    chooser's own pick to later claims (see :func:`claimx.assembly.metric_breakdown.breakdown_metric`)."""
    topic, verb, subj, m = ctx.state.article_measure, ctx.verb, ctx.subject, claim.get("metric")
    if topic is None or verb is None or subj is None or not m or m.get("start_char") is None \
            or not (claim.get("quantity") or {}).get("unit") or not (m["start_char"] <= subj.idx < m["end_char"]):
        return None
    if verb.lower_ not in ctx.state.cues.change_verb_direction or any(
            c.dep_ in _OBJECT_DEPS and c.i not in ctx.state.token_q for c in verb.children):
        return None
    conjuncts = [c for c in subj.children if c.dep_ == "conj" and c.pos_ in _NOUN_POS]
    if not conjuncts or subj.pos_ not in _NOUN_POS or subj.lower_ in ctx.state.syntax.pronouns \
            or any(is_measure(ctx, t) for t in [subj] + conjuncts):
        return None
    return {"text": topic["text"], "start_char": None, "end_char": None}


def is_measure(ctx: "QuantityContext", tok) -> bool:
    """True when token ``tok`` (or ``None``) is a measure word (the candidate words of the topic)."""
    if tok is None:
        return False
    words, _, _ = _lexicon()
    return _key(tok.lower_, words) in words or tok.lemma_.lower() in words \
        or tok.lemma_.lower() in ctx.state.syntax.measure_heads


def ends_in_measure(ctx: "QuantityContext", text: str) -> bool:
    """True when the last word of ``text`` is a measure word of the topic's list or the pipeline's
    ``measure_heads`` ("oil demand", "sales"); False for an empty text."""
    parts = text.lower().split()
    if not parts:
        return False
    words, _, _ = _lexicon()
    return _key(parts[-1], words) in words or parts[-1] in ctx.state.syntax.measure_heads


def statistic_verb_metric(ctx: "QuantityContext", claim: dict) -> Optional[dict]:
    """The governing verb as ``claim``'s metric where it names the statistic of a thing ("LFP packs
    averaged $81/kWh", "the cells averaged 310 Wh/kg": ``statistic_verbs`` of
    ``resources/metric_topic.json``) and its subject is no measure word; ``None`` otherwise (also
    for "inflation is projected to average 4.2%", whose subject is the measure)."""
    verb, subj = ctx.verb, ctx.subject
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _STATISTIC_VERBS:
        return None
    if is_measure(ctx, subj):
        return None
    v = verb_mention(ctx)
    return v[0] if v is not None else None


def empty_verb_metric(ctx: "QuantityContext", claim: dict) -> Optional[dict]:
    """Where the metric chosen so far is a verb that never names the measure (``empty_verbs`` of
    ``resources/metric_topic.json``: "continued", "became", "edging"), the common-noun subject of
    that verb or of the verb it hangs from ("generation barely moved, edging up to 61.2 TWh" ->
    "generation"); failing one, the article's measure topic for a quantity with a unit; else
    ``None``."""
    head = _head(ctx, claim.get("metric"))
    st = ctx.state
    if head is None or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in _EMPTY_VERBS:
        return None
    t = head
    for _ in range(3):
        subj = [c for c in t.children if c.dep_ in _SUBJECT_DEPS]
        if subj:
            n = subj[0]
            if n.pos_ == "NOUN" and n.lower_ not in st.syntax.pronouns and n.lemma_.lower() not in st.syntax.time_nouns \
                    and not n.ent_type_:
                return metric_from_noun(st, n, ctx.tokens)
            break
        if t.dep_ not in _CLAUSE_DEPS or t.head.i == t.i:
            break
        t = t.head
    topic = st.article_measure
    if topic is not None and (claim.get("quantity") or {}).get("unit"):
        return {"text": topic["text"], "start_char": None, "end_char": None}
    return None


def adjective_metric(ctx: "QuantityContext", claim: dict) -> Optional[dict]:
    """The adjective complement the quantity hangs from as its metric ("the three countries could
    be short of EUR 10 billion" -> "short of"; "the typical property is now worth GBP 16,672 less"
    -> "worth"), with the preposition the path goes through right after it; ``None`` when the
    quantity does not hang from a positive adjective that complements a verb, or is the base of
    a comparison ("than ...")."""
    t = ctx.root
    if t is None:
        return None
    prep = None
    for _ in range(4):
        if t.dep_ not in _ADJ_PATH_DEPS or t.head.i == t.i:
            return None
        if t.dep_ == "prep":
            if t.lower_ in _BASE_PREPS:
                return None
            prep = t
        t = t.head
        if t.pos_ == "ADJ" and t.dep_ == "acomp":
            if t.tag_ not in _ADJ_TAGS:
                return None
            if is_measure(ctx, ctx.subject):
                return None  # "farm exports were worth Rs 18,400 crore": the subject is the measure
            last = prep.i if prep is not None and prep.head.i == t.i and prep.i == t.i + 1 else t.i
            return tmention(ctx.state, t.i, last)
    return None


def passive_verb_metric(ctx: "QuantityContext", claim: dict) -> Optional[dict]:
    """The passive verb whose subject the quantity is as its metric where no measure word names the
    figure ("around 8 GW of onshore wind turbines were approved" -> "approved"; "2.1 million tonnes
    of grain were exported" -> "exported"; docs/GOLD.md dev conventions: the action measured); ``None``
    for a light, change or expectation verb ("was cut", "is forecast"), inside a hedge, or when the
    quantity's "of" phrase is a measure word ("12 GW of capacity were added")."""
    root, verb = ctx.root, ctx.verb
    st = ctx.state
    if root is None or verb is None or root.dep_ != "nsubjpass" or root.head.i != verb.i or verb.tag_ != "VBN":
        return None
    if verb.lemma_.lower() in _EXPECTATION_VERBS or is_lone_light_verb([verb], st.cues.change_verb_direction) \
            or any(h["start_char"] <= verb.idx < h["end_char"] for h in ctx.sentence.hedges):
        return None
    of = [p for c in root.rights if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if of and is_measure(ctx, of[0]):
        return None
    v = verb_mention(ctx)
    return v[0] if v is not None else None


def metric_override(ctx: "QuantityContext", claim: dict) -> Optional[dict]:
    """The metric the rules of this module give ``claim`` over the one chosen so far, the first
    that applies of :func:`adjective_metric`, :func:`statistic_verb_metric`,
    :func:`empty_verb_metric` and :func:`topic_metric`; ``None`` to keep it."""
    return (adjective_metric(ctx, claim) or statistic_verb_metric(ctx, claim) or empty_verb_metric(ctx, claim)
            or topic_metric(ctx, claim))
