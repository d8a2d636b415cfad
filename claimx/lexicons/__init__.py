"""The lexicons: every word list and rule table of ``claimx/resources``, read in one place.

* :func:`load_default` -- the packaged lexicons, validated and compiled once per process;
* :func:`from_dir` -- a custom lexicon folder: each overridable file it holds (see
  :data:`OVERRIDABLE`) replaces the packaged one, the others come from the package;
* :meth:`Lexicons.to_dir` -- writes the lexicons in use (the claimx components save theirs with
  ``nlp.to_disk`` and restore them with ``spacy.load``);
* :func:`read_json` / :func:`load` -- the raw tables of the other resource files (units,
  currencies, number words, time words, the assembly's rule tables), which their own modules
  validate.

A :class:`Lexicons` is passed down to where it is used (the cue component, the claim assembly);
nothing here keeps a custom lexicon in a global.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from .compiled import CompiledCues
from .files import load, read_json, read_text, resource_names
from .schemas import CueLexicon, HedgeGroup, SyntaxLexicon, lower_words

__all__ = ["Lexicons", "load_default", "from_dir", "OVERRIDABLE", "CompiledCues", "CueLexicon", "HedgeGroup",
           "SyntaxLexicon", "lower_words", "load", "read_json", "read_text", "resource_names"]

PathLike = Union[str, Path]

#: The files a custom lexicon folder may replace: their readers take a :class:`Lexicons` (the cue
#: finder reads ``cues.json``; the claim assembly reads both).
OVERRIDABLE = ("cues.json", "syntax.json")


@dataclass(frozen=True)
class Lexicons:
    """The validated, compiled lexicons one pipeline uses.

    ``cues``: the cue lexicon with its regexes (:class:`CompiledCues`, from ``cues.json``);
    ``syntax``: the assembly's word classes (:class:`SyntaxLexicon`, from ``syntax.json``);
    ``root``: the custom folder they were read from, ``None`` for the packaged ones.
    """

    cues: CompiledCues
    syntax: SyntaxLexicon
    root: Optional[Path] = None

    def to_dir(self, path: PathLike) -> None:
        """Write ``cues.json`` and ``syntax.json`` of these lexicons into folder ``path`` (created)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name, model in (("cues.json", self.cues.lexicon), ("syntax.json", self.syntax)):
            data = model.model_dump(by_alias=True, mode="json")
            if name == "syntax.json":  # sets as sorted lists, so that the file is stable
                data = {k: sorted(v) if isinstance(v, list) else v for k, v in data.items()}
            (folder / name).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _build(root: Optional[Path]) -> Lexicons:
    cues = CompiledCues(CueLexicon.model_validate(read_json("cues.json", root)))
    syntax = SyntaxLexicon.model_validate(read_json("syntax.json", root))
    return Lexicons(cues=cues, syntax=syntax, root=root)


@lru_cache(maxsize=1)
def load_default() -> Lexicons:
    """The packaged lexicons (``claimx/resources``), read and compiled once per process.

    :raises pydantic.ValidationError: a packaged file does not match its schema.
    """
    return _build(None)


def from_dir(path: PathLike) -> Lexicons:
    """The lexicons of a custom folder: ``cues.json`` and ``syntax.json`` from ``path`` when it holds
    them, else the packaged ones.

    :raises FileNotFoundError: ``path`` is not a folder.
    :raises ValueError: the folder holds a resource file that cannot be replaced yet (e.g.
        ``units.json``: the grammar reads the packaged tables), rather than ignoring it silently.
    :raises pydantic.ValidationError: a file does not match its schema (the message names the key).
    """
    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"lexicon folder not found: {root}")
    fixed = sorted(n for n in resource_names() if n not in OVERRIDABLE and (root / n).exists())
    if fixed:
        raise ValueError(f"{root}: {', '.join(fixed)} cannot be replaced by a custom lexicon "
                         f"(only {', '.join(OVERRIDABLE)} can)")
    return _build(root)
