"""contractor_staff: fires when a manufacturer or licensee (or contractor staff) receives the technology."""

from model.engine.rules import contractor_staff as rule

from .conftest import PARTNER, disclose, fact_ids, project

CM = {**PARTNER, "id": "cm", "role": "contract_manufacturer", "due_diligence": {"meets_our_standard": "below"}}


def test_fires_for_contract_manufacturer_below_standard(run):
    spec = project(
        project={"deal_type": "contract_manufacturing"},
        partners=[CM],
        disclosure={"stages": [disclose(level="full_drawings", recipient="cm", method="paper")]},
    )
    ev = run(rule, spec)
    assert ev is not None and "dd_below" in fact_ids(ev)


def test_silent_when_only_the_jv_receives(run):
    spec = project(partners=[PARTNER], disclosure={"stages": [disclose()]})
    assert run(rule, spec) is None
