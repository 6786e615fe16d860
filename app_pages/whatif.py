"""What-if: a variant of the working project, changed with a few levers and compared side by side."""

from __future__ import annotations

from typing import Any

import streamlit as st

from model.access import Permission
from model.api import levers
from model.engine.compare import Comparison, compare_assessments
from model.format.problems import format_path
from model.format.spec import US, ProjectSpec
from model.format.vocab import ChecklistStatus, ClauseStatus, DealType, DisclosureLevel, MeasureStatus, Phase, Severity
from model.report.presentation import grade_swatch
from ui import auth, core, editing, session
from ui.i18n import Translator, bilingual, lang
from ui.strings import common
from ui.strings.whatif import STRINGS
from ui.widgets import choice, escape_md

tr = Translator(STRINGS, common.STRINGS)
L = lang()  # the page runs anew on every rerun, so this is the session's current language
PREFIX = "whatif"
VARIANT = "whatif_variant"  # the variant itself (a ProjectSpec), as the issue names it
VARIANT_KEY = "whatif__variant_key"  # its content key, computed once per change
BASE = "whatif__base"  # (project id, content key of the working project when the variant was made)
COMPARED = "whatif__compared"


# --------------------------------------------------------------------------- the variant


def start_variant(spec: ProjectSpec, key: str) -> None:
    st.session_state[VARIANT] = spec.model_copy(deep=True)
    st.session_state[VARIANT_KEY] = key
    st.session_state[BASE] = (spec.project.id, key)


def set_variant(new: ProjectSpec) -> None:
    """Keep a valid changed variant and redraw the comparison; show what is wrong otherwise."""
    valid, errors, _ = editing.checked(new, "variant")
    if valid is None:
        st.error(tr("invalid"))
        st.text("\n".join(f"{format_path(p.path)}: {p.message(L)}" for p in errors))
        return
    st.session_state[VARIANT] = valid
    st.session_state[VARIANT_KEY] = core.spec_key(valid)
    st.session_state[f"{PREFIX}__flash"] = tr("applied")
    st.rerun()


# --------------------------------------------------------------------------- levers (widgets)


def _measure_status(spec: ProjectSpec, measure_id: str) -> MeasureStatus | None:
    entry = spec.measure(measure_id)
    return entry.status if entry else None


def lever_form(name: str, title: str):
    box = st.expander(title)
    return box, box.form(f"{PREFIX}_{name}_form", border=False)


def lever_panel(variant: ProjectSpec) -> None:
    st.subheader(tr("levers"))
    st.caption(tr("levers_help"))
    lib = core.library()
    techs = {t.id: t.name for t in variant.technologies}
    stages = variant.disclosure.stages
    jv = variant.project.deal_type == DealType.JOINT_VENTURE

    _, form = lever_form("equity", tr("lever_equity"))
    with form:
        ours = sum(s.percent for s in variant.governance.equity if s.holder == US)
        target = st.number_input(
            tr("lever_equity"),
            0.0,
            100.0,
            float(ours),
            1.0,
            format="%.1f",
            help=tr("lever_equity_help"),
            key=f"{PREFIX}_equity",
        )
        votes = variant.governance.voting_share()
        if votes is not None and votes != ours:
            st.caption(tr("votes_now", share=f"{votes:g}"))
        if not jv:
            st.caption(tr("not_jv_lever"))
        if st.form_submit_button(tr("apply"), key=f"{PREFIX}_equity_apply"):
            new = levers.with_our_equity(variant, target)
            if new is None:
                st.error(tr("lever_equity_impossible"))
            else:
                set_variant(new)

    _, form = lever_form("seats", tr("lever_seats"))
    with form:
        seats = next((b.seats for b in variant.governance.board if b.holder == US), 0)
        value = st.number_input(tr("lever_seats"), 0, 100, int(seats), 1, key=f"{PREFIX}_seats")
        if not jv:
            st.caption(tr("not_jv_lever"))
        if st.form_submit_button(tr("apply"), key=f"{PREFIX}_seats_apply"):
            set_variant(levers.with_our_seats(variant, int(value)))

    pairs = sorted({(i, item.technology) for i, s in enumerate(stages) for item in s.items})
    _, form = lever_form("remove", tr("lever_remove"))
    with form:
        if pairs:
            pair_names = {p: f"{p[0] + 1}. {stages[p[0]].name} – {techs.get(p[1], p[1])}" for p in pairs}
            pair = st.selectbox(
                tr("lever_remove_pick"), pairs, format_func=lambda p: pair_names[p], key=f"{PREFIX}_remove_pick"
            )
        else:
            pair = None
            st.caption(tr("nothing_to_pick"))
        if st.form_submit_button(tr("apply"), key=f"{PREFIX}_remove_apply", disabled=not pairs) and pair:
            set_variant(levers.without_technology(variant, *pair))

    items = [(i, j) for i, s in enumerate(stages) for j in range(len(s.items))]
    _, form = lever_form("lower", tr("lever_lower"))
    with form:
        if items:
            item_names = {
                p: f"{p[0] + 1}. {stages[p[0]].name} – {techs.get(stages[p[0]].items[p[1]].technology, '?')}"
                f" – {stages[p[0]].items[p[1]].level.label(L)}"
                for p in items
            }
            item = st.selectbox(
                tr("lever_lower_pick"), items, format_func=lambda p: item_names[p], key=f"{PREFIX}_lower_pick"
            )
            level = choice(
                tr("lever_lower_level"),
                DisclosureLevel,
                DisclosureLevel.OVERVIEW,
                key=f"{PREFIX}_lower_level",
                optional=False,
            )
        else:
            item, level = None, None
            st.caption(tr("nothing_to_pick"))
        if st.form_submit_button(tr("apply"), key=f"{PREFIX}_lower_apply", disabled=not items) and item:
            current = stages[item[0]].items[item[1]].level
            if level.rank >= current.rank:
                st.error(tr("lever_lower_not_lower"))
            else:
                set_variant(levers.with_level(variant, item[0], item[1], level))

    clauses = sorted(
        (
            c
            for c in lib.clauses.values()
            if variant.project.deal_type in c.deal_types
            and (
                variant.contract.clauses.get(c.id) is None
                or variant.contract.clauses[c.id].status != ClauseStatus.PRESENT
            )
        ),
        key=lambda c: (c.phase.rank, c.id),
    )
    _, form = lever_form("clause", tr("lever_clause"))
    with form:
        if clauses:
            titles = {c.id: c.title.get(L) for c in clauses}
            clause = st.selectbox(
                tr("lever_clause"), list(titles), format_func=lambda c: titles[c], key=f"{PREFIX}_clause_pick"
            )
        else:
            clause = None
            st.caption(tr("nothing_to_pick"))
        if st.form_submit_button(tr("apply"), key=f"{PREFIX}_clause_apply", disabled=not clauses) and clause:
            set_variant(levers.with_clause_present(variant, clause))

    measures = [
        m
        for m in lib.measures.values()
        if (status := _measure_status(variant, m.id)) != MeasureStatus.IN_PLACE
        and status != MeasureStatus.NOT_APPLICABLE
    ]
    _, form = lever_form("measure", tr("lever_measure"))
    with form:
        if measures:
            mtitles = {m.id: f"{Phase(m.phase).label(L)}: {m.title.get(L)}" for m in measures}
            measure = st.selectbox(
                tr("lever_measure"), list(mtitles), format_func=lambda m: mtitles[m], key=f"{PREFIX}_measure_pick"
            )
        else:
            measure = None
            st.caption(tr("nothing_to_pick"))
        if st.form_submit_button(tr("apply"), key=f"{PREFIX}_measure_apply", disabled=not measures) and measure:
            set_variant(levers.with_measure_in_place(variant, measure))

    _, form = lever_form("deal", tr("lever_deal"))
    with form:
        deal = choice(tr("lever_deal"), DealType, variant.project.deal_type, key=f"{PREFIX}_deal", optional=False)
        if st.form_submit_button(tr("apply"), key=f"{PREFIX}_deal_apply") and deal != variant.project.deal_type:
            set_variant(levers.with_deal_type(variant, deal))


# --------------------------------------------------------------------------- comparison


def comparison(key: str, variant_key: str) -> Comparison:
    """Both assessments come from the shared cache; the comparison is kept for this pair of contents."""
    cached = st.session_state.get(COMPARED)
    if cached and cached[0] == (key, variant_key):
        return cached[1]
    result = compare_assessments(
        core.assessment(session.draft(), key), core.assessment(st.session_state[VARIANT], variant_key)
    )
    st.session_state[COMPARED] = ((key, variant_key), result)
    return result


def shown(value: Any) -> str:
    if value is None:
        return "—"
    if hasattr(value, "label"):
        return value.label(L)
    return str(value)


def scores(cmp: Comparison) -> None:
    c1, c2 = st.columns(2)
    for col, name, a in ((c1, tr("working"), cmp.a), (c2, tr("variant"), cmp.b)):
        with col, st.container(border=True):
            st.markdown(f"**{name}**")
            delta = None if a is cmp.a else (f"{cmp.score_delta:+g}" if cmp.score_delta else None)
            st.metric(tr("score"), f"{a.score:g}", delta=delta, delta_color="inverse")
            st.badge(
                escape_md(tr("grade", grade=a.grade.grade, label=bilingual(a.grade.label))),
                color=grade_swatch(a.grade.grade).name,
            )
    st.caption(tr("delta_note"))


def tables(cmp: Comparison) -> None:
    st.markdown(f"**{tr('inputs')}**")
    if cmp.inputs:
        st.dataframe(
            [
                {tr("col_field"): c.path, tr("col_before"): shown(c.before), tr("col_after"): shown(c.after)}
                for c in cmp.inputs
            ],
            hide_index=True,
            width="stretch",
            key=f"{PREFIX}_inputs",
        )
    else:
        st.info(tr("no_inputs"))
    st.markdown(f"**{tr('findings')}**")
    if cmp.findings:
        fa, fb = {f.id: f for f in cmp.a.findings}, {f.id: f for f in cmp.b.findings}
        rows = []
        for c in cmp.findings:
            f = fb.get(c.id) or fa.get(c.id)
            rows.append(
                {
                    tr("col_finding"): f.title.get(L) if f else c.id,
                    tr("col_before"): c.before_score if c.before_score is not None else tr("new"),
                    tr("col_after"): c.after_score if c.after_score is not None else tr("gone"),
                    tr("col_delta"): c.delta,
                    tr("col_sev_before"): Severity(c.before_severity).label(L) if c.before_severity else "—",
                    tr("col_sev_after"): Severity(c.after_severity).label(L) if c.after_severity else "—",
                }
            )
        st.dataframe(
            rows,
            hide_index=True,
            width="stretch",
            key=f"{PREFIX}_findings",
            column_config={
                tr("col_before"): st.column_config.TextColumn(),
                tr("col_after"): st.column_config.TextColumn(),
            },
        )
    else:
        st.info(tr("no_findings"))
    st.markdown(f"**{tr('checklist')}**")
    if cmp.checklist:
        items = {r.id: r for r in cmp.a.checklist}
        st.dataframe(
            [
                {
                    "ID": c.id,
                    tr("col_item"): items[c.id].item.text.get(L) if c.id in items else "",
                    tr("col_phase"): Phase(items[c.id].phase).label(L) if c.id in items else "",
                    tr("col_before"): ChecklistStatus(c.before).label(L),
                    tr("col_after"): ChecklistStatus(c.after).label(L),
                }
                for c in cmp.checklist
            ],
            hide_index=True,
            width="stretch",
            key=f"{PREFIX}_checklist",
        )
    else:
        st.info(tr("no_checklist"))


def adopt(variant: ProjectSpec) -> None:
    st.warning(tr("adopt_warning"))
    sure = st.checkbox(tr("adopt_confirm"), key=f"{PREFIX}_adopt_ok")
    if st.button(tr("adopt"), type="primary", disabled=not sure, key=f"{PREFIX}_adopt"):
        session.set_draft(variant.model_copy(deep=True))
        start_variant(variant, st.session_state[VARIANT_KEY])
        st.session_state.pop(f"{PREFIX}_adopt_ok", None)
        st.session_state[f"{PREFIX}__flash"] = tr("adopted")
        st.rerun()


# --------------------------------------------------------------------------- the page

st.title(tr("title"))
st.caption(tr("intro"))
draft, spec_key = session.require_draft(tr("no_project"))
base = st.session_state.get(BASE)
if st.session_state.get(VARIANT) is None or not base or base[0] != draft.project.id:
    start_variant(draft, spec_key)  # first visit, or another project was opened
flash = st.session_state.pop(f"{PREFIX}__flash", None)
if flash:
    st.success(flash)
if st.session_state[BASE][1] != spec_key:
    st.warning(tr("stale"))
if st.button(tr("reset"), key=f"{PREFIX}_reset"):
    start_variant(draft, spec_key)
    st.session_state[f"{PREFIX}__flash"] = tr("reset_done")
    st.rerun()
variant = st.session_state[VARIANT]
left, right = st.columns([2, 3])
with left:
    lever_panel(variant)
with right:
    st.subheader(tr("compare"))
    result = comparison(spec_key, st.session_state[VARIANT_KEY])
    scores(result)
    tables(result)
    if auth.can(Permission.EDIT):
        adopt(variant)
    else:
        auth.read_only_note()
