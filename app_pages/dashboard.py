"""Executive dashboard: the rating, the risk matrix, the top risks, readiness, channels, stages, changes, report."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from model import api
from model.engine.assess import Assessment
from model.engine.compare import Comparison, compare_assessments
from model.format.vocab import DealType, Severity
from model.report import presentation as pres
from ui import charts, core, session
from ui.i18n import Translator, lang
from ui.strings import common
from ui.strings.dashboard import STRINGS
from ui.widgets import escape_md

tr = Translator(STRINGS, common.STRINGS)

MEMO = "dashboard_memo"


# --------------------------------------------------------------------------- pure helpers (unit-testable)


def change_counts(comparison: Comparison) -> dict[str, int]:
    new = sum(1 for c in comparison.findings if c.before_score is None)
    removed = sum(1 for c in comparison.findings if c.after_score is None)
    return {
        "new": new,
        "removed": removed,
        "changed": len(comparison.findings) - new - removed,
        "inputs": len(comparison.inputs),
    }


def change_table(comparison: Comparison, lang_code: str, n: int = 5) -> pd.DataFrame:
    """The findings whose score moved most (already sorted by the size of the change)."""
    rows = []
    for c in comparison.findings[:n]:
        f = comparison.b.finding(c.id) or comparison.a.finding(c.id)
        rows.append(
            {
                tr("col_finding"): f.title.get(lang_code) if f else c.id,
                tr("col_before"): c.before_score,
                tr("col_after"): c.after_score,
                tr("col_delta"): c.delta,
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- derived results (memoised per session)


def _memo(key: tuple, compute: Callable):
    """What is derived from fixed content (a stored version, or a chart of one content key) is kept for the session.

    The keys name the content (version number and content hash, or core.spec_key), so an entry is never stale; the
    oldest of 32 goes first."""
    box: dict = st.session_state.setdefault(MEMO, {})
    if key not in box:
        if len(box) >= 32:
            box.pop(next(iter(box)))
        box[key] = compute()
    return box[key]


def stored_assessment(store: api.Store, pid: str, number: int, digest: str) -> Assessment:
    spec = _memo(("spec", store.url, pid, number, digest), lambda: store.load(pid, number, core.library()))
    # The stored content hash is core.spec_key's key (both are the canonical YAML's hash), so the unedited open
    # project and its stored version share this assessment.
    return core.assessment(spec, key=digest)


def version_change(store: api.Store, pid: str, versions: list) -> Comparison | None:
    """Latest stored version against the one before it (None for a first version)."""
    if len(versions) < 2:
        return None
    new, old = versions[0], versions[1]
    return _memo(
        ("diff", store.url, pid, old.number, new.number, old.content_hash, new.content_hash),
        lambda: api.version_diff(store, pid, old.number, new.number, core.library()),
    )


# --------------------------------------------------------------------------- sections


def header(spec: api.ProjectSpec) -> None:
    p = spec.project
    country = core.library().countries.get(p.host_country)
    st.title(escape_md(p.name))
    st.caption(
        tr(
            "facts",
            deal=DealType(p.deal_type).label(lang()),
            country=escape_md(country.name.get(lang()) if country else p.host_country),
        )
    )
    if p.site_name:
        st.caption(tr("site", site=escape_md(p.site_name)))


def rating(a: Assessment, key: str) -> None:
    g = a.grade
    st.subheader(tr("rating"))
    tile, text = st.columns([1, 2], vertical_alignment="center")
    with tile:
        st.plotly_chart(
            figure("grade", key, lambda: charts.grade_tile(g.grade)),
            key="dashboard_grade",
            config={**charts.CONFIG, "staticPlot": True},
            width="content",
        )
    with text:
        st.markdown(f"### :{pres.grade_swatch(g.grade).name}[{g.grade} — {escape_md(g.label.get(lang()))}]")
        st.metric(tr("score"), tr("score_value", score=f"{a.score:.1f}"), help=tr("score_help"))
    if a.missing:
        st.warning(tr("missing") + "\n" + "\n".join(f"- {escape_md(m.get(lang()))}" for m in a.missing))
    st.caption(tr("findings_count", n=len(a.findings), open=len(pres.pending(a))))
    st.caption(escape_md(a.scoring.note.get(lang())))
    with st.expander(tr("how_title")):
        s = a.scoring
        st.markdown(tr("how_finding"))
        st.markdown(
            tr(
                "how_levels",
                lbins=" / ".join(f"{b:g}" for b in s.likelihood_bins),
                ibins=" / ".join(f"{b:g}" for b in s.impact_bins),
            )
        )
        st.markdown(
            tr("how_project", k=len(s.aggregate_weights), weights=" / ".join(f"{w:g}" for w in s.aggregate_weights))
        )
        bands = ", ".join(
            tr("band", grade=b.grade, label=escape_md(b.label.get(lang())), min=f"{b.min_score:g}") for b in s.grades
        )
        st.markdown(tr("how_grades", bands=bands))


def figure(name: str, key: str, build: Callable) -> object:
    """A chart built once per project content and language (building Plotly figures is the slow part of a rerun)."""
    return _memo(("figure", name, key, lang()), build)


def matrix(a: Assessment, key: str) -> None:
    st.subheader(tr("matrix"))
    fig = figure(
        "matrix",
        key,
        lambda: charts.risk_matrix(
            a, lang(), likelihood_title=tr("likelihood"), impact_title=tr("impact"), count_label=tr("findings")
        ),
    )
    st.plotly_chart(fig, config=charts.CONFIG, key="dashboard_matrix")
    st.caption(tr("matrix_note"))


def risks(a: Assessment, ranking: list[api.Mitigation]) -> None:
    st.subheader(tr("top"))
    top = pres.top_risks(a)
    if not top:
        st.success(tr("no_open"))
    else:
        st.caption(tr("top_note", n=len(top)))
    fixes = pres.fixes_by_finding(ranking, lang())
    sep = "、" if lang() == "ja" else "; "
    for i, f in enumerate(top, start=1):
        with st.container(border=True):
            sev = Severity(f.severity)
            st.markdown(
                f"**{i}.** :{pres.SEVERITY[f.severity].name}-badge[{sev.label(lang())}] "
                f"**{escape_md(f.title.get(lang()))}**"
            )
            st.caption(
                tr("risk_meta", score=f"{f.score:.1f}", l=f.likelihood_level, i=f.impact_level)
                + " · "
                + escape_md(", ".join(f.refs))
            )
            st.markdown(f"**{tr('why')}**: {escape_md(pres.why(f, lang()))}")
            if f.precedents:
                st.caption(
                    tr("precedent") + ": " + escape_md(sep.join(pres.precedent(c, lang()) for c in f.precedents))
                )
            todo = fixes.get(f.id, [])
            st.markdown(f"**{tr('fix')}**: {escape_md(sep.join(todo)) if todo else tr('no_fix')}")
            if f.decision is not None and f.decision.status.value == "mitigation_planned":
                st.caption(tr("planned"))
    st.page_link("app_pages/findings.py", label=tr("to_findings"), icon=":material/arrow_forward:")


def readiness(a: Assessment, key: str) -> None:
    st.subheader(tr("readiness"))
    fig = figure(
        "readiness",
        key,
        lambda: charts.readiness_bars(pres.readiness_groups(a.checklist), lang(), count_title=tr("items")),
    )
    st.plotly_chart(fig, config=charts.CONFIG, key="dashboard_readiness")
    st.caption(tr("readiness_note"))


def channels(a: Assessment, key: str) -> None:
    st.subheader(tr("channels"))
    fig = figure(
        "channels",
        key,
        lambda: charts.channel_bars(a.findings, lang(), score_title=tr("score"), count_label=tr("findings")),
    )
    st.plotly_chart(fig, config=charts.CONFIG, key="dashboard_channels")
    st.caption(tr("channels_note"))


def timeline(a: Assessment, key: str) -> None:
    st.subheader(tr("timeline"))
    if not a.timeline:
        st.info(tr("no_stages"))
        return
    fig = figure(
        "timeline", key, lambda: charts.stage_timeline(a, lang(), score_title=tr("score"), jump_label=tr("largest"))
    )
    st.plotly_chart(fig, config=charts.CONFIG, key="dashboard_timeline")
    jump = charts.largest_jump(a.timeline)
    if jump is not None:
        st.caption(tr("jump_caption", stage=escape_md(jump.name), delta=f"{jump.increase:.1f}"))
    else:
        st.caption(tr("no_jump"))
    st.caption(tr("timeline_note"))


def show_comparison(c: Comparison, key: str) -> None:
    before, after = c.a.grade.grade, c.b.grade.grade
    col1, col2 = st.columns([1, 2])
    col1.metric(tr("score"), f"{c.b.score:.1f}", delta=f"{c.score_delta:+.1f}", delta_color="inverse")
    col2.markdown(tr("grade_change", a=before, b=after) if before != after else tr("grade_same", a=after))
    col2.caption(tr("counts", **change_counts(c)))
    if c.findings:
        st.dataframe(
            change_table(c, lang()),
            hide_index=True,
            key=key,
            column_config={tr("col_delta"): st.column_config.NumberColumn(format="%+.1f")},
        )


def changes(spec: api.ProjectSpec, a: Assessment, draft_key: str) -> Assessment | None:
    """What changed since the previous version (and the unsaved edits); returns the assessment the report compares
    with."""
    st.subheader(tr("changes"))
    store = core.store()
    pid = st.session_state.get(session.PROJECT) or spec.project.id
    base = st.session_state.get(session.BASE)
    try:
        versions = store.versions(pid) if base is not None else []
    except api.StoreError:
        versions = []
    if not versions:
        st.info(tr("not_stored"))
        return None
    if base != versions[0].number:
        st.caption(tr("newer", n=versions[0].number, base=base))
    with st.spinner(tr("loading")):
        try:
            diff = version_change(store, pid, versions)
        except api.InputError:
            diff, unreadable = None, True
        else:
            unreadable = False
    if unreadable:
        st.warning(tr("unreadable"))
    elif diff is None:
        st.info(tr("first_version"))
    else:
        st.markdown(tr("versions", a=versions[1].number, b=versions[0].number))
        show_comparison(diff, "dashboard_changes_versions")
    previous = diff.a if diff is not None and base == versions[0].number else None
    dirty = draft_key != st.session_state.get(session.SAVED_KEY)
    if dirty:
        info = next((v for v in versions if v.number == base), None)
        try:
            saved = stored_assessment(store, pid, info.number, info.content_hash) if info is not None else None
        except api.InputError:
            saved = None
        if saved is not None:
            unsaved = _memo(("unsaved", info.content_hash, draft_key), lambda: compare_assessments(saved, a))
            st.markdown(tr("unsaved_changes", n=base))
            show_comparison(unsaved, "dashboard_changes_unsaved")
            previous = saved
    return previous


def report(a: Assessment, previous: Assessment | None) -> None:
    library, lg = core.library(), lang()

    def make() -> bytes:
        # Runs on click only (deferred), on another thread: everything it needs is captured here.
        return api.export(a, library, "html", lg, previous=previous)

    st.download_button(
        tr("report"),
        data=make,
        file_name=f"{a.project_id}-report-{lg}.html",
        mime=api.EXPORT_MIME["html"],
        key="dashboard_report",
        help=tr("report_help"),
        on_click="ignore",
        icon=":material/download:",
        type="primary",
    )


def page() -> None:
    spec = session.draft()
    if spec is None:
        st.title(tr("title"))
        st.info(tr("no_project"))
        return
    key = core.spec_key(spec)  # once per rerun: the working copy's content hash (its stored version's, if unedited)
    a = core.assessment(spec, key)
    ranking = core.ranking(spec, key)
    header(spec)
    if key != st.session_state.get(session.SAVED_KEY):
        st.caption(tr("unsaved_note"))
    left, right = st.columns([2, 3])
    with left:
        rating(a, key)
    with right:
        matrix(a, key)
    risks(a, ranking)
    left, right = st.columns(2)
    with left:
        readiness(a, key)
    with right:
        channels(a, key)
    timeline(a, key)
    previous = changes(spec, a, key)
    st.divider()
    report(a, previous)


page()
