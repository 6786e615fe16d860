"""Project editor: every section of the project file, checked as you type; new project, YAML import and export."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from model import api
from model.format.problems import Problem
from model.format.project_io import project_data
from model.format.vocab import CountryFactor, DealType, MeasureStatus, RiskRating
from model.knowledge.library_schema import PROFILE_NOTICE
from ui import core, session
from ui import editor_forms as ef
from ui.i18n import Translator, bilingual, lang
from ui.strings import common
from ui.strings.editor import STRINGS
from ui.widgets import choice, escape_md, show_problems

tr = Translator(STRINGS, common.STRINGS)

STATE = "editor_state"
SECTION_KEY = "editor_section"
FILE = "file"
IMPORT = "editor_import"
NOTICE = "editor_notice"
MAX_UPLOAD = 2 * 1024 * 1024
TYPED_ID_CHARS = 100  # what a user types for a new id; api.slugify cuts the id itself to the format's length
DATE_MIN, DATE_MAX = dt.date(1950, 1, 1), dt.date(2100, 12, 31)


# --------------------------------------------------------------------------- widget plumbing


class Ctx:
    """What the widgets of one run share: the editor state, the problems, and which problems were shown."""

    def __init__(self, state: dict, problems: list[Problem]):
        self.state = state
        self.problems = problems
        self.shown: set[int] = set()
        self.rendered: list[str] = []

    def prepare(self, k: str) -> None:
        """Push the remembered value into the widget before it is drawn (after a reseed, or when the widget's own
        state was dropped because it was not drawn in the previous run)."""
        fresh = self.state["fresh"]
        if k in fresh or k not in st.session_state:
            st.session_state[k] = self.state["values"].get(k)
            fresh.discard(k)
        self.rendered.append(k)

    def errors_at(self, path: tuple) -> None:
        """The problems located at (or under) a field, right under it, as inert text."""
        n = len(path)
        for i, p in enumerate(self.problems):
            if i not in self.shown and tuple(p.path[:n]) == tuple(path):
                self.shown.add(i)
                box = st.error if p.severity == "error" else st.warning
                box(escape_md(p.message(lang())), icon=":material/error:" if p.severity == "error" else None)


def _label(name: str) -> str:
    return tr(f"f_{name}")


def _tri(label: str, k: str, help_text: str | None = None) -> None:
    options = [None, True, False]
    names = {None: tr("unknown"), True: tr("yes"), False: tr("no")}
    st.selectbox(label, options, key=k, format_func=names.__getitem__, help=help_text)


def _safe_id(value: Any) -> str:
    text = str(value)
    return text if api.is_slug(text) else escape_md(text)


def _party_names() -> Any:
    """A label function for party ids; the texts are fixed now because AppTest calls it outside the run."""
    names = {None: tr("choose"), "us": tr("party_us"), "site": tr("party_site")}
    return lambda value: names[value] if value in names else _safe_id(value)


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def _with_range(f: ef.F, help_text: str | None) -> str | None:
    """The help of a number field with the model's range in words. The widget itself takes any number, so a value
    out of range stays visible with the model's message under it instead of being silently clamped."""
    if f.minimum is None or f.maximum is None:
        return help_text
    words = tr("range_above" if f.minimum_excluded else "range", low=_number(f.minimum), high=_number(f.maximum))
    return f"{help_text}\n\n{words}" if help_text else words


def field(
    ctx: Ctx,
    f: ef.F,
    k: str,
    path: tuple,
    *,
    label: str | None = None,
    help_text: str | None = None,
    exclude: str | None = None,
) -> None:
    """Draw one field of the project with its remembered value and its problems."""
    ctx.prepare(k)
    label = label or _label(f.name)
    kind = f.kind
    if kind in ("text", "country"):
        st.text_input(label, key=k, max_chars=f.max_chars, help=help_text)
    elif kind == "textarea":
        st.text_area(label, key=k, max_chars=f.max_chars, height=90, help=help_text)
    elif kind == "lines":
        st.text_area(label, key=k, height=90, help=help_text or tr("lines_help"))
    elif kind in ("vocab", "vocab_req"):
        # value None: the remembered session value decides (no default that would fight it)
        choice(label, f.vocab, None, key=k, optional=kind == "vocab")
    elif kind == "tri":
        _tri(label, k, help_text)
    elif kind == "bool":
        st.checkbox(label, key=k, help=help_text)
    elif kind == "int":
        st.number_input(label, value=None, step=1, key=k, help=_with_range(f, help_text))
    elif kind == "float":
        st.number_input(label, value=None, step=1.0, format="%g", key=k, help=_with_range(f, help_text))
    elif kind == "date":
        st.date_input(
            label, value=None, min_value=DATE_MIN, max_value=DATE_MAX, format="YYYY-MM-DD", key=k, help=help_text
        )
    elif kind == "multi_vocab":
        code = lang()
        meanings = "\n\n".join(f"**{m.label(code)}**: {m.description(code)}" for m in f.vocab if m.description(code))
        st.multiselect(label, list(f.vocab), key=k, format_func=lambda m: m.label(code), help=meanings or help_text)
    elif kind in ("ref", "ref_req", "multi_ref"):
        options = [o for o in ef.ref_options(ctx.state, f.ref) if o != exclude]
        current = st.session_state.get(k)
        if kind == "multi_ref":
            extra = [v for v in current or [] if v not in options]  # keep a dangling choice visible (it is reported)
            st.multiselect(label, options + extra, key=k, format_func=_party_names(), help=help_text)
        else:
            head = [None] if kind == "ref" or current is None else []
            extra = [current] if current is not None and current not in options else []
            st.selectbox(label, head + options + extra, key=k, format_func=_party_names(), help=help_text)
    ctx.errors_at(path)


def measure_row(ctx: Ctx, lib: api.Library, ms: str, name: str) -> None:
    """One measure: the catalogue's title and meaning, a status, and an optional note, owner and due date."""
    mdef = lib.measures.get(f"{ms}.{name}")
    title = bilingual(mdef.title) if mdef else name
    help_text = None
    if mdef:
        help_text = f"{bilingual(mdef.description)}\n\n{tr('m_owner_dept', dept=mdef.owner.label(lang()))}"
    keys = {part: ef.measure_key(ms, name, part) for part in ef.MEASURE_PARTS}
    for k in keys.values():
        ctx.prepare(k)
    c1, c2, c3, c4 = st.columns([4, 5, 2, 2])
    with c1:
        code, unknown = lang(), tr("unknown")
        meanings = "\n\n".join(f"**{m.label(code)}**: {m.description(code)}" for m in MeasureStatus)
        st.selectbox(
            title,
            [None, *MeasureStatus],
            key=keys["status"],
            format_func=lambda m: unknown if m is None else m.label(code),
            help=f"{help_text}\n\n---\n\n{meanings}" if help_text else meanings,
        )
    with c2:
        st.text_input(tr("m_note"), key=keys["note"], max_chars=ef.MEASURE_TEXT_CHARS["note"])
    with c3:
        st.text_input(tr("m_owner"), key=keys["owner"], max_chars=ef.MEASURE_TEXT_CHARS["owner"])
    with c4:
        st.date_input(
            tr("m_due"), value=None, min_value=DATE_MIN, max_value=DATE_MAX, format="YYYY-MM-DD", key=keys["due"]
        )
    ctx.errors_at((*ms.split("."), name))


def measures(ctx: Ctx, lib: api.Library, ms: str) -> None:
    for name in ef.measure_fields(ms):
        measure_row(ctx, lib, ms, name)


def grid(ctx: Ctx, fields: list[ef.F], key_of, path_of, columns: int = 3, **kw: Any) -> None:
    """Fields laid out in columns (short fields side by side; long text gets a full row)."""
    short = [f for f in fields if f.kind not in ("textarea", "lines", "multi_vocab", "multi_ref")]
    long = [f for f in fields if f not in short]
    for start in range(0, len(short), columns):
        cols = st.columns(columns)
        for col, f in zip(cols, short[start : start + columns], strict=False):
            with col:
                field(ctx, f, key_of(f), path_of(f), **kw.get(f.name, {}))
    for f in long:
        field(ctx, f, key_of(f), path_of(f), **kw.get(f.name, {}))


def _add_row(coll: str) -> None:
    ef.add_row(st.session_state[STATE], coll)


def _remove_row(coll: str, uid: str) -> None:
    ef.remove_row(st.session_state[STATE], coll, uid)


def rows(ctx: Ctx, coll_name: str, render_row, title_of=None, expanded: bool = False) -> None:
    """A list of objects, one expander each, with add and remove."""
    coll = ef.COLLECTIONS[coll_name]
    uids = list(ctx.state["rows"].get(coll_name, []))
    if not uids:
        st.caption(tr("empty_list"))
    for index, uid in enumerate(uids):
        path = (*coll.path, index)
        bad = any(tuple(p.path[: len(path)]) == path and p.severity == "error" for p in ctx.problems)
        if title_of is not None:
            values = ctx.state["values"]
            name = values.get(ef.key(coll.prefix, "name", uid)) or ""
            ident = values.get(ef.key(coll.prefix, "id", uid)) or ""
            title = f"{escape_md(name) if name.strip() else tr('row_unnamed')} · {escape_md(ident)}"
            with st.expander(title, expanded=expanded or bad, icon=":material/error:" if bad else None):
                render_row(uid, index, path)
                st.button(
                    tr("remove"),
                    key=f"editor_{coll.prefix}_{uid}_remove",
                    on_click=_remove_row,
                    args=(coll_name, uid),
                    help=tr("remove_help"),
                    icon=":material/delete:",
                )
        else:
            cols = st.columns([10, 1])
            with cols[0]:
                render_row(uid, index, path)
            with cols[1]:
                st.button(
                    "",
                    key=f"editor_{coll.prefix}_{uid}_remove",
                    on_click=_remove_row,
                    args=(coll_name, uid),
                    help=tr("remove"),
                    icon=":material/delete:",
                )
    st.button(tr("add"), key=f"editor_{coll.prefix}_add", on_click=_add_row, args=(coll_name,), icon=":material/add:")


def collection_row(ctx: Ctx, coll_name: str, uid: str, path: tuple, columns: int = 3, **kw: Any) -> None:
    coll = ef.COLLECTIONS[coll_name]
    grid(ctx, coll.fields, lambda f: ef.key(coll.prefix, f.name, uid), lambda f: (*path, *f.path), columns, **kw)


def scalar_fields(ctx: Ctx, prefix: str, obj_path: tuple, fields: list[ef.F], columns: int = 3, **kw: Any) -> None:
    grid(ctx, fields, lambda f: ef.key(prefix, f.name), lambda f: (*obj_path, *f.path), columns, **kw)


# --------------------------------------------------------------------------- sections


def sec_project(ctx: Ctx, lib: api.Library) -> None:
    ctx.prepare(ef.PROJECT_ID_KEY)
    st.text_input(tr("f_project_id"), key=ef.PROJECT_ID_KEY, disabled=True, help=tr("f_project_id_help"))
    fields = {f.name: f for f in ef.PROJECT_FIELDS}
    c1, c2 = st.columns(2)
    with c1:
        field(ctx, fields["name"], ef.key("project", "name"), ("project", "name"))
    with c2:
        field(ctx, fields["deal_type"], ef.key("project", "deal_type"), ("project", "deal_type"))
    c1, c2, c3 = st.columns(3)
    with c1:
        ctx.prepare(ef.COUNTRY_KEY)
        codes = sorted(lib.countries)
        current = st.session_state.get(ef.COUNTRY_KEY)
        options = [*codes, ef.OTHER_COUNTRY] + ([current] if current not in (*codes, ef.OTHER_COUNTRY) else [])
        names = _country_names(lib)
        st.selectbox(
            tr("f_host_country"),
            options,
            key=ef.COUNTRY_KEY,
            help=tr("f_host_country_help"),
            format_func=lambda c: names.get(c, _safe_id(c)),
        )
    with c2:
        if st.session_state.get(ef.COUNTRY_KEY) == ef.OTHER_COUNTRY:
            ctx.prepare(ef.COUNTRY_OTHER_KEY)
            st.text_input(tr("f_host_country_other"), key=ef.COUNTRY_OTHER_KEY, max_chars=ef.COUNTRY_CODE_CHARS)
    with c3:
        field(ctx, fields["sector"], ef.key("project", "sector"), ("project", "sector"))
    ctx.errors_at(("project", "host_country"))
    field(ctx, fields["site_name"], ef.key("project", "site_name"), ("project", "site_name"))
    field(ctx, fields["description"], ef.key("project", "description"), ("project", "description"))
    cols = st.columns(3)
    for col, name in zip(cols, ("start", "operation_start", "planned_end"), strict=True):
        with col:
            field(ctx, fields[name], ef.key("project", name), ("project", name))


def sec_technologies(ctx: Ctx, lib: api.Library) -> None:
    def render(uid: str, index: int, path: tuple) -> None:
        coll = ef.COLLECTIONS["technologies"]
        by = {f.name: f for f in coll.fields}

        def one(name: str, **kw: Any) -> None:
            f = by[name]
            field(ctx, f, ef.key(coll.prefix, name, uid), (*path, *f.path), **kw)

        c1, c2, c3 = st.columns(3)
        with c1:
            one("id", help_text=tr("f_id_help"))
        with c2:
            one("name")
        with c3:
            one("code_name")
        one("core")
        one("description")
        one("forms")
        one("locations")
        st.markdown(f"**{tr('importance')}**")
        c1, c2, c3, c4 = st.columns(4)
        for col, name in zip(
            (c1, c2, c3, c4), ("market_value", "catch_up_years", "choke_point", "investment"), strict=True
        ):
            with col:
                one(name)
        c1, c2 = st.columns(2)
        with c1:
            one("export_control")
        with c2:
            one("ip_strategy")
        st.markdown(f"**{tr('trade_secret')}**")
        c1, c2, c3 = st.columns(3)
        for col, name in zip((c1, c2, c3), ("secrecy_managed", "useful", "not_public"), strict=True):
            with col:
                one(name)
        c1, c2 = st.columns(2)
        with c1:
            one("whole_process_holders")
        with c2:
            one("whole_process_holders_listed")

    rows(ctx, "technologies", render, title_of=True)


def sec_country(ctx: Ctx, lib: api.Library) -> None:
    spec = session.draft()
    code = spec.project.host_country
    profile = lib.countries.get(code)
    st.info(bilingual(PROFILE_NOTICE), icon=":material/info:")
    if profile is None:
        st.warning(tr("no_profile", code=code))
    else:
        st.subheader(tr("profile_of", name=bilingual(profile.name), code=code))
        st.caption(tr("profile_version", version=profile.version, reviewed=profile.reviewed))
    values = ctx.state["values"]
    for factor in CountryFactor:
        assessment = profile.factors.get(factor) if profile else None
        rating = assessment.rating if assessment else None
        shown = rating.label(lang()) if rating else tr("rating_none")
        override = values.get(ef.override_key(factor, "rating"))
        title = f"{factor.label(lang())} — {shown}"
        if isinstance(override, RiskRating):
            title += f" → {override.label(lang())}{tr('overridden')}"
        path = ("country_overrides", factor.value)
        bad = any(tuple(p.path[:2]) == path for p in ctx.problems)
        with st.expander(title, expanded=bad):
            st.caption(factor.description(lang()))
            if assessment is not None:
                st.markdown(f"**{tr('rating_profile', rating=shown)}**")
                st.markdown(f"**{tr('judgement')}**: {bilingual(assessment.judgement)}")
                if assessment.facts:
                    st.markdown(f"**{tr('facts')}**")
                    for fact in assessment.facts:
                        source = lib.sources.get(fact.source.source)
                        st.markdown(
                            "- "
                            + tr(
                                "fact_line",
                                text=bilingual(fact.text),
                                source=source.title if source else fact.source.source,
                                as_of=fact.as_of.isoformat(),
                            )
                        )
            st.markdown(f"**{tr('override')}**", help=tr("override_help"))
            c1, c2 = st.columns([1, 2])
            by = {f.name: f for f in ef.OVERRIDE_FIELDS}
            with c1:
                field(ctx, by["rating"], ef.override_key(factor, "rating"), (*path, "rating"))
                field(ctx, by["source"], ef.override_key(factor, "source"), (*path, "source"))
            with c2:
                field(ctx, by["reason"], ef.override_key(factor, "reason"), (*path, "reason"))
            ctx.errors_at(path)
    if profile is not None and profile.tech_interest_sectors:
        with st.expander(tr("tech_interest")):
            for fact in profile.tech_interest_sectors:
                source = lib.sources.get(fact.source.source)
                st.markdown(
                    "- "
                    + tr(
                        "fact_line",
                        text=bilingual(fact.text),
                        source=source.title if source else fact.source.source,
                        as_of=fact.as_of.isoformat(),
                    )
                )


def sec_partners(ctx: Ctx, lib: api.Library) -> None:
    coll = ef.COLLECTIONS["partners"]
    main = [f for f in coll.fields if not f.name.startswith("dd_") and f.name != "note"]
    dd = [f for f in coll.fields if f.name.startswith("dd_")]
    note = [f for f in coll.fields if f.name == "note"]

    def render(uid: str, index: int, path: tuple) -> None:
        own_id = ctx.state["values"].get(ef.key(coll.prefix, "id", uid))
        kw = {"parent": {"exclude": own_id}, "id": {"help_text": tr("f_id_help")}}
        grid(ctx, main, lambda f: ef.key(coll.prefix, f.name, uid), lambda f: (*path, *f.path), 3, **kw)
        st.markdown(f"**{tr('dd')}**")
        grid(ctx, dd, lambda f: ef.key(coll.prefix, f.name, uid), lambda f: (*path, *f.path), 3)
        grid(ctx, note, lambda f: ef.key(coll.prefix, f.name, uid), lambda f: (*path, *f.path), 1)

    rows(ctx, "partners", render, title_of=True)


def sec_governance(ctx: Ctx, lib: api.Library) -> None:
    st.page_link("app_pages/governance.py", label=tr("to_governance"), icon=":material/account_balance:")
    st.markdown(f"**{tr('equity')}**")
    rows(ctx, "equity", lambda uid, i, path: collection_row(ctx, "equity", uid, path, 3))
    ctx.errors_at(("governance", "equity"))
    st.markdown(f"**{tr('board')}**")
    rows(ctx, "board", lambda uid, i, path: collection_row(ctx, "board", uid, path, 2))
    ctx.errors_at(("governance", "board"))
    st.markdown(f"**{tr('gov_flags')}**")
    scalar_fields(ctx, "gov", ("governance",), ef.GOVERNANCE_FIELDS, 3)


def sec_contract(ctx: Ctx, lib: api.Library) -> None:
    st.page_link("app_pages/contract.py", label=tr("to_contract"), icon=":material/gavel:")
    scalar_fields(ctx, "contract", ("contract",), ef.CONTRACT_FIELDS, 3)
    st.markdown(f"**{tr('contract_measures')}**")
    measures(ctx, lib, "contract")


def sec_people(ctx: Ctx, lib: api.Library) -> None:
    rows(
        ctx,
        "people",
        lambda uid, i, path: collection_row(ctx, "people", uid, path, 3, id={"help_text": tr("f_id_help")}),
        title_of=True,
    )


def sec_equipment(ctx: Ctx, lib: api.Library) -> None:
    rows(
        ctx,
        "equipment",
        lambda uid, i, path: collection_row(ctx, "equipment", uid, path, 3, id={"help_text": tr("f_id_help")}),
        title_of=True,
    )


def sec_operations(ctx: Ctx, lib: api.Library) -> None:
    scalar_fields(ctx, "ops", ("operations",), ef.OPERATIONS_FIELDS, 3)
    measures(ctx, lib, "operations")


def sec_black_boxing(ctx: Ctx, lib: api.Library) -> None:
    st.page_link("app_pages/disclosure.py", label=tr("to_disclosure"), icon=":material/stairs:")
    measures(ctx, lib, "disclosure.black_boxing")


def sec_exit(ctx: Ctx, lib: api.Library) -> None:
    scalar_fields(ctx, "exit", ("exit",), ef.EXIT_FIELDS, 3)
    measures(ctx, lib, "exit")


RENDER = {
    "project": sec_project,
    "our_company": lambda ctx, lib: measures(ctx, lib, "our_company"),
    "planning": lambda ctx, lib: measures(ctx, lib, "planning"),
    "technologies": sec_technologies,
    "country": sec_country,
    "partners": sec_partners,
    "governance": sec_governance,
    "contract": sec_contract,
    "people": sec_people,
    "equipment": sec_equipment,
    "operations": sec_operations,
    "black_boxing": sec_black_boxing,
    "exit": sec_exit,
}


# --------------------------------------------------------------------------- new, import, export


def _dirty() -> bool:
    """session.dirty() remembered per draft object: it hashes the canonical YAML, which takes tens of ms."""
    spec = session.draft()
    saved = st.session_state.get(session.SAVED_KEY)
    cache = st.session_state.get("editor_dirty_cache")
    if cache and cache["spec"] is spec and cache["saved"] == saved:
        return cache["dirty"]
    dirty = session.dirty()
    st.session_state["editor_dirty_cache"] = {"spec": spec, "saved": saved, "dirty": dirty}
    return dirty


def _existing_ids() -> set[str]:
    ids = {p.id for p in core.store().projects()}
    current = st.session_state.get(session.PROJECT)
    if current:
        ids.add(current)
    return ids


def _id_message(code: str | None) -> str | None:
    """The words for a reason of api.id_problem."""
    return tr(f"id_{code}") if code else None


def _open_new(spec: api.ProjectSpec) -> None:
    """Work on a new project and show its first section (callbacks only: widget keys are set before drawing)."""
    session.start_new(spec)
    st.session_state[SECTION_KEY] = "project"
    st.session_state[NOTICE] = spec.project.id


def _create_blank() -> None:
    s = st.session_state
    name = s.get("editor_new_name") or ""
    project_id = api.slugify(s.get("editor_new_id") or "")
    country = s.get("editor_new_country") or ""
    if country == ef.OTHER_COUNTRY:
        country = (s.get("editor_new_country_other") or "").strip().upper()
    problems = api.new_project_problems(name, project_id, country, _existing_ids())
    errors = {}
    if "name" in problems:
        errors["name"] = tr("name_empty")
    if "id" in problems:
        errors["id"] = _id_message(problems["id"])
    if "country" in problems:
        errors["country"] = tr("country_bad")
    s["editor_new_errors"] = errors
    if not errors:
        _open_new(api.blank_project(project_id, name, s.get("editor_new_deal") or DealType.JOINT_VENTURE, country))


def _copy_sources() -> dict[str, tuple[str, Any]]:
    """Where a copy can come from: the working project and each built-in example."""
    out: dict[str, tuple[str, Any]] = {}
    if session.draft() is not None:
        out["current"] = (tr("copy_current"), None)
    for path in core.EXAMPLES:
        out[f"example:{path.name}"] = (tr("copy_example", name=path.stem), path)
    return out


def _create_copy() -> None:
    s = st.session_state
    source = s.get("editor_copy_source")
    project_id = api.slugify(s.get("editor_copy_id") or "")
    errors = {}
    if msg := _id_message(api.id_problem(project_id, _existing_ids())):
        errors["id"] = msg
    s["editor_copy_errors"] = errors
    if errors:
        return
    if source == "current" or source is None:
        original = session.draft()
    else:
        path = _copy_sources()[source][1]
        original, _problems = api.parse_project(path.read_bytes(), path.name, core.library())
    if original is not None:
        _open_new(api.copy_project(original, project_id, s.get("editor_copy_name")))


def _open_import() -> None:
    s = st.session_state
    result = s.get(IMPORT) or {}
    spec = result.get("spec")
    if spec is None:
        return
    project_id = spec.project.id
    if result.get("taken"):
        project_id = api.slugify(s.get("editor_import_id") or "")
        msg = _id_message(api.id_problem(project_id, _existing_ids()))
        s["editor_import_errors"] = {"id": msg} if msg else {}
        if msg:
            return
    _open_new(api.copy_project(spec, project_id))
    s[IMPORT] = None


def _country_names(lib: api.Library) -> dict[str, str]:
    names = {code: f"{code} — {bilingual(p.name)}" for code, p in lib.countries.items()}
    names[ef.OTHER_COUNTRY] = tr("country_other")
    return names


def _country_picker(lib: api.Library, key: str, other_key: str) -> None:
    codes = sorted(lib.countries)
    names = _country_names(lib)
    st.selectbox(
        tr("f_host_country"),
        [*codes, ef.OTHER_COUNTRY],
        key=key,
        help=tr("f_host_country_help"),
        format_func=names.__getitem__,
    )
    if st.session_state.get(key) == ef.OTHER_COUNTRY:
        st.text_input(tr("f_host_country_other"), key=other_key, max_chars=ef.COUNTRY_CODE_CHARS)


def _error(message: str | None) -> None:
    if message:
        st.error(message, icon=":material/error:")


def sec_file(lib: api.Library) -> None:
    spec = session.draft()
    dirty = _dirty()
    if spec is not None:
        st.subheader(tr("export_head"))
        st.download_button(
            tr("export_button"),
            data=lambda: api.dump_project(spec).encode("utf-8"),
            file_name=f"{spec.project.id or 'project'}.yaml",
            mime="application/x-yaml",
            key="editor_export",
            help=tr("export_help"),
            on_click="ignore",
            icon=":material/download:",
        )
    if dirty:
        st.warning(tr("dirty_guard"), icon=":material/edit:")

    st.subheader(tr("new_head"))
    errors = st.session_state.get("editor_new_errors") or {}
    c1, c2 = st.columns(2)
    with c1:
        st.text_input(tr("new_name"), key="editor_new_name", max_chars=ef.PROJECT_NAME_CHARS)
        _error(errors.get("name"))
        st.text_input(tr("new_id"), key="editor_new_id", max_chars=TYPED_ID_CHARS, help=tr("new_id_help"))
        derived = api.slugify(st.session_state.get("editor_new_id") or "")
        if derived:
            st.caption(tr("new_id_is", id=escape_md(derived)))
        _error(errors.get("id"))
    with c2:
        choice(tr("f_deal_type"), DealType, None, key="editor_new_deal", optional=False)
        _country_picker(lib, "editor_new_country", "editor_new_country_other")
        _error(errors.get("country"))
    st.button(tr("new_create"), key="editor_new_create", on_click=_create_blank, disabled=dirty, type="primary")

    st.subheader(tr("copy_head"))
    sources = _copy_sources()
    errors = st.session_state.get("editor_copy_errors") or {}
    c1, c2, c3 = st.columns(3)
    with c1:
        labels = {k: v[0] for k, v in sources.items()}
        st.selectbox(tr("copy_source"), list(sources), key="editor_copy_source", format_func=labels.__getitem__)
    with c2:
        st.text_input(tr("new_id"), key="editor_copy_id", max_chars=TYPED_ID_CHARS, help=tr("new_id_help"))
        derived = api.slugify(st.session_state.get("editor_copy_id") or "")
        if derived:
            st.caption(tr("new_id_is", id=escape_md(derived)))
        _error(errors.get("id"))
    with c3:
        st.text_input(tr("copy_name"), key="editor_copy_name", max_chars=ef.PROJECT_NAME_CHARS)
    st.button(tr("copy_create"), key="editor_copy_create", on_click=_create_copy, disabled=dirty)

    st.subheader(tr("import_head"))
    upload = st.file_uploader(tr("import_file"), type=["yaml", "yml"], key="editor_import_file", max_upload_size=2)
    if upload is not None:
        result = st.session_state.get(IMPORT) or {}
        if result.get("file_id") != upload.file_id:  # parse each upload once, not on every rerun
            raw = upload.getvalue()
            name = upload.name
            if len(raw) > MAX_UPLOAD:
                parsed, problems = (
                    None,
                    [Problem("file_too_large", file=name, params={"size": len(raw), "limit": MAX_UPLOAD})],
                )
            else:
                with st.spinner():
                    parsed, problems = api.parse_project(raw, name, lib)
            st.session_state[IMPORT] = {
                "file_id": upload.file_id,
                "name": name,
                "spec": parsed,
                "problems": problems,
                "taken": parsed is not None and parsed.project.id in _existing_ids(),
            }
            st.session_state["editor_import_errors"] = {}
    result = st.session_state.get(IMPORT)
    if result:
        # kept in the session so the problems stay visible while the user fixes the file
        if result["spec"] is None:
            show_problems(result["problems"], tr("import_problems", name=escape_md(result["name"])))
        else:
            st.success(tr("import_ok", name=escape_md(result["name"])))
            if result["problems"]:
                show_problems(result["problems"], tr("import_warnings"))
            if result.get("taken"):
                st.text_input(tr("import_id"), key="editor_import_id", max_chars=TYPED_ID_CHARS, help=tr("new_id_help"))
                st.error(tr("id_taken"))
                _error((st.session_state.get("editor_import_errors") or {}).get("id"))
            st.button(
                tr("import_open"), key="editor_import_open", on_click=_open_import, disabled=dirty, type="primary"
            )


# --------------------------------------------------------------------------- the page


def _status(outcome: ef.Outcome, spec: api.ProjectSpec) -> None:
    errors = [p for p in outcome.problems if p.severity == "error"]
    if errors:
        names = ", ".join(tr(f"sec_{s}") for s in outcome.pending if s in ef.SECTIONS)
        st.error(tr("status_invalid", sections=names), icon=":material/error:")
        if outcome.changed:
            st.caption(tr("status_partial"))
    elif st.session_state.get(session.BASE) is None:
        st.info(tr("status_new"), icon=":material/fiber_new:")
    elif _dirty():
        st.warning(tr("status_unsaved"), icon=":material/edit:")
    else:
        st.success(tr("status_saved"), icon=":material/check:")
    elsewhere = [p for p in outcome.problems if ef.section_of(p.path) is None]
    if elsewhere:
        show_problems(elsewhere, tr("other_problems"))


def main() -> None:
    lib = core.library()
    st.title(tr("title"))
    spec = session.draft()
    if spec is None:
        st.info(tr("no_project"))
        sec_file(lib)
        return
    if notice := st.session_state.pop(NOTICE, None):
        st.success(tr("created", id=escape_md(notice)))

    state = st.session_state.setdefault(STATE, ef.new_state())
    data = project_data(spec)
    ef.sync(state, data, lib.countries)
    # What the widgets drawn in the previous run now hold (the user's latest input) becomes the remembered value.
    for k in state.get("rendered", []):
        if k in st.session_state and k not in state["fresh"]:
            state["values"][k] = st.session_state[k]

    outcome = ef.apply(data, state, lib)
    if outcome.changed:
        was_dirty = _dirty()
        session.set_draft(outcome.spec)
        spec, data = outcome.spec, project_data(outcome.spec)
        for section in ef.SECTIONS:
            state["base"][section] = ef.extract(section, data)
        if _dirty() != was_dirty:
            st.rerun()  # the sidebar was drawn before this change; draw it again so it shows "unsaved"

    st.caption(tr("intro"))
    _status(outcome, spec)

    counts: dict[str, int] = {}
    for p in outcome.problems:
        if p.severity == "error" and (s := ef.section_of(p.path)):
            counts[s] = counts.get(s, 0) + 1
    options = [*ef.SECTIONS, FILE]
    if st.session_state.get(SECTION_KEY) not in options:
        st.session_state[SECTION_KEY] = "project"
    labels = {s: tr(f"sec_{s}") + (tr("n_problems", n=counts[s]) if s in counts else "") for s in options}
    section = st.radio(tr("section"), options, key=SECTION_KEY, horizontal=True, format_func=labels.__getitem__)
    st.divider()
    ctx = Ctx(state, [p for p in outcome.problems if ef.section_of(p.path) == section])
    if section == FILE:
        state["rendered"] = []
        sec_file(lib)
        return
    if f"help_{section}" in STRINGS:
        st.caption(tr(f"help_{section}"))
    top = st.container()
    RENDER[section](ctx, lib)
    state["rendered"] = ctx.rendered
    rest = [p for i, p in enumerate(ctx.problems) if i not in ctx.shown]
    if rest:
        with top:
            show_problems(rest, tr("section_problems"))


main()
