"""Architecture rules a reader relies on: the core never imports the UI; every module says what it is for."""

from __future__ import annotations

import ast

import pytest

from model.knowledge.library import REPO_ROOT

CORE = sorted((REPO_ROOT / "model").rglob("*.py"))
ALL_MODULES = (
    CORE
    + sorted((REPO_ROOT / "ui").rglob("*.py"))
    + sorted((REPO_ROOT / "app_pages").rglob("*.py"))
    + [REPO_ROOT / "app.py"]
)


def imported_modules(path) -> set[str]:
    """Every module a file imports at run time (imports under ``if TYPE_CHECKING:`` are for annotations only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for n in ast.walk(node)
    }
    names = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def imports(path) -> set[str]:
    return {name.split(".")[0] for name in imported_modules(path)}


#: The pipeline, in order: a stage may import itself and the stages before it, never one after it.
STAGES = ("format", "knowledge", "engine", "report")


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "model" and parts[1] in STAGES else None


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_does_not_import_ui_libraries(path):
    assert not imports(path) & {"streamlit", "plotly", "ui", "app_pages"}


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_no_stage_imports_a_later_one(path):
    module = ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts)
    own = stage_of(module)
    if own is None:
        return  # store, access, api, cli sit beside the pipeline and may use any stage
    later = set(STAGES[STAGES.index(own) + 1 :])
    bad = sorted(
        m
        for m in imported_modules(path)
        if stage_of(m) in later or m in ("model.api", "model.cli", "model.store", "model.access")
    )
    assert not bad, f"{module} (stage {own}) imports {bad}"


def test_every_core_module_sits_in_a_stage_or_is_one_of_the_doors():
    beside = {"__init__", "api", "cli", "store", "access"}
    for path in CORE:
        rel = path.relative_to(REPO_ROOT / "model").parts
        assert rel[0] in STAGES or (len(rel) == 1 and path.stem in beside), f"model/{'/'.join(rel)} is in no stage"


def test_every_subpackage_says_what_it_is_for():
    for folder in [REPO_ROOT / "model" / s for s in STAGES] + [REPO_ROOT / "model" / "engine" / "rules"]:
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc and doc.strip(), f"{folder.relative_to(REPO_ROOT)}/__init__.py needs a docstring"


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
