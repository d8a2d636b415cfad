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

Modules: :mod:`.text` (normalisation, tokens, F1), :mod:`.slots` (rule 3), :mod:`.match` (rule 1),
:mod:`.scoring` (:func:`score`), :mod:`.report` (the report models, :func:`format_report`),
:mod:`.loading` (claim files and the cases file).
"""

from __future__ import annotations

import sys
from typing import Optional

from .loading import cases_to_gold, is_cases_file, load_claims
from .match import align_doc
from .report import DocScore, EvalReport, PairErrors, SlotError, SlotScore, format_report
from .scoring import score
from .slots import SLOTS, compare_slots
from .text import content_tokens, normalize_text, plain_tokens, spans_overlap, token_f1

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
    "is_cases_file",
    "score",
    "compare_slots",
    "format_report",
    "normalize_text",
    "content_tokens",
    "plain_tokens",
    "token_f1",
    "spans_overlap",
    "main",
]


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m claimx.evaluate GOLD.jsonl PRED.jsonl``: print the text report; exit 0."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m claimx.evaluate GOLD.jsonl PRED.jsonl", file=sys.stderr)
        return 2
    print(format_report(score(load_claims(args[0]), load_claims(args[1]))))
    return 0
