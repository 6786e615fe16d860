"""Formats of the library files (clauses, country profiles, checklist, measures, sources), each with the common envelope."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from model.format.vocab import (
    ClauseKind,
    CountryFactor,
    DealType,
    Department,
    LeakChannel,
    Phase,
    RiskRating,
)
from model.knowledge.predicate import Predicate

LibraryId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
ChecklistId = Annotated[str, StringConstraints(pattern=r"^ch[12](\.\d+){2}\.[a-z]$")]
GuidanceRef = Annotated[str, StringConstraints(pattern=r"^ch[12](\.\d+){1,2}(\.[a-z])?$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=8000)]

PLACEHOLDER_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class LibModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(LibModel):
    """Text written by us in both languages."""

    ja: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class Citation(LibModel):
    """A pointer to an entry of the source registry, with the place within it."""

    source: LibraryId
    section: Annotated[str, StringConstraints(max_length=200)] | None = None
    note: Annotated[str, StringConstraints(max_length=500)] | None = None


class Envelope(LibModel):
    """Every library file: what it is, its stable id, its version, when it was last reviewed."""

    kind: str
    id: LibraryId
    version: Annotated[int, Field(ge=1)]
    reviewed: dt.date


class CitedEnvelope(Envelope):
    sources: Annotated[list[Citation], Field(min_length=1)]


# --------------------------------------------------------------------------- sources


class SourceEntry(LibModel):
    id: LibraryId
    title: NonEmpty
    publisher: NonEmpty
    published: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = None
    accessed: dt.date | None = None
    licence_note: Annotated[str, StringConstraints(max_length=500)] | None = None


class SourceRegistry(Envelope):
    kind: Literal["source_registry"]
    sources: Annotated[list[SourceEntry], Field(min_length=1)]


# --------------------------------------------------------------------------- measures and checklist


class MeasureDef(LibModel):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z_.]+$")]
    title: Bilingual
    description: Bilingual
    phase: Phase
    owner: Department
    guidance_refs: Annotated[list[GuidanceRef], Field(min_length=1)]
    channels: list[LeakChannel] = Field(default_factory=list)
    required_when: Predicate | None = None
    """When the deal calls for the measure (default: always). Where it does not, its absence neither counts
    against a channel nor is it proposed; in place it still helps."""


class MeasureCatalogue(CitedEnvelope):
    kind: Literal["measure_catalogue"]
    measures: Annotated[list[MeasureDef], Field(min_length=1)]


class ChecklistItemDef(LibModel):
    id: ChecklistId
    phase: Phase
    owner: Department
    text: Bilingual
    measures: list[str] = Field(default_factory=list, description="Measure ids whose status decides the item.")
    clauses: list[LibraryId] = Field(default_factory=list, description="Clause ids whose status decides the item.")
    applies_when: Predicate | None = None

    @property
    def section(self) -> str:
        """The guidance section the item belongs to, e.g. ``ch1.2.5`` for ``ch1.2.5.c``."""
        return self.id.rsplit(".", 1)[0]


class ChecklistCatalogue(CitedEnvelope):
    kind: Literal["checklist_catalogue"]
    items: Annotated[list[ChecklistItemDef], Field(min_length=1)]


# --------------------------------------------------------------------------- contract clauses


class ClauseVariable(LibModel):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    label: Bilingual
    type: Literal["int", "float", "text", "bool"]
    default: int | float | str | bool
    min: float | None = None
    max: float | None = None
    unit: Bilingual | None = None

    @model_validator(mode="after")
    def _default_in_range(self) -> ClauseVariable:
        if self.type in ("int", "float"):
            if isinstance(self.default, bool) or not isinstance(self.default, (int, float)):
                raise ValueError(f"default of '{self.id}' must be a number")
            if self.min is not None and self.default < self.min:
                raise ValueError(f"default of '{self.id}' is below its minimum {self.min}")
            if self.max is not None and self.default > self.max:
                raise ValueError(f"default of '{self.id}' is above its maximum {self.max}")
        return self


class Caution(LibModel):
    """A host-country or competition-law caution, shown when its condition holds."""

    when: Predicate | None = None
    text: Bilingual
    sources: list[Citation] = Field(default_factory=list)


class ContractClause(CitedEnvelope):
    kind: Literal["contract_clause"]
    title: Bilingual
    clause_kind: ClauseKind
    phase: Phase
    active_phases: list[Phase] = Field(default_factory=list)
    deal_types: Annotated[list[DealType], Field(min_length=1)]
    purpose: Bilingual
    channels: Annotated[list[LeakChannel], Field(min_length=1)]
    guidance_refs: list[GuidanceRef] = Field(default_factory=list)
    origin: Literal["guidance", "practice"] = Field(
        description="'guidance' when the METI guidance asks for it; 'practice' when practice adds it."
    )
    required_when: Predicate | None = None
    variables: list[ClauseVariable] = Field(default_factory=list)
    wording: Bilingual
    fallbacks: list[Bilingual] = Field(default_factory=list)
    cautions: list[Caution] = Field(default_factory=list)

    @model_validator(mode="after")
    def _placeholders_declared(self) -> ContractClause:
        declared = {v.id for v in self.variables}
        for lang in ("ja", "en"):
            used = set(PLACEHOLDER_RE.findall(self.wording.get(lang)))
            if used - declared:
                raise ValueError(f"wording ({lang}) uses undeclared variables: {', '.join(sorted(used - declared))}")
        return self

    def render(self, lang: str, values: dict | None = None) -> str:
        """The model wording with variables filled in (project values over defaults)."""
        merged = {v.id: v.default for v in self.variables} | (values or {})
        return PLACEHOLDER_RE.sub(lambda m: str(merged.get(m.group(1), m.group(0))), self.wording.get(lang))


# --------------------------------------------------------------------------- country profiles


class CountryFact(LibModel):
    """A fact about the host country, with where it comes from and the date it describes."""

    text: Bilingual
    source: Citation
    as_of: dt.date


class FactorAssessment(LibModel):
    """Our judgement of one country factor, resting on cited facts; ``rating: null`` means unknown."""

    rating: RiskRating | None
    judgement: Bilingual = Field(description="Our reasoning, marked in the UI as a judgement.")
    facts: list[CountryFact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _rating_needs_facts(self) -> FactorAssessment:
        if self.rating is not None and not self.facts:
            raise ValueError("a rating needs at least one cited fact; use rating: null when unknown")
        return self


PROFILE_NOTICE = Bilingual(
    ja="国別プロファイルは公開資料に基づく出発点です。評価（判断）はプロジェクトチームのもので、法的助言ではありません。"
    "案件ごとに現地の弁護士等に確認してください。",
    en="A country profile is a starting point built from public sources. Its ratings are the project team's judgements, "
    "not legal advice; check them with local counsel for each project.",
)


class CountryProfile(CitedEnvelope):
    """Host-country factors; every profile is shown with PROFILE_NOTICE."""

    kind: Literal["country_profile"]
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    name: Bilingual
    factors: dict[CountryFactor, FactorAssessment]
    tech_interest_sectors: list[CountryFact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _every_factor(self) -> CountryProfile:
        missing = [f.value for f in CountryFactor if f not in self.factors]
        if missing:
            raise ValueError(f"every factor needs an entry (rating null when unknown); missing: {', '.join(missing)}")
        return self


LIBRARY_KINDS: dict[str, type[Envelope]] = {
    "source_registry": SourceRegistry,
    "measure_catalogue": MeasureCatalogue,
    "checklist_catalogue": ChecklistCatalogue,
    "contract_clause": ContractClause,
    "country_profile": CountryProfile,
}


# --------------------------------------------------------------------------- scoring model


Weight = Annotated[float, Field(ge=0, le=1)]
#: A severity as the scoring matrix and findings write it: the value of a vocab.Severity member.
SeverityName = Literal["low", "medium", "high", "critical"]


FactId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class ChannelWeights(LibModel):
    """How one leak channel turns facts into a threat: a base, host-country factors, per-channel fact weights."""

    base_threat: Weight
    country_factors: dict[CountryFactor, Weight] = Field(default_factory=dict)
    facts: dict[FactId, Weight] = Field(default_factory=dict, description="Overrides of the global fact weights.")


class ImpactModel(LibModel):
    weights: dict[Literal["market_value", "catch_up", "choke_point", "investment", "export_control"], Weight]
    level_values: dict[Literal["low", "medium", "high", "very_high"], Weight]
    catch_up_full_years: Annotated[float, Field(gt=0)]
    choke_point_values: dict[Literal["yes", "no"], Weight]
    export_control_values: dict[Literal["list_controlled", "catch_all", "not_controlled", "unknown"], Weight]
    unknown_value: Weight
    non_core_factor: Weight


class GradeBand(LibModel):
    grade: Literal["A", "B", "C", "D", "E", "?"]
    """A–E from the project score; "?" is the rating of a project with too little to judge (``not_judged``)."""
    min_score: Annotated[float, Field(ge=0, le=100)]
    label: Bilingual


class ScoringModel(CitedEnvelope):
    """Every number the engine uses, in one reviewable file (see libraries/README.md)."""

    kind: Literal["scoring_model"]
    note: Bilingual
    disclosure_levels: dict[
        Literal["overview", "specification", "sanitised_drawings", "full_drawings", "process_knowhow", "recipe_source"],
        Weight,
    ]
    disclosure_methods: dict[
        Literal["view_only_cloud", "on_site_training", "paper", "electronic_copy", "physical_delivery"], Weight
    ]
    country_ratings: dict[Literal["low", "medium", "high", "very_high", "unknown"], Weight]
    clause_strength: dict[Literal["present", "partial", "missing", "not_applicable"], Weight]
    measure_strength: dict[Literal["in_place", "partial", "planned", "absent", "not_applicable"], Weight]
    clause_effect: Weight
    measure_effect: Weight
    control_effects: dict[str, Weight] = Field(
        default_factory=dict, description="Per-id effects overriding the defaults."
    )
    control_floor: Weight
    access_exposure: Weight
    equipment_exposure: dict[Literal["general_as_is", "general_tuned", "custom"], Weight]
    media_exposure_factor: Weight
    facts: dict[FactId, Weight]
    channels: dict[LeakChannel, ChannelWeights]
    impact: ImpactModel
    likelihood_bins: Annotated[list[Weight], Field(min_length=4, max_length=4)]
    impact_bins: Annotated[list[Weight], Field(min_length=4, max_length=4)]
    matrix: Annotated[
        list[Annotated[list[SeverityName], Field(min_length=5, max_length=5)]], Field(min_length=5, max_length=5)
    ]
    aggregate_weights: Annotated[list[Weight], Field(min_length=1)]
    grades: Annotated[list[GradeBand], Field(min_length=2)]
    not_judged: GradeBand
    """The rating of a project that says too little to be judged: never a letter, whatever its score."""

    @model_validator(mode="after")
    def _complete(self) -> ScoringModel:
        missing = [c.value for c in LeakChannel if c not in self.channels]
        if missing:
            raise ValueError(f"channels lacks weights for: {', '.join(missing)}")
        for name, bins in (("likelihood_bins", self.likelihood_bins), ("impact_bins", self.impact_bins)):
            if bins != sorted(bins):
                raise ValueError(f"{name} must be ascending")
        if abs(sum(self.aggregate_weights) - 1) > 1e-6:
            raise ValueError("aggregate_weights must add up to 1")
        if abs(sum(self.impact.weights.values()) - 1) > 1e-6:
            raise ValueError("impact.weights must add up to 1")
        if self.not_judged.grade != "?" or any(g.grade == "?" for g in self.grades):
            raise ValueError("not_judged has the grade '?', and only it")
        bands = [g.min_score for g in self.grades]
        if bands != sorted(bands, reverse=True) or bands[-1] != 0:
            raise ValueError("grades must run from the highest min_score down to 0")
        return self


LIBRARY_KINDS["scoring_model"] = ScoringModel


# --------------------------------------------------------------------------- precedents (calibration/cases/)


class PrecedentSource(LibModel):
    """A public page the case rests on (kept with the case: these are news and court pages, not guidance)."""

    title: NonEmpty
    publisher: NonEmpty
    date: dt.date | int | str
    """A date, a year, or ``unknown`` when the page shows none (``date_note`` says how a date was inferred)."""
    url: NonEmpty
    date_note: str | None = None


class WarningSign(LibModel):
    text: Bilingual
    ties_to: NonEmpty
    """A fact id a rule emits, ``country:<factor>:<rating>``, a checklist id, or ``new:<id>`` (not in the engine)."""


class PreventingControl(LibModel):
    kind: Literal["clause", "measure"]
    id: NonEmpty
    note: Bilingual


class Prevention(LibModel):
    judgement: Literal["ours"]
    controls: list[PreventingControl]
    text: Bilingual


#: The channel issue 12 adds; the cases name it before the engine has a rule for it.
PLANNED_CHANNELS = ("recipient_misuse",)


class PrecedentCase(Envelope):
    """A public case of technology leaking through an overseas deal: what was known, what happened, how it leaked,
    what would have prevented it. Shown to users as "this has happened before" and used to calibrate the engine."""

    kind: Literal["precedent_case"]
    title: Bilingual
    deal_type: DealType
    deal_type_note: str | None = None
    host_country: NonEmpty
    sector: NonEmpty
    year_of_deal: int | str
    years_of_events: list[int | str]
    sources: Annotated[list[PrecedentSource], Field(min_length=1)]
    facts_at_deal_time: Annotated[list[Bilingual], Field(min_length=1)]
    what_happened: Bilingual
    failure_channels: Annotated[list[str], Field(min_length=1)]
    warning_signs: list[WarningSign]
    would_have_prevented: Prevention
    precedent_summary: Bilingual
    notes: str | None = None
    typical_case: bool = False
    guidance_refs: list[GuidanceRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _channels(self) -> PrecedentCase:
        known = {c.value for c in LeakChannel} | set(PLANNED_CHANNELS)
        unknown = [c for c in self.failure_channels if c not in known]
        if unknown:
            raise ValueError(f"failure_channels: unknown channel {', '.join(unknown)}")
        return self

    @property
    def years(self) -> str:
        """When it happened, for a reader: the deal's year and the last year of events."""
        events = [y for y in self.years_of_events if isinstance(y, int)]
        first = self.year_of_deal if isinstance(self.year_of_deal, int) else (min(events) if events else None)
        last = max(events) if events else None
        if first is None:
            return ""
        return f"{first}" if last in (None, first) else f"{first}–{last}"


LIBRARY_KINDS["precedent_case"] = PrecedentCase
