"""What counts as a channel's control: only what the deal needs can be missing; what it marks not applicable is out."""

from __future__ import annotations

import pytest

from model.api import assess, load_project, rank_mitigations
from model.engine.assess import Control, coverage
from model.engine.rules.base import Msg
from model.format.spec import ClauseEntry, Measure
from model.format.vocab import ClauseStatus, MeasureStatus

from .conftest import EXAMPLES

LICENCE = next(p for p in EXAMPLES if p.stem == "licence-us-coating")


def control(effect: float, strength: float, needed: bool = True) -> Control:
    return Control("clause", f"c{effect}{strength}{needed}", Msg("", ""), "contract", effect, None, strength, needed)


def test_coverage_counts_needed_controls_as_possible_and_everything_in_place_as_achieved():
    assert coverage([control(1, 1), control(1, 0)]) == 0.5
    assert coverage([control(1, 1), control(1, 0), control(1, 0, needed=False)]) == 0.5  # no dilution
    assert coverage([control(1, 0.5), control(1, 0), control(1, 1, needed=False)]) == 0.75  # a bonus still helps
    assert coverage([control(1, 1), control(1, 1, needed=False)]) == 1.0  # capped
    assert coverage([control(1, 1, needed=False)]) == 1.0  # nothing needed, something in place
    assert coverage([]) == 0.0


@pytest.fixture
def licence(library):
    return load_project(LICENCE, library)


def channel_controls_of(a, channel: str) -> dict[str, Control]:
    f = next(f for f in a.findings if f.channel.value == channel)
    return {c.id: c for c in f.controls}


def test_a_clause_the_deal_does_not_need_neither_dilutes_nor_is_proposed(library, licence):
    a = assess(licence, library)
    assert not a.needs_clause("escrow-controlled-delivery")  # its condition is false for this licence
    for f in a.findings:
        assert "escrow-controlled-delivery" not in {c.id for c in f.controls}
        assert all(c.needed for c in f.mitigations)
    assert all(m.control.needed for m in rank_mitigations(a))
    # Recorded as present anyway, it still lowers the risk (and a partial one too), never raises it.
    licence.contract.clauses["escrow-controlled-delivery"] = ClauseEntry(status=ClauseStatus.PRESENT)
    with_it = assess(licence, library)
    assert with_it.score <= a.score
    assert any(not c.needed and c.id == "escrow-controlled-delivery" for f in with_it.findings for c in f.lowering)


def test_a_measure_marked_not_applicable_leaves_the_channel_and_the_ranking(library, licence):
    mid = "operations.access_reviews"
    licence.set_measure(mid, Measure(status=MeasureStatus.ABSENT))
    absent = assess(licence, library)
    assert any(c.id == mid for f in absent.findings for c in f.mitigations)
    licence.set_measure(mid, Measure(status=MeasureStatus.NOT_APPLICABLE))
    marked = assess(licence, library)
    assert all(c.id != mid for f in marked.findings for c in f.controls)
    assert all(m.control.id != mid for m in rank_mitigations(marked))
    assert marked.score <= absent.score  # not applicable no longer scores like an absent measure
    touched = [f.id for f in absent.findings if any(c.id == mid for c in f.controls)]
    before, after = {f.id: f for f in absent.findings}, {f.id: f for f in marked.findings}
    assert touched and all(after[fid].coverage >= before[fid].coverage for fid in touched)
    assert any(after[fid].coverage > before[fid].coverage for fid in touched)


def test_a_clause_marked_not_applicable_is_no_control(library, licence):
    needed = assess(licence, library).needed_clauses[0].id
    licence.contract.clauses[needed] = ClauseEntry(status=ClauseStatus.NOT_APPLICABLE)
    a = assess(licence, library)
    assert all(c.id != needed for f in a.findings for c in f.controls)
    assert all(m.control.id != needed for m in rank_mitigations(a))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_recording_any_clause_as_partial_or_present_never_raises_a_score(library, path):
    # Every clause, fallbacks whose condition reads their own entry (escrow) included: where a control counts
    # is decided without what the contract records of it, so recording one only ever adds what it achieves.
    spec = load_project(path, library)
    base = {f.id: f.score for f in assess(spec, library).findings}
    for clause in library.clauses:
        for status in (ClauseStatus.PARTIAL, ClauseStatus.PRESENT):
            old = spec.contract.clauses.get(clause)
            if old is not None and old.status in (ClauseStatus.PRESENT, ClauseStatus.NOT_APPLICABLE):
                continue
            variant = spec.model_copy(deep=True)
            variant.contract.clauses[clause] = ClauseEntry(status=status)
            for f in assess(variant, library).findings:
                assert f.score <= base[f.id], (clause, status.value, f.id)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_explanation_names_the_strongest_controls_with_status_and_counts_the_rest(library, licence, lang):
    from model.engine.assess import LOWERED_BY_SHOWN

    a = assess(licence, library)
    f = max(a.findings, key=lambda f: len(f.lowering))
    assert len(f.lowering) > LOWERED_BY_SHOWN  # the example has more than five controls in place on one finding
    text = f.explanation(lang)
    named = [c for c in f.lowering if c.title.get(lang) in text]
    assert named == f.lowering[:LOWERED_BY_SHOWN]
    assert all(c.status_label(lang) in text for c in named)
    rest = len(f.lowering) - LOWERED_BY_SHOWN
    assert (f"ほか{rest}件" if lang == "ja" else f"{rest} more") in text
    strengths = [c.effect * c.strength for c in f.lowering]
    assert strengths == sorted(strengths, reverse=True)


def test_a_measure_the_deal_type_does_not_call_for_is_not_proposed(library, licence):
    # Host labour-law review is about employing staff abroad (ch1.1.5): a licence does not call for it, a JV does.
    mid = "planning.labour_law_review"
    licence.set_measure(mid, None)
    a = assess(licence, library)
    assert all(c.id != mid for f in a.findings for c in f.controls)
    assert all(m.control.id != mid for m in rank_mitigations(a))
    jv = load_project(next(p for p in EXAMPLES if p.stem == "jv-china-battery"), library)
    jv.set_measure(mid, None)
    assert any(c.id == mid and c.needed for f in assess(jv, library).findings for c in f.mitigations)
