"""Applying a page's edits to the working project: check it like a file, commit it, keep widgets in step."""

from __future__ import annotations

import streamlit as st

from model.format.problems import Problem
from model.format.project_io import check_project, project_data
from model.format.spec import ProjectSpec
from model.format.yamlio import Document
from ui import core, session

SELF = "__self__"


def checked(spec: ProjectSpec, name: str = "draft") -> tuple[ProjectSpec | None, list[Problem], list[Problem]]:
    """An edited project checked exactly like a file (types, references, dates): (project or None, errors, warnings)."""
    new, problems = check_project(Document(project_data(spec)), name, core.library())
    return new, [p for p in problems if p.severity == "error"], [p for p in problems if p.severity == "warning"]


def sync_widgets(prefix: str, key: str, widgets: tuple[str, ...] | None = None) -> None:
    """Forget a page's widget values when the working copy changed elsewhere (discard, another project, another page),
    so the widgets show the project again. ``widgets``: the key prefixes to forget (default: all of the page's)."""
    marker = f"{prefix}__seen"
    forget = widgets or (prefix + "_",)
    if st.session_state.get(marker) not in (None, key, SELF):
        for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(forget) and k != marker]:
            del st.session_state[k]
    st.session_state[marker] = key


def commit(prefix: str, new: ProjectSpec, message: str) -> None:
    """Make a valid edit the working copy and redraw the page from it, keeping the page's widgets as they are."""
    session.set_draft(new)
    st.session_state[f"{prefix}__seen"] = SELF
    st.session_state[f"{prefix}__flash"] = message
    st.rerun()


def show_flash(prefix: str) -> None:
    """The message ``commit`` left for the redrawn page, shown once."""
    flash = st.session_state.pop(f"{prefix}__flash", None)
    if flash:
        st.toast(flash)
