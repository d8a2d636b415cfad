"""claimx.lexicons: one loader for the resource files, custom lexicon folders, and that a custom
lexicon is used by every component it applies to (the cue finder and the claim assembly)."""

from __future__ import annotations

import json

import pytest
import spacy
from pydantic import ValidationError

from claimx.lexicons import OVERRIDABLE, from_dir, load, load_default, read_json, resource_names

from .conftest import PINNED_MODEL

# Made-up change verbs that no packaged word list holds.
NEW_VERBS = {"increase": ["zoomed"], "decrease": ["nosedived"]}
ZOOMED = "Exports zoomed 7% last year."
NOSEDIVED = "Rents in Lisbon nosedived 12% in 2023."


def _custom_dir(tmp_path, *, cues=None, syntax=None):
    folder = tmp_path / "lex"
    load_default().to_dir(folder)
    if cues is not None:
        data = json.loads((folder / "cues.json").read_text(encoding="utf-8"))
        cues(data)
        (folder / "cues.json").write_text(json.dumps(data), encoding="utf-8")
    if syntax is not None:
        data = json.loads((folder / "syntax.json").read_text(encoding="utf-8"))
        syntax(data)
        (folder / "syntax.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def _add_verbs(data):
    for direction, words in NEW_VERBS.items():
        data["change_verbs"][direction] += words


def _pipeline(lexicon_dir=None):
    from claimx.pipeline import Extractor, add_claimx_components, load_model

    cfg = {"lexicon_dir": str(lexicon_dir) if lexicon_dir else None}
    nlp = add_claimx_components(load_model(PINNED_MODEL), config={"claimx_cues": cfg, "claimx_claims": cfg})
    return Extractor(nlp)


def test_default_is_loaded_once_and_matches_the_packaged_files():
    lex = load_default()
    assert lex is load_default() and lex.root is None
    assert "zoomed" not in lex.cues.change_verb_direction
    assert lex.cues.lexicon.source == read_json("cues.json")["_source"]
    assert sorted(lex.syntax.pronouns) == sorted(read_json("syntax.json")["pronouns"])
    assert {"cues.json", "syntax.json", "units.json", "time.json"} <= set(resource_names())
    assert load("units.json") is load("units.json")  # the grammar's frozen tables, read once


def test_to_dir_and_from_dir_round_trip(tmp_path):
    folder = _custom_dir(tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == sorted(OVERRIDABLE)
    back = from_dir(folder)
    assert back.root == folder
    assert back.cues.lexicon == load_default().cues.lexicon
    assert back.syntax == load_default().syntax


def test_from_dir_takes_missing_files_from_the_package(tmp_path):
    folder = _custom_dir(tmp_path, cues=_add_verbs)
    (folder / "syntax.json").unlink()
    lex = from_dir(folder)
    assert lex.cues.change_verb_direction["zoomed"] == "increase"
    assert lex.cues.change_verb_direction["nosedived"] == "decrease"
    assert lex.syntax == load_default().syntax


def test_from_dir_refuses_what_it_cannot_apply(tmp_path):
    folder = _custom_dir(tmp_path)
    (folder / "units.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="units.json cannot be replaced"):
        from_dir(folder)
    with pytest.raises(FileNotFoundError):
        from_dir(tmp_path / "nowhere")


def test_from_dir_validates(tmp_path):
    folder = _custom_dir(tmp_path, cues=lambda d: d.update(unknown_key=[]))
    with pytest.raises(ValidationError, match="unknown_key"):
        from_dir(folder)
    folder = _custom_dir(tmp_path, syntax=lambda d: d["pronouns"].append("They"))
    with pytest.raises(ValidationError, match="lower case"):
        from_dir(folder)


def test_a_custom_change_verb_reaches_the_claim_assembly(tmp_path):
    """The kind and direction of a change are the assembly's: it must use the custom cues.json too."""
    default = _pipeline()
    custom = _pipeline(_custom_dir(tmp_path, cues=_add_verbs))
    for text, direction in ((ZOOMED, "increase"), (NOSEDIVED, "decrease")):
        (before,) = default.extract(text)
        (after,) = custom.extract(text)
        assert before.kind == "level" and before.change is None
        assert after.kind == "change" and after.change.direction == direction
        assert after.quantity.value == before.quantity.value


def test_a_saved_pipeline_keeps_its_custom_lexicon(tmp_path):
    custom = _pipeline(_custom_dir(tmp_path, cues=_add_verbs))
    custom.nlp.to_disk(tmp_path / "pipe")
    assert "zoomed" in (tmp_path / "pipe" / "claimx_claims" / "cues.json").read_text(encoding="utf-8")
    nlp = spacy.load(tmp_path / "pipe")
    (claim,) = nlp(ZOOMED)._.claims
    assert claim.kind == "change" and claim.change.direction == "increase"


def test_a_custom_syntax_lexicon_reaches_the_assembly(tmp_path):
    # "size" is a measure head: the "of" phrase after it names the entity. Without it in a custom
    # syntax lexicon the rule chooser takes the whole subject phrase; that pick is read from the
    # recorded candidates (source "rule"), since the fitted weights may still prefer the "of" phrase
    from claimx.assembly import ranker

    text = "The market size of cloud gaming reached $5 billion in 2024."

    def entity_and_rule_pick(pipeline):
        ranker.RECORDER = []
        try:
            (claim,) = pipeline.extract(text)
            (decision,) = [d for d in ranker.RECORDER if d["slot"] == "entity"]
        finally:
            ranker.RECORDER = None
        return claim.entity.text, [m["text"] for m, f in decision["candidates"] if f.get("src=rule")]

    assert entity_and_rule_pick(_pipeline()) == ("cloud gaming", [])
    custom = _pipeline(_custom_dir(tmp_path, syntax=lambda d: d["measure_heads"].remove("size")))
    assert entity_and_rule_pick(custom)[1] == ["The market size of cloud gaming"]
