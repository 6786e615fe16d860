"""Every UI string exists in both languages, and every key a page uses is defined."""

from __future__ import annotations

import importlib
import re

import pytest

from model.knowledge.library import REPO_ROOT

TABLES = sorted(p.stem for p in (REPO_ROOT / "ui" / "strings").glob("*.py") if p.stem != "__init__")
PAGES = sorted((REPO_ROOT / "app_pages").glob("*.py")) + [REPO_ROOT / "app.py"]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def table(name: str) -> dict:
    return importlib.import_module(f"ui.strings.{name}").STRINGS


@pytest.mark.parametrize("name", TABLES)
def test_table_is_bilingual(name):
    for key, pair in table(name).items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        ja, en = pair
        assert ja.strip() and en.strip(), f"{name}.{key} is empty in one language"
        words = re.sub(r"\{[^}]*\}", "", ja)  # placeholders are not text
        assert JAPANESE.search(words) or not re.search(r"[A-Za-z]{3}", words), f"{name}.{key}: Japanese text expected"
        assert (
            re.findall(r"\{(\w+)", ja)
            and sorted(re.findall(r"\{(\w+)", ja)) == sorted(re.findall(r"\{(\w+)", en))
            or not re.findall(r"\{(\w+)", ja + en)
        ), f"{name}.{key}: placeholders differ between languages"


def test_every_key_used_by_a_page_exists():
    known: dict[str, set[str]] = {name: set(table(name)) for name in TABLES}
    everything = set().union(*known.values())
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for key in re.findall(r"\btr\(\s*\"([A-Za-z0-9_]+)\"", text):
            assert key in everything, f"{page.name} uses tr({key!r}), which no string table defines"


def test_pages_do_not_render_raw_html():
    for page in PAGES + sorted((REPO_ROOT / "ui").glob("*.py")):
        text = page.read_text(encoding="utf-8")
        assert "unsafe_allow_html=True" not in text, page.name
        assert "st.html(" not in text and "components.html" not in text, page.name
