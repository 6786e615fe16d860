"""hostile_patents: fires when specifications or more reach others and we rely on secrecy."""

from model.engine.rules import hostile_patents as rule

from .conftest import BASE, disclose, fact_ids, project


def test_fires_for_secret_process_disclosed(run):
    spec = project(
        technologies=[{**BASE["technologies"][0], "ip_strategy": "secret"}],
        disclosure={"stages": [disclose(level="process_knowhow")]},
    )
    ev = run(rule, spec)
    assert ev is not None and "not_patented" in fact_ids(ev)


def test_silent_for_an_overview_only(run):
    spec = project(disclosure={"stages": [disclose(level="overview", method="view_only_cloud")]})
    assert run(rule, spec) is None
