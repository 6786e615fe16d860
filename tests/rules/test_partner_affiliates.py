"""partner_affiliates: fires when a recipient belongs to a group; a competing affiliate raises it."""

from model.engine.rules import partner_affiliates as rule

from .conftest import PARTNER, disclose, fact_ids, project

LICENSEE = {**PARTNER, "id": "lic", "role": "licensee", "parent": "hold"}
HOLDING = {**PARTNER, "id": "hold", "role": "affiliate"}
SISTER = {**PARTNER, "id": "sister", "role": "affiliate", "parent": "hold", "competes_with_us": True}


def test_fires_with_competing_sister_company(run):
    spec = project(
        project={"deal_type": "licence"},
        partners=[LICENSEE, HOLDING, SISTER],
        disclosure={"stages": [disclose(recipient="lic", method="electronic_copy")]},
    )
    ev = run(rule, spec)
    assert ev is not None
    assert {"has_affiliates", "affiliate_competes"} <= fact_ids(ev)
    assert ev.path[-1] == "partner:sister"


def test_silent_when_no_partner_receives(run):
    assert run(rule, project(project={"deal_type": "subsidiary"}, disclosure={"stages": [disclose()]})) is None
