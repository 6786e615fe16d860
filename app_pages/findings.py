"""Findings and decisions: every finding explained with its numbers, decisions recorded, and the mitigation ranking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import streamlit as st
from pydantic import ValidationError

from model import api
from model.access import Permission
from model.engine.assess import Assessment, Control, Finding
from model.format.spec import Decision, ProjectSpec
from model.format.vocab import ClauseStatus, DecisionStatus, LeakChannel, MeasureStatus, Phase, Severity
from model.report import presentation as pres
from ui import auth, core, editing, graph_view, session, widgets
from ui.i18n import Translator, lang
from ui.strings import common
from ui.strings.findings import STRINGS

tr = Translator(STRINGS, common.STRINGS)

# Decision widgets are keyed per finding; their state is dropped when the draft changed elsewhere
# (another page, discard, another project, a recorded decision) so they show the draft again.
DECISION_WIDGETS = ("findings_decision_", "findings_justification_")
NEEDS_JUSTIFICATION = (DecisionStatus.ACCEPTED, DecisionStatus.NOT_APPLICABLE)
STATES = ("all", "open", "decided")


# --------------------------------------------------------------------------- pure helpers (unit-tested)


def tech_names(spec: ProjectSpec) -> dict[str, str]:
    return {t.id: t.name for t in spec.technologies}


def filter_findings(
    findings: Iterable[Finding],
    severities: Iterable[str] = (),
    channels: Iterable[str] = (),
    technologies: Iterable[str] = (),
    state: str = "all",
) -> list[Finding]:
    sev, ch, te = set(severities), set(channels), set(technologies)
    return [
        f
        for f in findings
        if (not sev or f.severity in sev)
        and (not ch or f.channel.value in ch)
        and (not te or f.technology in te)
        and (state == "all" or (state == "decided") == f.decided)
    ]


def finding_rows(findings: Iterable[Finding], names: dict[str, str], language: str) -> list[dict]:
    return [
        {
            "score": f.score,
            "severity": Severity(f.severity).label(language),
            "channel": f.channel.label(language),
            "technology": names.get(f.technology, f.technology),
            "title": f.title.get(language),
            "decision": f.decision.status.label(language) if f.decision else tr("no_decision"),
        }
        for f in findings
    ]


def control_status(c: Control, language: str) -> str:
    if c.status is None:
        return tr("not_recorded")
    vocab = ClauseStatus if c.kind == "clause" else MeasureStatus
    try:
        return vocab(c.status).label(language)
    except ValueError:
        return c.status


def formula_numbers(f: Finding) -> dict[str, str]:
    """The numbers of the score, as shown: 100 × exposure × threat × what controls leave × impact."""
    return {
        "exposure": f"{f.exposure:.2f}",
        "threat": f"{f.threat:.2f}",
        "control": f"{f.control_factor:.2f}",
        "impact": f"{f.impact:.2f}",
        "score": f"{f.score:.1f}",
        "likelihood": f"{f.likelihood:.3f}",
        "l_level": str(f.likelihood_level),
        "i_level": str(f.impact_level),
    }


def when_text(at: dt.datetime | dt.date | None) -> str:
    if at is None:
        return ""
    if isinstance(at, dt.datetime):
        return at.isoformat(sep=" ", timespec="minutes")
    return at.isoformat()


def record_decision(
    spec: ProjectSpec,
    finding_id: str,
    status: DecisionStatus | None,
    justification: str | None,
    user: str,
    now: dt.datetime,
) -> tuple[ProjectSpec | None, str | None]:
    """A copy of the project with the decision on the finding replaced, or (None, reason) when it is refused."""
    if status is None:
        return None, "need_status"
    text = (justification or "").strip() or None
    if status in NEEDS_JUSTIFICATION and not text:
        return None, "need_justification"
    decision = Decision(finding=finding_id, status=status, justification=text, by=user, at=now)
    new = spec.model_copy(deep=True)
    others = [d for d in new.decisions if d.finding != finding_id]
    index = next((i for i, d in enumerate(new.decisions) if d.finding == finding_id), len(others))
    new.decisions = [*others[:index], decision, *others[index:]]
    return new, None


# --------------------------------------------------------------------------- callbacks


def _on_record(finding_id: str) -> None:
    spec = session.draft()
    if spec is None:
        return
    status = st.session_state.get(f"findings_decision_{finding_id}")
    text = st.session_state.get(f"findings_justification_{finding_id}")
    now = dt.datetime.now().astimezone().replace(microsecond=0)  # timezone-aware, local offset
    try:
        new, error = record_decision(spec, finding_id, status, text, session.user(), now)
    except ValidationError:
        new, error = None, "need_status"
    if error:
        st.session_state["findings_error"] = (error, status.value if status else None)
        return
    session.set_draft(new)
    st.session_state["findings_recorded"] = session.user()


# --------------------------------------------------------------------------- rendering


def render_table(a: Assessment) -> list[Finding]:
    language = lang()
    names = tech_names(a.spec)
    findings = a.findings
    c1, c2, c3, c4 = st.columns([1, 2, 2, 1])
    severities = c1.multiselect(
        tr("filter_severity"),
        [s.value for s in Severity],
        key="findings_filter_severity",
        format_func=lambda s: Severity(s).label(language),
        help=tr("filter_help"),
    )
    present_channels = [c.value for c in LeakChannel if any(f.channel == c for f in findings)]
    channels = c2.multiselect(
        tr("filter_channel"),
        present_channels,
        key="findings_filter_channel",
        format_func=lambda c: LeakChannel(c).label(language),
        help=tr("filter_help"),
    )
    present_techs = [t for t in names if any(f.technology == t for f in findings)]
    techs = c3.multiselect(
        tr("filter_tech"),
        present_techs,
        key="findings_filter_tech",
        format_func=lambda t: names.get(t, t),
        help=tr("filter_help"),
    )
    # Labels are computed now: format functions must not read the session (they may run outside the script).
    state_labels = {s: tr(f"state_{s}") for s in STATES}
    state = c4.radio(tr("filter_state"), STATES, key="findings_filter_state", format_func=state_labels.__getitem__)
    shown = filter_findings(findings, severities, channels, techs, state)
    st.caption(tr("shown", n=len(shown), total=len(findings)))
    if not shown:
        st.info(tr("none_match"))
        return shown
    st.dataframe(
        finding_rows(shown, names, language),
        hide_index=True,
        key="findings_table",
        column_config={
            "score": st.column_config.NumberColumn(tr("col_score"), format="%.1f", width="small"),
            "severity": st.column_config.TextColumn(tr("col_severity"), width="small"),
            "channel": tr("col_channel"),
            "technology": tr("col_tech"),
            "title": st.column_config.TextColumn(tr("col_title"), width="large"),
            "decision": tr("col_decision"),
        },
    )
    return shown


def render_detail(f: Finding, a: Assessment) -> None:
    language = lang()
    scoring = a.scoring
    st.subheader(widgets.escape_md(f.title.get(language)))
    st.caption(widgets.escape_md(f.explanation(language)))
    for case in f.precedents:
        with st.expander(tr("precedent", title=widgets.escape_md(pres.precedent(case, language)))):
            st.markdown(widgets.escape_md(case.precedent_summary.get(language)))
            st.markdown(
                f"**{tr('precedent_prevented')}**: " + widgets.escape_md(case.would_have_prevented.text.get(language))
            )
            st.caption(
                tr("precedent_sources")
                + "\n"
                + "\n".join(f"- {widgets.escape_md(line)}" for line in pres.precedent_sources(case))
            )

    st.markdown(f"**{tr('exposure')}**")
    stages = a.spec.disclosure.stages
    st.dataframe(
        [
            {
                "what": e.text.get(language),
                "value": round(e.value, 2),
                "from": tr("always")
                if e.stage is None
                else tr("stage_n", n=e.stage + 1, name=stages[e.stage].name if e.stage < len(stages) else ""),
            }
            for e in sorted(f.exposures, key=lambda e: -e.value)
        ],
        hide_index=True,
        key=f"findings_exposure_{f.id}",
        column_config={
            "what": st.column_config.TextColumn(tr("col_what"), width="large"),
            "value": tr("col_value"),
            "from": tr("col_from"),
        },
    )

    st.markdown(f"**{tr('facts')}**")
    st.caption(tr("base_threat", base=f"{scoring.channels[f.channel].base_threat:.2f}"))
    if f.facts:
        st.dataframe(
            [{"fact": fact.text.get(language), "weight": round(w, 2)} for fact, w in f.facts],
            hide_index=True,
            key=f"findings_facts_{f.id}",
            column_config={
                "fact": st.column_config.TextColumn(tr("col_fact"), width="large"),
                "weight": tr("col_weight"),
            },
        )
    else:
        st.caption(tr("no_facts"))

    st.markdown(f"**{tr('controls')}**")
    if f.lowering:
        st.dataframe(
            [
                {
                    "kind": tr(f"kind_{c.kind}"),
                    "title": c.title.get(language),
                    "status": control_status(c, language),
                    "strength": round(c.strength, 2),
                }
                for c in f.lowering
            ],
            hide_index=True,
            key=f"findings_controls_{f.id}",
            column_config={
                "kind": tr("col_kind"),
                "title": tr("col_control"),
                "status": tr("col_status"),
                "strength": tr("col_strength"),
            },
        )
    else:
        st.caption(tr("no_controls"))

    st.markdown(f"**{tr('mitigations')}**")
    if f.mitigations:
        st.dataframe(
            [
                {
                    "title": c.title.get(language),
                    "kind": tr(f"kind_{c.kind}"),
                    "phase": Phase(c.phase).label(language),
                    "status": control_status(c, language),
                    "effect": round(c.effect, 2),
                }
                for c in f.mitigations
            ],
            hide_index=True,
            key=f"findings_mitigations_{f.id}",
            column_config={
                "title": tr("col_control"),
                "kind": tr("col_kind"),
                "phase": tr("col_phase"),
                "status": tr("col_status"),
                "effect": tr("col_effect"),
            },
        )
    else:
        st.caption(tr("no_mitigations"))

    if f.path:
        st.markdown(f"**{tr('path')}**")
        # Labels are names from the project file: plain text only.
        st.text(" → ".join(graph_view.node_label(a.graph.g, node, language) for node in f.path))
    if f.refs:
        st.caption(tr("refs", refs=", ".join(f.refs)))

    st.markdown(f"**{tr('numbers')}**")
    n = formula_numbers(f)
    severity = Severity(f.severity)
    st.markdown(tr("formula", **{k: n[k] for k in ("exposure", "threat", "control", "impact", "score")}))
    st.caption(tr("coverage", coverage=f"{100 * f.coverage:.0f}", floor=f"{scoring.control_floor:.2f}"))
    st.markdown(
        tr(
            "levels",
            likelihood=n["likelihood"],
            l_level=n["l_level"],
            impact=n["impact"],
            i_level=n["i_level"],
            severity=severity.label(language),
        )
    )
    st.caption(tr("severity_means", severity=severity.label(language), meaning=severity.description(language)))
    if not f.counted:
        st.info(tr("not_counted"))


def render_decision_form(f: Finding) -> None:
    language = lang()
    st.markdown(f"**{tr('decision_header')}**")
    if f.decision:
        st.caption(
            tr(
                "current_decision",
                status=f.decision.status.label(language),
                by=widgets.escape_md(f.decision.by or "—"),
                at=when_text(f.decision.at) or "—",
            )
        )
    error = st.session_state.pop("findings_error", None)
    if error:
        kind, status = error
        if kind == "need_justification":
            st.error(tr("need_justification", status=DecisionStatus(status).label(language)))
        else:
            st.error(tr("need_status"))
    recorded = st.session_state.pop("findings_recorded", None)
    if recorded is not None:
        st.success(tr("recorded", by=widgets.escape_md(recorded)))
    with st.form(f"findings_form_{f.id}", border=True):
        widgets.choice(
            tr("decision_status"),
            DecisionStatus,
            f.decision.status if f.decision else DecisionStatus.OPEN,
            f"findings_decision_{f.id}",
            optional=False,
        )
        st.text_area(
            tr("justification"),
            value=(f.decision.justification or "") if f.decision else "",
            key=f"findings_justification_{f.id}",
            max_chars=4000,
            help=tr("justification_help"),
        )
        st.form_submit_button(
            tr("record"), type="primary", key=f"findings_record_{f.id}", on_click=_on_record, args=(f.id,)
        )


def render_decided(a: Assessment) -> None:
    language = lang()
    st.subheader(tr("decided_header"))
    st.caption(tr("decided_intro"))
    decided = [f for f in a.findings if f.decided]
    if not decided:
        st.caption(tr("no_decided"))
        return
    st.dataframe(
        [
            {
                "title": f.title.get(language),
                "score": f.score,
                "decision": f.decision.status.label(language),
                "justification": f.decision.justification or "",
                "by": f.decision.by or "",
                "at": when_text(f.decision.at),
            }
            for f in decided
        ],
        hide_index=True,
        key="findings_decided",
        column_config={
            "title": tr("col_title"),
            "score": st.column_config.NumberColumn(tr("col_score"), format="%.1f"),
            "decision": tr("col_decision"),
            "justification": st.column_config.TextColumn(tr("col_justification"), width="large"),
            "by": tr("col_by"),
            "at": tr("col_at"),
        },
    )


def render_ranking(spec: ProjectSpec, spec_key: str, a: Assessment) -> None:
    language = lang()
    st.subheader(tr("ranking_header"))
    st.caption(tr("ranking_intro", score=f"{a.score:.1f}"))
    ranking = core.ranking(spec, spec_key)
    top = [m for m in ranking if m.reduction > 0 or m.findings][:10]
    if not top:
        st.caption(tr("no_ranking"))
        return
    st.dataframe(
        [
            {
                "title": m.control.title.get(language),
                "kind": tr(f"kind_{m.control.kind}"),
                "phase": Phase(m.phase).label(language),
                "status": control_status(m.control, language),
                "cut": m.reduction,
                "new": m.new_score,
                "findings": len(m.findings),
            }
            for m in top
        ],
        hide_index=True,
        key="findings_ranking",
        column_config={
            "title": st.column_config.TextColumn(tr("col_control"), width="large"),
            "kind": tr("col_kind"),
            "phase": tr("col_phase"),
            "status": tr("col_status"),
            "cut": st.column_config.NumberColumn(tr("col_cut"), format="%.1f"),
            "new": st.column_config.NumberColumn(tr("col_new"), format="%.1f"),
            "findings": tr("col_findings"),
        },
    )
    st.markdown(f"**{tr('best_header')}**")
    best = api.best_per_phase(ranking)
    cols = st.columns(len(best))
    for col, (phase, items) in zip(cols, best.items(), strict=True):
        with col:
            st.markdown(f"*{Phase(phase).label(language)}*")
            if not items:
                st.caption(tr("best_none"))
            for m in items:
                st.markdown("- " + tr("best_line", title=m.control.title.get(language), cut=f"{m.reduction:.1f}"))


def main() -> None:
    st.title(tr("title"))
    st.caption(tr("intro"))
    spec = session.draft()
    if spec is None:
        st.info(tr("no_project"))
        return
    spec_key = core.spec_key(spec)
    editing.sync_widgets("findings", spec_key, DECISION_WIDGETS)
    a = core.assessment(spec, spec_key)
    if not a.findings:
        st.info(tr("no_findings"))
        return
    decided = sum(1 for f in a.findings if f.decided)
    cols = st.columns(4)
    cols[0].metric(tr("m_findings"), len(a.findings))
    cols[1].metric(tr("m_open"), len(a.findings) - decided)
    cols[2].metric(tr("m_decided"), decided)
    cols[3].metric(tr("m_score"), f"{a.score:.1f}", help=tr("score_note"))

    shown = render_table(a)
    if shown:
        by_id = {f.id: f for f in shown}
        labels = {
            fid: f"{f.score:.1f} · {Severity(f.severity).label(lang())} · {f.title.get(lang())}"
            for fid, f in by_id.items()
        }
        selected = st.selectbox(tr("select"), list(by_id), key="findings_selected", format_func=labels.__getitem__)
        if selected in by_id:
            st.divider()
            render_detail(by_id[selected], a)
            if auth.can(Permission.EDIT):
                render_decision_form(by_id[selected])
            else:
                auth.read_only_note()
    st.divider()
    render_decided(a)
    st.divider()
    render_ranking(spec, spec_key, a)


main()
