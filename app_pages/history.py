"""Version history: saved versions, what changed between two of them, restore, drafts of refused saves, decisions, archive."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from model import api
from model.access import Permission
from model.engine.compare import Comparison, input_changes
from model.format.vocab import ChecklistStatus, DecisionStatus, Severity
from ui import auth, core, session
from ui.i18n import Translator, lang
from ui.strings import common
from ui.strings.history import STRINGS
from ui.widgets import escape_md, show_problems

tr = Translator(STRINGS, common.STRINGS)

MEMO, MESSAGE, CONFIRM = "history_memo", "history_msg", "history_confirm_restore"


# --------------------------------------------------------------------------- pure helpers (unit-testable)


def local_time(value: dt.datetime) -> str:
    """A stored time in the machine's time zone (SQLite gives it back without a zone: it was saved in UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def show_value(value: Any) -> str:
    """A project value as plain text for a table cell."""
    if value is None:
        return tr("empty")
    if isinstance(value, str):
        return value
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def versions_frame(versions: list) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                tr("col_number"): v.number,
                tr("col_time"): local_time(v.created_at),
                tr("col_author"): v.author,
                tr("col_comment"): v.comment,
            }
            for v in versions
        ]
    )


def inputs_frame(changes: list) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {tr("col_field"): c.path, tr("col_before"): show_value(c.before), tr("col_after"): show_value(c.after)}
            for c in changes
        ]
    )


def findings_frame(c: Comparison, lang_code: str) -> pd.DataFrame:
    rows = []
    for fc in c.findings:
        f = c.b.finding(fc.id) or c.a.finding(fc.id)
        before = Severity(fc.before_severity).label(lang_code) if fc.before_severity else tr("new_finding")
        after = Severity(fc.after_severity).label(lang_code) if fc.after_severity else tr("gone_finding")
        rows.append(
            {
                tr("col_finding"): f.title.get(lang_code) if f else fc.id,
                tr("col_before"): fc.before_score,
                tr("col_after"): fc.after_score,
                tr("col_delta"): fc.delta,
                tr("col_severity"): f"{before} → {after}",
            }
        )
    return pd.DataFrame(rows)


def checklist_frame(c: Comparison, lang_code: str) -> pd.DataFrame:
    items = {r.id: r.item for r in c.b.checklist}
    return pd.DataFrame(
        [
            {
                "ID": ch.id,
                tr("col_item"): items[ch.id].text.get(lang_code) if ch.id in items else "",
                tr("col_before"): ChecklistStatus(ch.before).label(lang_code),
                tr("col_after"): ChecklistStatus(ch.after).label(lang_code),
            }
            for ch in c.checklist
        ]
    )


def decisions_frame(rows: list[dict], titles: dict[str, str], lang_code: str) -> pd.DataFrame:
    out = []
    for r in rows:
        try:
            status = DecisionStatus(r["status"]).label(lang_code)
        except ValueError:
            status = r["status"]
        recorded = r["recorded_at"]
        out.append(
            {
                tr("col_version"): r["version"],
                tr("col_finding"): titles.get(r["finding"], r["finding"]),
                tr("col_status"): status,
                tr("col_justification"): r["justification"] or "",
                tr("col_by"): r["decided_by"] or "",
                tr("col_at"): r["decided_at"] or "",
                tr("col_recorded"): local_time(recorded) if isinstance(recorded, dt.datetime) else str(recorded),
            }
        )
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- stored data (memoised per session)


def _memo(key: tuple, compute: Callable):
    """Stored versions never change, so a comparison of two of them is kept for the session (a few entries)."""
    box: dict = st.session_state.setdefault(MEMO, {})
    if key not in box:
        if len(box) >= 16:
            box.pop(next(iter(box)))
        box[key] = compute()
    return box[key]


def version_diff(pid: str, a, b) -> Comparison:
    store = core.store()
    return _memo(
        ("diff", store.url, pid, a.number, b.number, a.content_hash, b.content_hash),
        lambda: api.version_diff(store, pid, a.number, b.number, core.library()),
    )


# --------------------------------------------------------------------------- actions (callbacks: run before the page)


def _restore(pid: str, number: int) -> None:
    st.session_state.pop(CONFIRM, None)
    auth.current().require(Permission.EDIT)
    if session.dirty():
        st.session_state[MESSAGE] = ("warning", tr("dirty"), None)
        return
    latest = core.store().project(pid).latest_version
    try:
        new = core.store().restore(pid, number, session.user())
    except (api.StoreError, api.InputError) as exc:
        detail = (
            exc.message(lang())
            if isinstance(exc, api.StoreError)
            else "\n".join(p.format(lang()) for p in exc.problems)
        )
        st.session_state[MESSAGE] = ("error", tr("restore_failed"), detail)
        return
    session.open_project(pid)
    text = tr("restore_same", n=number) if new == latest else tr("restored", n=number, new=new)
    st.session_state[MESSAGE] = ("success", text, None)


def _open_draft(pid: str, draft_id: int) -> None:
    if session.dirty():
        st.session_state[MESSAGE] = ("warning", tr("dirty"), None)
        return
    text = core.store().draft_yaml(draft_id)
    spec, problems = api.parse_project(text.encode("utf-8"), f"draft-{draft_id}.yaml", core.library())
    if spec is None:
        st.session_state[MESSAGE] = ("problems", tr("draft_invalid"), problems)
        return
    if spec.project.id != pid:
        spec.project.id = pid  # a draft belongs to this project whatever its file says
    session.start_new(spec)
    try:
        # Based on the latest version: saving it is a deliberate choice to apply the draft over what is there now.
        st.session_state[session.BASE] = core.store().project(pid).latest_version
    except api.StoreError:
        pass
    st.session_state[MESSAGE] = ("success", tr("draft_opened", id=draft_id), None)


def _set_archived(pid: str, archived: bool) -> None:
    auth.current().require(Permission.ADMINISTER)
    core.store().set_archived(pid, archived)
    st.session_state[MESSAGE] = ("success", tr("archived_done" if archived else "unarchived_done"), None)


# --------------------------------------------------------------------------- sections


def message() -> None:
    kind, text, detail = st.session_state.pop(MESSAGE, (None, None, None))
    if kind == "problems":
        show_problems(detail, text)
    elif kind is not None:
        getattr(st, kind)(text)
        if detail:
            st.text(detail)


def versions_section(versions: list) -> None:
    st.subheader(tr("versions"))
    st.caption(tr("versions_note"))
    st.dataframe(
        versions_frame(versions),
        hide_index=True,
        key="history_versions",
        column_config={tr("col_number"): st.column_config.NumberColumn(format="%d", width="small")},
    )


def compare_section(pid: str, versions: list) -> None:
    st.subheader(tr("compare"))
    if len(versions) < 2:
        st.info(tr("only_one"))
        return
    by_number = {v.number: v for v in versions}
    numbers = [v.number for v in versions]

    # Labels are made here, in the page's language, not inside format_func (which may run outside the page).
    labels = {
        v.number: tr("version_label", n=v.number, time=local_time(v.created_at), author=v.author) for v in versions
    }

    # Keep the choices valid when versions come and go (a restore adds one).
    if st.session_state.get("history_from") not in numbers:
        st.session_state["history_from"] = numbers[1]
    if st.session_state.get("history_to") not in numbers:
        st.session_state["history_to"] = numbers[0]
    left, right = st.columns(2)
    a = left.selectbox(tr("from"), numbers, key="history_from", format_func=labels.get)
    b = right.selectbox(tr("to"), numbers, key="history_to", format_func=labels.get)
    if a == b:
        st.info(tr("same"))
        return
    with st.spinner(tr("comparing")):
        try:
            c = version_diff(pid, by_number[a], by_number[b])
        except api.InputError as exc:
            # A stored version that today's library no longer accepts: say which, do not fail the page.
            show_problems(exc.problems, tr("unreadable"))
            return
    col1, col2 = st.columns([1, 2])
    col1.metric(tr("score"), f"{c.b.score:.1f}", delta=f"{c.score_delta:+.1f}", delta_color="inverse")
    ga, gb = c.a.grade.grade, c.b.grade.grade
    col2.markdown(tr("grade_change", a=ga, b=gb) if ga != gb else tr("grade_same", a=gb))
    col2.caption(tr("score_note"))

    st.markdown("**" + tr("inputs", n=len(c.inputs)) + "**")
    if c.inputs:
        st.dataframe(inputs_frame(c.inputs), hide_index=True, key="history_inputs")
    else:
        st.caption(tr("no_inputs"))
    st.markdown("**" + tr("findings", n=len(c.findings)) + "**")
    if c.findings:
        st.dataframe(
            findings_frame(c, lang()),
            hide_index=True,
            key="history_findings",
            column_config={tr("col_delta"): st.column_config.NumberColumn(format="%+.1f")},
        )
    else:
        st.caption(tr("no_findings"))
    st.markdown("**" + tr("checklist", n=len(c.checklist)) + "**")
    if c.checklist:
        st.dataframe(checklist_frame(c, lang()), hide_index=True, key="history_checklist")
    else:
        st.caption(tr("no_checklist"))


def restore_section(pid: str, versions: list, dirty: bool) -> None:
    st.subheader(tr("restore"))
    st.caption(tr("restore_note"))
    older = [v.number for v in versions[1:]]
    if not older:
        st.info(tr("only_latest"))
        return
    if dirty:
        st.warning(tr("dirty"))
    if st.session_state.get("history_restore_pick") not in older:
        st.session_state["history_restore_pick"] = older[0]
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    labels = {
        v.number: tr("version_label", n=v.number, time=local_time(v.created_at), author=v.author) for v in versions[1:]
    }
    n = left.selectbox(tr("restore_pick"), older, key="history_restore_pick", format_func=labels.get)
    if right.button(tr("restore_button"), key="history_restore", disabled=dirty, icon=":material/restore:"):
        st.session_state[CONFIRM] = n
    pending = st.session_state.get(CONFIRM)
    if pending is not None and pending in older and not dirty:
        with st.container(border=True):
            st.warning(tr("restore_confirm", n=pending, next=versions[0].number + 1))
            yes, no = st.columns(2)
            yes.button(
                tr("restore_yes"), key="history_restore_yes", type="primary", on_click=_restore, args=(pid, pending)
            )
            no.button(tr("cancel"), key="history_restore_no", on_click=lambda: st.session_state.pop(CONFIRM, None))


def drafts_section(pid: str, latest: int | None, dirty: bool) -> None:
    st.subheader(tr("drafts"))
    st.caption(tr("drafts_note"))
    store = core.store()
    drafts = store.drafts(pid)
    if not drafts:
        st.caption(tr("no_drafts"))
        return
    reasons = {"conflict": tr("reason_conflict")}
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("col_draft"): f"#{d.id}",
                    tr("col_base"): d.base_version,
                    tr("col_time"): local_time(d.created_at),
                    tr("col_author"): d.author,
                    tr("col_comment"): d.comment,
                    tr("col_reason"): reasons.get(d.reason, d.reason),
                }
                for d in drafts
            ]
        ),
        hide_index=True,
        key="history_drafts",
    )
    by_id = {d.id: d for d in drafts}
    labels = {d.id: tr("draft_label", id=d.id, time=local_time(d.created_at), author=d.author) for d in drafts}
    draft_id = st.selectbox(tr("draft_pick"), list(by_id), key="history_draft_pick", format_func=labels.get)
    if latest is not None:

        def differences():
            spec, _ = api.parse_project(
                store.draft_yaml(draft_id).encode("utf-8"), f"draft-{draft_id}.yaml", core.library()
            )
            try:
                return None if spec is None else input_changes(store.load(pid, latest, core.library()), spec)
            except api.InputError:
                return None

        changes = _memo(("draft", store.url, pid, draft_id, latest), differences)
        if changes is not None:
            with st.expander(tr("draft_diff", n=latest, k=len(changes))):
                st.dataframe(inputs_frame(changes), hide_index=True, key="history_draft_changes")
        st.caption(tr("draft_explain", n=latest, next=latest + 1))
    if dirty:
        st.warning(tr("dirty"))
    st.button(
        tr("draft_open"),
        key="history_draft_open",
        disabled=dirty,
        on_click=_open_draft,
        args=(pid, draft_id),
        icon=":material/edit_document:",
    )


def decisions_section(pid: str, spec: api.ProjectSpec, key: str) -> None:
    st.subheader(tr("decisions"))
    st.caption(tr("decisions_note"))
    rows = core.store().decisions(pid)
    if not rows:
        st.caption(tr("no_decisions"))
        return
    titles = {f.id: f.title.get(lang()) for f in core.assessment(spec, key).findings}
    st.dataframe(decisions_frame(rows, titles, lang()), hide_index=True, key="history_decisions")


def archive_section(pid: str, archived: bool) -> None:
    st.subheader(tr("archive"))
    st.caption(tr("archive_note"))
    if archived:
        st.button(
            tr("unarchive_button"),
            key="history_unarchive",
            on_click=_set_archived,
            args=(pid, False),
            icon=":material/unarchive:",
        )
    else:
        st.button(
            tr("archive_button"),
            key="history_archive",
            on_click=_set_archived,
            args=(pid, True),
            icon=":material/archive:",
        )


def page() -> None:
    st.title(tr("title"))
    spec = session.draft()
    pid = st.session_state.get(session.PROJECT) or (spec.project.id if spec else None)
    if spec is None or not pid:
        st.info(tr("no_project"))
        return
    st.caption(escape_md(spec.project.name))
    message()
    key = core.spec_key(spec)  # once per rerun
    dirty = key != st.session_state.get(session.SAVED_KEY)
    store = core.store()
    try:
        info = store.project(pid)
    except api.StoreError:
        st.info(tr("not_stored"))
        if auth.can(Permission.EDIT):
            drafts_section(pid, None, dirty)
        return
    if info.archived:
        st.info(tr("archived_note"))
    versions = store.versions(pid)
    versions_section(versions)
    compare_section(pid, versions)
    if auth.can(Permission.EDIT):
        st.divider()
        restore_section(pid, versions, dirty)
        st.divider()
        drafts_section(pid, info.latest_version, dirty)
    st.divider()
    decisions_section(pid, spec, key)
    if auth.can(Permission.ADMINISTER):
        st.divider()
        archive_section(pid, info.archived)


page()
