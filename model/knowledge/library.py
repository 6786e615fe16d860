"""Load and cross-check the knowledge libraries: sources, measures, checklist, contract clauses, country profiles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from pydantic import ValidationError

from model.format.problems import InputError, Problem
from model.format.spec import measure_ids
from model.format.validation import pydantic_problems
from model.format.vocab import LeakChannel
from model.format.yamlio import Document, read_yaml_file
from model.knowledge.library_schema import (
    LIBRARY_KINDS,
    ChecklistCatalogue,
    ChecklistItemDef,
    Citation,
    ContractClause,
    CountryProfile,
    Envelope,
    MeasureCatalogue,
    MeasureDef,
    PrecedentCase,
    ScoringModel,
    SourceEntry,
    SourceRegistry,
)
from model.knowledge.predicate import Predicate, path_problem

#: The repository root: library folders sit beside the ``model`` package.
REPO_ROOT = FsPath(__file__).resolve().parents[2]


@dataclass
class Library:
    """Everything the engine knows besides the project, validated and cross-checked."""

    sources: dict[str, SourceEntry] = field(default_factory=dict)
    measures: dict[str, MeasureDef] = field(default_factory=dict)
    checklist: list[ChecklistItemDef] = field(default_factory=list)
    clauses: dict[str, ContractClause] = field(default_factory=dict)
    countries: dict[str, CountryProfile] = field(default_factory=dict)
    precedents: dict[str, PrecedentCase] = field(default_factory=dict)
    """Public cases (calibration/cases/), shown beside the findings they resemble."""
    scoring: ScoringModel | None = None
    files: dict[str, str] = field(default_factory=dict)
    """Library id → the file it came from (for messages)."""
    versions: dict[str, int] = field(default_factory=dict)
    """Library id (``kind:id``, as in ``files``) → the version of the file, to record what a result was made with."""
    warnings: list[Problem] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    """Files (relative to the library root) left out because of errors; see load_library(leave_out_invalid=...)."""
    left_out_problems: list[Problem] = field(default_factory=list)
    """The errors that made each file in ``left_out`` unusable, located by file, field and line."""


def library_files(root: FsPath) -> list[FsPath]:
    """Every library file under ``root``, in a stable order."""
    groups = [
        sorted((root / "libraries" / "sources").glob("*.yaml")),
        [
            root / "libraries" / "measures.yaml",
            root / "libraries" / "checklist.yaml",
            root / "libraries" / "scoring.yaml",
        ],
        sorted((root / "contract_clauses").glob("*.yaml")),
        sorted((root / "country_profiles").glob("*.yaml")),
        sorted((root / "calibration" / "cases").glob("*.yaml")),
    ]
    return [p for group in groups for p in group]


def _read(path: FsPath, root: FsPath) -> tuple[Envelope | None, Document | None, list[Problem]]:
    name = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    try:
        doc = read_yaml_file(path)
    except InputError as exc:
        return (
            None,
            None,
            [Problem(p.code, p.path, p.params, name, p.line, p.column, p.object_id) for p in exc.problems],
        )
    data = doc.data
    if not isinstance(data, dict):
        return None, doc, [Problem("not_a_mapping", file=name, params={"found": type(data).__name__})]
    kind = data.get("kind")
    model = LIBRARY_KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        line, col = doc.mark(("kind",))
        return (
            None,
            doc,
            [
                Problem(
                    "library_kind",
                    path=("kind",),
                    file=name,
                    line=line,
                    column=col,
                    params={"value": kind, "choices": ", ".join(LIBRARY_KINDS)},
                )
            ],
        )
    try:
        obj = model.model_validate(data)
    except ValidationError as exc:
        return None, doc, pydantic_problems(exc, doc, model, name)
    problems = []
    if isinstance(obj, (ContractClause, CountryProfile, PrecedentCase)) and obj.id != path.stem:
        line, col = doc.mark(("id",))
        problems.append(
            Problem(
                "library_id_file",
                path=("id",),
                file=name,
                line=line,
                column=col,
                params={"value": obj.id, "stem": path.stem},
            )
        )
    _predicate_problems(obj, doc, name, problems)
    return obj, doc, problems


def _predicates(obj: Envelope) -> list[tuple[tuple, Predicate]]:
    if isinstance(obj, ContractClause):
        out = [(("required_when",), obj.required_when)] if obj.required_when else []
        out += [(("cautions", i, "when"), c.when) for i, c in enumerate(obj.cautions) if c.when]
        return out
    if isinstance(obj, ChecklistCatalogue):
        return [(("items", i, "applies_when"), it.applies_when) for i, it in enumerate(obj.items) if it.applies_when]
    if isinstance(obj, MeasureCatalogue):
        return [
            (("measures", i, "required_when"), m.required_when) for i, m in enumerate(obj.measures) if m.required_when
        ]
    return []


def _predicate_problems(obj: Envelope, doc: Document, name: str, problems: list[Problem]) -> None:
    for path, pred in _predicates(obj):
        for field_path in pred.fields():
            detail = path_problem(field_path)
            if detail:
                line, col = doc.mark(path)
                problems.append(
                    Problem("predicate_path", path=path, file=name, line=line, column=col, params={"detail": detail})
                )


def _citations(obj: Envelope) -> list[tuple[tuple, Citation]]:
    out: list[tuple[tuple, Citation]] = [
        (("sources", i), c) for i, c in enumerate(getattr(obj, "sources", [])) if isinstance(c, Citation)
    ]
    if isinstance(obj, ContractClause):
        out += [(("cautions", i, "sources", j), c) for i, k in enumerate(obj.cautions) for j, c in enumerate(k.sources)]
    if isinstance(obj, CountryProfile):
        out += [
            (("factors", f.value, "facts", j, "source"), fact.source)
            for f, a in obj.factors.items()
            for j, fact in enumerate(a.facts)
        ]
        out += [
            (("tech_interest_sectors", j, "source"), fact.source) for j, fact in enumerate(obj.tech_interest_sectors)
        ]
    return out


#: Folders whose files the app can do without: a broken clause or country profile is left out (and reported)
#: instead of stopping everything. Sources, measures, the checklist and scoring hold everything else up.
OPTIONAL_FOLDERS = ("contract_clauses", "country_profiles", "calibration")


def _optional(name: str | None) -> bool:
    return bool(name) and FsPath(name).parts[0] in OPTIONAL_FOLDERS


def load_library(
    root: FsPath | str | None = None,
    *,
    leave_out_invalid: bool = False,
    rule_facts: Mapping[LeakChannel, Iterable[str]] | None = None,
) -> Library:
    """Read every library file under ``root`` (default: the repository), validate and cross-check it.

    Raises InputError listing every problem in every file. With ``leave_out_invalid`` a contract clause or
    country profile with an error (its own, or a reference of its that does not resolve) is left out instead:
    the rest is cross-checked again without it, and the files and their problems are kept in ``left_out`` and
    ``left_out_problems``. An error in any other library file still raises.

    ``rule_facts`` names, per channel, the fact ids the engine's rules can emit; each must have a weight in the
    scoring model. The engine's list comes in as an argument because this stage comes before the engine:
    ``model.api.load_library`` passes it.
    """
    root = FsPath(root) if root else REPO_ROOT
    read: list[tuple[str, Envelope | None, Document | None, list[Problem]]] = []
    for path in library_files(root):
        name = str(path.relative_to(root))
        if not path.exists():
            read.append((name, None, None, [Problem("library_missing", file=name, params={"value": name})]))
            continue
        read.append((name, *_read(path, root)))
    left_out: dict[str, list[Problem]] = {}
    while True:
        lib, problems = _assemble(read, left_out, rule_facts or {})
        if not leave_out_invalid:
            break
        # Leaving a file out can break references to it elsewhere, so repeat until nothing more goes.
        failing = {p.file for p in problems if p.severity == "error" and _optional(p.file)}
        if not failing:
            break
        for name in sorted(failing):
            left_out[name] = [p for p in problems if p.file == name]
    errors_left = any(p.severity == "error" for p in problems)
    if errors_left:
        raise InputError([p for found in left_out.values() for p in found] + problems)
    lib.warnings = problems
    lib.left_out = list(left_out)
    lib.left_out_problems = [p for found in left_out.values() for p in found]
    return lib


def _assemble(
    read: list[tuple[str, Envelope | None, Document | None, list[Problem]]],
    left_out: dict[str, list[Problem]],
    rule_facts: Mapping[LeakChannel, Iterable[str]],
) -> tuple[Library, list[Problem]]:
    """The library from the files read, without those left out, and every problem found in it."""
    lib = Library()
    problems: list[Problem] = []
    loaded: list[tuple[str, Envelope, Document]] = []
    for name, obj, doc, found in read:
        if name in left_out:
            continue
        problems.extend(found)
        if obj is None or doc is None:
            continue
        key = f"{obj.kind}:{obj.id}"
        if key in lib.files:
            problems.append(
                Problem("library_duplicate", file=name, path=("id",), params={"value": obj.id, "first": lib.files[key]})
            )
            continue
        lib.files[key] = name
        lib.versions[key] = obj.version
        loaded.append((name, obj, doc))
        if isinstance(obj, SourceRegistry):
            for i, entry in enumerate(obj.sources):
                if entry.id in lib.sources:
                    problems.append(
                        Problem(
                            "library_duplicate",
                            file=name,
                            path=("sources", i, "id"),
                            params={"value": entry.id, "first": "sources"},
                        )
                    )
                lib.sources[entry.id] = entry
        elif isinstance(obj, MeasureCatalogue):
            for i, m in enumerate(obj.measures):
                if m.id in lib.measures:
                    problems.append(
                        Problem(
                            "library_duplicate",
                            file=name,
                            path=("measures", i, "id"),
                            params={"value": m.id, "first": "measures"},
                        )
                    )
                lib.measures[m.id] = m
        elif isinstance(obj, ChecklistCatalogue):
            seen: set[str] = set()
            for i, item in enumerate(obj.items):
                if item.id in seen:
                    problems.append(
                        Problem(
                            "library_duplicate",
                            file=name,
                            path=("items", i, "id"),
                            params={"value": item.id, "first": "checklist"},
                        )
                    )
                seen.add(item.id)
            lib.checklist = list(obj.items)
        elif isinstance(obj, ContractClause):
            lib.clauses[obj.id] = obj
        elif isinstance(obj, CountryProfile):
            lib.countries[obj.id] = obj
        elif isinstance(obj, ScoringModel):
            lib.scoring = obj
        elif isinstance(obj, PrecedentCase):
            lib.precedents[obj.id] = obj
            problems.extend(_precedent_problems(lib, obj, doc, name))
    # A clause left out is one the checklist no longer asks about (its id is its file name): the items that named
    # it are decided by what remains, rather than failing on a reference that the left-out file explains.
    gone = {FsPath(name).stem for name in left_out if FsPath(name).parts[0] == "contract_clauses"}
    registry_failed = any(p.file and p.file.startswith("libraries/sources/") for p in problems)
    problems.extend(_cross_check(lib, loaded, check_citations=not registry_failed, left_out_clauses=gone))
    problems.extend(_fact_weight_problems(lib, loaded, rule_facts))
    if gone:
        lib.checklist = [
            item.model_copy(update={"clauses": [c for c in item.clauses if c not in gone]})
            if gone & set(item.clauses)
            else item
            for item in lib.checklist
        ]
    return lib, problems


def _fact_weight_problems(
    lib: Library, loaded: list[tuple[str, Envelope, Document]], rule_facts: Mapping[LeakChannel, Iterable[str]]
) -> list[Problem]:
    """A fact a rule can emit without a weight (global, or the channel's own) would fail the first project to
    trigger it; it is reported here, against the scoring model's ``facts``, once per fact."""
    found = next(((name, obj, doc) for name, obj, doc in loaded if isinstance(obj, ScoringModel)), None)
    if found is None:
        return []
    name, scoring, doc = found
    line, col = doc.mark(("facts",), key=True)
    missing: dict[str, list[str]] = {}
    for channel, fact_ids in rule_facts.items():
        own = scoring.channels[channel].facts if channel in scoring.channels else {}
        for fact_id in fact_ids:
            if fact_id not in scoring.facts and fact_id not in own:
                missing.setdefault(fact_id, []).append(channel.value)
    return [
        Problem(
            "scoring_fact_missing",
            file=name,
            path=("facts",),
            line=line,
            column=col,
            params={"value": fact_id, "channels": ", ".join(channels)},
        )
        for fact_id, channels in sorted(missing.items())
    ]


def known_guidance_refs(lib: Library) -> set[str]:
    """Every reference into the guidance a library may use: a checklist item, its section, or its phase."""
    refs: set[str] = set()
    for item in lib.checklist:
        section = item.section
        refs |= {item.id, section, section.rsplit(".", 1)[0]}
    return refs


def _precedent_problems(lib: Library, case: PrecedentCase, doc: Document, name: str) -> list[Problem]:
    """A precedent's preventing controls must be clauses and measures the library has (they load before it)."""
    out = []
    for i, control in enumerate(case.would_have_prevented.controls):
        known = lib.clauses if control.kind == "clause" else lib.measures
        if control.id not in known:
            path = ("would_have_prevented", "controls", i, "id")
            line, col = doc.mark(path)
            out.append(
                Problem(
                    "library_reference",
                    file=name,
                    path=path,
                    line=line,
                    column=col,
                    object_id=case.id,
                    params={"value": control.id, "target": control.kind},
                )
            )
    return out


def _cross_check(
    lib: Library,
    loaded: list[tuple[str, Envelope, Document]],
    check_citations: bool = True,
    left_out_clauses: set[str] = frozenset(),
) -> list[Problem]:
    """References between library files. Citations are skipped when a source registry itself failed to load,
    so one broken registry is reported once rather than as every citation it would have resolved; references
    to clauses left out (see load_library) are not reported again."""
    problems: list[Problem] = []
    for name, obj, doc in loaded:

        def missing(
            path: tuple, value: str, target: str, object_id: str | None = None, doc: Document = doc, name: str = name
        ) -> None:
            line, col = doc.mark(path)
            problems.append(
                Problem(
                    "library_reference",
                    file=name,
                    path=path,
                    line=line,
                    column=col,
                    object_id=object_id,
                    params={"value": value, "target": target},
                )
            )

        for path, citation in _citations(obj) if check_citations else []:
            if citation.source not in lib.sources:
                missing((*path, "source") if path[-1] != "source" else path, citation.source, "source")
        if isinstance(obj, ChecklistCatalogue):
            for i, item in enumerate(obj.items):
                for j, m in enumerate(item.measures):
                    if m not in lib.measures:
                        missing(("items", i, "measures", j), m, "measure", item.id)
                for j, c in enumerate(item.clauses):
                    if c not in lib.clauses and c not in left_out_clauses:
                        missing(("items", i, "clauses", j), c, "clause", item.id)
    known_refs = known_guidance_refs(lib)
    for name, obj, doc in loaded:
        defs = [(("guidance_refs",), obj.guidance_refs)] if isinstance(obj, ContractClause) else []
        if isinstance(obj, MeasureCatalogue):
            defs = [(("measures", i, "guidance_refs"), m.guidance_refs) for i, m in enumerate(obj.measures)]
        for path, refs in defs:
            for j, ref in enumerate(refs):
                if known_refs and ref not in known_refs:
                    line, col = doc.mark((*path, j))
                    problems.append(
                        Problem(
                            "library_reference",
                            file=name,
                            path=(*path, j),
                            line=line,
                            column=col,
                            params={"value": ref, "target": "guidance section"},
                        )
                    )
    if lib.measures:
        expected = set(measure_ids())
        have = set(lib.measures)
        if expected != have:
            detail = []
            if expected - have:
                detail.append("missing " + ", ".join(sorted(expected - have)))
            if have - expected:
                detail.append("not in the format " + ", ".join(sorted(have - expected)))
            problems.append(
                Problem(
                    "measure_catalogue_mismatch", file="libraries/measures.yaml", params={"detail": "; ".join(detail)}
                )
            )
    return problems
