"""Write the seed article's ``claimx show`` page and its screenshot to build/.

    python scripts/screenshot.py                  # build/seed.html, build/seed-top.png, build/seed-click.png
    python scripts/screenshot.py --out docs/img   # the images of docs/views.md

seed-top.png is the top of the page as opened; seed-click.png the page after a click on the row of
the claim --click (default 4): its sentence and quantity marked, scrolled into view.

Needs headless Chromium (Debian packages chromium, chromium-driver) and selenium (the test extra).
The image is for checking the page by eye and for docs/views.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimx import Extractor  # noqa: E402
from claimx.render import show_page  # noqa: E402
from scripts.chromium import headless_chromium  # noqa: E402

SEED = ROOT / "seeds" / "000_21124bc296aca1d1.txt"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "build", help="folder for seed.html and the images")
    ap.add_argument("--click", type=int, default=4, help="claim row to click for seed-click.png")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=1000)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    claims = [c.model_dump(mode="json") for c in Extractor().extract(text, doc_id=SEED.stem)]
    page = args.out / "seed.html"
    page.write_text(show_page([(SEED.stem, text, claims)]), encoding="utf-8")
    with headless_chromium(args.width, args.height) as driver:
        from selenium.webdriver.common.by import By

        driver.get(page.resolve().as_uri())
        top = args.out / "seed-top.png"
        driver.save_screenshot(str(top))
        row = driver.find_elements(By.CSS_SELECTOR, "tr[data-claim]")[args.click - 1]
        driver.execute_script("arguments[0].click()", row)
        time.sleep(0.2)
        clicked = args.out / "seed-click.png"
        driver.save_screenshot(str(clicked))
    print(f"{page} ({len(claims)} claims)\n{top}\n{clicked}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
