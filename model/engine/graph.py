"""The project as a typed graph of who holds, receives, owns and controls what, with queries that read like the guidance.

Nodes carry data, not display text: ``kind``, ``id`` (the object's id; the country code for the host authorities)
and ``name`` (the name the project file gives it, None for our company, the competitors, the authorities and an
unnamed site or people group), plus what the kind adds. The UI and the reports make the labels in their language."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from model.format.spec import SITE, US, DisclosureItem, Equipment, Partner, PeopleGroup, ProjectSpec

# Node kinds. Node keys are "<kind>:<id>" except the fixed nodes "us", "site" and "competitors" (one of each).
TECH, PARTNER, PEOPLE, EQUIPMENT, STAGE, AUTHORITY, COMPETITORS = (
    "technology",
    "partner",
    "people",
    "equipment",
    "stage",
    "authority",
    "competitors",
)
COMPETITORS_NODE = "competitors"


def node_of(kind: str, ident: str) -> str:
    return ident if kind in ("us", "site", COMPETITORS) else f"{kind}:{ident}"


def party_node(party: str) -> str:
    """A reference that may be 'us', 'site' or a partner id, as a node key."""
    return party if party in (US, SITE) else node_of(PARTNER, party)


@dataclass(frozen=True, slots=True)
class Disclosure:
    """One technology handed to one recipient in one stage."""

    stage_index: int
    stage_id: str
    technology: str
    recipient: str
    level: str
    method: str


class ProjectGraph:
    """Typed graph of the project plus the indexes the rules query."""

    def __init__(self, spec: ProjectSpec):
        self.spec = spec
        self.g = nx.MultiDiGraph()
        self.partners: dict[str, Partner] = {p.id: p for p in spec.partners}
        self._disclosures: dict[str, list[Disclosure]] = defaultdict(list)
        self._access: dict[str, list[PeopleGroup]] = defaultdict(list)
        self._embodied: dict[str, list[Equipment]] = defaultdict(list)
        self._children: dict[str, list[str]] = defaultdict(list)
        self._groups: dict[str, list[Partner]] = {}
        self._build()

    # ----------------------------------------------------------------- construction

    def _add(self, kind: str, ident: str, name: str | None, **attrs) -> str:
        key = node_of(kind, ident)
        self.g.add_node(key, kind=kind, id=ident, name=name, **attrs)
        return key

    def _build(self) -> None:
        spec = self.spec
        country = spec.project.host_country
        self._add("us", US, None)
        self._add("site", SITE, spec.project.site_name, country=country)
        self._add(COMPETITORS, COMPETITORS_NODE, None)
        self._add(AUTHORITY, country, None, country=country)
        self.g.add_edge(node_of(AUTHORITY, country), SITE, kind="jurisdiction")
        for tech in spec.technologies:
            key = self._add(TECH, tech.id, tech.name, core=tech.core)
            self.g.add_edge(US, key, kind="holds")
        for partner in spec.partners:
            key = self._add(PARTNER, partner.id, partner.name, role=partner.role.value, country=partner.country)
            if partner.parent:
                self._children[partner.parent].append(partner.id)
                self.g.add_edge(node_of(PARTNER, partner.parent), key, kind="ownership", percent=partner.parent_share)
            if partner.country == country:
                self.g.add_edge(node_of(AUTHORITY, country), key, kind="jurisdiction")
            if partner.competes_with_us:
                self.g.add_edge(key, COMPETITORS_NODE, kind="competes")
        for share in spec.governance.equity:
            self.g.add_edge(
                party_node(share.holder), SITE, kind="ownership", percent=share.percent, voting=share.voting
            )
        for seats in spec.governance.board:
            self.g.add_edge(party_node(seats.holder), SITE, kind="control", seats=seats.seats)
        for i, stage in enumerate(spec.disclosure.stages):
            self._add(STAGE, stage.id, stage.name, index=i)
            for item in stage.items:
                self._disclose(i, stage.id, item)
        for group in spec.people:
            key = self._add(PEOPLE, group.id, group.name, kind_of_people=group.kind.value, headcount=group.headcount)
            self.g.add_edge(key, party_node(group.employer), kind="employment")
            for tech_id in group.access:
                self._access[tech_id].append(group)
                self.g.add_edge(key, node_of(TECH, tech_id), kind="access")
        for eq in spec.equipment:
            key = self._add(EQUIPMENT, eq.id, eq.name, category=eq.category.value)
            self.g.add_edge(party_node(eq.owner), key, kind="ownership")
            for tech_id in eq.embodies:
                self._embodied[tech_id].append(eq)
                self.g.add_edge(key, node_of(TECH, tech_id), kind="embodiment")
            if eq.maintenance_contractor:
                self.g.add_edge(node_of(PARTNER, eq.maintenance_contractor), key, kind="maintenance")

    def _disclose(self, index: int, stage_id: str, item: DisclosureItem) -> None:
        d = Disclosure(index, stage_id, item.technology, item.recipient, item.level.value, item.method.value)
        self._disclosures[item.technology].append(d)
        self.g.add_edge(
            node_of(TECH, item.technology),
            party_node(item.recipient),
            kind="disclosure",
            stage=stage_id,
            level=item.level.value,
            method=item.method.value,
        )

    # ----------------------------------------------------------------- queries

    def label(self, node: str) -> str:
        """The node's name from the project file, or its key when it has none ("us", "competitors",
        "authority:CN", …): plain data for machine output. People-facing labels are made by the UI."""
        return (self.g.nodes[node].get("name") or node) if node in self.g else node

    def disclosures_of(self, tech_id: str) -> list[Disclosure]:
        """Every hand-over of a technology, in stage order."""
        return self._disclosures.get(tech_id, [])

    def people_with_access(self, tech_id: str) -> list[PeopleGroup]:
        return self._access.get(tech_id, [])

    def equipment_embodying(self, tech_id: str) -> list[Equipment]:
        return self._embodied.get(tech_id, [])

    def affiliates_of(self, partner_id: str) -> list[Partner]:
        """The partner's group: its owners up the chain and everything they own, except the partner itself."""
        if partner_id not in self._groups:
            self._groups[partner_id] = self._group(partner_id)
        return self._groups[partner_id]

    def _group(self, partner_id: str) -> list[Partner]:
        top, seen = partner_id, {partner_id}
        while (parent := self.partners.get(top)) is not None and parent.parent and parent.parent not in seen:
            seen.add(parent.parent)
            top = parent.parent
        group, todo = [], [top]
        visited = set()
        while todo:
            current = todo.pop()
            if current in visited:
                continue
            visited.add(current)
            if current != partner_id and current in self.partners:
                group.append(self.partners[current])
            todo.extend(self._children.get(current, []))
        return sorted(group, key=lambda p: p.id)

    def board_seats(self) -> dict[str, int]:
        return {s.holder: s.seats for s in self.spec.governance.board}

    def recipients_in_host_country(self) -> set[str]:
        """Parties under the host authorities' reach: the site and partners registered in the host country."""
        host = self.spec.project.host_country
        return {SITE} | {p.id for p in self.spec.partners if p.country in (host, None)}
