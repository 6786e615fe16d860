"""What-if levers: pure functions that return a changed copy of a project (equity, seats, a hand-over, a clause, a measure, the deal type), and the equipment warnings the exit plan raises."""

from __future__ import annotations

from dataclasses import dataclass

from model.format.spec import SITE, US, BoardSeats, ClauseEntry, ProjectSpec, Shareholding
from model.format.vocab import (
    ClauseStatus,
    DealType,
    DisclosureLevel,
    DisposalPlan,
    EquipmentCategory,
    Maintenance,
    MeasureStatus,
)

#: The equity the "what would 51 % change" comparison aims at: the smallest round share above the majority line.
MAJORITY_TARGET = 51.0


def with_our_equity(spec: ProjectSpec, target: float) -> ProjectSpec | None:
    """Our voting equity set to ``target`` %, the partners moving the other way (the largest first).

    Our shares become voting shares (a lever for control means votes); the partners' keep their flag. None
    when it cannot be done: the partners hold too little to give up, or there is nobody to take our share.
    """
    new = spec.model_copy(deep=True)
    gov = new.governance
    if not any(s.holder == US for s in gov.equity):
        gov.equity = [Shareholding(holder=US, percent=0), *gov.equity]
    ours = sum(s.percent for s in gov.equity if s.holder == US)
    change = target - ours
    others = sorted((s for s in gov.equity if s.holder != US), key=lambda s: (-s.percent, s.holder))
    percents = {US: target}
    if change > 0:
        if sum(s.percent for s in others) < change - 1e-9:
            return None
        need = change
        for s in others:
            cut = min(s.percent, need)
            percents[s.holder] = s.percent - cut
            need -= cut
    elif change < 0:
        if not others:
            return None
        percents[others[0].holder] = others[0].percent - change
    gov.equity = [
        Shareholding(
            holder=s.holder,
            percent=round(percents.get(s.holder, s.percent), 4),
            voting=True if s.holder == US else s.voting,
        )
        for s in gov.equity
    ]
    return new


def at_majority(spec: ProjectSpec) -> ProjectSpec | None:
    """The project with our equity at 51 % (``MAJORITY_TARGET``); None when we already hold the majority of the
    votes or the partners cannot give up enough."""
    if spec.governance.holds_majority():
        return None
    return with_our_equity(spec, MAJORITY_TARGET)


def with_our_seats(spec: ProjectSpec, seats: int) -> ProjectSpec:
    new = spec.model_copy(deep=True)
    board = [b for b in new.governance.board if b.holder != US]
    new.governance.board = [BoardSeats(holder=US, seats=seats), *board]
    return new


def without_technology(spec: ProjectSpec, stage_index: int, tech: str) -> ProjectSpec:
    """One technology taken out of one disclosure stage."""
    new = spec.model_copy(deep=True)
    stage = new.disclosure.stages[stage_index]
    stage.items = [i for i in stage.items if i.technology != tech]
    return new


def with_level(spec: ProjectSpec, stage_index: int, item_index: int, level: DisclosureLevel) -> ProjectSpec:
    new = spec.model_copy(deep=True)
    item = new.disclosure.stages[stage_index].items[item_index]
    new.disclosure.stages[stage_index].items[item_index] = item.model_copy(update={"level": level})
    return new


def with_clause_present(spec: ProjectSpec, clause_id: str) -> ProjectSpec:
    """The clause recorded as present in the contract, keeping its note, draft reference and variables."""
    new = spec.model_copy(deep=True)
    old = new.contract.clauses.get(clause_id)
    new.contract.clauses[clause_id] = (
        old.model_copy(update={"status": ClauseStatus.PRESENT}) if old else ClauseEntry(status=ClauseStatus.PRESENT)
    )
    return new


def with_measure_in_place(spec: ProjectSpec, measure_id: str) -> ProjectSpec:
    return spec.with_measure(measure_id, MeasureStatus.IN_PLACE)


def with_deal_type(spec: ProjectSpec, deal: DealType) -> ProjectSpec:
    new = spec.model_copy(deep=True)
    new.project.deal_type = deal
    return new


# --------------------------------------------------------------------------- equipment at exit


@dataclass(frozen=True, slots=True)
class EquipmentWarning:
    """Something in the equipment plan that lets technology stay behind at exit (guidance ch1.3.4, ch1.4.2).

    ``kind`` is one of ``partner_owner`` (equipment embodying core technology owned by a partner),
    ``no_witness`` (disposal of equipment embodying our technology not witnessed), ``local_contractor``
    (maintained by a local contractor) and ``custom_sold`` (custom or in-house equipment to be sold or reset
    and sold). The UI words it; ``technologies`` are the technology ids concerned.
    """

    kind: str
    equipment: str
    technologies: tuple[str, ...] = ()
    owner: str | None = None
    disposal: DisposalPlan | None = None


def equipment_warnings(spec: ProjectSpec) -> list[EquipmentWarning]:
    techs = {t.id: t for t in spec.technologies}
    out: list[EquipmentWarning] = []
    for eq in spec.equipment:
        embodied = [techs[t] for t in eq.embodies if t in techs]
        core = tuple(t.id for t in embodied if t.core)
        if eq.owner not in (US, SITE) and core:
            out.append(EquipmentWarning("partner_owner", eq.id, core, owner=eq.owner))
        if embodied and eq.disposal != DisposalPlan.RETURN and eq.disposal_witnessed is not True:
            out.append(EquipmentWarning("no_witness", eq.id, tuple(t.id for t in embodied)))
        if eq.maintenance == Maintenance.LOCAL_CONTRACTOR:
            out.append(EquipmentWarning("local_contractor", eq.id))
        if eq.category == EquipmentCategory.CUSTOM and eq.disposal in (DisposalPlan.SELL, DisposalPlan.RESET_AND_SELL):
            out.append(EquipmentWarning("custom_sold", eq.id, disposal=eq.disposal))
    return out
