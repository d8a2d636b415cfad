"""The comparison page of ``claimx eval --html``: gold beside prediction, article by article.

Each article's text marks every row of the comparison (:func:`claimx.evaluate.align_doc`, the
scorer's own matching): a matched claim with every slot right (``cx-ok``), a matched claim with
wrong slots (``cx-wrong``), a missed gold claim (``cx-miss``), a false positive (``cx-fp``) and a
prediction matched to an optional gold claim (``cx-optional``). The table has one row per
comparison row, the gold value above the predicted one in every slot, wrong slots shaded.
"""

from __future__ import annotations

from typing import Callable, Mapping, Optional, Sequence

from ..evaluate import EvalReport, align_doc, compare_slots
from .base import LEGEND, Cell, Line, Row, Section, claim_marks, claim_tip, render_page, sentence_id
from .fields import compact_value, mention_str, modality_str, quantity_text, time_str, unit_str
from .marks import QUANTITY, render_marked

__all__ = ["EVAL_COLUMNS", "eval_page", "summary_table"]

#: Columns of the comparison table: the slot columns name the GOLD.md slots they show.
EVAL_COLUMNS = ("#", "status", "quantity", "value", "unit", "kind", "entity", "metric", "time", "modality",
                "source")

_SLOT_COLUMNS: tuple[tuple[str, tuple[str, ...], Callable[[dict], str]], ...] = (
    ("value", ("value", "comparator"), compact_value),
    ("unit", ("unit",), unit_str),
    ("kind", ("kind",), lambda c: c.get("kind") or "level"),
    ("entity", ("entity",), lambda c: mention_str(c, "entity")),
    ("metric", ("metric",), lambda c: mention_str(c, "metric")),
    ("time", ("timeframe",), time_str),
    ("modality", ("modality", "hedge"), modality_str),
    ("source", ("attribution",), lambda c: mention_str(c, "attribution")),
)

_STATUS_LEGEND = (("cx-q cx-ok", "right"), ("cx-q cx-wrong", "wrong slots"), ("cx-q cx-miss", "missed (gold)"),
                  ("cx-q cx-fp", "false positive"), ("cx-q cx-optional", "optional gold"))


def _status(gold: Optional[dict], pred: Optional[dict]) -> tuple[str, str, list[str]]:
    """(CSS class, label, wrong slot names) of a comparison row."""
    if pred is None:
        return "cx-miss", "missed", []
    if gold is None:
        return "cx-fp", "false positive", []
    if gold.get("optional"):
        return "cx-optional", "optional", []
    verdict = compare_slots(gold, pred)
    wrong = [s for s, ok in verdict.items() if not ok]
    return ("cx-wrong", "wrong: " + ", ".join(wrong), wrong) if wrong else ("cx-ok", "right", [])


def _lines(gold: Optional[dict], pred: Optional[dict], get: Callable[[dict], str]) -> list[Line]:
    if gold is not None and pred is not None:
        g, p = get(gold), get(pred)
        return [Line(g, "cx-gold"), Line(p, "cx-pred")] if g != p else [Line(g)]
    if gold is not None:
        return [Line(get(gold), "cx-gold")]
    return [Line(get(pred), "cx-pred")] if pred is not None else []


def _tip(label: str, gold: Optional[dict], pred: Optional[dict], wrong: list[str]) -> str:
    shown = pred if pred is not None else gold
    lines = [label.upper()]
    for col, slots, get in _SLOT_COLUMNS:
        if gold is not None and pred is not None and any(s in wrong for s in slots):
            lines.append(f"{col}: gold {get(gold) or '-'!s} / pred {get(pred) or '-'!s}")
    return "\n".join(lines) + "\n" + claim_tip(shown or {})


def doc_section(index: int, doc_id: str, text: str, gold: Sequence[dict], pred: Sequence[dict]) -> Section:
    """The section of one article (gold and predicted claims of that article, offsets into ``text``)."""
    anchor = f"a{index}"
    marks, rows = [], []
    counts = {"cx-ok": 0, "cx-wrong": 0, "cx-miss": 0, "cx-fp": 0, "cx-optional": 0}
    for n, (g, p) in enumerate(align_doc(gold, pred), 1):
        cls, label, wrong = _status(g, p)
        counts[cls] += 1
        cid = f"{anchor}-c{n}"
        shown = p if p is not None else g
        assert shown is not None
        sid = sentence_id(anchor, shown)
        ms = claim_marks(shown, cid, quantity_classes=[cls], tip=_tip(label, g, p, wrong), sent_id=sid)
        if g is not None and p is not None:  # mark the union of the two quantity spans
            gq, pq = g.get("quantity") or {}, p.get("quantity") or {}
            for m in ms:
                if m.kind == QUANTITY and isinstance(gq.get("start_char"), int) and isinstance(gq.get("end_char"), int):
                    m.start, m.end = min(m.start, gq["start_char"]), max(m.end, gq["end_char"])
        marks += ms
        cells = [Cell.of(str(n), "cx-num"), Cell([Line(label)], "cx-status"),
                 Cell(_lines(g, p, quantity_text))]
        for _col, slots, get in _SLOT_COLUMNS:
            cells.append(Cell(_lines(g, p, get), "cx-bad" if any(s in wrong for s in slots) else ""))
        rows.append(Row(cid, cells, sid, cls))
    note = (f"{counts['cx-ok']} right, {counts['cx-wrong']} with wrong slots, {counts['cx-miss']} missed, "
            f"{counts['cx-fp']} false positives" + (f", {counts['cx-optional']} optional" if counts["cx-optional"] else ""))
    return Section(doc_id=doc_id, anchor=anchor, html=render_marked(text, marks), rows=rows, note=note)


def summary_table(reports: Mapping[str, EvalReport]) -> dict:
    """The figures table of the page header: one row per report (e.g. tune, check, all)."""
    head = ["part", "docs", "gold", "predicted", "matched", "missed", "false pos.", "detect F1", "strict F1"]
    rows = [[name, len(r.per_doc), r.n_gold_required, r.n_pred, r.tp, r.fn, r.fp, f"{r.f1:.3f}", f"{r.strict_f1:.3f}"]
            for name, r in reports.items()]
    return {"head": head, "rows": rows}


def eval_page(texts: Mapping[str, str], gold: Sequence[dict], pred: Sequence[dict], *,
              doc_ids: Optional[Sequence[str]] = None, reports: Optional[Mapping[str, EvalReport]] = None,
              title: str = "claimx eval", subtitle: str = "") -> str:
    """One self-contained HTML page comparing ``pred`` with ``gold`` (claim dicts, docs/GOLD.md).

    ``texts``: doc_id -> article text (the offsets of both sides index it); ``doc_ids``: the
    articles to show, in order (default: every doc_id of ``texts`` that has gold or predicted
    claims, sorted); ``reports``: figures for the header table (see :func:`summary_table`).

    :raises KeyError: when a shown doc_id has no text in ``texts``.
    """
    by_gold: dict[str, list[dict]] = {}
    by_pred: dict[str, list[dict]] = {}
    for c in gold:
        by_gold.setdefault(c.get("doc_id") or "", []).append(c)
    for c in pred:
        by_pred.setdefault(c.get("doc_id") or "", []).append(c)
    if doc_ids is None:
        doc_ids = sorted(d for d in texts if d in by_gold or d in by_pred)
    missing = [d for d in doc_ids if d not in texts]
    if missing:
        raise KeyError(f"no article text for {', '.join(missing[:5])}" + (" ..." if len(missing) > 5 else ""))
    sections = [doc_section(i, d, texts[d], by_gold.get(d, []), by_pred.get(d, [])) for i, d in enumerate(doc_ids)]
    sub = subtitle or ("Gold above prediction in every cell; wrong slots shaded. Click a row to mark its "
                       "sentence; hover a quantity to see the comparison.")
    return render_page(title=title, subtitle=sub, head=EVAL_COLUMNS, sections=sections,
                       legend=(*_STATUS_LEGEND, *LEGEND[1:]), summary=summary_table(reports) if reports else None,
                       body_class="cx-eval")
