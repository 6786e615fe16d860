"""Rule: directors appointed by the JV partner reach the JV's technical information and take it out (ch1.2.5)."""

from __future__ import annotations

from model.engine.graph import SITE, node_of
from model.engine.rules.base import PARTNER_FACTS, ChannelEvidence, Exposure, Fact, Msg, RuleContext
from model.format.spec import US, Technology
from model.format.vocab import DealType, LeakChannel, PeopleKind

CHANNEL = LeakChannel.PARTNER_DIRECTORS
REFS = ("ch1.2.5", "ch1.2.2")
FACTS = ("partner_board_weight", "directors_unbound", *PARTNER_FACTS)


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    spec = ctx.spec
    if spec.project.deal_type != DealType.JOINT_VENTURE:
        return None
    directors = ctx.once(
        "partner_directors:groups", lambda: [g for g in spec.people if g.kind == PeopleKind.PARTNER_DIRECTORS]
    )
    partner_seats = sum(s.seats for s in spec.governance.board if s.holder != US)
    if not directors and spec.governance.board and partner_seats == 0:
        return None
    ev = ChannelEvidence(exposures=ctx.disclosure_exposures(tech, {SITE}))
    for group in directors:
        if tech.id in group.access:
            ev.exposures.append(
                Exposure(
                    ctx.scoring.access_exposure,
                    None,
                    Msg(
                        f"相手方指名の役員（{group.name or group.id}）がこの技術にアクセスできる",
                        f"partner-appointed directors ({group.name or group.id}) can reach this technology",
                    ),
                )
            )
    if not ev.exposures:
        return None
    our_seats = sum(s.seats for s in spec.governance.board if s.holder == US)
    if spec.governance.board and partner_seats >= our_seats:
        ev.facts.append(
            Fact(
                "partner_board_weight",
                Msg(
                    f"相手方の取締役が{partner_seats}名で、当社（{our_seats}名）以上",
                    f"the partner has {partner_seats} directors, at least as many as our {our_seats}",
                ),
            )
        )
    for group in directors:
        if group.post_employment_confidentiality is not True or group.pledges_signed is not True:
            ev.facts.append(
                Fact(
                    "directors_unbound",
                    Msg(
                        "相手方指名の役員に個別の秘密保持誓約・退任後の守秘義務がない（または不明）",
                        "partner-appointed directors have no individual confidentiality undertaking (or it is unknown)",
                    ),
                )
            )
            break
    jv_partners = ctx.jv_partners()
    for partner in jv_partners:
        ev.facts.extend(ctx.partner_facts(partner))
    ev.facts.extend(ctx.country_facts(CHANNEL))
    ev.path = (
        [ctx.tech_node(tech), SITE]
        + [node_of("people", g.id) for g in directors[:1]]
        + [node_of("partner", p.id) for p in jv_partners[:1]]
    )
    return ev
