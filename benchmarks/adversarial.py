"""Adversarial inputs for find_quantities: prints seconds per 100 KB for each (target < 1 s).

Run: ``python benchmarks/adversarial.py``. Exits with status 1 if any input raises or takes
longer than 1 s per 100 KB.
"""

from __future__ import annotations

import sys
import time

from claimx.grammar.quantities import find_quantities

SIZE = 100_000


def _fill(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


CASES = {
    "1,1,1,...": _fill("1,"),
    "10,000-digit number (x10)": _fill("1" * 10_000 + " "),
    "dashes": _fill("-"),
    "dash-number runs": _fill("1-2-3–4—"),
    "spaces": _fill(" "),
    "thin/nbsp digit groups": _fill("1\u2009000\u202f000\u00a0"),
    "CJK with digits": _fill("中国2025年增长5.6%，达到1200亿元。"),
    "Arabic with digits": _fill("نما الاقتصاد بنسبة 3.5% في عام 2024 و ٣٥٠ مليون "),
    "Cyrillic with digits": _fill("Москва выросла на 12,5% до 1 200 млн рублей. "),
    "word numbers": _fill("two hundred and fifty-five thousand and "),
    "currency soup": _fill("$US$€¥HK$A$ 5bn 6 bln "),
    "real prose": _fill("In 2025, revenue rose 12% to $4.6 bln, over 100,000 units (Table 2) at 72 h each. "),
}


def main() -> int:
    bad = 0
    # one-time costs (pint registry, lazy tables) are not per-100 KB costs: warm up first
    find_quantities("5 MW, 3 TWh, 4 km, 72 h, 20 °C, $5 per kWh")
    for name, text in CASES.items():
        t0 = time.perf_counter()
        try:
            n = len(find_quantities(text))
            err = ""
        except Exception as e:  # report, do not hide
            n, err = -1, f" ERROR {type(e).__name__}: {e}"
            bad += 1
        dt = (time.perf_counter() - t0) * SIZE / max(len(text), 1)
        if dt >= 1.0:
            bad += 1
        print(f"{name:32s} {dt:8.3f} s/100KB  matches={n}{err}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
