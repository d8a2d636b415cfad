"""Score predicted claims against gold claims, following ``docs/GOLD.md`` ("Scoring rules").

Everything here works on plain ``dict`` claims (one JSON object per JSONL line), so gold files
with annotation-only keys (``gold_id``, ``optional``, ``note``, ``alt``, ``alt_text``,
``inferred``) and prediction files written from :class:`claimx.models.Claim` are both accepted.
No spaCy model is loaded; only spaCy's English stop-word list is used (for "content words").

The rules, as implemented:

1. **Matching** -- within one ``doc_id``, a prediction and a gold claim are candidates when their
   quantity spans ``[start_char, end_char)`` overlap by at least one character. Pairs are taken
   one-to-one, largest overlap (in characters) first. Ties are broken by: required gold before
   optional gold, then the smaller boundary distance ``|Δstart| + |Δend|``, then input order.
   Gold ``quantity.alt_text`` plays no part in matching.
2. **Detection** -- TP = matched required gold claims, FP = predictions matched to nothing,
   FN = unmatched required gold claims. Predictions matched to optional gold are ignored.
3. **Slots** on each matched *required* pair (every slot is counted for every such pair; a slot
   that is null on both sides is correct, null on one side only is wrong):

   - ``value``: ``math.isclose(pred, gold, rel_tol=1e-6, abs_tol=1e-12)`` (so ``0`` matches ``0``),
     both ``None`` equal; or ``base_value`` (both present) within the same tolerance. A range has
     ``value`` null: GOLD.md compares "value", and a range's value *is* its bounds, so when the gold
     gives ``lower``/``upper`` each given bound must also match the prediction's within 1e-6.
   - ``unit``: equal, or both ``base_unit`` present and equal (``h`` vs ``wk`` -> ``s``).
   - ``comparator``/``modality``/``kind``: equal, missing = ``"="``/``"asserted"``/``"level"``.
   - ``entity``: :func:`normalize_text` of the prediction equals that of the gold text or one of
     its ``alt``; or both spans are known and overlap and one normalised text contains the other as
     a contiguous run of words, the longer having at most 3 extra content words. An inferred gold
     entity (``inferred: true``, normally with null offsets) can only match by text.
   - ``metric``: content-word token F1 (see :func:`content_tokens`) >= 0.5 against the gold text or
     one of its ``alt``.
   - ``timeframe``: both null, or same ``relation`` (missing = ``"in"``) and ``value`` of the same
     length where every gold character is equal to the predicted one or is ``X`` (``X`` matches any
     character).
   - ``hedge``: both null, or the cue texts share a word (case-insensitive, any word, see
     :func:`plain_tokens`; the ``modality`` slot judges the category, this slot only the cue).
   - ``attribution``: both null, or multiset token F1 over all words (:func:`plain_tokens`; GOLD.md
     does not restrict it to content words) >= 0.5, against the text or any ``alt``.
4. **Strict** -- a matched required claim whose every slot is right. Strict precision =
   strict_tp / (tp + fp), strict recall = strict_tp / (tp + fn).

Zero denominators: precision with no predictions counted is 1.0 (nothing false was said), recall
with no required gold is 1.0 (nothing was missed); F1 is 0.0 when P + R is 0.
"""

from __future__ import annotations

import heapq
import json
import math
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import regex
from pydantic import BaseModel, Field, computed_field

__all__ = [
    "SLOTS",
    "align_doc",
    "SlotScore",
    "SlotError",
    "PairErrors",
    "DocScore",
    "EvalReport",
    "load_claims",
    "cases_to_gold",
    "score",
    "compare_slots",
    "format_report",
    "normalize_text",
    "content_tokens",
    "plain_tokens",
    "token_f1",
    "spans_overlap",
]

#: The slots scored on matched required claims, in report order.
SLOTS: tuple[str, ...] = (
    "value",
    "unit",
    "comparator",
    "modality",
    "kind",
    "entity",
    "metric",
    "timeframe",
    "hedge",
    "attribution",
)

_REL_TOL = 1e-6
_ABS_TOL = 1e-12
_MAX_EXTRA_CONTENT_WORDS = 3
_F1_THRESHOLD = 0.5

_QUOTE_MAP = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-"})
_POSSESSIVE_RE = regex.compile(r"(?<=\w)'s\b|(?<=\ws)'(?!\w)")
_ARTICLE_RE = regex.compile(r"^(?:the|a|an)\s+")
_SPACE_RE = regex.compile(r"\s+")
_WORD_RE = regex.compile(r"\w+")


# --------------------------------------------------------------------------- text helpers


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop-word list (``spacy.lang.en.stop_words.STOP_WORDS``), loaded once."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


@lru_cache(maxsize=1 << 16)
def normalize_text(text: Optional[str]) -> str:
    """Normalise an entity-like text for comparison (GOLD.md scoring rule 3, ``entity``).

    Lower case; curly quotes to straight (’‘ -> ', “” -> "); em/en dash (—, –) to ``-``;
    possessive ``'s`` (and the bare ``'`` of a plural possessive, "companies'") dropped;
    a leading article (the/a/an) dropped; whitespace collapsed and stripped.

    :param text: the text, or ``None`` (-> ``""``).
    :returns: the normalised string.
    """
    if not text:
        return ""
    t = text.translate(_QUOTE_MAP).lower()
    t = _POSSESSIVE_RE.sub("", t)
    t = _SPACE_RE.sub(" ", t).strip()
    return _ARTICLE_RE.sub("", t)


def _words(text: Optional[str]) -> list[str]:
    """Word tokens (``\\w+``) of :func:`normalize_text` ``(text)``: punctuation stripped."""
    return _WORD_RE.findall(normalize_text(text))


def plain_tokens(text: Optional[str]) -> list[str]:
    """Lower-cased ``\\w+`` tokens of a text (quotes/dashes straightened, punctuation stripped,
    nothing else dropped): the words compared for ``hedge`` and ``attribution``."""
    return _WORD_RE.findall(text.translate(_QUOTE_MAP).lower()) if text else []


def content_tokens(text: Optional[str]) -> list[str]:
    """Content words of a text: lower-cased ``\\w+`` tokens minus spaCy's English stop words.

    Numbers count as content ("top 10 open-source models" -> ``["10", "open", "source",
    "models"]``). If every word is a stop word, all words are returned, so that a metric such as
    "most" can still be compared.
    """
    return list(_content_tokens(text))


@lru_cache(maxsize=1 << 16)
def _content_tokens(text: Optional[str]) -> tuple[str, ...]:
    words = _words(text)
    stops = _stop_words()
    content = tuple(w for w in words if w not in stops)
    return content if content else tuple(words)


def token_f1(pred: Sequence[str], gold: Sequence[str]) -> float:
    """Multiset token F1 between two token lists; 0.0 if either is empty."""
    if not pred or not gold:
        return 0.0
    ps, gs = set(pred), set(gold)
    if len(ps) == len(pred) and len(gs) == len(gold):  # no repeated token: sets suffice
        common = len(ps & gs)
    else:
        common = sum((Counter(pred) & Counter(gold)).values())
    if common == 0:
        return 0.0
    p = common / len(pred)
    r = common / len(gold)
    return 2 * p * r / (p + r)


def spans_overlap(a_start: Optional[int], a_end: Optional[int], b_start: Optional[int], b_end: Optional[int]) -> int:
    """Number of characters two half-open spans share; 0 if disjoint or any offset is ``None``."""
    if a_start is None or a_end is None or b_start is None or b_end is None:
        return 0
    return max(0, min(a_end, b_end) - max(a_start, b_start))


# --------------------------------------------------------------------------- loading


def load_claims(path: str | Path) -> list[dict]:
    """Read a JSONL file of claims (gold or predicted), one JSON object per line.

    Blank lines are skipped. Extra keys are kept as they are.

    :param path: the JSONL file.
    :returns: the claims, in file order.
    :raises ValueError: on a line that is not valid JSON or not a JSON object, naming the file
        and the 1-based line number.
    :raises OSError: if the file cannot be read.
    """
    path = Path(path)
    claims: list[dict] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: malformed JSON: {exc.msg} (column {exc.colno})") from exc
            if not isinstance(obj, dict):
                raise ValueError(f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}")
            claims.append(obj)
    return claims


def cases_to_gold(cases_path: str | Path) -> tuple[list[dict], dict[str, dict]]:
    """Turn the cases file (``corpus/cases/cases.jsonl``) into gold claims for :func:`score`.

    Each case has ``id``, ``category``, ``text``, ``reference_date``, ``claims`` and
    ``not_claims``. Every claim gets ``doc_id`` = the case ``id`` (if it already has a different
    one, that is an error).

    :returns: ``(gold_claims, cases_by_id)``: the flat list of all cases' claims, and a map from
        case id to the case dict (pass ``cases_by_id.keys()`` as ``doc_ids`` to :func:`score` so
        cases without claims appear in the per-doc breakdown).
    :raises ValueError: on malformed JSON (file and line named), a case without ``id``, a duplicate
        id, or a claim whose ``doc_id`` differs from its case id.
    """
    gold: list[dict] = []
    cases: dict[str, dict] = {}
    for idx, case in enumerate(load_claims(cases_path), 1):
        cid = case.get("id")
        if not isinstance(cid, str) or not cid:
            raise ValueError(f"{cases_path}: case #{idx} has no string 'id'")
        if cid in cases:
            raise ValueError(f"{cases_path}: duplicate case id {cid!r}")
        cases[cid] = case
        for claim in case.get("claims") or []:
            doc = claim.get("doc_id")
            if doc is not None and doc != cid:
                raise ValueError(f"{cases_path}: claim of case {cid!r} has doc_id {doc!r}")
            c = dict(claim)
            c["doc_id"] = cid
            gold.append(c)
    return gold, cases


# --------------------------------------------------------------------------- report models


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


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _strict_prf(stp: int, tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = stp / (tp + fp) if tp + fp else 1.0
    r = stp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --------------------------------------------------------------------------- slot comparison


def _qty(claim: dict) -> dict:
    q = claim.get("quantity")
    return q if isinstance(q, dict) else {}


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=_REL_TOL, abs_tol=_ABS_TOL)


def _value_ok(g: dict, p: dict) -> bool:
    gb, pb = g.get("base_value"), p.get("base_value")
    if gb is not None and pb is not None and _num_eq(gb, pb):
        return True
    if not _num_eq(g.get("value"), p.get("value")):
        return False
    if g.get("value") is None:  # a range (or a vague amount): its value is its bounds
        for bound in ("lower", "upper"):
            if g.get(bound) is not None and not _num_eq(g.get(bound), p.get(bound)):
                return False
    return True


def _unit_ok(g: dict, p: dict) -> bool:
    if g.get("unit") == p.get("unit"):
        return True
    gb = g.get("base_unit")
    return gb is not None and gb == p.get("base_unit")


def _texts(m: dict) -> list[str]:
    out = [m.get("text") or ""]
    alts = m.get("alt") or []
    if isinstance(alts, str):
        alts = [alts]
    out.extend(a for a in alts if a)
    return out


def _contains_run(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    if n == 0 or n > len(longer):
        return False
    first = shorter[0]
    for i in range(len(longer) - n + 1):
        if longer[i] == first and longer[i : i + n] == shorter:
            return True
    return False


def _entity_ok(g: Optional[dict], p: Optional[dict]) -> bool:
    if not g or not p:
        return not g and not p
    pn = normalize_text(p.get("text"))
    gtexts = _texts(g)
    if any(pn == normalize_text(t) for t in gtexts):
        return True
    if g.get("inferred") or not spans_overlap(g.get("start_char"), g.get("end_char"), p.get("start_char"), p.get("end_char")):
        return False
    stops = _stop_words()
    pw = _WORD_RE.findall(pn)
    for t in gtexts:
        gw = _words(t)
        longer, shorter = (pw, gw) if len(pw) >= len(gw) else (gw, pw)
        if _contains_run(longer, shorter):
            extra = Counter(longer) - Counter(shorter)
            if sum(c for w, c in extra.items() if w not in stops) <= _MAX_EXTRA_CONTENT_WORDS:
                return True
    return False


def _f1_ok(g: Optional[dict], p: Optional[dict], tokenize) -> bool:
    if not g or not p:
        return not g and not p
    pt = tokenize(p.get("text"))
    return any(token_f1(pt, tokenize(t)) >= _F1_THRESHOLD for t in _texts(g))


def _timeframe_ok(g: Optional[dict], p: Optional[dict]) -> bool:
    if not g or not p:
        return not g and not p
    if (g.get("relation") or "in") != (p.get("relation") or "in"):
        return False
    gv, pv = g.get("value"), p.get("value")
    if gv is None or pv is None:
        return gv is None and pv is None
    return len(gv) == len(pv) and all(a == b or a == "X" for a, b in zip(gv, pv))


def _hedge_ok(g: Optional[dict], p: Optional[dict]) -> bool:
    if not g or not p:
        return not g and not p
    return bool(set(plain_tokens(g.get("text"))) & set(plain_tokens(p.get("text"))))


def _slot_values(claim: dict, slot: str) -> Any:
    q = _qty(claim)
    if slot == "value":
        return {k: q.get(k) for k in ("value", "lower", "upper", "base_value") if q.get(k) is not None} or None
    if slot == "unit":
        return {k: q.get(k) for k in ("unit", "base_unit") if q.get(k) is not None} or None
    if slot == "comparator":
        return q.get("comparator") or "="
    if slot == "modality":
        return claim.get("modality") or "asserted"
    if slot == "kind":
        return claim.get("kind") or "level"
    m = claim.get(slot)
    if not isinstance(m, dict):
        return m
    if slot == "timeframe":
        return {"value": m.get("value"), "relation": m.get("relation") or "in", "text": m.get("text")}
    return m.get("text")


def compare_slots(gold: dict, pred: dict) -> dict[str, bool]:
    """Judge every slot of :data:`SLOTS` for one matched pair.

    :param gold: a gold claim dict.
    :param pred: a predicted claim dict.
    :returns: slot name -> ``True`` if the prediction is right under GOLD.md rule 3.
    """
    gq, pq = _qty(gold), _qty(pred)
    return {
        "value": _value_ok(gq, pq),
        "unit": _unit_ok(gq, pq),
        "comparator": (gq.get("comparator") or "=") == (pq.get("comparator") or "="),
        "modality": (gold.get("modality") or "asserted") == (pred.get("modality") or "asserted"),
        "kind": (gold.get("kind") or "level") == (pred.get("kind") or "level"),
        "entity": _entity_ok(gold.get("entity"), pred.get("entity")),
        "metric": _f1_ok(gold.get("metric"), pred.get("metric"), _content_tokens),
        "timeframe": _timeframe_ok(gold.get("timeframe"), pred.get("timeframe")),
        "hedge": _hedge_ok(gold.get("hedge"), pred.get("hedge")),
        "attribution": _f1_ok(gold.get("attribution"), pred.get("attribution"), plain_tokens),
    }


# --------------------------------------------------------------------------- matching


def _span(claim: dict) -> tuple[Optional[int], Optional[int]]:
    q = _qty(claim)
    s, e = q.get("start_char"), q.get("end_char")
    if isinstance(s, int) and isinstance(e, int) and e > s:
        return s, e
    return None, None


def _match_doc(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of one document, largest overlap first.

    Candidate pairs come from a sweep over spans sorted by start (a heap of open spans by end),
    so the cost is O((n + m) log(n + m) + overlapping pairs), not O(n * m).
    """
    events: list[tuple[int, int, int, int]] = []  # (start, end, side, index); side 0 gold, 1 pred
    for side, claims in ((0, gold), (1, pred)):
        for i, c in enumerate(claims):
            s, e = _span(c)
            if s is not None:
                events.append((s, e, side, i))
    events.sort()
    open_spans: tuple[list, list] = ([], [])  # heaps of (end, start, index) per side
    cands: list[tuple[int, int, int, int, int]] = []
    for s, e, side, i in events:
        other = open_spans[1 - side]
        while other and other[0][0] <= s:
            heapq.heappop(other)
        for oe, os_, j in other:
            ov = min(e, oe) - s  # os_ <= s, so max(start) is s
            gi, pi = (i, j) if side == 0 else (j, i)
            optional = 1 if gold[gi].get("optional") else 0
            dist = abs(s - os_) + abs(e - oe)
            cands.append((-ov, optional, dist, gi, pi))
        heapq.heappush(open_spans[side], (e, s, i))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def align_doc(gold: Sequence[dict], pred: Sequence[dict]) -> list[tuple[Optional[dict], Optional[dict]]]:
    """The rows of a gold/prediction comparison of ONE document, as :func:`score` matches them.

    :param gold: the document's gold claim dicts; :param pred: its predicted claim dicts.
    :returns: ``(gold, pred)`` pairs for matched claims (``gold`` may be optional), ``(gold, None)``
        for missed required gold claims and ``(None, pred)`` for false positives, ordered by the
        start of the quantity (unmatched optional gold claims are left out, as in scoring).
        Judge a matched pair's slots with :func:`compare_slots`.
    """
    g_list, p_list = list(gold), list(pred)
    pairs = _match_doc(g_list, p_list)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    rows: list[tuple[Optional[dict], Optional[dict]]] = [(g_list[gi], p_list[pi]) for gi, pi in pairs]
    rows += [(g, None) for gi, g in enumerate(g_list) if gi not in matched_g and not g.get("optional")]
    rows += [(None, p) for pi, p in enumerate(p_list) if pi not in matched_p]

    def start(row: tuple[Optional[dict], Optional[dict]]) -> int:
        s = _qty(row[0] or row[1] or {}).get("start_char")
        return s if isinstance(s, int) else -1

    rows.sort(key=start)
    return rows


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
        p_, r_, f_ = _prf(tp, fp, fn)
        sp, sr, sf = _strict_prf(strict_tp, tp, fp, fn)
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
    rep.precision, rep.recall, rep.f1 = _prf(rep.tp, rep.fp, rep.fn)
    rep.strict_precision, rep.strict_recall, rep.strict_f1 = _strict_prf(rep.strict_tp, rep.tp, rep.fp, rep.fn)
    rep.slots = {s: SlotScore(correct=c, total=t) for s, (c, t) in slot_counts.items()}
    return rep


# --------------------------------------------------------------------------- text report


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


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m claimx.evaluate GOLD.jsonl PRED.jsonl``: print the text report; exit 0."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m claimx.evaluate GOLD.jsonl PRED.jsonl", file=sys.stderr)
        return 2
    print(format_report(score(load_claims(args[0]), load_claims(args[1]))))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
