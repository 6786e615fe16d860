"""Golden end-to-end runs: each example's score, grade, findings and checklist, compared with the reviewed result.

Each golden file also records the versions it was made with: the scoring model's and every library file's. A change
fails with a list of what changed (score, each finding's severity and score before → after, checklist items, the stage
timeline, versions). After a deliberate change to rules, weights or libraries, re-make the files with
``TTPLAN_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``: the same list is printed, for the commit message,
and the files are rewritten; review their diff before committing it.
"""

from __future__ import annotations

import json
import os

import pytest

from model.api import assess, load_project

from .conftest import EXAMPLES

GOLDEN = EXAMPLES[0].parent.parent / "tests" / "golden"
UPDATE = bool(os.environ.get("TTPLAN_UPDATE_GOLDEN"))


def summary(path, library) -> dict:
    a = assess(load_project(path, library), library)
    return {
        "score": a.score,
        "grade": a.grade.grade,
        "findings": {f.id: [f.severity, f.score] for f in a.findings},
        "checklist": {r.id: r.status for r in a.checklist},
        "timeline": [[p.stage_id, p.score] for p in a.timeline],
        "versions": {"scoring_model": library.scoring.version, "libraries": dict(sorted(library.versions.items()))},
    }


def _finding(value) -> str:
    severity, score = value
    return f"{severity} {score}"


def changes(before: dict, after: dict) -> list[str]:
    """What differs between two summaries, one line per change, in words a reviewer reads."""
    out = []
    if (before.get("score"), before.get("grade")) != (after["score"], after["grade"]):
        out.append(f"project: {before.get('score')} ({before.get('grade')}) → {after['score']} ({after['grade']})")
    old, new = before.get("findings", {}), after["findings"]
    for fid in sorted(old.keys() | new.keys()):
        if fid not in new:
            out.append(f"finding {fid}: {_finding(old[fid])} → gone")
        elif fid not in old:
            out.append(f"finding {fid}: new → {_finding(new[fid])}")
        elif old[fid] != new[fid]:
            out.append(f"finding {fid}: {_finding(old[fid])} → {_finding(new[fid])}")
    old, new = before.get("checklist", {}), after["checklist"]
    for item in sorted(old.keys() | new.keys()):
        if old.get(item) != new.get(item):
            out.append(f"checklist {item}: {old.get(item, '—')} → {new.get(item, '—')}")
    if before.get("timeline") != after["timeline"]:
        out.append(f"timeline: {before.get('timeline')} → {after['timeline']}")
    old_v, new_v = before.get("versions", {}), after["versions"]
    if old_v.get("scoring_model") != new_v["scoring_model"]:
        out.append(f"scoring model version: {old_v.get('scoring_model', '—')} → {new_v['scoring_model']}")
    old, new = old_v.get("libraries", {}), new_v["libraries"]
    for lib in sorted(old.keys() | new.keys()):
        if old.get(lib) != new.get(lib):
            out.append(f"library {lib} version: {old.get(lib, '—')} → {new.get(lib, '—')}")
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_golden(path, library, capsys):
    expected_file = GOLDEN / f"{path.stem}.json"
    got = summary(path, library)
    expected = json.loads(expected_file.read_text(encoding="utf-8")) if expected_file.exists() else {}
    changed = changes(expected, got)
    if UPDATE:
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        with capsys.disabled():  # shown even though pytest captures output: the point of re-making is to read this
            print(f"\n{expected_file.name}: " + ("unchanged" if not changed else f"{len(changed)} changes"))
            for line in changed:
                print(f"  {line}")
        return
    assert not changed, (
        f"{path.stem} differs from {expected_file.name}:\n  "
        + "\n  ".join(changed)
        + "\nIf the change is meant, re-make with TTPLAN_UPDATE_GOLDEN=1 and explain it in the commit."
    )
    assert got == expected  # nothing changes() overlooks


def test_changes_names_each_finding_before_and_after():
    before = {
        "score": 10.0,
        "grade": "B",
        "findings": {"a@t": ["low", 5.0], "b@t": ["high", 30.0]},
        "checklist": {"ch1.1.1.a": "gap"},
        "timeline": [["s1", 10.0]],
        "versions": {"scoring_model": 1, "libraries": {"scoring_model:scoring": 1}},
    }
    after = {
        "score": 12.0,
        "grade": "C",
        "findings": {"a@t": ["medium", 8.5], "c@t": ["low", 1.0]},
        "checklist": {"ch1.1.1.a": "met"},
        "timeline": [["s1", 12.0]],
        "versions": {"scoring_model": 2, "libraries": {"scoring_model:scoring": 2}},
    }
    assert changes(before, after) == [
        "project: 10.0 (B) → 12.0 (C)",
        "finding a@t: low 5.0 → medium 8.5",
        "finding b@t: high 30.0 → gone",
        "finding c@t: new → low 1.0",
        "checklist ch1.1.1.a: gap → met",
        "timeline: [['s1', 10.0]] → [['s1', 12.0]]",
        "scoring model version: 1 → 2",
        "library scoring_model:scoring version: 1 → 2",
    ]
    assert changes(after, after) == []
