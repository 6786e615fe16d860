"""Load → save → load gives an equal model; canonical text is stable; saving is atomic."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from model.api import dump_project, load_project, parse_project, save_project, validate_file

from .conftest import EXAMPLES, MINIMAL


def test_there_are_at_least_three_examples():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_is_valid_without_warnings(path, library):
    spec, problems = validate_file(path, library)
    assert spec is not None, "\n".join(p.format("en") for p in problems)
    assert problems == [], "\n".join(p.format("en") for p in problems)
    assert spec.project.id == path.stem


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_round_trip_gives_equal_model_and_stable_text(path, library, tmp_path):
    spec = load_project(path, library)
    out = tmp_path / path.name
    save_project(spec, out)
    again = load_project(out, library)
    assert again == spec
    assert dump_project(again) == out.read_text(encoding="utf-8")


def test_round_trip_of_minimal_project_writes_only_what_was_entered(write, library, tmp_path):
    spec = load_project(write(MINIMAL, "half.yaml"), library)
    text = dump_project(spec)
    assert text.splitlines() == [
        "format_version: 1",
        "project:",
        "  id: half",
        "  name: 試験案件",
        "  deal_type: joint_venture",
        "  host_country: CN",
    ]


def test_short_and_long_measure_forms_round_trip(write, library):
    text = MINIMAL + textwrap.dedent("""\
        our_company:
          information_rules: in_place
          generative_ai_rules: {status: partial, note: 海外拠点は未適用, due: 2027-03-31}
        contract:
          clauses:
            nda-before-negotiation: present
        """)
    spec = load_project(write(text), library)
    dumped = dump_project(spec)
    assert "  information_rules: in_place\n" in dumped
    assert "    note: 海外拠点は未適用\n    due: 2027-03-31\n" in dumped
    assert "    nda-before-negotiation: present\n" in dumped
    again, problems = parse_project(dumped.encode(), "again.yaml", library)
    assert again == spec and problems == []


def test_failed_save_leaves_previous_file_intact(write, library):
    path = write(MINIMAL)
    before = path.read_bytes()
    spec = load_project(path, library)
    spec.project.name = "変更後"

    def crash(_tmp: str) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        save_project(spec, path, before_replace=crash)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_process_killed_during_save_leaves_previous_file_intact(write):
    path = write(MINIMAL)
    before = path.read_bytes()
    script = textwrap.dedent(f"""\
        import os
        from model.api import load_project, save_project
        spec = load_project({str(path)!r})
        spec.project.name = "書きかけ"
        save_project(spec, {str(path)!r}, before_replace=lambda tmp: os._exit(9))
        """)
    result = subprocess.run([sys.executable, "-c", script], cwd=os.getcwd(), capture_output=True, timeout=60)
    assert result.returncode == 9
    assert path.read_bytes() == before
    assert load_project(path).project.name == "試験案件"
