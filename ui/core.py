"""Cached wrappers around the core API; the only place the UI caches anything."""

from __future__ import annotations

import hashlib
import os

import streamlit as st

from model import api
from model.knowledge.library import REPO_ROOT

EXAMPLES = sorted((REPO_ROOT / "examples").glob("*.yaml"))


def library_root() -> str:
    """Where the library folders are read from: TTPLAN_LIBRARY_ROOT, else the repository."""
    return os.environ.get("TTPLAN_LIBRARY_ROOT") or str(REPO_ROOT)


@st.cache_resource(show_spinner=False)
def _library(root: str) -> api.Library:
    # A broken clause or country profile is left out (the app shows which, on every page) rather than stopping
    # the app; a broken core file still raises.
    return api.load_library(root, leave_out_invalid=True)


def library() -> api.Library:
    """The validated knowledge library, loaded once per server process (and per library root)."""
    return _library(library_root())


def library_or_error() -> tuple[api.Library | None, api.InputError | None]:
    try:
        return library(), None
    except api.InputError as exc:
        return None, exc


@st.cache_resource(show_spinner=False)
def store() -> api.Store:
    """The workspace store (TTPLAN_DATABASE_URL or ./workspace), seeded with the examples on first start."""
    s = api.Store()
    # The examples are checked against the library by the tests; seeding without it keeps an example that uses a
    # clause left out of a damaged library from being skipped for good (seeding happens only on an empty store).
    s.seed(EXAMPLES)
    return s


def projects_or_error() -> tuple[list[api.StoredProject], api.StoreError | None]:
    """The stored projects, or why the store cannot be used (cannot be opened, not a database, cannot be read).

    Read on every run, so a store that became unreadable since it was opened (file replaced, disk gone) is noticed."""
    try:
        return store().projects(), None
    except api.StoreError as exc:
        return [], exc


@st.cache_resource(show_spinner=False, max_entries=256)
def _content_hash(json_digest: str, _spec: api.ProjectSpec) -> str:
    return api.project_hash(_spec)


def spec_key(spec: api.ProjectSpec) -> str:
    """The key of a project's content: the store's content hash (of the canonical YAML), so an unedited working copy
    and its stored version share every cache entry.

    Writing the canonical YAML costs ~50 ms on the JV example, so it is done once per distinct content, looked up
    by the hash of pydantic's fast JSON dump (equal dumps, equal canonical YAML)."""
    return _content_hash(hashlib.sha256(spec.model_dump_json().encode("utf-8")).hexdigest(), spec)


@st.cache_resource(show_spinner=False, max_entries=64)
def _assessment(key: str, _spec: api.ProjectSpec) -> api.Assessment:
    return api.assess(_spec, library())


def assessment(spec: api.ProjectSpec, key: str | None = None) -> api.Assessment:
    """The assessment of a project, computed once per content (pass ``key`` when it is already known)."""
    return _assessment(key or spec_key(spec), spec)


@st.cache_resource(show_spinner=False, max_entries=64)
def _ranking(key: str, _assessment: api.Assessment) -> list[api.Mitigation]:
    return api.rank_mitigations(_assessment)


def ranking(spec: api.ProjectSpec, key: str | None = None) -> list[api.Mitigation]:
    key = key or spec_key(spec)
    return _ranking(key, assessment(spec, key))
