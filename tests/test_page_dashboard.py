"""The executive dashboard and the portfolio: render in both languages, show the current project's numbers, stay safe."""

from __future__ import annotations

import json

import pytest

from model import api
from model.knowledge.library import REPO_ROOT

from .app_support import app_env, open_app  # noqa: F401  (fixture)

EXAMPLES = ["cm-vietnam-parts", "jv-china-battery", "licence-us-coating"]
HOSTILE = ["<img src=x onerror=alert(1)>", "![x](http://example.invalid/a.png)"]
DASHBOARD = "app_pages/dashboard.py"
PORTFOLIO = "app_pages/portfolio.py"


def example_assessment(pid: str) -> api.Assessment:
    library = api.load_library()
    spec, problems = api.validate_file(REPO_ROOT / "examples" / f"{pid}.yaml", library)
    assert spec is not None, problems
    return api.assess(spec, library)


def open_project(at, pid: str):
    # The sidebar's project picker has no key, so its identity follows its index: one plain rerun after a switch
    # lets it settle before the next switch (see the report on app.py).
    at.run()
    at.sidebar.selectbox[0].set_value(pid).run()
    assert at.session_state["project_id"] == pid
    return at


def texts(at) -> list[str]:
    """Everything Streamlit renders as Markdown on the page."""
    return (
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [t.value for t in at.title]
        + [s.value for s in at.subheader]
        + [e.value for e in at.info]
        + [e.value for e in at.success]
        + [e.value for e in at.warning]
    )


def plotly_specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


# --------------------------------------------------------------------------- dashboard


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_dashboard_renders_every_example(app_env, lang):  # noqa: F811
    at = open_app(lang, page=DASHBOARD)
    assert not at.exception
    for pid in EXAMPLES:
        open_project(at, pid)
        assert not at.exception, (pid, at.exception)
        a = example_assessment(pid)
        grade_md = [m for m in at.markdown if f"[{a.grade.grade} — " in m.value]
        assert grade_md and a.grade.label.get(lang) in grade_md[0].value
        assert any(f"{a.score:.1f} / 100" == m.value for m in at.metric)


def test_dashboard_charts_and_top_risks(app_env):  # noqa: F811
    from ui.widgets import escape_md

    at = open_project(open_app("en", page=DASHBOARD), "jv-china-battery")
    specs = plotly_specs(at)
    a = example_assessment("jv-china-battery")
    kinds = [[trace["type"] for trace in s["data"]] for s in specs]
    assert any("heatmap" in k for k in kinds), kinds  # the likelihood × impact matrix
    assert any(k == ["scatter"] and s["data"][0]["mode"].startswith("lines") for k, s in zip(kinds, specs, strict=True))
    assert len(specs) >= 5  # grade, matrix, readiness, channels, timeline
    assert any(s["layout"].get("annotations", [{}])[0].get("text") == f"<b>{a.grade.grade}</b>" for s in specs)
    matrix = next(s for s in specs if s["data"] and s["data"][0]["type"] == "heatmap")
    cells = [int(t) for row in matrix["data"][0]["text"] for t in row if t]
    assert sum(cells) == sum(1 for f in a.findings if f.counted)
    top = next(f for f in a.findings if not f.decided)
    assert any(escape_md(top.title.get("en")) in m.value for m in at.markdown)
    # the timeline marks the stage that raises the score most
    timeline = next(s for s in specs if s["data"] and s["data"][0]["type"] == "scatter")
    assert timeline["layout"]["annotations"]


def test_dashboard_report_download(app_env):  # noqa: F811
    at = open_app("en", page=DASHBOARD)
    buttons = at.get("download_button")
    assert buttons, "the HTML report download is offered"
    a = example_assessment("cm-vietnam-parts")
    data = api.export(a, api.load_library(), "html", "en")
    assert data.startswith(b"<!DOCTYPE html>")


def test_dashboard_change_since_previous_version(app_env):  # noqa: F811
    from ui import core

    at = open_app("en", page=DASHBOARD)
    assert any("first version" in i.value for i in at.info)
    spec = at.session_state["draft"].model_copy(deep=True)
    spec.disclosure.stages = spec.disclosure.stages[:1]
    core.store().save(spec, "someone", "fewer stages", base_version=1)
    at.run()
    assert not at.exception
    assert any("Version 1 → version 2" in m.value for m in at.markdown)
    open_project(at, "jv-china-battery")
    open_project(at, "cm-vietnam-parts")  # now working on version 2
    assert any("Version 1 → version 2" in m.value for m in at.markdown)
    # unsaved edits are compared with the saved version
    draft = at.session_state["draft"].model_copy(deep=True)
    draft.technologies = draft.technologies[:1]
    at.session_state["draft"] = draft
    at.run()
    assert not at.exception
    assert any("Unsaved changes" in m.value for m in at.markdown)
    assert len([m for m in at.metric if m.delta]) == 2  # versions 1 → 2, and version 2 → unsaved edits


def test_dashboard_escapes_project_text(app_env):  # noqa: F811
    at = open_app("ja", page=DASHBOARD)
    spec = at.session_state["draft"].model_copy(deep=True)
    spec.project.name = HOSTILE[0] + " " + HOSTILE[1]
    spec.project.site_name = HOSTILE[1]
    spec.technologies[0].name = HOSTILE[0] + HOSTILE[1]
    if spec.disclosure.stages:
        spec.disclosure.stages[0].name = HOSTILE[0] + " $x$ " + HOSTILE[1]
    for p in spec.partners:
        p.name = HOSTILE[1] + HOSTILE[0]
    at.session_state["draft"] = api.ProjectSpec.model_validate(spec.model_dump())
    at.run()
    assert not at.exception
    for text in texts(at):
        for bad in HOSTILE:
            assert bad not in text
    for s in plotly_specs(at):
        dumped = json.dumps(s, ensure_ascii=False)
        assert "<img" not in dumped and "$x$" not in dumped


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_project_with_too_little_says_what_is_missing_instead_of_a_grade(app_env, lang):  # noqa: F811
    at = open_app(lang, page=DASHBOARD)
    blank = at.session_state["draft"].model_copy(deep=True)
    blank.technologies, blank.partners, blank.people, blank.equipment = [], [], [], []
    blank.disclosure.stages, blank.governance.equity, blank.governance.board, blank.decisions = [], [], [], []
    at.session_state["draft"] = api.ProjectSpec.model_validate(blank.model_dump())
    at.run()
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert ("まだ評価できません" if lang == "ja" else "cannot be judged yet") in warning
    assert ("技術が1つも登録されていない" if lang == "ja" else "no technology is listed") in warning
    assert any(("評価不能" if lang == "ja" else "Not enough information") in m.value for m in at.markdown)


# --------------------------------------------------------------------------- portfolio


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_portfolio_lists_the_examples(app_env, lang):  # noqa: F811
    at = open_app(lang, page=PORTFOLIO)
    assert not at.exception
    frame = at.dataframe[0].value
    names = {example_assessment(pid).spec.project.name: example_assessment(pid) for pid in EXAMPLES}
    assert set(frame.iloc[:, 0]) == set(names)
    scores = list(frame.iloc[:, 3])
    assert scores == sorted(scores, reverse=True)
    for _, row in frame.iterrows():
        assert row.iloc[3] == pytest.approx(names[row.iloc[0]].score)
    assert at.get("plotly_chart")


def test_portfolio_opens_a_project_but_not_over_unsaved_changes(app_env):  # noqa: F811
    at = open_app("en", page=PORTFOLIO)
    at.selectbox(key="portfolio_pick").set_value("licence-us-coating").run()
    at.button(key="portfolio_open").click().run()
    assert not at.exception
    assert at.session_state["project_id"] == "licence-us-coating"
    assert at.success
    # with unsaved edits, opening another project is refused
    draft = at.session_state["draft"].model_copy(deep=True)
    draft.project.sector = "changed"
    at.session_state["draft"] = draft
    at.run()
    at.selectbox(key="portfolio_pick").set_value("jv-china-battery").run()
    at.button(key="portfolio_open").click().run()
    assert at.session_state["project_id"] == "licence-us-coating"
    assert at.session_state["draft"].project.sector == "changed"
    assert at.warning


def test_portfolio_shows_names_only_in_tables(app_env):  # noqa: F811
    from ui import core

    at = open_app("en", page=PORTFOLIO)
    spec = core.store().load("jv-china-battery", None, core.library())
    spec.project.name = HOSTILE[0] + HOSTILE[1]
    core.store().save(spec, HOSTILE[0], HOSTILE[1], base_version=1)
    at.run()
    at.selectbox(key="portfolio_pick").set_value("jv-china-battery").run()
    at.button(key="portfolio_open").click().run()
    assert not at.exception
    assert at.session_state["project_id"] == "jv-china-battery" and at.success
    assert HOSTILE[0] + HOSTILE[1] in set(at.dataframe[0].value.iloc[:, 0])
    for text in texts(at):
        for bad in HOSTILE:
            assert bad not in text
