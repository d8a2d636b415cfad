"""What the caller tells the claimx components about one Doc: :class:`ClaimxContext`.

:class:`claimx.Extractor` parses windows of an article, not the article, so it hands each window's
Doc what only the whole article shows (its date, its currency, its topics, the periods named
before the window) and the quantities it has already read, on ``doc._.claimx_context``. The
components read it through :func:`context_of`; a Doc made outside the Extractor has none, and
each component then works from ``doc.text`` and its own settings alone.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any, Optional, Union

import srsly
from spacy.tokens import Doc

from ..dates import parse_date

__all__ = ["ClaimxContext", "EMPTY", "as_date", "context_of"]


@dataclasses.dataclass(frozen=True)
class ClaimxContext:
    """Per-Doc settings and precomputed data of the claimx components (immutable).

    Attributes:
        reference_date: the article's date, against which relative time expressions resolve;
            ``None``: the timeframe component's own setting, else unresolved (``X`` digits).
        currency_hint: ISO 4217 code that resolves ``$``/``¥`` (from the whole article), or ``None``.
        article_topics: the names the article repeats, headline first
            (:func:`claimx.assembly.article.article_topics`), for claims whose sentence names no entity.
        include_vague: overrides the claim component's ``include_vague`` setting when not ``None``.
        quantities: the quantities of ``doc.text`` already read by the grammar (dicts of
            :func:`claimx.components.quantities.match_to_dict`, offsets into ``doc.text``), or
            ``None`` to let the quantity component read them. An empty tuple: nothing to claim,
            and the cue component skips its work.
        prior_periods: the article's dated periods that start before this Doc (dicts of
            :func:`claimx.assembly.passes.periods.article_periods`, offsets into the article), which
            resolve anaphoric periods ("the quarter"); the Extractor leaves them empty for a Doc
            that names no anaphoric period (:func:`claimx.assembly.passes.periods.reads_prior`).
    """

    reference_date: Optional[_dt.date] = None
    currency_hint: Optional[str] = None
    article_topics: tuple[Any, ...] = ()
    include_vague: Optional[bool] = None
    quantities: Optional[tuple[dict, ...]] = None
    prior_periods: tuple[dict, ...] = ()

    def __post_init__(self) -> None:
        if self.reference_date is not None and not isinstance(self.reference_date, _dt.date):
            raise TypeError(f"reference_date must be a datetime.date or None, got {type(self.reference_date).__name__}")
        if isinstance(self.reference_date, _dt.datetime):
            object.__setattr__(self, "reference_date", self.reference_date.date())


def as_date(value: Union[str, _dt.date, None]) -> Optional[_dt.date]:
    """A reference date as a :class:`datetime.date`, read by :func:`claimx.dates.parse_date`
    (``None`` or ``""`` give ``None``; raises ``ValueError`` "reference_date must be YYYY-MM-DD")."""
    return parse_date(value, what="reference_date")


#: The context of a Doc made outside the Extractor.
EMPTY = ClaimxContext()

#: The key under which a ClaimxContext travels in msgpack (Doc.to_bytes, DocBin, spaCy's own workers).
_MSGPACK_KEY = "__claimx_context__"


def _msgpack_encode(obj: Any, chain: Any = None) -> Any:
    """srsly msgpack encoder: a :class:`ClaimxContext` as a marked dict of plain values."""
    if isinstance(obj, ClaimxContext):
        fields = dataclasses.asdict(obj)
        fields["reference_date"] = obj.reference_date.isoformat() if obj.reference_date else None
        return {_MSGPACK_KEY: fields}
    return obj if chain is None else chain(obj)


def _msgpack_decode(obj: Any, chain: Any = None) -> Any:
    """srsly msgpack decoder: the marked dict of :func:`_msgpack_encode` back as a :class:`ClaimxContext`."""
    if isinstance(obj, dict) and len(obj) == 1 and _MSGPACK_KEY in obj:
        f = obj[_MSGPACK_KEY]
        return ClaimxContext(
            reference_date=as_date(f.get("reference_date")), currency_hint=f.get("currency_hint"),
            article_topics=tuple(f.get("article_topics") or ()), include_vague=f.get("include_vague"),
            quantities=None if f.get("quantities") is None else tuple(f["quantities"]),
            prior_periods=tuple(f.get("prior_periods") or ()),
        )
    return obj if chain is None else chain(obj)


# the Doc's user data (where doc._ values live) is written with srsly's msgpack
srsly.msgpack_encoders.register("claimx_context", func=_msgpack_encode)
srsly.msgpack_decoders.register("claimx_context", func=_msgpack_decode)


def context_of(doc: Doc) -> ClaimxContext:
    """The :class:`ClaimxContext` of ``doc`` (``EMPTY`` when none was set).

    Raises ``TypeError`` when ``doc._.claimx_context`` holds anything else (the free-form dict of
    earlier versions included)."""
    ctx = doc._.claimx_context
    if ctx is None:
        return EMPTY
    if not isinstance(ctx, ClaimxContext):
        raise TypeError(f"doc._.claimx_context must be a claimx ClaimxContext, got {type(ctx).__name__}")
    return ctx
