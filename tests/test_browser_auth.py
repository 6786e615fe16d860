"""Sign-in behind a reverse proxy, end to end: a real server in header mode and Chromium sending (or not) the
identity header the proxy would add — on the page load and on the websocket the app runs over."""

from __future__ import annotations

import pytest

from .browser_support import app_server, foreign_requests, launch_browser  # noqa: F401  (fixture)
from .test_auth import TEAM


@pytest.fixture
def team_server(tmp_path, monkeypatch):
    """Environment for app_server (it copies os.environ when it starts the app): header sign-in with the team."""
    users = tmp_path / "users.yaml"
    users.write_text(TEAM, encoding="utf-8")
    monkeypatch.setenv("TTPLAN_AUTH", "header")
    monkeypatch.setenv("TTPLAN_USERS", str(users))
    monkeypatch.setenv("TTPLAN_AUTH_HEADER", "X-Forwarded-Email")


@pytest.fixture
def visit(team_server, app_server):  # noqa: F811  (team_server must set the environment first)
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as pw:
        browser = launch_browser(pw)

        def open_as(user: str | None, path: str = ""):
            headers = {"X-Forwarded-Email": user} if user else {}
            context = browser.new_context(locale="ja-JP", extra_http_headers=headers)
            page = context.new_page()
            page.on("request", lambda req: requests.append(req.url))
            page.set_default_timeout(30_000)
            page.goto(app_server + path)
            return page

        try:
            yield open_as, app_server, requests
        finally:
            browser.close()


def test_the_proxy_header_decides_who_gets_in_and_what_they_see(visit):
    open_as, base, requests = visit

    nobody = open_as(None)
    nobody.get_by_text("サインインしていません").wait_for()
    assert "ベトナム" not in nobody.content()  # no project name reaches a browser that is not signed in

    stranger = open_as("stranger@example.co.jp")
    stranger.get_by_text("登録されていません").wait_for()
    assert "ベトナム" not in stranger.content()

    viewer = open_as("viewer@example.co.jp")
    sidebar = viewer.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("閲覧 花子").wait_for()
    viewer.get_by_role("link", name="ダッシュボード").wait_for()
    assert viewer.get_by_role("link", name="案件の編集").count() == 0
    assert viewer.get_by_role("link", name="段階的開示の計画").count() == 0
    # The editor's URL does not open the editor for a viewer.
    direct = open_as("viewer@example.co.jp", "/editor")
    direct.locator("[data-testid='stSidebar']").get_by_text("閲覧 花子").wait_for()
    direct.wait_for_timeout(1500)
    assert direct.get_by_role("heading", name="案件の編集").count() == 0

    editor = open_as("editor@example.co.jp")
    editor.locator("[data-testid='stSidebar']").get_by_text("編集 次郎").wait_for()
    editor.get_by_role("link", name="案件の編集").click()
    editor.get_by_role("heading", name="案件の編集").first.wait_for()
    assert foreign_requests(requests, base) == []
