"""Readers and writers of claimx.io: decoding, skip reasons, front matter, JSONL, HTML, writers."""

from __future__ import annotations

import builtins
import csv
import json
import os
from datetime import date
from pathlib import Path

import pytest

from claimx import io as cio
from claimx.io import Article, SkippedArticle, decode_bytes, iter_articles, open_writer
from claimx.models import Claim, Quantity

LATIN1 = "Le café coûte 5 euros, soit 12% de plus qu'en 2023."
UTF16 = "Sales rose 7% in 2024 to 3 million units."
BOM8 = "Revenue reached $4.2 billion, up 9%."
GB = "中国人工智能核心产业规模超过7000亿元，同比增长12%。"
CRLF = "Line one has 3 apples.\r\nLine two has 4 pears.\r\n"
MD_BODY = "The plant produces 40 GW.\nCosts fell 3%.\n"
HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Grid report</title>
<meta name="date" content="2025-03-04"><script>var tracking = 12345;</script></head>
<body><nav><ul><li><a href="/">Home 99</a></li><li><a href="/news">News 77</a></li></ul></nav>
<article><h1>Grid report</h1>
<p>The operator added 12 gigawatts of solar capacity in 2024, according to the national energy agency.</p>
<p>Storage capacity is expected to grow by 35% next year as new projects are connected to the grid.</p>
</article><footer>Copyright 2025 Example Corp. All rights reserved.</footer>
<script>console.log(4242);</script></body></html>"""
JSONL_LINES = [
    json.dumps({"id": "rec-1", "text": "Exports grew 4% in May.", "date": "2025-06-01", "title": "T1"}),
    '{"id": "rec-broken", "text": "unterminated',
    json.dumps({"id": 3, "text": "Imports fell 2%.", "url": "https://example.org/3"}),
]
BIG_CHARS = 4_900_000


def build_corpus(root: Path, *, big: bool = True) -> dict:
    """Write the mixed test corpus under ``root``; return expected good doc_ids and skip kinds.

    The "unreadable" file is a dangling symbolic link: tests run as root, for whom chmod 000
    does not prevent reading, while opening a dangling link fails with an OS error for anyone.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (root / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (root / "utf16.txt").write_bytes(UTF16.encode("utf-16"))
    (root / "bom.txt").write_bytes(BOM8.encode("utf-8-sig"))
    (root / "gb.txt").write_bytes(GB.encode("gb18030"))
    (root / "crlf.txt").write_bytes(CRLF.encode("utf-8"))
    (root / "page.html").write_text(HTML, encoding="utf-8")
    sub = root / "sub"
    sub.mkdir(exist_ok=True)
    (sub / "note.md").write_text(
        "---\nid: note-7\ntitle: A note\ndate: 2024-11-05\n---\n" + MD_BODY, encoding="utf-8"
    )
    (sub / "corpus.jsonl").write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    (sub / "scan.pdf").write_bytes(b"%PDF-1.4 fake")
    os.symlink(root / "does-not-exist.txt", root / "unreadable.txt")
    good = ["latin1", "utf16", "bom", "gb", "crlf", "page", "note-7", "rec-1", "3"]
    if big:
        sentence = "The regional market grew steadily while analysts watched closely. "
        text = (sentence * (BIG_CHARS // len(sentence)))[: BIG_CHARS - 40] + " It reached 77 units."
        (root / "big.txt").write_text(text, encoding="utf-8")
        good.append("big")
    skips = {"empty": 1, "binary": 1, "malformed_record": 1, "unsupported": 1, "unreadable": 1}
    return {"good": good, "skips": skips}


def _by_id(items):
    return {i.doc_id: i for i in items}


def test_corpus_reads_every_article_with_exact_text(tmp_path):
    build_corpus(tmp_path / "c")
    items = list(iter_articles(tmp_path / "c"))
    arts = _by_id(i for i in items if isinstance(i, Article))
    assert arts["latin1"].text == LATIN1 and arts["latin1"].encoding == "cp1252"
    assert arts["utf16"].text == UTF16 and arts["utf16"].encoding == "utf-16"
    assert arts["bom"].text == BOM8 and arts["bom"].encoding == "utf-8-sig"
    assert arts["gb"].text == GB and arts["gb"].encoding == "gb18030"
    assert arts["crlf"].text == CRLF  # newlines untouched
    note = arts["note-7"]
    assert note.text == MD_BODY and note.date == date(2024, 11, 5) and note.title == "A note"
    assert note.offset == len("---\nid: note-7\ntitle: A note\ndate: 2024-11-05\n---\n")
    assert arts["rec-1"].date == date(2025, 6, 1) and arts["rec-1"].line == 1 and arts["rec-1"].title == "T1"
    assert arts["3"].url == "https://example.org/3" and arts["3"].line == 3
    assert len(arts["big"].text) == 4_900_000 - 40 + len(" It reached 77 units.")
    skips = [i for i in items if isinstance(i, SkippedArticle)]
    assert sorted(s.kind for s in skips) == ["binary", "empty", "malformed_record", "unreadable", "unsupported"]
    bad_line = next(s for s in skips if s.kind == "malformed_record")
    assert bad_line.line == 2 and bad_line.reason.startswith("line 2: invalid JSON")
    assert next(s for s in skips if s.kind == "unreadable").reason.startswith("unreadable: [Errno 2]")


def test_order_is_sorted_and_deterministic(tmp_path):
    build_corpus(tmp_path / "c", big=False)
    paths = [i.path for i in iter_articles(tmp_path / "c")]
    assert paths == [i.path for i in iter_articles(tmp_path / "c")]
    names = [Path(p).relative_to(tmp_path / "c").as_posix() for p in dict.fromkeys(paths)]
    assert names == [
        "binary.txt", "bom.txt", "crlf.txt", "empty.txt", "gb.txt", "latin1.txt", "page.html",
        "sub/corpus.jsonl", "sub/note.md", "sub/scan.pdf", "unreadable.txt", "utf16.txt",
    ]


def test_html_main_text_without_navigation_or_scripts(tmp_path):
    (tmp_path / "p.html").write_text(HTML, encoding="utf-8")
    (art,) = iter_articles(tmp_path / "p.html")
    assert isinstance(art, Article) and art.source_format == "html"
    assert "12 gigawatts of solar capacity" in art.text and "expected to grow by 35%" in art.text
    for junk in ("tracking", "12345", "4242", "Home 99", "News 77", "All rights reserved"):
        assert junk not in art.text
    assert art.title == "Grid report" and art.date == date(2025, 3, 4) and art.offset is None


def test_html_without_trafilatura_is_skipped_with_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(cio.readers, "_trafilatura", lambda: None)
    (tmp_path / "p.html").write_text(HTML, encoding="utf-8")
    (skip,) = iter_articles(tmp_path / "p.html")
    assert skip.kind == "html_unavailable" and "claimx[html]" in skip.reason


def test_permission_denied_is_skipped_with_os_error(tmp_path, monkeypatch):
    # Tests run as root (chmod 000 does not stop root), so simulate EACCES at open().
    target = tmp_path / "secret.txt"
    target.write_text("Revenue rose 5%.", encoding="utf-8")
    real_open = builtins.open

    def fake_open(file, *a, **k):
        if str(file) == str(target):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr(builtins, "open", fake_open)
    (skip,) = iter_articles(tmp_path)
    assert skip.kind == "unreadable" and skip.reason == f"unreadable: [Errno 13] Permission denied: '{target}'"


def test_max_chars_and_missing_path(tmp_path):
    (tmp_path / "a.txt").write_text("x" * 101, encoding="utf-8")
    (tmp_path / "b.txt").write_text("x" * 100, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"y" * 1000)  # too large by byte size alone, never decoded
    out = list(iter_articles([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", tmp_path / "nope.txt"],
                             max_chars=100))
    assert [(type(o).__name__, getattr(o, "kind", None)) for o in out] == [
        ("SkippedArticle", "too_large"), ("Article", None), ("SkippedArticle", "too_large"),
        ("SkippedArticle", "not_found"),
    ]
    assert out[0].reason == "too large: 101 characters > max_chars=100"
    assert out[2].reason == "too large: 1000 bytes > max_chars=100"


def test_pattern_and_hidden_files(tmp_path):
    (tmp_path / "a.txt").write_text("one 1", encoding="utf-8")
    (tmp_path / "b.md").write_text("two 2", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("three 3", encoding="utf-8")
    assert [a.doc_id for a in iter_articles(tmp_path, pattern="*.txt")] == ["a"]
    assert [a.doc_id for a in iter_articles(tmp_path)] == ["a", "b"]


def test_front_matter_errors_and_body_only(tmp_path):
    (tmp_path / "bad.md").write_text("---\ndate: [unclosed\n---\nBody 5%\n", encoding="utf-8")
    (tmp_path / "plain.md").write_text("No front matter, 5%.\n---\nrule\n", encoding="utf-8")
    bad, plain = iter_articles(tmp_path)
    assert bad.kind == "bad_front_matter" and bad.reason.startswith("malformed front matter")
    assert plain.text == "No front matter, 5%.\n---\nrule\n" and plain.offset == 0


@pytest.mark.parametrize(
    "text,enc",
    [
        ("Größe der Bevölkerung: 83 Millionen, über 5% mehr – “gut”.", "cp1252"),
        ("Москва: население 13 миллионов человек, рост 2% за год.", "cp1251"),
        ("人工智能产业规模超过7000亿元，同比增长12%。", "gb18030"),
        ("naïve café", "utf-16-le"),
    ],
)
def test_decode_bytes(text, enc):
    data = text.encode(enc)
    if enc == "utf-16-le":  # no BOM: NUL bytes make it binary by policy
        with pytest.raises(cio.DecodeError, match="NUL"):
            decode_bytes(data)
        assert decode_bytes(b"\xff\xfe" + data) == (text, "utf-16")
        return
    decoded, used = decode_bytes(data)
    assert decoded == text
    assert used == enc


def test_random_bytes_are_binary():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(cio.DecodeError):
        decode_bytes(data)


def _claim(doc_id: str, value: float) -> str:
    return Claim(doc_id=doc_id, quantity=Quantity(text=f"{value:g}%", start_char=0, end_char=3, value=value, unit="%")
                 ).model_dump_json()


def test_csv_and_parquet_writers_flatten_and_rename_atomically(tmp_path):
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    for name in ("out.csv", "out.parquet"):
        w = open_writer(tmp_path / name)
        w.write_article([_claim("a", 5.0), _claim("a", 7.5)])
        assert not (tmp_path / name).exists()  # only the temp file exists while writing
        w.write_article([_claim("b", 1.0)])
        w.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.parquet"]
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["doc_id"], r["quantity.value"], r["quantity.unit"]) for r in rows] == [
        ("a", "5.0", "%"), ("a", "7.5", "%"), ("b", "1.0", "%")]
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column("quantity.value").to_pylist() == [5.0, 7.5, 1.0]
    assert table.column("doc_id").to_pylist() == ["a", "a", "b"]
    assert table.schema.field("quantity.start_char").type == "int64"
    assert table.column_names == cio.flat_columns()


def test_format_resolution_and_errors(tmp_path):
    assert cio.resolve_format(None, tmp_path / "x.csv") == "csv"
    assert cio.resolve_format(None, tmp_path / "x.out") == "jsonl"
    assert cio.resolve_format("PARQUET", tmp_path / "x.jsonl") == "parquet"
    with pytest.raises(ValueError, match="unknown output format"):
        cio.resolve_format("xml", None)
    with pytest.raises(ValueError, match="standard output"):
        cio.resolve_format("parquet", None)


def test_save_text_file_names_are_safe(tmp_path):
    art = Article(doc_id="a/b:c", text="x\r\ny", path="-")
    p = cio.write_text(tmp_path, art)
    assert p.parent == tmp_path and p.name == "a%2Fb%3Ac.txt"
    assert p.read_bytes() == b"x\r\ny"
