"""Rule: the partner passes technology to its affiliates, sublicensees or subcontractors (ch1.2.2, ch1.1.4)."""

from __future__ import annotations

from model.engine.graph import SITE, node_of
from model.engine.rules.base import ChannelEvidence, Fact, Msg, RuleContext
from model.format.spec import Partner, Technology
from model.format.vocab import LeakChannel, MeetsStandard

CHANNEL = LeakChannel.PARTNER_AFFILIATES
REFS = ("ch1.2.2", "ch1.1.4", "ch1.1.6")
FACTS = (
    "has_affiliates",
    "affiliate_competes",
    "affiliate_unchecked",
    "ownership_unknown",
    "state_owned",
    "government_ties",
    "dd_missing",
    "dd_below",
)


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    graph = ctx.graph
    recipients = ctx.recipients(tech)
    holders = [graph.partners[r] for r in recipients if r in graph.partners]
    if SITE in recipients:  # the JV partner stands behind the site
        holders += [p for p in ctx.jv_partners() if p not in holders]
    if not holders:
        return None
    ev = ChannelEvidence(exposures=ctx.disclosure_exposures(tech))
    if not ev.exposures:
        return None
    group_path: list[str] = []
    for holder in holders:
        facts, competitor = group_facts(ctx, holder)
        ev.facts.extend(facts)
        if competitor and not group_path:
            group_path = [node_of("partner", competitor)]
    ev.path = [ctx.tech_node(tech), node_of("partner", holders[0].id)] + group_path
    return ev


def group_facts(ctx: RuleContext, holder: Partner) -> tuple[list[Fact], str | None]:
    """What the holder's group adds to the threat (the same for every technology it holds), and a competing affiliate."""
    key = f"partner_affiliates:{holder.id}"
    if key in ctx.memo:
        return ctx.memo[key]
    facts: list[Fact] = []
    competitor = None
    affiliates = ctx.graph.affiliates_of(holder.id)
    if affiliates:
        facts.append(
            Fact(
                "has_affiliates",
                Msg(
                    f"{holder.name}には関係会社が{len(affiliates)}社ある",
                    f"{holder.name} has {len(affiliates)} affiliates",
                ),
            )
        )
    for affiliate in affiliates:
        if affiliate.competes_with_us:
            facts.append(
                Fact(
                    "affiliate_competes",
                    Msg(f"関係会社{affiliate.name}が当社と競合", f"affiliate {affiliate.name} competes with us"),
                )
            )
            competitor = competitor or affiliate.id
        if affiliate.due_diligence.meets_our_standard == MeetsStandard.BELOW or (
            affiliate.due_diligence.performed_on is None and affiliate.due_diligence.meets_our_standard is None
        ):
            facts.append(
                Fact(
                    "affiliate_unchecked",
                    Msg(
                        f"関係会社{affiliate.name}の情報管理が未確認または水準未満",
                        f"affiliate {affiliate.name} is unchecked or below our standard",
                    ),
                )
            )
    if holder.affiliates_compete and competitor is None:
        facts.append(
            Fact(
                "affiliate_competes",
                Msg(f"{holder.name}のグループに競合会社がある", f"{holder.name}'s group includes a competitor"),
            )
        )
    if holder.parent is None and holder.ultimate_owner is None:
        facts.append(
            Fact(
                "ownership_unknown",
                Msg(
                    f"{holder.name}の資本関係（親会社・最終的な支配者）が不明",
                    f"{holder.name}'s ownership chain is unknown",
                ),
            )
        )
    facts += [
        f for f in ctx.partner_facts(holder) if f.id in ("state_owned", "government_ties", "dd_below", "dd_missing")
    ]
    ctx.memo[key] = (facts, competitor)
    return facts, competitor
