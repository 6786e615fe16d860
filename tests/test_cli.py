"""The `ttplan` command as a user runs it: exit codes, messages on stderr, no stack traces."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from model.knowledge.library import REPO_ROOT

from .conftest import EXAMPLES, MINIMAL


def ttplan(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("ttplan", path=str(Path(sys.executable).parent)) or "ttplan"
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
                          env={**os.environ, **(env or {})})


def test_help_lists_commands():
    result = ttplan("--help")
    assert result.returncode == 0
    for command in ("validate", "schema", "fmt", "library"):
        assert command in result.stdout


def test_validate_examples_exit_0():
    result = ttplan("validate", *map(str, EXAMPLES))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("問題ありません") == len(EXAMPLES)


def test_validate_invalid_file_exits_2_with_every_error_on_stderr(write):
    path = write(MINIMAL.replace("joint_venture", "jv") + "people:\n  - {id: g, kind: local_staff, employer: site, headcount: -2}\n")
    result = ttplan("validate", str(path), "--lang", "en")
    assert result.returncode == 2
    assert "project.deal_type" in result.stderr and "people[0].headcount" in result.stderr
    assert f"{path}:4:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_language_switch_and_environment_default(write):
    path = write(MINIMAL.replace("joint_venture", "jv"))
    assert "選べません" in ttplan("validate", str(path)).stderr
    assert "not one of the choices" in ttplan("validate", str(path), env={"TTPLAN_LANG": "en"}).stderr


def test_validate_json_output(write):
    path = write(MINIMAL.replace("CN", "China"))
    result = ttplan("validate", str(path), "--format", "json", "--lang", "en")
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert payload[0]["valid"] is False
    assert payload[0]["problems"][0]["path"] == "project.host_country"


@pytest.mark.parametrize("content", [b"\x00\xff\xfe garbage", b"key: [unclosed", b"- 1\n- 2\n"])
def test_garbage_never_shows_a_trace(write, content):
    result = ttplan("validate", str(write(content)))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2():
    result = ttplan("validate", "does-not-exist.yaml", "--lang", "en")
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_schema_matches_committed_file():
    committed = (REPO_ROOT / "schema" / "project.schema.json").read_text(encoding="utf-8")
    result = ttplan("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(committed), "run `make schema` and commit the result"


def test_fmt_prints_canonical_yaml(write):
    path = write(MINIMAL + "our_company:\n  information_rules: {status: in_place}\n", "fmt-me.yaml")
    result = ttplan("fmt", str(path))
    assert result.returncode == 0
    assert "  id: fmt-me\n" in result.stdout and "  information_rules: in_place\n" in result.stdout
    result = ttplan("fmt", str(path), "--write")
    assert result.returncode == 0 and path.read_text(encoding="utf-8").startswith("format_version: 1\n")


def test_library_command_reports_counts():
    result = ttplan("library", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "checklist items: 106" in result.stdout


def test_check_json_contract_and_exit_0():
    result = ttplan("check", str(EXAMPLES[0]), "--format", "json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"project", "score", "grade", "checklist", "findings"} <= set(data)
    assert data["project"] == EXAMPLES[0].stem


def test_check_invalid_input_exits_2(write):
    result = ttplan("check", str(write(MINIMAL.replace("CN", "China"))), "--format", "json")
    assert result.returncode == 2 and "project.host_country" in result.stderr and result.stdout == ""


def test_check_markdown_in_both_languages():
    assert "## Top risks" in ttplan("check", str(EXAMPLES[0]), "--format", "markdown", "--lang", "en").stdout
    assert "## 主なリスク" in ttplan("check", str(EXAMPLES[0]), "--format", "markdown").stdout


def test_compare_and_rank():
    result = ttplan("compare", str(EXAMPLES[0]), str(EXAMPLES[1]), "--format", "json")
    assert result.returncode == 0 and "score_delta" in json.loads(result.stdout)
    result = ttplan("rank", str(EXAMPLES[1]), "--format", "json", "--top", "5")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)["mitigations"]) <= 5
    assert "対策の優先順位" in ttplan("rank", str(EXAMPLES[1])).stdout


def test_decided_findings_are_shown_apart_with_their_justification():
    jv = next(p for p in EXAMPLES if p.stem == "jv-china-battery")
    out = ttplan("check", str(jv), "--format", "markdown", "--lang", "en").stdout
    top, _, decided = out.partition("## Findings with a decision")
    assert decided and "Accepted" in decided
    assert "`loss_of_control@" in decided


def test_store_commands_end_to_end(tmp_path):
    db = ["--db", f"sqlite:///{tmp_path / 'cli.db'}", "--lang", "en"]
    example = EXAMPLES[1]
    assert ttplan("store", "import", str(example), "--author", "Yamada", "--comment", "first", *db).stdout.strip() == \
        f"{example.stem} v1"
    edited = tmp_path / "edited.yaml"
    edited.write_text(example.read_text(encoding="utf-8").replace("  sector:", "  sector: 改訂 ", 1), encoding="utf-8")
    assert ttplan("store", "import", str(edited), "--author", "Sato", *db).stdout.strip() == f"{example.stem} v2"
    listing = ttplan("store", "list", *db).stdout
    assert example.stem in listing and "v2" in listing
    versions = ttplan("store", "versions", example.stem, *db).stdout.splitlines()
    assert [v.split("\t")[0] for v in versions] == ["v2", "v1"] and "Yamada" in versions[1]
    diff = ttplan("store", "diff", example.stem, "1", "2", *db).stdout
    assert "project.sector" in diff
    assert ttplan("store", "restore", example.stem, "1", *db).stdout.strip() == f"{example.stem} v3"
    out = tmp_path / "back.yaml"
    assert ttplan("store", "export", example.stem, "-o", str(out), "--version", "1", *db).returncode == 0
    assert ttplan("validate", str(out)).returncode == 0
    assert ttplan("store", "archive", example.stem, *db).returncode == 0
    assert example.stem not in ttplan("store", "list", *db).stdout
    missing = ttplan("store", "versions", "nope", *db)
    assert missing.returncode == 2 and "nope" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.parametrize("fmt,magic", [("xlsx", b"PK"), ("docx", b"PK"), ("html", b"<!DOCTYPE html>"), ("json", b"{")])
def test_export_each_format(tmp_path, fmt, magic):
    out = tmp_path / f"report.{fmt}"
    result = ttplan("export", str(EXAMPLES[0]), "--format", fmt, "-o", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(magic)


def test_export_invalid_input_writes_nothing(write, tmp_path):
    out = tmp_path / "never.xlsx"
    result = ttplan("export", str(write(MINIMAL.replace("CN", "China"))), "--format", "xlsx", "-o", str(out))
    assert result.returncode == 2 and not out.exists()


def test_store_reimport_of_an_edited_workbook(tmp_path):
    import io

    import openpyxl

    db = ["--db", f"sqlite:///{tmp_path / 'cli.db'}", "--lang", "en"]
    example = next(p for p in EXAMPLES if p.stem == "cm-vietnam-parts")
    assert ttplan("store", "import", str(example), *db).returncode == 0
    book_path = tmp_path / "checklist.xlsx"
    assert ttplan("export", str(example), "--format", "xlsx", "-o", str(book_path), "--lang", "en").returncode == 0
    book = openpyxl.load_workbook(io.BytesIO(book_path.read_bytes()))
    sheet = book[next(iter(book.defined_names["ttplan_controls"].destinations))[0]]
    header = [c.value for c in sheet[1]]
    id_col = header.index("Id") + 1
    status_col = header.index("Status (value, editable)") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, id_col).value == "no-poach-dispatched-engineers")
    sheet.cell(row, status_col).value = "present"
    book.save(book_path)
    result = ttplan("store", "reimport", example.stem, str(book_path), "--author", "counsel", *db)
    assert result.returncode == 0, result.stderr
    assert "no-poach-dispatched-engineers" in result.stdout and "missing → present" in result.stdout
    assert result.stdout.strip().endswith(f"{example.stem} v2")


def test_terminal_control_sequences_in_project_text_are_printed_inert(tmp_path):
    """A project name, author or comment holding escape sequences (clear screen, window title) must not reach the
    terminal as such: they are shown as visible \\xNN."""
    db = ["--db", f"sqlite:///{tmp_path / 'cli.db'}", "--lang", "en"]
    hostile = tmp_path / "hostile.yaml"
    text = re.sub(r"(?m)^  name: .*$", r'  name: "\\e[2J\\e]0;owned\\a x"', EXAMPLES[0].read_text(encoding="utf-8"),
                  count=1)
    hostile.write_text(text, encoding="utf-8")
    imported = ttplan("store", "import", str(hostile), "--author", "a\x1b[8mhidden", "--comment", "c\x9bX", *db)
    assert imported.returncode == 0, imported.stderr
    pid = imported.stdout.split()[0]
    listing = ttplan("store", "list", *db).stdout + ttplan("store", "versions", pid, *db).stdout
    assert "\x1b" not in listing and "\x07" not in listing and "\x9b" not in listing
    assert "\\x1b[2J\\x1b]0;owned\\x07" in listing and "a\\x1b[8mhidden" in listing and "c\\x9bX" in listing
    report = ttplan("check", str(hostile), "--format", "markdown", *db[2:]).stdout
    assert "\x1b" not in report
