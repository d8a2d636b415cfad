"""A custom lexicon folder for a run (``claimx extract --lexicon DIR``), local or on Dask workers.

The folder is checked on the client with :func:`claimx.lexicons.from_dir` before any model loads.
A Dask worker may not see the client's files, so the run ships the folder's *contents*
(:func:`pack_lexicon`: file name -> text, a few kB); each worker process writes them once into a
temporary folder of its own (:func:`unpack_lexicon`) and loads its pipeline from there with
:func:`pipeline_with_lexicon`, exactly as the local run does with the original folder.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any, Mapping, Optional, Union

from claimx.lexicons import OVERRIDABLE, from_dir

from .options import BatchUsageError

__all__ = ["pack_lexicon", "lexicon_key", "unpack_lexicon", "pipeline_with_lexicon"]

PathLike = Union[str, Path]

_UNPACKED: dict[str, Path] = {}  # lexicon_key -> folder written in this process
_LOCK = threading.Lock()


def pack_lexicon(folder: PathLike) -> dict[str, str]:
    """The files of a custom lexicon folder that a pipeline reads, as ``{file name: text}``.

    The folder is validated first (:func:`claimx.lexicons.from_dir`), so a bad one fails here, on
    the client, before any worker or model is started.

    :raises BatchUsageError: (exit code 2) the folder does not exist, holds a file that cannot be
        replaced, or a file that does not match its schema; the message starts ``--lexicon DIR:``.
    """
    root = Path(folder)
    try:
        from_dir(root)  # a pydantic ValidationError is a ValueError
        return {name: (root / name).read_text(encoding="utf-8") for name in OVERRIDABLE if (root / name).is_file()}
    except (OSError, ValueError) as exc:
        raise BatchUsageError(f"--lexicon {folder}: {exc}") from None


def lexicon_key(files: Optional[Mapping[str, str]]) -> str:
    """A short name for packed lexicon contents (16 hex digits of their SHA-256; ``""`` for none)."""
    if not files:
        return ""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + files[name].encode("utf-8") + b"\0")
    return digest.hexdigest()[:16]


def unpack_lexicon(files: Mapping[str, str]) -> Path:
    """A folder holding ``files`` (from :func:`pack_lexicon`), written once per process and removed
    when the process exits; the same contents give the same folder.

    :raises ValueError: a file name is not one of :data:`claimx.lexicons.OVERRIDABLE`.
    :raises OSError: the temporary folder cannot be written.
    """
    bad = sorted(set(files) - set(OVERRIDABLE))
    if bad:
        raise ValueError(f"not lexicon files: {', '.join(bad)}")
    key = lexicon_key(files)
    with _LOCK:
        folder = _UNPACKED.get(key)
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix=f"claimx-lexicon-{key}-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
            _UNPACKED[key] = folder
    return folder


def pipeline_with_lexicon(model: Optional[str], folder: PathLike) -> Any:
    """The spaCy pipeline ``model`` (``None``: the default) with the claimx components reading the
    lexicons of ``folder`` (the cue finder and the claim assembly); returns a ``Language``.

    :raises claimx.pipeline.ModelNotFoundError: the model does not load.
    """
    from claimx.pipeline import add_claimx_components, load_model

    cfg = {"lexicon_dir": str(folder)}
    return add_claimx_components(load_model(model), config={"claimx_cues": cfg, "claimx_claims": cfg})
