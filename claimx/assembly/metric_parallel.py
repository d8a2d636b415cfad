"""The metric a figure shares with a parallel clause of its sentence.

A sentence that lists how several things changed names the measured property once, for the first
of them, and then only the other things: "petrochemicals are projected to add 4.9 million bpd of
demand, aviation to climb to 10.9 million bpd"; "logic chips are expected to grow 37.1%, while
memory is set to expand 27.8%"; "sensors are projected to rise 10.4% and analog chips 7.5%". The
later figures measure what the first measures ("demand", the article's "sales"), not the thing
that changes ("aviation", "memory", "analog chips").

A *donor* is a claim whose quantity's verb has a subject that names a thing (no measure word, no
figure or change word such as "index" or "increase", no pronoun) while its final metric is a measure word that is not that subject (the "of" phrase of
the figure, the article's measure topic). A later claim of the same sentence with the same unit
whose metric is headed by such a thing takes the nearest donor's metric
(:func:`parallel_metric`). The assembly applies it after the learned chooser, with the other late
metric rules, so the chooser's own picks are what later claims are offered as carried candidates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from ..grammar._resources import load
from .metric_topic import ends_in_measure, is_measure
from .syntax import mention_head
from .words import pos_class, word_class

if TYPE_CHECKING:
    from .context import QuantityContext

_NOUN_POS = pos_class("noun")
_BASE_PREPS = word_class("comparison_base_prepositions")
#: figure and change words ("the increase", "Rightmove's asking-price measure", "Halifax's index"): they
#: stand for a figure, not for a thing that changes
_ABSTRACT = frozenset(load("slot_measures.json", ("abstract_nouns",))["abstract_nouns"])
#: the private key the assembly keeps a donor's mark under until the document is done
DONOR = "_parallel_donor"


def _thing(ctx: "QuantityContext", tok) -> bool:
    """True when token ``tok`` is a noun that names a thing: no measure, figure or change word, no
    pronoun."""
    return tok.pos_ in _NOUN_POS and tok.lower_ not in ctx.state.syntax.pronouns and not is_measure(ctx, tok) \
        and tok.lower_ not in _ABSTRACT and tok.lemma_.lower() not in _ABSTRACT


def names_thing(ctx: "QuantityContext", metric: Optional[dict]) -> bool:
    """True when ``metric`` (a mention with offsets, or ``None``) is headed by a noun that names a
    thing: no measure, figure or change word, no pronoun."""
    head = mention_head(ctx.doc, metric)
    return head is not None and _thing(ctx, head)


def is_donor(ctx: "QuantityContext", metric: Optional[dict]) -> bool:
    """True when ``metric`` (the claim's final metric) is a measure word that is not the subject of
    the quantity's verb, and that subject names a thing (a noun, no measure, figure or change word, no pronoun)."""
    subj = ctx.subject
    if not metric or not metric.get("text") or subj is None or not _thing(ctx, subj):
        return False
    if metric.get("start_char") is not None and metric["start_char"] <= subj.idx < metric["end_char"]:
        return False
    return ends_in_measure(ctx, metric["text"])


def parallel_metric(ctx: "QuantityContext", metric: Optional[dict], done: Sequence[dict]) -> Optional[dict]:
    """The metric of the nearest earlier donor claim (see the module docstring) of ``done`` (the
    sentence's claims so far, in text order) with the same unit as the quantity of ``ctx``, where
    ``metric`` (the metric chosen so far) is headed by a noun that names a thing (no measure,
    figure or change word, no pronoun); a copy of the donor's metric, or ``None`` (keep ``metric``)."""
    q = ctx.quantity
    if not q.get("unit"):
        return None
    if not names_thing(ctx, metric):
        return None
    if any(t.dep_ == "prep" and t.lower_ in _BASE_PREPS for t in (ctx.root.ancestors if ctx.root is not None else ())
           if t.i < min(ctx.tokens, default=t.i + 1)):
        return None  # the base of a comparison ("12% more than ...")
    s = ctx.sentence
    for prev in reversed(done):
        pq = prev.get("quantity") or {}
        if not (s.start <= pq.get("start_char", -1) < s.end) or pq.get("unit") != q.get("unit"):
            continue
        if not prev.get(DONOR):
            return None
        m = prev.get("metric")
        return {"text": m["text"], "start_char": m.get("start_char"), "end_char": m.get("end_char")}
    return None
