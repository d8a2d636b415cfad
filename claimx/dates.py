"""The one reader of calendar dates: an article's ``date`` and a run's reference date.

Every layer reads a date through :func:`parse_date` (the CLI's ``--reference-date``, the ``date`` of
a JSONL record or of Markdown front matter, an HTML page's date metadata, the pipeline's
``reference_date``), so they all accept and refuse the same things. It sits at the bottom of the
layers (beside :mod:`claimx.models`) and imports nothing of claimx.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Optional

__all__ = ["parse_date"]

#: ``YYYY-MM-DD``, then optionally a time after ``T`` or a space.
_ISO_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ](.+))?")


def parse_date(value: Any, *, what: str = "date") -> Optional[date]:
    """A calendar date from a ``date``, a ``datetime`` or an ISO 8601 string.

    Accepted forms:

    * ``None``, ``""`` or a string of spaces: no date, ``None``;
    * a :class:`datetime.datetime`: its calendar date (``.date()``, the time zone left as it is);
    * a :class:`datetime.date`: itself;
    * a string ``"YYYY-MM-DD"`` (spaces around it ignored): that date;
    * a string ``"YYYY-MM-DD"`` followed by ``T`` or a space and a time that
      :meth:`datetime.datetime.fromisoformat` reads (``"2025-03-31T09:30:00Z"``,
      ``"2025-03-31 09:30+02:00"``): the date as written, before any time-zone conversion.

    :param value: the date to read.
    :param what: how the error message names the value (``"reference date"``).
    :returns: the date, or ``None`` for no date.
    :raises ValueError: for any other string (``"2025-02-30"``, ``"31/03/2025"``, ``"20250331"``,
        a bad time part) or any other type (numbers, booleans, lists), with the message
        ``"<what> must be YYYY-MM-DD, got <value>"``.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        m = _ISO_DATE.fullmatch(text)
        if m is not None:
            try:
                day = date.fromisoformat(m.group(1))
                if m.group(2) is not None:
                    datetime.fromisoformat(text)
                return day
            except ValueError:
                pass
    raise ValueError(f"{what} must be YYYY-MM-DD, got {value!r}")
