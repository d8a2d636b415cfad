"""Loading and validation of the JSON tables under ``claimx/resources`` (loaded once, read-only)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping


def _freeze(obj: Any) -> Any:
    if isinstance(obj, dict):
        return MappingProxyType({k: _freeze(v) for k, v in obj.items()})
    if isinstance(obj, list):
        return tuple(_freeze(v) for v in obj)
    return obj


@lru_cache(maxsize=None)
def load(name: str, required: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """Return the read-only content of ``claimx/resources/<name>``.

    ``required`` lists top-level keys that must be present.
    Raises ``ValueError`` when the file is not a JSON object or a required key is missing.
    """
    text = resources.files("claimx.resources").joinpath(name).read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: top level must be a JSON object")
    missing = [k for k in required if k not in data]
    if missing:
        raise ValueError(f"{name}: missing keys {missing}")
    return _freeze(data)
