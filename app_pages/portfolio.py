"""Portfolio: every stored project side by side, riskiest first, with a chart of the scores; select one to open it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from model import api
from model.engine.assess import Assessment
from model.format.vocab import DealType
from ui import charts, core, session
from ui.i18n import Translator, lang
from ui.strings import common
from ui.strings.portfolio import STRINGS
from ui.widgets import escape_md

tr = Translator(STRINGS, common.STRINGS)

MEMO, IDS, TABLE, PICK, MESSAGE = (
    "portfolio_memo",
    "portfolio_ids",
    "portfolio_table",
    "portfolio_pick",
    "portfolio_msg",
)


# --------------------------------------------------------------------------- pure helpers (unit-testable)


def local_time(value: dt.datetime) -> str:
    """A stored time in the machine's time zone (SQLite gives it back without a zone: it was saved in UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def summary(info, version: int, a: Assessment, library: api.Library, lang_code: str) -> dict:
    """One portfolio row: the facts an executive compares across projects."""
    p = a.spec.project
    country = library.countries.get(p.host_country)
    counted = [f for f in a.findings if f.counted]
    return {
        "id": info.id,
        "name": p.name,
        "deal": DealType(p.deal_type).label(lang_code),
        "country": country.name.get(lang_code) if country else p.host_country,
        "score": a.score,
        "grade": f"{a.grade.grade} — {a.grade.label.get(lang_code)}",
        "letter": a.grade.grade,
        "critical": sum(1 for f in counted if f.severity == "critical"),
        "high": sum(1 for f in counted if f.severity == "high"),
        "gaps": sum(1 for r in a.checklist if r.status == "gap"),
        "version": version,
        "updated": local_time(info.updated_at),
        "archived": info.archived,
    }


def sort_rows(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (-r["score"], r["id"]))


# --------------------------------------------------------------------------- data (memoised per session)


def _memo(key: tuple, compute: Callable):
    """Stored versions never change, so their parsed content is kept for the session (bounded)."""
    box: dict = st.session_state.setdefault(MEMO, {})
    if key not in box:
        if len(box) >= 64:
            box.pop(next(iter(box)))
        box[key] = compute()
    return box[key]


def portfolio_rows(include_archived: bool) -> tuple[list[dict], list[str]]:
    """Rows for every stored project (riskiest first) and the ids that could not be read."""
    store, library = core.store(), core.library()
    rows, unreadable = [], []
    for info in store.projects(include_archived=include_archived):
        latest = store.versions(info.id)[0]
        try:
            spec = _memo(
                ("spec", store.url, info.id, latest.number, latest.content_hash),
                lambda info=info, latest=latest: store.load(info.id, latest.number, library),
            )
        except api.InputError:
            unreadable.append(info.id)
            continue
        # The stored content hash is core.spec_key's key: the open, unedited project shares this assessment.
        a = core.assessment(spec, key=latest.content_hash)
        rows.append(summary(info, latest.number, a, library, lang()))
    return sort_rows(rows), unreadable


# --------------------------------------------------------------------------- opening a project


def open_project(pid: str) -> None:
    """Open a stored project as the working copy, unless that would throw away unsaved edits."""
    if session.dirty():
        st.session_state[MESSAGE] = ("dirty", pid)
        return
    session.open_project(pid)
    st.session_state[MESSAGE] = ("opened", pid)


def _on_table_select() -> None:
    rows = st.session_state[TABLE].selection.rows
    ids = st.session_state.get(IDS, [])
    if rows and rows[0] < len(ids):
        open_project(ids[rows[0]])


def _on_open_click() -> None:
    pid = st.session_state.get(PICK)
    if pid:
        open_project(pid)


# --------------------------------------------------------------------------- the page


def table(rows: list[dict], show_archived: bool) -> None:
    columns = {
        "name": tr("col_name"),
        "deal": tr("col_deal"),
        "country": tr("col_country"),
        "score": tr("col_score"),
        "grade": tr("col_grade"),
        "critical": tr("col_critical"),
        "high": tr("col_high"),
        "gaps": tr("col_gaps"),
        "version": tr("col_version"),
        "updated": tr("col_updated"),
    }
    if show_archived:
        columns["archived"] = tr("col_archived")
    frame = pd.DataFrame([{label: r[field] for field, label in columns.items()} for r in rows])
    st.session_state[IDS] = [r["id"] for r in rows]
    st.dataframe(
        frame,
        hide_index=True,
        key=TABLE,
        on_select=_on_table_select,
        selection_mode="single-row",
        column_config={
            tr("col_score"): st.column_config.NumberColumn(format="%.1f", help=tr("help_score")),
            tr("col_critical"): st.column_config.NumberColumn(help=tr("help_critical")),
            tr("col_high"): st.column_config.NumberColumn(help=tr("help_high")),
            tr("col_gaps"): st.column_config.NumberColumn(help=tr("help_gaps")),
            tr("col_version"): st.column_config.NumberColumn(format="%d"),
        },
    )


def chart(rows: list[dict]) -> None:
    st.subheader(tr("chart"))
    key = ("figure", lang(), tuple((r["id"], r["version"], r["score"]) for r in rows))
    fig = _memo(
        key,
        lambda: charts.score_bars(
            [r["name"] for r in rows],
            [r["score"] for r in rows],
            [r["letter"] for r in rows],
            core.library().scoring.grades,
            score_title=tr("score"),
        ),
    )
    st.plotly_chart(fig, config=charts.CONFIG, key="portfolio_chart")
    st.caption(tr("chart_note") + " " + tr("score_note"))


def message(names: dict[str, str]) -> None:
    kind, pid = st.session_state.pop(MESSAGE, (None, None))
    if kind == "dirty":
        st.warning(tr("dirty"))
    elif kind == "opened":
        st.success(tr("opened", name=escape_md(names.get(pid, pid))))
        st.page_link("app_pages/dashboard.py", label=tr("to_dashboard"), icon=":material/dashboard:")


def page() -> None:
    st.title(tr("title"))
    st.caption(tr("intro"))
    show_archived = st.toggle(tr("show_archived"), key="portfolio_show_archived")
    with st.spinner(tr("loading")):
        rows, unreadable = portfolio_rows(show_archived)
    names = {r["id"]: r["name"] for r in rows}
    message(names)
    if unreadable:
        st.warning(tr("unreadable", ids=escape_md(", ".join(unreadable))))
    if not rows:
        st.info(tr("none"))
        return
    table(rows, show_archived)
    ids = [r["id"] for r in rows]
    current = st.session_state.get(session.PROJECT)
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    if st.session_state.get(PICK) not in ids:
        st.session_state[PICK] = current if current in ids else ids[0]
    pick = left.selectbox(tr("pick"), ids, key=PICK, format_func=lambda pid: names.get(pid, pid))
    right.button(
        tr("open"),
        key="portfolio_open",
        on_click=_on_open_click,
        disabled=pick == current,
        icon=":material/folder_open:",
    )
    if pick == current:
        left.caption(tr("current"))
    chart(rows)


page()
