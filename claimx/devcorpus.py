"""Annotated corpora on disk: articles, gold claims, reference dates and a tune/check split.

A *corpus directory* (``corpus/dev/`` is the one shipped) holds::

    docs/<id>.txt            the articles (UTF-8; gold offsets index into the text as read)
    gold/<id>.gold.jsonl     gold claims in the format of docs/GOLD.md
    dates.json               {"<id>": "YYYY-MM-DD"}: each article's reference date (optional)
    split.json               {"tune": [...ids], "check": [...ids]}: fixed split by document (optional)

:func:`evaluate_corpus` extracts every article with its own reference date and scores each part of
the split with :func:`claimx.evaluate.score`. The *check* part is for aggregate figures only: rules and
weights are tuned on the *tune* part, and :func:`format_parts` lists per-claim errors only for the parts
it is asked to (by default the tune part).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from .evaluate import EvalReport, load_claims, score

__all__ = ["Corpus", "load_corpus", "is_corpus_dir", "predict_corpus", "evaluate_corpus", "format_parts"]

#: Slot names accepted by ``--show`` (as in :func:`claimx.evaluate.compare_slots`) plus the two lists.
SHOWABLE = ("value", "unit", "comparator", "entity", "metric", "timeframe", "modality", "kind",
            "hedge", "attribution", "fp", "fn", "all")


@dataclass
class Corpus:
    """An annotated corpus loaded from a directory.

    ``texts``: doc_id -> article text (exact bytes decoded, newlines untouched); ``dates``: doc_id ->
    ``"YYYY-MM-DD"`` or missing; ``gold``: every gold claim dict; ``split``: part name -> doc_ids
    (``{"all": [...]}`` when the directory has no ``split.json``).
    """

    root: Path
    texts: dict[str, str]
    dates: dict[str, str]
    gold: list[dict]
    split: dict[str, list[str]] = field(default_factory=dict)

    def part_ids(self, part: str) -> list[str]:
        """The doc_ids of one part (``"all"`` for every article).

        :raises KeyError: for a part the split does not name.
        """
        if part == "all":
            return sorted(self.texts)
        return list(self.split[part])


def is_corpus_dir(path: str | Path) -> bool:
    """True when ``path`` is a directory with ``docs/`` and ``gold/`` sub-directories."""
    p = Path(path)
    return p.is_dir() and (p / "docs").is_dir() and (p / "gold").is_dir()


def load_corpus(path: str | Path) -> Corpus:
    """Load a corpus directory (layout in the module docstring).

    :raises FileNotFoundError: if ``docs/`` or ``gold/`` is missing, or a gold file has no article.
    :raises ValueError: if ``split.json`` names an article that is not in ``docs/`` or puts one in two
        parts, or a gold file or ``dates.json`` does not parse.
    """
    root = Path(path)
    if not is_corpus_dir(root):
        raise FileNotFoundError(f"{root} is not a corpus directory (needs docs/ and gold/)")
    texts: dict[str, str] = {}
    for p in sorted((root / "docs").glob("*.txt")):
        with open(p, encoding="utf-8", newline="") as fh:  # newline="": offsets index the text as on disk
            texts[p.stem] = fh.read()
    gold: list[dict] = []
    for g in sorted((root / "gold").glob("*.gold.jsonl")):
        doc_id = g.name[: -len(".gold.jsonl")]
        if doc_id not in texts:
            raise FileNotFoundError(f"{g} has no article docs/{doc_id}.txt")
        gold.extend(load_claims(g))
    dates: dict[str, str] = {}
    if (root / "dates.json").exists():
        try:
            dates = {k: v for k, v in json.loads((root / "dates.json").read_text(encoding="utf-8")).items() if v}
        except json.JSONDecodeError as exc:
            raise ValueError(f"{root / 'dates.json'}: {exc}") from None
    split: dict[str, list[str]] = {}
    if (root / "split.json").exists():
        raw = json.loads((root / "split.json").read_text(encoding="utf-8"))
        split = {k: list(v) for k, v in raw.items() if isinstance(v, list)}
        seen: set[str] = set()
        for part, ids in split.items():
            for i in ids:
                if i not in texts:
                    raise ValueError(f"split.json part {part!r} names {i!r}, which is not in docs/")
                if i in seen:
                    raise ValueError(f"split.json puts {i!r} in two parts")
                seen.add(i)
    return Corpus(root=root, texts=texts, dates=dates, gold=gold, split=split)


def predict_corpus(corpus: Corpus, extractor: Any = None, *, doc_ids: Optional[Iterable[str]] = None) -> list[dict]:
    """Extract every article (or only ``doc_ids``) with its reference date.

    ``extractor``: a :class:`claimx.Extractor` (one is built with the default model when ``None``).
    Returns the predicted claims as JSON-ready dicts, article by article in doc_id order.
    """
    if extractor is None:
        from .pipeline import Extractor

        extractor = Extractor()
    ids = sorted(corpus.texts) if doc_ids is None else list(doc_ids)
    items = [(corpus.texts[i], {"doc_id": i, "reference_date": corpus.dates.get(i)}) for i in ids]
    out: list[dict] = []
    for claims, _ctx in extractor.pipe(items, as_tuples=True):
        out.extend(c.model_dump(mode="json") for c in claims)
    return out


def evaluate_corpus(
    corpus: Corpus, pred: Optional[Sequence[dict]] = None, *, extractor: Any = None,
    parts: Optional[Sequence[str]] = None,
) -> dict[str, EvalReport]:
    """Score predictions (extracted here when ``pred`` is ``None``) on each part of the split.

    Returns part name -> :class:`~claimx.evaluate.EvalReport`, in the order of ``parts`` (default: the
    split's parts, e.g. ``tune`` then ``check``, then ``all``).
    """
    if pred is None:
        pred = predict_corpus(corpus, extractor)
    names = list(parts) if parts else [*corpus.split, "all"]
    reports: dict[str, EvalReport] = {}
    for name in names:
        ids = set(corpus.part_ids(name))
        reports[name] = score(
            [g for g in corpus.gold if g.get("doc_id") in ids],
            [p for p in pred if p.get("doc_id") in ids],
            doc_ids=sorted(ids),
        )
    return reports


_SLOTS = ("value", "unit", "comparator", "entity", "metric", "timeframe", "modality", "kind", "hedge", "attribution")


def _context(texts: Optional[dict[str, str]], doc_id: Optional[str], start: Optional[int], width: int = 90) -> str:
    if not texts or doc_id not in texts or start is None:
        return ""
    t = texts[doc_id]
    a, b = max(0, start - width), min(len(t), start + width)
    return "      | " + t[a:b].replace("\n", " ")


def format_parts(
    reports: dict[str, EvalReport], *, show: Sequence[str] = (), show_parts: Sequence[str] = ("tune", "all"),
    texts: Optional[dict[str, str]] = None,
) -> str:
    """One table of the headline figures per part, then the asked-for error listings.

    ``texts`` (doc_id -> article) adds the text around each listed claim.

    ``show``: slot names (``entity``, ``metric``...), ``fp``, ``fn`` or ``all``; errors are listed only
    for parts in ``show_parts`` that are present (a split's check part is listed only when asked for
    explicitly; with a split, ``all`` is not listed since it contains the check part).
    """
    names = list(reports)
    head = f"{'':<12}" + "".join(f"{n:>10}" for n in names)
    rows = [head]

    def row(label: str, get) -> None:
        rows.append(f"{label:<12}" + "".join(f"{get(reports[n]):>10.3f}" for n in names))

    rows.append(f"{'docs':<12}" + "".join(f"{len(reports[n].per_doc):>10d}" for n in names))
    rows.append(f"{'required':<12}" + "".join(f"{reports[n].n_gold_required:>10d}" for n in names))
    row("detect F1", lambda r: r.f1)
    row("strict F1", lambda r: r.strict_f1)
    for s in _SLOTS:
        row(s, lambda r, s=s: r.slots[s].accuracy if s in r.slots else float("nan"))
    out = ["\n".join(rows)]
    if not show:
        return out[0]
    wanted = set(show)
    everything = "all" in wanted
    listed = [n for n in names if n in show_parts and not (n == "all" and "check" in names and "check" not in show_parts)]
    for n in listed:
        r = reports[n]
        if everything or "fp" in wanted:
            out.append(f"\n[{n}] false positives ({len(r.false_positives)}):")
            out += [f"  {c.get('doc_id')}  {c['quantity'].get('text')!r} @{c['quantity'].get('start_char')}"
                    f"  | {(c.get('sentence') or {}).get('text', '')[:160]!r}" for c in r.false_positives]
        if everything or "fn" in wanted:
            out.append(f"\n[{n}] false negatives ({len(r.false_negatives)}):")
            out += [f"  {c.get('doc_id')} [{c.get('gold_id')}]  {c['quantity'].get('text')!r} @{c['quantity'].get('start_char')}"
                    for c in r.false_negatives]
        slots = set(_SLOTS) if everything else wanted & set(_SLOTS)
        if slots:
            errs = [(pe, [e for e in pe.errors if e.slot in slots]) for pe in r.slot_errors]
            errs = [(pe, es) for pe, es in errs if es]
            out.append(f"\n[{n}] slot errors in {', '.join(sorted(slots))} ({len(errs)} claims):")
            for pe, es in errs:
                gid = f" [{pe.gold_id}]" if pe.gold_id else ""
                out.append(f"  {pe.doc_id}{gid}  {pe.gold_text!r} @{pe.gold_start}")
                ctx = _context(texts, pe.doc_id, pe.gold_start)
                if ctx:
                    out.append(ctx)
                for e in es:
                    out.append(f"      {e.slot:<12} gold={json.dumps(e.gold, ensure_ascii=False)}  pred={json.dumps(e.pred, ensure_ascii=False)}")
    return "\n".join(out)
