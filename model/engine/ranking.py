"""Mitigation ranking: for each clause or measure not yet fully in place, how much adopting it would cut the project's risk."""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field

from model.engine.assess import Assessment, Control, Finding, aggregate, control_factor, finding_score
from model.format.vocab import LeakChannel, Phase


@dataclass(slots=True)
class Mitigation:
    control: Control
    reduction: float
    """Points the project score would fall by if the control were fully in place."""
    new_score: float
    findings: list[tuple[str, float]] = field(default_factory=list)
    """(finding id, points that finding's score would fall by), largest first."""

    @property
    def phase(self) -> str:
        return self.control.phase


def rank_mitigations(assessment: Assessment) -> list[Mitigation]:
    """Every candidate control with its effect on the project score, largest cut first (ties by id)."""
    scoring = assessment.scoring
    counted = [f for f in assessment.findings if f.counted]
    by_channel: dict[LeakChannel, list[Finding]] = defaultdict(list)
    for f in counted:
        by_channel[f.channel].append(f)
    # Candidates: controls the deal needs that are not fully in place, on channels with findings.
    candidates: dict[tuple[str, str], tuple[Control, list[LeakChannel]]] = {}
    for channel, findings in by_channel.items():
        for c in findings[0].controls:
            if c.needed and c.strength < 1:
                candidates.setdefault((c.kind, c.id), (c, []))[1].append(channel)
    ranked_base = sorted(((f.score, f.id) for f in counted), reverse=True)
    k = len(scoring.aggregate_weights)
    out: list[Mitigation] = []
    for control, channels in candidates.values():
        changed: dict[str, float] = {}
        cuts = []
        for channel in channels:
            findings = by_channel[channel]
            possible = sum(c.effect for c in findings[0].controls if c.needed)
            gain = control.effect * (1 - control.strength) / possible
            for f in findings:
                factor = control_factor(min(1.0, f.coverage + gain), scoring)
                new = finding_score(f.exposure, f.threat, factor, f.impact)
                changed[f.id] = new
                if f.score - new > 0:
                    cuts.append((f.id, round(f.score - new, 1)))
        # Only the k highest scores count: unchanged findings from the top of the base ranking, plus the changed ones.
        unchanged = (
            [score for score, fid in ranked_base if fid not in changed][:k] if len(changed) < len(ranked_base) else []
        )
        new_total = aggregate(unchanged + heapq.nlargest(k, changed.values()), scoring)
        cuts.sort(key=lambda x: (-x[1], x[0]))
        out.append(Mitigation(control, round(assessment.score - new_total, 1), new_total, cuts))
    out.sort(key=lambda m: (-m.reduction, -sum(x for _, x in m.findings), m.control.kind, m.control.id))
    return out


def best_per_phase(mitigations: list[Mitigation], n: int = 3) -> dict[str, list[Mitigation]]:
    """The ``n`` strongest mitigations of each project phase, in phase order."""
    out: dict[str, list[Mitigation]] = {p.value: [] for p in Phase}
    for m in mitigations:
        bucket = out.setdefault(m.phase, [])
        if len(bucket) < n and (m.reduction > 0 or m.findings):
            bucket.append(m)
    return out
