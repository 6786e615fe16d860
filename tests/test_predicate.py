"""The predicate interpreter: its semantics, its checks, its refusal of anything but structure."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from model.knowledge.predicate import Predicate, evaluate, path_problem

CONTEXT = {
    "project": {"deal_type": "joint_venture", "host_country": "CN"},
    "partners": [{"id": "a", "state_ownership": "none"}, {"id": "b", "state_ownership": "majority"}],
    "technologies": [{"id": "t", "forms": ["drawings", "moulds"], "importance": {"catch_up_years": 6}}],
    "governance": {"equity": [{"holder": "us", "percent": 49}]},
    "country": {"job_mobility": "high"},
}


def p(data) -> Predicate:
    return Predicate.model_validate(data)


@pytest.mark.parametrize(
    "data,expected",
    [
        ({"field": "project.deal_type", "equals": "joint_venture"}, True),
        ({"field": "project.deal_type", "in": ["licence", "subsidiary"]}, False),
        ({"field": "partners[].state_ownership", "in": ["majority", "minority"]}, True),
        ({"field": "technologies[].forms[]", "equals": "moulds"}, True),
        ({"field": "technologies[].importance.catch_up_years", "gte": 5}, True),
        ({"field": "governance.equity[].percent", "lte": 50}, True),
        ({"field": "project.sector", "exists": True}, False),
        ({"field": "project.sector", "exists": False}, True),
        ({"field": "country.job_mobility", "in": ["high", "very_high"]}, True),
        (
            {
                "all": [
                    {"field": "project.deal_type", "equals": "joint_venture"},
                    {"not": {"field": "project.host_country", "equals": "US"}},
                ]
            },
            True,
        ),
        (
            {"any": [{"field": "project.deal_type", "equals": "licence"}, {"field": "partners[].id", "equals": "zz"}]},
            False,
        ),
    ],
)
def test_evaluate(data, expected):
    assert evaluate(p(data), CONTEXT) is expected


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"field": "project.deal_type"},
        {"field": "project.deal_type", "equals": "x", "in": ["y"]},
        {"all": [], "any": []},
        {"field": "project.deal_type", "equals": "x", "all": []},
        {"field": "__import__('os').system('x')", "equals": 1},
        {"field": "project.deal_type", "matches": ".*"},
    ],
)
def test_malformed_predicates_are_refused(data):
    with pytest.raises(ValidationError):
        p(data)


@pytest.mark.parametrize(
    "path,ok",
    [
        ("project.deal_type", True),
        ("partners[].due_diligence.meets_our_standard", True),
        ("technologies[].forms[]", True),
        ("contract.clauses.nda-before-negotiation.status", True),
        ("country.job_mobility", True),
        ("country.weather", False),
        ("project.deal_kind", False),
        ("partners.role", False),
        ("project[].deal_type", False),
    ],
)
def test_path_problem(path, ok):
    assert (path_problem(path) is None) is ok
