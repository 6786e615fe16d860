"""The workspace store: versions, optimistic saving without loss, history, archive — on SQLite and, when
TTPLAN_TEST_POSTGRES_URL is set, on a real PostgreSQL server."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest

from model.api import dump_project, load_project
from model.store import SCHEMA_VERSION, ConflictError, Store, StoreError, meta_table, metadata

from .conftest import EXAMPLES

URLS = ["sqlite"] + (["postgresql"] if os.environ.get("TTPLAN_TEST_POSTGRES_URL") else [])


@pytest.fixture(params=URLS)
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    pg = os.environ["TTPLAN_TEST_POSTGRES_URL"]
    engine = Store(pg).engine  # make sure the tables exist, then start empty
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())
    return pg


@pytest.fixture
def store(url):
    return Store(url)


@pytest.fixture
def spec(library):
    return load_project(EXAMPLES[0], library)


def test_round_trip_yaml_store_yaml(store, spec, library):
    number = store.save(spec, "山田", "初版")
    assert number == 1
    assert dump_project(store.load(spec.project.id, library=library)) == dump_project(spec)
    info = store.versions(spec.project.id)[0]
    assert (info.number, info.author, info.comment) == (1, "山田", "初版") and len(info.content_hash) == 64


def test_versions_accumulate_and_identical_content_adds_none(store, spec):
    store.save(spec, "a")
    spec.project.description = "第2版"
    assert store.save(spec, "a", base_version=1) == 2
    assert store.save(spec, "a", base_version=2) == 2  # nothing changed
    assert [v.number for v in store.versions(spec.project.id)] == [2, 1]


def test_two_writers_on_the_same_base_one_wins_the_other_keeps_its_work(store, spec, library):
    store.save(spec, "a")
    first, second = spec.model_copy(deep=True), spec.model_copy(deep=True)
    first.project.description = "Aの変更"
    second.project.description = "Bの変更"
    assert store.save(first, "A", base_version=1) == 2
    with pytest.raises(ConflictError) as info:
        store.save(second, "B", base_version=1)
    assert info.value.latest == 2 and "B" not in store.load(spec.project.id).project.description
    draft = store.drafts(spec.project.id)[0]
    assert draft.id == info.value.draft_id and draft.author == "B" and draft.base_version == 1
    assert "Bの変更" in store.draft_yaml(draft.id)
    assert "版 2" in info.value.message("ja") and "version 2" in info.value.message("en")


def test_simultaneous_writers(store, spec):
    store.save(spec, "base")
    results: list[object] = []
    barrier = threading.Barrier(2)

    def writer(name: str) -> None:
        mine = spec.model_copy(deep=True)
        mine.project.description = f"{name}の変更"
        barrier.wait()
        try:
            results.append(store.save(mine, name, base_version=1))
        except ConflictError as exc:
            results.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(type(r).__name__ for r in results) == ["ConflictError", "int"]
    assert [v.number for v in store.versions(spec.project.id)] == [2, 1]
    assert len(store.drafts(spec.project.id)) == 1


def test_failed_save_leaves_the_previous_version(store, spec, library):
    store.save(spec, "a")
    spec.project.description = "書きかけ"

    def crash() -> None:
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        store.save(spec, "a", base_version=1, before_commit=crash)
    assert store.project(spec.project.id).latest_version == 1
    assert store.load(spec.project.id, library=library).project.description != "書きかけ"


def test_process_killed_during_save_leaves_the_store_consistent(url, spec, library):
    Store(url).save(spec, "a")
    script = textwrap.dedent(f"""\
        import os
        from model.api import load_project
        from model.store import Store
        spec = load_project({str(EXAMPLES[0])!r})
        spec.project.description = "途中"
        Store({url!r}).save(spec, "killed", base_version=1, before_commit=lambda: os._exit(9))
        """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert result.returncode == 9, result.stderr
    again = Store(url)
    assert again.project(spec.project.id).latest_version == 1
    assert [v.number for v in again.versions(spec.project.id)] == [1]
    spec.project.description = "再開後"
    assert again.save(spec, "b", base_version=1) == 2  # and it still takes saves


def test_restore_makes_an_old_version_the_newest(store, spec, library):
    store.save(spec, "a")
    old_name = spec.project.name
    spec.project.name = "改名"
    store.save(spec, "a", base_version=1)
    assert store.restore(spec.project.id, 1, "b") == 3
    assert store.load(spec.project.id, library=library).project.name == old_name
    assert len(store.versions(spec.project.id)) == 3


def test_archive_instead_of_delete(store, spec):
    store.save(spec, "a")
    store.set_archived(spec.project.id, True)
    assert store.projects() == []
    assert [p.id for p in store.projects(include_archived=True)] == [spec.project.id]
    store.set_archived(spec.project.id, False)
    assert [p.id for p in store.projects()] == [spec.project.id]


def test_examples_are_seeded_once(store, library):
    assert sorted(store.seed(EXAMPLES, library)) == sorted(p.stem for p in EXAMPLES)
    assert store.seed(EXAMPLES, library) == []


def test_decision_log_records_changes_only(store, spec):
    store.save(spec, "a")
    first = len(store.decisions(spec.project.id))
    assert first == len(spec.decisions)
    spec.project.description = "決定は変えない"
    store.save(spec, "a", base_version=1)
    assert len(store.decisions(spec.project.id)) == first
    spec.decisions[0].justification = "理由を更新"
    store.save(spec, "a", base_version=2)
    log = store.decisions(spec.project.id)
    assert len(log) == first + 1 and log[-1]["justification"] == "理由を更新" and log[-1]["version"] == 3


def test_schema_version_is_recorded_and_a_newer_one_refused(url):
    store = Store(url)
    with store.engine.begin() as conn:
        value = conn.execute(meta_table.select()).first().value
        assert int(value) == SCHEMA_VERSION
        conn.execute(meta_table.update().values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(StoreError) as info:
        Store(url)
    assert "newer" in info.value.message("en")
    with store.engine.begin() as conn:
        conn.execute(meta_table.update().values(value=str(SCHEMA_VERSION)))


def test_unknown_project_and_version_are_clear(store, spec):
    with pytest.raises(StoreError) as info:
        store.versions("nope")
    assert "nope" in info.value.message("en")
    store.save(spec, "a")
    with pytest.raises(StoreError):
        store.version_yaml(spec.project.id, 9)


def test_a_project_that_could_not_be_opened_again_is_kept_as_a_draft_not_a_version(store, spec):
    from model.api import InputError

    store.save(spec, "a")
    broken = spec.model_copy(deep=True)
    broken.technologies = broken.technologies[1:]  # stages and people still name the removed technology
    with pytest.raises(InputError) as info:
        store.save(broken, "a", base_version=1)
    assert any(p.code == "dangling_reference" for p in info.value.problems)
    assert store.project(spec.project.id).latest_version == 1
    assert store.drafts(spec.project.id)[0].reason == "invalid"
