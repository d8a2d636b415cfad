"""Peak memory of a batch run must not grow with the corpus size.

Generates ``--n`` (default 10,000) short articles with varied quantitative sentences in a
temporary folder, runs :func:`claimx.batch.run_batch` over them with the real Extractor, and
prints the peak resident set size (``ru_maxrss``) after 1,000 articles and after all of them.
Target: the two within 20% of each other. Exit status 1 when the target is missed.

    PYTHONPATH=. python benchmarks/memory.py [--n 10000] [--jobs 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from claimx.batch import run_batch

SUBJECTS = ["The company", "China", "The European market", "Global shipments", "The utility", "Revenue",
            "The city of Lyon", "Apple", "The sector", "Exports"]
TEMPLATES = [
    "{s} grew {p}% in {y}, according to the ministry.",
    "{s} reached ${m} billion in {y} and is expected to rise to ${m2} billion by {y2}.",
    "{s} added {g} gigawatts of capacity in the first quarter of {y}.",
    "Analysts estimate that {s} will account for about {p}% of sales by {y2}.",
    "{s} fell {p2} percentage points to {p}% over the year.",
    "More than {k},000 people work there, roughly {r} times the level of {y}.",
    "{s} stored {g} petabytes of data, up from {g2} petabytes a year earlier.",
]


def _article(rng: random.Random) -> str:
    sents = []
    for _ in range(rng.randint(3, 8)):
        sents.append(rng.choice(TEMPLATES).format(
            s=rng.choice(SUBJECTS), p=rng.randint(1, 95), p2=rng.randint(1, 9), y=rng.randint(2015, 2025),
            y2=rng.randint(2026, 2035), m=round(rng.uniform(1, 900), 2), m2=round(rng.uniform(900, 2000), 1),
            g=rng.randint(2, 500), g2=rng.randint(1, 400), k=rng.randint(2, 90), r=rng.randint(2, 40)))
    paras = [" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
    return "\n\n".join(paras) + "\n"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


class _Probe:
    """Wraps an Extractor: records peak RSS after given numbers of articles."""

    def __init__(self, inner, marks):
        self.inner, self.marks, self.seen = inner, sorted(marks), {}

    def pipe(self, items, **kw):
        for i, out in enumerate(self.inner.pipe(items, **kw), 1):
            if i in self.marks:
                self.seen[i] = _peak_mb()
            yield out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--keep", type=Path, default=None, help="write the corpus and output here")
    args = ap.parse_args(argv)
    from claimx.pipeline import Extractor

    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        rng = random.Random(12345)
        for i in range(args.n):
            (corpus / f"a{i:06d}.txt").write_text(_article(rng), encoding="utf-8")
        probe = _Probe(Extractor(reference_date="2025-06-30"), {1000, args.n})
        t = time.perf_counter()
        s = run_batch(corpus, output=root / "out.jsonl", extractor=probe, jobs=args.jobs, quiet=True)
        secs = time.perf_counter() - t
    first, last = probe.seen.get(1000), probe.seen.get(args.n)
    print(f"articles: {s.articles_done}  claims: {s.claims_written}  seconds: {secs:.1f}"
          f"  ({s.articles_done / secs:.0f} articles/s, jobs={args.jobs})")
    print(f"peak RSS after 1,000 articles: {first:.1f} MB")
    print(f"peak RSS after {args.n:,} articles: {last:.1f} MB")
    growth = (last - first) / first if first else float("nan")
    print(f"growth: {growth:+.1%} (target within 20%)")
    return 0 if growth <= 0.20 else 1


if __name__ == "__main__":
    sys.exit(main())
