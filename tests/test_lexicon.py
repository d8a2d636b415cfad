"""The cue and syntax lexicons are data, validated on load."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from claimx.cues import find_hedges
from claimx.lexicons import CueLexicon, SyntaxLexicon, load_default


def load_cues():
    return load_default().cues


def load_syntax():
    return load_default().syntax


def test_lexicons_load_once():
    assert load_cues() is load_cues()
    assert load_syntax() is load_syntax()


def test_unknown_keys_are_rejected():
    raw = load_syntax().model_dump(by_alias=True)
    raw["surprise"] = []
    with pytest.raises(ValidationError):
        SyntaxLexicon.model_validate(raw)
    cues = json.loads(json.dumps(load_cues().lexicon.model_dump(by_alias=True)))
    cues["hedges"][0]["modality"] = "certain"
    with pytest.raises(ValidationError):
        CueLexicon.model_validate(cues)


def test_upper_case_words_are_rejected():
    raw = load_syntax().model_dump(by_alias=True)
    raw["pronouns"] = ["Its"]
    with pytest.raises(ValidationError, match="lower case"):
        SyntaxLexicon.model_validate(raw)


@pytest.mark.parametrize(
    "text, cue, modality, negated",
    [
        ("Output is expected to reach 5 GW.", "is expected to", "forecast", False),
        ("Output is not expected to reach 5 GW.", "not expected to", "forecast", True),
        ("Output isn't expected to reach 5 GW.", "isn't expected to", "forecast", True),
        ("The firm aims to hire 300 staff.", "aims to", "target", False),
        ("Costs may rise 4%.", "may", "possible", False),
        ("An estimated 4,000 homes flooded.", "An estimated", "estimate", False),
    ],
)
def test_hedge_cues(text, cue, modality, negated):
    (h,) = find_hedges(text)
    assert (h["text"], h["modality"], h["negated"]) == (cue, modality, negated)
    assert text[h["start_char"]:h["end_char"]] == cue
