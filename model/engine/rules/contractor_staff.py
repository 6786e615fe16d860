"""Rule: staff of a contract manufacturer, licensee or contractor take information out (ch1.1.6, ch1.2.2)."""

from __future__ import annotations

from model.engine.graph import COMPETITORS_NODE, node_of, party_node
from model.engine.rules.base import PARTNER_FACTS, ChannelEvidence, Exposure, Fact, Msg, RuleContext
from model.format.spec import Technology
from model.format.vocab import LeakChannel, PartnerRole, PeopleKind

CHANNEL = LeakChannel.CONTRACTOR_STAFF
REFS = ("ch1.1.6", "ch1.2.2", "ch1.3.3")
FACTS = ("high_turnover", "no_post_employment_duty", *PARTNER_FACTS)
STAFF_KINDS = (PeopleKind.PARTNER_STAFF, PeopleKind.CONTRACTOR_STAFF)
STAFFED_ROLES = (
    PartnerRole.CONTRACT_MANUFACTURER,
    PartnerRole.LICENSEE,
    PartnerRole.SUPPLIER,
    PartnerRole.AFFILIATE,
    PartnerRole.OTHER,
)


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    graph = ctx.graph
    groups = [g for g in graph.people_with_access(tech.id) if g.kind in STAFF_KINDS]
    staffed = ctx.once("contractor_staff:staffed", lambda: {p.id for p in ctx.spec.partners if p.role in STAFFED_ROLES})
    ev = ChannelEvidence(exposures=ctx.disclosure_exposures(tech, staffed))
    for group in groups:
        ev.exposures.append(
            Exposure(
                ctx.scoring.access_exposure,
                None,
                Msg(
                    f"{group.name or group.id}（{group.headcount if group.headcount is not None else '人数不明'}名）がアクセスできる",
                    f"{group.name or group.id} ({group.headcount if group.headcount is not None else 'unknown'} people) can reach it",
                ),
            )
        )
    if not ev.exposures:
        return None
    employers = {g.employer for g in groups} | {r for r in ctx.recipients(tech) if r in staffed}
    for pid in sorted(employers):
        if pid in graph.partners:
            ev.facts.extend(ctx.partner_facts(graph.partners[pid]))
    turnover = [g.expected_annual_turnover_percent for g in groups if g.expected_annual_turnover_percent is not None]
    if turnover and max(turnover) >= 20:
        ev.facts.append(
            Fact(
                "high_turnover",
                Msg(
                    f"委託先スタッフの想定離職率が年{max(turnover):g}%",
                    f"contractor staff turnover {max(turnover):g}% a year",
                ),
            )
        )
    if any(g.post_employment_confidentiality is not True for g in groups):
        ev.facts.append(
            Fact(
                "no_post_employment_duty",
                Msg(
                    "委託先スタッフに退職後の守秘義務がない（または不明）",
                    "no confirmed post-employment confidentiality for contractor staff",
                ),
            )
        )
    ev.facts.extend(ctx.country_facts(CHANNEL))
    first = sorted(employers)[0] if employers else None
    ev.path = (
        [ctx.tech_node(tech)]
        + ([party_node(first)] if first else [])
        + [node_of("people", g.id) for g in groups[:1]]
        + [COMPETITORS_NODE]
    )
    return ev
