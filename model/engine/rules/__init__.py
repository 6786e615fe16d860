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
