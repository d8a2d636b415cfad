"""Reading claim files: JSONL claims (gold or predicted) and the cases file."""

from __future__ import annotations

import json
from pathlib import Path


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


def is_cases_file(path: str | Path) -> bool:
    """Whether a JSONL file is a cases file (its first line has ``not_claims``, or ``claims`` and
    ``text``) rather than a file of gold claims; ``False`` when it cannot be read."""
    try:
        with open(path, encoding="utf-8") as fh:
            first = fh.readline()
        return '"not_claims"' in first or ('"claims"' in first and '"text"' in first)
    except OSError:
        return False
