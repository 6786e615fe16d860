"""The app starts and shows the example projects, in Japanese by default and in English on request."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from model.library import REPO_ROOT


def run(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
    if lang:
        at.session_state["lang"] = lang
    return at.run()


def test_overview_in_japanese():
    at = run()
    assert not at.exception
    assert at.title[0].value == "海外技術移転リスクプランナー"
    table = at.dataframe[0].value
    assert len(table) >= 3 and set(table["検証結果"]) == {"問題なし"}


def test_overview_in_english():
    at = run("en")
    assert not at.exception
    assert at.title[0].value == "Overseas technology-transfer risk planner"
    assert "Joint venture" in set(at.dataframe[0].value["Deal type"])
