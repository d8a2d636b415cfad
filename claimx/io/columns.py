"""The one flat column schema of claims: the CSV header, the Parquet schema and the DataFrame columns.

The columns are derived from :class:`claimx.models.Claim`, in field order, nested objects flattened
with dots as in the JSON (``quantity.value``, ``entity.start_char``, ``timeframe.relation``,
``change.direction``), so every field of a claim has a column and none can be forgotten when the
model changes. :mod:`claimx.io.writers` writes them to CSV and Parquet and :func:`claimx.to_dataframe`
returns them as a DataFrame.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any, Mapping, Union

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from claimx.models import Claim

__all__ = ["Column", "COLUMNS", "flat_columns", "flatten_claim"]


@dataclass(frozen=True)
class Column:
    """One flat column.

    ``name``: the dotted path (``"quantity.start_char"``); ``path``: its parts; ``kind``: ``"str"``,
    ``"int"``, ``"float"`` or ``"bool"``; ``nullable``: the value may be missing (an optional field,
    or a field of an optional object such as ``entity.inferred``); ``default``: the model's default,
    used when an object is there but the key is not (``"="`` for ``quantity.comparator``).
    """

    name: str
    path: tuple[str, ...]
    kind: str
    nullable: bool
    default: Any


def _kind(tp: Any) -> str:
    if tp is bool:
        return "bool"
    if tp is int:
        return "int"
    if tp is float:
        return "float"
    return "str"


def _model_columns(model: type[BaseModel], prefix: tuple[str, ...] = (), optional: bool = False) -> list[Column]:
    cols: list[Column] = []
    for name, field in model.model_fields.items():
        ann = field.annotation
        args = typing.get_args(ann)
        is_optional = type(None) in args
        inner = next((a for a in args if a is not type(None)), ann) if is_optional else ann
        path = prefix + (name,)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            cols.extend(_model_columns(inner, path, optional or is_optional))
            continue
        default = None if field.default is PydanticUndefined else field.default
        cols.append(Column(".".join(path), path, _kind(inner), optional or is_optional, default))
    return cols


#: Every column, in order.
COLUMNS: tuple[Column, ...] = tuple(_model_columns(Claim))


def flat_columns() -> list[str]:
    """The column names, in order: the CSV header, the Parquet field names, the DataFrame columns."""
    return [c.name for c in COLUMNS]


def _fields(obj: Any, where: str) -> Mapping[str, Any] | None:
    if obj is None or isinstance(obj, Mapping):
        return obj
    if isinstance(obj, BaseModel):  # a Claim or one of its parts: its field values, without a dump
        return obj.__dict__
    raise TypeError(f"field {where!r} must be an object or null, got {type(obj).__name__}")


def flatten_claim(claim: Union[Claim, Mapping[str, Any]]) -> dict[str, Any]:
    """One claim as ``{column: value}`` over :data:`COLUMNS`.

    :param claim: a :class:`Claim`, or a claim dict in the JSON format of docs/GOLD.md (a
        ``Claim.model_dump(mode="json")`` or a gold line; keys that are not fields are ignored).
    :returns: every column; a missing object gives ``None`` in all its columns, a missing key of a
        present object its model default (``kind`` ``"level"``, ``quantity.comparator`` ``"="``,
        ``timeframe.relation`` ``"in"``, ``confidence`` 1.0), values are not converted.
    :raises TypeError: when the claim or a nested field (``quantity``, ``entity``...) is neither an
        object nor null.
    """
    top = _fields(claim, "claim")
    if top is None:
        raise TypeError("a claim must be an object, got None")
    out: dict[str, Any] = {}
    for col in COLUMNS:
        cur: Mapping[str, Any] | None = top
        for i, part in enumerate(col.path[:-1]):
            cur = _fields(cur.get(part), ".".join(col.path[: i + 1]))
            if cur is None:
                break
        out[col.name] = None if cur is None else cur.get(col.path[-1], col.default)
    return out
