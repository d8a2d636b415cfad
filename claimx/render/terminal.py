"""The terminal view of ``claimx extract``: one table row per claim and a one-line summary (rich)."""

from __future__ import annotations

from collections import Counter
from typing import IO, Optional, Sequence

from .fields import compact_value, mention_str, quantity_text, shorten, time_str, unit_str

__all__ = ["claims_table", "summary_line", "print_table"]


def claims_table(claims: Sequence[dict], *, width: int = 100):
    """A :class:`rich.table.Table` of claims (JSON dicts), one line per claim, fitted to ``width``
    terminal columns: article (when there are several), quantity as written, value and unit
    (compact: ``757.58 bn USD``), entity, metric, time, modality. Texts that do not fit are
    shortened with "…"; entity and metric share what the other columns leave (2:3)."""
    from rich import box
    from rich.table import Table

    docs = list(dict.fromkeys(str(c.get("doc_id")) for c in claims))
    several = len(docs) > 1
    fixed = {"article": 12 if several else 0, "quantity": 13, "value": 14, "time": 9, "modality": 8}
    n_cols = 6 + several
    free = max(width - sum(fixed.values()) - 2 * n_cols, 18)
    widths = {**fixed, "entity": free * 2 // 5, "metric": free - free * 2 // 5}
    inferred = any(isinstance(c.get("entity"), dict) and c["entity"].get("inferred") for c in claims)
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, header_style="bold", pad_edge=False, expand=False,
                  padding=(0, 1), title=None if several or not docs else docs[0], title_justify="left",
                  caption=("* entity from an earlier sentence; " if inferred else "") + "JSONL: -o FILE or a pipe",
                  caption_justify="left", caption_style="dim")
    styles = {"article": "dim", "quantity": "bold", "entity": "cyan", "metric": "green", "time": "magenta"}
    names = (["article"] if several else []) + ["quantity", "value", "entity", "metric", "time", "modality"]
    for name in names:
        table.add_column(name, no_wrap=True, overflow="ellipsis", width=widths[name] + 1,
                         justify="right" if name == "value" else "left", style=styles.get(name))
    for c in claims:
        cells = {
            "article": str(c.get("doc_id")),
            "quantity": quantity_text(c),
            "value": f"{compact_value(c)} {unit_str(c)}".strip(),
            "entity": _entity(c),
            "metric": mention_str(c, "metric"),
            "time": time_str(c),
            "modality": ("not " if c.get("negated") else "") + (c.get("modality") or "asserted"),
        }
        table.add_row(*(shorten(cells[n], widths[n]) for n in names))
    return table


def _entity(claim: dict) -> str:
    ent = claim.get("entity")
    if not isinstance(ent, dict):
        return ""
    return str(ent.get("text") or "") + ("*" if ent.get("inferred") else "")


def summary_line(claims: list[dict], *, articles: int, skipped: int = 0, seconds: Optional[float] = None) -> str:
    """``"12 claims in 1 article (7 asserted, 5 forecast), 0 skipped, 2.1 s"``."""
    by_mod = Counter(c.get("modality") or "asserted" for c in claims)
    mods = ", ".join(f"{n} {m}" for m, n in by_mod.most_common())
    line = (f"{len(claims)} claim{'s' if len(claims) != 1 else ''} in {articles} article{'s' if articles != 1 else ''}"
            + (f" ({mods})" if mods else "") + f", {skipped} skipped")
    if seconds is not None:
        line += f", {seconds:.1f} s"
    return line


def print_table(claims: list[dict], *, articles: int, skipped: int = 0, seconds: Optional[float] = None,
                file: Optional[IO[str]] = None) -> None:
    """Print the table (when there are claims) and the summary line to ``file`` (default stdout)."""
    from rich.console import Console

    console = Console(file=file, highlight=False, soft_wrap=False)
    if claims:
        console.print(claims_table(claims, width=console.width))
    console.print(summary_line(claims, articles=articles, skipped=skipped, seconds=seconds), markup=False)
