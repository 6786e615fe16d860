"""Contract review: the clauses this deal needs, their status, wording, fallbacks and cautions; the checklist; exports."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st
from pydantic import ValidationError

from model import api
from model.access import Permission
from model.engine.assess import Assessment
from model.format.problems import InputError
from model.format.spec import ClauseEntry, ProjectSpec
from model.format.vocab import ChecklistStatus, ClauseKind, ClauseStatus, Department, LeakChannel, MeasureStatus, Phase
from model.knowledge.library import Library
from model.knowledge.library_schema import ContractClause
from ui import auth, core, editing, session, widgets
from ui.i18n import Translator, lang
from ui.strings import common
from ui.strings.contract import STRINGS

tr = Translator(STRINGS, common.STRINGS)

NOT_REVIEWED = "not_reviewed"
MAX_UPLOAD_MB = 2  # the server's cap too (server.maxUploadSize); a filled-in checklist is far smaller
# Per-clause widget keys: re-initialised from the draft whenever the draft changed elsewhere
# (another page, the sidebar's discard, a different project, an applied workbook).
CLAUSE_WIDGETS = ("contract_status_", "contract_note_", "contract_ref_", "contract_var_")
STATUS_ICONS = {
    "present": ":material/check_circle:",
    "partial": ":material/contrast:",
    "missing": ":material/cancel:",
    "not_applicable": ":material/block:",
    NOT_REVIEWED: ":material/help:",
}


# --------------------------------------------------------------------------- pure helpers (unit-tested)


def clause_lists(
    spec: ProjectSpec, library: Library, assessment: Assessment
) -> tuple[list[ContractClause], list[ContractClause]]:
    """The clauses this deal needs (the assessment's list) and those recorded but not needed."""
    needed = assessment.needed_clauses
    ids = {c.id for c in needed}
    extra = [library.clauses[cid] for cid in spec.contract.clauses if cid not in ids and cid in library.clauses]
    return needed, extra


def status_of(spec: ProjectSpec, clause_id: str) -> str:
    entry = spec.contract.clauses.get(clause_id)
    return entry.status.value if entry else NOT_REVIEWED


def clause_phases(clause: ContractClause) -> set[str]:
    """The phases a clause belongs to: where it is drafted and where it does its work."""
    return {clause.phase.value, *(p.value for p in clause.active_phases)}


def filter_clauses(
    clauses: Iterable[ContractClause], spec: ProjectSpec, phase: str | None, statuses: Iterable[str]
) -> list[ContractClause]:
    wanted = set(statuses)
    return [
        c
        for c in clauses
        if (phase is None or phase in clause_phases(c)) and (not wanted or status_of(spec, c.id) in wanted)
    ]


def with_entry(spec: ProjectSpec, clause_id: str, entry: ClauseEntry | None) -> ProjectSpec:
    """A copy of the project with one clause entry replaced (None removes it); validated on assignment."""
    new = spec.model_copy(deep=True)
    clauses = dict(new.contract.clauses)
    if entry is None:
        clauses.pop(clause_id, None)
    else:
        clauses[clause_id] = entry
    new.contract.clauses = clauses
    return new


def entry_data(entry: ClauseEntry) -> dict:
    # Field by field: ClauseEntry serialises to a bare status string when it has nothing else.
    return {
        "status": entry.status,
        "note": entry.note,
        "draft_reference": entry.draft_reference,
        "variables": dict(entry.variables),
    }


def set_status(spec: ProjectSpec, clause_id: str, status: ClauseStatus | None) -> ProjectSpec:
    """Set a clause's status, keeping its note, article and values; None ("not reviewed") removes the entry."""
    if status is None:
        return with_entry(spec, clause_id, None)
    old = spec.contract.clauses.get(clause_id)
    data = entry_data(old) if old else {}
    return with_entry(spec, clause_id, ClauseEntry.model_validate(data | {"status": status}))


def set_text(spec: ProjectSpec, clause_id: str, field: str, text: str | None) -> ProjectSpec:
    """Set a clause's note or draft reference (blank clears it); needs an entry (a status) already."""
    old = spec.contract.clauses[clause_id]
    value = (text or "").strip() or None
    return with_entry(spec, clause_id, ClauseEntry.model_validate(entry_data(old) | {field: value}))


def set_variable(spec: ProjectSpec, clause: ContractClause, var_id: str, value: float | int) -> ProjectSpec:
    """Record a clause value; a value equal to the default is not stored (the wording uses the default anyway)."""
    old = spec.contract.clauses[clause.id]
    var = next(v for v in clause.variables if v.id == var_id)
    # Whole numbers stay whole; decimals are rounded so stepping (0.1 + 0.2 …) does not leave float noise.
    value = int(round(value)) if var.type == "int" else round(float(value), 4)
    variables = dict(old.variables)
    if value == var.default:
        variables.pop(var_id, None)
    else:
        variables[var_id] = value
    return with_entry(spec, clause.id, ClauseEntry.model_validate(entry_data(old) | {"variables": variables}))


def clause_values(spec: ProjectSpec, clause: ContractClause) -> dict:
    entry = spec.contract.clauses.get(clause.id)
    return dict(entry.variables) if entry else {}


def open_findings_lowered(assessment: Assessment, clause_id: str) -> list:
    """Open findings (not accepted, mitigated or judged not applicable) whose mitigations include the clause."""
    return [
        f
        for f in assessment.findings
        if not f.decided and any(c.kind == "clause" and c.id == clause_id for c in f.mitigations)
    ]


def source_titles(citations, library: Library) -> str:
    out = []
    for c in citations:
        src = library.sources.get(c.source)
        title = src.title if src else c.source
        out.append(f"{title} {c.section}" if c.section else title)
    return "; ".join(out)


def closing_titles(ids: Iterable[str], library: Library, language: str) -> str:
    names = []
    for ident in ids:
        if ident in library.clauses:
            names.append(library.clauses[ident].title.get(language))
        elif ident in library.measures:
            names.append(library.measures[ident].title.get(language))
        else:
            names.append(ident)
    return "; ".join(names)


def checklist_rows(assessment: Assessment, library: Library, phase: str, language: str) -> list[dict]:
    return [
        {
            "id": r.id,
            "item": r.item.text.get(language),
            "status": ChecklistStatus(r.status).label(language),
            "evidence": r.evidence_text(language),
            "owner": Department(r.item.owner).label(language),
            "closing": closing_titles(r.closing, library, language),
        }
        for r in assessment.checklist
        if r.phase == phase
    ]


def status_label(kind: str, value: str | None, language: str) -> str:
    if value is None:
        return "（未確認）" if language == "ja" else "(not reviewed)"
    vocab = ClauseStatus if kind == "clause" else MeasureStatus
    try:
        return vocab(value).label(language)
    except ValueError:
        return value


def change_rows(changes, library: Library, language: str) -> list[dict]:
    rows = []
    for ch in changes:
        if ch.kind == "clause":
            name = library.clauses[ch.id].title.get(language) if ch.id in library.clauses else ch.id
        else:
            name = library.measures[ch.id].title.get(language) if ch.id in library.measures else ch.id
        rows.append(
            {
                "kind": tr("kind_clause") if ch.kind == "clause" else tr("kind_measure"),
                "name": name,
                "before": status_label(ch.kind, ch.before, language),
                "after": status_label(ch.kind, ch.after, language),
                "note": "✓" if ch.note_changed else "",
            }
        )
    return rows


# --------------------------------------------------------------------------- callbacks (run before the next rerun)


def _update(build) -> None:
    spec = session.draft()
    if spec is None:
        return
    try:
        session.set_draft(build(spec))
    except (ValidationError, ValueError, KeyError):
        st.session_state["contract_update_failed"] = True


def _on_text(clause_id: str, field: str, key: str) -> None:
    _update(lambda s: set_text(s, clause_id, field, st.session_state[key]))


def _on_variable(clause_id: str, var_id: str) -> None:
    clause = core.library().clauses[clause_id]
    _update(lambda s: set_variable(s, clause, var_id, st.session_state[f"contract_var_{clause_id}_{var_id}"]))


def _apply_import(new_spec: ProjectSpec) -> None:
    session.set_draft(new_spec)
    st.session_state["contract_import_applied"] = True


# --------------------------------------------------------------------------- rendering


def render_clause(clause: ContractClause, spec: ProjectSpec, assessment: Assessment, library: Library) -> None:
    language = lang()
    cid = clause.id
    status = status_of(spec, cid)
    label = f"{clause.title.get(language)} — " + (
        tr("not_reviewed") if status == NOT_REVIEWED else ClauseStatus(status).label(language)
    )
    # Lazy expander: the body (widgets, wording) is only built while it is open, which keeps reruns fast.
    box = st.expander(label, key=f"contract_open_{cid}", on_change="rerun", icon=STATUS_ICONS[status])
    if not box.open:
        return
    read_only = not auth.can(Permission.EDIT)
    with box:
        entry = spec.contract.clauses.get(cid)
        left, right = st.columns([1, 1])
        with left:
            # widgets.choice has no on_change: main() applies a changed status at the start of the next run.
            widgets.choice(
                tr("status"),
                ClauseStatus,
                entry.status if entry else None,
                f"contract_status_{cid}",
                disabled=read_only,
            )
            st.caption(tr("status_help"))
        with right:
            ref_key = f"contract_ref_{cid}"
            st.text_input(
                tr("draft_ref"),
                value=(entry.draft_reference or "") if entry else "",
                key=ref_key,
                max_chars=200,
                help=tr("draft_ref_help"),
                disabled=entry is None or read_only,
                on_change=_on_text,
                args=(cid, "draft_reference", ref_key),
            )
        note_key = f"contract_note_{cid}"
        st.text_area(
            tr("note"),
            value=(entry.note or "") if entry else "",
            key=note_key,
            max_chars=4000,
            disabled=entry is None or read_only,
            on_change=_on_text,
            args=(cid, "note", note_key),
            height=80,
        )
        if entry is None and not read_only:
            st.caption(tr("set_status_first"))
        values = clause_values(spec, clause)
        if clause.variables:
            st.markdown(f"**{tr('variables')}**")
            cols = st.columns(min(3, len(clause.variables)))
            for i, var in enumerate(clause.variables):
                with cols[i % len(cols)]:
                    render_variable(clause, var, values, entry is None or read_only)
        st.markdown(f"**{tr('why')}**")
        st.markdown(clause.purpose.get(language))
        sep = "、" if language == "ja" else ", "
        st.markdown(f"{tr('channels')}: " + sep.join(LeakChannel(c).label(language) for c in clause.channels))
        lowered = open_findings_lowered(assessment, cid)
        if lowered:
            st.markdown(
                f"{tr('lowers')}:\n\n"
                + "\n".join(
                    "- " + widgets.escape_md(tr("finding_line", title=f.title.get(language), score=f.score))
                    for f in lowered
                )
            )
        else:
            st.caption(tr("lowers_none"))
        if clause.origin == "practice":
            st.caption(tr("origin_practice"))
        st.markdown(f"**{tr('wording')}**")
        st.caption(tr("wording_note"))
        st.caption(tr("ja"))
        st.code(clause.render("ja", values), language=None, wrap_lines=True)
        st.caption(tr("en"))
        st.code(clause.render("en", values), language=None, wrap_lines=True)
        if clause.fallbacks:
            st.markdown(f"**{tr('fallbacks')}**")
            st.markdown("\n".join(f"{i}. {fb.get(language)}" for i, fb in enumerate(clause.fallbacks, 1)))
        cautions = assessment.cautions_for(clause)
        if cautions:
            st.markdown(f"**{tr('cautions')}**")
            for caution in cautions:
                st.markdown("- " + caution.text.get(language))
                if caution.sources:
                    st.caption(tr("sources", s=widgets.escape_md(source_titles(caution.sources, library))))
        drafted = Phase(clause.phase).label(language)
        active = ("、" if language == "ja" else ", ").join(p.label(language) for p in clause.active_phases) or "—"
        st.caption(tr("phases", drafted=drafted, active=active))
        if clause.guidance_refs:
            st.caption(tr("refs", refs=", ".join(clause.guidance_refs)))


def render_variable(clause: ContractClause, var, values: dict, disabled: bool) -> None:
    language = lang()
    key = f"contract_var_{clause.id}_{var.id}"
    unit = (
        f"（{var.unit.get(language)}）"
        if var.unit and language == "ja"
        else (f" ({var.unit.get(language)})" if var.unit else "")
    )
    label = var.label.get(language) + unit
    current = values.get(var.id, var.default)
    if var.type in ("int", "float"):
        cast = int if var.type == "int" else float
        low = cast(var.min) if var.min is not None else None
        high = cast(var.max) if var.max is not None else None
        value = cast(current)
        if low is not None:
            value = max(value, low)
        if high is not None:
            value = min(value, high)
        st.number_input(
            label,
            min_value=low,
            max_value=high,
            value=value,
            step=cast(1) if var.type == "int" else 0.1,
            key=key,
            disabled=disabled,
            on_change=_on_variable,
            args=(clause.id, var.id),
            help=tr(
                "variables_help",
                low=var.min if var.min is not None else "—",
                high=var.max if var.max is not None else "—",
                default=var.default,
            ),
        )
    else:
        # The library only declares numbers today; other kinds are shown, not edited here.
        st.text_input(label, value=str(current), key=key, disabled=True)


def apply_status_widgets(clauses: Iterable[ContractClause], spec: ProjectSpec) -> tuple[ProjectSpec, list[str]]:
    """Statuses chosen in open expanders that differ from the draft, applied in one step (with the clause ids)."""
    changed = []
    for clause in clauses:
        key = f"contract_status_{clause.id}"
        if key not in st.session_state:
            continue
        chosen = st.session_state[key]
        current = spec.contract.clauses.get(clause.id)
        if (current.status if current else None) != chosen:
            spec = set_status(spec, clause.id, chosen)
            changed.append(clause.id)
    return spec, changed


def render_clauses(spec: ProjectSpec, assessment: Assessment, library: Library) -> None:
    language = lang()
    needed, extra = clause_lists(spec, library, assessment)
    counts = {s: 0 for s in ("present", "partial", "missing", "not_applicable", NOT_REVIEWED)}
    for c in needed:
        counts[status_of(spec, c.id)] += 1
    cols = st.columns(4)
    cols[0].metric(tr("m_needed"), len(needed), help=tr("m_help"))
    cols[1].metric(tr("m_present"), counts["present"])
    cols[2].metric(tr("m_weak"), counts["partial"] + counts["missing"])
    cols[3].metric(tr("m_unreviewed"), counts[NOT_REVIEWED])

    f1, f2 = st.columns(2)
    phases = [None, *(p.value for p in Phase)]
    # Labels are computed now: format functions must not read the session (they may run outside the script).
    phase_labels = {p: tr("all_phases") if p is None else Phase(p).label(language) for p in phases}
    phase = f1.selectbox(
        tr("filter_phase"),
        phases,
        key="contract_filter_phase",
        help=tr("filter_phase_help"),
        format_func=phase_labels.__getitem__,
    )
    status_options = [*(s.value for s in ClauseStatus), NOT_REVIEWED]
    status_labels = {
        s: tr("not_reviewed") if s == NOT_REVIEWED else ClauseStatus(s).label(language) for s in status_options
    }
    statuses = f2.multiselect(
        tr("filter_status"),
        status_options,
        key="contract_filter_status",
        help=tr("filter_status_help"),
        format_func=status_labels.__getitem__,
    )

    st.subheader(tr("needed_header"))
    shown = filter_clauses(needed, spec, phase, statuses)
    st.caption(tr("shown", n=len(shown), total=len(needed)))
    if not shown:
        st.info(tr("none_match"))
    # Grouped by the document the clause belongs in (NDA, main contract, JV agreement, employment).
    for kind in ClauseKind:
        group = [c for c in shown if c.clause_kind == kind]
        if not group:
            continue
        st.markdown(f"##### {kind.label(language)}")
        for clause in group:
            render_clause(clause, spec, assessment, library)
    if extra:
        st.subheader(tr("extra_header"), help=tr("extra_help"))
        shown_extra = filter_clauses(extra, spec, phase, statuses)
        if not shown_extra:
            st.caption(tr("none_match"))
        for clause in shown_extra:
            render_clause(clause, spec, assessment, library)


def render_checklist(assessment: Assessment, library: Library) -> None:
    language = lang()
    st.subheader(tr("checklist_header"))
    st.caption(tr("checklist_intro"))
    phases = list(Phase)
    tabs = st.tabs([p.label(language) for p in phases], key="contract_checklist_tabs")
    config = {
        "id": st.column_config.TextColumn(tr("col_id"), width="small"),
        "item": st.column_config.TextColumn(tr("col_item"), width="large"),
        "status": st.column_config.TextColumn(tr("col_status"), width="small"),
        "evidence": st.column_config.TextColumn(tr("col_evidence"), width="large"),
        "owner": st.column_config.TextColumn(tr("col_owner"), width="small"),
        "closing": st.column_config.TextColumn(tr("col_closing"), width="medium"),
    }
    for phase, tab in zip(phases, tabs, strict=True):
        with tab:
            rows = checklist_rows(assessment, library, phase.value, language)
            n = {s.value: 0 for s in ChecklistStatus}
            for r in assessment.checklist:
                if r.phase == phase.value:
                    n[r.status] += 1
            st.caption(
                tr(
                    "checklist_counts",
                    met=n["met"],
                    partial=n["partial"],
                    gap=n["gap"],
                    unknown=n["unknown"],
                    na=n["not_applicable"],
                )
            )
            st.dataframe(rows, hide_index=True, column_config=config, key=f"contract_checklist_{phase.value}")


def render_exports(assessment: Assessment, library: Library) -> None:
    language = lang()
    st.subheader(tr("exports_header"))
    st.caption(tr("exports_intro"))
    cols = st.columns(2)
    for col, fmt, label, name in (
        (cols[0], "xlsx", tr("xlsx_button"), "checklist"),
        (cols[1], "docx", tr("docx_button"), "clause-annex"),
    ):
        with col:
            # A callable: the file is only built when the button is clicked (building takes 0.1–0.4 s).
            st.download_button(
                label,
                data=lambda fmt=fmt: api.export(assessment, library, fmt, language),
                file_name=f"{assessment.project_id}-{name}-{language}.{fmt}",
                mime=api.EXPORT_MIME[fmt],
                key=f"contract_export_{fmt}",
                on_click="ignore",
                icon=":material/download:",
            )


def read_workbook(data: bytes, name: str, spec: ProjectSpec, library: Library):
    """(new spec, changes, problems) for an uploaded workbook."""
    from model.report.xlsx_import import read_checklist_workbook  # openpyxl loads only when a workbook comes in

    try:
        new_spec, changes = read_checklist_workbook(data, spec, library, file=name)
    except InputError as exc:
        return None, [], exc.problems
    return new_spec, changes, []


def render_import(spec: ProjectSpec, spec_key: str, library: Library) -> None:
    language = lang()
    st.subheader(tr("import_header"))
    if st.session_state.pop("contract_import_applied", False):
        st.success(tr("import_applied"))
    upload = st.file_uploader(
        tr("import_label"),
        type=["xlsx"],
        key="contract_import_file",
        help=tr("import_help"),
        max_upload_size=MAX_UPLOAD_MB,
    )
    if upload is None:
        return
    if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
        st.error(tr("import_too_big"))
        return
    # Reading a workbook takes a while: keep the result for this file and this project content.
    cache_key = (upload.file_id, spec_key)
    cached = st.session_state.get("contract_import_result")
    if not cached or cached[0] != cache_key:
        with st.spinner(tr("import_reading")):
            cached = (cache_key, read_workbook(upload.getvalue(), upload.name, spec, library))
        st.session_state["contract_import_result"] = cached
    new_spec, changes, problems = cached[1]
    if problems:
        widgets.show_problems(problems, tr("import_problems"))
        return
    if not changes:
        st.info(tr("import_none"))
        return
    st.write(tr("import_changes", n=len(changes)))
    st.dataframe(
        change_rows(changes, library, language),
        hide_index=True,
        key="contract_import_changes",
        column_config={
            "kind": tr("col_kind"),
            "name": tr("col_name"),
            "before": tr("col_before"),
            "after": tr("col_after"),
            "note": tr("col_note_changed"),
        },
    )
    st.button(tr("import_apply"), key="contract_import_apply", type="primary", on_click=_apply_import, args=(new_spec,))


def main() -> None:
    st.title(tr("title"))
    st.caption(tr("intro"))
    spec = session.draft()
    if spec is None:
        st.info(tr("no_project"))
        return
    library = core.library()
    spec_key = core.spec_key(spec)
    editing.sync_widgets("contract", spec_key, CLAUSE_WIDGETS)
    updated, changed = apply_status_widgets(library.clauses.values(), spec) if auth.can(Permission.EDIT) else (spec, [])
    if changed:
        session.set_draft(updated)
        for cid in changed:
            # Keep the edited clause open across the rerun below.
            st.session_state[f"contract_open_{cid}"] = True
        st.rerun()  # so the sidebar (already drawn in this run) shows the unsaved change
    if st.session_state.pop("contract_update_failed", False):
        st.error(tr("update_failed"))
    assessment = core.assessment(spec, spec_key)
    render_clauses(spec, assessment, library)
    st.divider()
    render_checklist(assessment, library)
    st.divider()
    render_exports(assessment, library)
    if auth.can(Permission.EDIT):
        st.divider()
        render_import(spec, spec_key, library)
    else:
        auth.read_only_note()


main()
