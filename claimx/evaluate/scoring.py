"""The scorer: detection, slot and strict figures over documents (GOLD.md "Scoring rules")."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional

from .match import _match_doc
from .report import DocScore, EvalReport, PairErrors, SlotError, SlotScore, prf
from .slots import SLOTS, _qty, _slot_values, compare_slots


def score(gold: Iterable[dict], pred: Iterable[dict], *, doc_ids: Optional[Iterable[str]] = None) -> EvalReport:
    """Score predicted claims against gold claims (GOLD.md "Scoring rules", see module docstring).

    :param gold: gold claim dicts (``doc_id``, ``quantity.start_char``/``end_char`` required for
        matching; ``optional: true`` marks optional ones).
    :param pred: predicted claim dicts, same format. A claim without a usable quantity span
        (integer offsets with ``end_char > start_char``) can
        never match: a gold one is a FN (if required), a predicted one a FP.
    :param doc_ids: documents to list in ``per_doc`` even if they have no claims on either side.
    :returns: an :class:`EvalReport`.
    """
    by_doc: dict[str, tuple[list[dict], list[dict]]] = defaultdict(lambda: ([], []))
    for d in doc_ids or ():
        by_doc[d or ""]
    n_gold = n_req = n_pred = 0
    for c in gold:
        by_doc[c.get("doc_id") or ""][0].append(c)
        n_gold += 1
        n_req += 0 if c.get("optional") else 1
    for c in pred:
        by_doc[c.get("doc_id") or ""][1].append(c)
        n_pred += 1

    rep = EvalReport(n_gold=n_gold, n_gold_required=n_req, n_gold_optional=n_gold - n_req, n_pred=n_pred)
    slot_counts = {s: [0, 0] for s in SLOTS}
    tot = [0, 0, 0, 0, 0]  # tp, fp, fn, ignored, strict_tp
    for doc in sorted(by_doc):
        g_list, p_list = by_doc[doc]
        tp = fp = fn = ignored = strict_tp = 0
        pairs = _match_doc(g_list, p_list)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = g_list[gi], p_list[pi]
            if g.get("optional"):
                ignored += 1
                continue
            tp += 1
            verdict = compare_slots(g, p)
            errors = []
            for s in SLOTS:
                slot_counts[s][1] += 1
                if verdict[s]:
                    slot_counts[s][0] += 1
                else:
                    errors.append(SlotError(slot=s, gold=_slot_values(g, s), pred=_slot_values(p, s)))
            if errors:
                gq, pq = _qty(g), _qty(p)
                rep.slot_errors.append(
                    PairErrors(
                        doc_id=g.get("doc_id"),
                        gold_id=g.get("gold_id"),
                        gold_text=gq.get("text") or "",
                        gold_start=gq.get("start_char"),
                        gold_end=gq.get("end_char"),
                        pred_text=pq.get("text") or "",
                        pred_start=pq.get("start_char"),
                        pred_end=pq.get("end_char"),
                        errors=errors,
                    )
                )
            else:
                strict_tp += 1
        for pi, p in enumerate(p_list):
            if pi not in matched_p:
                fp += 1
                rep.false_positives.append(p)
        for gi, g in enumerate(g_list):
            if gi not in matched_g and not g.get("optional"):
                fn += 1
                rep.false_negatives.append(g)
        p_, r_, f_ = prf(tp, fp, fn)
        sp, sr, sf = prf(tp, fp, fn, hits=strict_tp)
        rep.per_doc[doc] = DocScore(
            tp=tp, fp=fp, fn=fn, ignored=ignored, strict_tp=strict_tp, precision=p_, recall=r_, f1=f_,
            strict_precision=sp, strict_recall=sr, strict_f1=sf,
        )
        tot[0] += tp
        tot[1] += fp
        tot[2] += fn
        tot[3] += ignored
        tot[4] += strict_tp
    rep.tp, rep.fp, rep.fn, rep.ignored, rep.strict_tp = tot
    rep.precision, rep.recall, rep.f1 = prf(rep.tp, rep.fp, rep.fn)
    rep.strict_precision, rep.strict_recall, rep.strict_f1 = prf(rep.tp, rep.fp, rep.fn, hits=rep.strict_tp)
    rep.slots = {s: SlotScore(correct=c, total=t) for s, (c, t) in slot_counts.items()}
    return rep
