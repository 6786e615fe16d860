"""Rule: equipment or media embodying core technology stay behind at exit and are resold or analysed (ch1.4.2, ch1.2.4)."""

from __future__ import annotations

from model.engine.graph import COMPETITORS_NODE, node_of, party_node
from model.engine.rules.base import ChannelEvidence, Exposure, Fact, Msg, RuleContext, threat, weighed_facts
from model.format.spec import US, Equipment, Technology
from model.format.vocab import DisposalPlan, EquipmentCategory, LeakChannel

CHANNEL = LeakChannel.EQUIPMENT_AT_EXIT
REFS = ("ch1.4.2", "ch1.2.4", "ch1.3.4")
FACTS = (
    "disposal_undecided",
    "disposal_sell",
    "reset_insufficient",
    "not_witnessed",
    "contractor_unvetted",
    "partner_owns_equipment",
)
MEDIA_METHODS = {"paper", "electronic_copy"}


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    """The worst thing left behind: each item of equipment with its own disposal facts, or the media handed over.

    One item's exposure is never combined with another item's facts: a custom line destroyed under witness next
    to a tuned press sold as is is judged as the press (or the line, whichever scores higher), not as a custom
    line sold as is.
    """
    candidates = [
        _equipment_evidence(ctx, tech, eq)
        for eq in ctx.graph.equipment_embodying(tech.id)
        if eq.category != EquipmentCategory.GENERAL_AS_IS
    ]
    media = ctx.disclosure_exposures(tech, methods=MEDIA_METHODS)
    if media:
        scale = ctx.scoring.media_exposure_factor
        candidates.append(
            ChannelEvidence(
                exposures=[
                    Exposure(e.value * scale, e.stage, Msg("媒体: " + e.text.ja, "media: " + e.text.en)) for e in media
                ],
                path=[ctx.tech_node(tech), COMPETITORS_NODE],
            )
        )
    if not candidates:
        return None
    return max(candidates, key=lambda ev: _likelihood(ctx, ev))


def _likelihood(ctx: RuleContext, ev: ChannelEvidence) -> float:
    """Exposure × threat of one candidate, as the engine will score it (controls are the same for all)."""
    return max(e.value for e in ev.exposures) * threat(
        weighed_facts(ev.facts, CHANNEL, ctx.scoring), CHANNEL, ctx.scoring
    )


def _equipment_evidence(ctx: RuleContext, tech: Technology, eq: Equipment) -> ChannelEvidence:
    ev = ChannelEvidence(
        exposures=[
            Exposure(
                ctx.scoring.equipment_exposure[eq.category.value],
                None,
                Msg(
                    f"設備「{eq.name}」（{eq.category.label_ja}）に技術が化体している",
                    f"equipment '{eq.name}' ({eq.category.label_en}) embodies it",
                ),
            )
        ],
        path=[ctx.tech_node(tech), node_of("equipment", eq.id), party_node(eq.owner), COMPETITORS_NODE],
    )
    if eq.disposal in (None, DisposalPlan.UNDECIDED):
        ev.facts.append(
            Fact("disposal_undecided", Msg(f"「{eq.name}」の処分方法が未定", f"no disposal plan for '{eq.name}'"))
        )
    elif eq.disposal == DisposalPlan.SELL:
        ev.facts.append(
            Fact("disposal_sell", Msg(f"「{eq.name}」をそのまま売却する計画", f"'{eq.name}' is to be sold as is"))
        )
    elif eq.disposal == DisposalPlan.RESET_AND_SELL and eq.category == EquipmentCategory.CUSTOM:
        ev.facts.append(
            Fact(
                "reset_insufficient",
                Msg(
                    f"専用設備「{eq.name}」を初期化して売却する計画（初期化では技術が残る）",
                    f"custom equipment '{eq.name}' is to be reset and sold; a reset leaves the design",
                ),
            )
        )
    if eq.disposal not in (DisposalPlan.SELL,) and eq.disposal_witnessed is not True:
        ev.facts.append(
            Fact(
                "not_witnessed",
                Msg(
                    f"「{eq.name}」の処分に立ち会わない（または未定）",
                    f"no witness planned for disposing of '{eq.name}'",
                ),
            )
        )
    if eq.disposal_contractor_vetted is not True and eq.disposal in (
        DisposalPlan.DESTROY,
        DisposalPlan.RESET_AND_SELL,
    ):
        ev.facts.append(
            Fact(
                "contractor_unvetted",
                Msg(
                    f"「{eq.name}」の処分業者を審査していない",
                    f"the disposal contractor for '{eq.name}' is not vetted",
                ),
            )
        )
    if eq.owner != US and eq.owner != "site":
        ev.facts.append(
            Fact(
                "partner_owns_equipment",
                Msg(
                    f"「{eq.name}」は取引先の所有で、処分を当社が決められない",
                    f"'{eq.name}' belongs to the partner, so we cannot decide its disposal",
                ),
            )
        )
    return ev
