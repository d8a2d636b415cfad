"""Words per CPU second of the regex grammars: quantities (:func:`claimx.grammar.quantities.find_quantities`)
and timeframes (:func:`claimx.grammar.timex.find_timeframes`).

Usage (from the repository root)::

    python benchmarks/grammar_throughput.py                      # the current code
    python benchmarks/grammar_throughput.py --baseline ../old    # and an older checkout, paired
    python benchmarks/grammar_throughput.py --grammars timeframes --corpora numfree

Corpora, each measured paragraph by paragraph (as the spaCy component calls the function), with
no reference date:

* ``dev``: every paragraph of the development corpus's articles (``corpus/dev/docs``);
* ``numfree``: number-free prose: the paragraphs of the seed articles and of the development
  corpus that hold no digit (the common case on a real article; issue 13's throughput figure).

Each figure is the best of ``--rounds`` timings of ``--passes`` passes over the corpus, in CPU
seconds of this process (``time.process_time``), so other load on the machine slows it less than
wall time would. With ``--baseline DIR`` (the root of another checkout, which must have
``claimx/grammar/quantities.py`` and ``claimx/grammar/timex.py``), the two versions run in turn in fresh processes, A B A B ..., and the
ratio is taken round by round; the median ratio is the figure to quote (CPU time of the current
code over the baseline's: above 1 is slower). Both versions read the corpora of this checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ("dev", "numfree")
#: grammar name -> (module, function); each function takes one paragraph
GRAMMARS = {"quantities": ("claimx.grammar.quantities", "find_quantities"),
            "timeframes": ("claimx.grammar.timex", "find_timeframes")}


def _paragraphs(paths) -> list[str]:
    return [p for path in paths for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]


def corpora() -> dict[str, list[str]]:
    """The benchmark corpora (see the module docstring), as lists of paragraphs."""
    dev = _paragraphs(sorted((ROOT / "corpus/dev/docs").glob("*.txt")))
    seed = _paragraphs(sorted((ROOT / "seeds").glob("*.txt")))
    return {"dev": dev, "numfree": [p for p in seed + dev if not re.search(r"\d", p)]}


def measure(paragraphs: list[str], *, grammar: str = "timeframes", passes: int, rounds: int) -> float:
    """Best words per CPU second of the ``grammar``'s function over ``paragraphs`` (see the docstring)."""
    import importlib

    module, name = GRAMMARS[grammar]
    fn = getattr(importlib.import_module(module), name)
    words = sum(len(p.split()) for p in paragraphs)
    for p in paragraphs:  # warm-up: lazily built tables, caches
        fn(p)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for _ in range(passes):
            for p in paragraphs:
                fn(p)
        best = min(best, time.process_time() - t0)
    return words * passes / best


def _child(args) -> None:
    paras = corpora()
    print(json.dumps({f"{g}:{name}": measure(paras[name], grammar=g, passes=args.passes, rounds=args.rounds)
                      for g in args.grammars for name in args.corpora}))


def _run(code_root: Path, args) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(code_root))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--passes", str(args.passes),
           "--rounds", str(args.rounds), "--corpora", ",".join(args.corpora), "--grammars", ",".join(args.grammars)]
    out = subprocess.run(cmd, env=env, cwd=str(ROOT), check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline", type=Path, help="root of another checkout to compare with (paired runs)")
    ap.add_argument("--pairs", type=int, default=5, help="A/B process pairs with --baseline (default 5)")
    ap.add_argument("--passes", type=int, default=3, help="passes over a corpus per timing (default 3)")
    ap.add_argument("--rounds", type=int, default=5, help="timings per process, the best is kept (default 5)")
    ap.add_argument("--corpora", type=lambda s: s.split(","), default=list(CORPORA))
    ap.add_argument("--grammars", type=lambda s: s.split(","), default=list(GRAMMARS))
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args)
        return
    paras = corpora()
    for name in args.corpora:
        print(f"{name:8s} {len(paras[name]):4d} paragraphs {sum(len(p.split()) for p in paras[name]):7d} words")
    if args.baseline is None:
        sys.path.insert(0, str(ROOT))
        for g in args.grammars:
            for name in args.corpora:
                wps = measure(paras[name], grammar=g, passes=args.passes, rounds=args.rounds)
                print(f"{g}:{name:8s} current {wps:10,.0f} words/s")
        return
    keys = [f"{g}:{name}" for g in args.grammars for name in args.corpora]
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in keys}
    for _ in range(args.pairs):
        cur, base = _run(ROOT, args), _run(args.baseline.resolve(), args)
        for k in keys:
            runs[k].append((cur[k], base[k]))
    for name, pairs in runs.items():
        ratio = statistics.median(b / c for c, b in pairs)  # CPU time of current / baseline
        print(f"{name:19s} current {max(c for c, _ in pairs):10,.0f} words/s  baseline "
              f"{max(b for _, b in pairs):10,.0f} words/s  current/baseline CPU time (median of "
              f"{len(pairs)} pairs) {ratio:.3f}")


if __name__ == "__main__":
    main()
