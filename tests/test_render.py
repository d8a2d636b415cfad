"""The analyst's views without a browser: marks, pages, the terminal table, --help, the progress total."""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.render import eval_page, show_page
from claimx.render.fields import compact_value, time_str, value_str
from claimx.render.marks import Mark, render_marked
from tests.conftest import CASES, PINNED_MODEL, ROOT, SEED, SEED_GOLD, claims_of

runner = CliRunner()


class _Collect(HTMLParser):
    """Start tags with their attributes, and the text outside tags, of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.scripts += tag == "script"

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> _Collect:
    p = _Collect()
    p.feed(page)
    return p


def quantity_marks(doc: _Collect) -> list[dict]:
    return [a for t, a in doc.tags if t == "mark" and "cx-q" in a.get("class", "").split()]


@pytest.fixture(scope="module")
def seed_claims(golden_extraction):
    text = SEED.read_text(encoding="utf-8")
    return text, claims_of(golden_extraction, [SEED.stem])  # extractor.extract(text, doc_id=SEED.stem)


# ------------------------------------------------------------------ marks


def test_marks_nest_and_escape():
    text = "By 2030, A&B <Corp> will sell 5 GW."
    marks = [Mark("sent", 0, len(text), [], [], {"data-sent": "s"}), Mark("q", 30, 34, ["c1"]),
             Mark("ent", 9, 19, ["c1"]), Mark("time", 0, 7, ["c1"]), Mark("hedge", 20, 24, ["c1"])]
    html = str(render_marked(text, marks))
    assert html.startswith('<span class="cx-sent" data-sent="s"><span class="cx-time" data-claims="c1">By 2030</span>')
    assert '<span class="cx-ent" data-claims="c1">A&amp;B &lt;Corp&gt;</span>' in html
    assert '<mark class="cx-q" data-claims="c1">5 GW</mark>' in html
    assert re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") == text


def test_overlapping_quantities_merge_and_crossing_spans_never_split_a_quantity():
    text = "rose 10-20% in 2024"
    marks = [Mark("q", 5, 11, ["c1"]), Mark("q", 8, 11, ["c2"]), Mark("met", 0, 7, ["c1"])]
    html = str(render_marked(text, marks))
    assert html.count("<mark") == 1
    assert '<mark class="cx-q" data-claims="c1 c2">10-20%</mark>' in html
    # the metric crossed the quantity: widened to enclose it, not splitting the number
    assert '<span class="cx-met" data-claims="c1">rose <mark' in html


def test_crossing_non_quantity_spans_are_closed_and_reopened():
    html = str(render_marked("abcdef", [Mark("ent", 0, 4, ["c1"]), Mark("met", 2, 6, ["c1"])]))
    assert html == ('<span class="cx-ent" data-claims="c1">ab<span class="cx-met" data-claims="c1">cd</span></span>'
                    '<span class="cx-met cx-cont" data-claims="c1">ef</span>')


def test_display_values():
    claim = {"quantity": {"value": 757580000000.0, "unit": "USD", "comparator": "="},
             "timeframe": {"value": "2025", "relation": "by"}}
    assert value_str(claim) == "757,580,000,000" and compact_value(claim) == "757.58 bn"
    assert time_str(claim) == "by 2025"
    assert compact_value({"quantity": {"value": 100000.0, "comparator": ">"}}) == "> 100 k"
    assert value_str({"quantity": {"value": None, "lower": 3.0, "upper": 5.0}}) == "3 – 5"
    assert time_str({"timeframe": {"value": "2025-06-30", "relation": "as_of"}}) == "as of 2025-06-30"


# ------------------------------------------------------------------ show page


def test_seed_page_marks_every_claim_once(seed_claims):
    text, claims = seed_claims
    doc = parse(show_page([(SEED.stem, text, claims)]))
    ids = [i for a in quantity_marks(doc) for i in a["data-claims"].split()]
    rows = [a["data-claim"] for t, a in doc.tags if t == "tr" and "data-claim" in a]
    assert len(claims) >= 16
    assert sorted(ids) == sorted(rows) and len(ids) == len(set(ids)) == len(claims)
    tips = {a["data-claims"]: a["data-tip"] for a in quantity_marks(doc)}
    big = next(i for i, c in zip(rows, claims) if c["quantity"]["text"] == "$757.58 billion")
    assert tips[big].startswith("757,580,000,000 USD") and "time: by 2025" in tips[big]
    assert "modality: forecast (is expected to)" in tips[big] or "modality: forecast (expected to)" in tips[big]
    sentences = {a["data-sent"] for t, a in doc.tags if "cx-sent" in a.get("class", "")}
    assert {a["data-sent"] for t, a in doc.tags if t == "tr" and "data-sent" in a} <= sentences


def test_page_is_self_contained_and_its_script_is_the_only_one_allowed(seed_claims):
    text, claims = seed_claims
    page = show_page([(SEED.stem, text, claims)])
    doc = parse(page)
    assert doc.scripts == 1
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert not re.search(r"@import|url\(", page)
    csp = next(a["content"] for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    script = page[page.rindex("<script>") + len("<script>"):page.rindex("</script>")]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_article_markup_is_shown_as_text(extractor):
    text = 'Intro <script>window.cxPwned=1</script> <img src=x onerror="window.cxPwned=2"> Sales rose 5% in 2024.'
    claims = [c.model_dump(mode="json") for c in extractor.extract(text, doc_id="x")]
    doc = parse(show_page([("x<b>", text, claims)]))
    assert doc.scripts == 1  # only the page's own
    assert not any(t in ("img", "b") for t, _ in doc.tags)
    shown = "".join(doc.text)
    assert "<script>window.cxPwned=1</script>" in shown and 'onerror="window.cxPwned=2"' in shown
    assert "x<b>" in shown


# ------------------------------------------------------------------ eval page


def test_eval_page_rows_match_the_scores(seed_claims):
    from claimx.evaluate import load_claims, score

    text, pred = seed_claims
    gold = load_claims(SEED_GOLD)
    pred = pred[:-2] + [dict(pred[-1], metric={"text": "a wrong metric", "start_char": 0, "end_char": 3})]
    report = score(gold, pred)
    doc = parse(eval_page({SEED.stem: text}, gold, pred, reports={"all": report}))
    rows = [a for t, a in doc.tags if t == "tr" and "data-claim" in a]
    status = [r["class"] for r in rows]
    assert status.count("cx-miss") == report.fn >= 1
    assert status.count("cx-fp") == report.fp
    assert status.count("cx-wrong") == len(report.slot_errors) >= 1
    assert status.count("cx-ok") == report.strict_tp
    assert len(quantity_marks(doc)) == len(rows)
    assert sum(1 for t, a in doc.tags if t == "td" and a.get("class") == "cx-bad") >= 1


# ------------------------------------------------------------------ command line


def test_extract_format_table(tmp_path):
    res = runner.invoke(app, ["extract", str(SEED), "--format", "table", "--model", PINNED_MODEL, "--quiet"],
                        env={"COLUMNS": "120"})
    assert res.exit_code == 0, res.output
    assert '{"doc_id"' not in res.stdout
    assert "757.58 bn USD" in res.stdout and "by 2025" in res.stdout and "forecast" in res.stdout
    assert re.search(r"16 claims in 1 article \(12 asserted, 4 forecast\), 0 skipped", res.stdout)
    res = runner.invoke(app, ["extract", str(SEED), "--format", "table", "-o", str(tmp_path / "x.jsonl")])
    assert res.exit_code == 2 and "table" in res.stderr


def _run_in_pty(args: list[str]) -> tuple[int, str]:
    """Run ``python -m claimx.cli ARGS`` with stdout and stderr on a pseudo-terminal."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))  # 40 rows, 100 columns
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["CLAIMX_MODEL"] = PINNED_MODEL
    proc = subprocess.Popen([sys.executable, "-m", "claimx.cli", *args], stdout=follower, stderr=follower,
                            stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_a_table_and_a_pipe_gets_jsonl():
    code, out = _run_in_pty(["extract", "seeds/"])
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out)
    assert code == 0
    assert '"doc_id"' not in plain
    assert re.search(r"claimx:\s+0%\|.*\| 0/1 \[", plain), "the bar knows the total"
    # what stays on screen: per line, the text after the last carriage return
    visible = [line.rstrip("\r").rsplit("\r", 1)[-1] for line in plain.split("\n")]
    assert not any("claimx:" in line for line in visible), "the bar is cleared, never left on an output line"
    assert any("quantity" in line and "metric" in line for line in visible)
    assert any("$757.58 bil" in line and "757.58 bn USD" in line and "by 2025" in line for line in visible)
    assert any(re.match(r"16 claims in 1 article .*skipped", line) for line in visible)
    piped = subprocess.run([sys.executable, "-m", "claimx.cli", "extract", "seeds/", "--model", PINNED_MODEL],
                           capture_output=True, text=True, cwd=ROOT, timeout=300)
    first = piped.stdout.splitlines()[0]
    assert json.loads(first)["doc_id"] == SEED.stem
    assert len(piped.stdout.splitlines()) == 16
    # stderr is a pipe: no bar, only the summary line
    assert "\r" not in piped.stderr and "%|" not in piped.stderr
    assert piped.stderr.startswith("claimx: 1 articles extracted, 0 skipped, 16 claims written")


def test_help_shows_flags_extras_formats_and_exit_codes():
    res = runner.invoke(app, ["extract", "--help"], terminal_width=200)
    assert res.exit_code == 0
    out = res.stdout
    assert "<bool>" not in out and re.search(r"-q, --quiet\s+No progress bar", out)
    assert 'claimx[dask]' in out
    assert "jsonl, csv, parquet or table" in out
    assert "Exit codes:" in out and "130" in out and "usage error" in out


def test_show_and_eval_html_commands(tmp_path):
    page = tmp_path / "cases.html"
    res = runner.invoke(app, ["show", str(CASES), "-o", str(page), "--model", PINNED_MODEL])
    assert res.exit_code == 0, res.output
    doc = parse(page.read_text(encoding="utf-8"))
    n_cases = sum(1 for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip())
    assert sum(1 for t, a in doc.tags if t == "section") == n_cases
    pred = tmp_path / "pred.jsonl"
    assert runner.invoke(app, ["cases", str(CASES), "-o", str(pred), "--model", PINNED_MODEL]).exit_code == 0
    report = tmp_path / "report.html"
    res = runner.invoke(app, ["eval", str(CASES), str(pred), "--html", str(report), "--json"])
    assert res.exit_code == 0, res.output
    figures = json.loads(res.stdout)
    doc = parse(report.read_text(encoding="utf-8"))
    status = [a["class"] for t, a in doc.tags if t == "tr" and "data-claim" in a]
    assert status.count("cx-miss") == figures["fn"] and status.count("cx-fp") == figures["fp"]
    # gold files without article text: the page needs --articles
    res = runner.invoke(app, ["eval", str(SEED_GOLD), str(pred), "--html", str(tmp_path / "r2.html")])
    assert res.exit_code == 2 and "--articles" in res.stderr


def test_show_reports_skipped_inputs_and_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text("Sales rose 5% in 2024.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "p.html"
    res = runner.invoke(app, ["show", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out),
                              "--model", PINNED_MODEL])
    assert res.exit_code == 1 and "b.txt" in res.stderr and out.exists()
    res = runner.invoke(app, ["show", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert res.exit_code == 2 and "nope.txt" in res.stderr


# ------------------------------------------------------------------ progress


def test_progress_total_counts_files_and_jsonl_lines(tmp_path):
    from claimx.progress import count_inputs, progress_wanted

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n{"id": 3, "text": "c"}',
                                      encoding="utf-8")
    assert count_inputs([tmp_path]) == 5
    assert count_inputs([tmp_path], pattern="*.txt") == 1
    assert count_inputs([tmp_path / "a.txt", "-"]) is None

    class Tty:
        def __init__(self, tty):
            self.tty = tty

        def isatty(self):
            return self.tty

    assert progress_wanted(quiet=False, to_stdout=False, stream=Tty(True), stdout=Tty(True))
    assert not progress_wanted(quiet=False, to_stdout=True, stream=Tty(True), stdout=Tty(True))
    assert progress_wanted(quiet=False, to_stdout=True, stream=Tty(True), stdout=Tty(False))
    assert not progress_wanted(quiet=False, to_stdout=False, stream=Tty(False), stdout=Tty(False))
    assert not progress_wanted(quiet=True, to_stdout=False, stream=Tty(True), stdout=Tty(False))


def test_html_skip_reason_names_the_missing_package(tmp_path, monkeypatch):
    """trafilatura installed but lxml.html.clean missing (what an old pip leaves): the reason says so."""
    import claimx.io.readers as cio

    fake = tmp_path / "fake" / "trafilatura"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "raise ImportError('lxml.html.clean module is now a separate project lxml_html_clean.')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "fake"))
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    cio._html_unavailable_reason.cache_clear()
    monkeypatch.setattr(cio, "_trafilatura", lambda: None)
    (tmp_path / "p.html").write_text("<html><body><p>Sales rose 5%.</p></body></html>", encoding="utf-8")
    try:
        (skip,) = cio.iter_articles(tmp_path / "p.html")
    finally:
        cio._html_unavailable_reason.cache_clear()
    assert skip.kind == "html_unavailable" and "pip install lxml_html_clean" in skip.reason


def test_show_reads_every_input_format_one_section_per_article(tmp_path):
    (tmp_path / "a.txt").write_text("Solar capacity in Chile reached 12 GW in 2024.", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nid: bee\ndate: 2025-03-01\n---\n# Ports\n\nThroughput at Rotterdam fell 4% last year.\n",
                                   encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>t</title></head><body><article><p>Revenue at Nordwind AG rose 7% in 2023, the company "
        "said in its annual report, which was published in March.</p><p>Its workforce grew to 1,200 people by the end "
        "of the year, up from 950 a year earlier.</p></article></body></html>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "d1", "text": "Exports grew 3% in 2022."}) + "\n"
        + json.dumps({"id": "d2", "text": "Imports fell to $2 billion in 2021."}) + "\n", encoding="utf-8")
    out = tmp_path / "page.html"
    res = runner.invoke(app, ["show", str(tmp_path), "-o", str(out), "--model", PINNED_MODEL])
    assert res.exit_code == 0, res.output
    doc = parse(out.read_text(encoding="utf-8"))
    sections = [a["data-doc"] for t, a in doc.tags if t == "section"]
    assert sections == ["a", "bee", "c", "d1", "d2"]
    text = "".join(doc.text)
    for q in ("12 GW", "4%", "7%", "3%", "$2 billion"):
        assert q in text
    tips = {a["data-tip"].splitlines()[0]: a["data-tip"] for a in quantity_marks(doc)}
    assert "time: in 2024" in tips["12 GW"]
    assert "time: in 2024" in tips["4 %"]  # "last year" resolved with the front matter's date
    assert "time: in 2021" in tips["2,000,000,000 USD"]


def test_show_and_eval_html_on_the_development_corpus(tmp_path):
    dev = ROOT / "corpus" / "dev"
    split = json.loads((dev / "split.json").read_text(encoding="utf-8"))
    docs = sorted((dev / "docs").glob("*.txt"))
    page = tmp_path / "dev.html"
    res = runner.invoke(app, ["show", *map(str, docs), "-o", str(page), "--model", PINNED_MODEL])
    assert res.exit_code == 0, res.output
    doc = parse(page.read_text(encoding="utf-8"))
    assert [a["data-doc"] for t, a in doc.tags if t == "section"] == [p.stem for p in docs]
    rows = sum(1 for t, a in doc.tags if t == "tr" and "data-claim" in a)
    assert len({i for a in quantity_marks(doc) for i in a["data-claims"].split()}) == rows > 300
    report = tmp_path / "dev-eval.html"
    res = runner.invoke(app, ["eval", str(dev), "--html", str(report), "--model", PINNED_MODEL])
    assert res.exit_code == 0, res.output
    html = report.read_text(encoding="utf-8")
    doc = parse(html)
    # per-claim listing for the tune part only; the check part appears as figures
    assert sorted(a["data-doc"] for t, a in doc.tags if t == "section") == sorted(split["tune"])
    assert re.search(r"<tr><td[^>]*>check</td><td[^>]*>8</td>", html)
