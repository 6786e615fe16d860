"""Findings and decisions page: renders for every example in both languages; filters, the score explained, decisions."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

from model.format.vocab import DecisionStatus

from .app_support import app_env, open_app  # noqa: F401  (fixture)

PAGE = "app_pages/findings.py"
EXAMPLES = ["cm-vietnam-parts", "jv-china-battery", "licence-us-coating"]
RAW = ["<img src=x onerror=alert(1)>", "![x](http://example.invalid/a.png)"]
HOSTILE = " ".join(RAW)


@pytest.fixture(autouse=True)
def widgets_language(monkeypatch):
    """AppTest calls a selectbox's format function outside the script, where ui.widgets.choice reads the
    language from an empty session (so always Japanese): open_project pins it to the test's language."""
    import ui.widgets

    monkeypatch.setattr(ui.widgets, "lang", ui.widgets.lang)  # restored after the test


def open_project(project: str, lang: str = "ja", **state):
    import ui.widgets

    ui.widgets.lang = lambda: lang
    at = open_app(lang, page=PAGE, **state)
    at.sidebar.selectbox[0].set_value(project).run()
    assert at.session_state["draft"].project.id == project
    assert not at.exception, at.exception
    return at


def markdown_texts(at) -> list[str]:
    return (
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [s.value for s in at.subheader]
        + [e.value for e in at.error]
        + [s.value for s in at.success]
    )


def first_open(at):
    from ui import core

    spec = at.session_state["draft"]
    a = core.assessment(spec)
    return next(f for f in a.findings if not f.decided)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("project", EXAMPLES)
def test_renders_every_example(app_env, lang, project):  # noqa: F811
    at = open_project(project, lang)
    assert at.title[0].value == ("指摘と判断" if lang == "ja" else "Findings and decisions")
    table = at.dataframe[0].value
    assert len(table) > 10
    assert list(table["score"]) == sorted(table["score"], reverse=True)
    # The selected finding's score formula and the mitigation ranking are shown.
    assert any(("スコア = 100" if lang == "ja" else "Score = 100") in m.value for m in at.markdown)
    assert len(at.dataframe) >= 5


def test_detail_shows_the_score_formula_numbers(app_env):  # noqa: F811
    from model import api
    from ui import core

    at = open_project("jv-china-battery", "en")
    lib = core.library()
    a = api.assess(at.session_state["draft"], lib)
    target = a.findings[3]
    at.selectbox(key="findings_selected").set_value(target.id).run()
    formula = next(m.value for m in at.markdown if m.value.startswith("Score = 100"))
    for number in (
        f"{target.exposure:.2f}",
        f"{target.threat:.2f}",
        f"{target.control_factor:.2f}",
        f"{target.impact:.2f}",
        f"{target.score:.1f}",
    ):
        assert number in formula
    assert abs(100 * target.exposure * target.threat * target.control_factor * target.impact - target.score) < 0.11
    levels = next(m.value for m in at.markdown if m.value.startswith("Likelihood"))
    assert f"level {target.likelihood_level}/5" in levels and f"level {target.impact_level}/5" in levels
    # The path is plain text, the graph labels joined by arrows.
    assert any(" → " in t.value for t in at.text)


def test_filters_reduce_the_table(app_env):  # noqa: F811
    at = open_project("jv-china-battery")
    total = len(at.dataframe[0].value)
    at.multiselect(key="findings_filter_severity").set_value(["critical", "high"]).run()
    severe = len(at.dataframe[0].value) if at.dataframe else 0
    assert severe < total
    at.multiselect(key="findings_filter_severity").set_value([]).run()
    at.radio(key="findings_filter_state").set_value("decided").run()
    decided = at.dataframe[0].value
    assert 0 < len(decided) < total
    at.radio(key="findings_filter_state").set_value("all").run()
    tech = at.session_state["draft"].technologies[0].id
    at.multiselect(key="findings_filter_tech").set_value([tech]).run()
    assert 0 < len(at.dataframe[0].value) < total
    at.multiselect(key="findings_filter_channel").set_value(["cyber_attack"]).run()
    assert len(at.dataframe[0].value) <= 1


def test_accepting_needs_a_justification_then_records_the_user(app_env):  # noqa: F811
    at = open_project("cm-vietnam-parts")
    target = first_open(at)
    at.selectbox(key="findings_selected").set_value(target.id).run()
    status_key, text_key = f"findings_decision_{target.id}", f"findings_justification_{target.id}"
    before = list(at.session_state["draft"].decisions)
    at.selectbox(key=status_key).set_value(DecisionStatus.ACCEPTED)
    at.text_area(key=text_key).input("   ")
    at.button(key=f"findings_record_{target.id}").click().run()
    assert not at.exception, at.exception
    assert at.session_state["draft"].decisions == before
    assert any("理由が必要" in e.value for e in at.error)

    at.selectbox(key=status_key).set_value(DecisionStatus.ACCEPTED)
    at.text_area(key=text_key).input(HOSTILE)
    at.button(key=f"findings_record_{target.id}").click().run()
    assert not at.exception, at.exception
    decisions = [d for d in at.session_state["draft"].decisions if d.finding == target.id]
    assert len(decisions) == 1
    d = decisions[0]
    assert d.status == DecisionStatus.ACCEPTED and d.justification == HOSTILE and d.by == "テスト 太郎"
    assert d.at.tzinfo is not None and abs((dt.datetime.now(dt.UTC) - d.at).total_seconds()) < 120
    assert len(at.session_state["draft"].decisions) == len(before) + 1
    # Shown apart with the justification as table data, never as markdown.
    for text in markdown_texts(at):
        for bad in RAW:
            assert bad not in text
    assert any(HOSTILE in list(df.value.get("justification", [])) for df in at.dataframe)
    assert any("未保存" in w.value for w in at.sidebar.warning)


def test_a_new_decision_replaces_the_old_one(app_env):  # noqa: F811
    at = open_project("cm-vietnam-parts", "en")
    fid = "hostile_patents@mould-design"  # recorded as mitigation planned in the example
    at.radio(key="findings_filter_state").set_value("all").run()
    at.selectbox(key="findings_selected").set_value(fid).run()
    assert at.selectbox(key=f"findings_decision_{fid}").value == DecisionStatus.MITIGATION_PLANNED
    at.selectbox(key=f"findings_decision_{fid}").set_value(DecisionStatus.MITIGATED)
    at.button(key=f"findings_record_{fid}").click().run()
    assert not at.exception, at.exception
    decisions = [d for d in at.session_state["draft"].decisions if d.finding == fid]
    assert len(decisions) == 1 and decisions[0].status == DecisionStatus.MITIGATED
    assert decisions[0].justification  # the earlier justification stays in the text area


def test_pure_helpers():
    from model import api

    page = importlib.import_module("app_pages.findings")  # outside Streamlit the page body shows nothing
    lib = api.load_library()
    spec, _ = api.parse_project(open("examples/jv-china-battery.yaml", "rb").read(), "x.yaml", lib)
    a = api.assess(spec, lib)
    now = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    fid = a.findings[0].id
    new, error = page.record_decision(spec, fid, DecisionStatus.NOT_APPLICABLE, "", "x", now)
    assert new is None and error == "need_justification"
    new, error = page.record_decision(spec, fid, DecisionStatus.OPEN, None, "x", now)
    assert error is None and new.decisions[-1].finding == fid and new.decisions[-1].at == now
    assert len(spec.decisions) + 1 == len(new.decisions)
    assert page.filter_findings(a.findings, severities=["critical"]) == [
        f for f in a.findings if f.severity == "critical"
    ]
    assert all(f.decided for f in page.filter_findings(a.findings, state="decided"))


def test_hostile_names_never_reach_markdown(app_env):  # noqa: F811
    at = open_project("licence-us-coating", user=HOSTILE)
    spec = at.session_state["draft"].model_copy(deep=True)
    spec.technologies[0].name = HOSTILE
    at.session_state["draft"] = spec
    at.run()
    target = next(f for f in first_findings(at) if f.technology == spec.technologies[0].id and not f.decided)
    at.selectbox(key="findings_selected").set_value(target.id).run()
    at.selectbox(key=f"findings_decision_{target.id}").set_value(DecisionStatus.MITIGATION_PLANNED)
    at.button(key=f"findings_record_{target.id}").click().run()
    assert not at.exception, at.exception
    assert [d for d in at.session_state["draft"].decisions if d.finding == target.id][0].by == HOSTILE.strip()
    assert at.success  # the recorded message names the user, escaped
    for text in markdown_texts(at):
        for bad in RAW:
            assert bad not in text


def first_findings(at):
    from ui import core

    return core.assessment(at.session_state["draft"]).findings
