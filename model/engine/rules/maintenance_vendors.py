"""Rule: third parties who service the equipment learn what is built into it (ch1.3.4)."""

from __future__ import annotations

from model.engine.graph import COMPETITORS_NODE, node_of
from model.engine.rules.base import ChannelEvidence, Exposure, Fact, Msg, RuleContext
from model.format.spec import Technology
from model.format.vocab import EquipmentCategory, LeakChannel, Maintenance

CHANNEL = LeakChannel.MAINTENANCE_VENDORS
REFS = ("ch1.3.4",)
FACTS = ("local_contractor", "maintenance_unknown", "maker_visible", "partner_competes", "dd_missing", "dd_below")


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    ev = ChannelEvidence()
    serviced = [
        e
        for e in ctx.graph.equipment_embodying(tech.id)
        if e.category != EquipmentCategory.GENERAL_AS_IS and e.maintenance != Maintenance.OUR_ENGINEERS
    ]
    for eq in serviced:
        who = eq.maintenance.label_ja if eq.maintenance else "不明"
        ev.exposures.append(
            Exposure(
                ctx.scoring.equipment_exposure[eq.category.value],
                None,
                Msg(
                    f"設備「{eq.name}」の保守は{who}",
                    f"equipment '{eq.name}' is serviced by "
                    f"{eq.maintenance.label_en.lower() if eq.maintenance else 'someone not yet known'}",
                ),
            )
        )
    if not ev.exposures:
        return None
    for eq in serviced:
        if eq.maintenance == Maintenance.LOCAL_CONTRACTOR:
            ev.facts.append(
                Fact(
                    "local_contractor",
                    Msg(f"「{eq.name}」を現地業者が保守", f"a local contractor services '{eq.name}'"),
                )
            )
            contractor = ctx.graph.partners.get(eq.maintenance_contractor or "")
            if contractor:
                ev.facts.extend(
                    f for f in ctx.partner_facts(contractor) if f.id in ("partner_competes", "dd_below", "dd_missing")
                )
        elif eq.maintenance is None:
            ev.facts.append(
                Fact(
                    "maintenance_unknown",
                    Msg(f"「{eq.name}」の保守体制が未定", f"who services '{eq.name}' is not decided"),
                )
            )
        if eq.maker_name_hidden is not True:
            ev.facts.append(
                Fact(
                    "maker_visible",
                    Msg(f"「{eq.name}」の設備メーカー名を秘匿していない", f"the maker of '{eq.name}' is not hidden"),
                )
            )
    contractor_id = next((e.maintenance_contractor for e in serviced if e.maintenance_contractor), None)
    ev.path = (
        [ctx.tech_node(tech), node_of("equipment", serviced[0].id)]
        + ([node_of("partner", contractor_id)] if contractor_id else [])
        + [COMPETITORS_NODE]
    )
    return ev
