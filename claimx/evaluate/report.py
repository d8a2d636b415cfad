"""The report models :func:`~claimx.evaluate.score` fills, and their plain-text rendering."""

from __future__ import annotations

import json
from typing import Any, Optional

from pydantic import BaseModel, Field, computed_field

from .slots import _qty


class SlotScore(BaseModel):
    """Accuracy of one slot over matched required claims."""

    correct: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float:
        """correct / total; 1.0 when total is 0 (no pair to get wrong)."""
        return self.correct / self.total if self.total else 1.0


class SlotError(BaseModel):
    """One wrong slot of a matched pair: the gold and predicted values (as in the claims)."""

    slot: str
    gold: Any = None
    pred: Any = None


class PairErrors(BaseModel):
    """A matched required pair with at least one wrong slot."""

    doc_id: Optional[str]
    gold_id: Optional[str] = None
    gold_text: str
    gold_start: Optional[int]
    gold_end: Optional[int]
    pred_text: str
    pred_start: Optional[int]
    pred_end: Optional[int]
    errors: list[SlotError]


class DocScore(BaseModel):
    """Detection and strict figures of one document."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0
    strict_tp: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    strict_precision: float = 0.0
    strict_recall: float = 0.0
    strict_f1: float = 0.0


class EvalReport(BaseModel):
    """Everything :func:`score` measures; ``model_dump()``/``model_dump_json()`` are JSON-safe.

    ``slots`` maps each name of :data:`SLOTS` to its :class:`SlotScore`; ``false_positives`` are the
    unmatched predicted claims and ``false_negatives`` the unmatched required gold claims (as
    given); ``slot_errors`` lists matched pairs with wrong slots; ``per_doc`` is keyed by doc_id
    (``None`` doc ids are reported under ``""``).
    """

    n_gold: int = 0
    n_gold_required: int = 0
    n_gold_optional: int = 0
    n_pred: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = Field(0, description="Predictions matched to optional gold claims.")
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    strict_tp: int = 0
    strict_precision: float = 0.0
    strict_recall: float = 0.0
    strict_f1: float = 0.0
    slots: dict[str, SlotScore] = Field(default_factory=dict)
    per_doc: dict[str, DocScore] = Field(default_factory=dict)
    false_positives: list[dict] = Field(default_factory=list)
    false_negatives: list[dict] = Field(default_factory=list)
    slot_errors: list[PairErrors] = Field(default_factory=list)

    def slot_accuracy(self) -> dict[str, float]:
        """Map slot name -> accuracy (correct / total)."""
        return {k: v.accuracy for k, v in self.slots.items()}

    def to_dict(self) -> dict:
        """JSON-serialisable dict of the report (``model_dump(mode="json")``), slot accuracies included."""
        return self.model_dump(mode="json")


def prf(tp: int, fp: int, fn: int, hits: Optional[int] = None) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``hits`` (default ``tp``) over ``tp + fp`` predictions and ``tp + fn``
    required gold claims; precision or recall with a zero denominator is 1.0, F1 with P + R = 0 is 0.0.
    The strict figures pass ``hits=strict_tp``."""
    hits = tp if hits is None else hits
    p = hits / (tp + fp) if tp + fp else 1.0
    r = hits / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _fmt_claim(c: dict) -> str:
    q = _qty(c)
    gid = f" [{c['gold_id']}]" if c.get("gold_id") else ""
    return f"  {c.get('doc_id') or '-'}  {q.get('text')!r}  {q.get('start_char')}-{q.get('end_char')}{gid}"


def format_report(report: EvalReport, *, show_errors: bool = True) -> str:
    """Render an :class:`EvalReport` as plain text.

    Sections: counts; detection P/R/F1; strict P/R/F1; per-slot accuracy table; then (if
    ``show_errors``) false positives and false negatives (doc_id, quantity text, offsets) and the
    wrong slots of matched pairs (gold vs predicted).
    """
    r = report
    lines = [
        f"gold claims: {r.n_gold} ({r.n_gold_required} required, {r.n_gold_optional} optional); "
        f"predicted: {r.n_pred}; documents: {len(r.per_doc)}",
        f"detection  TP={r.tp} FP={r.fp} FN={r.fn} (ignored on optional gold: {r.ignored})",
        f"detection  P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f}",
        f"strict     TP={r.strict_tp} P={r.strict_precision:.3f} R={r.strict_recall:.3f} F1={r.strict_f1:.3f}",
        "",
        f"{'slot':<12} {'correct':>7} {'total':>5} {'accuracy':>8}",
    ]
    for name, s in r.slots.items():
        lines.append(f"{name:<12} {s.correct:>7} {s.total:>5} {s.accuracy:>8.3f}")
    if show_errors:
        lines += ["", f"false positives ({len(r.false_positives)}):"]
        lines += [_fmt_claim(c) for c in r.false_positives] or ["  (none)"]
        lines += ["", f"false negatives ({len(r.false_negatives)}):"]
        lines += [_fmt_claim(c) for c in r.false_negatives] or ["  (none)"]
        lines += ["", f"slot errors ({len(r.slot_errors)} matched claims):"]
        for pe in r.slot_errors:
            gid = f" [{pe.gold_id}]" if pe.gold_id else ""
            lines.append(
                f"  {pe.doc_id or '-'}  gold {pe.gold_text!r} {pe.gold_start}-{pe.gold_end}{gid}"
                f"  pred {pe.pred_text!r} {pe.pred_start}-{pe.pred_end}"
            )
            for e in pe.errors:
                lines.append(f"      {e.slot:<12} gold={json.dumps(e.gold, ensure_ascii=False)}  pred={json.dumps(e.pred, ensure_ascii=False)}")
        if not r.slot_errors:
            lines.append("  (none)")
    return "\n".join(lines)
