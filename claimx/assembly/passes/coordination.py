"""Sentence passes over coordinated and compared quantities: "respectively" lists, coordinated
lists that share a trailing measure or a change, appositive changes ("..., up 4.3%"), comparison
bases ("compared with 530") and anaphoric metrics ("the figure")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex
from spacy.tokens import Span, Token

from ..mentions import ent_mention, np_entity, tmention
from ..syntax import np_bounds, span_root
from ..words import dependency_class, label_class, pattern, pos_class, template

if TYPE_CHECKING:
    from ..context import DocState, SentenceInfo

# spaCy label classes of resources/assembly_words.json
_DATE_OR_NUMBER_LABELS = label_class("date_or_number")
_NOUN_POS = pos_class("noun")
_VERB_POS = pos_class("verb")

#: "compared with", "versus", ... right before the base of a comparison
_COMPARISON_BASE = pattern("comparison_base")
#: what stands between two quantities of one coordinated list ("$1.2 billion, $3.4 billion and ...")
_LIST_GAP = pattern("list_gap")
#: the same, or "to" ("fell 4.1% to 2.7%")
_LIST_GAP_OR_TO = pattern("list_gap_or_to")
_TO_BETWEEN = pattern("to_between")
#: "of (the|its|their)" right after the last quantity of a list
_OF_AFTER_LIST = pattern("of_after_list")
#: "the figure", "the total": a metric that only points back
_ANAPHORIC_METRIC = pattern("anaphoric_metric")
_NOUN_MODIFIER = dependency_class("noun_modifier")
_COORDINATED_NOUN = pos_class("coordinated_noun")


def quantity_runs(st: "DocState", sent_claims: list[tuple[int, dict]]) -> list[list[tuple[int, dict]]]:
    """The claims of a sentence cut into runs of coordinated quantities ("came to $120.7 billion,
    $33.5 billion and $23.6 billion, up 5.1%, 10.8% and 3.1%": two runs of three)."""
    runs: list[list[tuple[int, dict]]] = []
    for item in sent_claims:
        if runs:
            a = runs[-1][-1][1]["quantity"]
            between = st.text[a["end_char"]:item[1]["quantity"]["start_char"]]
            if _LIST_GAP.fullmatch(between):
                runs[-1].append(item)
                continue
        runs.append([item])
    return runs


def respectively(st: "DocState", s: "SentenceInfo", sent_claims: list[tuple[int, dict]]) -> None:
    """"Spain and Greece added 2.1 and 1.4 GW, respectively": the n claims take, in order, the n
    coordinated names (entities) or nouns (metrics) before them, and n listed years as timeframes.
    Where the sentence lists more than n quantities, each run of n coordinated ones
    (:func:`quantity_runs`) takes the names in order. The coordinated nouns are entities unless
    they modify a noun ("wind and solar capacity": metrics)."""
    if "respectively" not in s.span.text.lower() or len(sent_claims) < 2:
        return
    n = len(sent_claims)
    first_q = sent_claims[0][1]["quantity"]["start_char"]
    # a list of years: "revenue in 2023, 2024 and 2025 was $8.4m, $7.6m and $6.9m"
    tfs = [t for t in s.timeframes if t["end_char"] <= first_q]
    if len(tfs) == n:
        for (qi, c), t in zip(sent_claims, tfs):
            c["timeframe"] = {k: t.get(k) for k in ("text", "start_char", "end_char", "value", "relation")}
    groups = conj_groups(st, s.span, first_q)
    if not groups:
        prev = [x for x in st.sentences if x.end <= s.start]
        if prev:
            groups = conj_groups(st, prev[-1].span, prev[-1].end)
    runs = [sent_claims] + [r for r in quantity_runs(st, sent_claims) if 2 <= len(r) < n]
    for grp in groups:
        targets = [r for r in runs if len(r) == len(grp)]
        if not targets:
            continue
        for run in targets[:1] if targets[0] is sent_claims else targets:
            _assign(st, run, grp, _entity_like(st, grp))
        break
    else:
        # no list before the sentence's first quantity fits: each run of coordinated quantities
        # takes the nearest list of its length before it ("China had the lowest price, at $84.
        # Packs in North America and Europe cost 44% and 56% more, respectively")
        for run in quantity_runs(st, sent_claims):
            if len(run) < 2 or run[0][1]["quantity"]["start_char"] <= first_q:
                continue
            fits = [g for g in conj_groups(st, s.span, run[0][1]["quantity"]["start_char"])
                    if len(g) == len(run) and g[0].idx > first_q]
            if fits:
                _assign(st, run, fits[-1], _entity_like(st, fits[-1]))


def _entity_like(st: "DocState", grp: list[Token]) -> bool:
    """True when a coordinated list names entities: "memory and logic" are what is measured;
    "wind and solar capacity", "revenue and profit" are the measures."""
    measures = any(t.lemma_.lower() in st.syntax.measure_heads or t.lower_ in st.syntax.measure_heads
                   or t.lower_ in st.cues.change_noun_direction for t in grp)
    modifier = grp[0].dep_ in _NOUN_MODIFIER and grp[0].head.pos_ in _NOUN_POS
    return all(t.ent_type_ in st.syntax.entity_labels or t.pos_ == "PROPN" for t in grp) or not (measures or modifier)


def _assign(st: "DocState", run: list[tuple[int, dict]], grp: list[Token], entity_like: bool) -> None:
    for (qi, c), t in zip(run, grp):
        if entity_like:
            c["entity"] = dict(ent_mention(st, t) or np_entity(st, t, set()) or {}, inferred=False) or None
            # kept over the chooser's pick (claimx.assembly.engine._rank)
            c["_listed_entity"] = c["entity"]
        else:
            first, last = np_bounds(t, pps=())
            m = tmention(st, first, last)
            if m:
                c["metric"] = m


def conj_groups(st: "DocState", span: Span, before: int) -> list[list[Token]]:
    """Coordinated nouns before ``before`` ("Spain and Greece", "wind and solar capacity"),
    numbers and dates left out."""
    groups = []
    seen: set[int] = set()
    for t in span:
        if t.idx >= before:
            break
        if t.i in seen or not any(c.dep_ == "conj" for c in t.children):
            continue
        grp = []
        cur = t
        while cur is not None:
            seen.add(cur.i)
            if cur.pos_ in _COORDINATED_NOUN and cur.ent_type_ not in _DATE_OR_NUMBER_LABELS and cur.i not in st.token_q:
                grp.append(cur)
            nxt = [c for c in cur.children if c.dep_ == "conj"]
            cur = nxt[0] if nxt else None
        if len(grp) >= 2:
            groups.append(grp)
    return groups


def coordinated(st: "DocState", s: "SentenceInfo", sent_claims: list[tuple[int, dict]]) -> None:
    """"fell 4.1% and 2.7%": a quantity coordinated with the one before shares its kind and change;
    "22%, 11% and 10% of the EU's emissions": the list shares the measure named after its last item."""
    run: list[dict] = []
    for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
        between = st.text[a["quantity"]["end_char"]:b["quantity"]["start_char"]]
        if _LIST_GAP.fullmatch(between):
            if not run:
                run.append(a)
            run.append(b)
            continue
        share_trailing_metric(st, run)
        run = []
    share_trailing_metric(st, run)
    for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
        between = st.text[a["quantity"]["end_char"]:b["quantity"]["start_char"]]
        if _LIST_GAP_OR_TO.fullmatch(between) and b["kind"] == "level" and a["kind"] == "change":
            if _TO_BETWEEN.fullmatch(between):
                continue
            b["kind"] = a["kind"]
            b["change"] = dict(a["change"]) if a.get("change") else None


def share_trailing_metric(st: "DocState", run: list[dict]) -> None:
    """A run of coordinated claims takes the metric of its last item when that one is "Q of N"."""
    if len(run) < 2:
        return
    last = run[-1]
    m_of = _OF_AFTER_LIST.match(st.text[last["quantity"]["end_char"]:])
    metric = last.get("metric")
    if not (m_of and metric):
        return
    pos_of = last["quantity"]["end_char"] + m_of.end()
    if metric["start_char"] < pos_of:
        # the metric is not after that "of" ("farms supplied 9.8 and 3.4% of the grid")
        return
    span = st.doc.char_span(pos_of, metric["end_char"], alignment_mode="expand")
    # the measure must be the object of that "of" ("of the EU's total emissions"), not a
    # verb further on ("a third of it went ...")
    if span is not None and span_root(span).pos_ in _NOUN_POS \
            and not any(t.pos_ in _VERB_POS for t in span):
        for c in run[:-1]:
            c["metric"] = dict(last["metric"])


def appositive_change(st: "DocState", s: "SentenceInfo", sent_claims: list[tuple[int, dict]]) -> None:
    """"generated 256 TWh in 2024, up 4.3% from the previous year": the change is of the
    claim just before it, so it takes that claim's metric and entity. A list of changes after a
    list of levels ("came to $120.7 billion, $33.5 billion and $23.6 billion, up 5.1%, 10.8% and
    3.1% respectively") pairs item by item instead (:func:`respectively`)."""
    in_list = {id(c) for run in quantity_runs(st, sent_claims) if len(run) > 1 for _, c in run}
    for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
        if b["kind"] != "change" or (id(a) in in_list and id(b) in in_list):
            continue
        between = st.text[a["quantity"]["end_char"]:b["quantity"]["start_char"]]
        if regex.search(template("appositive_change", change_nouns="|".join(st.cues.change_noun_direction)), between):
            if a.get("metric"):
                b["metric"] = dict(a["metric"])
            if a.get("entity"):
                b["entity"] = dict(a["entity"])


def comparison_base(st: "DocState", s: "SentenceInfo", sent_claims: list[tuple[int, dict]]) -> None:
    """"fell to 355 in 2023, compared with 530 in 2014": the base of a comparison measures the
    same thing as the claim before it."""
    for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
        between = st.text[a["quantity"]["end_char"]:b["quantity"]["start_char"]]
        if _COMPARISON_BASE.search(between):
            if a.get("metric"):
                b["metric"] = dict(a["metric"])
            own = b.get("entity")
            # keep an entity named after the base itself ("versus 6,300 kWh in Spain")
            if a.get("entity") and not (own and (own.get("start_char") or 0) > b["quantity"]["start_char"]):
                b["entity"] = dict(a["entity"])


def anaphoric_metric(st: "DocState", claim: dict, done: list[dict]) -> None:
    """"an industry group put the figure at $298 billion": "the figure" is the previous claim's."""
    m = claim.get("metric")
    if not done or m is None:
        return
    if _ANAPHORIC_METRIC.fullmatch(m["text"]):
        prev = done[-1]
        claim["metric"] = dict(prev["metric"]) if prev.get("metric") else None
        if prev.get("entity"):
            claim["entity"] = dict(prev["entity"])
