"""``claimx.grammar.types.join_adjacent``: the pairwise walk the quantity grammar's join passes share
(bounds into ranges, count ratios, rates per population)."""

from claimx.grammar.quantities import find_quantities
from claimx.grammar.types import QuantityMatch, join_adjacent


def _q(text: str, start: int, value: float) -> QuantityMatch:
    return QuantityMatch(text=text, start_char=start, end_char=start + len(text), value=value)


def test_join_consumes_the_next_quantity_only_when_asked():
    out = [_q("1", 0, 1.0), _q("2", 2, 2.0), _q("3", 4, 3.0), _q("4", 6, 4.0)]

    def join(a, b):  # sum an odd value with the next one
        if b is not None and a.value % 2 == 1:
            return _q(a.text + b.text, a.start_char, a.value + b.value), 2
        return None

    assert [m.value for m in join_adjacent(out, join)] == [3.0, 7.0]
    assert [m.value for m in out] == [1.0, 2.0, 3.0, 4.0]  # input untouched


def test_join_can_rewrite_one_quantity_and_sees_none_after_the_last():
    seen = []

    def join(a, b):
        seen.append(b is None)
        return _q(a.text, a.start_char, a.value * 10), 1

    assert [m.value for m in join_adjacent([_q("1", 0, 1.0), _q("2", 2, 2.0)], join)] == [10.0, 20.0]
    assert seen == [False, True]


def test_the_grammar_passes_built_on_it_still_join():
    rng = find_quantities("more than 10 and less than 40 people")
    assert [(m.lower, m.upper) for m in rng] == [(10.0, 40.0)]
    ratio = find_quantities("3 in 10 voters and 711.2 cases per 100,000 people")
    assert [(m.value, m.unit) for m in ratio] == [(0.3, None), (711.2, "/10*5{capita}")]
