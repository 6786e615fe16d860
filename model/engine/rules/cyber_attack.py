"""Rule: technical data held in local IT is stolen in a cyber attack (ch1.3.3; case ④ of chapter 1)."""

from __future__ import annotations

from model.engine.graph import party_node
from model.engine.rules.base import ChannelEvidence, Fact, Msg, RuleContext
from model.format.spec import Technology
from model.format.vocab import DueDiligenceResult, LeakChannel

CHANNEL = LeakChannel.CYBER_ATTACK
REFS = ("ch1.3.3",)
FACTS = ("weak_it_controls", "files_handed_over")
DIGITAL = {"electronic_copy", "view_only_cloud"}


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    ev = ChannelEvidence(exposures=ctx.disclosure_exposures(tech, methods=DIGITAL))
    if not ev.exposures:
        return None
    for pid in ctx.recipients(tech):
        partner = ctx.graph.partners.get(pid)
        if partner and partner.due_diligence.physical_technical_controls in (
            DueDiligenceResult.WEAK,
            DueDiligenceResult.ABSENT,
        ):
            ev.facts.append(
                Fact(
                    "weak_it_controls",
                    Msg(
                        f"{partner.name}の技術的な情報管理（アクセス制御など）が弱い",
                        f"{partner.name}'s technical controls (access control etc.) are weak",
                    ),
                )
            )
    if any(d.method == "electronic_copy" for d in ctx.graph.disclosures_of(tech.id)):
        ev.facts.append(
            Fact("files_handed_over", Msg("ファイルそのものを引き渡している", "files themselves are handed over"))
        )
    ev.facts.extend(ctx.country_facts(CHANNEL))
    ev.path = [ctx.tech_node(tech), party_node(ctx.recipients(tech)[0])]
    return ev
