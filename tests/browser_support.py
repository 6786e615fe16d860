"""A real app server and a headless Debian Chromium (driven by Playwright) for end-to-end tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from model.library import REPO_ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-gpu", "--no-first-run", "--disable-default-apps", "--disable-extensions"]


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


@pytest.fixture
def app_server(tmp_path):
    """The app served on a free loopback port with its own empty workspace; yields the base URL."""
    require_browser()
    port = free_port()
    env = {**os.environ, "TTPLAN_DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}",
           "TTPLAN_WORKSPACE": str(tmp_path / "workspace")}
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true"]
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("the app did not start:\n" + proc.stdout.read1(20000).decode(errors="replace"))
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


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
