"""A custom lexicon folder for a run: checked on the client, shipped as contents, unpacked per process."""

from __future__ import annotations

import json
import shutil

import pytest

from claimx.lexicons import load_default
from claimx.runner.custom_lexicon import lexicon_key, pack_lexicon, unpack_lexicon
from claimx.runner.options import BatchUsageError

from .conftest import PINNED_MODEL


def _lexicon(folder, **verbs):
    load_default().to_dir(folder)
    data = json.loads((folder / "cues.json").read_text(encoding="utf-8"))
    for direction, words in verbs.items():
        data["change_verbs"][direction].extend(words)
    (folder / "cues.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_pack_reads_the_files_a_pipeline_uses_and_keys_them(tmp_path):
    lex = _lexicon(tmp_path / "lex", increase=["ballooned"])
    files = pack_lexicon(lex)
    assert sorted(files) == ["cues.json", "syntax.json"]
    assert "ballooned" in json.loads(files["cues.json"])["change_verbs"]["increase"]
    assert len(lexicon_key(files)) == 16 and lexicon_key(None) == ""
    assert lexicon_key(files) != lexicon_key(pack_lexicon(_lexicon(tmp_path / "other", increase=["mushroomed"])))


def test_unpack_writes_once_per_process_and_survives_the_original(tmp_path):
    lex = _lexicon(tmp_path / "lex", decrease=["cratered"])
    files = pack_lexicon(lex)
    shutil.rmtree(lex)
    folder = unpack_lexicon(files)
    assert unpack_lexicon(dict(files)) == folder
    assert (folder / "cues.json").read_text(encoding="utf-8") == files["cues.json"]
    with pytest.raises(ValueError, match="units.json"):
        unpack_lexicon({"units.json": "{}"})


def test_bad_folders_are_usage_errors(tmp_path):
    with pytest.raises(BatchUsageError, match="lexicon folder not found"):
        pack_lexicon(tmp_path / "nowhere")
    (bad := tmp_path / "bad").mkdir()
    (bad / "units.json").write_text("{}", encoding="utf-8")
    with pytest.raises(BatchUsageError, match=r"^--lexicon .*units.json cannot be replaced"):
        pack_lexicon(bad)


def test_a_worker_extractor_reads_the_shipped_contents(tmp_path):
    """What a Dask worker does with the packed lexicon, in this process: the folder it came from is gone."""
    from claimx.runner.dask_worker import _get_extractor, worker_load_count

    files = pack_lexicon(_lexicon(tmp_path / "lex", increase=["whooshed"], decrease=["plunged headlong"]))
    shutil.rmtree(tmp_path / "lex")
    extractor, _ = _get_extractor(PINNED_MODEL, files)
    claims = extractor.extract("Shipments whooshed 14% in 2024.", reference_date="2025-01-01")
    assert [(c.kind, c.change.direction if c.change else None, c.quantity.value) for c in claims] == [
        ("change", "increase", 14.0)]
    assert _get_extractor(PINNED_MODEL, dict(files))[0] is extractor
    plain, _ = _get_extractor(PINNED_MODEL)  # the packaged lexicon does not know the verb
    assert [c.kind for c in plain.extract("Shipments whooshed 14% in 2024.")] == ["level"]
    assert worker_load_count(PINNED_MODEL, files) == 1
