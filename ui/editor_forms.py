"""Pure helpers of the project editor: widget values ↔ project data, candidates and validation."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from model.format.fields import FieldShape, field_shape
from model.format.problems import Problem
from model.format.project_io import check_project
from model.format.spec import (
    MEASURE_SECTIONS,
    SITE,
    US,
    BoardSeats,
    Contract,
    CountryOverride,
    Equipment,
    Exit,
    Governance,
    Measure,
    Operations,
    Partner,
    PeopleGroup,
    ProjectInfo,
    ProjectSpec,
    Shareholding,
    Technology,
    measure_ids,
)
from model.format.vocab import CountryFactor, MeasureStatus, Vocab
from model.format.yamlio import Document
from model.knowledge.library import Library

PREFIX = "editor"
OTHER_COUNTRY = "__other__"


# --------------------------------------------------------------------------- field descriptions


@dataclass(frozen=True)
class F:
    """One editable field: its widget kind, where it lives in an object, what it refers to, and its limits.

    kinds: text, textarea, country, lines, vocab (optional choice), vocab_req (a choice that must be made),
    tri (yes / no / unknown), bool, int, float, date, multi_vocab, ref / ref_req (an id of another object),
    multi_ref (ids of other objects). The field tables below read kind, choices, default and limits from the
    project model (``_f``); the limits guide the widget, the model's own check reports what is out of range.
    """

    name: str
    path: tuple[str, ...]
    kind: str
    vocab: type[Vocab] | None = None
    ref: str | None = None  # technologies | partners | parties | holders
    default: Any = None
    max_chars: int | None = None  # the text's (or each line's) length limit
    minimum: float | None = None
    minimum_excluded: bool = False  # the value must be above the minimum, not equal to it
    maximum: float | None = None

    def seed(self, value: Any) -> Any:
        """Data value → widget value."""
        if self.kind in ("text", "textarea", "country"):
            return "" if value is None else str(value)
        if self.kind == "lines":
            return "\n".join(str(v) for v in value or [])
        if self.kind in ("vocab", "vocab_req"):
            if value is None:
                return list(self.vocab)[0] if self.kind == "vocab_req" else None
            return self.vocab(value)
        if self.kind == "multi_vocab":
            return [self.vocab(v) for v in value or []]
        if self.kind == "multi_ref":
            return list(value or [])
        if self.kind == "bool":
            return self.default if value is None else bool(value)
        return value

    def build(self, value: Any) -> Any:
        """Widget value → data value (None when nothing was given)."""
        if self.kind in ("text", "textarea"):
            return None if value is None or not str(value).strip() else value
        if self.kind == "country":
            text = (value or "").strip()
            return text.upper() if text else None
        if self.kind == "lines":
            return [line.strip() for line in str(value or "").splitlines() if line.strip()]
        if self.kind in ("multi_vocab", "multi_ref"):
            return list(value or [])
        if self.kind == "bool":
            return self.default if value is None else bool(value)
        return value


#: Texts longer than this get a multi-line box (the format's ShortText is 200 characters, its Text 4000).
ONE_LINE_CHARS = 200


def widget_kind(shape: FieldShape, ref: str | None = None, optional: bool = False) -> str:
    """The widget for a field of this shape; ``optional``: the editor may leave a required value empty because
    the whole object it belongs to is optional (a country override)."""
    may_be_empty = shape.optional or optional
    if shape.many:
        if shape.choices is not None:
            return "multi_vocab"
        if shape.type is str:
            return "multi_ref" if ref else "lines"
    elif ref is not None and shape.type is str:
        return "ref" if may_be_empty else "ref_req"
    elif shape.choices is not None:
        return "vocab" if may_be_empty else "vocab_req"
    elif shape.type is str:
        if shape.text == "country":
            return "country"
        return "textarea" if shape.max_length is not None and shape.max_length > ONE_LINE_CHARS else "text"
    elif shape.type is bool:
        return "tri" if shape.optional else "bool"
    elif shape.type in (int, float):
        return shape.type.__name__
    elif shape.type is dt.date:
        return "date"
    raise TypeError(f"no editor widget for {shape}")


def _f(
    model: type[BaseModel], path: str, name: str | None = None, *, ref: str | None = None, optional: bool = False
) -> F:
    """The editor field for ``path`` (dotted) inside ``model``, named ``name`` (default: the path's last part)."""
    shape = field_shape(model, path)
    minimum = shape.gt if shape.gt is not None else shape.ge
    return F(
        name or shape.name,
        tuple(path.split(".")),
        widget_kind(shape, ref, optional),
        vocab=shape.choices,
        ref=ref,
        default=shape.default if shape.type is bool else None,
        max_chars=shape.max_length,
        minimum=minimum,
        minimum_excluded=shape.gt is not None,
        maximum=shape.le,
    )


PROJECT_FIELDS = [
    _f(ProjectInfo, name)
    for name in ("name", "deal_type", "sector", "description", "site_name", "start", "operation_start", "planned_end")
]

TECH_FIELDS = [
    *(_f(Technology, name) for name in ("id", "name", "code_name", "description", "core", "forms", "locations")),
    *(_f(Technology, f"importance.{name}") for name in ("market_value", "catch_up_years", "choke_point", "investment")),
    _f(Technology, "export_control"),
    _f(Technology, "ip_strategy"),
    *(_f(Technology, f"trade_secret.{name}") for name in ("secrecy_managed", "useful", "not_public")),
    _f(Technology, "whole_process_holders"),
    _f(Technology, "whole_process_holders_listed"),
]

PARTNER_FIELDS = [
    _f(Partner, "id"),
    _f(Partner, "name"),
    _f(Partner, "role"),
    _f(Partner, "country"),
    _f(Partner, "parent", ref="partners"),
    *(
        _f(Partner, name)
        for name in (
            "parent_share",
            "ultimate_owner",
            "state_ownership",
            "government_ties",
            "competes_with_us",
            "affiliates_compete",
            "subsidy_applications",
            "sanctions_listed",
        )
    ),
    *(
        _f(Partner, f"due_diligence.{name}", f"dd_{name}")
        for name in (
            "performed_on",
            "interviews",
            "site_visit",
            "information_rules",
            "responsible_unit",
            "training",
            "physical_technical_controls",
            "monitoring",
            "past_incidents",
            "financial_health",
            "compliance",
            "meets_our_standard",
            "note",
        )
    ),
    _f(Partner, "note"),
]

EQUITY_FIELDS = [_f(Shareholding, "holder", ref="holders"), _f(Shareholding, "percent"), _f(Shareholding, "voting")]
BOARD_FIELDS = [_f(BoardSeats, "holder", ref="holders"), _f(BoardSeats, "seats")]
GOVERNANCE_FIELDS = [
    *(
        _f(Governance, name)
        for name in (
            "transfer_restricted_shares",
            "non_voting_share_option",
            "partner_golden_share",
            "partner_latent_shares",
        )
    ),
    _f(Governance, "chair", ref="holders"),
    *(
        _f(Governance, name)
        for name in (
            "director_election_special_resolution",
            "reserved_matters",
            "deadlock",
            "call_option",
            "put_option",
            "licence_terminates_on_dissolution",
            "technology_returned_on_dissolution",
            "no_poach_after_termination_months",
        )
    ),
]

CONTRACT_FIELDS = [
    _f(Contract, name)
    for name in (
        "signed_on",
        "term_years",
        "renewal",
        "governing_law",
        "dispute_resolution",
        "arbitration_seat",
        "arbitration_institution",
        "triggers",
    )
]

PEOPLE_FIELDS = [
    _f(PeopleGroup, "id"),
    _f(PeopleGroup, "name"),
    _f(PeopleGroup, "kind"),
    _f(PeopleGroup, "employer", ref="parties"),
    _f(PeopleGroup, "headcount"),
    _f(PeopleGroup, "access", ref="technologies"),
    *(
        _f(PeopleGroup, name)
        for name in ("post_employment_confidentiality", "pledges_signed", "trained", "expected_annual_turnover_percent")
    ),
]

EQUIPMENT_FIELDS = [
    _f(Equipment, "id"),
    _f(Equipment, "name"),
    _f(Equipment, "category"),
    _f(Equipment, "embodies", ref="technologies"),
    _f(Equipment, "owner", ref="parties"),
    _f(Equipment, "location"),
    _f(Equipment, "maintenance"),
    _f(Equipment, "maintenance_contractor", ref="partners"),
    _f(Equipment, "maker_name_hidden"),
    _f(Equipment, "disposal"),
    _f(Equipment, "disposal_witnessed"),
    _f(Equipment, "disposal_contractor", ref="partners"),
    _f(Equipment, "disposal_contractor_vetted"),
]

OPERATIONS_FIELDS = [_f(Operations, "audit_interval_months")]
EXIT_FIELDS = [_f(Exit, "planned_on")]
# An override is optional as a whole: its rating may stay empty in the editor (no override), though the model
# requires one in every override it holds.
OVERRIDE_FIELDS = [
    _f(CountryOverride, "rating", optional=True),
    _f(CountryOverride, "reason"),
    _f(CountryOverride, "source"),
]

#: Limits of the texts the editor asks for outside the field tables: a measure's note and owner (each measure is
#: one row of its own widgets), and a new project's name and host country code.
MEASURE_TEXT_CHARS = {part: field_shape(Measure, part).max_length for part in ("note", "owner")}
PROJECT_NAME_CHARS = field_shape(ProjectInfo, "name").max_length
COUNTRY_CODE_CHARS = field_shape(ProjectInfo, "host_country").max_length


@dataclass(frozen=True)
class Collection:
    """A list of objects edited row by row (rows carry stable uids so removing one keeps the others' keys)."""

    name: str
    path: tuple[str, ...]
    prefix: str
    fields: list[F]


COLLECTIONS = {
    "technologies": Collection("technologies", ("technologies",), "tech", TECH_FIELDS),
    "partners": Collection("partners", ("partners",), "partner", PARTNER_FIELDS),
    "equity": Collection("equity", ("governance", "equity"), "equity", EQUITY_FIELDS),
    "board": Collection("board", ("governance", "board"), "board", BOARD_FIELDS),
    "people": Collection("people", ("people",), "people", PEOPLE_FIELDS),
    "equipment": Collection("equipment", ("equipment",), "equip", EQUIPMENT_FIELDS),
}


@dataclass(frozen=True)
class Section:
    id: str
    owns: tuple[tuple[str, ...], ...]  # data paths whose values this section writes
    scalars: tuple[tuple[tuple[str, ...], str, list[F]], ...] = ()  # (object path, key prefix, fields)
    collections: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()  # measure sections of model.format.spec.MEASURE_SECTIONS


def measure_fields(measure_section: str) -> list[str]:
    """The measures of one measure section (``operations``, ``disclosure.black_boxing``), in format order."""
    if measure_section not in MEASURE_SECTIONS:
        raise KeyError(measure_section)
    return [mid.rsplit(".", 1)[1] for mid in measure_ids() if mid.rsplit(".", 1)[0] == measure_section]


def _measure_path(measure_section: str) -> tuple[str, ...]:
    return tuple(measure_section.split("."))


SECTIONS: dict[str, Section] = {
    s.id: s
    for s in [
        Section("project", (("project",),), scalars=((("project",), "project", PROJECT_FIELDS),)),
        Section("our_company", (("our_company",),), measures=("our_company",)),
        Section("planning", (("planning",),), measures=("planning",)),
        Section("technologies", (("technologies",),), collections=("technologies",)),
        Section("country", (("country_overrides",),)),
        Section("partners", (("partners",),), collections=("partners",)),
        Section(
            "governance",
            (("governance",),),
            scalars=((("governance",), "gov", GOVERNANCE_FIELDS),),
            collections=("equity", "board"),
        ),
        Section(
            "contract",
            tuple(("contract", f.name) for f in CONTRACT_FIELDS)
            + tuple(("contract", m) for m in measure_fields("contract")),
            scalars=((("contract",), "contract", CONTRACT_FIELDS),),
            measures=("contract",),
        ),
        Section("people", (("people",),), collections=("people",)),
        Section("equipment", (("equipment",),), collections=("equipment",)),
        Section(
            "operations",
            (("operations",),),
            scalars=((("operations",), "ops", OPERATIONS_FIELDS),),
            measures=("operations",),
        ),
        Section("black_boxing", (("disclosure", "black_boxing"),), measures=("disclosure.black_boxing",)),
        Section("exit", (("exit",),), scalars=((("exit",), "exit", EXIT_FIELDS),), measures=("exit",)),
    ]
}


# --------------------------------------------------------------------------- keys


def key(prefix: str, name: str, uid: str | None = None) -> str:
    """The widget key of a field: ``editor_<prefix>_[<uid>_]<name>``."""
    return f"{PREFIX}_{prefix}_{uid}_{name}" if uid is not None else f"{PREFIX}_{prefix}_{name}"


def measure_key(measure_section: str, name: str, part: str) -> str:
    return f"{PREFIX}_m_{measure_section.replace('.', '-')}_{name}_{part}"


def override_key(factor: CountryFactor | str, part: str) -> str:
    return f"{PREFIX}_ovr_{CountryFactor(factor).value}_{part}"


COUNTRY_KEY = key("project", "host_country")
COUNTRY_OTHER_KEY = key("project", "host_country_other")
PROJECT_ID_KEY = key("project", "id")
MEASURE_PARTS = ("status", "note", "owner", "due")


# --------------------------------------------------------------------------- small data helpers


def get_in(data: Any, path: Iterable[str | int]) -> Any:
    current = data
    for part in path:
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            return None
    return current


def set_in(data: dict, path: tuple[str, ...], value: Any) -> None:
    """Set (or, for None and empty values, remove) a value at a path of nested mappings."""
    parent = data
    for part in path[:-1]:
        nxt = parent.get(part)
        if not isinstance(nxt, dict):
            nxt = {}
            parent[part] = nxt
        parent = nxt
    if value is None or value == [] or value == {}:
        parent.pop(path[-1], None)
    else:
        parent[path[-1]] = value


def prune(value: Any) -> Any:
    """Drop what says nothing (None, empty lists and mappings), as the canonical project data does."""
    if isinstance(value, dict):
        out = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not None and v != {} and v != []}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


# --------------------------------------------------------------------------- editor state


def new_state() -> dict:
    """The editor's memory in the session: every field's value (valid or not), row uids, what each section was
    seeded from, and which keys must be pushed into the widgets before they are drawn."""
    return {"project": None, "values": {}, "rows": {}, "next": {}, "base": {}, "fresh": set(), "rendered": []}


def section_keys(section: str, state: dict) -> list[str]:
    sec = SECTIONS[section]
    keys: list[str] = []
    for _path, prefix, fields in sec.scalars:
        keys.extend(key(prefix, f.name) for f in fields)
    for coll_name in sec.collections:
        coll = COLLECTIONS[coll_name]
        for uid in state["rows"].get(coll_name, []):
            keys.extend(key(coll.prefix, f.name, uid) for f in coll.fields)
    for ms in sec.measures:
        keys.extend(measure_key(ms, name, part) for name in measure_fields(ms) for part in MEASURE_PARTS)
    if section == "project":
        keys += [COUNTRY_KEY, COUNTRY_OTHER_KEY, PROJECT_ID_KEY]
    if section == "country":
        keys.extend(override_key(f, x.name) for f in CountryFactor for x in OVERRIDE_FIELDS)
    return keys


def extract(section: str, data: dict) -> tuple:
    """What a section holds in the project data (to notice when another page changed it)."""
    return tuple(copy.deepcopy(get_in(data, path)) for path in SECTIONS[section].owns)


def _seed_measure(value: Any) -> dict[str, Any]:
    if value is None:
        return {"status": None, "note": "", "owner": "", "due": None}
    if isinstance(value, str):
        return {"status": MeasureStatus(value), "note": "", "owner": "", "due": None}
    status = value.get("status")
    return {
        "status": MeasureStatus(status) if status is not None else None,
        "note": value.get("note") or "",
        "owner": value.get("owner") or "",
        "due": value.get("due"),
    }


def seed_section(section: str, data: dict, state: dict, countries: Iterable[str] = ()) -> None:
    """(Re)fill a section's values from the project data, discarding what was typed there."""
    values = state["values"]
    for k in section_keys(section, state):
        values.pop(k, None)
    sec = SECTIONS[section]
    new: dict[str, Any] = {}
    for path, prefix, fields in sec.scalars:
        obj = get_in(data, path) or {}
        for f in fields:
            new[key(prefix, f.name)] = f.seed(get_in(obj, f.path))
    for coll_name in sec.collections:
        coll = COLLECTIONS[coll_name]
        items = get_in(data, coll.path) or []
        uids = [str(i) for i in range(len(items))]
        state["rows"][coll_name] = uids
        state["next"][coll_name] = len(items)
        for uid, item in zip(uids, items, strict=True):
            for f in coll.fields:
                new[key(coll.prefix, f.name, uid)] = f.seed(get_in(item, f.path))
    for ms in sec.measures:
        obj = get_in(data, _measure_path(ms)) or {}
        for name in measure_fields(ms):
            for part, value in _seed_measure(obj.get(name)).items():
                new[measure_key(ms, name, part)] = value
    if section == "project":
        project = data.get("project") or {}
        code = project.get("host_country") or ""
        known = code in set(countries)
        new[COUNTRY_KEY] = code if known else OTHER_COUNTRY
        new[COUNTRY_OTHER_KEY] = "" if known else code
        new[PROJECT_ID_KEY] = project.get("id") or ""
    if section == "country":
        overrides = data.get("country_overrides") or {}
        for factor in CountryFactor:
            entry = overrides.get(factor) or {}
            for f in OVERRIDE_FIELDS:
                new[override_key(factor, f.name)] = f.seed(entry.get(f.name))
    values.update(new)
    state["fresh"].update(new)
    state["base"][section] = extract(section, data)


def sync(state: dict, data: dict, countries: Iterable[str] = ()) -> list[str]:
    """Reseed the sections whose data changed outside the editor (another page, a new project, discard);
    sections the editor last wrote keep what was typed, valid or not. Returns the reseeded sections."""
    project_id = (data.get("project") or {}).get("id")
    countries = list(countries)
    if state["project"] != project_id:
        state.update(new_state())
        state["project"] = project_id
    reseeded = []
    for section in SECTIONS:
        if state["base"].get(section) != extract(section, data) or section not in state["base"]:
            seed_section(section, data, state, countries)
            reseeded.append(section)
    return reseeded


def add_row(state: dict, coll_name: str) -> str:
    """A new empty row (required choices preset to their first value); returns its uid."""
    coll = COLLECTIONS[coll_name]
    uid = str(state["next"].get(coll_name, 0))
    state["next"][coll_name] = int(uid) + 1
    state["rows"].setdefault(coll_name, []).append(uid)
    for f in coll.fields:
        k = key(coll.prefix, f.name, uid)
        state["values"][k] = f.seed(None)
        state["fresh"].add(k)
    return uid


def remove_row(state: dict, coll_name: str, uid: str) -> None:
    coll = COLLECTIONS[coll_name]
    rows = state["rows"].get(coll_name, [])
    if uid in rows:
        rows.remove(uid)
    for f in coll.fields:
        state["values"].pop(key(coll.prefix, f.name, uid), None)


def row_values(state: dict, coll_name: str, field: str) -> list[Any]:
    """The current (typed) values of one field over a collection's rows, e.g. the technology ids."""
    coll = COLLECTIONS[coll_name]
    return [state["values"].get(key(coll.prefix, field, uid)) for uid in state["rows"].get(coll_name, [])]


def ids_of(state: dict, coll_name: str) -> list[str]:
    return [v for v in row_values(state, coll_name, "id") if isinstance(v, str) and v.strip()]


def ref_options(state: dict, ref: str) -> list[str]:
    """Ids a reference may take right now (from what is typed, so a renamed partner can be chosen at once)."""
    partners = ids_of(state, "partners")
    if ref == "technologies":
        return ids_of(state, "technologies")
    if ref == "partners":
        return partners
    if ref == "holders":
        return [US, *partners]
    return [US, SITE, *partners]


# --------------------------------------------------------------------------- building


def _build_object(fields: list[F], values: dict, prefix: str, uid: str | None) -> dict:
    obj: dict = {}
    for f in fields:
        set_in(obj, f.path, f.build(values.get(key(prefix, f.name, uid), f.seed(None))))
    return obj


def _build_measure(values: dict, ms: str, name: str) -> Any:
    status = values.get(measure_key(ms, name, "status"))
    extra = {part: values.get(measure_key(ms, name, part)) for part in ("note", "owner", "due")}
    extra = {k: v for k, v in extra.items() if v is not None and (not isinstance(v, str) or v.strip())}
    if not extra:
        return status  # the short form, as the canonical file writes it
    # a note without a status is kept and reported ("status is required") instead of being dropped
    return {"status": status, **extra} if status is not None else extra


def build_section(section: str, state: dict) -> dict[tuple[str, ...], Any]:
    """The data a section writes, from what is typed: {data path: value}."""
    values = state["values"]
    sec = SECTIONS[section]
    out: dict[tuple[str, ...], Any] = {}
    for path, prefix, fields in sec.scalars:
        obj = _build_object(fields, values, prefix, None)
        for f in fields:
            top = f.path[0]
            out[(*path, top)] = obj.get(top)
    for coll_name in sec.collections:
        coll = COLLECTIONS[coll_name]
        out[coll.path] = [
            prune(_build_object(coll.fields, values, coll.prefix, uid)) for uid in state["rows"].get(coll_name, [])
        ]
    for ms in sec.measures:
        for name in measure_fields(ms):
            out[(*_measure_path(ms), name)] = _build_measure(values, ms, name)
    if section == "project":
        choice = values.get(COUNTRY_KEY)
        other = (values.get(COUNTRY_OTHER_KEY) or "").strip().upper()
        out[("project", "host_country")] = (other or None) if choice == OTHER_COUNTRY else choice
        out[("project", "id")] = values.get(PROJECT_ID_KEY) or None
    if section == "country":
        overrides = {}
        for factor in CountryFactor:
            entry = prune({f.name: f.build(values.get(override_key(factor, f.name))) for f in OVERRIDE_FIELDS})
            if entry:
                overrides[factor] = entry
        out[("country_overrides",)] = overrides
    return out


def candidate(data: dict, state: dict, sections: Iterable[str] | None = None) -> dict:
    """The project data with what is typed in the given sections (all by default) written over it."""
    out = copy.deepcopy(data)
    for section in SECTIONS if sections is None else sections:
        for path, value in build_section(section, state).items():
            set_in(out, path, prune(value) if isinstance(value, (dict, list)) else value)
    return prune(out)


def normalised(data: dict) -> dict:
    """Project data in the canonical shape (defaults left out) so a candidate compares equal to the draft."""
    out = prune(data)
    for tech in out.get("technologies", []):
        if tech.get("core") is True:
            del tech["core"]
        if isinstance(tech.get("locations"), list):
            # The editor shows one location per line, trimmed: spaces around a location are no change of the user's.
            tech["locations"] = [t.strip() for t in tech["locations"] if isinstance(t, str) and t.strip()]
            if not tech["locations"]:
                del tech["locations"]
    return out


def check(data: dict, library: Library | None) -> tuple[ProjectSpec | None, list[Problem]]:
    """Validate candidate data exactly as a file is validated (structure and consistency)."""
    return check_project(Document(data), "", library)


def section_of(path: tuple) -> str | None:
    """The editor section that shows a problem at this data path (None: edited on another page)."""
    for section in SECTIONS.values():
        for owned in section.owns:
            n = min(len(owned), len(path))
            if n and tuple(path[:n]) == owned[:n] and len(path) >= len(owned):
                return section.id
    return None


@dataclass
class Outcome:
    """The result of trying to apply what is typed: the new project (None: nothing to apply) and the problems."""

    spec: ProjectSpec | None
    problems: list[Problem]
    pending: list[str]  # sections whose input is not applied (it has errors)
    changed: bool


def apply(data: dict, state: dict, library: Library | None) -> Outcome:
    """Validate what is typed; when some sections have errors, apply the others if the rest is valid."""
    full = candidate(data, state)
    if normalised(full) == normalised(data):
        return Outcome(None, [], [], False)
    spec, problems = check(full, library)
    if spec is not None:
        return Outcome(spec, problems, [], True)
    bad = {section_of(p.path) for p in problems if p.severity == "error"}
    pending = [s for s in SECTIONS if s in bad]
    if None in bad or not pending:
        return Outcome(None, problems, pending or list(SECTIONS), False)
    good = [s for s in SECTIONS if s not in bad]
    partial = candidate(data, state, good)
    if normalised(partial) == normalised(data):
        return Outcome(None, problems, pending, False)
    spec2, _ = check(partial, library)
    # the problems shown stay those of everything typed, so the invalid fields keep their messages
    return Outcome(spec2, problems, pending, spec2 is not None)
