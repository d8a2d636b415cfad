"""The article page of ``claimx show``: each article's text with its claims marked, and a claim table."""

from __future__ import annotations

from typing import Optional, Sequence

from .base import Cell, Row, Section, claim_marks, render_page, sentence_id
from .fields import compact_value, confidence_str, mention_str, modality_str, quantity_text, time_str, unit_str
from .marks import render_marked

__all__ = ["SHOW_COLUMNS", "article_section", "show_page"]

#: Columns of the claim table.
SHOW_COLUMNS = ("#", "quantity", "value", "unit", "entity", "metric", "time", "modality", "source", "conf.")


def article_section(index: int, doc_id: str, text: str, claims: Sequence[dict]) -> Section:
    """The section of one article: ``claims`` are JSON dicts whose offsets index ``text``.

    Claim ids are ``a<index>-c<n>`` (n in the order given), so they are unique on a page whose
    sections have distinct indexes.
    """
    anchor = f"a{index}"
    marks = []
    rows = []
    for n, claim in enumerate(claims, 1):
        cid = f"{anchor}-c{n}"
        sid = sentence_id(anchor, claim)
        marks += claim_marks(claim, cid, sent_id=sid)
        cells = [Cell.of(str(n), "cx-num"), Cell.of(quantity_text(claim)), Cell.of(compact_value(claim), "cx-num"),
                 Cell.of(unit_str(claim)), Cell.of(mention_str(claim, "entity")), Cell.of(mention_str(claim, "metric")),
                 Cell.of(time_str(claim)), Cell.of(modality_str(claim)), Cell.of(mention_str(claim, "attribution")),
                 Cell.of(confidence_str(claim), "cx-num")]
        rows.append(Row(cid, cells, sid))
    note = f"{len(rows)} claim{'s' if len(rows) != 1 else ''}, {len(text):,} characters"
    return Section(doc_id=doc_id, anchor=anchor, html=render_marked(text, marks), rows=rows, note=note)


def show_page(articles: Sequence[tuple[str, str, Sequence[dict]]], *, title: Optional[str] = None,
              subtitle: str = "") -> str:
    """One self-contained HTML page for ``articles``: ``(doc_id, text, claims)`` triples, claims as
    JSON dicts (``Claim.model_dump(mode="json")``) with offsets into ``text``.

    Every claim's quantity is a ``mark.cx-q`` element (``data-claims`` holds its id, ``data-tip`` its
    hover text), its entity/metric/time/hedge/source are ``span.cx-ent`` ... ``span.cx-attr`` and
    its sentence ``span.cx-sent``; the table row ``tr[data-claim]`` of a claim, clicked, marks its
    quantity and sentence (class ``cx-active``) and scrolls to them.
    """
    sections = [article_section(i, doc_id, text, claims) for i, (doc_id, text, claims) in enumerate(articles)]
    n_claims = sum(len(s.rows) for s in sections)
    if title is None:
        title = sections[0].doc_id if len(sections) == 1 else f"{len(sections)} articles"
        title = f"claimx: {title}"
    sub = subtitle or (f"{n_claims} claims in {len(sections)} article{'s' if len(sections) != 1 else ''}. "
                       "Click a row to mark its sentence; hover a quantity to see its claim.")
    return render_page(title=title, subtitle=sub, head=SHOW_COLUMNS, sections=sections)
