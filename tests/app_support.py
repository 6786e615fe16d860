"""Helpers for app tests: a fresh workspace store per test, caches cleared, pages run in either language."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.knowledge.library import REPO_ROOT

APP = str(REPO_ROOT / "app.py")


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    """Each test gets its own store (seeded with the examples on first use) and empty caches."""
    monkeypatch.setenv("TTPLAN_DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("TTPLAN_WORKSPACE", str(tmp_path / "workspace"))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield tmp_path
    st.cache_data.clear()
    st.cache_resource.clear()


def open_app(lang: str = "ja", page: str | None = None, **state) -> AppTest:
    """Run the app (optionally a given page, e.g. 'app_pages/contract.py') and return the finished AppTest."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.session_state["user"] = "テスト 太郎"
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at
