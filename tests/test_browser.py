"""End to end in a real headless Chromium: the app opens on the examples, switches language, and talks to no one
but its own address."""

from __future__ import annotations

from urllib.parse import urlparse

from .browser_support import app_server, browser_page  # noqa: F401  (fixtures)


def only_own_address(requests: list[str], base: str) -> list[str]:
    own = urlparse(base).netloc
    return [u for u in requests if urlparse(u).scheme not in ("data", "blob") and urlparse(u).netloc != own]


def test_opens_switches_language_and_stays_local(browser_page):  # noqa: F811
    page, base, requests = browser_page
    page.goto(base)
    page.get_by_text("ダッシュボード").first.wait_for()
    page.get_by_text("English", exact=True).click()
    page.get_by_text("Dashboard").first.wait_for()
    assert only_own_address(requests, base) == []
