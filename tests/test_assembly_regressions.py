"""Inputs that crashed the claim assembly (found by the robustness work), each with two new
sentences of the same kind: the assembly must return claims with valid spans, not raise."""

from __future__ import annotations

import pytest


def _spans_valid(text, claims):
    for c in claims:
        for name in ("quantity", "entity", "metric", "attribution", "hedge", "timeframe", "reference"):
            m = getattr(c, name, None)
            if m is None or m.start_char is None:
                continue
            assert m.start_char < m.end_char, (name, m)
            assert text[m.start_char:m.end_char] == m.text, (name, m)


@pytest.mark.parametrize("text,values", [
    # trailing "of N" shared by coordinated quantities whose metric lies before them (IndexError E035)
    ("Wind and solar farms supplied 9.8 and 3.4% of the grid, respectively.", [9.8, 3.4]),
    ("Coal and gas plants supplied 41.2 and 18.5% of the grid, respectively.", [41.2, 18.5]),
    ("Hydro and nuclear stations provided 12.6 and 7.9% of the power, respectively.", [12.6, 7.9]),
    ("Cars and vans, which make up 4.2 and 1.7% of sales, respectively, are electric.", [4.2, 1.7]),
    ("Buses and trams, which make up 5.5 and 2.1% of trips, respectively, are free.", [5.5, 2.1]),
    ("Oil and gas, which make up 6.7 and 3.2% of exports, respectively, are taxed.", [6.7, 3.2]),
])
def test_coordinated_quantities_with_a_metric_before_them(extractor, text, values):
    claims = extractor.extract(text)
    assert [c.quantity.value for c in claims] == values
    assert claims[-1].quantity.unit == "%"
    _spans_valid(text, claims)


@pytest.mark.parametrize("text,value,unit", [
    ("said Rs 500", 500.0, "INR"),
    ("said Rs 1,200", 1200.0, "INR"),
    ("said INR 500", 500.0, "INR"),
])
def test_an_empty_attribution_cue_is_not_cited(extractor, text, value, unit):
    (claim,) = extractor.extract(text)
    assert (claim.quantity.value, claim.quantity.unit) == (value, unit)
    assert claim.attribution is None
    _spans_valid(text, [claim])


@pytest.mark.parametrize("text,values", [
    ("8 will\n5x~", [8.0, 5.0]),
    ("9 could\n2x~", [9.0, 2.0]),
    ("4 will\n6x!", [4.0, 6.0]),
])
def test_a_parse_tree_in_an_invalid_state_does_not_stop_the_hedge_lookup(extractor, text, values):
    # the parser leaves these trees in a state where spaCy's Span.root raises E039
    claims = extractor.extract(text)
    assert [c.quantity.value for c in claims] == values
    _spans_valid(text, claims)
