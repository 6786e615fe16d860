"""From a project to an assessment: one finding per leak channel and technology, scored and explained, plus the project score and stage timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from model.engine.checklist import ChecklistResult, evaluate_checklist
from model.engine.graph import ProjectGraph
from model.engine.precedents import Precedents
from model.engine.rules import RULES
from model.engine.rules.base import Exposure, Fact, Msg, RuleContext, weighed_facts
from model.engine.rules.base import threat as channel_threat
from model.format.spec import Decision, ProjectSpec, Technology
from model.format.vocab import ClauseStatus, DealType, DecisionStatus, LeakChannel, MeasureStatus, PartnerRole
from model.knowledge.library import Library
from model.knowledge.library_schema import Caution, ContractClause, GradeBand, PrecedentCase, ScoringModel, SeverityName
from model.knowledge.predicate import evaluate as evaluate_predicate

SEVERITY_ORDER = {"low": 0, "medium": 1, "high": 2, "critical": 3}
#: How many of the controls that lower a finding its explanation names (the strongest); the findings page lists all.
LOWERED_BY_SHOWN = 5


@dataclass(frozen=True, slots=True)
class Control:
    """A clause or measure that cuts a channel, with how much of it is in place."""

    kind: Literal["clause", "measure"]
    id: str
    title: Msg
    phase: str
    effect: float
    status: str | None
    strength: float
    needed: bool = True
    """Whether the deal calls for it: a clause whose deal types and condition fit, a measure not marked not
    applicable and whose condition (if any) holds. Only needed controls count in what a channel could have; one in place that the deal does not call
    for still lowers the risk, but its absence never does."""

    def status_label(self, lang: str) -> str:
        if self.status is None:
            return "未記入" if lang == "ja" else "not recorded"
        vocab = ClauseStatus if self.kind == "clause" else MeasureStatus
        return vocab(self.status).label(lang)


@dataclass(slots=True)
class Finding:
    id: str
    channel: LeakChannel
    technology: str
    title: Msg
    exposure: float
    threat: float
    control_factor: float
    coverage: float
    impact: float
    likelihood: float
    likelihood_level: int
    impact_level: int
    severity: SeverityName
    score: float
    exposures: list[Exposure]
    facts: list[tuple[Fact, float]]
    controls: list[Control]
    path: list[str]
    refs: tuple[str, ...]
    decision: Decision | None = None
    precedents: list[PrecedentCase] = field(default_factory=list)
    """Public cases that resemble this finding (same channel, deal shape, warning signs): it has happened before."""

    @property
    def mitigations(self) -> list[Control]:
        """Controls the deal needs that are not fully in place, those that would cut most first."""
        return sorted(
            (c for c in self.controls if c.needed and c.strength < 1),
            key=lambda c: (-(c.effect * (1 - c.strength)), c.id),
        )

    @property
    def lowering(self) -> list[Control]:
        """Controls in place (fully or partly), those that lower this finding most first."""
        return sorted((c for c in self.controls if c.strength > 0), key=lambda c: (-(c.effect * c.strength), c.id))

    @property
    def decided(self) -> bool:
        """Accepted, judged not applicable or reported mitigated: shown apart from the open findings."""
        return self.decision is not None and self.decision.status in (
            DecisionStatus.ACCEPTED,
            DecisionStatus.NOT_APPLICABLE,
            DecisionStatus.MITIGATED,
        )

    @property
    def counted(self) -> bool:
        """Whether the finding counts in the project score (a finding judged not applicable does not)."""
        return self.decision is None or self.decision.status != DecisionStatus.NOT_APPLICABLE

    def explanation(self, lang: str) -> str:
        ja = lang == "ja"
        top = max(self.exposures, key=lambda e: e.value)
        parts = [("露出: " if ja else "Exposure: ") + top.text.get(lang)]
        if self.facts:
            parts.append(
                ("リスクを高める事実: " if ja else "Raised by: ") + "; ".join(f.text.get(lang) for f, _ in self.facts)
            )
        lowering = self.lowering
        if lowering:
            shown = [
                f"{c.title.get(lang)}（{c.status_label(lang)}）"
                if ja
                else f"{c.title.get(lang)} ({c.status_label(lang)})"
                for c in lowering[:LOWERED_BY_SHOWN]
            ]
            rest = len(lowering) - len(shown)
            if rest:
                shown.append(f"ほか{rest}件" if ja else f"{rest} more")
            parts.append(("リスクを下げている対策: " if ja else "Lowered by: ") + "; ".join(shown))
        else:
            parts.append("この経路を抑える対策はまだない" if ja else "No control yet cuts this channel")
        return "。".join(parts) + "。" if ja else ". ".join(parts) + "."


@dataclass(slots=True)
class StagePoint:
    """Project risk once a disclosure stage (and every stage before it) has happened."""

    index: int
    stage_id: str
    name: str
    score: float
    grade: str
    increase: float
    drivers: list[str] = field(default_factory=list)
    """Ids of the findings whose score rose most in this stage."""


@dataclass(slots=True)
class Assessment:
    spec: ProjectSpec
    graph: ProjectGraph
    scoring: ScoringModel
    findings: list[Finding]
    checklist: list[ChecklistResult]
    score: float
    grade: GradeBand
    timeline: list[StagePoint]
    missing: list[Msg] = field(default_factory=list)
    """What the project must say before it can be judged; when not empty the grade is the scoring's not_judged."""
    conditions: dict = field(default_factory=dict)
    """The project as the libraries' conditions read it (its data plus the host country's ratings), built once."""
    needed_clauses: list[ContractClause] = field(default_factory=list)
    """The clauses this deal needs, in library order: its deal type is served and the clause's condition holds."""

    @property
    def judged(self) -> bool:
        return not self.missing

    @property
    def project_id(self) -> str:
        return self.spec.project.id or "project"

    def finding(self, finding_id: str) -> Finding | None:
        return next((f for f in self.findings if f.id == finding_id), None)

    def needs_clause(self, clause_id: str) -> bool:
        return any(c.id == clause_id for c in self.needed_clauses)

    def cautions_for(self, clause: ContractClause) -> list[Caution]:
        """The clause's host-country cautions whose condition holds for this project."""
        return [c for c in clause.cautions if c.when is None or evaluate_predicate(c.when, self.conditions)]


# --------------------------------------------------------------------------- numbers


def level(value: float, bins: list[float]) -> int:
    """1–5 from the four ascending bin edges."""
    return 1 + sum(value >= edge for edge in bins)


def grade_for(score: float, scoring: ScoringModel) -> GradeBand:
    return next(g for g in scoring.grades if score >= g.min_score)


#: Deal types with a counterparty whose reach the engine judges: without one named, its channels cannot be read.
_PARTNER_OF_DEAL = {
    DealType.JOINT_VENTURE: PartnerRole.JV_PARTNER,
    DealType.LICENCE: PartnerRole.LICENSEE,
    DealType.CONTRACT_MANUFACTURING: PartnerRole.CONTRACT_MANUFACTURER,
}


def missing_information(spec: ProjectSpec) -> list[Msg]:
    """What a project must say before its risk can be judged. An empty project is not a safe one (PRODUCT.md §4)."""
    out: list[Msg] = []
    if not spec.technologies:
        out.append(
            Msg(
                "技術が1つも登録されていない（何を守るのかが分からない）",
                "no technology is listed, so there is nothing to protect yet",
            )
        )
    role = _PARTNER_OF_DEAL.get(spec.project.deal_type)
    if role is not None and not any(p.role == role for p in spec.partners):
        out.append(
            Msg(
                f"取引の相手方（{role.label_ja}）が登録されていない",
                f"no counterparty ({role.label_en.lower()}) is listed",
            )
        )
    reach = (
        any(s.items for s in spec.disclosure.stages)
        or any(g.access for g in spec.people)
        or any(e.embodies for e in spec.equipment)
    )
    if spec.technologies and not reach:
        out.append(
            Msg(
                "誰が何を受け取るか（開示計画、人のアクセス、設備）が1つも記入されていない",
                "nothing says who receives what: no disclosure plan, no people's access, no equipment",
            )
        )
    return out


def aggregate(scores: list[float], scoring: ScoringModel) -> float:
    """Weighted sum of the highest scores: never rises when a finding is removed or lowered."""
    top = sorted(scores, reverse=True)[: len(scoring.aggregate_weights)]
    return round(sum(w * s for w, s in zip(scoring.aggregate_weights, top, strict=False)), 1)


def technology_impact(tech: Technology, scoring: ScoringModel) -> float:
    m = scoring.impact
    imp = tech.importance
    parts = {
        "market_value": m.level_values[imp.market_value.value] if imp.market_value else m.unknown_value,
        "catch_up": min(1.0, imp.catch_up_years / m.catch_up_full_years)
        if imp.catch_up_years is not None
        else m.unknown_value,
        "choke_point": m.choke_point_values["yes" if imp.choke_point else "no"]
        if imp.choke_point is not None
        else m.unknown_value,
        "investment": m.level_values[imp.investment.value] if imp.investment else m.unknown_value,
        "export_control": m.export_control_values[tech.export_control.value]
        if tech.export_control
        else m.export_control_values["unknown"],
    }
    value = sum(m.weights[k] * v for k, v in parts.items())
    return value if tech.core else value * m.non_core_factor


# --------------------------------------------------------------------------- controls


def predicate_context(spec: ProjectSpec, ctx: RuleContext) -> dict:
    data = spec.model_dump(mode="json")
    data["country"] = {f.value: r for f, r in ctx.country_rating.items()}
    return data


def clause_needed(clause: ContractClause, spec: ProjectSpec, pctx: dict) -> bool:
    """A clause is needed when the deal type is one it serves and its condition (if any) holds."""
    if spec.project.deal_type not in clause.deal_types:
        return False
    return clause.required_when is None or evaluate_predicate(clause.required_when, pctx)


def channel_controls(
    spec: ProjectSpec, library: Library, conditions: dict, needed_clauses: set[str]
) -> dict[LeakChannel, list[Control]]:
    """The controls of each channel that this deal needs, or has in place without needing them.

    A control marked not applicable, or one the deal does not call for and does not have, is left out: it can
    neither lower the risk nor be proposed, and it must not dilute the channel's coverage.
    """
    s = library.scoring
    out: dict[LeakChannel, list[Control]] = {c: [] for c in LeakChannel}
    for clause in library.clauses.values():
        entry = spec.contract.clauses.get(clause.id)
        status = entry.status.value if entry else None
        strength = s.clause_strength[status] if status else 0.0
        needed = _needed_whatever_recorded(clause, spec, conditions, clause.id in needed_clauses)
        if status == "not_applicable" or not (needed or strength > 0):
            continue
        control = Control(
            "clause",
            clause.id,
            Msg(clause.title.ja, clause.title.en),
            clause.phase.value,
            s.control_effects.get(clause.id, s.clause_effect),
            status,
            strength,
            needed,
        )
        for channel in clause.channels:
            out[channel].append(control)
    for measure in library.measures.values():
        entry = spec.measure(measure.id)
        status = entry.status.value if entry else None
        strength = s.measure_strength[status] if status else 0.0
        needed = measure.required_when is None or evaluate_predicate(measure.required_when, conditions)
        if status == "not_applicable" or not (needed or strength > 0):
            continue
        control = Control(
            "measure",
            measure.id,
            Msg(measure.title.ja, measure.title.en),
            measure.phase.value,
            s.control_effects.get(measure.id, s.measure_effect),
            status,
            strength,
            needed,
        )
        for channel in measure.channels:
            out[channel].append(control)
    return out


def _needed_whatever_recorded(clause: ContractClause, spec: ProjectSpec, conditions: dict, needed: bool) -> bool:
    """Whether the deal calls for the clause, leaving out what the contract records of the clause itself.

    A fallback clause (escrow) is "needed" once it is recorded; counted that way, recording it as partial would
    add it to what the channel could have and lower the coverage, so that adding a control raised the risk.
    ``needed`` is ``clause_needed`` as already worked out for the project; only such a clause is judged again.
    """
    own = f"contract.clauses.{clause.id}"
    if clause.required_when is None or not any(f.startswith(own) for f in clause.required_when.fields()):
        return needed
    recorded = conditions.get("contract", {}).get("clauses", {})
    without = {
        **conditions,
        "contract": {**conditions["contract"], "clauses": {k: v for k, v in recorded.items() if k != clause.id}},
    }
    return clause_needed(clause, spec, without)


def coverage(controls: list[Control]) -> float:
    """Share (0–1) of what the channel needs that is in place, weighted by each control's effect.

    What is possible counts the needed controls only; what is achieved counts every control in place, capped at
    full. So a control the deal does not call for never dilutes the share, adding one never lowers it, and a
    channel that needs nothing but has something in place is fully covered.
    """
    possible = sum(c.effect for c in controls if c.needed)
    achieved = sum(c.effect * c.strength for c in controls)
    if possible <= 0:
        return 1.0 if achieved > 0 else 0.0
    return min(1.0, achieved / possible)


def control_factor(cover: float, scoring: ScoringModel) -> float:
    """What remains of the likelihood: 1 with no control, the floor with every recommended control in place."""
    return 1 - (1 - scoring.control_floor) * cover


# --------------------------------------------------------------------------- the assessment


def finding_score(exposure: float, threat: float, control_factor: float, impact: float) -> float:
    """The score of a finding, 0–100: likelihood (exposure × threat × what the controls leave) × impact.

    The one formula: findings, the stage timeline and the mitigation ranking all score through it.
    """
    return round(100 * exposure * threat * control_factor * impact, 1)


def score_finding(exposure: float, threat: float, control_factor: float, impact: float, scoring: ScoringModel) -> tuple:
    likelihood = exposure * threat * control_factor
    l_level, i_level = level(likelihood, scoring.likelihood_bins), level(impact, scoring.impact_bins)
    severity = scoring.matrix[l_level - 1][i_level - 1]
    return likelihood, l_level, i_level, severity, finding_score(exposure, threat, control_factor, impact)


def build_findings(ctx: RuleContext, controls: dict[LeakChannel, list[Control]]) -> list[Finding]:
    spec, scoring = ctx.spec, ctx.scoring
    decisions = {d.finding: d for d in spec.decisions}
    precedents = Precedents(ctx.library.precedents.values(), spec)
    findings: list[Finding] = []
    covered = {channel: coverage(cs) for channel, cs in controls.items()}
    for tech in spec.technologies:
        impact = technology_impact(tech, scoring)
        for rule in RULES:
            evidence = rule.evaluate(ctx, tech)
            if evidence is None or not evidence.exposures:
                continue
            channel = rule.CHANNEL
            facts = weighed_facts(evidence.facts, channel, scoring)
            threat = channel_threat(facts, channel, scoring)
            relevant = controls[channel]
            cover = covered[channel]
            remaining_factor = control_factor(cover, scoring)
            exposure = max(e.value for e in evidence.exposures)
            likelihood, l_level, i_level, severity, score = score_finding(
                exposure, threat, remaining_factor, impact, scoring
            )
            finding_id = f"{channel.value}@{tech.id}"
            findings.append(
                Finding(
                    id=finding_id,
                    channel=channel,
                    technology=tech.id,
                    title=Msg(f"{channel.label_ja}: {tech.name}", f"{channel.label_en}: {tech.name}"),
                    exposure=exposure,
                    threat=threat,
                    control_factor=remaining_factor,
                    coverage=cover,
                    impact=impact,
                    likelihood=likelihood,
                    likelihood_level=l_level,
                    impact_level=i_level,
                    severity=severity,
                    score=score,
                    exposures=evidence.exposures,
                    facts=facts,
                    controls=relevant,
                    path=evidence.path,
                    refs=rule.REFS,
                    decision=decisions.get(finding_id),
                    precedents=precedents.for_finding(channel.value, [fact.id for fact, _ in facts]),
                )
            )
    findings.sort(key=lambda f: (-f.score, -SEVERITY_ORDER[f.severity], f.id))
    return findings


def stage_timeline(spec: ProjectSpec, findings: list[Finding], scoring: ScoringModel) -> list[StagePoint]:
    """Risk after each stage: hand-overs count from their stage on; people's access and equipment count throughout."""
    if not spec.disclosure.stages:
        return []
    # Each finding's score only steps up when a stage raises its exposure: collect those steps once.
    steps: dict[int, list[tuple[str, float]]] = {}
    for f in findings:
        if not f.counted:
            continue
        best = max((e.value for e in f.exposures if e.stage is None), default=0.0)
        for e in sorted((e for e in f.exposures if e.stage is not None), key=lambda e: e.stage):
            if e.value > best:
                best = e.value
                steps.setdefault(e.stage, []).append((f.id, finding_score(best, f.threat, f.control_factor, f.impact)))
        static = max((e.value for e in f.exposures if e.stage is None), default=0.0)
        if static:
            steps.setdefault(-1, []).append((f.id, finding_score(static, f.threat, f.control_factor, f.impact)))
    scores: dict[str, float] = dict(steps.get(-1, []))
    points: list[StagePoint] = []
    previous_total = aggregate(list(scores.values()), scoring) if scores else 0.0
    for index, stage in enumerate(spec.disclosure.stages):
        rises = []
        for fid, new in steps.get(index, []):
            rises.append((new - scores.get(fid, 0.0), fid))
            scores[fid] = max(new, scores.get(fid, 0.0))
        total = aggregate(list(scores.values()), scoring)
        rises.sort(reverse=True)
        points.append(
            StagePoint(
                index,
                stage.id,
                stage.name,
                total,
                grade_for(total, scoring).grade,
                round(total - (previous_total if index else 0.0), 1),
                [fid for rise, fid in rises[:3] if rise > 0],
            )
        )
        previous_total = total
    return points


def assess(spec: ProjectSpec, library: Library) -> Assessment:
    """The full assessment of one project: findings, project score and grade, checklist, stage timeline."""
    graph = ProjectGraph(spec)
    ctx = RuleContext(spec, library, graph)
    conditions = predicate_context(spec, ctx)
    needed = [c for c in library.clauses.values() if clause_needed(c, spec, conditions)]
    controls = channel_controls(spec, library, conditions, {c.id for c in needed})
    findings = build_findings(ctx, controls)
    score = aggregate([f.score for f in findings if f.counted], library.scoring)
    checklist = evaluate_checklist(spec, library, graph, conditions)
    timeline = stage_timeline(spec, findings, library.scoring)
    missing = missing_information(spec)
    grade = library.scoring.not_judged if missing else grade_for(score, library.scoring)
    if missing:  # a stage of a project that cannot be judged gets no letter either
        for point in timeline:
            point.grade = grade.grade
    return Assessment(
        spec,
        graph,
        library.scoring,
        findings,
        checklist,
        score,
        grade,
        timeline,
        missing=missing,
        conditions=conditions,
        needed_clauses=needed,
    )
