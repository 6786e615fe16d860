"""Read a project file into a ProjectSpec with every problem reported at once; write it back as canonical YAML."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from model.format.new_project import is_country_code, slugify
from model.format.problems import InputError, Path, Problem, format_path
from model.format.spec import RESERVED_IDS, SITE, SUPPORTED_FORMAT_VERSIONS, US, ProjectSpec
from model.format.validation import object_id_at, pydantic_problems, reference_suggestion
from model.format.vocab import DealType, DecisionStatus, LeakChannel
from model.format.yamlio import Document, atomic_write, dump_yaml, read_yaml, read_yaml_file

if TYPE_CHECKING:  # the library is an input to the check, never imported at run time (format comes first)
    from model.knowledge.library import Library

_FINDING_RE = re.compile(r"^([a-z_]+)@([a-z0-9][a-z0-9_-]*)$")


# --------------------------------------------------------------------------- reading


def check_project(doc: Document, file: str, library: Library | None = None) -> tuple[ProjectSpec | None, list[Problem]]:
    """Validate a read document. Returns the project (None if any error) and every problem, warnings included."""
    data = doc.data
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else f"a single value ({str(data)[:40]})"
        return None, [Problem("not_a_mapping", file=file, line=1, params={"found": found})]
    supported = ", ".join(str(v) for v in SUPPORTED_FORMAT_VERSIONS)
    version = data.get("format_version")
    if version is None:
        return None, [
            Problem(
                "format_version_missing", path=("format_version",), file=file, line=1, params={"supported": supported}
            )
        ]
    if isinstance(version, bool) or version not in SUPPORTED_FORMAT_VERSIONS:
        line, col = doc.mark(("format_version",))
        return None, [
            Problem(
                "format_version_unsupported",
                path=("format_version",),
                file=file,
                line=line,
                column=col,
                params={"value": version, "supported": supported},
            )
        ]
    problems: list[Problem] = []
    spec = None
    try:
        spec = ProjectSpec.model_validate(data)
    except ValidationError as exc:
        problems.extend(pydantic_problems(exc, doc, ProjectSpec, file))
    problems.extend(_consistency(doc, file, library))
    if spec is not None and spec.project.id is None:
        spec.project.id = default_project_id(file)
    if any(p.severity == "error" for p in problems):
        spec = None
    problems.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0))
    return spec, problems


def default_project_id(file: str) -> str:
    """A project without an id takes one from its file name (or 'project')."""
    return slugify(FsPath(file).stem) or "project"


def parse_project(
    raw: bytes, file: str = "<input>", library: Library | None = None
) -> tuple[ProjectSpec | None, list[Problem]]:
    """Read and validate project bytes; never raises for bad input."""
    try:
        doc = read_yaml(raw, file)
    except InputError as exc:
        return None, exc.problems
    return check_project(doc, file, library)


def load_project(path: str | os.PathLike, library: Library | None = None) -> ProjectSpec:
    """Load a project file. Raises InputError with every problem when it is not valid."""
    doc = read_yaml_file(path)
    spec, problems = check_project(doc, str(path), library)
    if spec is None:
        raise InputError(problems)
    return spec


# --------------------------------------------------------------------------- consistency (on the raw data, so it
# runs even when some values have the wrong type and the user sees every problem at once)


def _items(data: Any, *keys: str) -> list[tuple[int, dict]]:
    current = data
    for key in keys:
        current = current.get(key) if isinstance(current, dict) else None
    if not isinstance(current, list):
        return []
    return [(i, x) for i, x in enumerate(current) if isinstance(x, dict)]


def _section(data: Any, *keys: str) -> dict:
    current = data
    for key in keys:
        current = current.get(key) if isinstance(current, dict) else None
    return current if isinstance(current, dict) else {}


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


class _Checker:
    def __init__(self, doc: Document, file: str, library: Library | None):
        self.doc, self.file, self.library = doc, file, library
        self.data: dict = doc.data
        self.problems: list[Problem] = []

    def add(self, code: str, path: Path, severity: str = "error", **params: Any) -> None:
        line, col = self.doc.mark(path)
        self.problems.append(
            Problem(
                code,
                path=path,
                params=params,
                file=self.file,
                line=line,
                column=col,
                object_id=object_id_at(self.data, path),
                severity=severity,
            )
        )

    def ids(self, *keys: str) -> dict[str, Path]:
        """Ids of a collection, reporting duplicates and reserved words."""
        out: dict[str, Path] = {}
        for i, item in _items(self.data, *keys):
            value = item.get("id")
            if not isinstance(value, str):
                continue
            path = (*keys, i, "id")
            if value in RESERVED_IDS and keys == ("partners",):
                self.add("reserved_id", path, value=value)
            elif value in out:
                self.add("duplicate_id", path, value=value, first=format_path(out[value]))
            else:
                out[value] = path
        return out

    def ref(self, value: Any, path: Path, known: list[str], target: str) -> None:
        if isinstance(value, str) and value not in known:
            candidates = [k for k in known if k not in RESERVED_IDS] + [k for k in known if k in RESERVED_IDS]
            self.add(
                "dangling_reference",
                path,
                value=value,
                target=target,
                suggestion=reference_suggestion(value, candidates),
            )

    def run(self) -> list[Problem]:
        d = self.data
        techs = list(self.ids("technologies"))
        partners = list(self.ids("partners"))
        self.ids("people")
        self.ids("equipment")
        self.ids("disclosure", "stages")
        parties = [US, SITE, *partners]
        holders = [US, *partners]

        self._partners(partners)
        self._governance(holders)
        self._disclosure(techs, parties)
        for i, group in _items(d, "people"):
            self.ref(group.get("employer"), ("people", i, "employer"), parties, "party")
            for j, t in enumerate(group.get("access") or [] if isinstance(group.get("access"), list) else []):
                self.ref(t, ("people", i, "access", j), techs, "technology")
        for i, eq in _items(d, "equipment"):
            embodies = eq.get("embodies") if isinstance(eq.get("embodies"), list) else []
            for j, t in enumerate(embodies):
                self.ref(t, ("equipment", i, "embodies", j), techs, "technology")
            self.ref(eq.get("owner"), ("equipment", i, "owner"), parties, "party")
            for key in ("maintenance_contractor", "disposal_contractor"):
                self.ref(eq.get(key), ("equipment", i, key), partners, "partner")
        self._project_dates()
        self._contract()
        self._decisions(techs)
        country = _section(d, "project").get("host_country")
        if self.library is not None and isinstance(country, str) and is_country_code(country):
            if f"country_profiles/{country}.yaml" in self.library.left_out:
                self.add("country_left_out", ("project", "host_country"), severity="warning", value=country)
            elif country not in self.library.countries:
                self.add("unknown_country", ("project", "host_country"), severity="warning", value=country)
        return self.problems

    def _partners(self, partners: list[str]) -> None:
        parent_of: dict[str, str] = {}
        for i, p in _items(self.data, "partners"):
            parent = p.get("parent")
            if parent is None:
                continue
            if parent == p.get("id"):
                self.add("self_reference", ("partners", i, "parent"))
            else:
                self.ref(parent, ("partners", i, "parent"), partners, "partner")
                if isinstance(p.get("id"), str) and isinstance(parent, str):
                    parent_of[p["id"]] = parent
        reported: set[str] = set()
        for start in parent_of:
            chain, node = [start], parent_of.get(start)
            while node is not None and node not in chain:
                chain.append(node)
                node = parent_of.get(node)
            if node is not None and node == start and start not in reported:
                reported.update(chain)
                index = next(i for i, p in _items(self.data, "partners") if p.get("id") == start)
                self.add("ownership_cycle", ("partners", index, "parent"), cycle=" → ".join(chain + [start]))

    def _governance(self, holders: list[str]) -> None:
        gov = _section(self.data, "governance")
        if not gov:
            return
        deal = _section(self.data, "project").get("deal_type")
        if isinstance(deal, str) and deal in {d.value for d in DealType} and deal != DealType.JOINT_VENTURE:
            self.add("jv_fields_unused", ("governance",), severity="warning")
        # Values of the wrong type (a list as holder, …) are reported by the structure check; skip them here.
        total, seen = 0.0, set()
        shares = _items(self.data, "governance", "equity")
        for i, share in shares:
            holder = share.get("holder")
            self.ref(holder, ("governance", "equity", i, "holder"), holders, "holder")
            if isinstance(holder, str):
                if holder in seen:
                    self.add("holder_twice", ("governance", "equity", i, "holder"), value=holder)
                seen.add(holder)
            pct = share.get("percent")
            if isinstance(pct, (int, float)) and not isinstance(pct, bool):
                total += pct
        if shares:
            total = round(total, 4)
            if total > 100:
                self.add("equity_over_100", ("governance", "equity"), total=f"{total:g}")
            elif total < 100:
                self.add("equity_under_100", ("governance", "equity"), severity="warning", total=f"{total:g}")
        seen = set()
        for i, seat in _items(self.data, "governance", "board"):
            holder = seat.get("holder")
            self.ref(holder, ("governance", "board", i, "holder"), holders, "holder")
            if isinstance(holder, str):
                if holder in seen:
                    self.add("seats_twice", ("governance", "board", i, "holder"), value=holder)
                seen.add(holder)
        self.ref(gov.get("chair"), ("governance", "chair"), holders, "holder")

    def _disclosure(self, techs: list[str], parties: list[str]) -> None:
        recipients = [p for p in parties if p != US]
        previous: tuple[str, dt.date] | None = None
        for i, stage in _items(self.data, "disclosure", "stages"):
            start, end = _as_date(stage.get("start")), _as_date(stage.get("end"))
            if start and end and end < start:
                self.add("stage_dates", ("disclosure", "stages", i, "end"), start=start, end=end)
            if start and previous and start < previous[1]:
                self.add(
                    "stage_order",
                    ("disclosure", "stages", i, "start"),
                    severity="warning",
                    start=start,
                    previous=previous[0],
                    previous_start=previous[1],
                )
            if start:
                previous = (str(stage.get("name") or stage.get("id")), start)
            for j, item in _items(stage, "items"):
                self.ref(
                    item.get("technology"), ("disclosure", "stages", i, "items", j, "technology"), techs, "technology"
                )
                self.ref(
                    item.get("recipient"), ("disclosure", "stages", i, "items", j, "recipient"), recipients, "party"
                )

    def _project_dates(self) -> None:
        project = _section(self.data, "project")
        order = [
            ("start", project.get("start")),
            ("operation_start", project.get("operation_start")),
            ("planned_end", project.get("planned_end")),
        ]
        dated = [(name, _as_date(v)) for name, v in order if _as_date(v)]
        for (earlier_field, earlier), (later_field, later) in pairwise(dated):
            if later < earlier:
                self.add(
                    "project_dates",
                    ("project", later_field),
                    earlier_field=f"project.{earlier_field}",
                    earlier=earlier,
                    later_field=f"project.{later_field}",
                    later=later,
                )
        exit_on = _as_date(_section(self.data, "exit").get("planned_on"))
        start = _as_date(project.get("start"))
        if exit_on and start and exit_on < start:
            self.add(
                "project_dates",
                ("exit", "planned_on"),
                earlier_field="project.start",
                earlier=start,
                later_field="exit.planned_on",
                later=exit_on,
            )

    def _contract(self) -> None:
        clauses = _section(self.data, "contract", "clauses")
        if self.library is None:
            return
        known = sorted(self.library.clauses)
        for clause_id, entry in clauses.items():
            path = ("contract", "clauses", clause_id)
            clause = self.library.clauses.get(clause_id)
            if clause is None:
                if f"contract_clauses/{clause_id}.yaml" in self.library.left_out:
                    # The clause exists but its library file is broken today: keep the project usable.
                    self.add("clause_left_out", path, severity="warning", value=clause_id)
                else:
                    self.add("unknown_clause", path, value=clause_id, suggestion=reference_suggestion(clause_id, known))
                continue
            values = entry.get("variables") if isinstance(entry, dict) else None
            if not isinstance(values, dict):
                continue
            declared = {v.id: v for v in clause.variables}
            for name, value in values.items():
                var = declared.get(name)
                vpath = (*path, "variables", name)
                if var is None:
                    self.add(
                        "unknown_variable", vpath, value=name, clause=clause_id, choices=", ".join(declared) or "—"
                    )
                    continue
                numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
                ok_type = {
                    "int": isinstance(value, int) and not isinstance(value, bool),
                    "float": numeric,
                    "bool": isinstance(value, bool),
                    "text": isinstance(value, str),
                }[var.type]
                if not ok_type:
                    self.add("variable_type", vpath, value=name, clause=clause_id, type=var.type)
                elif numeric and (
                    (var.min is not None and value < var.min) or (var.max is not None and value > var.max)
                ):
                    self.add(
                        "variable_range",
                        vpath,
                        value=name,
                        clause=clause_id,
                        min=f"{var.min:g}" if var.min is not None else "—",
                        max=f"{var.max:g}" if var.max is not None else "—",
                    )

    def _decisions(self, techs: list[str]) -> None:
        seen: dict[str, Path] = {}
        channels = [c.value for c in LeakChannel]
        for i, decision in _items(self.data, "decisions"):
            finding = decision.get("finding")
            path = ("decisions", i, "finding")
            if isinstance(finding, str):
                match = _FINDING_RE.match(finding)
                if not match:
                    self.add("bad_finding_id", path, value=finding)
                elif match.group(1) not in channels:
                    self.add("unknown_channel", path, value=match.group(1), choices=", ".join(channels))
                elif match.group(2) not in techs:
                    self.add("stale_decision", path, severity="warning", value=finding)
                if finding in seen:
                    self.add("decision_twice", path, value=finding, first=format_path(seen[finding]))
                seen.setdefault(finding, path)
            status = decision.get("status")
            if (
                status in (DecisionStatus.ACCEPTED, DecisionStatus.NOT_APPLICABLE)
                and not str(decision.get("justification") or "").strip()
            ):
                label = DecisionStatus(status)
                self.add(
                    "justification_required", ("decisions", i, "justification"), status=(label.label_ja, label.label_en)
                )


def _consistency(doc: Document, file: str, library: Library | None) -> list[Problem]:
    return _Checker(doc, file, library).run()


# --------------------------------------------------------------------------- writing


def _prune(value: Any) -> Any:
    """Drop what says nothing (None, empty lists and mappings) so the file shows only what was entered."""
    if isinstance(value, dict):
        out = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not None and v != {} and v != []}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def project_data(spec: ProjectSpec) -> dict:
    """The canonical plain data of a project: fields in format order, mappings keyed by id sorted."""
    data = _prune(spec.model_dump(mode="python", exclude_defaults=False))
    data = {"format_version": spec.format_version, **{k: v for k, v in data.items() if k != "format_version"}}
    for tech in data.get("technologies", []):
        if tech.get("core") is True:
            del tech["core"]  # the default; written only when a technology is not core
    for keys in (("contract", "clauses"), ("country_overrides",)):
        parent = data
        for key in keys[:-1]:
            parent = parent.get(key, {})
        if keys[-1] in parent:
            parent[keys[-1]] = dict(sorted(parent[keys[-1]].items(), key=lambda kv: str(kv[0])))
    return data


def dump_project(spec: ProjectSpec, header: str = "") -> str:
    """Canonical YAML of a project: the same model always gives the same text.

    ``header`` is a file's opening comment block (``Comments.header``); it is written first, then a blank line.
    """
    body = dump_yaml(project_data(spec))
    return f"{header}\n{body}" if header else body


def content_hash(text: str) -> str:
    """The key of a project's content: the SHA-256 of its canonical YAML (``dump_project``, without a header).

    The store records it with every version and the app keys its caches by it, so a working copy and the stored
    version it equals are one cache entry.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def project_hash(spec: ProjectSpec) -> str:
    """``content_hash`` of a project model."""
    return content_hash(dump_project(spec))


def save_project(
    spec: ProjectSpec, path: str | os.PathLike, before_replace: Callable[[str], None] | None = None, header: str = ""
) -> None:
    """Write the project atomically: a crash leaves the previous file intact."""
    atomic_write(path, dump_project(spec, header), before_replace=before_replace)


def format_project_file(path: str | os.PathLike, library: Library | None = None) -> tuple[str | None, list[Problem]]:
    """A project file in canonical form, keeping the comment block it opens with (``ttplan fmt``).

    The text is None when the file has errors. Comments further down cannot follow the reordered fields; they are
    dropped, and one warning names their lines, so that nothing is lost silently.
    """
    try:
        doc = read_yaml_file(path, keep_comments=True)
    except InputError as exc:
        return None, exc.problems
    spec, problems = check_project(doc, str(path), library)
    if spec is None:
        return None, problems
    later = doc.comments.later_lines
    if later:
        shown = ", ".join(map(str, later[:10])) + (", …" if len(later) > 10 else "")
        problems = [
            *problems,
            Problem(
                "comments_not_kept",
                file=str(path),
                line=later[0],
                severity="warning",
                params={"count": len(later), "lines": shown},
            ),
        ]
    return dump_project(spec, doc.comments.header), problems
