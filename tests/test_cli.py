"""The `ttplan` command as a user runs it: exit codes, messages on stderr, no stack traces.

Most cases run the commands in this process (``invoke``: typer's CliRunner); a few run the installed command in
its own process (``ttplan``), for the real exit status and the absence of a trace on the user's terminal.
"""

from __future__ import annotations

import json
import re
from functools import partial

import pytest

from model import cli as cli_module
from model.knowledge.library import REPO_ROOT

from .cli_support import invoke, ttplan
from .conftest import EXAMPLES, MINIMAL


@pytest.fixture
def run(library):
    """``ttplan ARGS`` in this process, with the session's library."""
    return partial(invoke, library=library)


# --------------------------------------------------------------------------- the installed command


def test_installed_command_shows_help():
    result = ttplan("--help")
    assert result.returncode == 0
    for command in ("validate", "schema", "fmt", "library"):
        assert command in result.stdout


def test_installed_command_exits_2_with_every_error_on_stderr_and_no_trace(write):
    path = write(
        MINIMAL.replace("joint_venture", "jv")
        + "people:\n  - {id: g, kind: local_staff, employer: site, headcount: -2}\n"
    )
    result = ttplan("validate", str(path), "--lang", "en")
    assert result.returncode == 2
    assert "project.deal_type" in result.stderr and "people[0].headcount" in result.stderr
    assert f"{path}:4:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_installed_command_refuses_garbage_without_a_trace(write):
    result = ttplan("validate", str(write(b"\x00\xff\xfe garbage")))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout


def test_installed_check_exits_2_on_invalid_input_and_prints_no_report(write):
    result = ttplan("check", str(write(MINIMAL.replace("CN", "China"))), "--format", "json")
    assert result.returncode == 2 and "project.host_country" in result.stderr and result.stdout == ""


def test_installed_store_command_exits_2_for_an_unknown_project(tmp_path):
    result = ttplan("store", "versions", "nope", "--db", f"sqlite:///{tmp_path / 'cli.db'}", "--lang", "en")
    assert result.returncode == 2 and "nope" in result.stderr and "Traceback" not in result.stderr + result.stdout


def test_an_unexpected_error_is_one_line_not_a_trace(monkeypatch, capsys, library):
    """main() is the last line of defence: a bug shows as one line and exit status 1 (the trace with TTPLAN_DEBUG)."""

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_module.api, "load_library", lambda *_, **__: library)
    monkeypatch.setattr(cli_module.api, "assess", broken)
    monkeypatch.setattr("sys.argv", ["ttplan", "check", str(EXAMPLES[0])])
    monkeypatch.delenv("TTPLAN_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "internal error (RuntimeError)" in err and "Traceback" not in err and "boom" not in err
    monkeypatch.setenv("TTPLAN_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli_module.main()


# --------------------------------------------------------------------------- the commands, in this process
# A command that crashed would raise here (invoke does not catch it), so these need no check for a trace.


def test_validate_examples_exit_0(run):
    result = run("validate", *map(str, EXAMPLES))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("問題ありません") == len(EXAMPLES)


def test_language_switch_and_environment_default(run, write):
    path = write(MINIMAL.replace("joint_venture", "jv"))
    assert "選べません" in run("validate", str(path)).stderr
    assert "not one of the choices" in run("validate", str(path), env={"TTPLAN_LANG": "en"}).stderr


def test_validate_json_output(run, write):
    path = write(MINIMAL.replace("CN", "China"))
    result = run("validate", str(path), "--format", "json", "--lang", "en")
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert payload[0]["valid"] is False
    assert payload[0]["problems"][0]["path"] == "project.host_country"


@pytest.mark.parametrize("content", [b"\x00\xff\xfe garbage", b"key: [unclosed", b"- 1\n- 2\n"])
def test_garbage_is_refused_with_exit_2(run, write, content):
    path = write(content)
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(str(path)) and result.stdout == ""


def test_missing_file_exits_2(run):
    result = run("validate", "does-not-exist.yaml", "--lang", "en")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_schema_matches_committed_file(run):
    committed = (REPO_ROOT / "schema" / "project.schema.json").read_text(encoding="utf-8")
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(committed), "run `make schema` and commit the result"


def test_fmt_prints_canonical_yaml(run, write):
    path = write(MINIMAL + "our_company:\n  information_rules: {status: in_place}\n", "fmt-me.yaml")
    result = run("fmt", str(path))
    assert result.exit_code == 0
    assert "  id: fmt-me\n" in result.stdout and "  information_rules: in_place\n" in result.stdout
    result = run("fmt", str(path), "--write")
    assert result.exit_code == 0 and path.read_text(encoding="utf-8").startswith("format_version: 1\n")


def test_library_command_reports_counts(run):
    result = run("library", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "checklist items: 106" in result.stdout


def test_check_json_contract_and_exit_0(run):
    result = run("check", str(EXAMPLES[0]), "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"project", "score", "grade", "checklist", "findings"} <= set(data)
    assert data["project"] == EXAMPLES[0].stem


def test_check_markdown_in_both_languages(run):
    assert "## Top risks" in run("check", str(EXAMPLES[0]), "--format", "markdown", "--lang", "en").stdout
    assert "## 主なリスク" in run("check", str(EXAMPLES[0]), "--format", "markdown").stdout


def test_compare_and_rank(run):
    result = run("compare", str(EXAMPLES[0]), str(EXAMPLES[1]), "--format", "json")
    assert result.exit_code == 0 and "score_delta" in json.loads(result.stdout)
    result = run("rank", str(EXAMPLES[1]), "--format", "json", "--top", "5")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["mitigations"]) <= 5
    assert "対策の優先順位" in run("rank", str(EXAMPLES[1])).stdout


def test_decided_findings_are_shown_apart_with_their_justification(run):
    jv = next(p for p in EXAMPLES if p.stem == "jv-china-battery")
    out = run("check", str(jv), "--format", "markdown", "--lang", "en").stdout
    top, _, decided = out.partition("## Findings with a decision")
    assert decided and "Accepted" in decided
    assert "`loss_of_control@" in decided


def test_store_commands_end_to_end(run, tmp_path):
    db = ["--db", f"sqlite:///{tmp_path / 'cli.db'}", "--lang", "en"]
    example = EXAMPLES[1]
    assert (
        run("store", "import", str(example), "--author", "Yamada", "--comment", "first", *db).stdout.strip()
        == f"{example.stem} v1"
    )
    edited = tmp_path / "edited.yaml"
    edited.write_text(example.read_text(encoding="utf-8").replace("  sector:", "  sector: 改訂 ", 1), encoding="utf-8")
    assert run("store", "import", str(edited), "--author", "Sato", *db).stdout.strip() == f"{example.stem} v2"
    listing = run("store", "list", *db).stdout
    assert example.stem in listing and "v2" in listing
    versions = run("store", "versions", example.stem, *db).stdout.splitlines()
    assert [v.split("\t")[0] for v in versions] == ["v2", "v1"] and "Yamada" in versions[1]
    diff = run("store", "diff", example.stem, "1", "2", *db).stdout
    assert "project.sector" in diff
    assert run("store", "restore", example.stem, "1", *db).stdout.strip() == f"{example.stem} v3"
    out = tmp_path / "back.yaml"
    assert run("store", "export", example.stem, "-o", str(out), "--version", "1", *db).exit_code == 0
    assert run("validate", str(out)).exit_code == 0
    assert run("store", "archive", example.stem, *db).exit_code == 0
    assert example.stem not in run("store", "list", *db).stdout
    missing = run("store", "versions", "nope", *db)
    assert missing.exit_code == 2 and "nope" in missing.stderr


@pytest.mark.parametrize("fmt,magic", [("xlsx", b"PK"), ("docx", b"PK"), ("html", b"<!DOCTYPE html>"), ("json", b"{")])
def test_export_each_format(run, tmp_path, fmt, magic):
    out = tmp_path / f"report.{fmt}"
    result = run("export", str(EXAMPLES[0]), "--format", fmt, "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(magic)


def test_export_invalid_input_writes_nothing(run, write, tmp_path):
    out = tmp_path / "never.xlsx"
    result = run("export", str(write(MINIMAL.replace("CN", "China"))), "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 2 and not out.exists()


def test_store_reimport_of_an_edited_workbook(run, tmp_path):
    import io

    import openpyxl

    db = ["--db", f"sqlite:///{tmp_path / 'cli.db'}", "--lang", "en"]
    example = next(p for p in EXAMPLES if p.stem == "cm-vietnam-parts")
    assert run("store", "import", str(example), *db).exit_code == 0
    book_path = tmp_path / "checklist.xlsx"
    assert run("export", str(example), "--format", "xlsx", "-o", str(book_path), "--lang", "en").exit_code == 0
    book = openpyxl.load_workbook(io.BytesIO(book_path.read_bytes()))
    sheet = book[next(iter(book.defined_names["ttplan_controls"].destinations))[0]]
    header = [c.value for c in sheet[1]]
    id_col = header.index("Id") + 1
    status_col = header.index("Status (value, editable)") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, id_col).value == "no-poach-dispatched-engineers")
    sheet.cell(row, status_col).value = "present"
    book.save(book_path)
    result = run("store", "reimport", example.stem, str(book_path), "--author", "counsel", *db)
    assert result.exit_code == 0, result.stderr
    assert "no-poach-dispatched-engineers" in result.stdout and "missing → present" in result.stdout
    assert result.stdout.strip().endswith(f"{example.stem} v2")


def test_terminal_control_sequences_in_project_text_are_printed_inert(run, tmp_path):
    """A project name, author or comment holding escape sequences (clear screen, window title) must not reach the
    terminal as such: they are shown as visible \\xNN."""
    db = ["--db", f"sqlite:///{tmp_path / 'cli.db'}", "--lang", "en"]
    hostile = tmp_path / "hostile.yaml"
    text = re.sub(
        r"(?m)^  name: .*$", r'  name: "\\e[2J\\e]0;owned\\a x"', EXAMPLES[0].read_text(encoding="utf-8"), count=1
    )
    hostile.write_text(text, encoding="utf-8")
    imported = run("store", "import", str(hostile), "--author", "a\x1b[8mhidden", "--comment", "c\x9bX", *db)
    assert imported.exit_code == 0, imported.stderr
    pid = imported.stdout.split()[0]
    listing = run("store", "list", *db).stdout + run("store", "versions", pid, *db).stdout
    assert "\x1b" not in listing and "\x07" not in listing and "\x9b" not in listing
    assert "\\x1b[2J\\x1b]0;owned\\x07" in listing and "a\\x1b[8mhidden" in listing and "c\\x9bX" in listing
    report = run("check", str(hostile), "--format", "markdown", *db[2:]).stdout
    assert "\x1b" not in report
