"""Rule: local staff who learnt the know-how move to a competitor (ch1.1.5, ch1.3.3, ch1.4.1, ch2)."""

from __future__ import annotations

from model.engine.graph import COMPETITORS_NODE, SITE, node_of
from model.engine.rules.base import ChannelEvidence, Exposure, Fact, Msg, RuleContext
from model.format.spec import Technology
from model.format.vocab import DealType, LeakChannel, PeopleKind

CHANNEL = LeakChannel.LOCAL_STAFF_TURNOVER
REFS = ("ch1.1.5", "ch1.3.3", "ch1.4.1", "ch2.1.13")
FACTS = ("high_turnover", "turnover", "turnover_unknown", "no_post_employment_duty", "untrained")
LOCAL_KINDS = (PeopleKind.LOCAL_STAFF, PeopleKind.LOCAL_MANAGERS)
SITE_DEALS = (DealType.JOINT_VENTURE, DealType.SUBSIDIARY, DealType.OVERSEAS_RND)


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    spec = ctx.spec
    groups = [g for g in ctx.graph.people_with_access(tech.id) if g.kind in LOCAL_KINDS]
    ev = ChannelEvidence()
    for group in groups:
        ev.exposures.append(
            Exposure(
                ctx.scoring.access_exposure,
                None,
                Msg(
                    f"現地スタッフ（{group.name or group.id}、{group.headcount if group.headcount is not None else '人数不明'}名）がアクセスできる",
                    f"local staff ({group.name or group.id}, {group.headcount if group.headcount is not None else 'unknown'} people) can reach it",
                ),
            )
        )
    if spec.project.deal_type in SITE_DEALS:
        ev.exposures.extend(ctx.disclosure_exposures(tech, {SITE}))
    if not ev.exposures:
        return None
    turnover = [g.expected_annual_turnover_percent for g in groups if g.expected_annual_turnover_percent is not None]
    if turnover and max(turnover) >= 20:
        ev.facts.append(
            Fact(
                "high_turnover",
                Msg(f"想定離職率が年{max(turnover):g}%", f"expected turnover {max(turnover):g}% a year"),
            )
        )
    elif turnover and max(turnover) >= 10:
        ev.facts.append(
            Fact("turnover", Msg(f"想定離職率が年{max(turnover):g}%", f"expected turnover {max(turnover):g}% a year"))
        )
    elif not turnover:
        ev.facts.append(Fact("turnover_unknown", Msg("現地スタッフの離職率が不明", "local staff turnover is unknown")))
    if not groups or any(g.post_employment_confidentiality is not True for g in groups):
        ev.facts.append(
            Fact(
                "no_post_employment_duty",
                Msg(
                    "現地スタッフの退職後の守秘義務がない（または確認されていない）",
                    "no confirmed post-employment confidentiality for local staff",
                ),
            )
        )
    if any(g.trained is False or g.pledges_signed is False for g in groups):
        ev.facts.append(
            Fact(
                "untrained",
                Msg("研修・誓約を受けていない現地スタッフがいる", "some local staff are untrained or signed no pledge"),
            )
        )
    ev.facts.extend(ctx.country_facts(CHANNEL))
    ev.path = [ctx.tech_node(tech), SITE] + [node_of("people", g.id) for g in groups[:1]] + [COMPETITORS_NODE]
    return ev
