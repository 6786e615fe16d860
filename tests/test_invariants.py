"""The invariants of PRODUCT.md §4, under hypothesis: controls never raise risk, disclosure never lowers it, more
equity or seats never raise governance risk, removing a technology never raises project risk, scores bounded and deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.api import load_project
from model.engine.assess import assess
from model.format.spec import US, ClauseEntry, DisclosureItem, DisclosureStage, Measure, ProjectSpec, measure_ids
from model.format.vocab import ClauseStatus, DisclosureLevel, DisclosureMethod, LeakChannel, MeasureStatus

from .conftest import EXAMPLES

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
GOVERNANCE = {LeakChannel.LOSS_OF_CONTROL, LeakChannel.PARTNER_DIRECTORS}


def specs(library) -> list[ProjectSpec]:
    return [load_project(p, library) for p in EXAMPLES]


def scores(spec, library) -> tuple[float, dict[str, float]]:
    a = assess(spec, library)
    return a.score, {f.id: f.score for f in a.findings}


def set_measure(spec: ProjectSpec, measure_id: str, status: MeasureStatus) -> None:
    spec.set_measure(measure_id, Measure(status=status))


@SETTINGS
@given(data=st.data())
def test_adding_a_control_never_raises_any_risk(library, data):
    spec = data.draw(st.sampled_from(specs(library))).model_copy(deep=True)
    before_total, before = scores(spec, library)
    if data.draw(st.booleans()):
        clause = data.draw(st.sampled_from(sorted(library.clauses)))
        strength = data.draw(st.sampled_from([ClauseStatus.PRESENT, ClauseStatus.PARTIAL]))
        current = spec.contract.clauses.get(clause)
        if current is not None and current.status == ClauseStatus.PRESENT:
            return
        spec.contract.clauses[clause] = ClauseEntry(
            status=strength if current is None or strength == ClauseStatus.PRESENT else current.status
        )
    else:
        set_measure(spec, data.draw(st.sampled_from(measure_ids())), MeasureStatus.IN_PLACE)
    after_total, after = scores(spec, library)
    assert after_total <= before_total
    assert set(after) == set(before)
    assert all(after[k] <= before[k] for k in before)


@SETTINGS
@given(data=st.data())
def test_disclosing_more_never_lowers_risk(library, data):
    spec = data.draw(st.sampled_from(specs(library))).model_copy(deep=True)
    before_total, before = scores(spec, library)
    recipients = ["site"] + [p.id for p in spec.partners]
    item = DisclosureItem(
        technology=data.draw(st.sampled_from([t.id for t in spec.technologies])),
        level=data.draw(st.sampled_from(list(DisclosureLevel))),
        recipient=data.draw(st.sampled_from(recipients)),
        method=data.draw(st.sampled_from(list(DisclosureMethod))),
    )
    stages = spec.disclosure.stages
    if stages and data.draw(st.booleans()):
        stages[data.draw(st.integers(0, len(stages) - 1))].items.append(item)
    else:
        stages.append(DisclosureStage(id="extra-stage", name="追加", items=[item]))
    after_total, after = scores(spec, library)
    assert after_total >= before_total
    assert all(after.get(k, 0) >= v for k, v in before.items())


@SETTINGS
@given(data=st.data())
def test_more_equity_or_board_seats_never_raises_governance_risk(library, data):
    jv = [s for s in specs(library) if s.governance.equity]
    spec = data.draw(st.sampled_from(jv)).model_copy(deep=True)
    _, before = scores(spec, library)
    if data.draw(st.booleans()):
        ours = next(s for s in spec.governance.equity if s.holder == US)
        other = next(s for s in spec.governance.equity if s.holder != US)
        step = data.draw(st.floats(0.5, other.percent))
        ours.percent, other.percent = ours.percent + step, other.percent - step
    else:
        seats = next(s for s in spec.governance.board if s.holder == US)
        seats.seats += data.draw(st.integers(1, 3))
    _, after = scores(spec, library)
    for fid, score in after.items():
        if fid.split("@")[0] in GOVERNANCE:
            assert score <= before[fid]


@SETTINGS
@given(data=st.data())
def test_removing_a_technology_never_raises_project_risk(library, data):
    spec = data.draw(st.sampled_from(specs(library))).model_copy(deep=True)
    before_total, _ = scores(spec, library)
    victim = data.draw(st.sampled_from([t.id for t in spec.technologies]))
    spec.technologies = [t for t in spec.technologies if t.id != victim]
    for stage in spec.disclosure.stages:
        stage.items = [i for i in stage.items if i.technology != victim]
    for group in spec.people:
        group.access = [t for t in group.access if t != victim]
    for eq in spec.equipment:
        eq.embodies = [t for t in eq.embodies if t != victim]
    after_total, _ = scores(spec, library)
    assert after_total <= before_total


def test_scores_are_bounded_and_deterministic(library):
    for spec in specs(library):
        a, b = assess(spec, library), assess(spec, library)
        assert 0 <= a.score <= 100
        assert all(0 <= f.score <= 100 and 0 <= f.likelihood <= 1 and 0 <= f.impact <= 1 for f in a.findings)
        assert [(f.id, f.score) for f in a.findings] == [(f.id, f.score) for f in b.findings]
        assert [(r.id, r.status) for r in a.checklist] == [(r.id, r.status) for r in b.checklist]
