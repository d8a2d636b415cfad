"""Pydantic v2 models of claimx's output.

The JSON produced by :meth:`Claim.model_dump` uses exactly the field names of the gold format
(``docs/GOLD.md``), so a prediction file and a gold file can be compared line by line. Character
offsets are ``start_char``/``end_char`` into the article text as read (end exclusive), like
spaCy's :class:`spacy.tokens.Span`.

The JSON Schema printed by ``claimx schema`` is generated from these models
(:func:`claim_json_schema`), never written by hand.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Comparator = Literal["=", ">", ">=", "<", "<=", "~"]
Kind = Literal["level", "change", "ratio"]
Modality = Literal["asserted", "forecast", "estimate", "possible", "target"]
Relation = Literal["by", "in", "as_of", "since", "until", "between"]
Direction = Literal["increase", "decrease"]

COMPARATORS: tuple[str, ...] = ("=", ">", ">=", "<", "<=", "~")
KINDS: tuple[str, ...] = ("level", "change", "ratio")
MODALITIES: tuple[str, ...] = ("asserted", "forecast", "estimate", "possible", "target")
RELATIONS: tuple[str, ...] = ("by", "in", "as_of", "since", "until", "between")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """A piece of the article: its text and character offsets.

    ``start_char``/``end_char`` are ``None`` only when the text is not written in the sentence
    (an entity carried over from context, ``inferred=True``).
    """

    text: str = Field(description="The text as written in the article.")
    start_char: Optional[int] = Field(None, ge=0, description="Offset of the first character.")
    end_char: Optional[int] = Field(None, ge=0, description="Offset one past the last character.")


class EntityMention(Mention):
    """Who or what a claim is about (a country, city, company, market, product)."""

    inferred: bool = Field(
        False,
        description="True when the sentence does not name the entity and it is carried over "
        "from an earlier sentence of the same paragraph (offsets then point at that mention "
        "or are null).",
    )


class Quantity(_Model):
    """The number of a claim, normalised.

    ``value`` has scale words applied ("$757.58 billion" -> 757580000000.0) and is ``None`` for a
    range (then ``lower``/``upper`` hold the bounds) or for a vague amount without a number
    ("several weeks"). ``unit`` is an ISO 4217 code for money, ``%``, ``pp`` (percentage points),
    ``bp``, ``x`` (times, -fold) or a UCUM-style symbol (``PB``, ``GW``, ``h``, ``FLOP/s``,
    ``CNY/t``); ``None`` for plain counts. ``base_value``/``base_unit`` restate physical
    quantities in SI base units (890 PB -> 8.9e17 ``B``) and are ``None`` otherwise.
    """

    text: str = Field(description="The quantity as written, with adjacent comparator word and unit.")
    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)
    value: Optional[float] = Field(None, description="The number with scale words applied.")
    unit: Optional[str] = Field(None, description="Normalised unit (ISO 4217, %, pp, bp, x, UCUM).")
    comparator: Comparator = Field("=", description="Relation of the true value to `value`.")
    lower: Optional[float] = Field(None, description="Lower bound of a range.")
    upper: Optional[float] = Field(None, description="Upper bound of a range.")
    base_value: Optional[float] = Field(None, description="Value in SI base units, where defined.")
    base_unit: Optional[str] = Field(None, description="SI base unit of `base_value`.")


class Timeframe(Mention):
    """When a claim holds: the text, a TIMEX3-style ``value`` and a ``relation``.

    ``value`` examples: ``2025``, ``2025-Q1``, ``2025-H1``, ``2025-06``, ``2025-06-30``,
    ``FY2025``, ``2025/2031`` (a period, relation ``between``); ``X`` stands for digits that a
    missing reference date leaves unknown (``XXXX-Q1``).
    """

    value: Optional[str] = Field(None, description="TIMEX3-style value.")
    relation: Relation = Field("in", description="by, in, as_of, since, until or between.")


class Change(_Model):
    """Direction and start point of a change claim."""

    direction: Direction
    from_text: Optional[str] = Field(None, description="The start point as written, if given.")


class Claim(_Model):
    """One quantitative claim of an article.

    Field names follow ``docs/GOLD.md``. ``confidence`` in [0, 1] orders claims by how sure the
    assembly is that the quantity is a claim and that its slots are filled from direct evidence
    (see the README, "Confidence").
    """

    doc_id: Optional[str] = Field(None, description="The article's id (file name without extension).")
    kind: Kind = "level"
    quantity: Quantity
    entity: Optional[EntityMention] = None
    metric: Optional[Mention] = None
    timeframe: Optional[Timeframe] = None
    modality: Modality = "asserted"
    hedge: Optional[Mention] = Field(None, description="The cue that sets the modality.")
    negated: bool = Field(False, description="True when the hedge is negated (\"is not expected to\").")
    attribution: Optional[Mention] = Field(None, description="The source cue.")
    reference: Optional[Mention] = Field(None, description="For ratios: what the number is relative to.")
    change: Optional[Change] = None
    sentence: Optional[Mention] = Field(None, description="The sentence that holds the quantity.")
    confidence: float = Field(1.0, ge=0.0, le=1.0)


def claim_json_schema() -> dict:
    """Return the JSON Schema (draft 2020-12) of one output line, generated from :class:`Claim`."""
    return Claim.model_json_schema()
