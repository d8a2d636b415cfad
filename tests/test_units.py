"""Unit and currency lexicons and SI base conversion (claimx.grammar.units)."""

import pytest
from hypothesis import given, settings, strategies as st

from claimx.grammar import units as U


@pytest.mark.parametrize("surface,symbol,factor,base", [
    ("petabytes", "PB", 1e15, "B"), ("PB", "PB", 1e15, "B"), ("TWh", "TWh", 3.6e15, "J"),
    ("EFLOPS", "EFLOP/s", 1e18, "FLOP/s"), ("floating-point operations per second", "FLOP/s", 1, "FLOP/s"),
    ("GW", "GW", 1e9, "W"), ("megawatts", "MW", 1e6, "W"), ("tonnes", "t", 1000, "kg"), ("Mt", "Mt", 1e9, "kg"),
    ("km", "km", 1000, "m"), ("cubic metres", "m3", 1, "m3"), ("hours", "h", 3600, "s"), ("minutes", "min", 60, "s"),
    ("weeks", "wk", 604800, "s"), ("months", "mo", 30.4375 * 86400, "s"), ("years", "a", 365.25 * 86400, "s"),
    ("km/h", "km/h", 1 / 3.6, "m/s"), ("TeV", "TeV", 1.602176634e-7, "J"), ("hectares", "har", 1e4, "m2"),
])
def test_unit_lookup_and_factor(surface, symbol, factor, base):
    info = U.lookup_unit(surface)
    assert info is not None and info.symbol == symbol
    f, b = U.unit_factor(info)
    assert b == base and f == pytest.approx(factor, rel=1e-9)


def test_ratio_units_have_no_base():
    for s, sym in (("%", "%"), ("per cent", "%"), ("percentage points", "pp"), ("basis points", "bp"), ("bps", "bp")):
        info = U.lookup_unit(s)
        assert info.symbol == sym and U.unit_factor(info) == (None, None)


def test_temperature_offset():
    assert U.to_base(20, U.lookup_unit("°C")) == (pytest.approx(293.15), "K")
    assert U.lookup_unit("°C").symbol == "Cel"


def test_symbols_are_case_sensitive():
    assert U.lookup_unit("MW").symbol == "MW"
    assert U.lookup_unit("kW").symbol == "kW"
    assert U.lookup_unit("mw") is None
    assert U.lookup_unit("pB") is None
    assert U.lookup_unit("Pb").symbol == "Pbit"


@pytest.mark.parametrize("surface,hint,code", [
    ("$", None, "USD"), ("US$", None, "USD"), ("HK$", None, "HKD"), ("A$", None, "AUD"), ("€", None, "EUR"),
    ("£", None, "GBP"), ("¥", None, "JPY"), ("¥", "CNY", "CNY"), ("￥", "CNY", "CNY"), ("₹", None, "INR"),
    ("₩", None, "KRW"), ("Rs", None, "INR"), ("R$", None, "BRL"), ("RMB", None, "CNY"), ("yuan", None, "CNY"),
    ("renminbi", None, "CNY"), ("dollars", None, "USD"), ("dollars", "AUD", "AUD"), ("$", "CAD", "CAD"),
    ("$", "CNY", "USD"), ("euros", None, "EUR"), ("rupees", None, "INR"), ("yen", None, "JPY"), ("won", None, "KRW"),
    ("Hong Kong dollars", None, "HKD"), ("GBP", None, "GBP"), ("CHF", None, "CHF"), ("pesos", None, "MXN"),
])
def test_resolve_currency(surface, hint, code):
    assert U.resolve_currency(surface, hint) == code


def test_iso_codes_from_babel_cover_current_currencies():
    assert {"USD", "EUR", "CNY", "JPY", "INR", "KRW", "BRL", "ZAR", "NGN", "VND"} <= U.ISO_CODES
    assert "DEM" not in U.ISO_CODES  # historical codes are excluded
    assert len(U.ISO_CODES) > 140


_CUR_PIECES = ["$", "US$", "USD", "HK$", "A$", "€", "¥", "£", "Rs", "Rs.", "kr", "CNY", "RMB", "R$", "zł",
               "a", "B", "US", " ", "\u00a0", "  ", "x", "1", "(", "-"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUR_PIECES), max_size=5).map("".join))
def test_currency_before_agrees_with_its_regex(window):
    m = U.CURRENCY_BEFORE_RE.search(window)
    expected = None if m is None else (m.group("c"), m.start())
    assert U.currency_before(window) == expected
