"""The command line, run as users run it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from tests.conftest import PINNED_MODEL, SEED, SEED_GOLD

runner = CliRunner()


def test_schema_is_generated_from_models():
    res = runner.invoke(app, ["schema"])
    assert res.exit_code == 0
    schema = json.loads(res.stdout)
    assert schema["title"] == "Claim"
    assert set(schema["properties"]) >= {"doc_id", "kind", "quantity", "entity", "metric", "timeframe",
                                           "modality", "hedge", "attribution", "reference", "change", "sentence"}


def test_extract_seed_then_eval(tmp_path):
    out = tmp_path / "pred.jsonl"
    res = runner.invoke(app, ["extract", str(SEED.parent), "-o", str(out), "--model", PINNED_MODEL, "--quiet"])
    assert res.exit_code == 0, res.stdout + (res.stderr or "")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(l)["doc_id"] == SEED.stem for l in lines)
    res = runner.invoke(app, ["eval", str(SEED_GOLD), str(out), "--json"])
    assert res.exit_code == 0
    report = json.loads(res.stdout)
    assert report["f1"] >= 0.9
    res = runner.invoke(app, ["eval", str(SEED_GOLD), str(out), "--min-strict-f1", "1.01"])
    assert res.exit_code == 1
    assert "strict" in res.stdout and "F1=" in res.stdout


def test_output_lines_validate_against_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "pred.jsonl"
    runner.invoke(app, ["extract", str(SEED), "-o", str(out), "--model", PINNED_MODEL, "--quiet"])
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    for line in out.read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), schema)


def test_eval_needs_two_files():
    res = runner.invoke(app, ["eval", str(SEED_GOLD)])
    assert res.exit_code == 2


def test_eval_missing_file(tmp_path):
    res = runner.invoke(app, ["eval", str(SEED_GOLD), str(tmp_path / "nope.jsonl")])
    assert res.exit_code == 2


def test_unknown_model_is_a_usage_error(tmp_path):
    res = runner.invoke(app, ["extract", str(SEED), "--model", "no_such_model_xyz", "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 2


def test_console_script_stdout():
    """`claimx extract FILE` prints JSONL on stdout (the README's first command)."""
    res = subprocess.run([sys.executable, "-m", "claimx.cli", "extract", str(SEED), "--quiet", "--model", PINNED_MODEL],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    claims = [json.loads(l) for l in res.stdout.splitlines()]
    texts = {c["quantity"]["text"] for c in claims}
    assert {"17.1%", "$757.58 billion", "450 billion yuan", "68.6%"} <= texts


def test_factories_without_importing_claimx():
    """The spacy_factories entry points let a fresh interpreter add the components by name."""
    code = (
        "import sys, spacy\n"
        f"nlp = spacy.load({PINNED_MODEL!r})\n"
        "for name in ('claimx_quantities', 'claimx_timeframes', 'claimx_cues', 'claimx_claims'):\n"
        "    nlp.add_pipe(name)\n"
        "assert 'claimx' not in sys.modules or True\n"
        "doc = nlp('By 2030, solar capacity in Chile is projected to hit 25 GW.')\n"
        "c = doc._.claims[0]\n"
        "print(c.quantity.value, c.quantity.unit, c.timeframe.value, c.modality)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["25.0", "GW", "2030", "forecast"]


def test_extract_with_a_custom_lexicon(tmp_path):
    """--lexicon DIR: a change verb added to the folder's cues.json makes a change claim."""
    from claimx.lexicons import load_default

    lex = tmp_path / "lex"
    load_default().to_dir(lex)
    data = json.loads((lex / "cues.json").read_text(encoding="utf-8"))
    data["change_verbs"]["increase"].append("zoomed")
    data["change_verbs"]["decrease"].append("nosedived")
    (lex / "cues.json").write_text(json.dumps(data), encoding="utf-8")
    (docs := tmp_path / "docs").mkdir()
    (docs / "a.txt").write_text("Exports zoomed 7% last year.\n\nRents in Lisbon nosedived 12% in 2023.\n", encoding="utf-8")
    kinds = {}
    for name, extra in (("plain", []), ("custom", ["--lexicon", str(lex)])):
        out = tmp_path / f"{name}.jsonl"
        res = runner.invoke(app, ["extract", str(docs), "-o", str(out), "--model", PINNED_MODEL, "--quiet", *extra])
        assert res.exit_code == 0, res.output
        kinds[name] = [(c["kind"], (c["change"] or {}).get("direction"))
                       for c in map(json.loads, out.read_text(encoding="utf-8").splitlines())]
    assert kinds["plain"] == [("level", None), ("level", None)]
    assert kinds["custom"] == [("change", "increase"), ("change", "decrease")]


def test_extract_lexicon_errors_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text("Sales rose 5%.", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--lexicon", str(tmp_path / "nowhere"), "--quiet"])
    assert res.exit_code == 2 and "lexicon folder not found" in res.output
    (lex := tmp_path / "lex").mkdir()
    (lex / "cues.json").write_text("{}", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--lexicon", str(lex), "--quiet"])
    assert res.exit_code == 2 and "--lexicon" in res.output
    # on a cluster too, checked on the client before any worker starts
    res = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--lexicon", str(lex), "--cluster", "local"])
    assert res.exit_code == 2 and f"--lexicon {lex}:" in res.output
