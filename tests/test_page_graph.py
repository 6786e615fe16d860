"""Risk graph page and its layout (ui/graph_view.py): every node placed, deterministic, findings per node."""

from __future__ import annotations

import json

import pytest

from model import api
from model.format.spec import ProjectSpec
from model.format.vocab import PeopleKind
from model.knowledge.library import REPO_ROOT
from ui import graph_view

from .app_support import app_env, open_app  # noqa: F401  (fixture)

EXAMPLES = ["cm-vietnam-parts", "jv-china-battery", "licence-us-coating"]
PAGE = "app_pages/graph.py"
HOSTILE = ["<img src=x onerror=alert(1)>", "![x](http://example.invalid/a.png)"]
TEXTS = {"none": "none", "score": "score", "findings": "findings", "kind": "kind"}


def switch(at, project: str) -> None:
    """Pick a project in the sidebar (one more run: the sidebar selectbox has no key, so it is redrawn as new)."""
    at.sidebar.selectbox[0].set_value(project).run()
    at.run()


def chart_nodes(at) -> list[str]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return [n for trace in spec["data"] if trace.get("mode", "").startswith("markers") for n in trace["customdata"]]


def big_project() -> ProjectSpec:
    """A synthetic JV with well over 100 nodes."""
    techs = [{"id": f"t{i}", "name": f"技術 {i}", "forms": ["drawings"]} for i in range(30)]
    partners = [
        {"id": f"p{i}", "name": f"Partner {i}", "role": "supplier", "country": "CN", "competes_with_us": i % 3 == 0}
        for i in range(20)
    ]
    partners[0]["role"] = "jv_partner"
    people = [
        {"id": f"g{i}", "kind": "local_staff", "employer": "site", "access": [f"t{i % 30}", f"t{(i + 7) % 30}"]}
        for i in range(30)
    ]
    equipment = [
        {"id": f"e{i}", "name": f"設備 {i}", "category": "custom", "owner": "site", "embodies": [f"t{i % 30}"]}
        for i in range(25)
    ]
    stages = [
        {
            "id": f"s{k}",
            "name": f"Stage {k}",
            "items": [
                {"technology": f"t{i}", "level": "full_drawings", "recipient": "site", "method": "paper"}
                for i in range(k, 30, 4)
            ],
        }
        for k in range(4)
    ]
    return ProjectSpec.model_validate(
        {
            "project": {"id": "big", "name": "Big", "deal_type": "joint_venture", "host_country": "CN"},
            "technologies": techs,
            "partners": partners,
            "people": people,
            "equipment": equipment,
            "governance": {"equity": [{"holder": "us", "percent": 49}, {"holder": "p0", "percent": 51}]},
            "disclosure": {"stages": stages},
        }
    )


@pytest.fixture(scope="module")
def assessments(library):
    out = {
        path.stem: api.assess(api.load_project(path, library), library)
        for path in sorted((REPO_ROOT / "examples").glob("*.yaml"))
    }
    out["big"] = api.assess(big_project(), library)
    return out


# --------------------------------------------------------------------------- layout (pure)


def test_layout_places_every_node_deterministically(assessments):
    for name, a in assessments.items():
        g = a.graph.g
        pos = graph_view.layered_layout(g)
        assert set(pos) == set(g.nodes), name
        assert pos == graph_view.layered_layout(g), name  # same graph, same picture
        assert all(0 < y < 1 for _, y in pos.values())
        # no two nodes on the same spot
        assert len(set(pos.values())) == len(pos)
        for kind_segments in graph_view.edge_segments(g, pos).values():
            xs, ys = kind_segments
            points = {(x, y) for x, y in zip(xs, ys, strict=True) if x is not None}
            assert points <= set(pos.values()), name  # edges join placed nodes only


def test_layout_runs_left_to_right_by_kind(assessments):
    g = assessments["jv-china-battery"].graph.g
    pos = graph_view.layered_layout(g)
    x = {n: pos[n][0] for n in g.nodes}
    techs = [n for n, d in g.nodes(data=True) if d["kind"] == "technology"]
    partners = [n for n, d in g.nodes(data=True) if d["kind"] == "partner"]
    assert x["us"] == 0
    assert all(x["us"] < x[t] < x["site"] for t in techs)
    assert all(x["site"] < x[p] < x["competitors"] for p in partners)


def test_layout_does_not_depend_on_insertion_order(assessments):
    import networkx as nx

    g = assessments["big"].graph.g
    reversed_graph = nx.MultiDiGraph()
    reversed_graph.add_nodes_from(reversed(list(g.nodes(data=True))))
    reversed_graph.add_edges_from(reversed(list(g.edges(data=True))))
    assert graph_view.layered_layout(reversed_graph) == graph_view.layered_layout(g)


def test_node_colour_is_the_worst_finding_through_it(assessments):
    a = assessments["jv-china-battery"]
    risks = graph_view.node_risks(a.findings)
    for node, risk in risks.items():
        through = graph_view.findings_through(a.findings, node)
        assert risk.count == len(through)
        assert risk.score == max(f.score for f in through)
    assert set(risks) <= set(a.graph.g.nodes) | {n for f in a.findings for n in f.path}


def test_large_graphs_use_hover_text_instead_of_labels(assessments):
    a = assessments["big"]
    assert a.graph.g.number_of_nodes() >= 100
    fig = graph_view.figure(a.graph.g, a.findings, "en", TEXTS, {}, {})
    markers = [t for t in fig.data if t.mode.startswith("markers")]
    assert sum(len(t.x) for t in markers) == a.graph.g.number_of_nodes()
    assert all(t.mode == "markers" and t.hovertext for t in markers)
    small = assessments["licence-us-coating"]
    fig = graph_view.figure(small.graph.g, small.findings, "ja", TEXTS, {}, {})
    assert all(t.mode == "markers+text" for t in fig.data if t.mode.startswith("markers"))


def test_display_labels_follow_the_language(assessments):
    g = assessments["jv-china-battery"].graph.g
    assert graph_view.display_label("us", g.nodes["us"], "en") == "Our company"
    assert graph_view.display_label("us", g.nodes["us"], "ja") == "自社"
    assert graph_view.node_label(g, "authority:CN", "en") == "CN authorities"
    assert graph_view.node_label(g, "authority:CN", "ja") == "CN 当局"
    assert graph_view.node_label(g, "competitors", "en") == "Competitors"
    assert graph_view.node_label(g, "not-a-node", "en") == "not-a-node"
    assert graph_view.node_label(g, "site", "en") == g.nodes["site"]["name"]  # the project's own name, as given
    big = assessments["big"].graph.g  # no site name, people groups without names
    assert (graph_view.node_label(big, "site", "ja"), graph_view.node_label(big, "site", "en")) == (
        "現地拠点",
        "Local site",
    )
    assert graph_view.node_label(big, "people:g0", "en") == PeopleKind.LOCAL_STAFF.label("en")
    assert graph_view.node_label(big, "people:g0", "ja") == PeopleKind.LOCAL_STAFF.label("ja")
    assert graph_view.plain("<b>$x</b>") == "&lt;b&gt;＄x&lt;/b&gt;"


# --------------------------------------------------------------------------- the page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_renders_every_example_with_all_nodes_and_findings_per_node(app_env, lang):  # noqa: F811
    at = open_app(lang, page=PAGE)
    for project in EXAMPLES:
        switch(at, project)
        assert not at.exception, (lang, project, at.exception)
        g = at.session_state["draft"]
        nodes = chart_nodes(at)
        graph = api.assess(g, api.load_library()).graph.g
        assert len(nodes) >= graph.number_of_nodes()
        assert set(nodes) == set(graph.nodes)
        # the selector opens on the riskiest point and its findings are listed
        assert at.selectbox(key="graph_node").value is not None
        assert len(at.dataframe) == 1 and len(at.dataframe[0].value) > 0


def test_selecting_a_node_shows_its_findings(app_env):  # noqa: F811
    at = open_app("en", page=PAGE)
    switch(at, "jv-china-battery")
    at.selectbox(key="graph_node").set_value("people:partner-directors").run()
    table = at.dataframe[0].value
    assert len(table) == 4  # one partner-directors finding per technology
    assert all("Partner-appointed directors" in t for t in table.iloc[:, 0])
    at.selectbox(key="graph_node").set_value("stage:stage-1-feasibility").run()
    assert not at.dataframe and at.info


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hostile_labels_are_never_rendered_as_markdown(app_env, lang):  # noqa: F811
    at = open_app(lang, page=PAGE)
    switch(at, "jv-china-battery")
    spec = at.session_state["draft"].model_copy(deep=True)
    spec.technologies[0].name = HOSTILE[0]
    spec.partners[1].name = HOSTILE[1]
    at.session_state["draft"] = spec
    at.run()
    at.selectbox(key="graph_node").set_value("technology:separator-coating").run()
    assert not at.exception
    shown = [
        str(e.value) for kind in ("markdown", "caption", "subheader", "info", "warning") for e in getattr(at, kind)
    ]
    assert any("img src" in s for s in shown)  # the subheader names the node, escaped
    for text in shown:
        for raw in HOSTILE:
            assert raw not in text
    chart = json.dumps(json.loads(at.get("plotly_chart")[0].proto.spec), ensure_ascii=False)
    assert "<img" not in chart
