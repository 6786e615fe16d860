"""Streamlit entry point: the router and the shared sidebar (language, user, project, save state)."""

from __future__ import annotations

import streamlit as st

from model import api
from model.access import Permission
from model.knowledge.library import REPO_ROOT
from ui import auth, core, session
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


def language_switch() -> None:
    st.radio(
        tr("language"),
        options=["ja", "en"],
        key=session.LANG,
        horizontal=True,
        format_func=lambda code: "日本語" if code == "ja" else "English",
    )


def sidebar(projects: list[api.StoredProject]) -> None:
    if me.signed_in:
        auth.show_identity()
    else:
        st.text_input(tr("user"), key=session.USER, help=tr("user_help"), max_chars=100)
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
    st.selectbox(
        tr("project"), ids, key="sidebar_project", format_func=lambda pid: names.get(pid, pid), on_change=switch_project
    )
    problem = st.session_state.pop("sidebar_problem", None)
    if problem:
        st.error(problem[0])
        if problem[1]:
            st.text(problem[1])  # may echo what was typed: plain text only
    if session.dirty() and me.can(Permission.EDIT):
        st.warning(tr("unsaved"), icon=":material/edit:")
        # The comment is kept when a save is refused (it is part of the work); it is cleared once the save is done.
        with st.form("save_form"):
            comment = st.text_input(tr("save_comment"), max_chars=500, key="save_comment")
            if st.form_submit_button(tr("save"), type="primary"):
                try:
                    st.session_state["sidebar_saved"] = session.save(comment)
                    del st.session_state["save_comment"]
                    st.rerun()  # redraw without the unsaved-changes box; the message follows as a flash
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
        saved = st.session_state.pop("sidebar_saved", None)
        if saved is not None:
            st.success(tr("saved_ok", n=saved))
        st.caption(tr("saved", n=st.session_state[session.BASE]))


with st.sidebar:
    language_switch()
# Before anything else: a session that may not see the projects ends here, having shown only why.
me = auth.sign_in()

lib, error = core.library_or_error()
if error is not None:
    st.error(tr("library_error"))
    st.text(error.report(lang()))  # names file, field and line; library text, so plain text only
    st.stop()
if lib.left_out:
    # On every page, above it: what was left out changes what the assessment can say. File names go in code
    # spans and the problems as plain text, so nothing read from a library file is rendered as Markdown.
    files = ", ".join(f"`{name.replace('`', '')}`" for name in lib.left_out)
    st.warning(tr("library_left_out", files=files), icon=":material/warning:")
    with st.expander(tr("library_left_out_details")):
        st.text(api.InputError(lib.left_out_problems).report(lang()))
projects, store_error = core.projects_or_error()
if store_error is not None:
    # Nothing can be listed, opened or saved: say why (in plain words, with where the database is configured).
    st.error(tr("store_error"))
    st.text(store_error.message(lang()))
    st.stop()

try:
    session.ensure_project()
except (api.InputError, api.StoreError) as exc:
    st.error(tr("cannot_open"))
    st.text(exc.report(lang()) if isinstance(exc, api.InputError) else exc.message(lang()))
with st.sidebar:
    sidebar(projects)

# Each page with the permission it needs: a page left out of the navigation cannot be reached by its URL either.
PAGES = [
    ("group_exec", "app_pages/dashboard.py", "nav_dashboard", ":material/dashboard:", Permission.VIEW),
    ("group_exec", "app_pages/portfolio.py", "nav_portfolio", ":material/view_list:", Permission.VIEW),
    ("group_plan", "app_pages/editor.py", "nav_editor", ":material/edit_note:", Permission.EDIT),
    ("group_plan", "app_pages/disclosure.py", "nav_disclosure", ":material/stairs:", Permission.EDIT),
    ("group_plan", "app_pages/governance.py", "nav_governance", ":material/account_balance:", Permission.EDIT),
    ("group_plan", "app_pages/whatif.py", "nav_whatif", ":material/compare_arrows:", Permission.VIEW),
    ("group_legal", "app_pages/contract.py", "nav_contract", ":material/gavel:", Permission.VIEW),
    ("group_legal", "app_pages/findings.py", "nav_findings", ":material/report:", Permission.VIEW),
    ("group_legal", "app_pages/graph.py", "nav_graph", ":material/hub:", Permission.VIEW),
    ("group_work", "app_pages/history.py", "nav_history", ":material/history:", Permission.VIEW),
]
pages: dict[str, list] = {}
for group, path, title, icon, needs in PAGES:
    if me.can(needs):
        pages.setdefault(tr(group), []).append(
            st.Page(path, title=tr(title), icon=icon, default=path.endswith("dashboard.py"))
        )
st.navigation(pages).run()
