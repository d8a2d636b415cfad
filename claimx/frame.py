"""Flatten claims into a :class:`pandas.DataFrame` for analysis (``claimx.to_dataframe``).

The columns are the flat schema of :mod:`claimx.io.columns`, the same as the CSV header and the
Parquet schema of ``claimx extract`` (dotted JSON paths: ``quantity.value``, ``entity.text``,
``timeframe.value``...). pandas is an optional dependency (extra ``dataframe``:
``pip install 'claimx[dataframe]'``); it is imported when :func:`to_dataframe` is called, so
``import claimx.frame`` works without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Union

from claimx.io.columns import COLUMNS as FLAT_COLUMNS
from claimx.io.columns import Column, flatten_claim
from claimx.models import Claim

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["COLUMNS", "to_dataframe"]


def _dtype(col: Column) -> str:
    if col.kind == "str":
        return "string"
    if col.kind == "int":
        return "Int64"
    if col.kind == "float":
        return "float64"
    return "boolean" if col.nullable else "bool"


#: Output columns, in order, with their pandas dtype: ``string`` is pandas' nullable string dtype
#: (missing = ``pd.NA``), ``Int64`` the nullable integer dtype, ``float64`` uses NaN for missing,
#: ``boolean`` is the nullable boolean (``entity.inferred``, NA without an entity), ``bool`` a
#: flag that is never missing (``negated``).
COLUMNS: tuple[tuple[str, str], ...] = tuple((c.name, _dtype(c)) for c in FLAT_COLUMNS)

_PANDAS_MISSING = (
    "claimx.to_dataframe needs pandas (>= 2.0), which is not installed. "
    "Install the optional extra: pip install 'claimx[dataframe]' (or: pip install pandas)."
)


def _require_pandas():
    try:
        import pandas as pd
    except ImportError as exc:  # pandas absent or broken
        raise ImportError(_PANDAS_MISSING) from exc
    return pd


def _float(val: Any, idx: int, name: str) -> float:
    if val is None:
        return float("nan")
    if isinstance(val, bool):
        raise ValueError(f"claim #{idx}: {name} must be a number, got a bool")
    try:
        return float(val)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"claim #{idx}: {name} must be a number, got {val!r}") from exc


def _int(val: Any, idx: int, name: str) -> Optional[int]:
    if val is None:
        return None
    if isinstance(val, bool) or not isinstance(val, int):
        raise ValueError(f"claim #{idx}: {name} must be an integer offset, got {val!r}")
    return val


def _bool(val: Any, idx: int, name: str) -> Optional[bool]:
    return None if val is None else bool(val)


def _str(val: Any, idx: int, name: str) -> Any:
    return val


_CONVERT = {"float": _float, "int": _int, "bool": _bool, "str": _str}


def to_dataframe(claims: Iterable[Union[Claim, Mapping[str, Any]]]) -> "pandas.DataFrame":
    """Flatten claims into a DataFrame, one row per claim, in input order.

    :param claims: :class:`claimx.models.Claim` objects and/or claim dicts in the JSON format of
        ``docs/GOLD.md`` (prediction lines, or gold lines: annotation-only keys such as
        ``gold_id``, ``optional``, ``note``, ``alt`` are ignored). Missing keys are read as their
        model defaults (``kind`` ``"level"``, ``quantity.comparator`` ``"="``, ``modality``
        ``"asserted"``, ``timeframe.relation`` ``"in"``, ``confidence`` 1.0).
    :returns: a :class:`pandas.DataFrame` with a ``RangeIndex`` and exactly the columns of
        :data:`COLUMNS`: every field of :class:`~claimx.models.Claim`, nested objects flattened
        with dots, in the model's order (the CSV and Parquet columns of ``claimx extract``,
        :func:`claimx.io.flat_columns`). A missing object (no entity, no timeframe) leaves all its
        columns missing. Dtypes (:data:`COLUMNS`):

        * ``string`` (pandas' nullable string, missing = ``pd.NA``): ``doc_id``, ``kind``,
          ``modality``, every ``*.text``, ``quantity.unit``, ``.comparator``, ``.base_unit``,
          ``timeframe.value`` (TIMEX3), ``timeframe.relation``, ``change.direction``,
          ``change.from_text``;
        * ``Int64`` (nullable integer): every ``*.start_char`` and ``*.end_char``;
        * ``float64`` (NaN when missing): ``quantity.value``, ``.lower``, ``.upper``,
          ``.base_value``, ``confidence``;
        * ``boolean`` (nullable): ``entity.inferred`` (NA without an entity); ``bool``: ``negated``.

        Empty input gives an empty frame with the same columns and dtypes.
    :raises ImportError: if pandas is not installed (message names the ``dataframe`` extra).
    :raises TypeError: if an item is neither a :class:`Claim` nor a mapping, or a nested field
        (``quantity``, ``entity``...) is neither an object nor null.
    :raises ValueError: if a numeric field (``quantity.value``, ``.lower``, ``.upper``,
        ``.base_value``, ``confidence``) is not a number, or an offset is not an integer.
    """
    pd = _require_pandas()
    cols: dict[str, list] = {c.name: [] for c in FLAT_COLUMNS}
    converters = [(c.name, _CONVERT[c.kind]) for c in FLAT_COLUMNS]
    for idx, claim in enumerate(claims):
        if not isinstance(claim, (Claim, Mapping)):
            raise TypeError(f"claim #{idx}: expected a claimx.models.Claim or a dict, got {type(claim).__name__}")
        try:
            row = flatten_claim(claim)
        except TypeError as exc:
            raise TypeError(f"claim #{idx}: {exc}") from None
        for name, convert in converters:
            cols[name].append(convert(row[name], idx, name))
    data = {name: pd.array(cols[name], dtype=pd.StringDtype() if dtype == "string" else dtype) for name, dtype in COLUMNS}
    return pd.DataFrame(data, columns=[n for n, _ in COLUMNS])
