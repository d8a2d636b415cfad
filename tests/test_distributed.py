"""extract_distributed on a 2-process LocalCluster gives exactly the local batch's output.

One cluster for the module (starting it and loading the model on both workers is most of the
time); each test runs a batch on it and compares files with :func:`claimx.batch.run_batch`.
"""

from __future__ import annotations

import json
import sys

import pytest

from claimx.batch import BatchUsageError, run_batch

from .conftest import PINNED_MODEL

REF = "2024-01-01"
PARTITION = 2  # small partitions: many more partitions than workers


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A folder with plain, Markdown and JSONL articles plus inputs that are skipped."""
    root = tmp_path_factory.mktemp("corpus")
    texts = [
        "Revenue rose 12% to $4.5 billion in 2023, the company said.\n\nUnemployment fell to 3.9% last month.\n",
        "Exports may reach 20 million tonnes by 2030, analysts said.\n",
        "The agency expects output to grow about 2.5% next year.\n",
        "Only 40% of households have broadband, according to the survey.\n",
        "The plant will cost more than EUR 300 million and employ 1,200 people.\n",
        "There is no figure in this article at all.\n",
        "Emissions dropped by 8 percent between 2019 and 2022.\n",
    ]
    for i, text in enumerate(texts):
        (root / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    (root / "b_binary.txt").write_bytes(b"\x00\x01\x02\x03 binary \x00")
    (root / "c_empty.txt").write_bytes(b"")
    (root / "d.md").write_text("---\nid: md1\ndate: 2024-03-01\n---\nSales grew 5% this year.\n", encoding="utf-8")
    records = [
        json.dumps({"id": "j1", "text": "Prices climbed 7% in May.", "date": "2022-06-01"}),
        "not json",
        json.dumps({"id": "a01", "text": "A duplicate id with 3% growth."}),
        json.dumps({"id": "j2", "text": "Wages are up 4.1% on a year earlier."}),
    ]
    (root / "e.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (sub := root / "sub").mkdir()
    (sub / "z.txt").write_text("Inflation could ease to 2% by 2025.\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    cl = distributed.Client(cluster)
    yield cl
    cl.close()
    cluster.close()


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory, extractor):
    """The local batch's JSONL output and errors file on the corpus."""
    out = tmp_path_factory.mktemp("local")
    summary = run_batch(
        [corpus], output=out / "claims.jsonl", errors_path=out / "errors.jsonl", reference_date=REF,
        extractor=extractor, quiet=True,
    )
    return out, summary


def _dist(client, corpus, output, **kw):
    from claimx.distributed import extract_distributed

    kw.setdefault("partition_size", PARTITION)
    return extract_distributed(
        [corpus], client=client, output=output, reference_date=REF, model=PINNED_MODEL, **kw
    )


def test_same_output_errors_and_summary_as_local_batch(client, corpus, local, tmp_path):
    from claimx.distributed import worker_load_count

    local_dir, local_summary = local
    summary = _dist(client, corpus, tmp_path / "claims.jsonl", errors_path=tmp_path / "errors.jsonl")
    got = (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    want = (local_dir / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(want) >= 10
    assert got == want  # same records, same order
    assert set(got) == set(want)
    errors = [json.loads(x) for x in (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (tmp_path / "errors.jsonl").read_bytes() == (local_dir / "errors.jsonl").read_bytes()
    assert [e["kind"] for e in errors] == ["binary", "empty", "malformed_record", "duplicate_id"]
    assert errors[0]["path"].endswith("b_binary.txt") and errors[0]["doc_id"] == "b_binary"
    assert errors[3] == {
        "path": str(corpus / "e.jsonl"), "doc_id": "a01", "reason": "duplicate doc_id 'a01'",
        "kind": "duplicate_id", "line": 3,
    }
    assert summary.to_dict() | {"seconds": 0, "output": None} == local_summary.to_dict() | {"seconds": 0, "output": None}
    assert summary.articles_done == 11 and summary.exit_code == 1
    # The article's own date wins over the default reference date ("in May" -> 2022-05).
    j1 = [json.loads(x) for x in got if json.loads(x)["doc_id"] == "j1"]
    assert j1[0]["timeframe"]["value"] == "2022-05"
    # 13 work units in partitions of 2: 7 partitions for 2 workers, yet one load per worker.
    loads = client.run(worker_load_count, PINNED_MODEL)
    assert sorted(loads.values()) == [1, 1]


def test_model_loaded_once_per_worker_across_runs(client, corpus, tmp_path):
    from claimx.distributed import worker_load_count

    for i in range(2):
        _dist(client, corpus, tmp_path / f"c{i}.jsonl", partition_size=1)
    assert (tmp_path / "c0.jsonl").read_bytes() == (tmp_path / "c1.jsonl").read_bytes()
    assert sorted(client.run(worker_load_count, PINNED_MODEL).values()) == [1, 1]


def test_client_side_reading_gives_same_output(client, corpus, local, tmp_path):
    local_dir, _ = local
    _dist(client, corpus, tmp_path / "claims.jsonl", errors_path=tmp_path / "err.jsonl", read_on="client")
    assert (tmp_path / "claims.jsonl").read_bytes() == (local_dir / "claims.jsonl").read_bytes()
    assert (tmp_path / "err.jsonl").read_bytes() == (local_dir / "errors.jsonl").read_bytes()


def test_outputs_inside_the_corpus_are_not_read_back(client, corpus, local, tmp_path):
    """The Dask walk leaves out the run's own output and errors file, as the local batch does: a
    resumed run into the corpus folder (its output kept, so readable) reads the same inputs."""
    import shutil

    local_dir, local_summary = local
    inside = tmp_path / "corpus"
    shutil.copytree(corpus, inside)
    for resume in (False, True):
        summary = _dist(client, inside, inside / "claims.jsonl", errors_path=inside / "errors.jsonl", resume=resume)
    assert (inside / "claims.jsonl").read_bytes() == (local_dir / "claims.jsonl").read_bytes()
    assert (inside / "errors.jsonl").read_bytes().replace(str(inside).encode(), str(corpus).encode()) == (
        local_dir / "errors.jsonl"
    ).read_bytes()
    assert summary.articles_resumed + summary.articles_read == local_summary.articles_done
    assert summary.skipped == local_summary.skipped


def test_iter_units_leaves_out_excluded_files(tmp_path):
    """The work units of a folder skip the excluded files (checked without a cluster)."""
    from claimx.runner.dask_client import iter_units

    (tmp_path / "a.txt").write_text("Sales rose 5%.", encoding="utf-8")
    (tmp_path / "claims.jsonl").write_text('{"doc_id": "a", "quantity": {}}\n', encoding="utf-8")
    units = list(iter_units([tmp_path], "*", 1000, "workers", exclude=[tmp_path / "claims.jsonl"]))
    assert units == [("path", str(tmp_path / "a.txt"))]
    units = list(iter_units([tmp_path], "*", 1000, "workers"))
    assert [kind for kind, _ in units] == ["path", "skip"]  # the output read back: a malformed record


def test_csv_and_partitioned_parquet(client, corpus, local, tmp_path, extractor):
    pq = pytest.importorskip("pyarrow.parquet")
    run_batch([corpus], output=tmp_path / "local.csv", reference_date=REF, extractor=extractor, quiet=True)
    _dist(client, corpus, tmp_path / "dist.csv")
    assert (tmp_path / "dist.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()

    run_batch([corpus], output=tmp_path / "local.parquet", reference_date=REF, extractor=extractor, quiet=True)
    summary = _dist(client, corpus, tmp_path / "parts", partitioned=True)
    parts = sorted((tmp_path / "parts").glob("part-*.parquet"))
    assert [p.name for p in parts[:2]] == ["part-00000.parquet", "part-00001.parquet"]
    assert len(parts) == 7  # one file per partition (13 work units / 2)
    assert not list((tmp_path / "parts").glob(".*"))  # no temporary files left
    rows = [r for p in parts for r in pq.read_table(p).to_pylist()]
    assert rows == pq.read_table(tmp_path / "local.parquet").to_pylist()
    assert summary.claims_written == len(rows)


def test_resume_jsonl(client, corpus, local, tmp_path):
    local_dir, _ = local
    full = (local_dir / "claims.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    ids = list(dict.fromkeys(json.loads(x)["doc_id"] for x in full))
    # An interrupted run: the first four articles complete, the fifth cut mid-line.
    keep = [x for x in full if json.loads(x)["doc_id"] in ids[:4]]
    partial = next(x for x in full if json.loads(x)["doc_id"] == ids[4])
    out = tmp_path / "claims.jsonl"
    out.write_text("".join(keep) + partial[:20], encoding="utf-8")
    summary = _dist(client, corpus, out, resume=True, errors_path=tmp_path / "err.jsonl")
    assert out.read_text().splitlines() == (local_dir / "claims.jsonl").read_text().splitlines()
    assert out.read_bytes() == (local_dir / "claims.jsonl").read_bytes()
    assert summary.articles_resumed == 3  # the last complete article in the file is redone
    assert (tmp_path / "err.jsonl").read_bytes() == (local_dir / "errors.jsonl").read_bytes()


def test_resume_partitioned(client, corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "parts"
    _dist(client, corpus, folder, partitioned=True)
    before = sorted(r["quantity.text"] for p in folder.glob("part-*.parquet") for r in pq.read_table(p).to_pylist())
    parts = sorted(folder.glob("part-*.parquet"))
    lost = {r["doc_id"] for r in pq.read_table(parts[-2]).to_pylist()}
    parts[-2].unlink()
    summary = _dist(client, corpus, folder, partitioned=True, resume=True)
    after = sorted(r["quantity.text"] for p in folder.glob("part-*.parquet") for r in pq.read_table(p).to_pylist())
    assert after == before
    assert summary.articles_done >= len(lost) and summary.articles_resumed > 0
    new_parts = sorted(folder.glob("part-*.parquet"))[len(parts) - 1 :]
    assert new_parts[0].name == f"part-{len(parts):05d}.parquet"  # numbered after the existing


def test_cli_scheduler_option(client, corpus, local, tmp_path):
    from typer.testing import CliRunner

    from claimx.cli import app

    local_dir, _ = local
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(
        app,
        ["extract", str(corpus), "-o", str(out), "--errors", str(tmp_path / "err.jsonl"), "--reference-date", REF,
         "--model", PINNED_MODEL, "--scheduler", client.scheduler.address, "--quiet"],
    )
    assert result.exit_code == 1, result.output  # 1: some inputs were skipped
    assert out.read_bytes() == (local_dir / "claims.jsonl").read_bytes()
    assert (tmp_path / "err.jsonl").read_bytes() == (local_dir / "errors.jsonl").read_bytes()


def test_usage_errors_before_any_work(tmp_path, corpus):
    from claimx.distributed import extract_distributed

    with pytest.raises(BatchUsageError, match="client, a scheduler"):
        extract_distributed([corpus], cluster=None, output=tmp_path / "x.jsonl")
    with pytest.raises(BatchUsageError, match="model name"):
        extract_distributed([corpus], model=object(), output=tmp_path / "x.jsonl")  # type: ignore[arg-type]
    with pytest.raises(BatchUsageError, match="JSONL output"):
        extract_distributed([corpus], resume=True, output=tmp_path / "x.csv")
    with pytest.raises(BatchUsageError, match="input not found"):
        extract_distributed([tmp_path / "missing"], output=tmp_path / "x.jsonl")
    assert not (tmp_path / "x.jsonl").exists()


def test_missing_dask_names_the_extra(monkeypatch, corpus, tmp_path):
    from claimx.distributed import extract_distributed

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(ImportError, match=r'pip install "claimx\[dask\]"'):
        extract_distributed([corpus], output=tmp_path / "x.jsonl")


def test_worker_without_shared_filesystem_fails_clearly(tmp_path):
    from claimx.distributed import _process_partition

    with pytest.raises(FileNotFoundError, match="read_on='client'"):
        _process_partition([("path", str(tmp_path / "gone.txt"))], PINNED_MODEL, REF, 1000, 16)


def test_worker_does_not_parse_finished_articles(tmp_path):
    from claimx.distributed import _process_partition
    from claimx.io import Article

    (tmp_path / "x.txt").write_bytes(b"\x00binary")
    units = [("article", Article("done1", "Sales rose 5%.", "in.jsonl", line=1)), ("path", str(tmp_path / "x.txt"))]
    records = _process_partition(units, "no-such-model", REF, 1000, 16, frozenset({"done1"}))
    assert records[0] == ("r", ("done1", "in.jsonl", 1, None))  # no model needed: nothing parsed
    assert records[1][0] == "s" and records[1][1].kind == "binary"


def test_custom_lexicon_reaches_the_workers(client, tmp_path):
    """--lexicon on a cluster: the workers use the folder's cues.json, as the local batch does."""
    from claimx.distributed import worker_load_count
    from claimx.lexicons import load_default
    from claimx.pipeline import Extractor
    from claimx.runner.custom_lexicon import pack_lexicon, pipeline_with_lexicon

    lex = tmp_path / "lex"
    load_default().to_dir(lex)
    data = json.loads((lex / "cues.json").read_text(encoding="utf-8"))
    data["change_verbs"]["increase"].append("rocketed")
    data["change_verbs"]["decrease"].append("slumped off")
    (lex / "cues.json").write_text(json.dumps(data), encoding="utf-8")
    (docs := tmp_path / "docs").mkdir()
    (docs / "a.txt").write_text("Bookings rocketed 9% in 2023.\n\nMargins slumped off 2.5% last year.\n", encoding="utf-8")
    (docs / "b.txt").write_text("Output rocketed by 1.2 million tonnes.\n", encoding="utf-8")
    summary = _dist(client, docs, tmp_path / "dask.jsonl", lexicon=lex)
    assert summary.exit_code == 0
    got = [json.loads(line) for line in (tmp_path / "dask.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(c["doc_id"], c["kind"], (c["change"] or {}).get("direction"), c["quantity"]["value"]) for c in got] == [
        ("a", "change", "increase", 9.0), ("a", "change", "decrease", 2.5), ("b", "change", "increase", 1.2e6)]
    local = Extractor(pipeline_with_lexicon(PINNED_MODEL, lex))
    run_batch([docs], output=tmp_path / "local.jsonl", reference_date=REF, extractor=local, quiet=True)
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    loads = client.run(worker_load_count, PINNED_MODEL, pack_lexicon(lex))
    assert set(loads.values()) == {1}
    with pytest.raises(BatchUsageError, match="lexicon folder not found"):
        _dist(client, docs, tmp_path / "never.jsonl", lexicon=tmp_path / "nowhere")
