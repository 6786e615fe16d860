"""The project graph and its domain queries."""

from __future__ import annotations

from model.api import load_project
from model.engine.graph import COMPETITORS_NODE, ProjectGraph

from .conftest import EXAMPLES
from .rules.conftest import PARTNER, disclose, project


def test_typed_nodes_and_edges_of_an_example(library):
    spec = load_project(next(p for p in EXAMPLES if p.stem == "jv-china-battery"), library)
    graph = ProjectGraph(spec)
    kinds = {d["kind"] for _, d in graph.g.nodes(data=True)}
    assert {"us", "site", "technology", "partner", "people", "equipment", "stage", "authority", "competitors"} <= kinds
    edges = {d["kind"] for _, _, d in graph.g.edges(data=True)}
    assert {"disclosure", "ownership", "control", "employment", "access", "embodiment", "jurisdiction", "holds"} <= edges
    assert graph.controllers_of("site") == {"us": 49.0, f"partner:{spec.governance.equity[1].holder}": 51.0}


def test_affiliates_follow_the_ownership_chain():
    spec = project(partners=[{**PARTNER, "id": "top", "role": "affiliate"},
                             {**PARTNER, "id": "a", "parent": "top"},
                             {**PARTNER, "id": "b", "role": "affiliate", "parent": "top"},
                             {**PARTNER, "id": "c", "role": "affiliate", "parent": "b"},
                             {**PARTNER, "id": "lone", "role": "supplier"}])
    graph = ProjectGraph(spec)
    assert [p.id for p in graph.affiliates_of("a")] == ["b", "c", "top"]
    assert graph.affiliates_of("lone") == []


def test_queries_for_disclosure_access_and_embodiment():
    spec = project(partners=[{**PARTNER, "competes_with_us": True}],
                   disclosure={"stages": [disclose(recipient="p", method="paper"), disclose(stage="s2")]},
                   people=[{"id": "ops", "kind": "local_staff", "employer": "site", "access": ["tech"]}],
                   equipment=[{"id": "line", "name": "ライン", "category": "custom", "embodies": ["tech"], "owner": "site"}])
    graph = ProjectGraph(spec)
    assert [(d.stage_index, d.recipient) for d in graph.disclosures_of("tech")] == [(0, "p"), (1, "site")]
    assert [d.technology for d in graph.disclosures_to("p")] == ["tech"]
    assert [g.id for g in graph.people_with_access("tech")] == ["ops"]
    assert [t.id for t in graph.technologies_embodied_in("line")] == ["tech"]
    paths = graph.paths_to_unintended_holders("tech")
    assert paths and all(p[0] == "technology:tech" for p in paths)
    assert any(p[-1] == COMPETITORS_NODE for p in paths)
