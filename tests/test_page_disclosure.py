"""Disclosure planner page: timeline, stage items and gates, date checks, risk after each stage, black-boxing."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from model.format.vocab import DisclosureLevel, DisclosureMethod, GateCondition, MeasureStatus

from .app_support import app_env, open_app  # noqa: F401  (fixture)

EXAMPLES = ["cm-vietnam-parts", "jv-china-battery", "licence-us-coating"]
PAGE = "app_pages/disclosure.py"
HOSTILE = ["<img src=x onerror=alert(1)>", "![x](http://example.invalid/a.png)"]
STAGE = "stage-1-feasibility"


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


def rendered_markdown(at) -> list[str]:
    """Everything the page rendered as Markdown: text, captions, headings, alerts, expander labels."""
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "warning", "info", "error", "success"):
        out += [str(e.value) for e in getattr(at, kind)]
    out += [str(e.label) for e in at.expander]
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_renders_for_every_example_with_the_timeline(app_env, lang):  # noqa: F811
    at = open_app(lang, page=PAGE)
    for project in EXAMPLES:
        switch(at, project)
        assert not at.exception, (lang, project, at.exception)
        assert at.session_state["draft"].project.id == project
        charts = at.get("plotly_chart")
        assert len(charts) == 2  # the stages on a timeline and the risk after each stage
        spec = json.loads(charts[0].proto.spec)
        assert spec["data"] and spec["layout"]["xaxis"]["type"] == "date"


def test_jumps_in_risk_are_explained_with_their_findings(app_env):  # noqa: F811
    at = open_project("en")
    warnings = [w.value for w in at.warning]
    stage3 = [w for w in warnings if "worsens from D to E" in w]  # stage 3 adds 9.9 points and crosses into E
    assert stage3, warnings
    assert "Loss of control of the JV" in stage3[0]  # the driving findings are named by title


def test_adding_an_item_and_changing_the_gate_update_the_draft(app_env):  # noqa: F811
    at = open_project("ja")
    before = len(at.session_state["draft"].disclosure.stages[0].items)
    at.selectbox(key=f"disclosure_addtech_{STAGE}").set_value("slurry-formulation")
    at.selectbox(key=f"disclosure_addto_{STAGE}").set_value("site")
    at.selectbox(key=f"disclosure_addlevel_{STAGE}").set_value(DisclosureLevel.SPECIFICATION)
    at.selectbox(key=f"disclosure_addmethod_{STAGE}").set_value(DisclosureMethod.VIEW_ONLY_CLOUD)
    at.text_input(key=f"disclosure_addnote_{STAGE}").input("受入基準のみ")
    at.button(key=f"disclosure_add_{STAGE}").click().run()
    assert not at.exception
    items = at.session_state["draft"].disclosure.stages[0].items
    assert len(items) == before + 1
    assert (items[-1].technology, items[-1].level, items[-1].recipient, items[-1].note) == (
        "slurry-formulation",
        "specification",
        "site",
        "受入基準のみ",
    )
    assert any("未保存" in w.value for w in at.sidebar.warning)

    at.multiselect(key=f"disclosure_gate_{STAGE}").set_value(
        [GateCondition.MANAGEMENT_APPROVAL, GateCondition.AUDIT_PASSED]
    )
    at.button(key=f"disclosure_apply_{STAGE}").click().run()
    assert not at.exception
    assert at.session_state["draft"].disclosure.stages[0].gate.conditions == ["management_approval", "audit_passed"]

    at.selectbox(key=f"disclosure_rmpick_{STAGE}").set_value(before)
    at.button(key=f"disclosure_rm_{STAGE}").click().run()
    assert len(at.session_state["draft"].disclosure.stages[0].items) == before


def test_end_before_start_is_refused_and_explained(app_env):  # noqa: F811
    at = open_project("en")
    before = at.session_state["draft"]
    at.date_input(key=f"disclosure_end_{STAGE}").set_value(dt.date(2026, 1, 1))
    at.button(key=f"disclosure_apply_{STAGE}").click().run()
    assert not at.exception
    assert any("before the start date" in e.value for e in at.error)
    assert at.session_state["draft"] == before
    # the entered date is kept so the user can correct it
    assert at.date_input(key=f"disclosure_end_{STAGE}").value == dt.date(2026, 1, 1)


def test_adding_and_removing_a_stage(app_env):  # noqa: F811
    at = open_project("en")
    n = len(at.session_state["draft"].disclosure.stages)
    at.text_input(key="disclosure_new_id").input("Bad Id")
    at.text_input(key="disclosure_new_name").input("Stage 4")
    at.button(key="disclosure_new_submit").click().run()
    assert any("lower-case" in e.value for e in at.error)
    assert len(at.session_state["draft"].disclosure.stages) == n
    at.text_input(key="disclosure_new_id").input("stage-4-expansion")
    at.date_input(key="disclosure_new_start").set_value(dt.date(2030, 1, 1))
    at.date_input(key="disclosure_new_end").set_value(dt.date(2029, 1, 1))
    at.button(key="disclosure_new_submit").click().run()
    assert any("before the start date" in e.value for e in at.error)
    assert len(at.session_state["draft"].disclosure.stages) == n
    at.date_input(key="disclosure_new_end").set_value(dt.date(2031, 1, 1))
    at.multiselect(key="disclosure_new_gate").set_value([GateCondition.TRUST_ESTABLISHED])
    at.button(key="disclosure_new_submit").click().run()
    stages = at.session_state["draft"].disclosure.stages
    assert len(stages) == n + 1 and stages[-1].id == "stage-4-expansion"
    assert stages[-1].gate.conditions == ["trust_established"]
    at.checkbox(key="disclosure_rmstage_ok_stage-4-expansion").check().run()
    at.button(key="disclosure_rmstage_stage-4-expansion").click().run()
    assert len(at.session_state["draft"].disclosure.stages) == n


def test_black_boxing_status_updates_the_draft(app_env):  # noqa: F811
    at = open_project("en")
    assert at.session_state["draft"].disclosure.black_boxing.answer_scope_defined.status == "absent"
    at.selectbox(key="disclosure_bb_answer_scope_defined").set_value(MeasureStatus.IN_PLACE).run()
    assert not at.exception
    assert at.session_state["draft"].disclosure.black_boxing.answer_scope_defined.status == "in_place"
    # the note and owner of an existing measure are kept
    at.selectbox(key="disclosure_bb_key_parts_in_house").set_value(MeasureStatus.IN_PLACE).run()
    measure = at.session_state["draft"].disclosure.black_boxing.key_parts_in_house
    assert measure.status == "in_place" and measure.owner == "材料研究室"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hostile_text_is_never_rendered_as_markdown(app_env, lang):  # noqa: F811
    at = open_project(lang)
    for text in HOSTILE:
        at.text_input(key=f"disclosure_name_{STAGE}").input(text)
        at.button(key=f"disclosure_apply_{STAGE}").click().run()
        assert at.session_state["draft"].disclosure.stages[0].name == text
        at.text_input(key=f"disclosure_addnote_{STAGE}").input(text)
        at.button(key=f"disclosure_add_{STAGE}").click().run()
        assert not at.exception
        for shown in rendered_markdown(at):
            for raw in HOSTILE:
                assert raw not in shown
        chart = json.loads(at.get("plotly_chart")[0].proto.spec)
        assert "<img" not in json.dumps(chart, ensure_ascii=False)
