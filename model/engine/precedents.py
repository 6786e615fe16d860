"""Precedents: the one or two public cases that resemble a finding — same leak channel, same shape of deal, shared warning signs."""

from __future__ import annotations

from collections.abc import Iterable

from model.format.spec import ProjectSpec
from model.knowledge.library_schema import PrecedentCase

#: How many precedents a finding shows at most: one or two read; more would bury the finding.
SHOWN = 2


def resemblance(case: PrecedentCase, channel: str, fact_ids: Iterable[str], spec: ProjectSpec) -> float:
    """How much a case resembles a finding; 0 when it failed through another channel.

    Two points for the same deal type, one for each warning sign of the case that the finding also raises (a
    country sign counts when the finding carries a fact of that factor), half a point for the same host country.
    """
    if channel not in case.failure_channels:
        return 0.0
    facts = set(fact_ids)
    factors = {f.split(":")[1] for f in facts if f.startswith("country:")}
    shared = 0
    for sign in case.warning_signs:
        tie = sign.ties_to
        if tie.startswith("country:"):
            shared += tie.split(":")[1] in factors
        else:
            shared += tie in facts
    score = (
        2.0 * (case.deal_type == spec.project.deal_type)
        + shared
        + 0.5 * (case.host_country == spec.project.host_country)
    )
    # A case that shares neither the deal's shape nor a warning sign resembles it only by channel: not shown.
    return score if score >= 1 else 0.0


def precedents_for(
    channel: str, fact_ids: Iterable[str], spec: ProjectSpec, cases: Iterable[PrecedentCase]
) -> list[PrecedentCase]:
    """The cases most like a finding, most alike first (ties by id), at most ``SHOWN``."""
    facts = list(fact_ids)
    ranked = sorted(((resemblance(c, channel, facts, spec), c.id, c) for c in cases), key=lambda x: (-x[0], x[1]))
    return [c for score, _, c in ranked if score > 0][:SHOWN]
