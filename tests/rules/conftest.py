"""Building blocks for rule tests: a small project built from plain data, and running one rule on it."""

from __future__ import annotations

import copy

import pytest

from model.engine.graph import ProjectGraph
from model.engine.rules.base import ChannelEvidence, RuleContext
from model.format.spec import ProjectSpec

BASE = {
    "format_version": 1,
    "project": {"name": "テスト", "deal_type": "joint_venture", "host_country": "CN"},
    "technologies": [{"id": "tech", "name": "コア工程", "forms": ["drawings"]}],
}

PARTNER = {"id": "p", "name": "相手方", "role": "jv_partner", "country": "CN"}


def disclose(level="process_knowhow", recipient="site", method="on_site_training", stage="s1"):
    return {
        "id": stage,
        "name": stage,
        "items": [{"technology": "tech", "level": level, "recipient": recipient, "method": method}],
    }


def project(**sections) -> ProjectSpec:
    """BASE with sections replaced; ``project`` entries are merged into the project block."""
    data = copy.deepcopy(BASE)
    for key, value in sections.items():
        if key == "project":
            data["project"].update(value)
        else:
            data[key] = value
    return ProjectSpec.model_validate(data)


@pytest.fixture
def run(library):
    def _run(rule, spec: ProjectSpec) -> ChannelEvidence | None:
        ctx = RuleContext(spec, library, ProjectGraph(spec))
        evidence = rule.evaluate(ctx, spec.technologies[0])
        # Every rule test's project also checks the rule's declaration: what it emits, it must have declared.
        if evidence is not None:
            undeclared = {f.id for f in evidence.facts if not f.id.startswith("country:")} - set(rule.FACTS)
            assert not undeclared, f"{rule.__name__} emits facts missing from its FACTS: {sorted(undeclared)}"
        return evidence

    return _run


def fact_ids(evidence: ChannelEvidence) -> set[str]:
    return {f.id for f in evidence.facts}
