"""How checklist evidence combines into a status, and that every item of a project gets one with evidence."""

from __future__ import annotations

import pytest

from model.api import assess, load_project
from model.engine.checklist import STATUSES, combine

from .conftest import EXAMPLES, MINIMAL


@pytest.mark.parametrize(
    "statuses,expected",
    [
        (["met", "met"], "met"),
        (["met", "partial"], "partial"),
        (["met", "gap"], "partial"),
        (["gap", "gap"], "gap"),
        (["gap", "unknown"], "gap"),
        (["met", "unknown"], "partial"),
        (["unknown"], "unknown"),
        (["not_applicable", "met"], "met"),
        (["not_applicable"], "not_applicable"),
        ([], "unknown"),
    ],
)
def test_combine(statuses, expected):
    assert combine(statuses) == expected


def test_every_item_has_a_status_and_evidence(library):
    for path in EXAMPLES:
        a = assess(load_project(path, library), library)
        assert len(a.checklist) == 106
        for r in a.checklist:
            assert r.status in STATUSES and r.evidence and r.evidence_text("ja") and r.evidence_text("en")


def test_a_half_finished_project_is_mostly_unknown(write, library):
    a = assess(load_project(write(MINIMAL), library), library)
    statuses = [r.status for r in a.checklist if r.id.startswith("ch1")]
    assert statuses.count("unknown") > len(statuses) / 2
    assert a.findings == [] and a.score == 0  # nothing disclosed, nothing scored
