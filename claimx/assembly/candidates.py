"""Candidates for the metric and entity slots, with the features the ranker scores them by.

Candidates come from the parse of the claim's sentence: the rule chooser's pick (the slot modules),
the subject and object noun phrases of the governing verb, the noun chunks near the quantity (the
"of"/"for"/"in" phrase next to it among them), possessors and prepositional phrases of the metric,
the named entities of the sentence, and for entities the sentence's topic and the paragraph's
(carried over, ``inferred``), and the article's topic names (:mod:`claimx.assembly.article`,
inferred, text only). Excluded mentions (:mod:`claimx.assembly.exclusions`) are never
candidates. Features are 0/1 indicators named ``group=value`` (bins for distances and lengths):
those common to both slots are :mod:`claimx.assembly.candidate_features`, the slot's own are added here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Sequence

from spacy.tokens import Token

from ..grammar._resources import load
from .candidate_features import bin_label, clause_features, common_features
from .entity_measures import content_head, names_a_measure
from .exclusions import exclusion_reason, third_party_forecast
from .mentions import ent_mention, np_entity
from .metric_carry import add_metric_extras, base_features, metric_features
from .slots.entity import entity_in_phrase, tagged_common
from .source_phrases import source_features
from .slots.metric import metric_from_noun
from .syntax import mention_head, span_root

if TYPE_CHECKING:
    from .context import QuantityContext

#: at most this many tokens between a candidate and the quantity
MAX_DISTANCE = 25


@dataclass
class Candidate:
    """A mention (offsets in the window ``Doc``), its head token (``None`` for a carried-over entity)
    and the sources that proposed it ("rule", "chunk", "ent", "subj", ...)."""

    mention: dict
    head: Optional[Token]
    sources: set = field(default_factory=set)
    features: dict = field(default_factory=dict)


def _add(cands: dict, ctx: "QuantityContext", claim: dict, slot: str, m: Optional[dict], head: Optional[Token], source: str) -> None:
    if not m or not m.get("text"):
        return
    key = (m.get("start_char"), m.get("end_char"), m["text"]) if not m.get("inferred") else ("inferred", m["text"])
    if key in cands:
        cands[key].sources.add(source)
        return
    if exclusion_reason(ctx, claim, slot, m) is not None:
        return
    if head is None and m.get("start_char") is not None:
        # a carried-over entity keeps its offsets in this paragraph: its head gives its features
        head = mention_head(ctx.doc, m)
    cands[key] = Candidate(dict(m), head, {source})


def _near(ctx: "QuantityContext", tok: Token) -> bool:
    root = ctx.root
    return root is not None and abs(tok.i - root.i) <= MAX_DISTANCE and tok.sent.start == root.sent.start


def _chunk_heads(ctx: "QuantityContext") -> list[Token]:
    """The head tokens of the sentence's noun chunks that are no quantity's or time expression's
    token (each quantity's candidates read them; the quantity's own tokens are among
    ``token_q``), worked out once per sentence and window (``DocState.feature_cache``)."""
    st, s = ctx.state, ctx.sentence
    key = ("chunk_heads", s.start)
    heads = st.feature_cache.get(key)
    if heads is None:
        heads = st.feature_cache[key] = [r for r in (span_root(c) for c in s.noun_chunks)
                                         if r.i not in st.token_q and r.i not in st.time_tokens]
    return heads


def metric_candidates(ctx: "QuantityContext", claim: dict, previous: Sequence[dict] = ()) -> list[Candidate]:
    """Candidate metrics of ``claim`` (the rule's pick first), features filled in; ``previous``: the
    earlier claims of the paragraph, in text order (their metrics are carried-over candidates, see
    :mod:`claimx.assembly.metric_carry`)."""
    st, qtoks = ctx.state, ctx.tokens
    cands: dict = {}
    _add(cands, ctx, claim, "metric", claim.get("metric"), None, "rule")
    if ctx.subject is not None:
        _add(cands, ctx, claim, "metric", metric_from_noun(st, ctx.subject, qtoks), ctx.subject, "subj")
    if ctx.root is not None:
        for r in _chunk_heads(ctx):
            if not _near(ctx, r):
                continue
            _add(cands, ctx, claim, "metric", metric_from_noun(st, r, qtoks), r, "chunk")
    extra = add_metric_extras(ctx, claim, previous, lambda m, h, src: _add(cands, ctx, claim, "metric", m, h, src))
    carried = []
    for m, f in extra:
        if exclusion_reason(ctx, claim, "metric", m) is None:
            c = Candidate(m, None, {"carried"})
            c.features = common_features(ctx, claim, c)
            c.features.update(f)
            carried.append(c)
    out = list(cands.values())
    for c in out:
        c.features = common_features(ctx, claim, c)
    measures = _measure_words()[0]
    for c in out + carried:
        c.features.update(metric_features(c.mention, c.head, measures))
        c.features.update(clause_features(ctx, c.head))
        c.features.update(base_features(ctx, c.head))
    return out + carried


def entity_candidates(ctx: "QuantityContext", claim: dict, metric_head: Optional[Token],
                      topic: Optional[dict], last_entity: Optional[dict], done: list[dict]) -> list[Candidate]:
    """Candidate entities of ``claim`` given its metric's head token (the rule's pick first), the
    sentence's ``topic``, the paragraph's ``last_entity`` and the claims of the sentence so far."""
    st, qtoks = ctx.state, ctx.tokens
    cands: dict = {}
    _add(cands, ctx, claim, "entity", claim.get("entity"), None, "rule")
    if metric_head is not None:
        inner = entity_in_phrase(st, metric_head, qtoks)
        if inner and not inner.get("pronoun"):
            inner.pop("named", None)
            _add(cands, ctx, claim, "entity", inner, None, "metric_phrase")
    if ctx.subject is not None:
        _add(cands, ctx, claim, "entity", ent_mention(st, ctx.subject) or np_entity(st, ctx.subject, qtoks), ctx.subject, "subj")
    for ent in ctx.sentence.ents:
        if ent.label_ in st.syntax.entity_labels and not any(t.i in st.token_q or t.i in st.time_tokens for t in ent) \
                and not tagged_common(ent):
            _add(cands, ctx, claim, "entity", {"text": ent.text, "start_char": ent.start_char, "end_char": ent.end_char},
                 span_root(ent), "ent")
    if ctx.root is not None:
        for r in _chunk_heads(ctx):
            if not _near(ctx, r) or r.lower_ in st.syntax.pronouns:
                continue
            _add(cands, ctx, claim, "entity", np_entity(st, r, qtoks), r, "chunk")
    s = ctx.sentence
    for m, source in ((topic, "topic"), (last_entity, "paragraph"), (done[-1].get("entity") if done else None, "previous")):
        if not m:
            continue
        inside = m.get("start_char") is not None and s.start <= m["start_char"] < s.end and not m.get("inferred")
        mm = {k: m[k] for k in ("text", "start_char", "end_char") if k in m}
        mm["inferred"] = not inside
        _add(cands, ctx, claim, "entity", mm, None, source)
    # a name in the sentence beats the article's subject, and so does any entity the rule found that
    # is not the measured property itself: the topics compete only when the slot is open
    metric = claim.get("metric")
    attr = claim.get("attribution")
    # "The OECD expects inflation to slow to 4.2%": the forecaster is only the source (excluded), and
    # neither its name in the sentence nor as the article's topic keeps the article's other topics out
    third_party = third_party_forecast(ctx, claim)
    named_here = any(ent.label_ in st.syntax.entity_labels and not any(t.i in st.token_q or t.i in st.time_tokens for t in ent)
                     and not tagged_common(ent)
                     and not (third_party and attr["start_char"] <= ent.start_char < attr["end_char"])
                     for ent in s.ents)
    rule = claim.get("entity")
    rule_head = mention_head(ctx.doc, rule) if rule and rule.get("start_char") is not None and not rule.get("inferred") else None
    rule_head = content_head(rule_head) if rule_head is not None else None
    measures, abstract = _measure_words()
    open_slot = rule is None or (rule_head is not None and (rule_head.lemma_.lower() in measures | abstract | st.syntax.measure_heads
                                                            or rule_head.lower_ in measures | abstract)) or bool(metric and rule.get("start_char") is not None and not rule.get("inferred")
                                     and rule["start_char"] < metric["end_char"] and metric["start_char"] < rule["end_char"])
    # "WSTS expects the market to expand": a forecaster named as the subject is the attribution and
    # only sometimes the entity ("Walmart now expects net sales to grow"): the topics compete too
    forecaster = bool(rule and attr and rule.get("start_char") is not None and not rule.get("inferred")
                      and attr["start_char"] <= rule["start_char"] < attr["end_char"])
    # the article's topics are always candidates; how open the slot is is a feature of theirs
    carried = bool(rule and (rule.get("inferred") or rule.get("start_char") is None))
    topics = {} if (named_here and not forecaster and not carried) or not (open_slot or forecaster or carried) \
        else {t["text"]: t for t in st.article_topics if not (third_party and _same_name(attr["text"], t["text"]))}
    topic_ctx = "forecaster" if forecaster else "carried" if carried else "named" if named_here else "open"
    for t in topics.values():
        _add(cands, ctx, claim, "entity", {"text": t["text"], "start_char": None, "end_char": None, "inferred": True},
             None, "article")
    # the subjects of the opening sentences are always candidates: only their source tells them
    # apart (features of their own, shape or context, made the fit take them where it should not)
    _add_subjects(cands, ctx, claim, attr if third_party else None)
    # the NER label the window gives the name, where it names it ("Toyota" ORG, "Christmas" DATE),
    # up to the end of this sentence: what follows it may or may not be parsed (sentence windows),
    # and the claim must not depend on that
    labels = {e.text: e.label_ for e in ctx.state.ents if e.text in topics and e.end_char <= s.end} if topics else {}
    out = list(cands.values())
    for c in out:
        f = common_features(ctx, claim, c)
        f.update(source_features(c.head))
        m = c.mention
        if metric and not m.get("inferred") and m.get("start_char") is not None:
            if m["start_char"] < metric["end_char"] and metric["start_char"] < m["end_char"]:
                # the measured property itself ("Operating profit" of "Operating profit rose 12%"),
                # or only a modifier of it ("Cell" of "Cell prices fell 5%")
                on_head = metric_head is None or m["start_char"] <= metric_head.idx < m["end_char"]
                within = metric["start_char"] <= m["start_char"] and m["end_char"] <= metric["end_char"]
                if on_head:
                    f["metric=same" if within else "metric=head"] = 1.0
                else:
                    # before the head a modifier ("Cell" of "Cell prices"); after it the object of
                    # a phrase the metric holds ("new process design" of "time for new process design")
                    f["metric=modifier" if m["start_char"] < metric_head.idx else "metric=pp"] = 1.0
        if c.head is not None and not m.get("inferred"):
            # a measure ("Foreign-currency earnings") or a figure ("The upgrade") is not what is measured
            word = content_head(c.head)
            lemma = word.lemma_.lower()
            if lemma in measures or word.lower_ in measures:
                f["measure_noun=1"] = 1.0
            if lemma in abstract or word.lower_ in abstract:
                f["abstract_noun=1"] = 1.0
        if names_a_measure(st, c.head, m["text"], bool(m.get("inferred"))):
            # "Full-time work", "total hours", "AISC" (:mod:`claimx.assembly.entity_measures`)
            f["measure_noun=1"] = 1.0
        if "rule" in c.sources and rule is not None:
            # the rule's pick is only the measured property or a figure ("The rate", "The result"),
            # or carried over from the paragraph: the rule found nothing in the sentence
            if carried:
                f["rule=carried"] = 1.0
            elif open_slot:
                f["rule=open"] = 1.0
        if m.get("inferred"):
            f["inferred=1"] = 1.0
            if "article" not in c.sources and not all(x.startswith("lead_") for x in c.sources):
                # carried over from the paragraph: one of the article's names, or a passing one
                f["carried=topic" if any(_same_name(m["text"], t["text"]) for t in st.article_topics)
                  else "carried=other"] = 1.0
        elif attr and m.get("start_char") is not None and attr["start_char"] <= m["start_char"] < attr["end_char"]:
            # the source of the figure: the article's own subject ("Toyota estimates ...") or another
            f["forecaster=topic" if any(_same_name(m["text"], t["text"]) for t in st.article_topics)
              else "forecaster=other"] = 1.0
        t = topics.get(m["text"]) if m.get("inferred") else None
        if t is not None:
            # a name of the article (:mod:`claimx.assembly.article`) carried over to this claim
            f[f"topic_rank={t['rank']}"] = 1.0
            f[f"topic_count={bin_label(t['count'], (1, 3, 6))}"] = 1.0
            if t["headline"]:
                f["topic_headline=1"] = 1.0
            # the rule found nothing, or only the measured property ("Operating profit rose 12%")
            f["topic_rule=none" if rule is None else "topic_rule=found"] = 1.0
            f[f"topic_ctx={topic_ctx}"] = 1.0
            label = labels.get(m["text"])
            f[f"topic_label={label or 'unseen'}"] = 1.0
        c.features = f
        if f.get("rule=open"):
            # the rule found only the measured property or a figure ("The rate", "The decline"):
            # its pick keeps its features but not the rule's head start (ranker.rule_margin)
            c.sources = (c.sources - {"rule"}) | {"rule_open"}
    return out


def _add_subjects(cands: dict, ctx: "QuantityContext", claim: dict, forecaster: Optional[dict]) -> None:
    """Offer the subject phrases of the article's opening sentences
    (:mod:`claimx.assembly.article_subjects`) as inferred candidates, source ``lead_<shape>``; not
    the ``forecaster`` whose figure for another thing this is, nor one the sentence holds; one
    of the article's names gets the phrase's source too."""
    shapes = _offered_shapes()
    sentence = ctx.state.text[ctx.sentence.start:ctx.sentence.end].lower()
    for t in ctx.state.article_subjects:
        # a phrase the sentence itself holds is a candidate of its own there (with its offsets)
        if t["subject"] not in shapes or t["text"].lower() in sentence:
            continue
        if forecaster is not None and _same_name(forecaster["text"], t["text"]):
            continue
        _add(cands, ctx, claim, "entity", {"text": t["text"], "start_char": None, "end_char": None, "inferred": True},
             None, f"lead_{t['subject']}")


@lru_cache(maxsize=1)
def _offered_shapes() -> frozenset[str]:
    """``offered_shapes`` of ``resources/article_subjects.json``: the subject phrases offered."""
    return frozenset(load("article_subjects.json", ("offered_shapes",))["offered_shapes"])


@lru_cache(maxsize=1)
def _measure_words() -> tuple[frozenset[str], frozenset[str]]:
    """``measure_nouns`` and ``abstract_nouns`` of ``resources/slot_measures.json``."""
    lex = load("slot_measures.json", ("measure_nouns", "abstract_nouns"))
    return frozenset(lex["measure_nouns"]), frozenset(lex["abstract_nouns"])


def _same_name(a: str, b: str) -> bool:
    """True when one name holds the other as whole words ("Toyota Motor", "Toyota")."""
    wa, wb = a.lower().replace("’s", "").replace("'s", "").split(), b.lower().split()
    wa = [w for w in wa if w != "the"]
    n = min(len(wa), len(wb))
    return n > 0 and any(wa[i:i + len(wb)] == wb for i in range(len(wa) - len(wb) + 1)) if len(wa) >= len(wb) \
        else any(wb[i:i + len(wa)] == wa for i in range(len(wb) - len(wa) + 1))

