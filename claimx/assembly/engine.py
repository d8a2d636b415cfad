"""The assembly engine: per sentence, a :class:`QuantityContext` per quantity, then the slots in a
fixed order (candidacy, kind, metric, attribution, entity, timeframe, modality, confidence), then
the sentence passes (coordination), then the discourse passes (topic, pronouns, carry-over) and the
document pass (quoted attribution)."""

from __future__ import annotations

from typing import Optional, Union

from spacy.tokens import Doc

from ..lexicons import CompiledCues, Lexicons
from .context import DocState, QuantityContext, SentenceInfo, doc_text
from . import ranker
from .bindings import bound_entity
from .candidates import entity_candidates, metric_candidates
from .metric_breakdown import breakdown_metric
from .metric_bases import forecast_gap_metric
from .metric_change import change_noun_metric
from .metric_object import moved_object_metric
from .metric_parallel import DONOR, is_donor, names_thing, parallel_metric
from .metric_topic import coordinated_things_metric, metric_override, passive_verb_metric
from .exclusions import exclusion_reason, trim_quantity
from .mentions import mention
from .passes import coordination, discourse, gapping, periods, restatement
from .syntax import span_root
from .slots.attribution import attribution, quoted_attribution
from .slots.candidacy import is_skipped
from .slots.confidence import confidence
from .slots.entity import entity
from .slots.kind import kind
from .slots.metric import metric
from .slots.modality import modality
from .slots.timeframe import timeframe

_QUANTITY_FIELDS = ("text", "start_char", "end_char", "value", "unit", "comparator", "lower", "upper", "base_value", "base_unit")


def _claim_of(st: DocState, ctx: QuantityContext, metrics: dict, absorbed: set, paragraph_time: Optional[str]) -> Optional[tuple[dict, bool]]:
    """The claim dict of one quantity and whether its entity is a pronoun to resolve; ``None`` when
    the quantity is absorbed as another claim's start point. Adds to ``metrics`` and ``absorbed``."""
    q, s = ctx.quantity, ctx.sentence
    claim = {
        "kind": "level",
        "quantity": {k: q.get(k) for k in _QUANTITY_FIELDS},
        "entity": None, "metric": None, "timeframe": None, "modality": "asserted", "hedge": None,
        "attribution": None, "reference": None, "change": None,
        "sentence": mention(st.text, s.start, s.end),
        "confidence": 0.9,
    }
    claim["quantity"]["comparator"] = claim["quantity"]["comparator"] or "="
    k = kind(ctx)
    claim["kind"], claim["change"], claim["reference"] = k.kind, k.change, k.reference
    if k.drop_unit:
        claim["quantity"]["unit"] = None
    absorbed |= k.absorbs
    if ctx.index in absorbed:
        return None
    m = metric(ctx, claim["kind"], metrics)
    claim["metric"] = m.metric
    metrics[ctx.index] = claim["metric"]
    claim["attribution"] = attribution(ctx)
    e = entity(ctx, claim, m.head)
    claim["entity"] = e.entity
    claim["timeframe"] = timeframe(ctx, paragraph_time)
    mod = modality(ctx)
    if mod is not None:
        claim["modality"], claim["hedge"] = mod.modality, mod.hedge
        if mod.negated:
            claim["negated"] = True
    claim["confidence"] = confidence(approximate=bool(q.get("approximate")), metric_from_verb=m.from_verb,
                                     has_metric=claim["metric"] is not None)
    return claim, e.pronoun


def _sentence_claims(st: DocState, s: SentenceInfo, paragraph_time: Optional[str]) -> tuple[list[tuple[int, dict]], set, set, dict]:
    """(quantity index, claim) of one sentence after the sentence passes; the absorbed indices; the
    indices whose entity is a pronoun; the context of each claim's quantity."""
    sent_claims: list[tuple[int, dict]] = []
    contexts: dict[int, QuantityContext] = {}
    absorbed: set = set()
    pronouns: set = set()
    metrics: dict[int, Optional[dict]] = {}
    for q in s.quantities:
        qi = st.quantities.index(q)
        if is_skipped(st, q, s):
            continue
        ctx = QuantityContext.build(st, s, qi)
        made = _claim_of(st, ctx, metrics, absorbed, paragraph_time)
        if made is None:
            continue
        contexts[qi] = ctx
        sent_claims.append((qi, made[0]))
        if made[1]:
            pronouns.add(qi)
    before = {qi: (c.get("metric"), c.get("entity")) for qi, c in sent_claims}
    coordination.respectively(st, s, sent_claims)
    coordination.coordinated(st, s, sent_claims)
    coordination.appositive_change(st, s, sent_claims)
    coordination.comparison_base(st, s, sent_claims)
    restatement.restated(st, s, sent_claims)
    gapping.gapped_changes(st, s, sent_claims, absorbed)
    gapping.gapped_entities(st, s, sent_claims, absorbed)
    for qi, c in sent_claims:
        # a slot a sentence pass decided ("respectively", "compared with") is not re-ranked
        fixed = {slot for slot, old in zip(("metric", "entity"), before[qi]) if c.get(slot) != old}
        if fixed:
            c["_fixed"] = fixed
    return sent_claims, absorbed, pronouns, contexts


def _exclude(ctx: QuantityContext, claim: dict) -> bool:
    """Drop an excluded metric or entity (see :mod:`claimx.assembly.exclusions`); True when the
    entity was dropped as a pronoun, so that the discourse pass resolves it."""
    claim["metric"] = trim_quantity(ctx.text, claim["metric"], claim["quantity"])
    if exclusion_reason(ctx, claim, "metric") is not None:
        claim["metric"] = None
    reason = exclusion_reason(ctx, claim, "entity")
    if reason is not None:
        claim["entity"] = None
    return reason == "pronoun"


def _rank(ctx: QuantityContext, claim: dict, topic: Optional[dict], last_entity: Optional[dict], done: list[dict],
          fixed: set, previous: tuple = ()) -> None:
    """The learned chooser (:mod:`claimx.assembly.ranker`): the metric first, then the entity given
    the metric, each among its candidates; a slot without fitted weights, or decided by a sentence
    pass (``fixed``), keeps the rule's pick."""
    record = ranker.RECORDER is not None
    if (ranker.enabled("metric") or record) and "metric" not in fixed:
        best = ranker.choose("metric", metric_candidates(ctx, claim, previous), doc_text=ctx.text, quantity=claim["quantity"])
        if ranker.enabled("metric"):
            claim["metric"] = {k: best.mention[k] for k in ("text", "start_char", "end_char")} if best else None
    # the metric rules of claimx.assembly.metric_topic replace the chosen metric; the entity is
    # chosen given the metric the chooser picked (the one its weights were fitted with)
    override = metric_override(ctx, claim) if "metric" not in fixed else None
    override = claim.pop("_restates", None) or override  # claimx.assembly.passes.restatement
    # late metric rules: later claims are offered the chooser's own pick as a carried candidate,
    # not the rule's metric, so the chooser's fit does not depend on them
    late = None if "metric" in fixed else breakdown_metric(ctx, claim, previous) or coordinated_things_metric(ctx, claim) \
        or passive_verb_metric(ctx, claim)
    if late is None and "metric" not in fixed:
        late = parallel_metric(ctx, override or claim.get("metric"), done)
        claim[DONOR] = late is not None
        if late is None and names_thing(ctx, override or claim.get("metric")):
            late = forecast_gap_metric(ctx)
        late = late or change_noun_metric(ctx, override or claim.get("metric")) \
            or moved_object_metric(ctx, override or claim.get("metric"))
    if late is not None:
        override, claim["_carry_metric"] = late, claim.get("metric")
    # the name a "respectively" list gave the claim, if nothing dropped or replaced it since
    listed = claim.pop("_listed_entity", None)
    listed = listed if listed is not None and claim.get("entity") == listed else None
    if (ranker.enabled("entity") or record) and "entity" not in fixed:
        metric = claim.get("metric")
        head = None
        if metric and metric.get("start_char") is None:
            claim["metric"] = None  # a metric without offsets: chosen as for an open metric
        elif metric:
            span = ctx.doc.char_span(metric["start_char"], metric["end_char"], alignment_mode="expand")
            head = span_root(span) if span is not None and len(span) else None
        _rank_entity(ctx, claim, head, topic, last_entity, done)
        # a shape of the sentence that binds the figure to one phrase decides over the chooser;
        # set once the whole window is assembled, so that no later pick sees it (run)
        bound = bound_entity(ctx, claim, head) or listed
        if bound is not None:
            claim["_bound_entity"] = bound
        claim["metric"] = metric
    if override is not None:
        claim["metric"] = override
    claim[DONOR] = claim.get(DONOR) or is_donor(ctx, claim.get("metric"))


def _rank_entity(ctx: QuantityContext, claim: dict, head, topic: Optional[dict], last_entity: Optional[dict],
                 done: list[dict]) -> None:
    """The learned entity chooser given the metric's head token ``head`` (or ``None``)."""
    best = ranker.choose("entity", entity_candidates(ctx, claim, head, topic, last_entity, done),
                         doc_text=ctx.text, quantity=claim["quantity"])
    if ranker.enabled("entity"):
        claim["entity"] = dict(best.mention, inferred=bool(best.mention.get("inferred"))) if best else None


def run(st: DocState) -> list[dict]:
    """Claim dicts of every sentence of ``st``, in text order."""
    out: list[dict] = []
    last_entity: Optional[dict] = None
    paragraph_time: Optional[str] = None
    for s in st.sentences:
        sent_claims, absorbed, pronouns, contexts = _sentence_claims(st, s, paragraph_time)
        done: list[dict] = []
        topic = discourse.sentence_topic(st, s)
        for qi, claim in sent_claims:
            if qi in absorbed:
                continue
            coordination.anaphoric_metric(st, claim, done)
            pronoun = _exclude(contexts[qi], claim) or qi in pronouns
            discourse.carry_over(st, s, claim, pronoun, done, topic, last_entity)
            if exclusion_reason(contexts[qi], claim, "entity") is not None:
                claim["entity"] = None
            _rank(contexts[qi], claim, topic, last_entity, done, claim.pop("_fixed", set()), tuple(out))
            done.append(claim)
            out.append(claim)
        for t in s.timeframes:
            if t.get("value") and t.get("offset_years") is None and "/" not in t["value"]:
                paragraph_time = t["value"]
        if topic is not None:
            last_entity = topic
    quoted_attribution(st, out)
    for c in out:
        c.pop("_carry_metric", None)
        c.pop(DONOR, None)
        bound = c.pop("_bound_entity", None)
        if bound is not None:
            c["entity"] = bound
    return out


def assemble(doc: Doc, quantities: list[dict], timeframes: list[dict], cues: Optional[dict] = None,
             *, include_vague: bool = False, lexicon: Union[Lexicons, CompiledCues, None] = None,
             prior_periods: Optional[list[dict]] = None,
             article_topics: Optional[list[dict]] = None) -> list[dict]:
    """Assemble claim dicts for a parsed ``doc``.

    ``quantities`` and ``timeframes`` are the dicts stored by the quantity and timeframe
    components (offsets relative to ``doc.text``); ``cues`` the dict of the cue component
    (``{"hedges": [...], "attributions": [...]}``); ``prior_periods`` the periods the article
    named before this window (:func:`claimx.assembly.passes.periods.article_periods`), for
    anaphors such as "the quarter". Returns one dict per claim, in text order, with the field
    names of :class:`claimx.models.Claim` (no ``doc_id``).
    ``article_topics`` are the names of the whole article
    (:func:`claimx.assembly.article.article_topics`), offered to the entity chooser as inferred
    candidates; ``None`` offers none. ``lexicon`` is the :class:`claimx.lexicons.Lexicons` to use
    (cue and syntax word classes), or a cue lexicon alone with the packaged syntax lexicon, or
    ``None`` for the packaged ones.
    """
    timeframes = periods.resolve_periods(doc_text(doc), timeframes, prior_periods)
    st = DocState.build(doc, quantities, timeframes, cues, include_vague=include_vague, lexicon=lexicon)
    # the article's measure topic rides with its names (claimx.assembly.metric_topic.measure_topics)
    st.article_topics = [t for t in article_topics or [] if not t.get("measure") and not t.get("subject")]
    # and so do the subject phrases of its opening sentences (claimx.assembly.article_subjects)
    st.article_subjects = [t for t in article_topics or [] if t.get("subject")]
    st.article_measure = next((t for t in article_topics or [] if t.get("measure")), None)
    return run(st)
