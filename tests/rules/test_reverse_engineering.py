"""reverse_engineering: fires for physical deliveries and equipment embodying the technology."""

from model.engine.rules import reverse_engineering as rule

from .conftest import BASE, PARTNER, disclose, fact_ids, project


def test_fires_for_delivered_moulds_to_a_competitor(run):
    spec = project(
        project={"deal_type": "contract_manufacturing"},
        technologies=[{**BASE["technologies"][0], "forms": ["moulds"]}],
        partners=[{**PARTNER, "id": "cm", "role": "contract_manufacturer", "competes_with_us": True}],
        disclosure={"stages": [disclose(level="full_drawings", recipient="cm", method="physical_delivery")]},
    )
    ev = run(rule, spec)
    assert ev is not None and {"readable_form", "partner_competes"} <= fact_ids(ev)


def test_fires_for_custom_equipment_at_the_site(run):
    spec = project(
        equipment=[{"id": "line", "name": "専用ライン", "category": "custom", "embodies": ["tech"], "owner": "site"}]
    )
    assert run(rule, spec) is not None


def test_silent_for_view_only_disclosure_of_drawings(run):
    spec = project(disclosure={"stages": [disclose(level="sanitised_drawings", method="view_only_cloud")]})
    assert run(rule, spec) is None
