"""Readers shared by the probe test files: each extracts one made-up sentence and returns the slot
values a probe compares, as plain tuples (so a parametrized expectation is one literal).

All take the session's ``extractor`` fixture, the sentence ``text`` and ``qty``, the quantity's
text as written; they fail (``tests.conftest.one``) unless exactly one claim has that quantity.
"""

from __future__ import annotations

from tests.conftest import one

#: The reference date the probes are written against (relative years, "this fiscal year").
REF = "2025-06-15"


def claim(extractor, text, qty, ref=REF):
    """The one claim of ``text`` whose quantity reads ``qty`` (a ``claimx.Claim``)."""
    return one(extractor.extract(text, reference_date=ref), qty)


def mod(extractor, text, qty):
    """``(modality, hedge text or None)``."""
    c = claim(extractor, text, qty)
    return c.modality, (c.hedge.text if c.hedge else None)


def kind(extractor, text, qty):
    """``(kind, change direction or None)``."""
    c = claim(extractor, text, qty)
    return c.kind, (c.change.direction if c.change else None)


def tf(extractor, text, qty, ref=REF):
    """``(TIMEX3 value, relation)`` of the timeframe, or None."""
    c = claim(extractor, text, qty, ref)
    return (c.timeframe.value, c.timeframe.relation) if c.timeframe else None


def attr(extractor, text, qty):
    """The attribution's text, or None."""
    c = claim(extractor, text, qty)
    return c.attribution.text if c.attribution else None
