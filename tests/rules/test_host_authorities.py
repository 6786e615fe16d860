"""host_authorities: fires when technology sits within the host country's reach; country factors raise it."""

from model.engine.rules import host_authorities as rule

from .conftest import BASE, disclose, fact_ids, project


def test_fires_for_export_controlled_technology_in_china(run):
    spec = project(
        technologies=[{**BASE["technologies"][0], "export_control": "list_controlled"}],
        disclosure={"stages": [disclose()]},
        contract={"dispute_resolution": "courts_host"},
    )
    ev = run(rule, spec)
    assert ev is not None
    ids = fact_ids(ev)
    assert {"sensitive_technology", "host_courts"} <= ids
    assert any(i.startswith("country:intelligence_cooperation") for i in ids)


def test_silent_when_nothing_is_in_the_host_country(run):
    assert run(rule, project()) is None


def test_us_held_equipment_counts_as_in_the_host_country(run):
    spec = project(equipment=[{"id": "m", "name": "装置", "category": "custom", "embodies": ["tech"], "owner": "us"}])
    assert run(rule, spec) is not None
