"""What-if page: a variant of the working project, changed with levers, compared, and adopted."""

from __future__ import annotations

import pytest

from model.format.spec import US

from .app_support import app_env, open_app  # noqa: F401  (fixture)

EXAMPLES = ["cm-vietnam-parts", "jv-china-battery", "licence-us-coating"]
PAGE = "app_pages/whatif.py"
HOSTILE = ["<img src=x onerror=alert(1)>", "![x](http://example.invalid/a.png)"]


def switch(at, project: str) -> None:
    """Pick a project in the sidebar. The sidebar's project selectbox has no key, so its identity changes with its
    index after a switch: one more run lets the next switch land on the widget as drawn."""
    at.sidebar.selectbox[0].set_value(project).run()
    at.run()


def open_project(lang: str, project: str):
    at = open_app(lang, page=PAGE)
    switch(at, project)
    assert not at.exception, at.exception
    assert at.session_state["draft"].project.id == project
    return at


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_renders_for_every_example(app_env, lang):  # noqa: F811
    at = open_app(lang, page=PAGE)
    for project in EXAMPLES:
        switch(at, project)
        assert not at.exception, (lang, project, at.exception)
        assert at.session_state["whatif_variant"].project.id == project
        assert len(at.metric) == 2


def test_majority_equity_lowers_the_score_and_adopting_sets_the_draft(app_env):  # noqa: F811
    at = open_project("en", "jv-china-battery")
    before = at.session_state["draft"]
    at.number_input(key="whatif_equity").set_value(51.0)
    at.button(key="whatif_equity_apply").click().run()
    assert not at.exception
    variant = at.session_state["whatif_variant"]
    assert {s.holder: s.percent for s in variant.governance.equity} == {US: 51.0, "yuntan-material": 49.0}
    assert at.session_state["draft"] == before  # the working copy is untouched
    delta = at.metric[1].delta
    assert delta is not None and float(delta) < 0
    inputs, findings = at.dataframe[0].value, at.dataframe[1].value  # inputs that differ, findings that changed
    assert any("governance.equity" in str(path) for path in inputs.iloc[:, 0])
    assert len(findings) > 0 and (findings.iloc[:, 3].astype(float) < 0).any()

    at.checkbox(key="whatif_adopt_ok").check().run()
    at.button(key="whatif_adopt").click().run()
    assert not at.exception
    draft = at.session_state["draft"]
    assert {s.holder: s.percent for s in draft.governance.equity}[US] == 51.0
    assert any("Unsaved" in w.value or "unsaved" in w.value for w in at.sidebar.warning)


def test_other_levers_change_only_the_variant(app_env):  # noqa: F811
    at = open_project("ja", "jv-china-battery")
    at.selectbox(key="whatif_remove_pick").set_value((2, "slurry-formulation"))
    at.button(key="whatif_remove_apply").click().run()
    variant = at.session_state["whatif_variant"]
    assert all(i.technology != "slurry-formulation" for i in variant.disclosure.stages[2].items)
    at.selectbox(key="whatif_clause_pick").set_value("no-poach-dispatched-engineers")
    at.button(key="whatif_clause_apply").click().run()
    assert at.session_state["whatif_variant"].contract.clauses["no-poach-dispatched-engineers"].status == "present"
    at.selectbox(key="whatif_measure_pick").set_value("exit.litigation_readiness")
    at.button(key="whatif_measure_apply").click().run()
    assert at.session_state["whatif_variant"].exit.litigation_readiness.status == "in_place"
    assert not at.exception
    assert at.session_state["draft"].exit.litigation_readiness.status == "absent"
    assert float(at.metric[1].delta) < 0


def test_lowering_must_lower(app_env):  # noqa: F811
    from model.format.vocab import DisclosureLevel

    at = open_project("en", "jv-china-battery")
    at.selectbox(key="whatif_lower_pick").set_value((2, 1))  # recipe/source code
    at.selectbox(key="whatif_lower_level").set_value(DisclosureLevel.RECIPE_SOURCE)
    at.button(key="whatif_lower_apply").click().run()
    assert at.error and at.session_state["whatif_variant"].disclosure.stages[2].items[1].level == "recipe_source"
    at.selectbox(key="whatif_lower_level").set_value(DisclosureLevel.SPECIFICATION)
    at.button(key="whatif_lower_apply").click().run()
    assert at.session_state["whatif_variant"].disclosure.stages[2].items[1].level == "specification"


def test_reset_starts_again(app_env):  # noqa: F811
    at = open_project("en", "licence-us-coating")
    at.button(key="whatif_seats_apply").click().run()
    at.number_input(key="whatif_seats").set_value(3)
    at.button(key="whatif_seats_apply").click().run()
    assert any(b.holder == US and b.seats == 3 for b in at.session_state["whatif_variant"].governance.board)
    at.button(key="whatif_reset").click().run()
    assert at.session_state["whatif_variant"] == at.session_state["draft"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hostile_text_is_never_rendered_as_markdown(app_env, lang):  # noqa: F811
    at = open_project(lang, "jv-china-battery")
    spec = at.session_state["draft"].model_copy(deep=True)
    spec.disclosure.stages[0].name = HOSTILE[0]
    spec.technologies[0].name = HOSTILE[1]
    at.session_state["draft"] = spec
    at.run()
    at.button(key="whatif_reset").click().run()
    at.number_input(key="whatif_equity").set_value(51.0)
    at.button(key="whatif_equity_apply").click().run()
    assert not at.exception
    shown = [
        str(e.value)
        for kind in ("markdown", "caption", "subheader", "info", "warning", "error", "success")
        for e in getattr(at, kind)
    ]
    shown += [str(e.label) for e in at.expander]
    for text in shown:
        for raw in HOSTILE:
            assert raw not in text


def test_the_equity_lever_shows_our_share_of_the_votes_when_it_differs(app_env):  # noqa: F811
    from model.format.spec import Shareholding

    at = open_project("en", "jv-china-battery")
    assert not any("share of the votes" in c.value for c in at.caption)  # all shares vote: equity is the vote
    variant = at.session_state["whatif_variant"].model_copy(deep=True)
    variant.governance.equity = [
        Shareholding(holder=US, percent=45),
        Shareholding(holder="yuntan-material", percent=55, voting=False),
    ]
    at.session_state["whatif_variant"] = variant
    at.run()
    assert not at.exception
    assert any("Our share of the votes now: 100 %" in c.value for c in at.caption)
