"""The pages in a real browser: headless Chromium driven by selenium.

Needs the Debian packages ``chromium`` and ``chromium-driver`` (``bash .ci/run`` installs them) and
selenium (test extra). Without them the tests are skipped with that reason.
"""

from __future__ import annotations

import pytest

from claimx.render import eval_page, show_page
from scripts.chromium import headless_chromium, missing_reason
from tests.conftest import SEED, SEED_GOLD, claims_of

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")]


@pytest.fixture(scope="module")
def driver():
    with headless_chromium(1280, 900) as d:
        yield d


@pytest.fixture(scope="module")
def seed(golden_extraction):
    text = SEED.read_text(encoding="utf-8")
    return text, claims_of(golden_extraction, [SEED.stem])  # extractor.extract(text, doc_id=SEED.stem)


def _click(driver, element):
    """Click as a user would: the element scrolled to the middle of its pane first (a sticky table
    header would cover a row scrolled to the very top)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element)
    element.click()


def _open(driver, tmp_path, name, page):
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    driver.get(path.resolve().as_uri())
    assert driver.execute_script("return document.documentElement.getAttribute('data-cx-ready')") == "1"


def test_seed_page_highlights_one_quantity_per_claim(driver, seed, tmp_path):
    from selenium.webdriver.common.by import By

    text, claims = seed
    _open(driver, tmp_path, "seed.html", show_page([(SEED.stem, text, claims)]))
    marks = driver.find_elements(By.CSS_SELECTOR, ".cx-text mark.cx-q")
    assert len(marks) == len(claims) >= 16
    shown = [m.text for m in marks]
    assert shown == [c["quantity"]["text"] for c in sorted(claims, key=lambda c: c["quantity"]["start_char"])]
    assert all(m.is_displayed() for m in marks)
    assert len(driver.find_elements(By.CSS_SELECTOR, "tr[data-claim]")) == len(claims)


def test_clicking_a_row_marks_its_sentence_and_quantity(driver, seed, tmp_path):
    from selenium.webdriver.common.by import By

    text, claims = seed
    _open(driver, tmp_path, "seed.html", show_page([(SEED.stem, text, claims)]))
    k = next(i for i, c in enumerate(claims) if c["quantity"]["text"] == "68.6%")
    row = driver.find_elements(By.CSS_SELECTOR, "tr[data-claim]")[k]
    _click(driver, row)
    sent = driver.find_elements(By.CSS_SELECTOR, ".cx-sent.cx-active")
    assert sent, "no sentence marked"
    marked = " ".join(" ".join(s.text.split()) for s in sent)
    assert marked == " ".join(claims[k]["sentence"]["text"].split())
    assert "68.6%" in marked
    q = driver.find_elements(By.CSS_SELECTOR, "mark.cx-q.cx-active")
    assert [m.text for m in q] == ["68.6%"]
    assert "cx-active" in row.get_attribute("class")
    in_view = driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", q[0])
    assert in_view
    # another row moves the marks
    _click(driver, driver.find_elements(By.CSS_SELECTOR, "tr[data-claim]")[0])
    active = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "mark.cx-q.cx-active")]
    assert active == [claims[0]["quantity"]["text"]]


def test_hovering_a_quantity_shows_its_claim(driver, seed, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    text, claims = seed
    _open(driver, tmp_path, "seed.html", show_page([(SEED.stem, text, claims)]))
    mark = next(m for m in driver.find_elements(By.CSS_SELECTOR, "mark.cx-q") if m.text == "$757.58 billion")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(driver).move_to_element(mark).perform()
    tip = driver.execute_script("return getComputedStyle(arguments[0], '::after').content", mark)
    assert "757,580,000,000 USD" in tip and "by 2025" in tip and "forecast" in tip


def test_article_script_does_not_run(driver, extractor, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    text = ("Intro <script>window.cxPwned = 1; alert(1)</script> and <img src=x onerror=\"window.cxPwned = 2\">. "
            "Revenue rose 5% in 2024.")
    claims = [c.model_dump(mode="json") for c in extractor.extract(text, doc_id="evil")]
    _open(driver, tmp_path, "evil.html", show_page([("evil <script>alert(3)</script>", text, claims)]))
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    assert driver.execute_script("return window.cxPwned === undefined")
    assert driver.find_elements(By.CSS_SELECTOR, "img") == []
    body = driver.find_element(By.CSS_SELECTOR, ".cx-text").text
    assert "<script>window.cxPwned = 1; alert(1)</script>" in body
    assert "evil <script>alert(3)</script>" in driver.find_element(By.CSS_SELECTOR, "h2").text


def test_eval_page_marks_misses_and_false_positives(driver, seed, tmp_path):
    from selenium.webdriver.common.by import By

    from claimx.evaluate import load_claims, score

    text, pred = seed
    gold = load_claims(SEED_GOLD)
    first = min(pred, key=lambda c: c["quantity"]["start_char"])
    moved = dict(first, quantity=dict(first["quantity"], start_char=0, end_char=4, text=text[:4]))
    pred = [c for c in pred if c is not first] + [moved]
    report = score(gold, pred)
    _open(driver, tmp_path, "eval.html", eval_page({SEED.stem: text}, gold, pred, reports={"all": report}))
    misses = driver.find_elements(By.CSS_SELECTOR, "mark.cx-q.cx-miss")
    assert len(misses) == report.fn >= 1
    assert len(driver.find_elements(By.CSS_SELECTOR, "mark.cx-q.cx-fp")) == report.fp >= 1
    _click(driver, driver.find_element(By.CSS_SELECTOR, "tr.cx-miss"))
    assert [m.text for m in driver.find_elements(By.CSS_SELECTOR, "mark.cx-q.cx-active")] == [first["quantity"]["text"]]
