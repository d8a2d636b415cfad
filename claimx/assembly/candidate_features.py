"""The features the slot ranker scores a metric or entity candidate by (:mod:`claimx.assembly.candidates`
builds the candidates): 0/1 indicators named ``group=value``, bins for distances and lengths.

Common to both slots: the candidate's sources, length, digits, head word (tags, word classes), side
and distance from the quantity, tree distance and attachment to it, clause, and whether it lies inside
the sentence's attribution (:func:`common_features`); for metrics also where its clause lies from the
quantity's (:func:`clause_features`). Per-head results are kept on the window state
(``DocState.feature_cache``): the metric and entity candidates share most heads.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from ..grammar._resources import load
from .clauses import segment_bounds
from .syntax import clause_head

if TYPE_CHECKING:
    from .candidates import Candidate
    from .context import QuantityContext


def bin_label(value: int, edges: tuple[int, ...]) -> str:
    """The bin of ``value`` among ascending ``edges`` as a feature value: ``"<=e"`` for the first edge
    ``e`` it does not pass, ``">last"`` beyond the last (``bin_label(3, (1, 2, 4))`` is ``"<=4"``)."""
    for e in edges:
        if value <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def tree_distance(heads: list[int], a: int, b: int) -> int:
    """Edges between tokens ``a`` and ``b`` (indices; ``heads``: each token's head index) through
    their lowest common ancestor; 99 when none within 30 steps."""
    up_a = {}
    t, d = a, 0
    while True:
        up_a[t] = d
        if heads[t] == t or d > 30:
            break
        t, d = heads[t], d + 1
    t, d = b, 0
    while True:
        if t in up_a:
            return up_a[t] + d
        if heads[t] == t or d > 30:
            return 99
        t, d = heads[t], d + 1


def clause_features(ctx: "QuantityContext", head: Optional[Token]) -> dict:
    """Where a metric candidate's clause lies from the quantity's (:func:`~.syntax.clause_head`):
    ``m_vclause=same``; ``inner`` for a clause under the quantity's ("..., saying that higher
    volumes ..."), ``outer`` for one above it, ``other`` for a clause beside it ("..., when output
    had slipped to ..."); nothing without a head or a quantity root."""
    if head is None or ctx.root is None:
        return {}
    hq, hc = _clause_head_of(ctx, ctx.root), _clause_head_of(ctx, head)
    if hq.i == hc.i:
        where = "same"
    elif hq.is_ancestor(hc):
        where = "inner"
    elif hc.is_ancestor(hq):
        where = "outer"
    else:
        where = "other"
    return {f"m_vclause={where}": 1.0}


def _clause_head_of(ctx: "QuantityContext", tok: Token) -> Token:
    """:func:`~.syntax.clause_head` of ``tok``, worked out once per token and window."""
    cache = ctx.state.feature_cache
    key = ("clause_head", tok.i)
    head = cache.get(key)
    if head is None:
        head = cache[key] = clause_head(tok)
    return head


@lru_cache(maxsize=1)
def _feature_prepositions() -> frozenset[str]:
    return frozenset(load("slot_exclusions.json", ("feature_prepositions",))["feature_prepositions"])


@lru_cache(maxsize=8192)
def _has_digit(text: str) -> bool:
    """True when a character of ``text`` is a digit (``str.isdigit``); cached per text."""
    return any(ch.isdigit() for ch in text)


def common_features(ctx: "QuantityContext", claim: dict, c: "Candidate") -> dict:
    """The features of candidate ``c`` of ``claim`` shared by both slots (``{"name=value": 1.0}``):
    ``bias``, ``src=<source>``, ``len``, ``digit``; with a head token also its word features, ``side``,
    ``chars`` (gap to the quantity), ``tree`` and attachment, ``clause`` and ``in_attribution``;
    ``head=none`` for an inferred candidate without one."""
    f: dict = {"bias": 1.0}
    for s in c.sources:
        f[f"src={s}"] = 1.0
    m, head, q = c.mention, c.head, claim["quantity"]
    words = m["text"].split()
    f[f"len={bin_label(len(words), (1, 2, 4, 7))}"] = 1.0
    if _has_digit(m["text"]):
        f["digit=1"] = 1.0
    if head is None:
        f["head=none"] = 1.0
        return f
    # the features of the head alone, and of the head given the quantity, are worked out once per
    # head (per quantity) and kept on the state: metric and entity candidates share most heads
    cache = ctx.state.feature_cache
    word = cache.get(head.i)
    if word is None:
        word = cache[head.i] = _head_word_features(ctx, head)
    f.update(word)
    before = m["end_char"] <= q["start_char"]
    f["side=before" if before else "side=after"] = 1.0
    gap = (q["start_char"] - m["end_char"]) if before else (m["start_char"] - q["end_char"])
    f[f"chars={bin_label(max(gap, 0), (1, 10, 30, 60))}"] = 1.0
    key = (ctx.index, head.i)
    tree = cache.get(key)
    if tree is None:
        tree = cache[key] = _head_tree_features(ctx, head)
    f.update(tree)
    seg = cache.get(("segment", ctx.index))
    if seg is None:
        seg = cache[("segment", ctx.index)] = segment_bounds(ctx.state, ctx.sentence, q["start_char"])
    f["clause=same" if seg[0] <= m["start_char"] < seg[1] else "clause=other"] = 1.0
    for a in ctx.sentence.attributions:
        if m["start_char"] < a["end_char"] and a["start_char"] < m["end_char"]:
            f["in_attribution=1"] = 1.0
    return f


def _head_word_features(ctx: "QuantityContext", head: Token) -> dict:
    """The features of a candidate's head token on its own (its tags and word classes)."""
    f: dict = {f"pos={head.pos_}": 1.0, f"dep={head.dep_}": 1.0, f"ent={head.ent_type_ or 'none'}": 1.0}
    if head.ent_type_ in ctx.state.syntax.entity_labels or head.pos_ == "PROPN":
        f["named=1"] = 1.0
    lemma = head.lemma_.lower()
    if lemma in ctx.state.syntax.measure_heads:
        f["measure_head=1"] = 1.0

    if lemma in ctx.state.syntax.time_nouns:
        f["time_noun=1"] = 1.0
    if lemma in ctx.state.cues.change_noun_direction or head.lower_ in ctx.state.cues.change_noun_direction:
        f["change_noun=1"] = 1.0
    return f


def _head_tree_features(ctx: "QuantityContext", head: Token) -> dict:
    """The features of a candidate's head token given the quantity (tree distance, attachment)."""
    f: dict = {}
    if ctx.root is not None:
        f[f"tree={bin_label(tree_distance(ctx.state.heads, head.i, ctx.root.i), (1, 2, 3, 5))}"] = 1.0
        if ctx.root.head.i == head.i:
            f["qty_head=1"] = 1.0
    if ctx.verb is not None:
        if head.head.i == ctx.verb.i:
            f[f"verb_child={head.dep_}"] = 1.0
        if head.i == ctx.verb.i:
            f["is_verb=1"] = 1.0
    prev = ctx.doc[head.i - 1] if head.i > 0 else None
    if prev is not None and prev.dep_ == "poss":
        f["has_poss=1"] = 1.0
    if any(ch.dep_ == "det" and ch.lower_ == "the" for ch in head.children):
        f["det=the"] = 1.0
    if head.dep_ == "pobj":
        # the common prepositions by name, the rest as one (a rare word's weight is noise)
        f[f"prep={head.head.lower_ if head.head.lower_ in _feature_prepositions() else 'other'}"] = 1.0
        if head.head.head.i in ctx.tokens or head.head.head.i == (ctx.root.i if ctx.root is not None else -1):
            f["pp_of_qty=1"] = 1.0
    if head.dep_ == "poss":
        f["is_poss=1"] = 1.0
    return f
