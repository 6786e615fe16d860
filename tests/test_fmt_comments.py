"""`ttplan fmt` keeps the comment block a file opens with (the schema line first), warns about the comments it drops."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from model.api import format_project_file, load_project
from model.cli import app
from model.format.yamlio import read_comments

from .conftest import EXAMPLES, MINIMAL

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/project.schema.json"
runner = CliRunner()


def fmt(*args: str):
    return runner.invoke(app, ["fmt", *args])


def test_write_keeps_the_schema_line_and_the_opening_comments(write, library):
    path = write(
        f"\n{SCHEMA_LINE}\n# 例：試験用の合弁。\n\n\n# second paragraph   \n\n"
        + MINIMAL
        + "our_company:\n  information_rules: {status: in_place}\n"
    )
    before = load_project(path, library)
    result = fmt(str(path), "--write", "--lang", "en")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"{SCHEMA_LINE}\n# 例：試験用の合弁。\n\n# second paragraph\n\nformat_version: 1\n")
    assert "  information_rules: in_place\n" in text  # canonical: the short form
    assert load_project(path, library) == before  # content unchanged
    assert result.stderr == ""  # nothing was dropped, so nothing to warn about


def test_write_is_idempotent_and_printing_gives_the_same_text(write):
    path = write(f"{SCHEMA_LINE}\n\n" + MINIMAL.replace("  name:", "  description: |\n    # not a comment\n  name:"))
    assert fmt(str(path), "--write").exit_code == 0
    once = path.read_text(encoding="utf-8")
    assert fmt(str(path), "--write").exit_code == 0
    assert path.read_text(encoding="utf-8") == once
    assert fmt(str(path)).stdout == once
    assert "    # not a comment\n" in once  # a '#' line inside a block of text is text, and stays


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_keep_their_header(example, tmp_path, library):
    text, problems = format_project_file(example, library)
    assert problems == [] and text is not None
    lines = example.read_text(encoding="utf-8").splitlines(keepends=True)
    header = "".join(line for line in lines[:10] if line.startswith("#"))
    assert header.startswith(SCHEMA_LINE) and text.startswith(header + "\nformat_version: 1\n")
    copy = tmp_path / example.name
    copy.write_text(text, encoding="utf-8")
    assert format_project_file(copy, library)[0] == text
    assert load_project(copy, library) == load_project(example, library)


def test_comments_further_down_are_named_in_a_warning(write):
    path = write(
        f"{SCHEMA_LINE}\n"
        + MINIMAL.replace("  name:", "  # who asked\n  name:")
        + "our_company:  # HQ\n  information_rules: in_place\n"
    )
    result = fmt(str(path), "--write", "--lang", "en")
    assert result.exit_code == 0
    assert f"{path}:4: warning:" in result.stderr
    assert "2 comment(s) below the opening comment block (line(s) 4, 8) are not written back" in result.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_LINE + "\n\n") and "who asked" not in text and "HQ" not in text
    ja = fmt(str(path), "--lang", "ja")  # the rewritten file has only its header left: no warning
    assert ja.stderr == ""


def test_warning_in_japanese(write):
    path = write(MINIMAL + "# 末尾のメモ\n")
    result = fmt(str(path))
    assert "警告" in result.stderr and "コメント 1 件（6 行目）は書き戻されません" in result.stderr


def test_a_file_with_errors_is_left_untouched(write):
    original = f"{SCHEMA_LINE}\n" + MINIMAL.replace("joint_venture", "jv")
    path = write(original)
    result = fmt(str(path), "--write", "--lang", "en")
    assert result.exit_code == 2 and "project.deal_type" in result.stderr
    assert path.read_text(encoding="utf-8") == original


@pytest.mark.parametrize(
    "text,header,later",
    [
        ("a: 1\n", "", ()),
        ("# only\r\n\r\na: 1\r\n", "# only\n", ()),
        ("a: 'x # y'  # z\nb: \"#\"\nc: d#e\n", "", (1,)),
        ("a: |\n  # text\n  more\n# after\nb: [1, 2] # flow\n", "", (4, 5)),
        ("a: 日本語 # 注\n", "", (1,)),
        ("---\n# after the marker\na: 1\n", "", (2,)),
    ],
)
def test_read_comments(text, header, later):
    comments = read_comments(text)
    assert (comments.header, comments.later_lines) == (header, later)
