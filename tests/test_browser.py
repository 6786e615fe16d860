"""End to end in a real headless Chromium: the app opens on the examples, switches language, and talks to no one
but its own address."""

from __future__ import annotations

from .browser_support import app_server, browser_page, foreign_requests, settle  # noqa: F401  (fixtures)


def open_list(page, selectbox) -> None:
    """Open a selectbox's list. Streamlit's selectbox is a combobox whose button opens the list; a run that redraws
    the sidebar just then closes it again (seen on a fresh page), so try again until the list stays open."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(5):
        selectbox.get_by_role("button", name="Open").click()
        try:
            page.get_by_role("listbox").wait_for(timeout=3000)
            return
        except PlaywrightTimeout:
            settle(page)
    raise AssertionError("the selectbox list did not open")


def test_opens_switches_language_and_stays_local(browser_page):  # noqa: F811
    page, base, requests = browser_page
    page.goto(base)
    page.get_by_text("ダッシュボード").first.wait_for()
    page.get_by_text("English", exact=True).click()
    page.get_by_text("Dashboard").first.wait_for()
    assert foreign_requests(requests, base) == []


def test_user_flow_edit_save_dashboard_and_excel(browser_page, tmp_path):  # noqa: F811
    """Open an example, switch to English, rename the project, save, read the rating, download the Excel checklist."""
    page, base, requests = browser_page
    page.goto(base)
    page.get_by_text("ダッシュボード").first.wait_for()
    settle(page)  # a click while the first run is still drawing the sidebar would close the list again
    sidebar = page.locator("[data-testid='stSidebar']")
    # Load an example: pick the Vietnamese contract-manufacturing project in the sidebar.
    open_list(page, sidebar.locator("[data-testid='stSelectbox']").first)
    page.get_by_role("option", name="ベトナム", exact=False).first.click()
    settle(page)
    page.get_by_text("English", exact=True).click()
    page.get_by_text("Dashboard").first.wait_for()
    settle(page)
    # Edit a field in the project editor.
    page.get_by_role("link", name="Project editor").click()
    name = page.get_by_label("Name", exact=True).first
    name.wait_for()
    name.fill("E2E renamed project")
    name.press("Enter")
    sidebar.get_by_text("Unsaved changes").first.wait_for()
    settle(page)  # the run the edit started must finish, or it redraws the save box under the click
    # Save with a comment.
    sidebar.get_by_label("What changed").fill("renamed in the browser test")
    sidebar.get_by_label("What changed").press("Tab")  # the comment is sent (one run) before the button is pressed
    settle(page)
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
    assert foreign_requests(requests, base) == []
