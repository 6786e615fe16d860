"""partner_directors: fires in a JV where partner-appointed directors reach disclosed technology."""

from model.engine.rules import partner_directors as rule

from .conftest import PARTNER, disclose, fact_ids, project


def test_fires_for_jv_with_partner_directors(run):
    spec = project(
        partners=[{**PARTNER, "government_ties": "direct"}],
        governance={"board": [{"holder": "us", "seats": 2}, {"holder": "p", "seats": 3}]},
        disclosure={"stages": [disclose()]},
        people=[{"id": "dirs", "kind": "partner_directors", "employer": "p", "access": ["tech"]}],
    )
    ev = run(rule, spec)
    assert ev is not None
    assert {"partner_board_weight", "directors_unbound", "government_ties"} <= fact_ids(ev)
    assert ev.path[:2] == ["technology:tech", "site"]


def test_silent_when_not_a_jv(run):
    spec = project(
        project={"deal_type": "licence"},
        partners=[{**PARTNER, "role": "licensee"}],
        disclosure={"stages": [disclose(recipient="p")]},
    )
    assert run(rule, spec) is None


def test_silent_when_nothing_reaches_the_jv(run):
    assert run(rule, project(partners=[PARTNER])) is None
