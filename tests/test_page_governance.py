"""Governance and exit page: equity and board with their effect on the risk, arrangements, equipment, exit."""

from __future__ import annotations

import pytest

from model.format.spec import US
from model.format.vocab import ChangeOfControlTrigger, DisposalPlan, MeasureStatus, ReservedMatter

from .app_support import app_env, open_app  # noqa: F401  (fixture)

EXAMPLES = ["cm-vietnam-parts", "jv-china-battery", "licence-us-coating"]
PAGE = "app_pages/governance.py"
HOSTILE = ["<img src=x onerror=alert(1)>", "![x](http://example.invalid/a.png)"]


def switch(at, project: str) -> None:
    """Pick a project in the sidebar (one more run: the sidebar selectbox has no key, so it is redrawn as new)."""
    at.sidebar.selectbox[0].set_value(project).run()
    at.run()


def open_project(lang: str, project: str = "jv-china-battery"):
    at = open_app(lang, page=PAGE)
    switch(at, project)
    assert not at.exception, at.exception
    assert at.session_state["draft"].project.id == project
    return at


def loss_of_control(at) -> float:
    metric = next(m for m in at.metric if "Loss of control" in m.label or "支配権喪失" in m.label)
    return float(metric.value)


def rendered_markdown(at) -> list[str]:
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "warning", "info", "error", "success"):
        out += [str(e.value) for e in getattr(at, kind)]
    out += [str(e.label) for e in at.expander]
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_renders_for_every_example(app_env, lang):  # noqa: F811
    at = open_app(lang, page=PAGE)
    for project in EXAMPLES:
        switch(at, project)
        assert not at.exception, (lang, project, at.exception)
        jv = project.startswith("jv")
        assert bool(at.metric) == jv  # the governance effect is shown for the JV only
        assert any(("joint venture" in i.value or "合弁会社（JV）" in i.value) for i in at.info) != jv


def test_majority_lowers_the_shown_loss_of_control_score(app_env):  # noqa: F811
    at = open_project("en")
    before = loss_of_control(at)
    assert any("At 51 %" in i.value for i in at.info)
    at.number_input(key="governance_equity_us").set_value(51.0)
    at.number_input(key="governance_equity_yuntan-material").set_value(49.0)
    at.run()
    assert not at.exception
    equity = {s.holder: s.percent for s in at.session_state["draft"].governance.equity}
    assert equity == {US: 51.0, "yuntan-material": 49.0}
    after = loss_of_control(at)
    assert after < before
    metric = next(m for m in at.metric if "Loss of control" in m.label)
    assert float(metric.delta) < 0  # compared with the saved version
    assert any("already hold a majority" in c.value for c in at.caption)


def test_equity_over_100_is_refused(app_env):  # noqa: F811
    at = open_project("en")
    before = at.session_state["draft"]
    at.number_input(key="governance_equity_us").set_value(60.0).run()
    assert any("over 100" in e.value for e in at.error)
    assert at.session_state["draft"] == before


def test_board_flags_matters_and_triggers_update_the_draft(app_env):  # noqa: F811
    at = open_project("ja")
    at.number_input(key="governance_board_us").set_value(3).run()
    assert {b.holder: b.seats for b in at.session_state["draft"].governance.board}[US] == 3
    at.radio(key="governance_flag_director_election_special_resolution").set_value(True).run()
    assert at.session_state["draft"].governance.director_election_special_resolution is True
    matters = [*at.session_state["draft"].governance.reserved_matters, ReservedMatter.ENGINEER_POACHING]
    at.multiselect(key="governance_reserved").set_value(matters).run()
    assert "engineer_poaching" in at.session_state["draft"].governance.reserved_matters
    triggers = [*at.session_state["draft"].contract.triggers, ChangeOfControlTrigger.AUTHORITY_ORDER]
    at.multiselect(key="governance_triggers").set_value(triggers).run()
    assert "authority_order" in at.session_state["draft"].contract.triggers
    at.number_input(key="governance_nopoach").set_value(24).run()
    assert at.session_state["draft"].governance.no_poach_after_termination_months == 24
    assert not at.exception


def test_equipment_warnings_and_edits(app_env):  # noqa: F811
    at = open_project("en")
    warnings = [w.value for w in at.warning]
    assert any("local contractor" in w for w in warnings)
    assert any("no witness" in w for w in warnings)
    assert len(at.dataframe) >= 2  # one table per equipment category present
    at.selectbox(key="governance_eq_pick").set_value("drying-oven").run()
    at.selectbox(key="governance_eq_drying-oven_disposal").set_value(DisposalPlan.DESTROY)
    at.radio(key="governance_eq_drying-oven_witnessed").set_value(True)
    at.button(key="governance_eq_drying-oven_apply").click().run()
    assert not at.exception
    oven = next(e for e in at.session_state["draft"].equipment if e.id == "drying-oven")
    assert oven.disposal == "destroy" and oven.disposal_witnessed is True
    assert not any("'多段乾燥炉' embodies our technology" in w.value for w in at.warning)


def test_custom_equipment_sold_and_partner_owned_core_equipment_warn(app_env):  # noqa: F811
    at = open_project("en", "cm-vietnam-parts")
    assert any("belongs to the partner" in w.value for w in at.warning)
    at.selectbox(key="governance_eq_pick").set_value("master-gears").run()
    at.selectbox(key="governance_eq_master-gears_disposal").set_value(DisposalPlan.SELL)
    at.button(key="governance_eq_master-gears_apply").click().run()
    assert any("custom-built (c)" in w.value for w in at.warning)


def test_exit_measures_update_the_draft(app_env):  # noqa: F811
    at = open_project("en", "licence-us-coating")
    at.selectbox(key="governance_exit_former_staff_watch").set_value(MeasureStatus.PLANNED).run()
    assert not at.exception
    assert at.session_state["draft"].exit.former_staff_watch.status == "planned"


def test_discarding_elsewhere_resets_the_widgets(app_env):  # noqa: F811
    at = open_project("en")
    at.number_input(key="governance_board_us").set_value(3).run()
    next(b for b in at.sidebar.button if b.label == "Discard changes").click().run()
    assert {b.holder: b.seats for b in at.session_state["draft"].governance.board}[US] == 2
    assert at.number_input(key="governance_board_us").value == 2


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hostile_text_is_never_rendered_as_markdown(app_env, lang):  # noqa: F811
    at = open_project(lang)
    spec = at.session_state["draft"].model_copy(deep=True)
    spec.equipment[1].name = HOSTILE[0]
    spec.equipment[2].name = HOSTILE[1]
    spec.partners[1].name = HOSTILE[1]
    spec.technologies[0].name = HOSTILE[0]
    at.session_state["draft"] = spec
    at.run()
    assert not at.exception
    shown = rendered_markdown(at)
    assert any("no witness" in s or "立会い" in s for s in shown)
    for text in shown:
        for raw in HOSTILE:
            assert raw not in text
