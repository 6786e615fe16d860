"""Streamlit entry point: the router and the shared sidebar (language, user, project, save state)."""

from __future__ import annotations

import streamlit as st

from model import api
from model.library import REPO_ROOT
from ui import core, session
from ui.i18n import Translator, lang
from ui.strings.common import STRINGS

st.set_page_config(page_title="ttplan", page_icon=str(REPO_ROOT / "ui" / "assets" / "icon.png"), layout="wide")
tr = Translator(STRINGS)


def switch_project() -> None:
    """Open the project picked in the sidebar, unless that would throw away unsaved changes."""
    choice = st.session_state["sidebar_project"]
    if session.dirty():
        st.session_state["sidebar_problem"] = (tr("unsaved_switch"), "")
        return
    try:
        session.open_project(choice)
    except (api.InputError, api.StoreError) as exc:
        text = exc.report(lang()) if isinstance(exc, api.InputError) else exc.message(lang())
        st.session_state["sidebar_problem"] = (tr("cannot_open"), text)


def sidebar() -> None:
    st.radio(tr("language"), options=["ja", "en"], key=session.LANG, horizontal=True,
             format_func=lambda code: "日本語" if code == "ja" else "English")
    st.text_input(tr("user"), key=session.USER, help=tr("user_help"), max_chars=100)
    projects = core.store().projects()
    current = st.session_state.get(session.PROJECT)
    ids = [p.id for p in projects]
    if current and current not in ids:
        ids.append(current)  # a new project not stored yet
    if not ids:
        st.info(tr("no_projects"))
        return
    names = {p.id: p.name for p in projects}
    # The picker follows the working project (it may change on other pages); a change here opens another project.
    st.session_state["sidebar_project"] = current if current in ids else ids[0]
    st.selectbox(tr("project"), ids, key="sidebar_project", format_func=lambda pid: names.get(pid, pid),
                 on_change=switch_project)
    problem = st.session_state.pop("sidebar_problem", None)
    if problem:
        st.error(problem[0])
        if problem[1]:
            st.text(problem[1])  # may echo what was typed: plain text only
    if session.dirty():
        st.warning(tr("unsaved"), icon=":material/edit:")
        with st.form("save_form", clear_on_submit=True):
            comment = st.text_input(tr("save_comment"), max_chars=500)
            if st.form_submit_button(tr("save"), type="primary"):
                try:
                    st.success(tr("saved_ok", n=session.save(comment)))
                except api.ConflictError as exc:
                    st.error(tr("conflict"))
                    st.text(exc.message(st.session_state.get(session.LANG, "ja")))
                except api.StoreError as exc:
                    st.error(tr("store_error"))
                    st.text(exc.message(st.session_state.get(session.LANG, "ja")))
                except api.InputError as exc:
                    st.error(tr("not_saved_invalid"))
                    st.text(exc.report(st.session_state.get(session.LANG, "ja")))
        if st.button(tr("discard")):
            session.discard()
            st.rerun()
    elif st.session_state.get(session.BASE):
        st.caption(tr("saved", n=st.session_state[session.BASE]))


lib, error = core.library_or_error()
if error is not None:
    st.error(tr("library_error"))
    st.text(error.report(st.session_state.get(session.LANG, "ja")))
    st.stop()

try:
    session.ensure_project()
except (api.InputError, api.StoreError) as exc:
    st.error(tr("cannot_open"))
    st.text(exc.report(lang()) if isinstance(exc, api.InputError) else exc.message(lang()))
with st.sidebar:
    sidebar()

pages = {
    tr("group_exec"): [
        st.Page("app_pages/dashboard.py", title=tr("nav_dashboard"), icon=":material/dashboard:", default=True),
        st.Page("app_pages/portfolio.py", title=tr("nav_portfolio"), icon=":material/view_list:"),
    ],
    tr("group_plan"): [
        st.Page("app_pages/editor.py", title=tr("nav_editor"), icon=":material/edit_note:"),
        st.Page("app_pages/disclosure.py", title=tr("nav_disclosure"), icon=":material/stairs:"),
        st.Page("app_pages/governance.py", title=tr("nav_governance"), icon=":material/account_balance:"),
        st.Page("app_pages/whatif.py", title=tr("nav_whatif"), icon=":material/compare_arrows:"),
    ],
    tr("group_legal"): [
        st.Page("app_pages/contract.py", title=tr("nav_contract"), icon=":material/gavel:"),
        st.Page("app_pages/findings.py", title=tr("nav_findings"), icon=":material/report:"),
        st.Page("app_pages/graph.py", title=tr("nav_graph"), icon=":material/hub:"),
    ],
    tr("group_work"): [
        st.Page("app_pages/history.py", title=tr("nav_history"), icon=":material/history:"),
    ],
}
st.navigation(pages).run()
