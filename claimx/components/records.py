"""The records the claimx components store on a Doc, made from the grammar's matches.

Plain, serialisable dicts (they travel through ``DocBin`` and across processes), with character
offsets into the text that was read.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Optional

__all__ = ["match_to_dict", "quantity_records", "timeframe_records", "timex_to_dict"]


def match_to_dict(m: Any, shift: int = 0) -> dict:
    """A :class:`~claimx.grammar.types.QuantityMatch` as the dict stored on
    ``doc._.claimx_quantities``, character offsets moved by ``shift`` (negative offsets, "none",
    stay as they are)."""
    def mv(v: Any) -> Any:
        return v + shift if v is not None and v >= 0 else v

    return {
        "text": m.text,
        "start_char": m.start_char + shift,
        "end_char": m.end_char + shift,
        "value": m.value,
        "unit": m.unit,
        "comparator": m.comparator,
        "lower": m.lower,
        "upper": m.upper,
        "base_value": m.base_value,
        "base_unit": m.base_unit,
        "approximate": m.approximate,
        "form": m.form,
        "number_start": mv(m.number_start),
        "number_end": mv(m.number_end),
        "comparator_cue": [m.comparator_cue[0] + shift, m.comparator_cue[1] + shift] if m.comparator_cue else None,
    }


def timex_to_dict(m: Any) -> dict:
    """A :class:`~claimx.grammar.types.TimeMatch` as the dict stored on ``doc._.claimx_timeframes``."""
    return {
        "text": m.text, "start_char": m.start_char, "end_char": m.end_char, "value": m.value,
        "relation": m.relation, "anchor": m.anchor, "offset_years": m.offset_years,
    }


def quantity_records(text: str, currency_hint: Optional[str] = None) -> list[dict]:
    """The quantities of ``text`` as :func:`match_to_dict` records. ``currency_hint`` (ISO 4217)
    resolves ``$``/``¥``; ``None`` guesses it from ``text``."""
    from ..grammar.quantities import find_quantities, guess_currency_hint

    hint = currency_hint or guess_currency_hint(text)
    return [match_to_dict(m) for m in find_quantities(text, currency_hint=hint)]


def timeframe_records(text: str, reference_date: Optional[_dt.date] = None) -> list[dict]:
    """The time expressions of ``text`` as :func:`timex_to_dict` records, relative ones resolved
    against ``reference_date`` (``None``: ``X`` digits)."""
    from ..grammar.timex import find_timeframes

    return [timex_to_dict(m) for m in find_timeframes(text, reference_date=reference_date)]
