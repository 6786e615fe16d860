"""Golden end-to-end runs: each example's score, grade, findings and checklist, compared with the reviewed result.

After a deliberate change to rules, weights or libraries, rewrite the files with
``TTPLAN_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and review the diff before committing it.
"""

from __future__ import annotations

import json
import os

import pytest

from model.api import assess, load_project

from .conftest import EXAMPLES

GOLDEN = EXAMPLES[0].parent.parent / "tests" / "golden"


def summary(path, library) -> dict:
    a = assess(load_project(path, library), library)
    return {
        "score": a.score,
        "grade": a.grade.grade,
        "findings": {f.id: [f.severity, f.score] for f in a.findings},
        "checklist": {r.id: r.status for r in a.checklist},
        "timeline": [[p.stage_id, p.score] for p in a.timeline],
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_golden(path, library):
    expected_file = GOLDEN / f"{path.stem}.json"
    got = summary(path, library)
    if os.environ.get("TTPLAN_UPDATE_GOLDEN"):
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got["score"] == expected["score"] and got["grade"] == expected["grade"]
    assert got["findings"] == expected["findings"]
    assert got["checklist"] == expected["checklist"]
    assert got["timeline"] == expected["timeline"]
