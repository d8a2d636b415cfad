"""The page skeleton shared by ``claimx show`` and ``claimx eval --html``.

One self-contained HTML file: the stylesheet and the script (``assets/page.css``, ``assets/page.js``)
are inlined, and a Content-Security-Policy allows only those two (by their SHA-256 hashes) and
nothing from the network. The template (``templates/page.html.j2``) is rendered by Jinja2 with
autoescaping on, so every text coming from an article or a claim is escaped; the one piece of
pre-built markup is the highlighted article text from :func:`claimx.render.marks.render_marked`,
which escapes each character itself.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Optional, Sequence

from markupsafe import Markup

from .fields import (confidence_str, mention_str, modality_str, quantity_text, shorten, time_str, unit_str,
                     value_str)
from .marks import Mark

__all__ = ["Line", "Cell", "Row", "Section", "render_page", "claim_marks", "claim_tip", "LEGEND"]

#: Legend of the span styles (CSS class, label), in the order they are shown.
LEGEND = (("cx-q", "quantity"), ("cx-ent", "entity"), ("cx-met", "metric"), ("cx-time", "time"),
          ("cx-hedge", "hedge"), ("cx-attr", "source"))


@dataclass
class Line:
    """One line of a table cell (``cls``: CSS class of its ``<div>``, or ``""`` for bare text)."""

    text: str
    cls: str = ""


@dataclass
class Cell:
    """A table cell: its lines and CSS class."""

    lines: list[Line]
    cls: str = ""

    @classmethod
    def of(cls, text: str, css: str = "") -> "Cell":
        """A one-line cell of bare text with CSS class ``css``."""
        return cls([Line(text)], css)


@dataclass
class Row:
    """A claim row: ``id`` matches the ``data-claims`` of its quantity mark; ``sent`` the
    ``data-sent`` of its sentence mark (clicking the row marks both)."""

    id: str
    cells: list[Cell]
    sent: Optional[str] = None
    cls: str = ""


@dataclass
class Section:
    """One article of a page: its highlighted text (from ``render_marked``) and its rows."""

    doc_id: str
    anchor: str
    html: Markup
    rows: list[Row] = field(default_factory=list)
    note: str = ""


@lru_cache(maxsize=1)
def _env() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("claimx.render", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       undefined=StrictUndefined, keep_trailing_newline=True)


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    return resources.files("claimx.render").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def render_page(*, title: str, subtitle: str, head: Sequence[str], sections: Sequence[Section],
                legend: Sequence[tuple[str, str]] = LEGEND, summary: Optional[dict] = None,
                body_class: str = "cx-show") -> str:
    """The complete HTML page (a ``str``).

    ``head``: the claim table's column names; ``summary``: an optional figures table
    ``{"head": [...], "rows": [[...], ...]}`` shown under the title; ``body_class``: ``cx-show`` or
    ``cx-eval`` (the comparison table gets more room).
    """
    from claimx import __version__

    css, js = _asset("page.css"), _asset("page.js")
    return _env().get_template("page.html.j2").render(
        title=title, subtitle=subtitle, head=list(head), articles=list(sections), summary=summary,
        legend=[{"cls": c, "label": label} for c, label in legend], version=__version__, body_class=body_class,
        css=Markup(css), js=Markup(js), style_hash=_csp_hash(css), script_hash=_csp_hash(js),
    )


def claim_tip(claim: dict) -> str:
    """The hover text of a quantity: the normalised value and every filled slot, one per line."""
    lines = [f"{value_str(claim)} {unit_str(claim)}".strip() or quantity_text(claim)]
    for label, text in (("entity", mention_str(claim, "entity")), ("metric", mention_str(claim, "metric")),
                        ("time", time_str(claim)), ("modality", modality_str(claim)),
                        ("source", mention_str(claim, "attribution")), ("confidence", confidence_str(claim))):
        if text:
            lines.append(f"{label}: {shorten(text, 120)}")
    return "\n".join(lines)


def _span(m: Any) -> Optional[tuple[int, int]]:
    if not isinstance(m, dict):
        return None
    s, e = m.get("start_char"), m.get("end_char")
    return (s, e) if isinstance(s, int) and isinstance(e, int) and e > s else None


def claim_marks(claim: dict, cid: str, *, quantity_classes: Sequence[str] = (), tip: Optional[str] = None,
                sent_id: Optional[str] = None) -> list[Mark]:
    """The marks of one claim: its quantity (with the hover text ``tip``, default :func:`claim_tip`),
    entity, metric, timeframe, hedge, source and, when ``sent_id`` is given, its sentence."""
    marks: list[Mark] = []
    q = _span(claim.get("quantity"))
    if q:
        marks.append(Mark("q", q[0], q[1], [cid], list(quantity_classes),
                          {"data-tip": claim_tip(claim) if tip is None else tip}))
    for slot, kind in (("entity", "ent"), ("metric", "met"), ("timeframe", "time"), ("hedge", "hedge"),
                       ("attribution", "attr")):
        sp = _span(claim.get(slot))
        if sp:
            marks.append(Mark(kind, sp[0], sp[1], [cid]))
    sp = _span(claim.get("sentence"))
    if sp and sent_id:
        marks.append(Mark("sent", sp[0], sp[1], [], [], {"data-sent": sent_id}))
    return marks


def sentence_id(anchor: str, claim: dict) -> Optional[str]:
    """A page-unique id for the sentence of a claim (``None`` when the claim has no sentence)."""
    sp = _span(claim.get("sentence"))
    return f"{anchor}-s{sp[0]}-{sp[1]}" if sp else None
