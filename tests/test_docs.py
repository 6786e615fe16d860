"""The documentation keeps up with the format: every section and every field of the project file is described."""

from __future__ import annotations

import re

from pydantic import BaseModel

from model.format.fields import concrete_types
from model.format.spec import ProjectSpec
from model.knowledge.library import REPO_ROOT

DOC = (REPO_ROOT / "docs" / "project-format.md").read_text(encoding="utf-8")


def field_names(model: type[BaseModel], seen: set) -> set[str]:
    names = set()
    if model in seen:
        return names
    seen.add(model)
    for name, info in model.model_fields.items():
        names.add(name)
        for typ in concrete_types(info.annotation):
            for inner in [typ, *getattr(typ, "__args__", ())]:
                for t in concrete_types(inner):
                    if isinstance(t, type) and issubclass(t, BaseModel):
                        names |= field_names(t, seen)
    return names


def test_every_field_of_the_format_appears_in_the_format_doc():
    undocumented = sorted(n for n in field_names(ProjectSpec, set()) if not re.search(rf"\b{n}\b", DOC))
    assert undocumented == [], f"describe these fields in docs/project-format.md: {undocumented}"


def test_readmes_name_the_two_setup_commands():
    for name in ("README.md", "README.ja.md"):
        text = (REPO_ROOT / name).read_text(encoding="utf-8")
        assert "make run" in text and "make test" in text, name


def test_every_data_check_of_the_checklist_is_documented():
    from model.engine.checklist import CHECKS

    readme = (REPO_ROOT / "libraries" / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## How a checklist item is decided") :]
    for item_id in CHECKS:
        assert item_id in table, f"document the data check of {item_id} in libraries/README.md"
