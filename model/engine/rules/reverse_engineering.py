"""Rule: technology is read out of supplied parts, samples, moulds, software or equipment (ch1.2.2, ch1.3.2)."""

from __future__ import annotations

from model.engine.graph import COMPETITORS_NODE, node_of, party_node
from model.engine.rules.base import ChannelEvidence, Exposure, Fact, Msg, RuleContext
from model.format.spec import US, Technology
from model.format.vocab import LeakChannel, TechForm

CHANNEL = LeakChannel.REVERSE_ENGINEERING
REFS = ("ch1.2.2", "ch1.3.2", "ch1.4.2")
FACTS = ("readable_form", "partner_competes", "affiliate_competes", "state_owned", "dd_missing", "dd_below")
READABLE_FORMS = {TechForm.PARTS_SAMPLES, TechForm.MOULDS, TechForm.CUSTOM_EQUIPMENT, TechForm.SOFTWARE}


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    ev = ChannelEvidence(exposures=ctx.disclosure_exposures(tech, methods={"physical_delivery"}))
    if READABLE_FORMS & set(tech.forms):
        # Software and physical forms travel with electronic copies and deliveries of any level.
        ev.exposures += (
            ctx.disclosure_exposures(tech, methods={"electronic_copy"}) if TechForm.SOFTWARE in tech.forms else []
        )
    for eq in ctx.graph.equipment_embodying(tech.id):
        if eq.owner != US or eq.location:
            ev.exposures.append(
                Exposure(
                    ctx.scoring.equipment_exposure[eq.category.value],
                    None,
                    Msg(
                        f"設備「{eq.name}」（{eq.category.label_ja}）に技術が化体している",
                        f"equipment '{eq.name}' ({eq.category.label_en}) embodies it",
                    ),
                )
            )
    if not ev.exposures:
        return None
    readable = sorted(f.label_ja for f in READABLE_FORMS & set(tech.forms))
    if readable:
        ev.facts.append(
            Fact(
                "readable_form",
                Msg(
                    f"解析されやすい形態（{'・'.join(readable)}）で存在する",
                    "exists in forms that can be analysed (parts, moulds, equipment, software)",
                ),
            )
        )
    recipients = [r for r in ctx.recipients(tech) if r in ctx.graph.partners]
    for pid in recipients:
        partner = ctx.graph.partners[pid]
        ev.facts.extend(
            f
            for f in ctx.partner_facts(partner)
            if f.id in ("partner_competes", "affiliate_competes", "state_owned", "dd_below", "dd_missing")
        )
    ev.facts.extend(ctx.country_facts(CHANNEL))
    holder = recipients[0] if recipients else None
    eq_nodes = [node_of("equipment", e.id) for e in ctx.graph.equipment_embodying(tech.id)[:1]]
    ev.path = [ctx.tech_node(tech)] + ([party_node(holder)] if holder else eq_nodes) + [COMPETITORS_NODE]
    return ev
