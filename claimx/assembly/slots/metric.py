"""The metric slot: the noun phrase the number measures (or, failing one, the verb).

Word classes (linking verbs, time nouns, anaphoric nouns, words never a metric before a quantity)
come from ``resources/syntax.json``; change words and rate words from ``resources/cues.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from ...grammar._resources import load
from ..exclusions import is_lone_light_verb
from ..mentions import subtree_part, tmention
from ..syntax import governing_verb, is_measure_word, np_bounds, q_root, token_before
from ..words import dependency_class, label_class, pattern, pos_class, word_class

if TYPE_CHECKING:
    from ..context import DocState, QuantityContext

# word and tag classes of resources/assembly_words.json
_BE_HAVE = word_class("be_and_have")
_MEASURE_OF_WORTH = word_class("noun_of_or_worth_quantity")
_NOT_METRIC_AFTER_IN = word_class("not_metric_after_in")
#: "a record low of 5.6%": the extreme is not the measure; the subject of the verb is
_EXTREME_NOUNS = word_class("extreme_nouns_before_of")
_PARTITIVE_PREPS = word_class("partitive_prepositions")
_VERB_PARTICLE_PREPS = word_class("verb_particle_prepositions")

# spaCy label classes of resources/assembly_words.json
_COMPOUND_OR_POSSESSOR_DEPS = dependency_class("compound_or_possessor")
_NOMINAL_SUBJECT_DEPS = dependency_class("nominal_subject")
_NOUN_POS = pos_class("noun")
_OBJECT_DEPS = dependency_class("direct_object")
_TIME_LABELS = label_class("time")

_METRIC_HEAD_POS = pos_class("metric_head")
#: a ratio's number modifying a noun ("45 times the records"); a count's ("42 clusters")
_RATIO_MODIFIER = dependency_class("ratio_modifier")
_COUNT_MODIFIER = dependency_class("count_modifier")
#: the modifiers that make a noun right before a quantity a metric ("its net profit $310 mn")
_NOUN_BEFORE_MODIFIER = dependency_class("noun_before_modifier")
_CHANGE_NOUN_PREPS = word_class("change_noun_prepositions")
#: units of a ratio or a rate: "of CO2" after them does not name the thing counted
_RATIO_UNITS = word_class("ratio_units")
#: verbs whose elided object a later count shares ("it had 1,850")
_POSSESSION_VERBS = word_class("possession_verbs")
#: "to"/"by"/"from" before a change's end point, amount or start ("rose 5% to 4.8 million units")
_CHANGE_POINT_PREPS = word_class("change_point_prepositions")
#: "for"/"among" a group of people ("the rate for core-aged women"): the group is the entity
_GROUP_PREPS = word_class("group_prepositions")
_GROUP_NOUNS = word_class("people_group_nouns")
#: "that"/"which" opening a relative clause
_RELATIVE_WORDS = word_class("relative_words")
#: "the 5.7% the OECD had pencilled in": a verb of expecting or planning names no measure
_EXPECTATION_VERBS = word_class("expectation_verbs")
_AS_MANY = pattern("as_many")
_OF_AFTER = pattern("of_after")
_OF_THAT_OF = pattern("of_that_of")
_IN_AFTER = pattern("in_after")

def _is_measure_phrase(st: "DocState", n: Token) -> bool:
    """True when noun ``n`` or a compound on it is a measure word (:func:`~claimx.assembly.syntax.is_measure_word`):
    "vehicle sales", "sales forecast"."""
    return any(is_measure_word(st, t) for t in [n] + [c for c in n.lefts if c.dep_ in _COMPOUND_OR_POSSESSOR_DEPS])


def mover_of_count(st: "DocState", count_noun: Token, verb: Optional[Token], qtoks) -> Optional[Token]:
    """The measure a change moves where the noun a count modifies only names the unit of its end
    point, amount or start ("vehicle sales rose 5% to 4.8 million units" -> "vehicle sales";
    "raised its sales forecast by 100,000 units"): the change verb's object, else its subject, when
    that is a measure phrase (:func:`_is_measure_phrase`); ``None`` otherwise."""
    if verb is None or count_noun.dep_ != "pobj" or count_noun.head.lower_ not in _CHANGE_POINT_PREPS \
            or count_noun.head.head.i != verb.i or verb.lower_ not in st.cues.change_verb_direction:
        return None
    objs = [c for c in verb.children if c.dep_ in _OBJECT_DEPS and not any(t.i in qtoks for t in c.subtree)]
    subj = [c for c in verb.children if c.dep_ in _NOMINAL_SUBJECT_DEPS]
    cand = objs[0] if objs else subj[0] if subj else None
    # an object the tagger calls a verb is still a noun phrase ("its sales forecast")
    if cand is None or (cand.pos_ not in _NOUN_POS and cand.dep_ not in _OBJECT_DEPS) or cand.i in st.token_q \
            or not _is_measure_phrase(st, cand):
        return None
    return cand


def _object_relative_verb(st: "DocState", root: Token, qtoks, hedges=()) -> Optional[Token]:
    """The verb of a relative clause on the quantity whose object the quantity is ("the 88,668
    ounces that Gruyere produced", "the 1.2 million tonnes the smelter shipped"): the clause has a
    subject of its own and no other object; ``None`` otherwise, for a light or change verb, or for
    a verb of expecting (``expectation_verbs``) or inside one of the sentence's ``hedges`` ("the
    5.7% the OECD had pencilled in": an expectation names no measure)."""
    for v in root.rights:
        if v.dep_ != "relcl" or v.pos_ != "VERB" or v.i in qtoks:
            continue
        if any(h["start_char"] <= v.idx < h["end_char"] for h in hedges) or v.lemma_.lower() in _EXPECTATION_VERBS:
            continue
        subj = [c for c in v.children if c.dep_ in _NOMINAL_SUBJECT_DEPS]
        objs = [c for c in v.children if c.dep_ in _OBJECT_DEPS]
        if not subj or subj[0].lower_ in _RELATIVE_WORDS or any(o.lower_ not in _RELATIVE_WORDS for o in objs):
            continue
        if is_lone_light_verb([v], st.cues.change_verb_direction):
            continue
        return v
    return None


def relative_antecedent(st: "DocState", verb: Optional[Token], subj: Optional[Token]) -> Optional[Token]:
    """The noun a relative pronoun subject stands for ("capacity that grew by 38%", "revenue, which
    rose 5%" -> "capacity", "revenue"): the head of the relative clause ``verb``; ``subj`` itself
    otherwise."""
    if subj is None or verb is None or subj.lower_ not in _RELATIVE_WORDS or verb.dep_ != "relcl":
        return subj
    n = verb.head
    if n.pos_ not in _NOUN_POS or n.i in st.token_q or n.lower_ in st.syntax.pronouns:
        return subj
    return n


@dataclass
class MetricResult:
    """The chosen metric mention (or ``None``), its head token (the entity slot looks inside it) and
    whether it is only the governing verb (``from_verb``: lowers the confidence)."""

    metric: Optional[dict]
    head: Optional[Token]
    from_verb: bool = False


def metric_from_noun(st: "DocState", n: Token, qtoks, *, group: bool = False) -> Optional[dict]:
    """The noun phrase headed by ``n`` as a metric mention (cut before an "of"/"for" phrase that names
    an entity); ``None`` for a pronoun or a word that cannot head a measure. ``group``: ``n`` is
    the whole a part is counted from ("nine of the 13 regions"): another quantity's number on it
    is the group's size, and the phrase starts after it."""
    if n.pos_ not in _METRIC_HEAD_POS or n.lower_ in st.syntax.pronouns:
        return None
    # the phrase reads only the tokens of ``n``'s subtree: the quantity tokens there are the key
    key = ("metric", n.i, group, subtree_part(n, qtoks))
    if key not in st.np_cache:
        st.np_cache[key] = _metric_from_noun(st, n, qtoks, group)
    found = st.np_cache[key]
    return dict(found) if found is not None else None


def _metric_from_noun(st: "DocState", n: Token, qtoks, group: bool) -> Optional[dict]:
    """:func:`metric_from_noun` worked out (``n`` can head a measure)."""
    # an "of"/"for" phrase naming an entity is the entity, not the measure ("Shares of Ostmark Bank")
    named_pp = [c.i for c in n.rights if c.dep_ == "prep" and any(
        p.dep_ == "pobj" and (p.ent_type_ in st.syntax.entity_labels or p.pos_ == "PROPN") for p in c.children)]
    # a period is the timeframe, not part of the measure ("Tonnage for the first seven months")
    named_pp += [c.i for c in n.rights if c.dep_ == "prep" and any(
        p.dep_ == "pobj" and (p.i in st.time_tokens or p.ent_type_ in _TIME_LABELS) for p in c.children)]
    # a group of people is who is measured, not the measure ("the rate for core-aged women")
    named_pp += [c.i for c in n.rights if c.dep_ == "prep" and c.lower_ in _GROUP_PREPS and any(
        p.dep_ == "pobj" and p.lemma_.lower() in _GROUP_NOUNS for p in c.children)]
    other = {c.i for c in n.lefts if c.i in st.token_q and c.i not in qtoks and not c.n_lefts} if group else set()
    first, last = np_bounds(n, exclude=frozenset(qtoks) | other, max_right=(min(named_pp) - 1) if named_pp else None)
    return tmention(st, first, last)


def metric(ctx: "QuantityContext", kind: str, metrics: dict) -> MetricResult:
    """The metric of the claim on ``ctx``'s quantity, given its ``kind`` and the metrics already
    chosen for earlier quantities of the sentence (``metrics``: quantity index -> mention or None).

    Tried in order: for ratios the measure compared; a count's noun ("42 clusters"); "Q of N"
    ("40% of installation costs"); "N of Q" ("a CAGR of 13.4%"); "N worth Q"; "Q in N"
    ("€410 billion in assets"); a noun with a participle ("a volume exceeding Q"); the object
    of a change verb or the subject of a linking verb ("revenue reached Q"); the quantity this
    one hangs from; a noun right before the quantity ("its net profit $310 mn"); an elided
    noun shared with the previous count of the same verb; else the verb itself ("peaks at").
    """
    st, qi, q, s, root, qtoks = ctx.state, ctx.index, ctx.quantity, ctx.sentence, ctx.root, ctx.tokens
    cues = st.cues
    text = st.text
    draft: dict = {"metric": None}
    if root is None:
        return MetricResult(None, None)
    metric_tok = None
    group = False
    verb = ctx.verb
    subj = relative_antecedent(st, verb, ctx.subject)
    head = root.head
    after = text[q["end_char"]:s.end]
    lemma = verb.lemma_.lower() if verb is not None else ""
    linking = verb is not None and (lemma in st.syntax.linking_verbs or verb.lower_ in cues.change_verb_direction)

    def from_other_quantity() -> bool:
        t = root
        for _ in range(8):
            if t.head.i == t.i:
                return False
            t = t.head
            oq = st.token_q.get(t.i)
            if oq is not None and oq != qi and metrics.get(oq):
                draft["metric"] = dict(metrics[oq])
                return True
        return False

    if kind == "ratio":
        if from_other_quantity():
            return MetricResult(draft["metric"], None)
        m_as = _AS_MANY.match(after)
        if m_as:
            # "twice as many containers as Eastmere"
            cand = [t for t in s.span if t.idx >= q["end_char"] + m_as.end() and t.pos_ in _NOUN_POS]
            if cand:
                draft["metric"] = metric_from_noun(st, cand[0], qtoks)
                return MetricResult(draft["metric"], cand[0])
        if linking and subj is not None:
            # "the average house price is 13 times the median income"
            draft["metric"] = metric_from_noun(st, subj, qtoks)
            return MetricResult(draft["metric"], subj)
        if root.dep_ in _RATIO_MODIFIER and head.pos_ in _NOUN_POS:
            # "holds 45 times the records of ...": the noun after "times" is the measure
            first, last = np_bounds(head, pps=())
            draft["metric"] = tmention(st, first, last)
            return MetricResult(draft["metric"], head)
    # "the record 88,668 ounces that the mine produced": a measured amount as the object of a
    # relative clause; its verb names the measure (never a light or change verb)
    rel = _object_relative_verb(st, root, qtoks, s.hedges) if q.get("unit") is not None else None
    if rel is not None:
        draft["metric"] = tmention(st, rel.i, rel.i)
        return MetricResult(draft["metric"], rel, from_verb=True)
    # "among the top 10 models, 8 are from China", "8 of the 10 models"
    if root.dep_ in _NOMINAL_SUBJECT_DEPS and verb is not None:
        preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in _PARTITIVE_PREPS]
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"]
        for pr in preps:
            pobj = [c for c in pr.children if c.dep_ == "pobj"]
            if pobj:
                metric_tok = pobj[0]
                group = True
                break
    # a count or an adjective quantity modifies a noun: "42 clusters", "a 5% increase in yield rate"
    if metric_tok is None and not (q.get("unit") or "").startswith("/") \
            and root.dep_ in _COUNT_MODIFIER \
            and head.i not in qtoks and head.pos_ in _NOUN_POS and head.idx > q["start_char"] \
            and head.lemma_.lower() not in st.syntax.time_nouns:
        if head.lower_ in cues.change_noun_direction:
            pp = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in _CHANGE_NOUN_PREPS]
            pobj = [c for c in pp[0].children if c.dep_ == "pobj"] if pp else []
            if pobj:
                metric_tok = pobj[0]
        elif not cues.rate_metric_re.match(after.lstrip(" -")):
            metric_tok = mover_of_count(st, head, verb, qtoks) or head
    # "emissions fell to 673 million tonnes of CO2": the subject of a linking verb names the
    # measure; "of CO2" only says what the unit counts
    if metric_tok is None and linking and subj is not None and q.get("unit") is not None \
            and q.get("unit") not in _RATIO_UNITS \
            and _OF_AFTER.match(after) and verb.lower_ in cues.change_verb_direction:
        metric_tok = subj
    # "48 million tonnes of CO2", "40% of installation costs"
    if metric_tok is None:
        m_of = _OF_AFTER.match(after)
        if m_of and not _OF_THAT_OF.match(after):
            pobj_start = q["end_char"] + m_of.end()
            cand = [t for t in s.span if t.idx >= pobj_start and t.pos_ in _NOUN_POS]
            pobj = [t for t in cand if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.idx < pobj_start]
            if pobj:
                metric_tok = pobj[0]
            elif cand:
                metric_tok = cand[0] if cand[0].dep_ not in _COMPOUND_OR_POSSESSOR_DEPS else cand[0].head
    # "a core AI industry scale of 450 billion yuan", "a CAGR of 13.4%", "a profit of GBP 19 million"
    if metric_tok is None:
        prev = token_before(q["start_char"], s)
        if prev is not None and prev.lower_ in _MEASURE_OF_WORTH:
            noun = token_before(prev.idx, s)
            oq = st.token_q.get(noun.i) if noun is not None else None
            if oq is not None and oq != qi and prev.lower_ == "worth":
                # "742 500 t, worth $1 215 million": the measure of the quantity it values
                if metrics.get(oq):
                    draft["metric"] = dict(metrics[oq])
                    return MetricResult(draft["metric"], None)
            elif noun is not None and noun.pos_ in _NOUN_POS and oq is None and noun.lower_ not in _EXTREME_NOUNS:
                if noun.lower_ not in cues.change_noun_direction or cues.rate_metric_re.fullmatch(noun.lower_) \
                        or noun.lower_ == "growth":
                    metric_tok = noun
            elif prev.lower_ == "worth" and prev.head.pos_ in _NOUN_POS and prev.head.i not in st.token_q:
                metric_tok = prev.head
    # "€410 billion in assets", "$2 billion in sales"
    if metric_tok is None:
        m_in = _IN_AFTER.match(after)
        if m_in:
            cand = [t for t in s.span if t.idx >= q["end_char"] + m_in.end()]
            if cand and cand[0].pos_ == "NOUN" and not cand[0].ent_type_ and cand[0].lower_ not in _NOT_METRIC_AFTER_IN:
                metric_tok = cand[0]
    # a participle on a noun: "a total volume exceeding 890 petabytes"
    if metric_tok is None and verb is not None and verb.dep_ == "acl" and verb.head.pos_ in _NOUN_POS \
            and verb.head.i not in st.token_q:
        metric_tok = verb.head
    # a noun right before the quantity, no verb between: "and its net profit $310 mn"
    if metric_tok is None:
        prev = token_before(q["start_char"], s)
        if prev is not None and prev.pos_ == "NOUN" and prev.i not in st.token_q \
                and prev.lower_ not in cues.change_noun_direction and prev.lower_ not in st.syntax.not_metric_before \
                and any(c.dep_ in _NOUN_BEFORE_MODIFIER for c in prev.lefts):
            metric_tok = prev
    # the object of a change verb ("cut its emissions to Q"), the subject of a linking verb
    if metric_tok is None and verb is not None:
        dobj = [c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.i not in st.token_q
                and not any(t.i in qtoks for t in c.subtree) and c.lemma_.lower() not in st.syntax.time_nouns
                and c.ent_type_ not in _TIME_LABELS]
        if dobj and (verb.lower_ in cues.change_verb_direction or kind == "change"
                     or dobj[0].lower_ in st.syntax.anaphoric_nouns):
            metric_tok = dobj[0]
            # "shipped 48,000 parcels in June, 6% fewer than in May": the object another
            # quantity counts is this change's measure too, without that number
            group = kind == "change"
        elif subj is not None and linking:
            metric_tok = subj
    if metric_tok is None and from_other_quantity():
        return MetricResult(draft["metric"], None)
    # an elided noun: "shipped 7.9 million wafers in H1 and 4.1 million in Q1", "it had 1,850"
    if metric_tok is None and q.get("unit") is None and verb is not None:
        for oqi in reversed(range(qi)):
            oq = st.quantities[oqi]
            if oq["start_char"] < s.start or not metrics.get(oqi):
                continue
            if oq.get("unit") is not None:
                continue
            otoks = st.q_tokens.get(oqi) or set()
            oroot = q_root(st.doc, otoks)
            overb = governing_verb(st, oroot) if oroot is not None else None
            if overb is not None and (overb.i == verb.i or lemma in _POSSESSION_VERBS):
                draft["metric"] = dict(metrics[oqi])
                return MetricResult(draft["metric"], None)
            break
    if metric_tok is None and kind == "change" and subj is not None:
        metric_tok = subj
    if metric_tok is not None:
        draft["metric"] = metric_from_noun(st, metric_tok, qtoks, group=group)
        if draft["metric"] is not None and draft["metric"]["text"].lower() in st.syntax.pronouns:
            draft["metric"] = None
    if draft["metric"] is None and verb is not None and lemma not in _BE_HAVE and verb.pos_ == "VERB":
        # no noun names the measure: the verb does ("peaks at 2.1 EFLOPS", "sold 12.9 million")
        last = verb.i
        for c in verb.rights:
            if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == last + 1 and c.lower_ in _VERB_PARTICLE_PREPS
                                    and any(t.i in qtoks for t in c.subtree)):
                last = c.i
        if is_lone_light_verb([st.doc[i] for i in range(verb.i, last + 1)], cues.change_verb_direction):
            # a light or change verb never names the measure ("its tapes hold 12 PB"): its subject does
            if subj is not None and subj.pos_ in _NOUN_POS and subj.lower_ not in st.syntax.pronouns:
                draft["metric"] = metric_from_noun(st, subj, qtoks)
                return MetricResult(draft["metric"], subj)
            return MetricResult(None, metric_tok)
        draft["metric"] = tmention(st, verb.i, last)
        return MetricResult(draft["metric"], metric_tok, from_verb=True)
    return MetricResult(draft["metric"], metric_tok)
