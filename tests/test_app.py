"""The app shell: starts on the dashboard with the seeded examples, in Japanese by default and in English."""

from __future__ import annotations

from .app_support import app_env, open_app  # noqa: F401  (fixture)

PAGES = [
    "dashboard",
    "portfolio",
    "editor",
    "disclosure",
    "governance",
    "whatif",
    "contract",
    "findings",
    "graph",
    "history",
]


def test_starts_in_japanese_with_the_examples(app_env):  # noqa: F811
    at = open_app()
    assert not at.exception
    project = at.sidebar.selectbox[0]
    assert len(project.options) >= 3
    assert at.sidebar.radio[0].value == "ja"


def test_every_page_renders_in_both_languages(app_env):  # noqa: F811
    for lang in ("ja", "en"):
        for page in PAGES:
            at = open_app(lang, page=f"app_pages/{page}.py")
            assert not at.exception, (lang, page, at.exception)
