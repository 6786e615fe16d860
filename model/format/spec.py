"""The project file format: pydantic models for one overseas technology-transfer project."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_serializer, model_validator

from model.format.vocab import (
    ChangeOfControlTrigger,
    ClauseStatus,
    CountryFactor,
    DeadlockMechanism,
    DealType,
    DecisionStatus,
    DisclosureLevel,
    DisclosureMethod,
    DisposalPlan,
    DisputeResolution,
    DueDiligenceResult,
    EquipmentCategory,
    ExportControl,
    FinancialHealth,
    GateCondition,
    GovernmentTies,
    IncidentHistory,
    IpStrategy,
    Level,
    Maintenance,
    MeasureStatus,
    MeetsStandard,
    PartnerRole,
    PeopleKind,
    Renewal,
    ReservedMatter,
    RiskRating,
    StateOwnership,
    TechForm,
)

FORMAT_VERSION = 1
SUPPORTED_FORMAT_VERSIONS = (1,)

#: The party "us" (our company) and "site" (the local JV, subsidiary or R&D site) are fixed ids
#: that references may use beside partner ids.
US = "us"
SITE = "site"
RESERVED_IDS = frozenset({US, SITE})

SLUG_MAX_LENGTH = 48
SLUG_PATTERN = rf"^[a-z0-9][a-z0-9_-]{{0,{SLUG_MAX_LENGTH - 1}}}$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
"""A short id: lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 48 characters."""

COUNTRY_CODE_PATTERN = r"^[A-Z]{2}$"
CountryCode = Annotated[str, StringConstraints(pattern=COUNTRY_CODE_PATTERN)]
"""ISO 3166-1 alpha-2 code in capitals, e.g. CN, VN, US."""

Text = Annotated[str, StringConstraints(max_length=4000)]
ShortText = Annotated[str, StringConstraints(max_length=200)]
Percent = Annotated[float, Field(ge=0, le=100)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]


class Strict(BaseModel):
    """Base for every model of the format: unknown keys are errors, values are re-checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


def _with_short_form(schema: dict, handler: Any) -> dict:
    """JSON Schema of a status-bearing model that also accepts its bare status string."""
    status = handler.resolve_ref_schema(schema)["properties"]["status"]
    return {"anyOf": [status, schema]}


class Measure(Strict):
    """The state of one of our measures. In YAML either a bare status (``in_place``) or a mapping."""

    status: MeasureStatus
    note: Text | None = None
    owner: ShortText | None = None
    due: dt.date | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_bare_status(cls, data: Any) -> Any:
        return {"status": data} if isinstance(data, str) else data

    @model_serializer(mode="wrap")
    def _to_bare_status(self, handler):
        # A measure with nothing but a status is written back in its short form.
        if self.note is None and self.owner is None and self.due is None:
            return self.status.value
        return handler(self)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict:
        return _with_short_form(handler(core_schema), handler)


MeasureField = Measure | None


# --------------------------------------------------------------------------- project


class ProjectInfo(Strict):
    id: Slug | None = Field(None, description="Short id of the project; defaults to the file name.")
    name: ShortText
    deal_type: DealType
    host_country: CountryCode
    sector: ShortText | None = None
    description: Text | None = None
    site_name: ShortText | None = Field(None, description="Name of the local JV, subsidiary or site.")
    start: dt.date | None = None
    operation_start: dt.date | None = None
    planned_end: dt.date | None = None


class OurCompany(Strict):
    """HQ readiness (guidance ch1.1.1, 1.1.2, 1.1.4, 1.5 and the people measures of ch2)."""

    core_technologies_identified: MeasureField = None
    technology_locations_mapped: MeasureField = None
    information_rules: MeasureField = None
    generative_ai_rules: MeasureField = None
    training_and_pledges: MeasureField = None
    rules_updated_from_incidents: MeasureField = None
    tech_interest_intelligence: MeasureField = None
    cross_functional_unit: MeasureField = None
    executive_sponsor: MeasureField = None
    patent_secret_criteria: MeasureField = None
    employee_invention_rules: MeasureField = None
    patent_drafting_care: MeasureField = None
    trade_secret_management: MeasureField = None
    overseas_rnd_reporting: MeasureField = None
    device_rules: MeasureField = None
    leak_detection: MeasureField = None
    leaver_process: MeasureField = None
    posting_device_rules: MeasureField = None
    counter_intelligence_training: MeasureField = None


class Planning(Strict):
    """Project-specific checks before the contract (guidance ch1.1.3–1.1.7)."""

    host_law_review: MeasureField = None
    local_practice_review: MeasureField = None
    host_tech_interest_checked: MeasureField = None
    labour_law_review: MeasureField = None
    labour_customs_reflected: MeasureField = None
    transfer_scope_for_job_market: MeasureField = None
    stakeholder_consent_checked: MeasureField = None
    stakeholder_briefing: MeasureField = None


# --------------------------------------------------------------------------- technologies


class Importance(Strict):
    market_value: Level | None = None
    catch_up_years: Annotated[float, Field(ge=0, le=50)] | None = Field(
        None, description="Years a competitor would need to catch up without our technology."
    )
    choke_point: bool | None = Field(None, description="A unique technology the supply chain cannot do without.")
    investment: Level | None = None


class TradeSecretStatus(Strict):
    """The three legal requirements of a trade secret (Unfair Competition Prevention Act)."""

    secrecy_managed: bool | None = None
    useful: bool | None = None
    not_public: bool | None = None


class Technology(Strict):
    id: Slug
    name: ShortText
    code_name: ShortText | None = None
    description: Text | None = None
    core: bool = True
    forms: list[TechForm] = Field(default_factory=list)
    locations: list[ShortText] = Field(default_factory=list)
    importance: Importance = Field(default_factory=Importance)
    export_control: ExportControl | None = None
    ip_strategy: IpStrategy | None = None
    trade_secret: TradeSecretStatus = Field(default_factory=TradeSecretStatus)
    whole_process_holders: Count | None = None
    whole_process_holders_listed: bool | None = None


# --------------------------------------------------------------------------- country


class CountryOverride(Strict):
    rating: RiskRating
    reason: Text
    source: Text | None = None


# --------------------------------------------------------------------------- partners


class DueDiligence(Strict):
    """Partner due diligence on information management, finances and compliance (guidance ch1.1.6)."""

    performed_on: dt.date | None = None
    interviews: bool | None = None
    site_visit: bool | None = None
    information_rules: DueDiligenceResult | None = None
    responsible_unit: DueDiligenceResult | None = None
    training: DueDiligenceResult | None = None
    physical_technical_controls: DueDiligenceResult | None = None
    monitoring: DueDiligenceResult | None = None
    past_incidents: IncidentHistory | None = None
    financial_health: FinancialHealth | None = None
    compliance: DueDiligenceResult | None = None
    meets_our_standard: MeetsStandard | None = None
    note: Text | None = None


class Partner(Strict):
    id: Slug
    name: ShortText
    role: PartnerRole
    country: CountryCode | None = None
    parent: Slug | None = Field(None, description="Id of the partner that owns this one (ownership chain).")
    parent_share: Percent | None = None
    ultimate_owner: ShortText | None = None
    state_ownership: StateOwnership | None = None
    government_ties: GovernmentTies | None = None
    competes_with_us: bool | None = None
    affiliates_compete: bool | None = None
    subsidy_applications: bool | None = Field(
        None, description="Has applied, or will apply, for state subsidies related to our technology."
    )
    sanctions_listed: bool | None = None
    due_diligence: DueDiligence = Field(default_factory=DueDiligence)
    note: Text | None = None


# --------------------------------------------------------------------------- governance


class Shareholding(Strict):
    holder: Slug = Field(description="'us' or a partner id.")
    percent: Percent
    voting: bool = True


class BoardSeats(Strict):
    holder: Slug = Field(description="'us' or a partner id.")
    seats: Count


class Governance(Strict):
    """JV governance (guidance ch1.2.5)."""

    equity: list[Shareholding] = Field(default_factory=list)
    transfer_restricted_shares: bool | None = None
    non_voting_share_option: bool | None = None
    partner_golden_share: bool | None = None
    partner_latent_shares: bool | None = None
    board: list[BoardSeats] = Field(default_factory=list)
    chair: Slug | None = None
    director_election_special_resolution: bool | None = None
    reserved_matters: list[ReservedMatter] = Field(default_factory=list)
    deadlock: DeadlockMechanism | None = None
    call_option: bool | None = None
    put_option: bool | None = None
    licence_terminates_on_dissolution: bool | None = None
    technology_returned_on_dissolution: bool | None = None
    no_poach_after_termination_months: Annotated[int, Field(ge=0, le=120)] | None = None

    def voting_share(self, holder: str = US) -> float | None:
        """The holder's share of the votes, 0–100; None when no equity is recorded (unknown, not zero).

        Non-voting shares carry no votes, so they leave the total: a holder of 45 % of the equity, all voting,
        next to 30 % non-voting partner equity holds 45 / 70 = 64 % of the votes. Equity not recorded (a list
        summing to less than 100, which the check warns about) still counts as votes held by others.
        """
        if not self.equity:
            return None
        votes = 100 - sum(s.percent for s in self.equity if not s.voting)
        ours = sum(s.percent for s in self.equity if s.holder == holder and s.voting)
        return round(100 * ours / votes, 4) if votes > 0 else 0.0

    def holds_majority(self, holder: str = US) -> bool | None:
        """More than half of the votes: the holder carries ordinary resolutions alone. None when unknown."""
        share = self.voting_share(holder)
        return None if share is None else share > MAJORITY_ABOVE


#: A holder with more than this share of the votes (%) holds the majority; exactly half is a deadlock, not control.
MAJORITY_ABOVE = 50.0


# --------------------------------------------------------------------------- contract


class ClauseEntry(Strict):
    status: ClauseStatus
    note: Text | None = None
    draft_reference: ShortText | None = Field(None, description="Article number in the draft, e.g. 'Art. 12.3'.")
    variables: dict[Slug, float | int | str | bool] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _from_bare_status(cls, data: Any) -> Any:
        return {"status": data} if isinstance(data, str) else data

    @model_serializer(mode="wrap")
    def _to_bare_status(self, handler):
        if self.note is None and self.draft_reference is None and not self.variables:
            return self.status.value
        return handler(self)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict:
        return _with_short_form(handler(core_schema), handler)


class Contract(Strict):
    """The deal's contract set (guidance ch1.2.1–1.2.4); clause ids come from contract_clauses/."""

    signed_on: dt.date | None = None
    term_years: Annotated[float, Field(gt=0, le=99)] | None = None
    renewal: Renewal | None = None
    governing_law: CountryCode | None = None
    dispute_resolution: DisputeResolution | None = None
    arbitration_seat: ShortText | None = None
    arbitration_institution: ShortText | None = None
    triggers: list[ChangeOfControlTrigger] = Field(
        default_factory=list, description="Changes of circumstance that give us consent, notice or termination rights."
    )
    clauses: dict[Slug, ClauseEntry] = Field(default_factory=dict)
    review_by_importance: MeasureField = None
    practitioner_guideline: MeasureField = None


# --------------------------------------------------------------------------- disclosure


class DisclosureItem(Strict):
    technology: Slug
    level: DisclosureLevel
    recipient: Slug = Field(description="'site' or a partner id.")
    method: DisclosureMethod
    note: Text | None = None


class Gate(Strict):
    conditions: list[GateCondition] = Field(default_factory=list)
    note: Text | None = None


class DisclosureStage(Strict):
    id: Slug
    name: ShortText
    start: dt.date | None = None
    end: dt.date | None = None
    gate: Gate = Field(default_factory=Gate)
    items: list[DisclosureItem] = Field(default_factory=list)


class BlackBoxing(Strict):
    """Keeping what is not needed out of sight (guidance ch1.3.2)."""

    code_names: MeasureField = None
    sanitised_drawings: MeasureField = None
    hidden_supply_sources: MeasureField = None
    key_parts_in_house: MeasureField = None
    answer_scope_defined: MeasureField = None


class Disclosure(Strict):
    stages: list[DisclosureStage] = Field(default_factory=list)
    black_boxing: BlackBoxing = Field(default_factory=BlackBoxing)


# --------------------------------------------------------------------------- people and equipment


class PeopleGroup(Strict):
    id: Slug
    name: ShortText | None = None
    kind: PeopleKind
    employer: Slug = Field(description="'us', 'site' or a partner id.")
    headcount: Count | None = None
    access: list[Slug] = Field(default_factory=list, description="Ids of the technologies this group can reach.")
    post_employment_confidentiality: bool | None = None
    pledges_signed: bool | None = None
    trained: bool | None = None
    expected_annual_turnover_percent: Percent | None = None


class Equipment(Strict):
    id: Slug
    name: ShortText
    category: EquipmentCategory
    embodies: list[Slug] = Field(default_factory=list, description="Ids of the technologies built into it.")
    owner: Slug = Field(description="'us', 'site' or a partner id.")
    location: ShortText | None = None
    maintenance: Maintenance | None = None
    maintenance_contractor: Slug | None = None
    maker_name_hidden: bool | None = None
    disposal: DisposalPlan | None = None
    disposal_witnessed: bool | None = None
    disposal_contractor: Slug | None = None
    disposal_contractor_vetted: bool | None = None


# --------------------------------------------------------------------------- operations, exit, decisions


class Operations(Strict):
    """Information management after provision (guidance ch1.3.3, 1.3.4)."""

    security_policy: MeasureField = None
    access_reviews: MeasureField = None
    disclosure_register: MeasureField = None
    split_knowhow: MeasureField = None
    onsite_audits: MeasureField = None
    partner_patent_watch: MeasureField = None
    local_it_security: MeasureField = None
    equipment_sensitivity_mapped: MeasureField = None
    maintenance_controls: MeasureField = None
    audit_interval_months: Annotated[int, Field(ge=1, le=120)] | None = None


class Exit(Strict):
    """Exit plan and after-exit follow-up (guidance ch1.4)."""

    planned_on: dt.date | None = None
    exit_policy: MeasureField = None
    access_reset: MeasureField = None
    heightened_monitoring: MeasureField = None
    staff_confidentiality_checked: MeasureField = None
    equipment_disposal_procedure: MeasureField = None
    competitor_watch: MeasureField = None
    patent_watch: MeasureField = None
    former_staff_watch: MeasureField = None
    partner_relationship: MeasureField = None
    litigation_readiness: MeasureField = None


class Decision(Strict):
    finding: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    status: DecisionStatus
    justification: Text | None = None
    by: ShortText | None = None
    at: dt.datetime | dt.date | None = None


# --------------------------------------------------------------------------- the whole file


class ProjectSpec(Strict):
    """One project file."""

    format_version: int = FORMAT_VERSION
    project: ProjectInfo
    our_company: OurCompany = Field(default_factory=OurCompany)
    planning: Planning = Field(default_factory=Planning)
    technologies: list[Technology] = Field(default_factory=list)
    country_overrides: dict[CountryFactor, CountryOverride] = Field(default_factory=dict)
    partners: list[Partner] = Field(default_factory=list)
    governance: Governance = Field(default_factory=Governance)
    contract: Contract = Field(default_factory=Contract)
    disclosure: Disclosure = Field(default_factory=Disclosure)
    people: list[PeopleGroup] = Field(default_factory=list)
    equipment: list[Equipment] = Field(default_factory=list)
    operations: Operations = Field(default_factory=Operations)
    exit: Exit = Field(default_factory=Exit)
    decisions: list[Decision] = Field(default_factory=list)

    def measure(self, measure_id: str) -> Measure | None:
        """One of our measures by its catalogue id (``section.field``, e.g. ``operations.access_reviews``).

        None when the project leaves it unset (unknown); a KeyError for an id the format does not have.
        """
        parent, field = self._measure_parent(measure_id)
        return getattr(parent, field)

    def set_measure(self, measure_id: str, entry: Measure | None) -> None:
        """Record one measure in place (None makes it unknown again); the entry is checked like any field."""
        parent, field = self._measure_parent(measure_id)
        setattr(parent, field, entry)

    def with_measure(self, measure_id: str, status: MeasureStatus) -> ProjectSpec:
        """A copy with one measure set to ``status``, keeping its note, owner and due date."""
        new = self.model_copy(deep=True)
        old = new.measure(measure_id)
        new.set_measure(measure_id, old.model_copy(update={"status": status}) if old else Measure(status=status))
        return new

    def _measure_parent(self, measure_id: str) -> tuple[Strict, str]:
        section, _, field = measure_id.rpartition(".")
        cls = MEASURE_SECTIONS.get(section)
        if cls is None or cls.model_fields.get(field) is None or cls.model_fields[field].annotation != MeasureField:
            raise KeyError(f"no measure {measure_id!r} in the project format")
        parent: Strict = self
        for part in section.split("."):
            parent = getattr(parent, part)
        return parent, field


#: The sections of the format that hold our measures; the measure catalogue names each
#: measure ``<section>.<field>`` (e.g. ``operations.access_reviews``).
MEASURE_SECTIONS: dict[str, type[Strict]] = {
    "our_company": OurCompany,
    "planning": Planning,
    "contract": Contract,
    "disclosure.black_boxing": BlackBoxing,
    "operations": Operations,
    "exit": Exit,
}


def measure_ids() -> list[str]:
    """Every measure the format can hold, as ``section.field``, in declaration order."""
    ids = []
    for section, cls in MEASURE_SECTIONS.items():
        for name, info in cls.model_fields.items():
            if info.annotation == MeasureField:
                ids.append(f"{section}.{name}")
    return ids
