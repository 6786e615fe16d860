"""Phase checklists: every guidance item judged met / partial / gap / not applicable / unknown, with the evidence that decided it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from model.engine.graph import ProjectGraph
from model.engine.rules.base import Msg
from model.format.spec import US, Partner, ProjectSpec
from model.format.vocab import (
    ChecklistStatus,
    ClauseStatus,
    DisclosureLevel,
    DisposalPlan,
    EquipmentCategory,
    MeasureStatus,
    MeetsStandard,
    PartnerRole,
    Renewal,
)
from model.knowledge.library import Library
from model.knowledge.library_schema import ChecklistItemDef
from model.knowledge.predicate import evaluate as evaluate_predicate

STATUSES = tuple(s.value for s in ChecklistStatus)

MEASURE_TO_STATUS = {
    MeasureStatus.IN_PLACE: "met",
    MeasureStatus.PARTIAL: "partial",
    MeasureStatus.PLANNED: "gap",
    MeasureStatus.ABSENT: "gap",
    MeasureStatus.NOT_APPLICABLE: "not_applicable",
}
CLAUSE_TO_STATUS = {
    ClauseStatus.PRESENT: "met",
    ClauseStatus.PARTIAL: "partial",
    ClauseStatus.MISSING: "gap",
    ClauseStatus.NOT_APPLICABLE: "not_applicable",
}


@dataclass(frozen=True, slots=True)
class ChecklistEvidence:
    """One input that decided an item: a measure, a clause or project data, with what it says."""

    source: str
    """'measure:<id>', 'clause:<id>' or 'data:<field path>'."""
    status: str
    text: Msg
    decisive: bool = False
    """A gap here is a gap of the whole item, whatever else is in place (e.g. no equity majority for ch1.2.5.a)."""


@dataclass(slots=True)
class ChecklistResult:
    item: ChecklistItemDef
    status: str
    evidence: list[ChecklistEvidence] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def phase(self) -> str:
        return self.item.phase.value

    @property
    def closing(self) -> list[str]:
        """Clauses and measures that would close the item: those not yet fully in place."""
        return [
            e.source.split(":", 1)[1]
            for e in self.evidence
            if e.source.startswith(("measure:", "clause:")) and e.status != "met"
        ]

    def evidence_text(self, lang: str) -> str:
        return "; ".join(e.text.get(lang) for e in self.evidence)


def combine(statuses: list[str]) -> str:
    """Met only when everything is met; a known gap with the rest unknown stays a gap; mixed is partial."""
    relevant = [s for s in statuses if s != "not_applicable"]
    if not relevant:
        return "not_applicable" if statuses else "unknown"
    kinds = set(relevant)
    if kinds == {"met"}:
        return "met"
    if kinds == {"unknown"}:
        return "unknown"
    if kinds <= {"gap", "unknown"}:
        return "gap"
    return "partial"


# --------------------------------------------------------------------------- checks read from project data

Check = Callable[[ProjectSpec, ProjectGraph], ChecklistEvidence | None]
KEY_ROLES = (PartnerRole.JV_PARTNER, PartnerRole.LICENSEE, PartnerRole.CONTRACT_MANUFACTURER)


def key_partners(spec: ProjectSpec, graph: ProjectGraph) -> list[Partner]:
    """Partners the deal depends on: the JV partner, licensee or manufacturer, and anyone receiving technology."""
    receiving = {d.recipient for ds in (graph.disclosures_of(t.id) for t in spec.technologies) for d in ds}
    return [p for p in spec.partners if p.role in KEY_ROLES or p.id in receiving]


def _data(path: str, status: str, ja: str, en: str, decisive: bool = False) -> ChecklistEvidence:
    return ChecklistEvidence(f"data:{path}", status, Msg(ja, en), decisive)


def check_dd_information(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    partners = key_partners(spec, graph)
    if not partners:
        return None
    done = [
        p
        for p in partners
        if (p.due_diligence.interviews or p.due_diligence.site_visit) and p.due_diligence.information_rules is not None
    ]
    unknown = [
        p
        for p in partners
        if p.due_diligence.interviews is None
        and p.due_diligence.site_visit is None
        and p.due_diligence.information_rules is None
    ]
    status = (
        "met"
        if len(done) == len(partners)
        else "unknown"
        if len(unknown) == len(partners)
        else ("partial" if done else "gap")
    )
    return _data(
        "partners[].due_diligence",
        status,
        f"主要な取引先{len(partners)}社のうち{len(done)}社で聞取り・現地確認による情報管理DDを実施",
        f"information-management due diligence by interview or site visit done for {len(done)} of {len(partners)} key partners",
    )


def check_dd_finance(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    partners = key_partners(spec, graph)
    if not partners:
        return None
    done = [
        p for p in partners if p.due_diligence.financial_health is not None and p.due_diligence.compliance is not None
    ]
    some = [
        p for p in partners if p.due_diligence.financial_health is not None or p.due_diligence.compliance is not None
    ]
    status = "met" if len(done) == len(partners) else "partial" if some else "unknown"
    return _data(
        "partners[].due_diligence.financial_health",
        status,
        f"主要な取引先{len(partners)}社のうち{len(done)}社で財務・コンプライアンスDDを実施",
        f"financial and compliance due diligence done for {len(done)} of {len(partners)} key partners",
    )


def check_dd_standard(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    partners = key_partners(spec, graph)
    verdicts = [p.due_diligence.meets_our_standard for p in partners]
    if not partners or all(v is None for v in verdicts):
        return None
    below = [p.name for p in partners if p.due_diligence.meets_our_standard == MeetsStandard.BELOW]
    pending = [p.name for p in partners if p.due_diligence.meets_our_standard == MeetsStandard.AFTER_REMEDIATION]
    if below:
        return _data(
            "partners[].due_diligence.meets_our_standard",
            "gap",
            f"当社水準に達していない取引先と取引する計画: {'、'.join(below)}",
            f"the deal goes ahead with partners below our standard: {', '.join(below)}",
            decisive=True,
        )
    if pending:
        return _data(
            "partners[].due_diligence.meets_our_standard",
            "partial",
            f"改善を条件に契約: {'、'.join(pending)}（改善完了の確認が必要）",
            f"contract conditional on remediation by {', '.join(pending)} (completion to be confirmed)",
        )
    status = "met" if all(v == MeetsStandard.MEETS for v in verdicts) else "partial"
    return _data(
        "partners[].due_diligence.meets_our_standard",
        status,
        "主要な取引先は当社の情報管理水準を満たす" if status == "met" else "一部の取引先の水準判定が未了",
        "key partners meet our information-security standard"
        if status == "met"
        else "some partners are not yet judged",
    )


def check_staged_disclosure(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    stages = spec.disclosure.stages
    if not stages:
        return None
    if len(stages) < 2:
        return _data("disclosure.stages", "partial", "開示計画が1段階のみ", "the disclosure plan has a single stage")
    first_max = max((i.level.rank for i in stages[0].items), default=-1)
    top = max((i.level.rank for s in stages for i in s.items), default=-1)
    gated = sum(1 for s in stages[1:] if s.gate.conditions)
    staged = first_max < top and first_max < DisclosureLevel.FULL_DRAWINGS.rank
    status = "met" if staged and gated == len(stages) - 1 else "partial" if staged or gated else "gap"
    return _data(
        "disclosure.stages",
        status,
        f"{len(stages)}段階の開示計画、ゲート条件付きの段階{gated}/{len(stages) - 1}",
        f"{len(stages)}-stage disclosure plan; {gated} of {len(stages) - 1} later stages have gate conditions",
    )


def check_contract_term(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    c = spec.contract
    if c.term_years is None and c.renewal is None:
        return None
    if c.renewal == Renewal.BY_REVIEW or (
        c.term_years is not None and c.term_years <= 3 and c.renewal != Renewal.AUTOMATIC
    ):
        status = "met"
    elif c.renewal == Renewal.AUTOMATIC and (c.term_years or 0) > 3:
        status = "gap"
    else:
        status = "partial"
    term = f"{c.term_years:g}" if c.term_years is not None else "?"
    renewal = (c.renewal.label_ja, c.renewal.label_en) if c.renewal else ("更新条件不明", "renewal unknown")
    return _data(
        "contract.term_years", status, f"契約期間{term}年、{renewal[0]}", f"term {term} years, {renewal[1].lower()}"
    )


def check_equity(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    if not spec.governance.equity:
        return None
    ours = spec.governance.voting_share()
    status = "met" if spec.governance.holds_majority() else "gap"
    return _data(
        "governance.equity", status, f"当社の議決権比率 {ours:g}%", f"we hold {ours:g}% of the votes", decisive=True
    )


def check_board(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    seats = graph.board_seats()
    if not seats:
        return None
    ours = seats.get(US, 0)
    others = sum(v for k, v in seats.items() if k != US)
    status = "met" if ours > others else "partial" if spec.governance.director_election_special_resolution else "gap"
    return _data(
        "governance.board",
        status,
        f"取締役: 当社{ours}名、相手方{others}名",
        f"board: {ours} of our directors, {others} of the other side",
    )


def check_equipment_disposal(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    core = [e for e in spec.equipment if e.category != EquipmentCategory.GENERAL_AS_IS and e.embodies]
    if not core:
        return None
    safe = [
        e
        for e in core
        if e.disposal in (DisposalPlan.RETURN, DisposalPlan.DESTROY)
        or (e.disposal == DisposalPlan.RESET_AND_SELL and e.category == EquipmentCategory.GENERAL_TUNED)
    ]
    status = "met" if len(safe) == len(core) else "partial" if safe else "gap"
    return _data(
        "equipment[].disposal",
        status,
        f"技術が化体した設備{len(core)}台のうち{len(safe)}台で返却・廃棄等を決定",
        f"return or destruction decided for {len(safe)} of {len(core)} items of equipment embodying technology",
    )


def check_disposal_witness(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    core = [e for e in spec.equipment if e.category != EquipmentCategory.GENERAL_AS_IS and e.embodies]
    if not core or all(e.disposal_witnessed is None and e.disposal_contractor_vetted is None for e in core):
        return None
    good = [e for e in core if e.disposal_witnessed and e.disposal_contractor_vetted is not False]
    status = "met" if len(good) == len(core) else "partial" if good else "gap"
    return _data(
        "equipment[].disposal_witnessed",
        status,
        f"{len(core)}台のうち{len(good)}台で立会い・業者審査を予定",
        f"witnessed disposal with a vetted contractor planned for {len(good)} of {len(core)} items",
    )


def check_technologies_identified(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    if not spec.technologies:
        return _data("technologies", "gap", "コア技術が登録されていない", "no core technology is recorded")
    assessed = [t for t in spec.technologies if t.importance.market_value or t.importance.catch_up_years is not None]
    status = "met" if len(assessed) == len(spec.technologies) else "partial"
    return _data(
        "technologies[].importance",
        status,
        f"技術{len(spec.technologies)}件のうち{len(assessed)}件で重要度を評価",
        f"importance assessed for {len(assessed)} of {len(spec.technologies)} technologies",
    )


def check_technology_forms(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    if not spec.technologies:
        return None
    mapped = [t for t in spec.technologies if t.forms and t.locations]
    status = "met" if len(mapped) == len(spec.technologies) else "partial" if mapped else "gap"
    return _data(
        "technologies[].forms",
        status,
        f"技術{len(spec.technologies)}件のうち{len(mapped)}件で形態と所在を記録",
        f"forms and locations recorded for {len(mapped)} of {len(spec.technologies)} technologies",
    )


def check_whole_process_holders(spec: ProjectSpec, graph: ProjectGraph) -> ChecklistEvidence | None:
    known = [t for t in spec.technologies if t.whole_process_holders is not None]
    if not known:
        return None
    listed = [t for t in known if t.whole_process_holders_listed]
    status = "met" if len(listed) == len(known) else "partial" if listed else "gap"
    return _data(
        "technologies[].whole_process_holders",
        status,
        f"全工程を知る人の一覧化: {len(listed)}/{len(known)}件",
        f"whole-process holders listed for {len(listed)} of {len(known)}",
    )


#: Items decided (also) from project data, by checklist id.
CHECKS: dict[str, Check] = {
    "ch1.1.1.a": check_technologies_identified,
    "ch1.1.1.b": check_technology_forms,
    "ch1.1.6.a": check_dd_information,
    "ch1.1.6.b": check_dd_finance,
    "ch1.1.6.c": check_dd_standard,
    "ch1.2.5.a": check_equity,
    "ch1.2.5.b": check_board,
    "ch1.3.1.a": check_staged_disclosure,
    "ch1.3.1.b": check_contract_term,
    "ch1.4.2.a": check_equipment_disposal,
    "ch1.4.2.b": check_disposal_witness,
    "ch2.1.1.a": check_technologies_identified,
    "ch2.1.1.b": check_technology_forms,
    "ch2.1.11.b": check_whole_process_holders,
}


# --------------------------------------------------------------------------- evaluation


def evaluate_item(
    item: ChecklistItemDef, spec: ProjectSpec, library: Library, graph: ProjectGraph, pctx: dict
) -> ChecklistResult:
    if item.applies_when is not None and not evaluate_predicate(item.applies_when, pctx):
        return ChecklistResult(
            item,
            "not_applicable",
            [
                ChecklistEvidence(
                    "data:project.deal_type",
                    "not_applicable",
                    Msg("この案件には当てはまらない", "does not apply to this project"),
                )
            ],
        )
    evidence: list[ChecklistEvidence] = []
    for measure_id in item.measures:
        measure = library.measures[measure_id]
        entry = spec.measure(measure_id)
        status_value = entry.status if entry is not None else None
        status = MEASURE_TO_STATUS[status_value] if status_value else "unknown"
        words = (status_value.label_ja, status_value.label_en) if status_value else ("未記入", "not recorded")
        evidence.append(
            ChecklistEvidence(
                f"measure:{measure_id}",
                status,
                Msg(f"{measure.title.ja}: {words[0]}", f"{measure.title.en}: {words[1].lower()}"),
            )
        )
    for clause_id in item.clauses:
        clause = library.clauses[clause_id]
        entry = spec.contract.clauses.get(clause_id)
        status = CLAUSE_TO_STATUS[entry.status] if entry else "unknown"
        words = (entry.status.label_ja, entry.status.label_en) if entry else ("未確認", "not reviewed")
        evidence.append(
            ChecklistEvidence(
                f"clause:{clause_id}",
                status,
                Msg(f"条項「{clause.title.ja}」: {words[0]}", f"clause '{clause.title.en}': {words[1].lower()}"),
            )
        )
    check = CHECKS.get(item.id)
    if check is not None:
        found = check(spec, graph)
        if found is not None:
            evidence.append(found)
    if not evidence:
        evidence.append(
            ChecklistEvidence(
                "data:-",
                "unknown",
                Msg(
                    "案件ファイルにこの項目を判断する情報がない",
                    "the project file holds nothing that decides this item",
                ),
            )
        )
    if any(e.decisive and e.status == "gap" for e in evidence):
        return ChecklistResult(item, "gap", evidence)
    return ChecklistResult(item, combine([e.status for e in evidence]), evidence)


def evaluate_checklist(spec: ProjectSpec, library: Library, graph: ProjectGraph, pctx: dict) -> list[ChecklistResult]:
    return [evaluate_item(item, spec, library, graph, pctx) for item in library.checklist]
