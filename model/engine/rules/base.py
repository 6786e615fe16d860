"""What every leak-channel rule reads (the context) and hands back (exposures, facts that raise the threat, a path)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from model.engine.graph import SITE, Disclosure, ProjectGraph, node_of
from model.format.spec import Partner, ProjectSpec, Technology
from model.format.vocab import CountryFactor, DueDiligenceResult, LeakChannel, MeetsStandard, PartnerRole
from model.knowledge.library import Library
from model.knowledge.library_schema import ScoringModel


class Msg(NamedTuple):
    """A sentence in both languages."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True, slots=True)
class Exposure:
    """How much of the technology is within reach on this channel (0–1), and from which stage (None: always)."""

    value: float
    stage: int | None
    text: Msg


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact of the project that raises the threat on a channel; its weight comes from the scoring model."""

    id: str
    text: Msg


@dataclass(slots=True)
class ChannelEvidence:
    exposures: list[Exposure] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    path: list[str] = field(default_factory=list)


def fact_weight(fact: Fact, channel: LeakChannel, scoring: ScoringModel) -> float:
    """A fact's weight on a channel: the channel's own weight if it has one, else the common one; a country fact
    is the channel's weight of that factor times the rating's value."""
    if fact.id.startswith("country:"):
        _, factor, rating = fact.id.split(":")
        return scoring.channels[channel].country_factors[factor] * scoring.country_ratings[rating]
    weights = scoring.channels[channel].facts
    return weights[fact.id] if fact.id in weights else scoring.facts[fact.id]  # every declared fact has one (at load)


def weighed_facts(facts: list[Fact], channel: LeakChannel, scoring: ScoringModel) -> list[tuple[Fact, float]]:
    """Each fact once (the first wording of an id wins), with its weight."""
    seen: set[str] = set()
    out = []
    for fact in facts:
        if fact.id not in seen:
            seen.add(fact.id)
            out.append((fact, fact_weight(fact, channel, scoring)))
    return out


def threat(weighed: list[tuple[Fact, float]], channel: LeakChannel, scoring: ScoringModel) -> float:
    """The threat on a channel (0–1): its base threat and every fact combined as independent causes (noisy-or)."""
    remaining = 1 - scoring.channels[channel].base_threat
    for _, weight in weighed:
        remaining *= 1 - weight
    return 1 - remaining


#: The facts ``RuleContext.partner_facts`` can find about a recipient; a rule passing them on declares those it uses.
PARTNER_FACTS = (
    "partner_competes",
    "affiliate_competes",
    "state_owned",
    "government_ties",
    "subsidy",
    "dd_missing",
    "dd_below",
    "dd_remediation",
    "dd_weak_controls",
    "past_incidents",
)


class Rule(Protocol):
    """One leak channel. ``evaluate`` returns None when the channel does not apply to the technology.

    ``FACTS`` lists every fact id the rule can emit (host-country facts aside, which the channel's
    ``country_factors`` weigh), so the library is checked for their weights when it is loaded.
    """

    CHANNEL: LeakChannel
    REFS: tuple[str, ...]
    FACTS: tuple[str, ...]

    def evaluate(self, ctx: RuleContext, tech: Technology) -> ChannelEvidence | None: ...


class RuleContext:
    """The project, its graph, the library and the effective host-country ratings, as rules need them."""

    def __init__(self, spec: ProjectSpec, library: Library, graph: ProjectGraph | None = None):
        self.spec = spec
        self.library = library
        self.scoring: ScoringModel = library.scoring
        self.graph = graph or ProjectGraph(spec)
        self._partner_facts: dict[str, list[Fact]] = {}
        self.memo: dict[str, object] = {}
        """Per-project results a rule may reuse across technologies (keyed by rule and object)."""
        self._country_facts: dict[LeakChannel, list[Fact]] = {}
        profile = library.countries.get(spec.project.host_country)
        self.country_rating: dict[CountryFactor, str] = {}
        self.country_source: dict[CountryFactor, str] = {}
        for factor in CountryFactor:
            override = spec.country_overrides.get(factor)
            assessed = profile.factors.get(factor) if profile else None
            if override is not None:
                self.country_rating[factor], self.country_source[factor] = override.rating.value, "override"
            elif assessed is not None and assessed.rating is not None:
                self.country_rating[factor], self.country_source[factor] = assessed.rating.value, "profile"
            else:
                self.country_rating[factor], self.country_source[factor] = "unknown", "unknown"

    def once(self, key: str, compute):
        """A per-project value computed on first use: rules run once per technology, so whole-project scans go here."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    # ----------------------------------------------------------------- exposure helpers

    def level_value(self, d: Disclosure) -> float:
        s = self.scoring
        return s.disclosure_levels[d.level] * s.disclosure_methods[d.method]

    def disclosure_exposures(
        self, tech: Technology, recipients: set[str] | None = None, methods: set[str] | None = None
    ) -> list[Exposure]:
        """One exposure per hand-over of the technology to the given recipients (all when None)."""
        out = []
        for d in self.graph.disclosures_of(tech.id):
            if recipients is not None and d.recipient not in recipients:
                continue
            if methods is not None and d.method not in methods:
                continue
            out.append(
                Exposure(
                    self.level_value(d),
                    d.stage_index,
                    Msg(
                        f"段階「{self.stage_name(d.stage_index)}」で{self.party_name(d.recipient, 'ja')}に"
                        f"{self.vocab_label('level', d.level, 'ja')}を{self.vocab_label('method', d.method, 'ja')}で提供",
                        f"stage '{self.stage_name(d.stage_index)}': {self.vocab_label('level', d.level, 'en')} to "
                        f"{self.party_name(d.recipient, 'en')} by {self.vocab_label('method', d.method, 'en')}",
                    ),
                )
            )
        return out

    def stage_name(self, index: int) -> str:
        return self.spec.disclosure.stages[index].name

    def party_name(self, party: str, lang: str) -> str:
        if party == SITE:
            return self.spec.project.site_name or ("現地拠点" if lang == "ja" else "the local site")
        if party == "us":
            return "自社" if lang == "ja" else "our company"
        partner = self.graph.partners.get(party)
        return partner.name if partner else party

    @staticmethod
    def vocab_label(kind: str, value: str, lang: str) -> str:
        from model.format.vocab import DisclosureLevel, DisclosureMethod

        cls = {"level": DisclosureLevel, "method": DisclosureMethod}[kind]
        return cls(value).label(lang)

    # ----------------------------------------------------------------- threat helpers

    def country(self, factor: CountryFactor) -> str:
        return self.country_rating[factor]

    def country_facts(self, channel: LeakChannel) -> list[Fact]:
        """Host-country factors the scoring model links to the channel, rated medium or above (or unknown)."""
        if channel not in self._country_facts:
            self._country_facts[channel] = self._make_country_facts(channel)
        return self._country_facts[channel]

    def _make_country_facts(self, channel: LeakChannel) -> list[Fact]:
        weights = self.scoring.channels[channel].country_factors
        out = []
        for factor in weights:
            rating = self.country_rating[factor]
            if rating in ("low",):
                continue
            source = {
                "override": ("案件での評価", "project's own rating"),
                "profile": ("国別プロファイル", "country profile"),
                "unknown": ("未調査", "not researched"),
            }[self.country_source[factor]]
            from model.format.vocab import RiskRating

            label = (
                (RiskRating(rating).label_ja, RiskRating(rating).label_en)
                if rating != "unknown"
                else ("不明", "unknown")
            )
            out.append(
                Fact(
                    f"country:{factor.value}:{rating}",
                    Msg(
                        f"相手国の「{factor.label_ja}」が{label[0]}（{source[0]}）",
                        f"host country: {factor.label_en} is {label[1]} ({source[1]})",
                    ),
                )
            )
        return out

    def partner_facts(self, partner: Partner) -> list[Fact]:
        """Facts about a recipient that raise the threat on most channels (ownership, ties, competition, DD)."""
        if partner.id not in self._partner_facts:
            self._partner_facts[partner.id] = self._make_partner_facts(partner)
        return self._partner_facts[partner.id]

    def _make_partner_facts(self, partner: Partner) -> list[Fact]:
        facts = []
        name = partner.name
        if partner.competes_with_us:
            facts.append(Fact("partner_competes", Msg(f"{name}は当社の競合", f"{name} competes with us")))
        if partner.affiliates_compete or any(a.competes_with_us for a in self.graph.affiliates_of(partner.id)):
            facts.append(
                Fact(
                    "affiliate_competes",
                    Msg(f"{name}のグループ会社が当社と競合", f"a company in {name}'s group competes with us"),
                )
            )
        if partner.state_ownership is not None and partner.state_ownership.value != "none":
            facts.append(
                Fact(
                    "state_owned",
                    Msg(
                        f"{name}に政府が出資（{partner.state_ownership.label_ja}）",
                        f"{name} has state ownership ({partner.state_ownership.label_en})",
                    ),
                )
            )
        if partner.government_ties is not None and partner.government_ties.value == "direct":
            facts.append(
                Fact(
                    "government_ties", Msg(f"{name}は政府と直接のつながりがある", f"{name} has direct government ties")
                )
            )
        if partner.subsidy_applications:
            facts.append(
                Fact(
                    "subsidy",
                    Msg(
                        f"{name}が当社技術に関連する補助金を申請",
                        f"{name} applies for subsidies related to our technology",
                    ),
                )
            )
        dd = partner.due_diligence
        if dd.meets_our_standard is None and dd.performed_on is None and dd.information_rules is None:
            facts.append(
                Fact(
                    "dd_missing",
                    Msg(f"{name}の情報管理DDが未実施・不明", f"no due diligence on {name}'s information management"),
                )
            )
        elif dd.meets_our_standard == MeetsStandard.BELOW:
            facts.append(
                Fact(
                    "dd_below",
                    Msg(
                        f"{name}の情報管理は当社水準に達していない",
                        f"{name} is below our information-security standard",
                    ),
                )
            )
        elif dd.meets_our_standard == MeetsStandard.AFTER_REMEDIATION:
            facts.append(
                Fact(
                    "dd_remediation",
                    Msg(f"{name}の情報管理は改善待ち", f"{name}'s information security awaits remediation"),
                )
            )
        weak = [
            f
            for f in ("information_rules", "training", "physical_technical_controls", "monitoring")
            if getattr(dd, f) in (DueDiligenceResult.WEAK, DueDiligenceResult.ABSENT)
        ]
        if weak and dd.meets_our_standard != MeetsStandard.BELOW:
            facts.append(
                Fact(
                    "dd_weak_controls",
                    Msg(
                        f"{name}の情報管理に弱い点（{len(weak)}項目）",
                        f"{name} has weak information controls ({len(weak)} areas)",
                    ),
                )
            )
        if dd.past_incidents is not None and dd.past_incidents.value == "serious":
            facts.append(
                Fact("past_incidents", Msg(f"{name}に重大な情報流出の前歴", f"{name} had serious leaks before"))
            )
        return facts

    def jv_partners(self) -> list[Partner]:
        """The JV partners (who stand behind the site in a joint venture)."""
        return self.once("jv_partners", lambda: [p for p in self.spec.partners if p.role == PartnerRole.JV_PARTNER])

    def recipients(self, tech: Technology) -> list[str]:
        """Parties (site or partner ids) that receive the technology in any stage, in order of first hand-over."""
        seen: list[str] = []
        for d in self.graph.disclosures_of(tech.id):
            if d.recipient not in seen:
                seen.append(d.recipient)
        return seen

    def tech_node(self, tech: Technology) -> str:
        return node_of("technology", tech.id)
