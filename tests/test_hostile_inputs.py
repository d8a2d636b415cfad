"""Issue 12, defects 3-7 and 9: hostile inputs and outputs are refused or read safely, and nothing
is lost. Fast tests run the batch with the stand-in extractor of test_batch; the CLI tests run the
real command in a subprocess (exit codes, one-line errors, checks before the model loads).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from claimx.batch import BatchUsageError, run_batch
from claimx.io import decode_bytes, iter_articles, text_filename
from tests.test_batch import FakeExtractor

ROOT = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))


def cli(*args, timeout=120, **kw):
    return subprocess.run([sys.executable, "-m", "claimx.cli", "extract", *map(str, args)], capture_output=True,
                          text=True, env=ENV, timeout=timeout, **kw)


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def _docs(path: Path) -> list[str]:
    """doc_ids of an output, in order, once each."""
    return list(dict.fromkeys(c["doc_id"] for c in _lines(path)))


# -- defect 3: an output naming an input -------------------------------------------------------
@pytest.mark.parametrize("option", ["-o", "--errors"])
def test_output_or_errors_naming_an_input_is_refused_and_the_input_kept(tmp_path, option):
    art = tmp_path / "a.txt"
    art.write_text("Exports rose 5% in 2023.\n", encoding="utf-8")
    before = art.read_bytes()
    p = cli(art, option, art, "--model", "no-such-model", "-q")  # refused before the model loads
    assert p.returncode == 2
    assert p.stderr.strip().count("\n") == 0 and "is one of the inputs" in p.stderr
    assert art.read_bytes() == before


def test_output_inside_an_input_folder_that_is_an_article_is_refused(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "b.md").write_text("Costs fell 2%.\n", encoding="utf-8")
    with pytest.raises(BatchUsageError, match="one of the inputs"):
        run_batch(tmp_path / "c", output=tmp_path / "c" / "b.md", fmt="jsonl", extractor=FakeExtractor(), quiet=True)
    assert (tmp_path / "c" / "b.md").read_text() == "Costs fell 2%.\n"
    # an earlier claimx output inside the corpus folder is not an input: it may be replaced
    out = tmp_path / "c" / "claims.jsonl"
    run_batch(tmp_path / "c", output=out, extractor=FakeExtractor(), quiet=True)
    s = run_batch(tmp_path / "c", output=out, extractor=FakeExtractor(), quiet=True)
    assert s.exit_code == 0 and _docs(out) == ["b"]


def test_save_text_naming_an_input_folder_is_refused(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Jobs grew 3%.\n", encoding="utf-8")
    with pytest.raises(BatchUsageError, match="--save-text"):
        run_batch(tmp_path / "c" / "a.txt", output=tmp_path / "o.jsonl", save_text=tmp_path / "c",
                  extractor=FakeExtractor(), quiet=True)
    assert (tmp_path / "c" / "a.txt").read_text() == "Jobs grew 3%.\n"


# -- defect 4: symlink loops -------------------------------------------------------------------
def test_symlinks_to_the_folder_itself_are_walked_once(tmp_path):
    corpus = tmp_path / "c"
    (corpus / "sub").mkdir(parents=True)
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text(f"Output rose {len(name)}% in 2024.\n", encoding="utf-8")
    (corpus / "sub" / "z.txt").write_text("Prices fell 4%.\n", encoding="utf-8")
    os.symlink(".", corpus / "loop1")
    os.symlink(".", corpus / "loop2")
    os.symlink("..", corpus / "sub" / "up")
    errs = tmp_path / "e.jsonl"
    t0 = time.monotonic()
    s = run_batch(corpus, output=tmp_path / "o.jsonl", errors_path=errs, extractor=FakeExtractor(), quiet=True)
    assert time.monotonic() - t0 < 10
    assert _docs(tmp_path / "o.jsonl") == ["a", "b", "z"]
    assert dict(s.skipped) == {"symlinked_folder": 3} and len(_lines(errs)) == 3
    # asked to follow links: still every real folder once, no duplicate ids
    s = run_batch(corpus, output=tmp_path / "o2.jsonl", errors_path=errs, extractor=FakeExtractor(), quiet=True,
                  follow_links=True)
    assert _docs(tmp_path / "o2.jsonl") == ["a", "b", "z"]
    assert s.exit_code == 0 and not s.skipped


def test_a_linked_folder_outside_is_read_once_when_followed(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Rents rose 6%.\n", encoding="utf-8")
    corpus = tmp_path / "c"
    corpus.mkdir()
    os.symlink(other, corpus / "l1")
    os.symlink(other, corpus / "l2")
    got = [a.doc_id for a in iter_articles([corpus], follow_links=True)]
    assert got == ["x"]


# -- defect 5: non-UTF-8 file names, long doc_ids ---------------------------------------------
def test_non_utf8_file_name_is_escaped_in_every_output(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    raw = os.fsencode(str(corpus)) + b"/caf\xe9-report.txt"
    with open(raw, "wb") as fh:
        fh.write(b"Tariffs rose 8% in 2022.\n")
    with open(os.fsencode(str(corpus)) + b"/bad\xff.bin", "wb") as fh:
        fh.write(b"x")
    out, errs, texts = tmp_path / "o.jsonl", tmp_path / "e.jsonl", tmp_path / "t"
    s = run_batch(corpus, output=out, errors_path=errs, save_text=texts, extractor=FakeExtractor(), quiet=True)
    assert s.articles_done == 1 and dict(s.skipped) == {"unsupported": 1}
    assert {c["doc_id"] for c in _lines(out)} == {"caf\\xe9-report"}
    err = _lines(errs)[0]
    assert err["doc_id"] == "bad\\xff" and err["path"].endswith("bad\\xff.bin")
    saved = os.listdir(texts)
    assert saved == ["caf%5Cxe9-report.txt"]
    assert (texts / saved[0]).read_text(encoding="utf-8") == "Tariffs rose 8% in 2022.\n"


def test_doc_id_over_255_bytes_gets_a_safe_text_file_name(tmp_path):
    long_a, long_b = "é" * 200 + "-a", "é" * 200 + "-b"
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": "Wages rose 3%."}) + "\n" for i in (long_a, long_b)),
                   encoding="utf-8")
    s = run_batch(src, output=tmp_path / "o.jsonl", save_text=tmp_path / "t", extractor=FakeExtractor(), quiet=True)
    assert s.exit_code == 0 and s.articles_done == 2
    names = sorted(os.listdir(tmp_path / "t"))
    assert len(names) == 2 and all(len(n.encode()) <= 255 for n in names)
    assert {n for n in names} == {text_filename(long_a), text_filename(long_b)}


# -- defect 6: FIFOs and devices -----------------------------------------------------------------
def test_fifo_and_dev_zero_are_skipped_not_read(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Sales rose 2%.\n", encoding="utf-8")
    os.mkfifo(corpus / "pipe.txt")
    os.symlink("/dev/zero", corpus / "zero.txt")
    errs = tmp_path / "e.jsonl"
    result = {}
    th = threading.Thread(target=lambda: result.update(s=run_batch(
        corpus, output=tmp_path / "o.jsonl", errors_path=errs, extractor=FakeExtractor(), quiet=True)), daemon=True)
    th.start()
    th.join(30)
    if th.is_alive():  # unblock the reader before failing
        with open(corpus / "pipe.txt", "wb"):
            pass
        pytest.fail("the batch blocked on a FIFO")
    s = result["s"]
    assert dict(s.skipped) == {"not_regular": 2} and s.articles_done == 1
    reasons = {e["doc_id"]: e["reason"] for e in _lines(errs)}
    assert "FIFO" in reasons["pipe"] and "character device" in reasons["zero"]


def test_named_fifo_is_skipped_too(tmp_path):
    os.mkfifo(tmp_path / "p.txt")
    (skip,) = list(iter_articles([tmp_path / "p.txt"]))
    assert skip.kind == "not_regular"


# -- defect 7: output path errors ----------------------------------------------------------------
def test_output_folder_error_is_one_line_exit_2_before_the_model_loads(tmp_path):
    (tmp_path / "a.txt").write_text("Sales rose 2%.\n", encoding="utf-8")
    (tmp_path / "outdir").mkdir()
    p = cli(tmp_path / "a.txt", "-o", tmp_path / "outdir", "--model", "no-such-model")
    assert p.returncode == 2 and p.stderr.strip().splitlines() == [
        f"claimx: error: --output {tmp_path / 'outdir'} is a folder; give a file name"]
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if os.access(ro, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        p = cli(tmp_path / "a.txt", "-o", ro / "o.jsonl", "--model", "no-such-model")
        assert p.returncode == 2 and "permission denied" in p.stderr and len(p.stderr.strip().splitlines()) == 1
    finally:
        ro.chmod(0o700)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_device_is_one_line_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text("Sales rose 2% and costs fell 3%.\n", encoding="utf-8")
    p = cli(tmp_path / "a.txt", "-o", "/dev/full", "-q")
    assert p.returncode == 2
    assert p.stderr.strip().splitlines() == ["claimx: error: cannot write the output /dev/full: No space left on device"]


def test_broken_pipe_ends_quietly_with_141(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(200):
        (corpus / f"a{i:03d}.txt").write_text(f"Revenue rose {i}% and costs fell {i % 7}%.\n" * 20, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "claimx.cli", "extract", str(corpus), "-q"], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away, as `| head -1` does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 141 and err == b""


# -- defect 9: mixed encodings, file modes, deep HTML ---------------------------------------------
def test_mixed_utf8_and_cp1252_lines_are_decoded_per_line_with_a_note(tmp_path, capsys):
    data = "Café sales rose 5%.\n".encode("utf-8") + "Naïve forecasts saw 3% — or less.\n".encode("cp1252")
    text, enc = decode_bytes(data)
    assert text == "Café sales rose 5%.\nNaïve forecasts saw 3% — or less.\n" and enc == "utf-8+cp1252"
    text, enc = decode_bytes("Größe 4 m²\n".encode("utf-8") + "Gebühr 9 €\n".encode("cp1252"))
    assert text == "Größe 4 m²\nGebühr 9 €\n"
    assert decode_bytes("Only cp1252: naïve 3%\n".encode("cp1252"))[1] == "cp1252"  # not mixed
    (tmp_path / "m.txt").write_bytes(data)
    s = run_batch(tmp_path / "m.txt", output=tmp_path / "o.jsonl", extractor=FakeExtractor())
    assert s.notes["mixed_encoding"] == 1
    assert "mixed UTF-8 and Windows-1252" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_csv_and_parquet_get_the_mode_of_jsonl(tmp_path, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    (tmp_path / "a.txt").write_text("Sales rose 2%.\n", encoding="utf-8")
    run_batch(tmp_path / "a.txt", output=tmp_path / "o.jsonl", extractor=FakeExtractor(), quiet=True)
    run_batch(tmp_path / "a.txt", output=tmp_path / f"o{suffix}", extractor=FakeExtractor(), quiet=True)
    mode = stat.S_IMODE((tmp_path / f"o{suffix}").stat().st_mode)
    assert mode == stat.S_IMODE((tmp_path / "o.jsonl").stat().st_mode)
    assert mode & 0o044  # readable by others as with open(), not mkstemp's 0600 (umask allowing)


@pytest.mark.parametrize("depth", [300, 1000])
def test_deeply_nested_html_keeps_its_text(tmp_path, depth):
    pytest.importorskip("trafilatura")
    body = "<p>Exports rose 12% in 2023 to $4 billion, the ministry said in a statement on Monday.</p>"
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * depth + body + "</div>" * depth
                                        + "</body></html>", encoding="utf-8")
    (art,) = list(iter_articles([tmp_path / "deep.html"]))
    assert "Exports rose 12% in 2023 to $4 billion" in art.text
