"""local_staff_turnover: fires when local staff can reach the technology; turnover and missing duties raise it."""

from model.engine.rules import local_staff_turnover as rule

from .conftest import fact_ids, project


def test_fires_with_high_turnover_and_no_post_employment_duty(run):
    spec = project(
        people=[
            {
                "id": "ops",
                "kind": "local_staff",
                "employer": "site",
                "headcount": 80,
                "access": ["tech"],
                "expected_annual_turnover_percent": 30,
                "post_employment_confidentiality": False,
            }
        ]
    )
    ev = run(rule, spec)
    assert ev is not None and ev.exposures
    assert {"high_turnover", "no_post_employment_duty"} <= fact_ids(ev)


def test_silent_when_no_local_staff_and_nothing_disclosed(run):
    assert run(rule, project()) is None


def test_contract_manufacturing_without_local_staff_is_silent(run):
    spec = project(
        project={"deal_type": "contract_manufacturing"},
        people=[{"id": "eng", "kind": "dispatched_engineers", "employer": "us", "access": ["tech"]}],
    )
    assert run(rule, spec) is None
