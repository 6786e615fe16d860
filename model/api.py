"""The one door into the core: what the CLI and every app page call."""

from __future__ import annotations

import json
import os
from typing import Any

from model.engine import levers
from model.engine.assess import Assessment, assess
from model.engine.compare import Comparison, compare
from model.engine.ranking import Mitigation, best_per_phase, rank_mitigations
from model.engine.rules import RULE_FACTS
from model.format.new_project import (
    blank_project,
    copy_project,
    id_problem,
    is_country_code,
    is_slug,
    new_project_problems,
    slugify,
)
from model.format.problems import InputError, Problem
from model.format.project_io import (
    check_project,
    dump_project,
    format_project_file,
    load_project,
    parse_project,
    project_hash,
    save_project,
)
from model.format.spec import ProjectSpec
from model.format.yamlio import read_yaml_file
from model.knowledge import library as _library
from model.knowledge.library import Library
from model.store import ConflictError, Store, StoredProject, StoreError

__all__ = [
    "Assessment",
    "Comparison",
    "ConflictError",
    "StoredProject",
    "Store",
    "StoreError",
    "InputError",
    "Mitigation",
    "assess",
    "best_per_phase",
    "blank_project",
    "compare",
    "copy_project",
    "rank_mitigations",
    "Library",
    "Problem",
    "ProjectSpec",
    "dump_project",
    "export",
    "id_problem",
    "is_country_code",
    "is_slug",
    "levers",
    "format_project_file",
    "library_coverage",
    "load_library",
    "load_project",
    "new_project_problems",
    "parse_project",
    "project_hash",
    "project_schema",
    "save_project",
    "slugify",
    "validate_file",
    "version_diff",
]

SCHEMA_ID = "https://ttplan.invalid/schema/project-v1.json"


def load_library(root: str | os.PathLike | None = None, *, leave_out_invalid: bool = False) -> Library:
    """The knowledge libraries (see ``model.knowledge.library.load_library``), also checked against the engine's
    rules: a fact a rule can find without a weight in libraries/scoring.yaml is a library error here, at load."""
    return _library.load_library(root, leave_out_invalid=leave_out_invalid, rule_facts=RULE_FACTS)


def validate_file(path: str | os.PathLike, library: Library | None = None) -> tuple[ProjectSpec | None, list[Problem]]:
    """Check one project file; the project is None when any problem is an error. Never raises for bad input."""
    try:
        doc = read_yaml_file(path)
    except InputError as exc:
        return None, exc.problems
    return check_project(doc, str(path), library)


def project_schema() -> dict[str, Any]:
    """JSON Schema of the project file format, for editors' completion and checking."""
    schema = ProjectSpec.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def project_schema_text() -> str:
    return json.dumps(project_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def library_coverage(library: Library, lang: str = "ja", full: bool = False) -> str:
    """What the libraries hold and where they are thin (``ttplan library``)."""
    from model.engine.checklist import CHECKS
    from model.knowledge.coverage import coverage_report

    return coverage_report(library, CHECKS, lang, full)


def version_diff(store: Store, project_id: str, a: int, b: int, library: Library) -> Comparison:
    """What changed between two stored versions: inputs, findings and checklist (both recomputed)."""
    return compare(store.load(project_id, a, library), store.load(project_id, b, library), library)


EXPORT_FORMATS = ("xlsx", "docx", "html", "json")
EXPORT_MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "json": "application/json",
}


def export(
    assessment: Assessment, library: Library, fmt: str, lang: str = "ja", previous: Assessment | None = None
) -> bytes:
    """One export of an assessment as bytes: the CLI and the app's download buttons call this same function."""
    if fmt == "xlsx":
        from model.report.xlsx import assessment_xlsx

        return assessment_xlsx(assessment, library, lang)
    if fmt == "docx":
        from model.report.docx import clause_docx

        return clause_docx(assessment, library, lang)
    if fmt == "html":
        from model.report.html import executive_html

        return executive_html(assessment, library, lang, previous)
    if fmt == "json":
        from model.report.json_report import assessment_dict, dumps

        return dumps(assessment_dict(assessment, lang)).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
