"""Rule: control of the JV is lost through equity, the board, golden or latent shares (ch1.2.5)."""

from __future__ import annotations

from model.engine.graph import SITE, node_of
from model.engine.rules.base import ChannelEvidence, Fact, Msg, RuleContext
from model.format.spec import MAJORITY_ABOVE, US, Technology
from model.format.vocab import DealType, LeakChannel

CHANNEL = LeakChannel.LOSS_OF_CONTROL
REFS = ("ch1.2.5",)
FACTS = (
    "equity_unknown",
    "minority_equity",
    "equal_equity",
    "golden_share",
    "latent_shares",
    "shares_transferable",
    "board_unknown",
    "board_minority",
    "board_equal",
    "no_special_resolution",
)


def evaluate(ctx: RuleContext, tech: Technology) -> ChannelEvidence | None:
    spec = ctx.spec
    if spec.project.deal_type != DealType.JOINT_VENTURE:
        return None
    ev = ChannelEvidence(exposures=ctx.disclosure_exposures(tech, {SITE}))
    if not ev.exposures:
        return None
    gov = spec.governance
    ours = gov.voting_share()
    if ours is None:
        ev.facts.append(Fact("equity_unknown", Msg("出資比率が未定・不明", "the equity split is not known")))
    elif ours < MAJORITY_ABOVE:
        ev.facts.append(
            Fact(
                "minority_equity",
                Msg(f"当社の議決権は{ours:g}%で過半数に満たない", f"we hold {ours:g}% of the votes, less than half"),
            )
        )
    elif not gov.holds_majority():
        ev.facts.append(
            Fact(
                "equal_equity",
                Msg(f"当社の議決権は{ours:g}%で、過半数ではない", f"we hold {ours:g}% of the votes, not a majority"),
            )
        )
    if gov.partner_golden_share:
        ev.facts.append(Fact("golden_share", Msg("相手方が黄金株を持つ", "the partner holds a golden share")))
    if gov.partner_latent_shares:
        ev.facts.append(
            Fact(
                "latent_shares",
                Msg(
                    "相手方が潜在株（新株予約権・転換社債など）を持つ",
                    "the partner holds latent shares (options, convertibles)",
                ),
            )
        )
    if gov.transfer_restricted_shares is not True:
        ev.facts.append(
            Fact(
                "shares_transferable",
                Msg("株式の譲渡制限がない（または不明）", "shares are not transfer-restricted (or it is unknown)"),
            )
        )
    seats = ctx.graph.board_seats()
    our_seats = seats.get(US, 0)
    others = sum(v for k, v in seats.items() if k != US)
    if not seats:
        ev.facts.append(Fact("board_unknown", Msg("取締役会の構成が不明", "the board composition is not known")))
    elif our_seats < others:
        ev.facts.append(
            Fact(
                "board_minority",
                Msg(
                    f"当社の取締役は{our_seats}名で相手方（{others}名）より少ない",
                    f"we appoint {our_seats} directors, fewer than the other side's {others}",
                ),
            )
        )
    elif our_seats == others:
        ev.facts.append(
            Fact(
                "board_equal",
                Msg("取締役の人数が相手方と同数", "we appoint as many directors as the other side, no more"),
            )
        )
    # Without a majority of the votes (or when it is not known) only a special resolution for electing directors
    # keeps the partner from filling the board.
    if (not gov.holds_majority() or our_seats <= others) and gov.director_election_special_resolution is not True:
        ev.facts.append(
            Fact(
                "no_special_resolution",
                Msg("役員選任が特別決議事項になっていない", "director elections do not need a special resolution"),
            )
        )
    ev.facts.extend(ctx.country_facts(CHANNEL))
    partners = ctx.jv_partners()
    ev.path = [ctx.tech_node(tech), SITE] + [node_of("partner", p.id) for p in partners[:1]]
    return ev
