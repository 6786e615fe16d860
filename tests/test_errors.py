"""Every kind of bad project input gives a located, plain-language problem naming the field — never a trace."""

from __future__ import annotations

import textwrap

import pytest

from model.api import validate_file
from model.format.problems import Problem
from model.format.yamlio import MAX_BYTES, MAX_DEPTH

from .conftest import MINIMAL


def problems_of(write, text, library, name="project.yaml") -> list[Problem]:
    spec, problems = validate_file(write(text, name), library)
    assert spec is None, "expected the file to be refused"
    return problems


def only(problems: list[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert found, f"no {code!r} among {[p.code for p in problems]}"
    return found[0]


def test_minimal_project_is_valid_and_mostly_unknown(write, library):
    spec, problems = validate_file(write(MINIMAL, "half-done.yaml"), library)
    assert problems == []
    assert spec.project.id == "half-done"  # taken from the file name
    assert spec.technologies == [] and spec.our_company.information_rules is None


def test_yaml_syntax_error_has_line_and_column(write, library):
    p = only(
        problems_of(write, "format_version: 1\nproject:\n  name: [unclosed\n  deal_type: licence\n", library),
        "yaml_syntax",
    )
    assert p.line is not None and p.line >= 3 and p.column is not None
    assert "YAML" in p.message("ja") and "YAML" in p.message("en")


def test_wrong_type_names_field_value_and_id(write, library):
    text = MINIMAL + "technologies:\n  - id: etch\n    name: エッチング\n    whole_process_holders: many\n"
    p = only(problems_of(write, text, library), "type_int")
    assert p.path == ("technologies", 0, "whole_process_holders")
    assert p.object_id == "etch" and p.line == 9
    assert "many" in p.message("en") and 'technologies[0].whole_process_holders (id "etch")' in p.format("en")
    assert "整数" in p.message("ja")


def test_unknown_key_suggests_the_right_one(write, library):
    text = MINIMAL.replace("  host_country: CN", "  host_country: CN\n  sectr: 電子部品")
    p = only(problems_of(write, text, library), "unknown_key")
    assert p.path == ("project", "sectr") and p.line == 6 and p.column == 3
    assert "Did you mean 'sector'?" in p.message("en")
    assert "「sector」の誤りではありませんか" in p.message("ja")


def test_unknown_key_without_close_match_lists_allowed_fields(write, library):
    text = MINIMAL + "zzz_unrelated: 1\n"
    p = only(problems_of(write, text, library), "unknown_key")
    assert "technologies" in p.message("en") and "partners" in p.message("en")


def test_bad_enum_value_lists_choices(write, library):
    p = only(problems_of(write, MINIMAL.replace("joint_venture", "jointventure"), library), "enum")
    assert p.path == ("project", "deal_type")
    assert "contract_manufacturing" in p.message("en")


def test_missing_required_field(write, library):
    p = only(problems_of(write, MINIMAL.replace("  deal_type: joint_venture\n", ""), library), "missing")
    assert p.path == ("project", "deal_type")


def test_equity_over_100_percent(write, library):
    text = MINIMAL + textwrap.dedent("""\
        partners:
          - {id: hd, name: 華東, role: jv_partner}
        governance:
          equity:
            - {holder: us, percent: 60}
            - {holder: hd, percent: 45}
        """)
    p = only(problems_of(write, text, library), "equity_over_100")
    assert p.path == ("governance", "equity") and "105" in p.message("en")


def test_equity_under_100_is_only_a_warning(write, library):
    text = (
        MINIMAL
        + "partners:\n  - {id: hd, name: 華東, role: jv_partner}\ngovernance:\n  equity:\n    - {holder: us, percent: 49}\n"
    )
    spec, problems = validate_file(write(text), library)
    assert spec is not None
    assert [p.code for p in problems] == ["equity_under_100"] and problems[0].severity == "warning"


def test_negative_headcount(write, library):
    text = MINIMAL + "people:\n  - {id: local, kind: local_staff, employer: site, headcount: -3}\n"
    p = only(problems_of(write, text, library), "too_small")
    assert p.path == ("people", 0, "headcount") and p.object_id == "local"


def test_percent_over_100(write, library):
    text = (
        MINIMAL + "people:\n  - {id: local, kind: local_staff, employer: site, expected_annual_turnover_percent: 130}\n"
    )
    p = only(problems_of(write, text, library), "too_large")
    assert p.path == ("people", 0, "expected_annual_turnover_percent")


def test_stage_ending_before_it_starts(write, library):
    text = MINIMAL + textwrap.dedent("""\
        disclosure:
          stages:
            - {id: s1, name: 立上げ, start: 2027-04-01, end: 2027-01-31}
        """)
    p = only(problems_of(write, text, library), "stage_dates")
    assert p.path == ("disclosure", "stages", 0, "end") and p.object_id == "s1"
    assert "2027-01-31" in p.message("ja")


def test_dangling_reference_suggests_close_id(write, library):
    text = MINIMAL + textwrap.dedent("""\
        technologies:
          - {id: etch-process, name: エッチング}
        disclosure:
          stages:
            - id: s1
              name: 立上げ
              items:
                - {technology: etch-proces, level: overview, recipient: site, method: paper}
        """)
    p = only(problems_of(write, text, library), "dangling_reference")
    assert p.path == ("disclosure", "stages", 0, "items", 0, "technology")
    assert "etch-process" in p.message("en") and "technology" in p.message("en")


def test_dangling_party_reference(write, library):
    text = MINIMAL + "equipment:\n  - {id: press, name: プレス, category: custom, owner: hd}\n"
    p = only(problems_of(write, text, library), "dangling_reference")
    assert p.path == ("equipment", 0, "owner")


def test_duplicate_ids(write, library):
    text = MINIMAL + "technologies:\n  - {id: etch, name: A}\n  - {id: etch, name: B}\n"
    p = only(problems_of(write, text, library), "duplicate_id")
    assert p.path == ("technologies", 1, "id") and "technologies[0].id" in p.message("en")


def test_reserved_partner_id(write, library):
    text = MINIMAL + "partners:\n  - {id: us, name: 自社, role: other}\n"
    assert only(problems_of(write, text, library), "reserved_id").path == ("partners", 0, "id")


def test_ownership_cycle(write, library):
    text = (
        MINIMAL
        + "partners:\n  - {id: a, name: A, role: jv_partner, parent: b}\n  - {id: b, name: B, role: affiliate, parent: a}\n"
    )
    assert "a → b → a" in only(problems_of(write, text, library), "ownership_cycle").message("en")


def test_unknown_clause_id(write, library):
    text = MINIMAL + "contract:\n  clauses:\n    no-such-clause: present\n"
    p = only(problems_of(write, text, library), "unknown_clause")
    assert p.path == ("contract", "clauses", "no-such-clause")


def test_accepted_decision_needs_justification(write, library):
    text = (
        MINIMAL
        + "technologies:\n  - {id: etch, name: A}\ndecisions:\n  - {finding: engineer_poaching@etch, status: accepted}\n"
    )
    assert only(problems_of(write, text, library), "justification_required").path == ("decisions", 0, "justification")


def test_unsupported_format_version(write, library):
    p = only(
        problems_of(write, MINIMAL.replace("format_version: 1", "format_version: 7"), library),
        "format_version_unsupported",
    )
    assert "7" in p.message("en") and "1" in p.message("en")


def test_missing_format_version(write, library):
    only(problems_of(write, MINIMAL.replace("format_version: 1\n", ""), library), "format_version_missing")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(write, library, text):
    only(problems_of(write, text, library), "file_empty")


@pytest.mark.parametrize("text,found", [("- a\n- b\n", "list"), ("just text\n", "single value")])
def test_top_level_not_a_mapping(write, library, text, found):
    assert found in only(problems_of(write, text, library), "not_a_mapping").message("en")


def test_unsafe_python_tag_is_refused(write, library):
    text = MINIMAL + "technologies: !!python/object/apply:os.system ['echo pwned']\n"
    p = only(problems_of(write, text, library), "yaml_unsafe_tag")
    assert "python" in p.message("en") and p.line == 6


def test_unknown_tag_is_refused(write, library):
    only(problems_of(write, MINIMAL + "technologies: !custom [a]\n", library), "yaml_unknown_tag")


def test_alias_bomb_is_refused(write, library):
    bomb = MINIMAL + 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]\n"
    only(problems_of(write, bomb, library), "yaml_too_many_nodes")


def test_absurd_nesting_is_refused(write, library):
    deep = MINIMAL + "x: " + "[" * (MAX_DEPTH + 50) + "]" * (MAX_DEPTH + 50) + "\n"
    only(problems_of(write, deep, library), "yaml_too_deep")


def test_file_above_size_limit_is_refused(write, library):
    big = MINIMAL + "#" + "x" * (MAX_BYTES + 10) + "\n"
    p = only(problems_of(write, big, library), "file_too_large")
    assert f"{MAX_BYTES:,}" in p.message("en")


def test_duplicate_key_in_mapping(write, library):
    p = only(problems_of(write, MINIMAL + "project:\n  name: 二重\n", library), "yaml_duplicate_key")
    assert p.line == 6 and "line 2" in p.message("en")


def test_several_documents_are_refused(write, library):
    only(problems_of(write, MINIMAL + "---\n" + MINIMAL, library), "yaml_multiple_documents")


def test_shift_jis_is_refused_with_a_hint(write, library):
    p = only(problems_of(write, MINIMAL.encode("cp932"), library), "encoding")
    assert "Shift_JIS" in p.message("en") and "UTF-8" in p.message("ja")


@pytest.mark.parametrize("encoded", [b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"), MINIMAL.encode("utf-16")])
def test_utf8_bom_and_utf16_are_accepted(write, library, encoded):
    spec, problems = validate_file(write(encoded), library)
    assert spec is not None and spec.project.name == "試験案件", problems


def test_missing_file(tmp_path, library):
    spec, problems = validate_file(tmp_path / "nope.yaml", library)
    assert spec is None and problems[0].code == "file_missing"


def test_every_problem_is_reported_at_once(write, library):
    text = textwrap.dedent("""\
        format_version: 1
        project:
          name: 多数の誤り
          deal_type: jv
          host_country: China
          colour: red
        technologies:
          - {id: etch, name: A}
          - {id: etch, name: B}
        people:
          - {id: g, kind: local_staff, employer: nobody, headcount: -1}
        """)
    codes = {p.code for p in problems_of(write, text, library)}
    assert {"enum", "bad_country", "unknown_key", "duplicate_id", "dangling_reference", "too_small"} <= codes


def test_problems_are_sorted_by_line(write, library):
    text = MINIMAL.replace("joint_venture", "jv") + "technologies:\n  - {id: a, name: A}\n  - {id: a, name: B}\n"
    lines = [p.line for p in problems_of(write, text, library)]
    assert lines == sorted(lines)


def test_yes_no_read_as_boolean_is_explained(write, library):
    text = MINIMAL + "partners:\n  - {id: hd, name: 華東, role: jv_partner, state_ownership: no}\n"
    p = only(problems_of(write, text, library), "enum_bool")
    assert "yes, no" in p.message("en") and "minority" in p.message("en")
