"""The leak-channel rules, one per file, in one explicit registry."""

from model.engine.rules import (
    contractor_staff,
    cyber_attack,
    engineer_poaching,
    equipment_at_exit,
    host_authorities,
    hostile_patents,
    local_staff_turnover,
    loss_of_control,
    maintenance_vendors,
    partner_affiliates,
    partner_directors,
    reverse_engineering,
)

RULES = (
    partner_directors,
    local_staff_turnover,
    contractor_staff,
    partner_affiliates,
    reverse_engineering,
    host_authorities,
    loss_of_control,
    equipment_at_exit,
    cyber_attack,
    maintenance_vendors,
    hostile_patents,
    engineer_poaching,
)

#: Every fact id each channel's rule can emit: the library is checked for a weight for each when it is loaded
#: (model.api.load_library), so a missing weight is a library error, not a KeyError on the first project that hits it.
RULE_FACTS = {rule.CHANNEL: rule.FACTS for rule in RULES}
