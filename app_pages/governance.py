"""Governance and exit: who controls the JV and what that does to the risk, triggers, equipment, the exit plan."""

from __future__ import annotations

import streamlit as st

from model.api import levers
from model.engine.assess import Assessment, Finding
from model.format.problems import Problem, format_path
from model.format.spec import SITE, US, BoardSeats, Exit, Governance, MeasureField, ProjectSpec, Shareholding
from model.format.vocab import (
    ChangeOfControlTrigger,
    DeadlockMechanism,
    DealType,
    DisposalPlan,
    EquipmentCategory,
    LeakChannel,
    Maintenance,
    MeasureStatus,
    PartnerRole,
    ReservedMatter,
    Severity,
)
from ui import core, editing, session
from ui.i18n import Translator, bilingual, lang
from ui.strings import common
from ui.strings.governance import STRINGS
from ui.widgets import choice, escape_md

tr = Translator(STRINGS, common.STRINGS)
L = lang()  # the page runs anew on every rerun, so this is the session's current language
PREFIX = "governance"
CHANNELS = (LeakChannel.LOSS_OF_CONTROL, LeakChannel.PARTNER_DIRECTORS)
FLAGS = (
    "transfer_restricted_shares",
    "partner_golden_share",
    "partner_latent_shares",
    "director_election_special_resolution",
    "non_voting_share_option",
)
DISSOLUTION_FLAGS = (
    "call_option",
    "put_option",
    "licence_terminates_on_dissolution",
    "technology_returned_on_dissolution",
)


# --------------------------------------------------------------------------- keeping widgets and draft in step


def try_commit(new: ProjectSpec, message: str) -> list[Problem]:
    """Make a valid edit the working copy and redraw; returns the errors when it is not valid (nothing changed)."""
    valid, errors, _ = editing.checked(new)
    if valid is None:
        return errors
    editing.commit(PREFIX, valid, message)
    return []


def show_errors(problems: list[Problem]) -> None:
    st.error(tr("not_changed"))
    st.text("\n".join(f"{format_path(p.path)}: {p.message(L)}" for p in problems))


def tri_state(label: str, value: bool | None, key: str, help_text: str | None = None) -> bool | None:
    """Yes / no / not known, for the many facts that may not be settled yet."""
    options = [True, False, None]
    names = {True: tr("yes"), False: tr("no"), None: tr("unknown")}
    return st.radio(
        label,
        options,
        index=options.index(value),
        format_func=lambda v: names[v],
        key=key,
        horizontal=True,
        help=help_text,
    )


# --------------------------------------------------------------------------- pure helpers


def holders(spec: ProjectSpec) -> list[str]:
    """Us, the JV partners and anyone already holding equity or seats, in a stable order."""
    out = [US]
    for ident in (
        [p.id for p in spec.partners if p.role == PartnerRole.JV_PARTNER]
        + [s.holder for s in spec.governance.equity]
        + [b.holder for b in spec.governance.board]
    ):
        if ident not in out:
            out.append(ident)
    return out


def holder_names(spec: ProjectSpec) -> dict[str, str]:
    names = {US: tr("us"), SITE: spec.project.site_name or tr("site")}
    names.update({p.id: p.name for p in spec.partners})
    return names


def with_equity(gov: Governance, percents: dict[str, float]) -> list[Shareholding]:
    """The equity list for new percentages: existing entries keep their order and voting flag; zero new ones are left out."""
    existing = {s.holder: s for s in gov.equity}
    out = [
        Shareholding(holder=s.holder, percent=percents.get(s.holder, s.percent), voting=s.voting) for s in gov.equity
    ]
    out += [Shareholding(holder=h, percent=p) for h, p in percents.items() if h not in existing and p > 0]
    return out


def with_board(gov: Governance, seats: dict[str, int]) -> list[BoardSeats]:
    existing = {b.holder for b in gov.board}
    out = [BoardSeats(holder=b.holder, seats=seats.get(b.holder, b.seats)) for b in gov.board]
    out += [BoardSeats(holder=h, seats=n) for h, n in seats.items() if h not in existing and n > 0]
    return out


def governance_findings(assessment: Assessment) -> list[Finding]:
    return [f for f in assessment.findings if f.channel in CHANNELS]


def highest(findings: list[Finding], channel: LeakChannel) -> float:
    return max((f.score for f in findings if f.channel == channel), default=0.0)


def equipment_warnings(spec: ProjectSpec) -> list[str]:
    """The engine's equipment warnings in words, ready for Markdown (names escaped)."""
    techs = {t.id: t.name for t in spec.technologies}
    equipment = {e.id: e.name for e in spec.equipment}
    names = holder_names(spec)
    sep = "、" if L == "ja" else ", "
    out: list[str] = []
    for w in levers.equipment_warnings(spec):
        fields = {
            "name": escape_md(equipment[w.equipment]),
            "techs": sep.join(escape_md(techs[t]) for t in w.technologies),
        }
        if w.owner is not None:
            fields["owner"] = escape_md(names.get(w.owner, w.owner))
        if w.disposal is not None:
            fields["plan"] = w.disposal.label(L)
        out.append(tr(f"warn_{w.kind}", **fields))
    return out


# --------------------------------------------------------------------------- sections


def saved_assessment(spec_key: str) -> Assessment | None:
    """The stored version this draft started from, assessed (loaded once per project and version)."""
    pid, base = st.session_state.get(session.PROJECT), st.session_state.get(session.BASE)
    saved_key = st.session_state.get(session.SAVED_KEY)
    if pid is None or base is None or saved_key is None:
        return None
    if saved_key == spec_key:
        return core.assessment(session.draft(), spec_key)
    cached = st.session_state.get(f"{PREFIX}__saved")
    if not cached or cached[0] != (pid, base):
        try:
            cached = ((pid, base), core.store().load(pid, base, core.library()))
        except Exception:  # the stored version cannot be read any more: compare with nothing
            return None
        st.session_state[f"{PREFIX}__saved"] = cached
    return core.assessment(cached[1], saved_key)


def control_inputs(spec: ProjectSpec) -> None:
    gov = spec.governance
    names = holder_names(spec)
    ids = holders(spec)
    equity = {s.holder: s.percent for s in gov.equity}
    seats = {b.holder: b.seats for b in gov.board}
    st.markdown(f"**{tr('equity')}**", help=tr("equity_help"))
    percents = {}
    # Widget labels render Markdown (links, images, LaTeX): the holders' names are user text, so escaped.
    labels = {h: escape_md(names.get(h, h)) for h in ids}
    for h in ids:
        percents[h] = st.number_input(
            labels[h],
            min_value=0.0,
            max_value=100.0,
            step=1.0,
            format="%.1f",
            value=float(equity.get(h, 0.0)),
            key=f"{PREFIX}_equity_{h}",
        )
    total = round(sum(percents.values()), 4)
    equity_note = st.empty()
    st.markdown(f"**{tr('board')}**", help=tr("board_help"))
    board = {}
    for h in ids:
        board[h] = int(
            st.number_input(
                labels[h], min_value=0, max_value=100, step=1, value=int(seats.get(h, 0)), key=f"{PREFIX}_board_{h}"
            )
        )
    changed_equity = any(abs(percents[h] - equity.get(h, 0.0)) > 1e-9 for h in ids)
    changed_board = any(board[h] != seats.get(h, 0) for h in ids)
    if total > 100:
        equity_note.error(tr("equity_over", total=f"{total:g}"))
        return
    if 0 < total < 100:
        equity_note.warning(tr("equity_under", total=f"{total:g}"))
    else:
        equity_note.caption(tr("total", total=f"{total:g}"))
    if changed_equity or changed_board:
        new = spec.model_copy(deep=True)
        new.governance.equity = with_equity(gov, percents)
        new.governance.board = with_board(gov, board)
        errors = try_commit(new, tr("updated"))
        if errors:
            show_errors(errors)


def effect_panel(spec: ProjectSpec, spec_key: str, assessment: Assessment) -> None:
    st.markdown(f"**{tr('effect_title')}**", help=tr("effect_help"))
    now = governance_findings(assessment)
    if not now:
        st.info(tr("effect_none"))
        return
    saved = saved_assessment(spec_key)
    before = governance_findings(saved) if saved else []
    for channel in CHANNELS:
        value = highest(now, channel)
        delta = None
        if saved is not None:
            delta = round(value - highest(before, channel), 1) or None  # no arrow when nothing changed
        st.metric(
            tr("highest", channel=channel.label(L)),
            f"{value:g}",
            delta=None if delta is None else f"{delta:+g}",
            delta_color="inverse",
            help=tr("vs_saved") if delta is not None else None,
        )
    old = {f.id: f.score for f in before}
    rows = [
        {
            tr("col_finding"): f.title.get(L),
            tr("col_severity"): Severity(f.severity).label(L),
            tr("col_now"): f.score,
            tr("col_saved"): old.get(f.id),
            tr("col_delta"): None if f.id not in old else round(f.score - old[f.id], 1),
        }
        for f in sorted(now, key=lambda f: (-f.score, f.id))
    ]
    st.dataframe(rows, hide_index=True, width="stretch", key=f"{PREFIX}_effect_table")
    if spec.governance.holds_majority():
        st.caption(tr("at51_already", ours=f"{spec.governance.voting_share():g}"))
        return
    variant = levers.at_majority(spec)
    if variant is None:
        st.caption(tr("at51_none"))
        return
    # The variant is a function of the draft, so the draft's key names it: computed once per content.
    then = core.assessment(variant, f"{spec_key}:at51")
    st.info(
        tr(
            "at51",
            now=f"{highest(now, LeakChannel.LOSS_OF_CONTROL):g}",
            then=f"{highest(governance_findings(then), LeakChannel.LOSS_OF_CONTROL):g}",
            score_now=f"{assessment.score:g}",
            score_then=f"{then.score:g}",
            grade=then.grade.grade,
        )
    )


def arrangements(spec: ProjectSpec) -> None:
    gov = spec.governance
    names = holder_names(spec)
    st.subheader(tr("flags_title"))
    values: dict = {}
    c1, c2 = st.columns(2)
    for n, field in enumerate(FLAGS):
        with c1 if n % 2 == 0 else c2:
            values[field] = tri_state(tr(field), getattr(gov, field), f"{PREFIX}_flag_{field}", tr(f"{field}_help"))
    ids = [None, *holders(spec)]
    unknown = tr("unknown")
    values["chair"] = st.selectbox(
        tr("chair"),
        ids,
        index=ids.index(gov.chair) if gov.chair in ids else 0,
        format_func=lambda h: unknown if h is None else names.get(h, h),
        key=f"{PREFIX}_chair",
    )
    values["reserved_matters"] = st.multiselect(
        tr("reserved"),
        list(ReservedMatter),
        default=gov.reserved_matters,
        format_func=lambda m: m.label(L),
        help=tr("reserved_help"),
        key=f"{PREFIX}_reserved",
    )
    values["deadlock"] = choice(tr("deadlock"), DeadlockMechanism, gov.deadlock, key=f"{PREFIX}_deadlock")
    st.subheader(tr("exit_terms"))
    c1, c2 = st.columns(2)
    for n, field in enumerate(DISSOLUTION_FLAGS):
        with c1 if n % 2 == 0 else c2:
            values[field] = tri_state(tr(field), getattr(gov, field), f"{PREFIX}_flag_{field}", tr(f"{field}_help"))
    months = st.number_input(
        tr("no_poach_months"),
        min_value=0,
        max_value=120,
        step=1,
        value=gov.no_poach_after_termination_months,
        help=tr("no_poach_months_help"),
        key=f"{PREFIX}_nopoach",
        placeholder="—",
    )
    values["no_poach_after_termination_months"] = None if months is None else int(months)
    changed = {k: v for k, v in values.items() if getattr(gov, k) != v}
    if changed:
        new = spec.model_copy(deep=True)
        for k, v in changed.items():
            setattr(new.governance, k, v)
        errors = try_commit(new, tr("updated"))
        if errors:
            show_errors(errors)


def triggers_input(spec: ProjectSpec) -> None:
    """Change-of-circumstance triggers live in the contract and matter for every deal type."""
    triggers = st.multiselect(
        tr("triggers"),
        list(ChangeOfControlTrigger),
        default=spec.contract.triggers,
        format_func=lambda m: m.label(L),
        help=tr("triggers_help"),
        key=f"{PREFIX}_triggers",
    )
    if triggers != spec.contract.triggers:
        new = spec.model_copy(deep=True)
        new.contract.triggers = triggers
        errors = try_commit(new, tr("updated"))
        if errors:
            show_errors(errors)


def equipment_rows(spec: ProjectSpec, category: EquipmentCategory) -> list[dict]:
    techs = {t.id: t.name for t in spec.technologies}
    names = holder_names(spec)
    sep = "、" if L == "ja" else ", "
    yes_no = {True: tr("yes"), False: tr("no"), None: tr("unknown")}
    return [
        {
            tr("col_name"): eq.name,
            tr("col_owner"): names.get(eq.owner, eq.owner),
            tr("col_embodies"): sep.join(techs.get(t, t) for t in eq.embodies),
            tr("col_maintenance"): eq.maintenance.label(L) if eq.maintenance else tr("unknown"),
            tr("col_disposal"): eq.disposal.label(L) if eq.disposal else tr("unknown"),
            tr("col_witnessed"): yes_no[eq.disposal_witnessed],
            tr("col_vetted"): yes_no[eq.disposal_contractor_vetted],
            tr("col_location"): eq.location or "",
        }
        for eq in spec.equipment
        if eq.category == category
    ]


def equipment_section(spec: ProjectSpec) -> None:
    st.header(tr("equipment_title"))
    st.caption(tr("equipment_intro"))
    if not spec.equipment:
        st.info(tr("no_equipment"))
        return
    for category in EquipmentCategory:
        rows = equipment_rows(spec, category)
        if rows:
            st.markdown(f"**{category.label(L)}**", help=category.description(L))
            st.dataframe(rows, hide_index=True, width="stretch", key=f"{PREFIX}_eq_table_{category.value}")
    st.markdown(f"**{tr('warnings_title')}**")
    warnings = equipment_warnings(spec)
    if warnings:
        for text in warnings:
            st.warning(text)
    else:
        st.success(tr("no_warnings"))
    with st.expander(tr("edit_equipment")):
        equipment_editor(spec)


def equipment_editor(spec: ProjectSpec) -> None:
    ids = [e.id for e in spec.equipment]
    by_id = {e.id: e for e in spec.equipment}
    eid = st.selectbox(tr("pick_equipment"), ids, format_func=lambda i: by_id[i].name, key=f"{PREFIX}_eq_pick")
    if eid is None:
        return
    eq = by_id[eid]
    names = holder_names(spec)
    owners = [US, SITE, *[p.id for p in spec.partners]]
    techs = {t.id: t.name for t in spec.technologies}
    with st.form(f"{PREFIX}_eq_form_{eid}"):
        c1, c2 = st.columns(2)
        owner = c1.selectbox(
            tr("owner"),
            owners,
            index=owners.index(eq.owner) if eq.owner in owners else 0,
            format_func=lambda h: names.get(h, h),
            key=f"{PREFIX}_eq_{eid}_owner",
        )
        embodies = c2.multiselect(
            tr("embodies"),
            list(techs),
            default=[t for t in eq.embodies if t in techs],
            format_func=lambda t: techs[t],
            key=f"{PREFIX}_eq_{eid}_embodies",
        )
        with c1:
            maintenance = choice(tr("maintenance"), Maintenance, eq.maintenance, key=f"{PREFIX}_eq_{eid}_maintenance")
        with c2:
            disposal = choice(tr("disposal"), DisposalPlan, eq.disposal, key=f"{PREFIX}_eq_{eid}_disposal")
        with c1:
            witnessed = tri_state(tr("witnessed"), eq.disposal_witnessed, f"{PREFIX}_eq_{eid}_witnessed")
        with c2:
            vetted = tri_state(tr("vetted"), eq.disposal_contractor_vetted, f"{PREFIX}_eq_{eid}_vetted")
        submitted = st.form_submit_button(tr("apply_equipment"), key=f"{PREFIX}_eq_{eid}_apply")
    if submitted:
        new = spec.model_copy(deep=True)
        index = ids.index(eid)
        new.equipment[index] = new.equipment[index].model_copy(
            update={
                "owner": owner,
                "embodies": embodies,
                "maintenance": maintenance,
                "disposal": disposal,
                "disposal_witnessed": witnessed,
                "disposal_contractor_vetted": vetted,
            }
        )
        errors = try_commit(new, tr("equipment_updated"))
        if errors:
            show_errors(errors)


def exit_section(spec: ProjectSpec) -> None:
    st.header(tr("exit_title"))
    st.caption(tr("exit_intro"))
    lib = core.library()
    fields = [name for name, info in Exit.model_fields.items() if info.annotation == MeasureField]
    columns = st.columns(2)
    for n, field in enumerate(fields):
        measure = lib.measures.get(f"exit.{field}")
        current = getattr(spec.exit, field)
        with columns[n % 2], st.container(border=True):
            st.markdown(f"**{escape_md(bilingual(measure.title) if measure else field)}**")
            if measure:
                st.caption(escape_md(bilingual(measure.description)))
            value = choice(
                tr("status"), MeasureStatus, current.status if current else None, key=f"{PREFIX}_exit_{field}"
            )
            if value != (current.status if current else None):
                new = spec.model_copy(deep=True)
                old = getattr(new.exit, field)
                # Keep the note, owner and due date; clearing the status clears the measure.
                setattr(
                    new.exit,
                    field,
                    None if value is None else (old.model_copy(update={"status": value}) if old else value),
                )
                errors = try_commit(new, tr("exit_updated"))
                if errors:
                    show_errors(errors)


# --------------------------------------------------------------------------- the page

st.title(tr("title"))
st.caption(tr("intro"))
draft, spec_key = session.require_draft(tr("no_project"))
editing.sync_widgets(PREFIX, spec_key)
editing.show_flash(PREFIX)
result = core.assessment(draft, spec_key)
if draft.project.deal_type == DealType.JOINT_VENTURE:
    st.header(tr("gov_title"))
    left, right = st.columns([2, 3])
    with left:
        control_inputs(draft)
    with right:
        effect_panel(draft, spec_key, result)
    arrangements(draft)
else:
    st.info(tr("not_jv", deal=draft.project.deal_type.label(L)))
triggers_input(draft)
equipment_section(draft)
exit_section(draft)
