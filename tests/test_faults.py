"""Faults: a broken library file is left out (named, with its field) while the app keeps working; a locked, read-only
or unusable database gives a clear message and loses nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from model.api import assess, dump_project, load_project, parse_project
from model.format.problems import InputError
from model.knowledge.library import REPO_ROOT, load_library
from model.store import Store, StoreError

from .app_support import app_env, open_app  # noqa: F401  (fixture)
from .conftest import EXAMPLES

EDITOR = "app_pages/editor.py"
NAME_KEY = "editor_project_name"  # ui.editor_forms.key("project", "name")

# The files the broken copy breaks, and the field each problem must name.
WRONG_TYPE = "contract_clauses/jv-deadlock.yaml"  # channels: a number where a list belongs
UNKNOWN_MEASURE = "contract_clauses/jv-majority-equity.yaml"  # required_when reads a measure that does not exist
UNKNOWN_SOURCE = "contract_clauses/jv-reserved-matters.yaml"  # cites a source the registry lacks
BAD_COUNTRY = "country_profiles/VN.yaml"  # reviewed: not a date
BROKEN = {
    WRONG_TYPE: ("channels",),
    UNKNOWN_MEASURE: ("required_when",),
    UNKNOWN_SOURCE: ("sources", 0, "source"),
    BAD_COUNTRY: ("reviewed",),
}


def copy_library(root: Path) -> Path:
    for folder in ("libraries", "contract_clauses", "country_profiles"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    return root


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def broken_library(root: Path) -> Path:
    copy_library(root)
    replace(root / WRONG_TYPE, "channels: [loss_of_control, partner_directors]", "channels: 5")
    replace(
        root / UNKNOWN_MEASURE,
        "required_when: {field: project.deal_type, equals: joint_venture}",
        "required_when: {field: our_company.no_such_measure.status, equals: implemented}",
    )
    replace(
        root / UNKNOWN_SOURCE,
        "  - {source: meti-guidance-2025, section: ch1.2.5}",
        "  - {source: no-such-source, section: ch1.2.5}",
    )
    replace(root / BAD_COUNTRY, "reviewed: 2026-11-22", "reviewed: soon")
    return root


# --------------------------------------------------------------------------- library files that fail validation


def test_broken_clauses_and_profile_are_left_out_and_named_with_their_field(tmp_path):
    root = broken_library(tmp_path)
    lib = load_library(root, leave_out_invalid=True)
    assert sorted(lib.left_out) == sorted(BROKEN)
    for name, field in BROKEN.items():
        found = [p for p in lib.left_out_problems if p.file == name]
        assert found and all(p.severity == "error" for p in found), name
        assert field in [p.path for p in found], (name, [p.path for p in found])
        assert all(p.line is not None for p in found), name
    report = InputError(lib.left_out_problems).report("en")
    assert "jv-deadlock.yaml:" in report and "channels" in report and "no_such_measure" in report
    assert "no-such-source" in report and "VN.yaml" in report
    # Only those files went: everything else is there, and nothing else is reported.
    full = load_library()
    assert set(full.clauses) - set(lib.clauses) == {"jv-deadlock", "jv-majority-equity", "jv-reserved-matters"}
    assert set(full.countries) - set(lib.countries) == {"VN"}
    assert lib.warnings == [] and len(lib.checklist) == len(full.checklist)
    # The checklist no longer asks about a left-out clause (otherwise assessing would fail on the missing clause).
    assert not {c for item in lib.checklist for c in item.clauses} & {"jv-majority-equity", "jv-reserved-matters"}


def test_strict_loading_still_refuses_the_broken_files(tmp_path):
    root = broken_library(tmp_path)
    with pytest.raises(InputError) as info:
        load_library(root)
    assert set(BROKEN) <= {p.file for p in info.value.errors}


def test_a_broken_core_file_still_raises_naming_file_and_field(tmp_path):
    root = broken_library(tmp_path)
    replace(root / "libraries" / "checklist.yaml", "phase: planning", "phase: sometime")
    with pytest.raises(InputError) as info:
        load_library(root, leave_out_invalid=True)
    core = [p for p in info.value.errors if p.file == "libraries/checklist.yaml"]
    assert core and core[0].path[-1] == "phase" and core[0].line is not None
    # The clause files that would have been left out are in the report too, so one round of fixing suffices.
    assert set(BROKEN) <= {p.file for p in info.value.problems}


def test_a_project_in_a_left_out_country_opens_with_a_warning_and_is_assessed(tmp_path, library):
    lib = load_library(broken_library(tmp_path), leave_out_invalid=True)
    spec, problems = parse_project(EXAMPLES[0].read_bytes(), EXAMPLES[0].name, lib)  # cm-vietnam-parts, in VN
    assert spec is not None and spec.project.host_country == "VN", [p.format("en") for p in problems]
    assert [p.code for p in problems if p.path == ("project", "host_country")] == ["country_left_out"]
    assert "left out of the library" in next(p for p in problems if p.code == "country_left_out").message("en")
    result = assess(spec, lib)
    assert result.findings and 0 <= result.score <= 100
    # The JV example is checked against a checklist that lost three JV clauses: it is still assessed.
    jv = load_project(REPO_ROOT / "examples" / "jv-china-battery.yaml")
    assert assess(jv, lib).findings


# --------------------------------------------------------------------------- database faults


@pytest.fixture
def fast_lock(monkeypatch, tmp_path):
    """A short busy timeout (a save gives up on a held lock after 0.2 s) and a workspace for rescued content."""
    monkeypatch.setenv("TTPLAN_DB_BUSY_TIMEOUT_MS", "200")
    monkeypatch.setenv("TTPLAN_WORKSPACE", str(tmp_path / "workspace"))
    return tmp_path


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another program writing to the database: it holds the write lock until rolled back."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


def rescued(error: StoreError, tmp_path: Path) -> Path:
    assert error.rescued_to, error.en
    path = Path(error.rescued_to)
    assert path.parent == tmp_path / "workspace" / "unsaved" and path.exists()
    assert str(path) in error.ja and str(path) in error.en
    return path


def test_locked_database_save_fails_clearly_keeps_the_work_and_a_retry_succeeds(fast_lock, library):
    db = fast_lock / "store.db"
    store = Store(f"sqlite:///{db}")
    spec = load_project(EXAMPLES[0], library)
    store.save(spec, "山田", "初版")
    original = store.version_yaml(spec.project.id, 1)[1]
    spec.project.description = "ロック中に書いた変更"
    other = hold_write_lock(db)
    try:
        with pytest.raises(StoreError) as info:
            store.save(spec, "山田", "第2版", base_version=1)
        error = info.value
        assert "ロック" in error.ja and "使用中" in error.ja and "失われていません" in error.ja
        assert "busy" in error.en and "locked" in error.en and "try again" in error.en
        assert "sqlite" not in error.en.lower() and "OperationalError" not in error.en
        kept, problems = parse_project(rescued(error, fast_lock).read_bytes(), "rescued.yaml", library)
        assert kept is not None and dump_project(kept) == dump_project(spec), problems
        # Others can still read while the lock is held.
        assert [v.number for v in store.versions(spec.project.id)] == [1]
    finally:
        other.rollback()
        other.close()
    assert store.version_yaml(spec.project.id, 1)[1] == original
    assert store.save(spec, "山田", "第2版", base_version=1) == 2
    assert store.load(spec.project.id, library=library).project.description == "ロック中に書いた変更"


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_read_only_database_reads_but_refuses_saves_clearly(fast_lock, library, journal):
    db = fast_lock / "store.db"
    writable = Store(f"sqlite:///{db}")
    spec = load_project(EXAMPLES[0], library)
    writable.save(spec, "山田")
    writable.engine.dispose()
    if journal == "delete":  # a database another tool left in rollback-journal mode cannot be switched to WAL
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
    read_only = Store(f"sqlite:///file:{db}?mode=ro&uri=true")
    assert [p.id for p in read_only.projects()] == [spec.project.id]
    assert read_only.load(spec.project.id, library=library).project.name == spec.project.name
    spec.project.description = "読み取り専用のときの変更"
    with pytest.raises(StoreError) as info:
        read_only.save(spec, "山田", base_version=1)
    assert "読み取り専用" in info.value.ja and "read-only" in info.value.en
    kept, _ = parse_project(rescued(info.value, fast_lock).read_bytes(), "rescued.yaml")
    assert kept is not None and kept.project.description == "読み取り専用のときの変更"
    assert [v.number for v in Store(f"sqlite:///{db}").versions(spec.project.id)] == [1]


@pytest.mark.parametrize("fault", ["directory", "garbage", "missing_folder", "bad_url"])
def test_a_database_that_cannot_be_opened_gives_a_clear_message(tmp_path, fault):
    path = tmp_path / "ttplan.db"
    if fault == "directory":
        path.mkdir()
    elif fault == "garbage":
        path.write_bytes(b"this is not a database\x00" * 400)
    elif fault == "missing_folder":
        path = tmp_path / "no" / "such" / "folder" / "ttplan.db"
    url = "nosuchdb://" if fault == "bad_url" else f"sqlite:///{path}"
    with pytest.raises(StoreError) as info:
        Store(url)
    expected = {
        "directory": "cannot be opened",
        "garbage": "damaged or is not a database",
        "missing_folder": "cannot be opened",
        "bad_url": "not in a valid form",
    }[fault]
    assert info.value.en.startswith("The database cannot be opened: ") and expected in info.value.en
    assert info.value.ja.startswith("データベースを開けません: ") and "TTPLAN_DATABASE_URL" in info.value.ja


def test_a_database_damaged_after_opening_gives_a_clear_message_on_reading(tmp_path, library):
    db = tmp_path / "store.db"
    store = Store(f"sqlite:///{db}")
    store.save(load_project(EXAMPLES[0], library), "山田")
    store.engine.dispose()
    for leftover in (db.with_name("store.db-wal"), db.with_name("store.db-shm")):
        leftover.unlink(missing_ok=True)
    db.write_bytes(b"overwritten by something else\x00" * 400)
    with pytest.raises(StoreError) as info:
        store.projects()
    assert "damaged or is not a database" in info.value.en and "壊れている" in info.value.ja


def test_a_bad_busy_timeout_setting_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("TTPLAN_DB_BUSY_TIMEOUT_MS", "soon")
    with pytest.raises(StoreError) as info:
        Store(f"sqlite:///{tmp_path / 'store.db'}")
    assert "TTPLAN_DB_BUSY_TIMEOUT_MS" in info.value.en and "'soon'" in info.value.en


# --------------------------------------------------------------------------- the app


def test_app_shows_left_out_library_files_on_every_page_and_keeps_working(app_env, monkeypatch):  # noqa: F811
    monkeypatch.setenv("TTPLAN_LIBRARY_ROOT", str(broken_library(app_env / "library")))
    at = open_app("en")
    assert not at.exception, at.exception
    assert at.session_state["project_id"] == "cm-vietnam-parts"  # in VN, whose profile was left out
    assert at.metric and at.metric[0].label == "Score"  # the dashboard rendered its numbers
    for page in (None, "app_pages/contract.py", "app_pages/findings.py"):
        if page:
            at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        warning = at.warning[0].value
        assert "left out" in warning and all(name in warning for name in BROKEN), warning
        details = at.expander[0].text[0].value
        assert "contract_clauses/jv-deadlock.yaml:" in details and ": channels:" in details
        assert "country_profiles/VN.yaml:" in details and ": reviewed:" in details


def test_app_project_using_a_left_out_clause_opens_with_a_warning(app_env, monkeypatch):  # noqa: F811
    # cm-vietnam-parts (opened first) and jv-china-battery record this clause; licence-us-coating does not.
    root = copy_library(app_env / "library")
    replace(root / "contract_clauses" / "tooling-ownership-marking.yaml", "phase: ", "phase: sometime_")
    monkeypatch.setenv("TTPLAN_LIBRARY_ROOT", str(root))
    at = open_app("en")
    assert not at.exception, at.exception
    assert "contract_clauses/tooling-ownership-marking.yaml" in at.warning[0].value
    assert not at.error
    spec = at.session_state["draft"]
    assert "tooling-ownership-marking" in spec.contract.clauses  # the entry is kept, not dropped
    assert at.metric  # and the project is assessed
    # The project's own check says what is going on, as a warning.
    from model.format.project_io import dump_project, parse_project
    from ui import core

    _, problems = parse_project(dump_project(spec).encode("utf-8"), "project.yaml", core.library())
    assert [p.code for p in problems if p.path == ("contract", "clauses", "tooling-ownership-marking")] == [
        "clause_left_out"
    ]
    assert all(p.severity == "warning" for p in problems if p.code == "clause_left_out")


def test_app_with_a_broken_core_library_file_names_file_and_field(app_env, monkeypatch):  # noqa: F811
    root = copy_library(app_env / "library")
    replace(root / "libraries" / "checklist.yaml", "phase: planning", "phase: sometime")
    monkeypatch.setenv("TTPLAN_LIBRARY_ROOT", str(root))
    at = open_app("ja")
    assert not at.exception, at.exception
    assert at.error[0].value.startswith("知識ライブラリに問題があります")
    report = at.text[0].value
    assert "libraries/checklist.yaml:" in report and ".phase" in report and "sometime" in report
    assert at.sidebar.radio  # the language switch stays, so the report can be read in English
    at.sidebar.radio[0].set_value("en").run()
    assert "not one of the choices" in at.text[0].value


def test_app_with_an_unusable_database_shows_a_clear_error(app_env, monkeypatch):  # noqa: F811
    garbage = app_env / "garbage.db"
    garbage.write_bytes(b"not a database\x00" * 400)
    monkeypatch.setenv("TTPLAN_DATABASE_URL", f"sqlite:///{garbage}")
    at = open_app("en")
    assert not at.exception, at.exception
    assert at.error[0].value == "The workspace database cannot be used."
    assert "damaged or is not a database" in at.text[0].value


def test_app_save_while_the_database_is_locked_keeps_the_edit_and_saves_later(app_env, monkeypatch):  # noqa: F811
    monkeypatch.setenv("TTPLAN_DB_BUSY_TIMEOUT_MS", "200")
    at = open_app("en", page=EDITOR)
    box = at.text_input(key=NAME_KEY)
    edited = f"{box.value} (locked)"
    box.input(edited).run()
    assert not at.exception, at.exception

    def submit_save(comment: str) -> None:
        next(w for w in at.sidebar.text_input if w.form_id == "save_form").input(comment)
        next(b for b in at.sidebar.button if b.form_id == "save_form").click().run()
        assert not at.exception, at.exception

    other = hold_write_lock(app_env / "app.db")
    try:
        submit_save("while locked")
        assert [e.value for e in at.sidebar.error] == ["The workspace database cannot be used."]
        message = at.sidebar.text[0].value
        assert "busy" in message and "locked" in message and "Nothing is lost" in message
        rescue = next((app_env / "workspace" / "unsaved").glob("*.yaml"))
        assert str(rescue) in message
        assert parse_project(rescue.read_bytes(), rescue.name)[0].project.name == edited
        at.run()  # the edit is still the session's, unsaved, and so is the comment typed for it
        assert at.session_state["draft"].project.name == edited
        assert "Unsaved changes" in [w.value for w in at.sidebar.warning]
        assert at.sidebar.text_input(key="save_comment").value == "while locked"
    finally:
        other.rollback()
        other.close()
    submit_save("after the lock")
    assert [s.value for s in at.sidebar.success] == ["Saved as version 2."]
    stored = Store().load("cm-vietnam-parts")
    assert stored.project.name == edited
    assert Store().versions("cm-vietnam-parts")[0].comment == "after the lock"
    assert "save_comment" not in at.session_state  # a later save starts with an empty comment


def test_no_free_connection_is_a_busy_message_and_the_save_is_rescued(fast_lock, library, monkeypatch):
    """More sessions than pooled connections: waiting in vain for one reads as 'busy', and a save keeps its content."""
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    store = Store(f"sqlite:///{fast_lock / 'pool.db'}")
    spec = load_project(EXAMPLES[0])
    store.save(spec, "a")

    def exhausted(*_args, **_kwargs):
        raise PoolTimeout("QueuePool limit of size 20 overflow 20 reached, connection timed out, timeout 30.00")

    monkeypatch.setattr(store.engine, "begin", exhausted)
    monkeypatch.setattr(store._reader, "connect", exhausted)
    with pytest.raises(StoreError) as reading:
        store.projects()
    assert "too many people" in reading.value.en and "混み合って" in reading.value.ja
    changed = spec.model_copy(deep=True)
    changed.project.name += " (changed)"
    with pytest.raises(StoreError) as saving:
        store.save(changed, "a", base_version=1)
    kept, _ = parse_project(rescued(saving.value, fast_lock).read_bytes(), "rescued.yaml", library)
    assert kept is not None and kept.project.name == changed.project.name
