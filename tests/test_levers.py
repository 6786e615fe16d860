"""What-if levers in the engine: each returns a changed copy, never touches its input, and `ttplan compare` applies them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from model.api import assess, levers, load_project
from model.cli import app
from model.format.spec import US, Equipment, Shareholding
from model.format.vocab import ClauseStatus, DealType, DisclosureLevel, DisposalPlan, EquipmentCategory, MeasureStatus

from .conftest import EXAMPLES

JV = next(p for p in EXAMPLES if p.stem == "jv-china-battery")
CM = next(p for p in EXAMPLES if p.stem == "cm-vietnam-parts")


@pytest.fixture
def jv(library):
    return load_project(JV, library)


def equity(spec) -> dict[str, float]:
    return {s.holder: s.percent for s in spec.governance.equity}


def test_equity_up_takes_from_the_largest_partner_and_the_input_stays(jv):
    before = equity(jv)
    new = levers.with_our_equity(jv, 60)
    assert equity(new) == {US: 60, "yuntan-material": 40}
    assert equity(jv) == before


def test_equity_down_gives_to_the_largest_partner(jv):
    assert equity(levers.with_our_equity(jv, 30)) == {US: 30, "yuntan-material": 70}


def test_equity_that_cannot_be_reached_is_none(jv):
    jv.governance.equity = [Shareholding(holder=US, percent=100)]
    assert levers.with_our_equity(jv, 50) is None  # nobody to take our share
    jv.governance.equity = [Shareholding(holder=US, percent=10), Shareholding(holder="yuntan-material", percent=20)]
    assert levers.with_our_equity(jv, 60) is None  # the partner holds only 20


def test_our_shares_become_voting_ones(jv):
    jv.governance.equity = [
        Shareholding(holder=US, percent=49, voting=False),
        Shareholding(holder="yuntan-material", percent=51),
    ]
    new = levers.with_our_equity(jv, 51)
    assert new.governance.holds_majority()


def test_at_majority_is_51_and_none_when_we_already_hold_it(jv):
    new = levers.at_majority(jv)
    assert equity(new)[US] == levers.MAJORITY_TARGET == 51
    assert levers.at_majority(new) is None


def test_seats_stage_level_clause_measure_and_deal(jv):
    new = levers.with_our_seats(jv, 4)
    assert {b.holder: b.seats for b in new.governance.board}[US] == 4
    stage = next(i for i, s in enumerate(jv.disclosure.stages) if s.items)
    tech = jv.disclosure.stages[stage].items[0].technology
    assert all(i.technology != tech for i in levers.without_technology(jv, stage, tech).disclosure.stages[stage].items)
    low = levers.with_level(jv, stage, 0, DisclosureLevel.OVERVIEW)
    assert low.disclosure.stages[stage].items[0].level == DisclosureLevel.OVERVIEW
    old = jv.contract.clauses["jv-majority-equity"]
    present = levers.with_clause_present(jv, "jv-majority-equity").contract.clauses["jv-majority-equity"]
    assert present.status == ClauseStatus.PRESENT and present.draft_reference == old.draft_reference
    assert levers.with_clause_present(jv, "arbitration").contract.clauses["arbitration"].status == ClauseStatus.PRESENT
    placed = levers.with_measure_in_place(jv, "operations.access_reviews")
    assert placed.measure("operations.access_reviews").status == MeasureStatus.IN_PLACE
    assert levers.with_deal_type(jv, DealType.LICENCE).project.deal_type == DealType.LICENCE
    assert jv.contract.clauses["jv-majority-equity"].status == old.status  # the input is untouched


def test_equipment_warnings_name_kind_equipment_and_technologies(jv):
    core = next(t.id for t in jv.technologies if t.core)
    jv.equipment = [
        Equipment(
            id="press",
            name="プレス",
            category=EquipmentCategory.CUSTOM,
            embodies=[core],
            owner="yuntan-material",
            disposal=DisposalPlan.SELL,
            maintenance="local_contractor",
        ),
        Equipment(
            id="oven",
            name="炉",
            category=EquipmentCategory.GENERAL_AS_IS,
            embodies=[core],
            owner=US,
            disposal=DisposalPlan.RETURN,
        ),
    ]
    found = {(w.kind, w.equipment) for w in levers.equipment_warnings(jv)}
    assert found == {
        ("partner_owner", "press"),
        ("no_witness", "press"),
        ("local_contractor", "press"),
        ("custom_sold", "press"),
    }
    owner = next(w for w in levers.equipment_warnings(jv) if w.kind == "partner_owner")
    assert owner.technologies == (core,) and owner.owner == "yuntan-material"


def run(*args: str):
    return CliRunner().invoke(app, [*args, "--lang", "en"])


def test_compare_applies_levers_like_the_what_if_page(library, jv):
    result = run("compare", str(JV), "--equity", "51", "--measure", "operations.access_reviews", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = assess(
        levers.with_measure_in_place(levers.with_our_equity(jv, 51), "operations.access_reviews"), library
    )
    assert data["b"]["score"] == expected.score
    assert data["a"]["score"] == assess(jv, library).score
    assert {c["path"] for c in data["inputs"]} >= {"governance.equity[0].percent", "operations.access_reviews"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "second project file"),
        (("--clause", "no-such-clause"), "no clause 'no-such-clause'"),
        (("--measure", "operations.nope"), "no measure 'operations.nope'"),
        (("--deal", "merger"), "no deal type 'merger'"),
        (("--without", "nostage:x"), "STAGE:TECHNOLOGY"),
        (("--seats", "-1"), "--seats"),
    ],
)
def test_compare_refuses_bad_levers_in_words(args, words):
    result = run("compare", str(CM), *args)
    assert result.exit_code == 2
    assert words in result.output and "Traceback" not in result.output


def test_compare_refuses_equity_the_partners_cannot_give(tmp_path):
    result = run("compare", str(JV), "--equity", "100", "--seats", "1")
    assert result.exit_code == 0  # the partner gives up all 51 %
    lone = tmp_path / "lone.yaml"
    text = JV.read_text(encoding="utf-8").replace(
        "      percent: 49\n    - holder: yuntan-material\n      percent: 51\n", "      percent: 100\n"
    )
    assert "percent: 100" in text
    lone.write_text(text, encoding="utf-8")
    result = run("compare", str(lone), "--equity", "30")
    assert result.exit_code == 2 and "cannot be set to 30%" in result.output
