"""What-if: two variants of a project side by side — what differs in the inputs and what that does to scores, findings and checklist."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from model.engine.assess import Assessment, assess
from model.format.project_io import project_data
from model.format.spec import ProjectSpec
from model.knowledge.library import Library


@dataclass(frozen=True, slots=True)
class InputChange:
    path: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class FindingChange:
    id: str
    before_score: float | None
    after_score: float | None
    before_severity: str | None
    after_severity: str | None

    @property
    def delta(self) -> float:
        return round((self.after_score or 0.0) - (self.before_score or 0.0), 1)


@dataclass(frozen=True, slots=True)
class ChecklistChange:
    id: str
    before: str
    after: str


@dataclass(slots=True)
class Comparison:
    a: Assessment
    b: Assessment
    inputs: list[InputChange] = field(default_factory=list)
    findings: list[FindingChange] = field(default_factory=list)
    checklist: list[ChecklistChange] = field(default_factory=list)

    @property
    def score_delta(self) -> float:
        return round(self.b.score - self.a.score, 1)


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Plain data to ``path → leaf``; lists of objects with ids are keyed by id so inserts do not shift paths."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, child in value.items():
            out.update(flatten(child, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list) and value and all(isinstance(x, dict) and "id" in x for x in value):
        for child in value:
            out.update(flatten(child, f"{prefix}[{child['id']}]"))
    elif isinstance(value, list) and any(isinstance(x, (dict, list)) for x in value):
        for i, child in enumerate(value):
            out.update(flatten(child, f"{prefix}[{i}]"))
    else:
        out[prefix] = value
    return out


def input_changes(a: ProjectSpec, b: ProjectSpec) -> list[InputChange]:
    fa, fb = flatten(project_data(a)), flatten(project_data(b))
    changes = [InputChange(p, fa.get(p), fb.get(p)) for p in sorted(set(fa) | set(fb)) if fa.get(p) != fb.get(p)]
    return [c for c in changes if c.path != "project.id"]


def compare_assessments(a: Assessment, b: Assessment) -> Comparison:
    result = Comparison(a, b, input_changes(a.spec, b.spec))
    fa, fb = {f.id: f for f in a.findings}, {f.id: f for f in b.findings}
    for fid in sorted(set(fa) | set(fb)):
        x, y = fa.get(fid), fb.get(fid)
        if x and y and x.score == y.score and x.severity == y.severity:
            continue
        result.findings.append(
            FindingChange(
                fid,
                x.score if x else None,
                y.score if y else None,
                x.severity if x else None,
                y.severity if y else None,
            )
        )
    result.findings.sort(key=lambda c: (-abs(c.delta), c.id))
    ca, cb = {r.id: r.status for r in a.checklist}, {r.id: r.status for r in b.checklist}
    result.checklist = [ChecklistChange(i, ca[i], cb[i]) for i in ca if i in cb and ca[i] != cb[i]]
    return result


def compare(a: ProjectSpec, b: ProjectSpec, library: Library) -> Comparison:
    """Assess both variants and set out what differs."""
    return compare_assessments(assess(a, library), assess(b, library))
