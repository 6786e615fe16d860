"""maintenance_vendors: equipment embodying the technology serviced by a local contractor."""

from model.engine.rules import maintenance_vendors as rule

from .conftest import fact_ids, project


def test_fires_for_local_contractor(run):
    spec = project(
        equipment=[
            {
                "id": "oven",
                "name": "乾燥炉",
                "category": "general_tuned",
                "embodies": ["tech"],
                "owner": "site",
                "maintenance": "local_contractor",
            }
        ]
    )
    ev = run(rule, spec)
    assert ev is not None and {"local_contractor", "maker_visible"} <= fact_ids(ev)


def test_silent_when_our_engineers_service_it(run):
    spec = project(
        equipment=[
            {
                "id": "oven",
                "name": "乾燥炉",
                "category": "custom",
                "embodies": ["tech"],
                "owner": "site",
                "maintenance": "our_engineers",
            }
        ]
    )
    assert run(rule, spec) is None
