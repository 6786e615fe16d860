"""Architecture rules a reader relies on: the core never imports the UI; every module says what it is for."""

from __future__ import annotations

import ast

import pytest

from model.library import REPO_ROOT

CORE = sorted((REPO_ROOT / "model").rglob("*.py"))
ALL_MODULES = CORE + sorted((REPO_ROOT / "ui").rglob("*.py")) + sorted((REPO_ROOT / "app_pages").rglob("*.py")) + [
    REPO_ROOT / "app.py"]


def imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_does_not_import_ui_libraries(path):
    assert not imports(path) & {"streamlit", "plotly", "ui", "app_pages"}


@pytest.mark.parametrize("path", ALL_MODULES, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_module_opens_with_a_one_line_purpose(path):
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    if path.name == "__init__.py" and not path.read_text(encoding="utf-8").strip():
        return
    assert doc and doc.strip(), f"{path.name} needs a docstring saying what it is for"


def test_yaml_is_only_loaded_safely():
    for path in ALL_MODULES:
        text = path.read_text(encoding="utf-8")
        for unsafe in ("yaml.load(", "yaml.unsafe_load", "yaml.Loader", "FullLoader", "UnsafeLoader", "eval(", "exec("):
            assert unsafe not in text, f"{path.name} uses {unsafe}"
