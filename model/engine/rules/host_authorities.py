"""Rule: host authorities obtain technology through data demands, inspections, litigation, intelligence laws or seizure (ch1.1.3)."""

from __future__ import annotations

from model.engine.graph import AUTHORITY, node_of, party_node
from model.engine.rules.base import ChannelEvidence, Exposure, Fact, Msg, RuleContext
from model.format.spec import US, Technology
from model.format.vocab import DisputeResolution, ExportControl, LeakChannel

CHANNEL = LeakChannel.HOST_AUTHORITIES
REFS = ("ch1.1.3", "ch1.2.3", "ch1.2.4")
FACTS = ("sensitive_technology", "host_courts", "state_owned", "government_ties", "subsidy")


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    graph = ctx.graph
    in_host = ctx.once("host_authorities:in_host", graph.recipients_in_host_country)
    ev = ChannelEvidence(exposures=ctx.disclosure_exposures(tech, in_host))
    for eq in graph.equipment_embodying(tech.id):
        if eq.owner in in_host or eq.owner == US:
            ev.exposures.append(
                Exposure(
                    ctx.scoring.equipment_exposure[eq.category.value],
                    None,
                    Msg(
                        f"技術が化体した設備「{eq.name}」が相手国にある",
                        f"equipment '{eq.name}' embodying it sits in the host country",
                    ),
                )
            )
    if not ev.exposures:
        return None
    ev.facts.extend(ctx.country_facts(CHANNEL))
    if tech.export_control in (ExportControl.LIST_CONTROLLED, ExportControl.CATCH_ALL):
        ev.facts.append(
            Fact(
                "sensitive_technology",
                Msg("輸出管理の対象となる機微な技術", "an export-controlled, sensitive technology"),
            )
        )
    if ctx.spec.contract.dispute_resolution == DisputeResolution.COURTS_HOST:
        ev.facts.append(
            Fact(
                "host_courts",
                Msg(
                    "紛争は相手国の裁判所で解決（訴訟記録で開示されうる）",
                    "disputes go to host-country courts, where records may disclose it",
                ),
            )
        )
    for pid in sorted(r for r in ctx.recipients(tech) if r in graph.partners):
        ev.facts.extend(
            f for f in ctx.partner_facts(graph.partners[pid]) if f.id in ("state_owned", "government_ties", "subsidy")
        )
    first = next((r for r in ctx.recipients(tech) if r in in_host), "site")
    ev.path = [ctx.tech_node(tech), party_node(first), node_of(AUTHORITY, ctx.spec.project.host_country)]
    return ev
