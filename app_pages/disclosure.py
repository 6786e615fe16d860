"""Disclosure planner: the stages on a timeline, what each hands over, gates, risk after each stage, black-boxing."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import streamlit as st

from model import api
from model.engine.assess import Assessment, StagePoint
from model.format.problems import Problem, format_path
from model.format.spec import SITE, BlackBoxing, DisclosureItem, DisclosureStage, Gate, ProjectSpec
from model.format.vocab import DisclosureLevel, DisclosureMethod, GateCondition, MeasureStatus
from model.report.presentation import grade_swatch
from ui import core, editing, session
from ui.graph_view import FONT_FAMILY, plain
from ui.i18n import Translator, bilingual, lang
from ui.strings import common
from ui.strings.disclosure import STRINGS
from ui.widgets import choice, escape_md

tr = Translator(STRINGS, common.STRINGS)
L = lang()  # the page runs anew on every rerun, so this is the session's current language
PREFIX = "disclosure"
JUMP_POINTS = 5.0  # a stage that adds this many points (or worsens the grade) gets a warning
DATE_MIN, DATE_MAX = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
PLOTLY_CONFIG = {"displaylogo": False}
# Disclosure levels from least to most: light to dark, so the deepest hand-over stands out.
LEVEL_COLOURS = {
    DisclosureLevel.OVERVIEW: "#c8e6c9",
    DisclosureLevel.SPECIFICATION: "#fff59d",
    DisclosureLevel.SANITISED_DRAWINGS: "#ffcc80",
    DisclosureLevel.FULL_DRAWINGS: "#ff8a65",
    DisclosureLevel.PROCESS_KNOWHOW: "#e53935",
    DisclosureLevel.RECIPE_SOURCE: "#8e0000",
}
NO_LEVEL_COLOUR = "#cfd8dc"


# --------------------------------------------------------------------------- keeping widgets and draft in step


def show_errors(problems: list[Problem]) -> None:
    st.error(tr("not_changed"))
    st.text("\n".join(f"{format_path(p.path)}: {p.message(L)}" for p in problems))


def try_commit(new: ProjectSpec, message: str) -> None:
    valid, errors, _ = editing.checked(new)
    if valid is None:
        show_errors(errors)
    else:
        editing.commit(PREFIX, valid, message)


# --------------------------------------------------------------------------- pure helpers


def deepest_level(stage: DisclosureStage) -> DisclosureLevel | None:
    return max((i.level for i in stage.items), key=lambda lv: lv.rank, default=None)


def stage_label(index: int, stage: DisclosureStage) -> str:
    return f"{index + 1}. {stage.name}"


def stage_span(stages: list[DisclosureStage], i: int) -> tuple[dt.date, dt.date, bool]:
    """Start and end to draw; the flag says the end was not set and is assumed."""
    stage = stages[i]
    if stage.end:
        return stage.start, stage.end, False
    following = next((s.start for s in stages[i + 1 :] if s.start and s.start > stage.start), None)
    return stage.start, following or stage.start + dt.timedelta(days=90), True


def timeline_figure(stages: list[DisclosureStage]) -> tuple[go.Figure, bool, bool]:
    """Stages as horizontal bars coloured by their deepest level; (figure, dated?, some end assumed?)."""
    dated = all(s.start for s in stages)
    fig = go.Figure()
    assumed = False
    groups: dict[DisclosureLevel | None, list[int]] = {}
    for i, stage in enumerate(stages):
        groups.setdefault(deepest_level(stage), []).append(i)
    order = [None, *DisclosureLevel]
    for level in order:
        indexes = groups.get(level)
        if not indexes:
            continue
        name = tr("nothing_disclosed") if level is None else level.label(L)
        colour = NO_LEVEL_COLOUR if level is None else LEVEL_COLOURS[level]
        ys = [plain(stage_label(i, stages[i])) for i in indexes]
        if dated:
            spans = [stage_span(stages, i) for i in indexes]
            assumed = assumed or any(flag for *_, flag in spans)
            base = [s.isoformat() for s, _, _ in spans]
            length = [max(1, (e - s).days) * 86_400_000 for s, e, _ in spans]
            hover = [
                f"{y}<br>{s.isoformat()} – {e.isoformat()}<br>{name}" for y, (s, e, _) in zip(ys, spans, strict=True)
            ]
        else:
            base = indexes
            length = [0.9] * len(indexes)
            hover = [f"{y}<br>{name}" for y in ys]
        fig.add_trace(
            go.Bar(
                x=length,
                y=ys,
                base=base,
                orientation="h",
                name=name,
                marker_color=colour,
                hovertext=hover,
                hoverinfo="text",
                marker_line={"width": 1, "color": "#455a64"},
            )
        )
    fig.update_yaxes(
        autorange="reversed",
        categoryorder="array",
        categoryarray=[plain(stage_label(i, s)) for i, s in enumerate(stages)],
    )
    if dated:
        fig.update_xaxes(type="date")
    else:
        fig.update_xaxes(
            tickvals=list(range(len(stages))), ticktext=[tr("stage_n", n=i + 1) for i in range(len(stages))]
        )
    fig.update_layout(
        barmode="overlay",
        height=120 + 40 * len(stages),
        font={"family": FONT_FAMILY},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    )
    return fig, dated, assumed


def risk_figure(points: list[StagePoint], stages: list[DisclosureStage], assessment: Assessment) -> go.Figure:
    """Project score after each stage, one bar per stage in its grade's colour, with the grade thresholds."""
    xs = [plain(stage_label(p.index, stages[p.index])) for p in points]
    fig = go.Figure(
        go.Bar(
            x=xs,
            y=[p.score for p in points],
            marker_color=[grade_swatch(p.grade).colour for p in points],
            text=[f"{p.score:g} ({p.grade})" for p in points],
            textposition="outside",
            hovertext=[tr("hover_score", score=f"{p.score:g}", grade=p.grade, increase=p.increase) for p in points],
            hoverinfo="text",
            showlegend=False,
        )
    )
    for band in assessment.scoring.grades:
        if band.min_score > 0:
            fig.add_hline(
                y=band.min_score,
                line_dash="dot",
                line_color=grade_swatch(band.grade).colour,
                annotation_text=f"{band.grade}: {bilingual(band.label)}",
                annotation_position="top left",
            )
    top = max([p.score for p in points] + [b.min_score for b in assessment.scoring.grades])
    fig.update_layout(
        height=380,
        font={"family": FONT_FAMILY},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        yaxis={"title": tr("score"), "range": [0, min(100, top * 1.2 + 5)]},
        xaxis={"title": tr("axis_stage")},
    )
    return fig


def jumps(points: list[StagePoint]) -> list[tuple[StagePoint, str | None]]:
    """Stages that raise the risk sharply: +JUMP_POINTS or more, or a worse grade; with the grade before."""
    out = []
    for i, p in enumerate(points):
        before = points[i - 1].grade if i else None
        worse = before is not None and p.grade > before  # grades run A (best) … E (worst)
        if p.increase >= JUMP_POINTS or worse:
            out.append((p, before if worse else None))
    return out


# --------------------------------------------------------------------------- sections


def timeline_section(spec: ProjectSpec) -> None:
    st.subheader(tr("timeline"))
    stages = spec.disclosure.stages
    if not stages:
        st.info(tr("no_stages"))
        return
    fig, dated, assumed = timeline_figure(stages)
    st.plotly_chart(fig, config=PLOTLY_CONFIG, key=f"{PREFIX}_timeline_chart")
    st.caption(tr("timeline_help"))
    if not dated:
        st.caption(tr("timeline_undated"))
    elif assumed:
        st.caption(tr("timeline_open_end"))


def risk_section(spec: ProjectSpec, assessment: Assessment) -> None:
    points = assessment.timeline
    if not points:
        return
    st.subheader(tr("risk_title"))
    st.plotly_chart(
        risk_figure(points, spec.disclosure.stages, assessment), config=PLOTLY_CONFIG, key=f"{PREFIX}_risk_chart"
    )
    st.caption(tr("risk_help"))
    found = jumps(points)
    if not found:
        st.success(tr("no_jumps", points=f"{JUMP_POINTS:g}"))
    for point, before in found:
        stage = escape_md(stage_label(point.index, spec.disclosure.stages[point.index]))
        params = {"stage": stage, "score": f"{point.score:g}", "grade": point.grade}
        if before:
            head = tr("jump_grade", before=before, **params)
        elif point.index == 0:
            head = tr("jump_first", **params)
        else:
            head = tr("jump", increase=point.increase, **params)
        lines = []
        for fid in point.drivers:
            f = assessment.finding(fid)
            if f is not None:
                lines.append(tr("driver_line", title=escape_md(f.title.get(L)), score=f"{f.score:g}"))
        st.warning("  \n".join([head, *lines]))


def party_names(spec: ProjectSpec) -> dict[str, str]:
    names = {SITE: spec.project.site_name or tr("site")}
    names.update({p.id: p.name for p in spec.partners})
    return names


def items_table(spec: ProjectSpec, stage: DisclosureStage) -> list[dict]:
    techs = {t.id: t.name for t in spec.technologies}
    parties = party_names(spec)
    return [
        {
            "#": n + 1,
            tr("col_technology"): techs.get(item.technology, item.technology),
            tr("col_level"): item.level.label(L),
            tr("col_recipient"): parties.get(item.recipient, item.recipient),
            tr("col_method"): item.method.label(L),
            tr("col_note"): item.note or "",
        }
        for n, item in enumerate(stage.items)
    ]


def stage_form(spec: ProjectSpec, index: int) -> None:
    stage = spec.disclosure.stages[index]
    sid = stage.id
    with st.form(f"{PREFIX}_stage_form_{sid}"):
        st.markdown(f"**{tr('stage_details')}**")
        name = st.text_input(tr("name"), value=stage.name, max_chars=200, key=f"{PREFIX}_name_{sid}")
        c1, c2 = st.columns(2)
        start = c1.date_input(
            tr("start"), value=stage.start, min_value=DATE_MIN, max_value=DATE_MAX, key=f"{PREFIX}_start_{sid}"
        )
        end = c2.date_input(
            tr("end"), value=stage.end, min_value=DATE_MIN, max_value=DATE_MAX, key=f"{PREFIX}_end_{sid}"
        )
        end_error = c2.empty()  # the date check is explained right under the end date
        conditions = st.multiselect(
            tr("gate"),
            list(GateCondition),
            default=stage.gate.conditions,
            format_func=lambda c: c.label(L),
            help=tr("gate_help"),
            key=f"{PREFIX}_gate_{sid}",
        )
        note = st.text_area(
            tr("gate_note"), value=stage.gate.note or "", max_chars=4000, key=f"{PREFIX}_gatenote_{sid}"
        )
        submitted = st.form_submit_button(tr("apply_stage"), key=f"{PREFIX}_apply_{sid}")
    if not submitted:
        return
    if start and end and end < start:
        end_error.error(tr("end_before_start", start=start.isoformat(), end=end.isoformat()))
        return
    if not name.strip():
        st.error(tr("name_required"))
        return
    new = spec.model_copy(deep=True)
    new.disclosure.stages[index] = DisclosureStage(
        id=sid,
        name=name.strip(),
        start=start,
        end=end,
        gate=Gate(conditions=conditions, note=note.strip() or None),
        items=stage.items,
    )
    try_commit(new, tr("stage_updated"))


def items_editor(spec: ProjectSpec, index: int) -> None:
    stage = spec.disclosure.stages[index]
    sid = stage.id
    st.markdown(f"**{tr('items')}**")
    if stage.items:
        st.dataframe(items_table(spec, stage), hide_index=True, width="stretch", key=f"{PREFIX}_items_{sid}")
        techs = {t.id: t.name for t in spec.technologies}
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        pick = c1.selectbox(
            tr("remove_item_pick"),
            list(range(len(stage.items))),
            key=f"{PREFIX}_rmpick_{sid}",
            format_func=lambda n: (
                f"{n + 1}. {techs.get(stage.items[n].technology, stage.items[n].technology)}"
                f" – {stage.items[n].level.label(L)}"
            ),
        )
        if c2.button(tr("remove_item"), key=f"{PREFIX}_rm_{sid}") and pick is not None and pick < len(stage.items):
            new = spec.model_copy(deep=True)
            del new.disclosure.stages[index].items[pick]
            try_commit(new, tr("item_removed"))
    else:
        st.caption(tr("no_items"))
    if not spec.technologies:
        st.info(tr("no_technologies"))
        return
    techs = {t.id: t.name for t in spec.technologies}
    parties = party_names(spec)
    with st.form(f"{PREFIX}_add_form_{sid}", clear_on_submit=True):
        st.markdown(f"**{tr('add_item')}**")
        c1, c2 = st.columns(2)
        tech = c1.selectbox(
            tr("technology"), list(techs), format_func=lambda t: techs[t], key=f"{PREFIX}_addtech_{sid}"
        )
        recipient = c2.selectbox(
            tr("recipient"), list(parties), format_func=lambda p: parties[p], key=f"{PREFIX}_addto_{sid}"
        )
        with c1:
            level = choice(tr("level"), DisclosureLevel, None, key=f"{PREFIX}_addlevel_{sid}", optional=False)
        with c2:
            method = choice(tr("method"), DisclosureMethod, None, key=f"{PREFIX}_addmethod_{sid}", optional=False)
        note = st.text_input(tr("note"), max_chars=4000, key=f"{PREFIX}_addnote_{sid}")
        submitted = st.form_submit_button(tr("add"), key=f"{PREFIX}_add_{sid}")
    if submitted:
        if not (tech and recipient and level and method):
            st.error(tr("pick_required"))
            return
        new = spec.model_copy(deep=True)
        new.disclosure.stages[index].items.append(
            DisclosureItem(technology=tech, level=level, recipient=recipient, method=method, note=note.strip() or None)
        )
        try_commit(new, tr("item_added"))


def stages_section(spec: ProjectSpec) -> None:
    st.subheader(tr("stages"))
    for index, stage in enumerate(spec.disclosure.stages):
        dates = f"{stage.start or '…'} – {stage.end or '…'}" if stage.start or stage.end else tr("dates_unknown")
        label = f"{escape_md(stage_label(index, stage))} — {dates} · {tr('items_n', n=len(stage.items))}"
        with st.expander(label, expanded=len(spec.disclosure.stages) <= 3):
            stage_form(spec, index)
            items_editor(spec, index)
            c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
            sure = c1.checkbox(tr("remove_stage_confirm"), key=f"{PREFIX}_rmstage_ok_{stage.id}")
            if c2.button(tr("remove_stage"), key=f"{PREFIX}_rmstage_{stage.id}", disabled=not sure):
                new = spec.model_copy(deep=True)
                del new.disclosure.stages[index]
                try_commit(new, tr("stage_removed"))


def add_stage_section(spec: ProjectSpec) -> None:
    with st.expander(tr("add_stage"), expanded=not spec.disclosure.stages):
        with st.form(f"{PREFIX}_new_stage_form"):
            c1, c2 = st.columns(2)
            sid = c1.text_input(tr("stage_id"), max_chars=48, help=tr("stage_id_help"), key=f"{PREFIX}_new_id")
            id_error = c1.empty()
            name = c2.text_input(tr("name"), max_chars=200, key=f"{PREFIX}_new_name")
            name_error = c2.empty()
            c3, c4 = st.columns(2)
            start = c3.date_input(
                tr("start"), value=None, min_value=DATE_MIN, max_value=DATE_MAX, key=f"{PREFIX}_new_start"
            )
            end = c4.date_input(tr("end"), value=None, min_value=DATE_MIN, max_value=DATE_MAX, key=f"{PREFIX}_new_end")
            end_error = c4.empty()
            conditions = st.multiselect(
                tr("gate"),
                list(GateCondition),
                format_func=lambda c: c.label(L),
                help=tr("gate_help"),
                key=f"{PREFIX}_new_gate",
            )
            submitted = st.form_submit_button(tr("add_stage"), key=f"{PREFIX}_new_submit")
        if not submitted:
            return
        sid = sid.strip()
        ok = True
        if not api.is_slug(sid):
            id_error.error(tr("bad_slug"))
            ok = False
        elif sid in {s.id for s in spec.disclosure.stages}:
            id_error.error(tr("duplicate_id"))
            ok = False
        if not name.strip():
            name_error.error(tr("name_required"))
            ok = False
        if start and end and end < start:
            end_error.error(tr("end_before_start", start=start.isoformat(), end=end.isoformat()))
            ok = False
        if not ok:
            return
        new = spec.model_copy(deep=True)
        new.disclosure.stages.append(
            DisclosureStage(id=sid, name=name.strip(), start=start, end=end, gate=Gate(conditions=conditions))
        )
        try_commit(new, tr("stage_added"))


def black_boxing_section(spec: ProjectSpec) -> None:
    st.subheader(tr("bb_title"))
    st.caption(tr("bb_intro"))
    lib = core.library()
    bb = spec.disclosure.black_boxing
    columns = st.columns(2)
    for n, field in enumerate(BlackBoxing.model_fields):
        measure = lib.measures.get(f"disclosure.black_boxing.{field}")
        current = getattr(bb, field)
        with columns[n % 2], st.container(border=True):
            title = bilingual(measure.title) if measure else field
            st.markdown(f"**{escape_md(title)}**")
            if measure:
                st.caption(escape_md(bilingual(measure.description)))
                st.caption(
                    escape_md(
                        tr(
                            "bb_cuts",
                            channels="、".join(c.label(L) for c in measure.channels)
                            if L == "ja"
                            else ", ".join(c.label(L) for c in measure.channels),
                        )
                    )
                )
            value = choice(tr("status"), MeasureStatus, current.status if current else None, key=f"{PREFIX}_bb_{field}")
            if value != (current.status if current else None):
                new = spec.model_copy(deep=True)
                old = getattr(new.disclosure.black_boxing, field)
                # Keep the note, owner and due date; clearing the status clears the measure.
                setattr(
                    new.disclosure.black_boxing,
                    field,
                    None if value is None else (old.model_copy(update={"status": value}) if old else value),
                )
                try_commit(new, tr("bb_updated"))


# --------------------------------------------------------------------------- the page

st.title(tr("title"))
st.caption(tr("intro"))
draft, spec_key = session.require_draft(tr("no_project"))
editing.sync_widgets(PREFIX, spec_key)
editing.show_flash(PREFIX)
result = core.assessment(draft, spec_key)
timeline_section(draft)
risk_section(draft, result)
stages_section(draft)
add_stage_section(draft)
black_boxing_section(draft)
