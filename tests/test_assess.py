"""The assessment of the example projects: what a legal reader expects to see, every number traceable, the JSON contract."""

from __future__ import annotations

import json
import re

import pytest

from model.api import assess, compare, load_project, rank_mitigations
from model.engine.ranking import best_per_phase
from model.format.spec import US
from model.knowledge.library import REPO_ROOT
from model.report.json_report import assessment_dict

from .conftest import EXAMPLES
from .test_library import reference_ids

EX = {p.stem: p for p in EXAMPLES}


@pytest.fixture(scope="module")
def assessed(library):
    return {name: assess(load_project(path, library), library) for name, path in EX.items()}


def test_risk_order_of_the_examples(assessed):
    jv, cm, lic = (assessed[n] for n in ("jv-china-battery", "cm-vietnam-parts", "licence-us-coating"))
    assert jv.score > cm.score > lic.score
    assert jv.grade.grade in ("D", "E") and lic.grade.grade in ("A", "B")


def test_china_jv_top_risks_are_governance_and_partner_group(assessed):
    top = {f.channel.value for f in assessed["jv-china-battery"].findings[:8]}
    assert {"loss_of_control", "partner_directors", "partner_affiliates"} <= top
    assert assessed["jv-china-battery"].findings[0].severity == "critical"


def test_vietnam_manufacturing_is_led_by_reverse_engineering(assessed):
    assert assessed["cm-vietnam-parts"].findings[0].channel.value == "reverse_engineering"


def test_licence_has_no_governance_findings(assessed):
    channels = {f.channel.value for f in assessed["licence-us-coating"].findings}
    assert not channels & {"loss_of_control", "partner_directors"}


def test_every_score_is_traceable(assessed):
    for a in assessed.values():
        s = a.scoring
        for f in a.findings:
            assert f.score == round(100 * f.exposure * f.threat * f.control_factor * f.impact, 1)
            assert f.exposure == max(e.value for e in f.exposures)
            remaining = 1 - s.channels[f.channel].base_threat
            for _, w in f.facts:
                remaining *= 1 - w
            assert f.threat == pytest.approx(1 - remaining)
            assert f.severity == s.matrix[f.likelihood_level - 1][f.impact_level - 1]
            for lang in ("ja", "en"):
                assert f.explanation(lang) and f.title.get(lang)
            assert all(re.fullmatch(r"ch\d(\.\d+){1,2}", r) for r in f.refs)


def test_decisions_are_applied_and_kept_visible(assessed):
    jv = assessed["jv-china-battery"]
    decided = [f for f in jv.findings if f.decision is not None]
    assert decided, "the example records decisions"
    accepted = [f for f in decided if f.decision.status.value == "accepted"]
    assert all(f.decision.justification for f in accepted)
    assert all(f.counted for f in accepted), "accepted risk still counts"


def test_not_applicable_decision_leaves_the_score(library):
    spec = load_project(EX["jv-china-battery"], library)
    base = assess(spec, library)
    top = base.findings[0]
    from model.format.spec import Decision

    spec.decisions = [Decision(finding=top.id, status="not_applicable", justification="テスト")]
    after = assess(spec, library)
    assert after.finding(top.id) is not None and not after.finding(top.id).counted
    assert after.score < base.score


def test_json_contract(assessed):
    valid_phase = {"planning", "contract", "operation", "exit", "cross_cutting"}
    valid_status = {"met", "partial", "gap", "not_applicable", "unknown"}
    chapter1 = [i for i in reference_ids() if i.startswith("ch1")]
    for a in assessed.values():
        data = json.loads(json.dumps(assessment_dict(a, "en"), default=str))
        assert data["project"] == a.project_id and 0 <= data["score"] <= 100 and data["grade"] in "ABCDE"
        ids = [c["id"] for c in data["checklist"]]
        assert set(chapter1) <= set(ids)
        for c in data["checklist"]:
            assert c["phase"] in valid_phase and c["status"] in valid_status and isinstance(c["evidence"], str)
        for f in data["findings"]:
            assert {"id", "title", "severity", "score", "channel", "technologies", "refs", "mitigations"} <= set(f)
            assert f["severity"] in {"low", "medium", "high", "critical"}


def test_checklist_decisions_follow_the_project(assessed):
    status = {r.id: r.status for r in assessed["jv-china-battery"].checklist}
    assert status["ch1.2.5.a"] == "gap"  # 49 % and a jv-majority-equity clause not present
    assert status["ch1.1.6.c"] == "gap"  # contracting with a partner below our standard
    lic = {r.id: r.status for r in assessed["licence-us-coating"].checklist}
    assert lic["ch1.2.5.a"] == "not_applicable"  # not a JV


def test_timeline_rises_with_the_stages(assessed):
    for a in assessed.values():
        scores = [p.score for p in a.timeline]
        assert scores == sorted(scores)
        assert scores[-1] == a.score


def test_mitigation_ranking(assessed, library):
    jv = assessed["jv-china-battery"]
    ranked = rank_mitigations(jv)
    assert ranked and ranked[0].reduction > 0
    assert [m.reduction for m in ranked] == sorted((m.reduction for m in ranked), reverse=True)
    for m in ranked[:5]:  # adopting the control really gives the promised score
        spec = jv.spec.model_copy(deep=True)
        if m.control.kind == "clause":
            from model.format.spec import ClauseEntry

            spec.contract.clauses[m.control.id] = ClauseEntry(status="present")
        else:
            from .test_invariants import set_measure

            set_measure(spec, m.control.id, "in_place")
        assert assess(spec, library).score == pytest.approx(m.new_score, abs=0.11)
    assert any(best_per_phase(ranked).values())


def test_what_if_majority_lowers_risk(library):
    a = load_project(EX["jv-china-battery"], library)
    b = a.model_copy(deep=True)
    ours = next(s for s in b.governance.equity if s.holder == US)
    other = next(s for s in b.governance.equity if s.holder != US)
    ours.percent, other.percent = 51, 49
    result = compare(a, b, library)
    assert result.score_delta < 0
    assert any(c.path.startswith("governance.equity") for c in result.inputs)
    assert any(f.id.startswith("loss_of_control@") and f.delta < 0 for f in result.findings)
    assert any(c.id == "ch1.2.5.a" and c.before == "gap" and c.after in ("partial", "met") for c in result.checklist)


def test_what_if_without_a_technology_in_stage_3(library):
    a = load_project(EX["jv-china-battery"], library)
    b = a.model_copy(deep=True)
    last = b.disclosure.stages[-1]
    dropped = last.items[0].technology
    last.items = [i for i in last.items if i.technology != dropped]
    result = compare(a, b, library)
    assert result.score_delta <= 0 and result.inputs


def test_no_outbound_reference_in_core():
    for path in (REPO_ROOT / "model").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "requests" not in text and "urllib.request" not in text and "http.client" not in text, path
