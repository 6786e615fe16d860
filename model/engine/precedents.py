"""Precedents: the one or two public cases that resemble a finding — same leak channel, same shape of deal, shared warning signs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from model.format.spec import ProjectSpec
from model.knowledge.library_schema import PrecedentCase

#: How many precedents a finding shows at most: one or two read; more would bury the finding.
SHOWN = 2


@dataclass(frozen=True, slots=True)
class _Profile:
    """What of a case can be compared with a finding of this project, worked out once per assessment."""

    case: PrecedentCase
    base: float
    """2 for the same deal type, 0.5 for the same host country."""
    fact_ties: tuple[str, ...]
    factor_ties: tuple[str, ...]
    """The country factors of the case's ``country:<factor>:<rating>`` warning signs (the rating is indicative)."""


def _profile(case: PrecedentCase, spec: ProjectSpec) -> _Profile:
    ties = [s.ties_to for s in case.warning_signs]
    return _Profile(
        case,
        2.0 * (case.deal_type == spec.project.deal_type) + 0.5 * (case.host_country == spec.project.host_country),
        tuple(t for t in ties if not t.startswith("country:")),
        tuple(t.split(":")[1] for t in ties if t.startswith("country:")),
    )


def _score(profile: _Profile, facts: set[str], factors: set[str]) -> float:
    shared = sum(t in facts for t in profile.fact_ties) + sum(f in factors for f in profile.factor_ties)
    score = profile.base + shared
    # A case that shares neither the deal's shape nor a warning sign resembles it only by channel: not shown.
    return score if score >= 1 else 0.0


def _factors(facts: set[str]) -> set[str]:
    return {f.split(":")[1] for f in facts if f.startswith("country:")}


def resemblance(case: PrecedentCase, channel: str, fact_ids: Iterable[str], spec: ProjectSpec) -> float:
    """How much a case resembles a finding; 0 when it failed through another channel.

    Two points for the same deal type, one for each warning sign of the case that the finding also raises (a
    country sign counts when the finding carries a fact of that factor), half a point for the same host country.
    """
    if channel not in case.failure_channels:
        return 0.0
    facts = set(fact_ids)
    return _score(_profile(case, spec), facts, _factors(facts))


class Precedents:
    """The precedents of one project's findings: cases profiled once, results kept per channel and set of facts
    (findings on different technologies often share both, and a large project has thousands of findings)."""

    def __init__(self, cases: Iterable[PrecedentCase], spec: ProjectSpec):
        self._by_channel: dict[str, list[_Profile]] = {}
        for case in sorted(cases, key=lambda c: c.id):
            profile = _profile(case, spec)
            for channel in case.failure_channels:
                self._by_channel.setdefault(channel, []).append(profile)
        self._seen: dict[tuple[str, frozenset[str]], list[PrecedentCase]] = {}

    def for_finding(self, channel: str, fact_ids: Iterable[str]) -> list[PrecedentCase]:
        """The cases most like a finding, most alike first (ties by id), at most ``SHOWN``."""
        facts = frozenset(fact_ids)
        key = (channel, facts)
        if key not in self._seen:
            factors = _factors(set(facts))
            scored = [(_score(p, facts, factors), p.case.id, p.case) for p in self._by_channel.get(channel, [])]
            ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))
            self._seen[key] = [case for _, _, case in ranked[:SHOWN]]
        return list(self._seen[key])


def precedents_for(
    channel: str, fact_ids: Iterable[str], spec: ProjectSpec, cases: Iterable[PrecedentCase]
) -> list[PrecedentCase]:
    """The cases most like one finding (see ``Precedents`` for many findings of one project)."""
    return Precedents(cases, spec).for_finding(channel, fact_ids)
