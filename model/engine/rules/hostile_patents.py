"""Rule: the partner or former staff file patents on our technology (ch1.5.2, ch1.3.3, ch1.4.3)."""

from __future__ import annotations

from model.engine.graph import party_node
from model.engine.rules.base import ChannelEvidence, Fact, Msg, RuleContext
from model.format.spec import Technology
from model.format.vocab import IpStrategy, LeakChannel

CHANNEL = LeakChannel.HOSTILE_PATENTS
REFS = ("ch1.5.2", "ch1.3.3", "ch1.4.3")
FACTS = ("not_patented", "partner_competes", "affiliate_competes", "subsidy")


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    ev = ChannelEvidence(
        exposures=[
            e for e in ctx.disclosure_exposures(tech) if e.value >= ctx.scoring.disclosure_levels["specification"] * 0.7
        ]
    )
    if not ev.exposures:
        return None
    if tech.ip_strategy in (IpStrategy.SECRET, IpStrategy.UNDECIDED, None):
        ev.facts.append(
            Fact(
                "not_patented",
                Msg("特許で権利化していない（他者が先に出願しうる）", "not patented by us, so others could file first"),
            )
        )
    for pid in ctx.recipients(tech):
        partner = ctx.graph.partners.get(pid)
        if partner:
            ev.facts.extend(
                f for f in ctx.partner_facts(partner) if f.id in ("partner_competes", "affiliate_competes", "subsidy")
            )
    ev.facts.extend(ctx.country_facts(CHANNEL))
    ev.path = [ctx.tech_node(tech), party_node(ctx.recipients(tech)[0])]
    return ev
