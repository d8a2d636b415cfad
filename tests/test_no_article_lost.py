"""Issue 12, done-when 1: a batch of 1,000 articles with two poison pills and a planted raising
article writes the 997 others, lists the 3 with kind and reason and exits 1 -- in one process,
with --jobs 2 and on a 2-worker Dask LocalCluster; a SIGTERM during a hung article stops the run
in under 2 s. The pills fail for real (see tests/poison.py): the parser hang is only ended by
killing its worker.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimx.batch import run_batch

from .conftest import PINNED_MODEL
from .poison import HANG_PILL, PoisonedExtractor, corpus_lines, install_on_dask_worker

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 3.0  # seconds per article: ordinary articles take milliseconds


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("thousand")
    records, kinds = corpus_lines(1000)
    path = root / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path, records, kinds


def _check(out: Path, errs: Path, records, kinds, summary, seconds):
    written = {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    expected = {r["id"] for r in records} - set(kinds)
    assert written == expected and len(written) == 997
    failures = {json.loads(line)["doc_id"]: json.loads(line) for line in errs.read_text(encoding="utf-8").splitlines()}
    assert {d: f["kind"] for d, f in failures.items()} == kinds
    assert failures["pill-hang"]["error_type"] == "TimeoutError"
    assert failures["pill-e039"]["error_type"] == "RuntimeError" and "E039" in failures["pill-e039"]["message"]
    assert failures["pill-planted"]["error_type"] == "ValueError"
    assert all(f["claimx_version"] and f["reason"] and f["path"].endswith("articles.jsonl") for f in failures.values())
    assert summary.exit_code == 1 and dict(summary.failed) == {"timeout": 1, "extraction_error": 2}
    assert summary.articles_done == 997
    assert seconds < 240, f"took {seconds:.0f} s"


@pytest.mark.parametrize("jobs", [1, 2])
def test_thousand_articles_three_pills_local(extractor, corpus, tmp_path, jobs):
    path, records, kinds = corpus
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    t0 = time.monotonic()
    s = run_batch(path, output=out, errors_path=errs, extractor=PoisonedExtractor(extractor), jobs=jobs,
                  timeout=TIMEOUT, quiet=True)
    seconds = time.monotonic() - t0
    print(f"\n1,000 articles, jobs={jobs}: {seconds:.1f} s")
    _check(out, errs, records, kinds, s, seconds)


def test_resume_skips_recorded_failures_unless_retry(extractor, corpus, tmp_path):
    path, records, kinds = corpus
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    small = tmp_path / "small.jsonl"
    small.write_text("".join(json.dumps(r) + "\n" for r in records[:20] + records[395:405]), encoding="utf-8")
    poisoned = PoisonedExtractor(extractor)
    first = run_batch(small, output=out, errors_path=errs, extractor=poisoned, timeout=TIMEOUT, quiet=True)
    assert dict(first.failed) == {"timeout": 1, "extraction_error": 1}
    t0 = time.monotonic()
    again = run_batch(small, output=out, errors_path=errs, extractor=poisoned, timeout=TIMEOUT, quiet=True,
                      resume=True)
    assert time.monotonic() - t0 < TIMEOUT  # the hang is not tried again
    assert dict(again.failed) == {"timeout": 1, "extraction_error": 1} and again.exit_code == 1
    # the last article of the output is extracted again by design (it may be incomplete)
    assert again.articles_read == 1 and again.articles_resumed == 27
    assert {json.loads(x)["doc_id"] for x in errs.read_text().splitlines()} == {"pill-hang", "pill-e039"}
    # retried with the fixed extractor: both pills now give their claims
    fixed = run_batch(small, output=out, errors_path=errs, extractor=extractor, quiet=True, resume=True,
                      retry_failed=True)
    assert fixed.exit_code == 0 and fixed.articles_done == 3 and not fixed.failed
    docs = [json.loads(x)["doc_id"] for x in out.read_text().splitlines()]
    assert "pill-hang" in docs and "pill-e039" in docs


def test_thousand_articles_three_pills_dask(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    from claimx.distributed import extract_distributed

    path, records, kinds = corpus
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    try:
        assert sum(client.run(install_on_dask_worker, PINNED_MODEL, "tests-poisoned").values()) == 2
        t0 = time.monotonic()
        s = extract_distributed([path], client=client, output=out, errors_path=errs, model="tests-poisoned",
                                timeout=TIMEOUT, quiet=True)
        seconds = time.monotonic() - t0
    finally:
        client.close()
        cluster.close()
    print(f"\n1,000 articles, Dask 2 workers: {seconds:.1f} s")
    _check(out, errs, records, kinds, s, seconds)


_CHILD = """
import sys
sys.path.insert(0, {root!r})
from claimx import Extractor
from claimx.batch import run_batch
from tests.poison import PoisonedExtractor
ex = PoisonedExtractor(Extractor({model!r}))
s = run_batch({corpus!r}, output={out!r}, extractor=ex, timeout=600, quiet=True, jobs={jobs}, batch_size=1)
import gc
gc.freeze()  # as claimx.cli.main does: no last collection of the model's heap at exit
sys.exit(s.exit_code)
"""


@pytest.mark.parametrize("jobs", [1, 2])
def test_sigterm_during_a_hung_article_stops_within_two_seconds(tmp_path, jobs):
    corpus = tmp_path / "c.jsonl"
    texts = [f"Exports rose {i}% in 2020." for i in range(1, 6)] + [HANG_PILL] + ["Imports fell 2% in 2021."] * 5
    corpus.write_text("".join(json.dumps({"id": f"d{i:02d}", "text": t}) + "\n" for i, t in enumerate(texts)))
    out = tmp_path / "out.jsonl"
    script = _CHILD.format(root=str(ROOT), model=PINNED_MODEL, corpus=str(corpus), out=str(out), jobs=jobs)
    proc = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and "d04" in out.read_text():
            break
        time.sleep(0.05)
    time.sleep(1.0)  # the worker is now spinning in the parser (timeout is 600 s)
    assert proc.poll() is None, proc.stderr.read()
    t0 = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    took = time.monotonic() - t0
    print(f"\nSIGTERM to exit, jobs={jobs}: {took:.2f} s")
    assert proc.returncode == 143
    assert took < 2.0
    lines = [json.loads(x) for x in out.read_text().splitlines()]  # a valid output
    assert {c["doc_id"] for c in lines} >= {"d00", "d01", "d02", "d03", "d04"}
    assert "d05" not in {c["doc_id"] for c in lines}
