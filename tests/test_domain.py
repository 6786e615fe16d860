"""One definition of each domain concept: our voting share and majority, a measure by its id, the score formula, the clauses a deal needs."""

from __future__ import annotations

import pytest

from model.api import assess, load_project, rank_mitigations
from model.engine.assess import clause_needed, finding_score, predicate_context
from model.engine.rules.base import RuleContext
from model.format.spec import US, Governance, Measure, ProjectSpec, Shareholding
from model.format.vocab import MeasureStatus

from .conftest import EXAMPLES, MINIMAL


def gov(*shares: tuple[str, float, bool]) -> Governance:
    return Governance(equity=[Shareholding(holder=h, percent=p, voting=v) for h, p, v in shares])


@pytest.mark.parametrize(
    ("shares", "share", "majority"),
    [
        ((), None, None),  # nothing recorded: unknown, never 0 or "no"
        (((US, 49, True), ("p", 51, True)), 49.0, False),
        (((US, 50, True), ("p", 50, True)), 50.0, False),  # exactly half is no majority
        (((US, 51, True), ("p", 49, True)), 51.0, True),
        (((US, 45, True), ("p", 30, False), ("q", 25, True)), 64.2857, True),  # non-voting shares carry no votes
        (((US, 60, False), ("p", 40, True)), 0.0, False),  # our equity without votes is no control
        (((US, 40, True),), 40.0, False),  # unrecorded equity is held by others
    ],
)
def test_voting_share_and_majority(shares, share, majority):
    g = gov(*shares)
    assert g.voting_share() == share
    assert g.holds_majority() is majority


JV = next(p for p in EXAMPLES if p.stem == "jv-china-battery")


@pytest.mark.parametrize(
    ("partner_voting", "fact", "status"),
    [
        (True, "minority_equity", "gap"),  # 45 : 55, both voting
        (False, None, "met"),  # the partner's 55 % carries no votes: ours are all the votes
    ],
)
def test_the_rule_and_the_checklist_read_the_same_majority(library, partner_voting, fact, status):
    spec = load_project(JV, library)
    spec.governance.equity = [
        Shareholding(holder=US, percent=45),
        Shareholding(holder="yuntan-material", percent=55, voting=partner_voting),
    ]
    a = assess(spec, library)
    facts = {x.id for f in a.findings if f.channel.value == "loss_of_control" for x, _ in f.facts}
    assert (fact in facts) if fact else not facts & {"minority_equity", "equal_equity"}
    item = next(r for r in a.checklist if r.id == "ch1.2.5.a")
    assert [e.status for e in item.evidence if e.source == "data:governance.equity"] == [status]


def test_measure_by_id_reads_sets_and_copies(library, write):
    spec = load_project(write(MINIMAL), library)
    assert spec.measure("operations.access_reviews") is None
    changed = spec.with_measure("operations.access_reviews", MeasureStatus.PLANNED)
    assert spec.measure("operations.access_reviews") is None  # the input is never changed
    assert changed.measure("operations.access_reviews").status == MeasureStatus.PLANNED
    changed.set_measure("disclosure.black_boxing.code_names", Measure(status=MeasureStatus.IN_PLACE, owner="法務部"))
    again = changed.with_measure("disclosure.black_boxing.code_names", MeasureStatus.PARTIAL)
    assert again.measure("disclosure.black_boxing.code_names") == Measure(status=MeasureStatus.PARTIAL, owner="法務部")
    for bad in ("operations", "operations.nope", "governance.equity", "nope.access_reviews"):
        with pytest.raises(KeyError):
            spec.measure(bad)


def test_every_catalogued_measure_is_reachable(library):
    spec = ProjectSpec.model_validate({"project": {"name": "x", "deal_type": "licence", "host_country": "US"}})
    for mid in library.measures:
        assert spec.with_measure(mid, MeasureStatus.IN_PLACE).measure(mid).status == MeasureStatus.IN_PLACE


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_findings_timeline_and_ranking_score_with_the_one_formula(path, library):
    a = assess(load_project(path, library), library)
    for f in a.findings:
        assert f.score == finding_score(f.exposure, f.threat, f.control_factor, f.impact)
    for m in rank_mitigations(a):
        assert m.new_score <= a.score and m.reduction == round(a.score - m.new_score, 1)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_assessment_keeps_the_clauses_the_deal_needs(path, library):
    a = assess(load_project(path, library), library)
    pctx = predicate_context(a.spec, RuleContext(a.spec, library, a.graph))
    assert a.conditions == pctx
    assert [c.id for c in a.needed_clauses] == [
        c.id for c in library.clauses.values() if clause_needed(c, a.spec, pctx)
    ]
    assert a.needed_clauses and all(a.needs_clause(c.id) for c in a.needed_clauses)
    assert not a.needs_clause("no-such-clause")
    for m in rank_mitigations(a):  # the ranking proposes only clauses the deal needs
        assert m.control.kind == "measure" or a.needs_clause(m.control.id)
