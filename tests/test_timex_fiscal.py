"""The fiscal calendar an article states (claimx.grammar.timex_fiscal), read without a model."""

from __future__ import annotations

import pytest

from claimx.grammar.timex_fiscal import stated_first_month


@pytest.mark.parametrize("text,first", [
    ("The company's fiscal year ends in September.", 10),
    ("The retailer, whose financial year ends on 30 June, cut its outlook.", 7),
    ("Its fiscal year ends in December, so the quarter is its last.", 1),
])
def test_the_stated_end_month_gives_the_first_month(text, first):
    assert stated_first_month(text) == first


def test_no_statement_gives_none():
    assert stated_first_month("Sales rose 4% in September, the company said.") is None
