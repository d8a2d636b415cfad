"""Reading the JSON files of ``claimx/resources`` (or of a custom lexicon folder): the one place
that opens them. No validation here: that is :mod:`claimx.lexicons.schemas` and each reader's own."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Optional, Union

__all__ = ["resource_names", "read_text", "read_json", "load"]

PathLike = Union[str, Path]


def resource_names() -> tuple[str, ...]:
    """The names of the packaged JSON files (``"cues.json"``, ``"units.json"``, ...), sorted."""
    folder = resources.files("claimx.resources")
    return tuple(sorted(p.name for p in folder.iterdir() if p.name.endswith(".json")))


def read_text(name: str, root: Optional[PathLike] = None) -> str:
    """The text of resource file ``name``: ``root/name`` when ``root`` is given and holds it, else
    the packaged ``claimx/resources/name``.

    :raises FileNotFoundError: no such packaged file.
    """
    if root is not None:
        custom = Path(root) / name
        if custom.is_file():
            return custom.read_text(encoding="utf-8")
    return resources.files("claimx.resources").joinpath(name).read_text(encoding="utf-8")


def read_json(name: str, root: Optional[PathLike] = None) -> Any:
    """The parsed JSON of resource file ``name`` (a fresh, mutable object; see :func:`read_text`).

    :raises ValueError: the file is not valid JSON (``json.JSONDecodeError``).
    """
    return json.loads(read_text(name, root))


def _freeze(obj: Any) -> Any:
    if isinstance(obj, dict):
        return MappingProxyType({k: _freeze(v) for k, v in obj.items()})
    if isinstance(obj, list):
        return tuple(_freeze(v) for v in obj)
    return obj


@lru_cache(maxsize=None)
def load(name: str, required: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """Return the read-only content of the packaged ``claimx/resources/<name>`` (loaded once).

    ``required`` lists top-level keys that must be present.
    Raises ``ValueError`` when the file is not a JSON object or a required key is missing.
    """
    data = read_json(name)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: top level must be a JSON object")
    missing = [k for k in required if k not in data]
    if missing:
        raise ValueError(f"{name}: missing keys {missing}")
    return _freeze(data)
