"""loss_of_control: a JV minority, partner board majority, golden or latent shares raise it; a majority lowers it."""

from model.engine.rules import loss_of_control as rule

from .conftest import PARTNER, disclose, fact_ids, project


def governance(ours, seats_ours, seats_theirs, **extra):
    return {
        "equity": [{"holder": "us", "percent": ours}, {"holder": "p", "percent": 100 - ours}],
        "board": [{"holder": "us", "seats": seats_ours}, {"holder": "p", "seats": seats_theirs}],
        **extra,
    }


def test_fires_for_minority_jv_with_latent_shares(run):
    spec = project(
        partners=[PARTNER],
        disclosure={"stages": [disclose()]},
        governance=governance(49, 2, 3, partner_latent_shares=True),
    )
    ev = run(rule, spec)
    assert ev is not None
    assert {"minority_equity", "board_minority", "latent_shares", "no_special_resolution"} <= fact_ids(ev)


def test_majority_with_protections_raises_nothing_about_equity_or_board(run):
    spec = project(
        partners=[PARTNER],
        disclosure={"stages": [disclose()]},
        governance=governance(
            60, 3, 2, transfer_restricted_shares=True, partner_golden_share=False, partner_latent_shares=False
        ),
    )
    ev = run(rule, spec)
    assert ev is not None
    assert not fact_ids(ev) & {
        "minority_equity",
        "equal_equity",
        "board_minority",
        "board_equal",
        "golden_share",
        "latent_shares",
        "shares_transferable",
        "no_special_resolution",
    }


def test_silent_outside_a_jv(run):
    spec = project(project={"deal_type": "subsidiary"}, disclosure={"stages": [disclose()]})
    assert run(rule, spec) is None


def test_unknown_equity_is_not_a_majority(run):
    # No equity recorded: our share of the votes is unknown, so the board needs the special resolution.
    spec = project(
        partners=[PARTNER],
        disclosure={"stages": [disclose()]},
        governance={"board": [{"holder": "us", "seats": 3}, {"holder": "p", "seats": 2}]},
    )
    ev = run(rule, spec)
    assert {"equity_unknown", "no_special_resolution"} <= fact_ids(ev)
    assert not fact_ids(ev) & {"minority_equity", "equal_equity"}


def test_non_voting_partner_equity_leaves_us_the_majority_of_votes(run):
    gov = governance(45, 3, 2, director_election_special_resolution=True)
    gov["equity"][1]["voting"] = False
    ev = run(rule, project(partners=[PARTNER], disclosure={"stages": [disclose()]}, governance=gov))
    assert not fact_ids(ev) & {"minority_equity", "equal_equity", "no_special_resolution"}
