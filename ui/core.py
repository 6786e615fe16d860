"""Cached wrappers around the core API; the only place the UI caches anything."""

from __future__ import annotations

import streamlit as st

from model import api


@st.cache_resource(show_spinner=False)
def library() -> api.Library:
    """The validated knowledge library, loaded once per server process."""
    return api.load_library()


def library_or_error() -> tuple[api.Library | None, api.InputError | None]:
    try:
        return library(), None
    except api.InputError as exc:
        return None, exc
