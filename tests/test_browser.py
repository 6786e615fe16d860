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


def test_user_flow_edit_save_dashboard_and_excel(browser_page, tmp_path):  # noqa: F811
    """Open an example, switch to English, rename the project, save, read the rating, download the Excel checklist."""
    page, base, requests = browser_page
    page.goto(base)
    page.get_by_text("ダッシュボード").first.wait_for()
    sidebar = page.locator("[data-testid='stSidebar']")
    # Load an example: pick the Vietnamese contract-manufacturing project in the sidebar.
    sidebar.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="ベトナム", exact=False).first.click()
    page.get_by_text("English", exact=True).click()
    page.get_by_text("Dashboard").first.wait_for()
    # Edit a field in the project editor.
    page.get_by_role("link", name="Project editor").click()
    name = page.get_by_label("Name", exact=True).first
    name.wait_for()
    name.fill("E2E renamed project")
    name.press("Enter")
    sidebar.get_by_text("Unsaved changes").first.wait_for()
    # Save with a comment.
    sidebar.get_by_label("What changed").fill("renamed in the browser test")
    sidebar.get_by_role("button", name="Save").click()
    sidebar.get_by_text("Saved as version 2").wait_for()
    # The dashboard shows the rating.
    page.get_by_role("link", name="Dashboard").click()
    page.get_by_text("Overall rating").first.wait_for()
    # Download the Excel checklist from the contract-review page.
    page.get_by_role("link", name="Contract review").click()
    button = page.get_by_role("button", name="Excel checklist").first
    button.wait_for()
    with page.expect_download() as info:
        button.click()
    target = tmp_path / "checklist.xlsx"
    info.value.save_as(target)
    assert target.read_bytes()[:2] == b"PK"
    assert only_own_address(requests, base) == []
