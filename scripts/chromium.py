"""Headless Chromium driven by selenium, for the browser tests and the screenshot script.

Uses the system's Chromium and chromedriver (Debian packages ``chromium`` and ``chromium-driver``;
``bash .ci/run`` installs them when missing). Selenium is given both paths, so it never tries to
download a driver. The flags keep a headless Chromium quiet on a machine without network access
(no background networking, component updates, sync or QUIC), and every driver gets a fresh
profile directory.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from typing import Iterator, Optional

__all__ = ["CHROMIUM_FLAGS", "find_chromium", "missing_reason", "headless_chromium"]

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--hide-scrollbars")

_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> tuple[Optional[str], Optional[str]]:
    """(browser, chromedriver) paths: ``$CLAIMX_CHROMIUM`` / ``$CLAIMX_CHROMEDRIVER`` if set, else the
    first found on ``PATH``; ``None`` for a missing one."""
    browser = os.environ.get("CLAIMX_CHROMIUM") or next((p for p in map(shutil.which, _BROWSERS) if p), None)
    driver = os.environ.get("CLAIMX_CHROMEDRIVER") or shutil.which("chromedriver")
    return browser, driver


def missing_reason() -> Optional[str]:
    """Why the browser tests cannot run (with the fix), or ``None`` when they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    browser, driver = find_chromium()
    if browser is None or driver is None:
        return ("headless Chromium not found: apt-get install chromium chromium-driver "
                "(Debian; bash .ci/run installs them)")
    return None


@contextmanager
def headless_chromium(width: int = 1280, height: int = 900) -> Iterator["object"]:
    """A selenium ``webdriver.Chrome`` on headless Chromium with a fresh profile; quit on exit.

    :raises RuntimeError: when Chromium, chromedriver or selenium is missing (see :func:`missing_reason`).
    """
    reason = missing_reason()
    if reason:
        raise RuntimeError(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = find_chromium()
    profile = tempfile.mkdtemp(prefix="claimx-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = browser  # type: ignore[assignment]
    for flag in CHROMIUM_FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
