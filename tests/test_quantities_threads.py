"""The quantity grammar keeps no per-call state at module level: concurrent calls of
:func:`claimx.grammar.quantities.find_quantities` with different currency hints each get their
own hint's reading (the hint is an argument of the readers, not a module global)."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from claimx.grammar import quantities as Q

# "¥" is ambiguous (JPY by default, CNY with that hint); the sentences reach the currency through
# the digit fast path ("¥5 million" after a quiet start), the general digit path ("of ¥ 7 bn")
# and the range step ("between ¥2 and ¥4 million")
_TEXT = (
    "¥5 million was raised in the first round. Sales of ¥ 7 bn were reported, and the budget is "
    "between ¥2 and ¥4 million. " * 6
)


def _codes(hint: str) -> list[str]:
    return [m.unit for m in Q.find_quantities(_TEXT, currency_hint=hint)]


def test_hints_read_differently_alone():
    assert set(_codes("JPY")) == {"JPY"}
    assert set(_codes("CNY")) == {"CNY"}
    assert len(_codes("JPY")) == len(_codes("CNY")) == 18


def test_concurrent_calls_each_get_their_own_hint():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, inside the scan loop
    try:
        hints = ["JPY", "CNY"] * 150
        with ThreadPoolExecutor(max_workers=6) as pool:
            results = list(pool.map(_codes, hints))
    finally:
        sys.setswitchinterval(old)
    wrong = [i for i, (h, codes) in enumerate(zip(hints, results)) if set(codes) != {h} or len(codes) != 18]
    assert not wrong, f"{len(wrong)} of {len(hints)} calls read another call's hint"


@pytest.mark.parametrize("hint", ["JPY", "CNY", None])
def test_fast_path_matches_general_path_with_a_hint(hint):
    text = "¥12, ¥5 and ¥30; ¥8 million, 40 fen, ¥9-10 and ¥1,200 per month."
    fast = Q.find_quantities(text, currency_hint=hint)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Q, "_fast_digits", lambda *a: None)
        slow = Q.find_quantities(text, currency_hint=hint)
    assert fast == slow
    assert [m.unit for m in fast if m.text.startswith("¥")][0] == (hint or "JPY")
