"""The version history page: versions, the diff of two versions, restore, drafts of refused saves, archive."""

from __future__ import annotations

import pytest

from model import api

from .app_support import app_env, open_app  # noqa: F401  (fixture)

HISTORY = "app_pages/history.py"
HOSTILE = ["<img src=x onerror=alert(1)>", "![x](http://example.invalid/a.png)"]
PID = "cm-vietnam-parts"  # the project the app opens first (ids in order)


def texts(at) -> list[str]:
    return (
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [t.value for t in at.title]
        + [s.value for s in at.subheader]
        + [e.value for e in at.info]
        + [e.value for e in at.success]
        + [e.value for e in at.warning]
        + [e.value for e in at.error]
    )


def save_changed_version(author: str = "花子", comment: str = "業種を変更", sector: str = "精密部品（改）") -> int:
    from ui import core

    store = core.store()
    spec = store.load(PID, None, core.library())
    spec.project.sector = sector
    return store.save(spec, author, comment, base_version=store.project(PID).latest_version)


#: Read-only tables carry no key in AppTest: each is found by its first column (and position among equals).
TABLES = {
    "history_versions": ("Version", 0),
    "history_inputs": ("Field", 0),
    "history_drafts": ("Draft", 0),
    "history_draft_changes": ("Field", -1),
    "history_decisions": ("Version", -1),
}


def frame_cells(at, key: str) -> set[str]:
    first, position = TABLES[key]
    frames = [d.value for d in at.dataframe if len(d.value.columns) and d.value.columns[0] == first]
    return {str(v) for v in frames[position].to_numpy().ravel()}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_history_renders(app_env, lang):  # noqa: F811
    at = open_app(lang, page=HISTORY)
    assert not at.exception
    assert at.dataframe  # the versions table
    save_changed_version()
    at.run()
    assert not at.exception


def test_diff_shows_the_changed_field(app_env):  # noqa: F811
    at = open_app("en", page=HISTORY)
    assert any("only one version" in i.value for i in at.info)
    assert save_changed_version() == 2
    at.run()
    assert not at.exception
    assert at.selectbox(key="history_from").value == 1 and at.selectbox(key="history_to").value == 2
    cells = frame_cells(at, "history_inputs")
    assert "project.sector" in cells and "精密部品（改）" in cells
    versions = frame_cells(at, "history_versions")
    assert "花子" in versions and "業種を変更" in versions
    assert any(m.label == "Score" and m.delta for m in at.metric)
    # the other way round works too
    at.selectbox(key="history_from").set_value(2).run()
    at.selectbox(key="history_to").set_value(1).run()
    assert "project.sector" in frame_cells(at, "history_inputs")


def test_restore_makes_a_new_version(app_env):  # noqa: F811
    from ui import core

    at = open_app("en", page=HISTORY)
    save_changed_version()
    at.run()
    at.selectbox(key="history_restore_pick").set_value(1).run()
    at.button(key="history_restore").click().run()
    assert any("version 3" in w.value for w in at.warning)  # asks first
    assert len(core.store().versions(PID)) == 2
    at.button(key="history_restore_yes").click().run()
    assert not at.exception
    versions = core.store().versions(PID)
    assert [v.number for v in versions] == [3, 2, 1]
    assert versions[0].content_hash == versions[2].content_hash
    assert at.session_state["base_version"] == 3
    assert at.session_state["draft"].project.sector == core.store().load(PID, 1, core.library()).project.sector
    assert any("Restored version 1 as version 3" in s.value for s in at.success)


def test_restore_can_be_cancelled_and_is_refused_over_unsaved_changes(app_env):  # noqa: F811
    from ui import core

    at = open_app("en", page=HISTORY)
    save_changed_version()
    at.run()
    at.button(key="history_restore").click().run()
    at.button(key="history_restore_no").click().run()
    assert len(core.store().versions(PID)) == 2
    draft = at.session_state["draft"].model_copy(deep=True)
    draft.project.sector = "edited here"
    at.session_state["draft"] = draft
    at.run()
    assert at.button(key="history_restore").disabled
    assert at.button(key="history_archive")  # archiving does not touch the working copy


def test_archive_hides_the_project_from_the_portfolio(app_env):  # noqa: F811
    from ui import core

    at = open_app("en", page=HISTORY)
    at.button(key="history_archive").click().run()
    assert not at.exception
    assert PID not in [p.id for p in core.store().projects()]
    assert core.store().project(PID).archived
    assert at.button(key="history_unarchive")
    at.switch_page("app_pages/portfolio.py").run()
    names = set(at.dataframe[0].value.iloc[:, 0])
    assert len(names) == 2 and at.session_state["draft"].project.name not in names
    at.switch_page(HISTORY).run()
    at.button(key="history_unarchive").click().run()
    assert PID in [p.id for p in core.store().projects()]


def test_a_refused_save_can_be_opened_as_the_working_copy(app_env):  # noqa: F811
    from ui import core

    at = open_app("en", page=HISTORY)
    store = core.store()
    mine = store.load(PID, 1, core.library())
    mine.project.sector = "my change"
    save_changed_version(author="other")  # someone saves version 2 first
    with pytest.raises(api.ConflictError) as refused:
        store.save(mine, "me", "my edit", base_version=1)
    at.run()
    assert not at.exception
    assert f"#{refused.value.draft_id}" in frame_cells(at, "history_drafts")
    assert "project.sector" in frame_cells(at, "history_draft_changes")
    at.button(key="history_draft_open").click().run()
    assert not at.exception
    assert at.session_state["draft"].project.sector == "my change"
    assert at.session_state["project_id"] == PID
    assert at.session_state["base_version"] == 2  # based on the latest version: saving makes version 3
    assert at.button(key="history_draft_open").disabled  # unsaved now: nothing else is opened over it


def test_decision_log_and_user_text_stay_plain(app_env):  # noqa: F811
    from ui import core

    at = open_app("en", page=HISTORY)
    store = core.store()
    spec = store.load(PID, None, core.library())
    finding = spec.decisions[0].finding if spec.decisions else "reverse_engineering@mould-design"
    data = spec.model_dump()
    data["decisions"] = [
        {"finding": finding, "status": "accepted", "justification": HOSTILE[0] + HOSTILE[1], "by": HOSTILE[1]}
    ]
    data["project"]["name"] = HOSTILE[0] + " " + HOSTILE[1]
    store.save(api.ProjectSpec.model_validate(data), HOSTILE[0], HOSTILE[1], base_version=1)
    mine = store.load(PID, 1, core.library())
    mine.project.sector = HOSTILE[0]
    with pytest.raises(api.ConflictError):
        store.save(mine, HOSTILE[1], HOSTILE[0], base_version=1)
    # Reopen so the working copy is version 2 (one plain rerun between switches lets the keyless picker settle).
    at.run()
    at.sidebar.selectbox[0].set_value("jv-china-battery").run()
    at.run()
    at.sidebar.selectbox[0].set_value(PID).run()
    assert not at.exception
    assert at.session_state["base_version"] == 2
    assert HOSTILE[0] + HOSTILE[1] in frame_cells(at, "history_decisions")
    for text in texts(at):
        for bad in HOSTILE:
            assert bad not in text


def test_a_version_the_library_no_longer_accepts_is_reported_not_fatal(app_env):  # noqa: F811
    from ui import core

    at = open_app("en", page=HISTORY)
    store = core.store()
    # A version saved when the library still had a clause that has since been retired: today's library rejects it.
    from sqlalchemy import insert, update

    from model.store import content_hash, now, projects_table, versions_table

    _, text = store.version_yaml(PID, 1)
    text = text.replace("  clauses:\n", "  clauses:\n    retired-clause: present\n", 1)
    with store.engine.begin() as conn:
        conn.execute(
            insert(versions_table).values(
                project_id=PID,
                number=2,
                yaml=text,
                content_hash=content_hash(text),
                author="someone",
                comment="old library",
                created_at=now(),
            )
        )
        conn.execute(update(projects_table).where(projects_table.c.id == PID).values(latest_version=2))
    at.run()
    assert not at.exception
    assert any("cannot be read" in e.value for e in [*at.error, *at.warning])
    at.switch_page("app_pages/dashboard.py").run()
    assert not at.exception
    assert any("cannot be read" in w.value for w in at.warning)
