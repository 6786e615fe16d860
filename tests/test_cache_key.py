"""One key per content: the app's cache key of a working copy is the store's content hash of its stored version."""

from __future__ import annotations

from model.api import Store, load_project, project_hash
from model.format.project_io import content_hash, dump_project
from ui import core

from .conftest import EXAMPLES


def test_the_working_copy_key_is_the_stored_content_hash(tmp_path, library):
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    spec = load_project(EXAMPLES[0], library)
    store.save(spec, "山田")
    [version] = store.versions(spec.project.id)
    stored = store.load(spec.project.id, library=library)
    assert core.spec_key(spec) == core.spec_key(stored) == version.content_hash == project_hash(spec)
    assert version.content_hash == content_hash(store.version_yaml(spec.project.id)[1])


def test_an_unedited_working_copy_hits_the_stored_versions_cache_entry(tmp_path, library):
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    spec = load_project(EXAMPLES[1], library)
    store.save(spec, "山田")
    [version] = store.versions(spec.project.id)
    working = core.assessment(spec)  # as the pages call it: keyed by core.spec_key
    stored = core.assessment(store.load(spec.project.id, library=library), key=version.content_hash)  # as the dashboard
    assert stored is working


def test_an_edit_changes_the_key_and_undoing_it_restores_it(library):
    spec = load_project(EXAMPLES[0], library)
    before = core.spec_key(spec)
    edited = spec.model_copy(deep=True)
    edited.project.name += "（改）"
    assert core.spec_key(edited) != before
    assert core.spec_key(edited) == content_hash(dump_project(edited))
    edited.project.name = spec.project.name
    assert core.spec_key(edited) == before
