"""The session's working project: which project and version, the edited copy, saving and discarding."""

from __future__ import annotations

import streamlit as st

from model import api
from model.access import Permission
from ui import auth, core

# The session-state keys of the working project and the sidebar, shared by every page. ui.i18n and ui.auth sit
# below this module and read "lang" and "user" by name; a page's own keys start with the page's name (contract_…,
# editor_…). SAVED_KEY is core.spec_key of the draft as last opened or saved (None when never stored).
PROJECT, BASE, DRAFT, SAVED_KEY, USER, LANG = "project_id", "base_version", "draft", "saved_key", "user", "lang"


def user() -> str:
    """Who is recorded with a save or decision: the signed-in identity, else the name typed in the sidebar."""
    me = st.session_state.get(auth.IDENTITY)
    if me is not None and me.signed_in:
        return me.id
    return (st.session_state.get(USER) or "").strip() or "unknown"


def open_project(project_id: str, version: int | None = None) -> None:
    """Load a stored version (the latest by default) as the working copy."""
    spec = core.store().load(project_id, version, core.library())
    info = core.store().project(project_id)
    st.session_state[PROJECT] = project_id
    st.session_state[BASE] = info.latest_version
    st.session_state[DRAFT] = spec
    st.session_state[SAVED_KEY] = core.spec_key(spec)


def ensure_project() -> api.ProjectSpec | None:
    """The working project, opening the first stored one when none is open yet."""
    if st.session_state.get(DRAFT) is None:
        projects = core.store().projects()
        if not projects:
            return None
        open_project(projects[0].id)
    return st.session_state[DRAFT]


def draft() -> api.ProjectSpec | None:
    return st.session_state.get(DRAFT)


def set_draft(spec: api.ProjectSpec) -> None:
    """Replace the working copy with an edited, valid project (the caller validated it)."""
    auth.current().require(Permission.EDIT)
    st.session_state[DRAFT] = spec


def start_new(spec: api.ProjectSpec) -> None:
    """Work on a project that is not stored yet (new, imported, or a variant)."""
    auth.current().require(Permission.EDIT)
    st.session_state[PROJECT] = spec.project.id
    st.session_state[BASE] = None
    st.session_state[DRAFT] = spec
    st.session_state[SAVED_KEY] = None


def dirty() -> bool:
    spec = draft()
    return spec is not None and core.spec_key(spec) != st.session_state.get(SAVED_KEY)


def save(comment: str) -> int:
    """Save the working copy as a new version; raises api.ConflictError (work kept as a draft) or api.StoreError."""
    auth.current().require(Permission.EDIT)
    spec = draft()
    number = core.store().save(spec, user(), comment, base_version=st.session_state.get(BASE))
    st.session_state[BASE] = number
    st.session_state[PROJECT] = spec.project.id
    st.session_state[SAVED_KEY] = core.spec_key(spec)
    return number


def discard() -> None:
    pid = st.session_state.get(PROJECT)
    if st.session_state.get(BASE) is not None and pid:
        open_project(pid, st.session_state[BASE])
    else:
        for key in (PROJECT, BASE, DRAFT, SAVED_KEY):
            st.session_state.pop(key, None)


def require_draft(message: str) -> tuple[api.ProjectSpec, str]:
    """The working project and its content key; stops the page with ``message`` when there is none."""
    spec = draft()
    if spec is None:
        st.info(message)
        st.stop()
    return spec, core.spec_key(spec)
