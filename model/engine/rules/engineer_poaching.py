"""Rule: our engineers dispatched to the site are hired away by the partner or competitors (ch1.2.2, ch1.2.5)."""

from __future__ import annotations

from model.engine.graph import SITE, node_of
from model.engine.rules.base import ChannelEvidence, Exposure, Msg, RuleContext
from model.format.spec import US, Technology
from model.format.vocab import LeakChannel, PeopleKind

CHANNEL = LeakChannel.ENGINEER_POACHING
REFS = ("ch1.2.2", "ch1.2.5")
FACTS = ("partner_competes", "affiliate_competes")


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    groups = [
        g
        for g in ctx.graph.people_with_access(tech.id)
        if g.kind == PeopleKind.DISPATCHED_ENGINEERS and g.employer == US
    ]
    ev = ChannelEvidence()
    for group in groups:
        ev.exposures.append(
            Exposure(
                ctx.scoring.access_exposure,
                None,
                Msg(
                    f"当社の派遣技術者（{group.name or group.id}、{group.headcount if group.headcount is not None else '人数不明'}名）がこの技術を持って現地にいる",
                    f"our dispatched engineers ({group.name or group.id}, {group.headcount if group.headcount is not None else 'unknown'}) carry it on site",
                ),
            )
        )
    ev.exposures += ctx.disclosure_exposures(tech, methods={"on_site_training"})
    if not ev.exposures:
        return None
    for pid in ctx.recipients(tech):
        partner = ctx.graph.partners.get(pid)
        if partner:
            ev.facts.extend(f for f in ctx.partner_facts(partner) if f.id in ("partner_competes", "affiliate_competes"))
    if SITE in ctx.recipients(tech):
        for partner in ctx.jv_partners():
            ev.facts.extend(f for f in ctx.partner_facts(partner) if f.id in ("partner_competes", "affiliate_competes"))
    ev.facts.extend(ctx.country_facts(CHANNEL))
    ev.path = [ctx.tech_node(tech)] + [node_of("people", g.id) for g in groups[:1]] + [SITE]
    return ev
