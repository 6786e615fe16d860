"""engineer_poaching: our dispatched engineers carrying the technology on site."""

from model.engine.rules import engineer_poaching as rule

from .conftest import PARTNER, project


def test_fires_for_dispatched_engineers(run):
    spec = project(
        partners=[{**PARTNER, "competes_with_us": True}],
        people=[{"id": "eng", "kind": "dispatched_engineers", "employer": "us", "headcount": 3, "access": ["tech"]}],
    )
    ev = run(rule, spec)
    assert ev is not None and ev.path[1] == "people:eng"


def test_silent_without_dispatched_engineers_or_training(run):
    spec = project(people=[{"id": "ops", "kind": "local_staff", "employer": "site", "access": ["tech"]}])
    assert run(rule, spec) is None
