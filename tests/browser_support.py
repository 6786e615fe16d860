"""A real app server and a headless Debian Chromium (driven by Playwright) for end-to-end tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from model.knowledge.library import REPO_ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser_available() -> bool:
    return Path(CHROMIUM).exists()


def require_browser() -> None:
    """CI must run the browser tests (TTPLAN_REQUIRE_BROWSER=1); elsewhere a missing Chromium skips them."""
    if not browser_available():
        if os.environ.get("TTPLAN_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (apt-get install -y chromium chromium-driver)")
        pytest.skip("Debian Chromium is not installed")


@contextlib.contextmanager
def running_app(
    workdir: Path, env: dict[str, str] | None = None, database_url: str | None = None, timeout: float = 60
) -> Iterator[str]:
    """The app served on a free loopback port with the workspace (and, by default, an SQLite store) in ``workdir``;
    yields the base URL and stops the server afterwards. ``env`` adds to the server's environment."""
    port = free_port()
    full_env = {
        **os.environ,
        "TTPLAN_DATABASE_URL": database_url or f"sqlite:///{workdir / 'e2e.db'}",
        "TTPLAN_WORKSPACE": str(workdir / "workspace"),
        **(env or {}),
    }
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO_ROOT / "app.py"),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]
    # The server's output goes to a file: a pipe nobody reads would stall a chatty server once it is full.
    log_path = workdir / f"server-{port}.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.3)
        else:
            proc.kill()
            raise RuntimeError("the app did not start:\n" + log_path.read_text(errors="replace")[-20000:])
        if proc.poll() is not None:
            raise RuntimeError("the app stopped:\n" + log_path.read_text(errors="replace")[-20000:])
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


@pytest.fixture
def app_server(tmp_path):
    """The app served on a free loopback port with its own empty workspace; yields the base URL."""
    require_browser()
    with running_app(tmp_path) as base:
        yield base


@pytest.fixture
def browser_page(app_server, tmp_path):
    """A Chromium page that records every request it makes; yields (page, base_url, requests)."""
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, locale="ja-JP")
        page = context.new_page()
        page.on("request", lambda req: requests.append(req.url))
        page.set_default_timeout(30_000)
        try:
            yield page, app_server, requests
        finally:
            context.close()
            browser.close()


# --------------------------------------------------------------------------- driving the app (shared by the security tests)

#: Every page of the app by its URL path ("" is the dashboard, the default page); checked against app_pages/.
PAGES = ("", "portfolio", "editor", "disclosure", "governance", "whatif", "contract", "findings", "graph", "history")

_IDLE = """() => !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]')
    && !!document.querySelector('[data-testid="stSidebarNav"]')"""


def launch_browser(pw):
    return pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def settle(page, timeout: float = 60_000) -> None:
    """Wait until the app has finished its run: no "running" indicator and no stale elements, twice in a row."""
    for _ in range(2):
        page.wait_for_function(_IDLE, polling=100, timeout=timeout)
        page.wait_for_timeout(300)
    page.wait_for_function(_IDLE, polling=100, timeout=timeout)


def go_to(page, base: str, slug: str) -> None:
    """Open a page through the sidebar navigation (the session, with its language, is kept)."""
    page.locator(f"[data-testid='stSidebarNav'] a[href='{base}/{slug}']").click()
    page.wait_for_url(f"{base}/{slug}")
    settle(page)


def switch_language(page, code: str) -> None:
    label = "English" if code == "en" else "日本語"
    page.locator("[data-testid='stSidebar'] [data-testid='stRadio']").first.get_by_text(label, exact=True).click()
    settle(page)


def foreign_requests(requests: list[str], base: str) -> list[str]:
    """Requests to anything but the app's own origin (data: and blob: URLs stay in the page)."""
    own = urlparse(base).netloc
    return [u for u in requests if urlparse(u).scheme not in ("data", "blob") and urlparse(u).netloc != own]


def exception_shown(page) -> str | None:
    """The text of an exception box or traceback the app shows, if any."""
    boxes = page.locator("[data-testid='stException']")
    if boxes.count():
        return boxes.first.inner_text()[:2000]
    text = page.locator("body").inner_text()
    return text[text.index("Traceback") :][:2000] if "Traceback" in text else None


# --------------------------------------------------------------------------- the app without a network

LOOPBACK_ONLY_ERRORS = ("ENETUNREACH", "EHOSTUNREACH", "ECONNREFUSED")


def bring_loopback_up() -> None:
    """In a fresh network namespace only the loopback interface exists, and it is down (no `ip` needed)."""
    import fcntl
    import struct

    siocgifflags, siocsifflags, iff_up = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        request = struct.pack("16sH", b"lo", 0)
        flags = struct.unpack("16sH", fcntl.ioctl(s, siocgifflags, request)[:18])[1]
        fcntl.ioctl(s, siocsifflags, struct.pack("16sH", b"lo", flags | iff_up))


def offline_tour_main() -> None:
    """Run inside a network namespace with nothing but loopback (see test_browser_security): start the app on an
    empty workspace, open every page in Chromium, and print one JSON line with what was seen."""
    import json
    import tempfile

    from playwright.sync_api import sync_playwright

    bring_loopback_up()
    result: dict = {"interfaces": [name for _, name in socket.if_nameindex()], "pages": {}, "requests": []}
    # Outside the namespace this address would route; here no route exists, so the connection must fail at once.
    try:
        socket.create_connection(("192.0.2.1", 80), timeout=3).close()
        result["outbound"] = "connected"
    except OSError as exc:
        import errno

        result["outbound"] = errno.errorcode.get(exc.errno or 0, str(exc))
    with tempfile.TemporaryDirectory() as folder, running_app(Path(folder)) as base, sync_playwright() as pw:
        browser = launch_browser(pw)
        page = browser.new_context(locale="ja-JP").new_page()
        page.on("request", lambda req: result["requests"].append(req.url))
        page.set_default_timeout(60_000)
        page.goto(base)
        settle(page)
        for slug in PAGES:
            go_to(page, base, slug)
            result["pages"][slug] = {
                "exception": exception_shown(page),
                "title": page.locator("h1").first.inner_text() if page.locator("h1").count() else "",
                "elements": page.locator("[data-testid='stMain'] [data-testid='stElementContainer']").count(),
            }
        result["foreign"] = foreign_requests(result["requests"], base)
        browser.close()
    print(json.dumps(result, ensure_ascii=False), flush=True)
