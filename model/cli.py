"""The `ttplan` command: validate project files, print the format's JSON Schema, check the libraries."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from model import api

app = typer.Typer(
    name="ttplan",
    help="Overseas technology-transfer risk planner / 海外技術移転リスクプランナー",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class Lang(StrEnum):
    ja = "ja"
    en = "en"


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


LangOption = Annotated[Lang, typer.Option("--lang", envvar="TTPLAN_LANG", help="Language of messages: ja or en.")]

EXIT_INVALID = 2
EXIT_LIBRARY = 3


def _library(lang: Lang) -> api.Library:
    try:
        return api.load_library()
    except api.InputError as exc:
        head = "ライブラリに問題があります:" if lang == "ja" else "The knowledge library has problems:"
        typer.echo(head, err=True)
        typer.echo(exc.report(lang), err=True)
        raise typer.Exit(EXIT_LIBRARY) from None


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Project files (YAML).", show_default=False)],
    lang: LangOption = Lang.ja,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json")] = OutputFormat.text,
) -> None:
    """Check project files and explain every problem. Exit 0 when all are valid, 2 otherwise."""
    library = _library(lang)
    results = []
    failed = False
    for file in files:
        spec, problems = api.validate_file(file, library)
        failed |= spec is None
        results.append((file, spec, problems))
    if output is OutputFormat.json:
        payload = [{"file": str(f), "valid": s is not None, "project": s.project.id if s else None,
                    "problems": [p.to_dict(lang) for p in ps]} for f, s, ps in results]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for file, spec, problems in results:
            for p in problems:
                typer.echo(p.format(lang), err=True)
            if spec is not None:
                ok = f"{file}: 問題ありません" if lang == "ja" else f"{file}: valid"
                typer.echo(ok + (f"（警告 {len(problems)} 件）" if problems and lang == "ja"
                                  else f" ({len(problems)} warnings)" if problems else ""))
            else:
                errors = sum(1 for p in problems if p.severity == "error")
                typer.echo(f"{file}: エラー {errors} 件" if lang == "ja" else f"{file}: {errors} errors", err=True)
    raise typer.Exit(EXIT_INVALID if failed else 0)


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of the project file format."""
    text = api.project_schema_text()
    if output is None:
        typer.echo(text, nl=False)
    else:
        from model.yamlio import atomic_write

        atomic_write(output, text)


@app.command("fmt")
def fmt(
    file: Annotated[Path, typer.Argument(help="Project file to rewrite in canonical form.")],
    lang: LangOption = Lang.ja,
    write: Annotated[bool, typer.Option("--write", help="Replace the file (atomically) instead of printing.")] = False,
) -> None:
    """Print (or write back) a project file in canonical YAML."""
    library = _library(lang)
    spec, problems = api.validate_file(file, library)
    if spec is None:
        for p in problems:
            typer.echo(p.format(lang), err=True)
        raise typer.Exit(EXIT_INVALID)
    if write:
        api.save_project(spec, file)
    else:
        typer.echo(api.dump_project(spec), nl=False)


@app.command()
def library(lang: LangOption = Lang.ja) -> None:
    """Check every library file and print what the library holds."""
    lib = _library(lang)
    for p in lib.warnings:
        typer.echo(p.format(lang), err=True)
    counts = {
        "sources": len(lib.sources), "measures": len(lib.measures), "checklist items": len(lib.checklist),
        "contract clauses": len(lib.clauses), "country profiles": len(lib.countries),
    }
    for name, n in counts.items():
        typer.echo(f"{name}: {n}")


def main() -> None:
    """Entry point: no stack trace reaches the user unless TTPLAN_DEBUG is set."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence for the user's terminal
        if os.environ.get("TTPLAN_DEBUG"):
            raise
        typer.echo(f"ttplan: internal error ({type(exc).__name__}). Set TTPLAN_DEBUG=1 for details. / "
                   f"内部エラーが発生しました。", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
