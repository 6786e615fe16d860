"""Load (issue #7): SESSIONS app sessions at once, all but two on projects of their own and two on the same project,
each with its own user name and language, in one process sharing the store, library and assessment caches as the
sessions of one server do. Each opens its project, looks at the dashboard, findings and history, edits the project
name and saves, everyone editing before anyone saves and the second of the pair saving once the first has (so its base
is stale). tests/load_support.py holds the harness and says why AppTest needs help to run concurrently. Checked: no error anywhere, no session ever shows another's project, user or language, every
save lands as exactly one version by its author, and of the two saves on the shared project one wins and the other
is refused as a conflict with its content kept as a draft by its author. Latency under this load:
bench/bench_load.py."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
import streamlit as st

from model import api
from model.store import content_hash

from . import load_support as ls

SESSIONS = 22  # >= 20: SESSIONS - 2 on projects of their own, 2 on one project
SHOWS_PROJECT_NAME = ("open", "dashboard", "history", "editor", "edit", "after_save", "history_after")


@pytest.fixture(scope="module")
def load(tmp_path_factory):
    """Run the whole load once: (outcomes, plans, the store)."""
    folder = tmp_path_factory.mktemp("load")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TTPLAN_DATABASE_URL", f"sqlite:///{folder / 'load.db'}")
        mp.setenv("TTPLAN_WORKSPACE", str(folder / "workspace"))
        mp.delenv("TTPLAN_AUTH", raising=False)  # nobody signs in: the typed name is recorded
        st.cache_data.clear()
        st.cache_resource.clear()
        try:
            projects = ls.populate(SESSIONS - 1)
            plans = ls.plans(SESSIONS, projects)
            outcomes = ls.run_together(plans, ls.workday(plans))
            store = api.Store()
            yield outcomes, plans, store
            store.engine.dispose()
        finally:
            st.cache_data.clear()
            st.cache_resource.clear()


def strings(lang: str) -> set[str]:
    """Every fixed UI string of one language (no parameters; only those that differ between the languages)."""
    import ui.strings

    out: set[str] = set()
    for module in pkgutil.iter_modules(ui.strings.__path__):
        table = getattr(importlib.import_module(f"ui.strings.{module.name}"), "STRINGS", {})
        out |= {
            pair[0 if lang == "ja" else 1]
            for pair in table.values()
            if pair[0] != pair[1] and "{" not in pair[0] + pair[1]
        }
    return out


def common(key: str, lang: str, **params) -> str:
    from ui.strings.common import STRINGS

    text = STRINGS[key][0 if lang == "ja" else 1]
    return text.format(**params) if params else text


def pair_of(plans):
    a, b = plans[-2], plans[-1]
    assert a.project_id == b.project_id and a.partner == b.index and b.partner == a.index
    return a, b


def outcome_of(outcomes, plan):
    return next(o for o in outcomes if o.plan.index == plan.index)


def test_the_load_has_the_intended_shape(load):
    outcomes, plans, store = load
    assert len(plans) == SESSIONS >= 20
    assert len({p.user for p in plans}) == SESSIONS and {p.lang for p in plans} == {"ja", "en"}
    assert len({p.project_id for p in plans}) == SESSIONS - 1
    a, b = pair_of(plans)
    assert a.lang != b.lang
    # every session really ran its whole round
    names = [
        "start",
        "settle",
        "open",
        "dashboard",
        "findings",
        "history",
        "editor",
        "edit",
        "save",
        "after_save",
        "history_after",
    ]
    for o in outcomes:
        assert o.failure is None, f"session {o.plan.index}:\n{o.failure}"
        assert [s.name for s in o.steps] == names, o.plan.index
    # and the sessions really ran at the same time (all wait at a barrier, then run; a run takes far longer than
    # releasing the threads)
    assert ls.most_at_once(outcomes) >= SESSIONS // 2


def test_no_session_sees_an_error(load):
    outcomes, _, _ = load
    for o in outcomes:
        for step in o.steps:
            assert not step.exceptions, (o.plan.index, step.name, step.exceptions)
            if step.name != "save":  # the conflict is the only error a session may show (checked below)
                assert not step.sidebar_errors, (o.plan.index, step.name, step.sidebar_errors)


def test_each_session_shows_its_own_project_and_user_only(load):
    outcomes, plans, _ = load
    for o in outcomes:
        plan = o.plan
        own = {plan.index, plan.partner} - {None}
        foreign = [p for p in plans if p.index not in own]
        opened = False
        for step in o.steps:
            text = "\n".join(step.texts)
            where = (plan.index, step.name)
            for other in foreign:
                if other.project_id != plan.project_id:
                    assert other.marker not in text, (*where, "project", other.project_id)
                assert other.user_token not in text, (*where, "user", other.user)
                assert other.edit not in text, (*where, "edit", other.index)
            assert step.user == plan.user and plan.user in step.texts, where  # the sidebar's name field
            opened = opened or step.name == "open"
            if opened:
                assert step.project_id == plan.project_id, where
                assert plan.marker in step.draft_name, where
                if step.name in SHOWS_PROJECT_NAME:
                    assert plan.marker in text, where


def test_each_session_stays_in_its_own_language(load):
    outcomes, _, _ = load
    ja, en = strings("ja"), strings("en")
    ja, en = ja - en, en - ja  # only what tells the languages apart
    assert len(ja) > 100 and len(en) > 100
    for o in outcomes:
        own, other = (ja, en) if o.plan.lang == "ja" else (en, ja)
        for step in o.steps:
            shown = set(step.texts)
            where = (o.plan.index, o.plan.lang, step.name)
            assert step.lang == o.plan.lang, where
            assert common("user", o.plan.lang) in shown, where
            assert len(shown & own) >= 3, where
            assert not shown & other, (*where, shown & other)


def test_every_independent_save_is_one_version_by_its_author(load):
    outcomes, plans, store = load
    for plan in plans[:-2]:
        o = outcome_of(outcomes, plan)
        save = o.step("save")
        assert save.sidebar_success == [common("saved_ok", plan.lang, n=2)], (plan.index, save.sidebar_success)
        versions = store.versions(plan.project_id)
        assert [v.number for v in versions] == [2, 1], plan.index
        assert versions[0].author == plan.user and versions[1].author == "setup"
        assert versions[0].comment == f"load test {plan.user_token}"
        _, text = store.version_yaml(plan.project_id, 2)
        assert versions[0].content_hash == content_hash(text)
        assert store.load(plan.project_id).project.name.endswith(f"{plan.marker} {plan.edit}")
        assert not store.drafts(plan.project_id)
        assert o.step("after_save").texts.count(common("saved", plan.lang, n=2)) == 1  # the sidebar: saved, clean


def test_two_saves_on_one_project_one_wins_the_other_is_a_conflict_kept_as_a_draft(load):
    outcomes, plans, store = load
    win, lose = pair_of(plans)  # both edited version 1; `lose` saved after `win` had saved version 2
    saved, refused = (outcome_of(outcomes, p).step("save") for p in (win, lose))
    assert saved.sidebar_success == [common("saved_ok", win.lang, n=2)] and not saved.sidebar_errors
    assert refused.sidebar_errors == [common("conflict", lose.lang)] and not refused.sidebar_success

    # the store: one new version, the winner's; the loser's content is a conflict draft by the loser
    versions = store.versions(win.project_id)
    assert [(v.number, v.author) for v in versions] == [(2, win.user), (1, "setup")]
    assert store.load(win.project_id).project.name.endswith(f"{win.marker} {win.edit}")
    drafts = store.drafts(win.project_id)
    assert [(d.reason, d.author, d.base_version) for d in drafts] == [("conflict", lose.user, 1)]
    assert drafts[0].comment == f"load test {lose.user_token}"
    assert f"{win.marker} {lose.edit}" in store.draft_yaml(drafts[0].id)
    assert [d.project_id for d in store.drafts()] == [win.project_id]  # no other project has a draft
    # the refused session was told why, in its language, and where its work is
    assert api.ConflictError(win.project_id, 1, 2, drafts[0].id).message(lose.lang) in refused.texts

    # the loser keeps working on its edit (still unsaved); the winner is clean
    lost = outcome_of(outcomes, lose).step("after_save")
    assert lost.draft_name.endswith(f"{win.marker} {lose.edit}")
    assert common("unsaved", lose.lang) in lost.texts
    assert common("saved", win.lang, n=2) in outcome_of(outcomes, win).step("after_save").texts


def test_nothing_else_changed_in_the_store(load):
    _, plans, store = load
    ids = {p.id for p in store.projects()}
    assert ids == {p.stem for p in ls.EXAMPLES} | {p.project_id for p in plans}
    for path in ls.EXAMPLES:
        assert [v.author for v in store.versions(path.stem)] == ["ttplan"]
