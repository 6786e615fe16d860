"""The assessment as one JSON object — the stable machine contract of PRODUCT.md §6 (contract_version 1)."""

from __future__ import annotations

import json
from typing import Any

from model.engine.assess import Assessment, Finding
from model.engine.compare import Comparison
from model.engine.ranking import Mitigation
from model.format.vocab import ChecklistStatus, Severity

CONTRACT_VERSION = 1


def finding_dict(f: Finding, a: Assessment, lang: str) -> dict[str, Any]:
    decision = None
    if f.decision is not None:
        d = f.decision
        decision = {
            "status": d.status.value,
            "justification": d.justification,
            "by": d.by,
            "at": d.at.isoformat() if d.at else None,
        }
    return {
        "id": f.id,
        "title": f.title.get(lang),
        "severity": f.severity,
        "severity_label": Severity(f.severity).label(lang),
        "score": f.score,
        "channel": f.channel.value,
        "technologies": [f.technology],
        "refs": list(f.refs),
        "mitigations": [c.id for c in f.mitigations],
        "likelihood": round(f.likelihood, 3),
        "likelihood_level": f.likelihood_level,
        "impact": round(f.impact, 3),
        "impact_level": f.impact_level,
        "exposure": round(f.exposure, 3),
        "threat": round(f.threat, 3),
        "control_coverage": round(f.coverage, 3),
        "path": [a.graph.label(n) for n in f.path],
        "raised_by": [{"fact": fact.id, "text": fact.text.get(lang), "weight": round(w, 3)} for fact, w in f.facts],
        "lowered_by": [{"kind": c.kind, "id": c.id, "status": c.status, "strength": c.strength} for c in f.lowering],
        "explanation": f.explanation(lang),
        "precedents": [c.id for c in f.precedents],
        "decision": decision,
        "counted": f.counted,
    }


def assessment_dict(a: Assessment, lang: str = "ja") -> dict[str, Any]:
    spec = a.spec
    return {
        "contract_version": CONTRACT_VERSION,
        "project": a.project_id,
        "name": spec.project.name,
        "deal_type": spec.project.deal_type.value,
        "host_country": spec.project.host_country,
        "score": a.score,
        "grade": a.grade.grade,
        "grade_label": a.grade.label.get(lang),
        "judged": a.judged,
        "missing_information": [m.get(lang) for m in a.missing],
        "score_note": a.scoring.note.get(lang),
        "checklist": [
            {
                "id": r.id,
                "phase": r.phase,
                "status": r.status,
                "status_label": ChecklistStatus(r.status).label(lang),
                "evidence": r.evidence_text(lang),
                "owner": r.item.owner.value,
                "text": r.item.text.get(lang),
                "closing": r.closing,
            }
            for r in a.checklist
        ],
        "findings": [finding_dict(f, a, lang) for f in a.findings],
        "timeline": [
            {
                "stage": p.stage_id,
                "name": p.name,
                "score": p.score,
                "grade": p.grade,
                "increase": p.increase,
                "drivers": p.drivers,
            }
            for p in a.timeline
        ],
    }


def mitigation_dict(m: Mitigation, lang: str) -> dict[str, Any]:
    return {
        "kind": m.control.kind,
        "id": m.control.id,
        "title": m.control.title.get(lang),
        "phase": m.phase,
        "status": m.control.status,
        "reduction": m.reduction,
        "new_score": m.new_score,
        "findings": [{"id": fid, "reduction": r} for fid, r in m.findings],
    }


def comparison_dict(c: Comparison, lang: str = "ja") -> dict[str, Any]:
    return {
        "contract_version": CONTRACT_VERSION,
        "a": {"project": c.a.project_id, "score": c.a.score, "grade": c.a.grade.grade},
        "b": {"project": c.b.project_id, "score": c.b.score, "grade": c.b.grade.grade},
        "score_delta": c.score_delta,
        "inputs": [{"path": i.path, "before": i.before, "after": i.after} for i in c.inputs],
        "findings": [
            {
                "id": f.id,
                "before": f.before_score,
                "after": f.after_score,
                "delta": f.delta,
                "before_severity": f.before_severity,
                "after_severity": f.after_severity,
            }
            for f in c.findings
        ],
        "checklist": [{"id": x.id, "before": x.before, "after": x.after} for x in c.checklist],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
