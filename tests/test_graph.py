"""The project graph and its domain queries."""

from __future__ import annotations

from model.api import load_project
from model.engine.graph import ProjectGraph

from .conftest import EXAMPLES
from .rules.conftest import PARTNER, disclose, project


def test_typed_nodes_and_edges_of_an_example(library):
    spec = load_project(next(p for p in EXAMPLES if p.stem == "jv-china-battery"), library)
    graph = ProjectGraph(spec)
    kinds = {d["kind"] for _, d in graph.g.nodes(data=True)}
    assert {"us", "site", "technology", "partner", "people", "equipment", "stage", "authority", "competitors"} <= kinds
    edges = {d["kind"] for _, _, d in graph.g.edges(data=True)}
    assert {
        "disclosure",
        "ownership",
        "control",
        "employment",
        "access",
        "embodiment",
        "jurisdiction",
        "holds",
    } <= edges
    owners = {a: d["percent"] for a, b, d in graph.g.in_edges("site", data=True) if d["kind"] == "ownership"}
    assert owners == {"us": 49.0, f"partner:{spec.governance.equity[1].holder}": 51.0}


def test_nodes_carry_data_and_no_display_text():
    """Kind, id and the project's own name (None where the file gives none); the UI makes the labels."""
    spec = project(partners=[PARTNER], people=[{"id": "ops", "kind": "local_staff", "employer": "site"}])
    g = ProjectGraph(spec).g
    assert g.nodes["us"] == {"kind": "us", "id": "us", "name": None}
    assert g.nodes["competitors"] == {"kind": "competitors", "id": "competitors", "name": None}
    assert g.nodes["site"]["name"] == spec.project.site_name
    authority = g.nodes[f"authority:{spec.project.host_country}"]
    assert (authority["id"], authority["name"], authority["country"]) == (spec.project.host_country, None, "CN")
    assert (g.nodes["partner:p"]["id"], g.nodes["partner:p"]["name"]) == ("p", "相手方")
    assert g.nodes["people:ops"]["name"] is None and g.nodes["people:ops"]["kind_of_people"] == "local_staff"
    assert not any(" / " in str(v) for _, attrs in g.nodes(data=True) for v in attrs.values())
    graph = ProjectGraph(spec)
    assert graph.label("partner:p") == "相手方" and graph.label("us") == "us" and graph.label("nowhere") == "nowhere"


def test_affiliates_follow_the_ownership_chain():
    spec = project(
        partners=[
            {**PARTNER, "id": "top", "role": "affiliate"},
            {**PARTNER, "id": "a", "parent": "top"},
            {**PARTNER, "id": "b", "role": "affiliate", "parent": "top"},
            {**PARTNER, "id": "c", "role": "affiliate", "parent": "b"},
            {**PARTNER, "id": "lone", "role": "supplier"},
        ]
    )
    graph = ProjectGraph(spec)
    assert [p.id for p in graph.affiliates_of("a")] == ["b", "c", "top"]
    assert graph.affiliates_of("lone") == []


def test_queries_for_disclosure_access_and_embodiment():
    spec = project(
        partners=[{**PARTNER, "competes_with_us": True}],
        disclosure={"stages": [disclose(recipient="p", method="paper"), disclose(stage="s2")]},
        people=[{"id": "ops", "kind": "local_staff", "employer": "site", "access": ["tech"]}],
        equipment=[{"id": "line", "name": "ライン", "category": "custom", "embodies": ["tech"], "owner": "site"}],
    )
    graph = ProjectGraph(spec)
    assert [(d.stage_index, d.recipient) for d in graph.disclosures_of("tech")] == [(0, "p"), (1, "site")]
    assert [g.id for g in graph.people_with_access("tech")] == ["ops"]
    assert [e.id for e in graph.equipment_embodying("tech")] == ["line"]
