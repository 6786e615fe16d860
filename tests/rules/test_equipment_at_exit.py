"""equipment_at_exit: custom or tuned equipment embodying the technology, and media handed over, left at exit."""

from model.engine.rules import equipment_at_exit as rule

from .conftest import disclose, fact_ids, project


def test_fires_for_custom_equipment_to_be_sold(run):
    spec = project(
        equipment=[
            {
                "id": "line",
                "name": "専用ライン",
                "category": "custom",
                "embodies": ["tech"],
                "owner": "site",
                "disposal": "sell",
            }
        ]
    )
    ev = run(rule, spec)
    assert ev is not None and "disposal_sell" in fact_ids(ev)


def test_fires_for_paper_copies(run):
    assert run(rule, project(disclosure={"stages": [disclose(method="paper")]})) is not None


def test_silent_for_general_equipment_and_view_only_disclosure(run):
    spec = project(
        equipment=[
            {"id": "press", "name": "汎用プレス", "category": "general_as_is", "embodies": ["tech"], "owner": "site"}
        ],
        disclosure={"stages": [disclose(method="view_only_cloud")]},
    )
    assert run(rule, spec) is None
