"""How long headless Chromium takes to render a ``claimx show`` page.

    python benchmarks/page_render.py                       # the development corpus, 24 articles
    python benchmarks/page_render.py seeds/ --repeat 5

Extracts the articles, writes the page to build/, opens it in headless Chromium (selenium; Debian
packages chromium and chromium-driver) and prints, per load: the wall time of ``driver.get`` (until
the load event) and the browser's own Navigation Timing figures (DOMContentLoaded, load end), plus the
page size and the number of highlighted quantities. Target: under 2 s for the development corpus.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimx.views import read_articles  # noqa: E402
from claimx import Extractor  # noqa: E402
from claimx.render import show_page  # noqa: E402
from scripts.chromium import headless_chromium  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "corpus" / "dev" / "docs")])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    articles, _ = read_articles(args.paths)
    ex = Extractor()
    items = [(a.text, {"doc_id": a.doc_id, **({"reference_date": a.date.isoformat()} if a.date else {})}) for a in articles]
    t0 = time.perf_counter()
    claims = [[c.model_dump(mode="json") for c in cl] for cl, _ in ex.pipe(items, as_tuples=True)]
    t1 = time.perf_counter()
    page = show_page([(a.doc_id, a.text, c) for a, c in zip(articles, claims)])
    t2 = time.perf_counter()
    out = ROOT / "build" / "page_render.html"
    out.parent.mkdir(exist_ok=True)
    out.write_text(page, encoding="utf-8")
    print(f"{len(articles)} articles, {sum(map(len, claims))} claims, page {len(page.encode()) / 1024:.0f} KiB; "
          f"extraction {t1 - t0:.2f} s, rendering the HTML {1000 * (t2 - t1):.0f} ms")
    walls, loads = [], []
    with headless_chromium() as driver:
        for i in range(args.repeat):
            driver.get("about:blank")
            start = time.perf_counter()
            driver.get(out.resolve().as_uri())
            wall = time.perf_counter() - start
            timing = driver.execute_script(
                "var t = performance.getEntriesByType('navigation')[0];"
                "return [t.domContentLoadedEventEnd, t.loadEventEnd, document.querySelectorAll('mark.cx-q').length];")
            walls.append(wall)
            loads.append(timing[1] / 1000)
            print(f"load {i + 1}: driver.get {wall:.3f} s; DOMContentLoaded {timing[0] / 1000:.3f} s, "
                  f"load end {timing[1] / 1000:.3f} s; {timing[2]} highlighted quantities")
    print(f"median: driver.get {statistics.median(walls):.3f} s, load end {statistics.median(loads):.3f} s (target < 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
