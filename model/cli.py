"""The `ttplan` command: validate, check, compare, rank, export and fmt projects; the schema; the libraries; the store; auth-check."""

from __future__ import annotations

import json
import os
import re
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


class LangChoice(StrEnum):
    ja = "ja"
    en = "en"


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    docx = "docx"
    html = "html"
    json = "json"


class ReportFormat(StrEnum):
    json = "json"
    markdown = "markdown"


LangOption = Annotated[LangChoice, typer.Option("--lang", envvar="TTPLAN_LANG", help="Language of messages: ja or en.")]

EXIT_INVALID = 2
EXIT_LIBRARY = 3

# Control characters (other than line break and tab) in project text could drive the terminal (escape sequences
# that clear the screen, retitle the window or hide lines); they are printed as visible \xNN instead.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def echo(text: str = "", err: bool = False, nl: bool = True) -> None:
    """Print to the terminal; every line the command prints goes through here."""
    typer.echo(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text), err=err, nl=nl)


def _library(lang: LangChoice) -> api.Library:
    try:
        return api.load_library()
    except api.InputError as exc:
        head = "ライブラリに問題があります:" if lang == "ja" else "The knowledge library has problems:"
        echo(head, err=True)
        echo(exc.report(lang), err=True)
        raise typer.Exit(EXIT_LIBRARY) from None


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Project files (YAML).", show_default=False)],
    lang: LangOption = LangChoice.ja,
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
        payload = [
            {
                "file": str(f),
                "valid": s is not None,
                "project": s.project.id if s else None,
                "problems": [p.to_dict(lang) for p in ps],
            }
            for f, s, ps in results
        ]
        echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for file, spec, problems in results:
            for p in problems:
                echo(p.format(lang), err=True)
            if spec is not None:
                ok = f"{file}: 問題ありません" if lang == "ja" else f"{file}: valid"
                echo(
                    ok
                    + (
                        f"（警告 {len(problems)} 件）"
                        if problems and lang == "ja"
                        else f" ({len(problems)} warnings)"
                        if problems
                        else ""
                    )
                )
            else:
                errors = sum(1 for p in problems if p.severity == "error")
                echo(f"{file}: エラー {errors} 件" if lang == "ja" else f"{file}: {errors} errors", err=True)
    raise typer.Exit(EXIT_INVALID if failed else 0)


def _load_or_exit(file: Path, library: api.Library, lang: LangChoice) -> api.ProjectSpec:
    """The project, or every problem on stderr and exit status 2."""
    spec, problems = api.validate_file(file, library)
    for p in problems:
        echo(p.format(lang), err=True)
    if spec is None:
        raise typer.Exit(EXIT_INVALID)
    return spec


FormatOption = Annotated[ReportFormat, typer.Option("--format", help="json or markdown")]


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="Project file (YAML).", show_default=False)],
    output: FormatOption = ReportFormat.json,
    lang: LangOption = LangChoice.ja,
) -> None:
    """Assess a project: score, grade, findings and the phase checklist (exit 2 on invalid input)."""
    from model.report.json_report import assessment_dict, dumps
    from model.report.markdown import assessment_markdown

    library = _library(lang)
    assessment = api.assess(_load_or_exit(file, library, lang), library)
    if output is ReportFormat.json:
        echo(dumps(assessment_dict(assessment, lang)), nl=False)
    else:
        echo(assessment_markdown(assessment, lang), nl=False)


@app.command()
def compare(
    a: Annotated[Path, typer.Argument(help="First variant (YAML).", show_default=False)],
    b: Annotated[
        Path | None,
        typer.Argument(
            help="Second variant (YAML); without it, the first with the changes given as options.", show_default=False
        ),
    ] = None,
    equity: Annotated[
        float | None, typer.Option(help="Our (voting) equity in %, the partners' moving the other way.", min=0, max=100)
    ] = None,
    seats: Annotated[int | None, typer.Option(help="Our board seats.", min=0)] = None,
    clause: Annotated[list[str] | None, typer.Option(help="A clause recorded as present (repeatable).")] = None,
    measure: Annotated[
        list[str] | None, typer.Option(help="A measure put in place, e.g. operations.access_reviews (repeatable).")
    ] = None,
    without: Annotated[
        list[str] | None,
        typer.Option(help="STAGE:TECHNOLOGY — a technology taken out of a disclosure stage (ids; repeatable)."),
    ] = None,
    deal: Annotated[str | None, typer.Option(help="Another deal type, e.g. licence.")] = None,
    output: FormatOption = ReportFormat.markdown,
    lang: LangOption = LangChoice.ja,
) -> None:
    """Compare two variants of a project, or one project with what-if changes: input differences and their effect."""
    from model.report.json_report import comparison_dict, dumps
    from model.report.markdown import comparison_markdown

    library = _library(lang)
    spec_a = _load_or_exit(a, library, lang)
    spec_b = _load_or_exit(b, library, lang) if b is not None else spec_a
    changes = (equity, seats, clause, measure, without, deal)
    if b is None and all(c is None or c == [] for c in changes):
        _usage(
            lang,
            "2つ目の案件ファイルか、変更（--equity など）を指定してください",
            "give a second project file or changes such as --equity",
        )
    spec_b = _with_levers(spec_b, library, lang, equity, seats, clause or [], measure or [], without or [], deal)
    result = api.compare(spec_a, spec_b, library)
    echo(
        dumps(comparison_dict(result, lang)) if output is ReportFormat.json else comparison_markdown(result, lang),
        nl=False,
    )


def _usage(lang: LangChoice, ja: str, en: str) -> None:
    """A mistake in the command's options: said in words, exit status 2."""
    echo(("エラー: " if lang == "ja" else "error: ") + (ja if lang == "ja" else en), err=True)
    raise typer.Exit(EXIT_INVALID)


def _with_levers(
    spec: api.ProjectSpec,
    library: api.Library,
    lang: LangChoice,
    equity: float | None,
    seats: int | None,
    clauses: list[str],
    measures: list[str],
    without: list[str],
    deal: str | None,
) -> api.ProjectSpec:
    """The what-if changes of ``ttplan compare`` (the same levers as the app's what-if page), each checked."""
    from model.format.vocab import DealType

    lv = api.levers
    if deal is not None:
        if deal not in {d.value for d in DealType}:
            _usage(
                lang,
                f"取引形態「{deal}」はありません（{', '.join(d.value for d in DealType)}）",
                f"there is no deal type '{deal}' (one of {', '.join(d.value for d in DealType)})",
            )
        spec = lv.with_deal_type(spec, DealType(deal))
    if equity is not None:
        changed = lv.with_our_equity(spec, equity)
        if changed is None:
            _usage(
                lang,
                f"当社の出資を{equity:g}%にできません（相手方の持分が足りないか、相手方がいません）",
                f"our equity cannot be set to {equity:g}% (the partners hold too little, or there is none)",
            )
        spec = changed
    if seats is not None:
        spec = lv.with_our_seats(spec, seats)
    for cid in clauses:
        if cid not in library.clauses:
            _usage(lang, f"契約条項「{cid}」はライブラリにありません", f"there is no clause '{cid}' in the library")
        spec = lv.with_clause_present(spec, cid)
    for mid in measures:
        if mid not in library.measures:
            _usage(
                lang,
                f"対策「{mid}」はありません（例: operations.access_reviews）",
                f"there is no measure '{mid}' (e.g. operations.access_reviews)",
            )
        spec = lv.with_measure_in_place(spec, mid)
    for pair in without:
        stage_id, _, tech = pair.partition(":")
        index = next((i for i, s in enumerate(spec.disclosure.stages) if s.id == stage_id), None)
        if index is None or not any(item.technology == tech for item in spec.disclosure.stages[index].items):
            _usage(
                lang,
                f"「{pair}」: 段階と技術のIDを「段階:技術」で指定してください（その段階で開示される技術）",
                f"'{pair}': give STAGE:TECHNOLOGY ids of a technology disclosed in that stage",
            )
        spec = lv.without_technology(spec, index, tech)
    # The changed project is checked like a file: a lever must not produce what the format refuses.
    checked, problems = api.parse_project(api.dump_project(spec).encode("utf-8"), "<what-if>", library)
    if checked is None:
        for p in problems:
            echo(p.format(lang), err=True)
        raise typer.Exit(EXIT_INVALID)
    return checked


@app.command()
def rank(
    file: Annotated[Path, typer.Argument(help="Project file (YAML).", show_default=False)],
    output: FormatOption = ReportFormat.markdown,
    lang: LangOption = LangChoice.ja,
    top: Annotated[int, typer.Option(help="How many to list.", min=1)] = 15,
) -> None:
    """Rank the clauses and measures not yet in place by how much each would cut the project's risk."""
    from model.report.json_report import dumps, mitigation_dict
    from model.report.markdown import ranking_markdown

    library = _library(lang)
    assessment = api.assess(_load_or_exit(file, library, lang), library)
    ranked = api.rank_mitigations(assessment)
    if output is ReportFormat.json:
        best = {phase: [m.control.id for m in ms] for phase, ms in api.best_per_phase(ranked).items()}
        payload = {
            "project": assessment.project_id,
            "score": assessment.score,
            "mitigations": [mitigation_dict(m, lang) for m in ranked[:top]],
            "best_per_phase": best,
        }
        echo(dumps(payload), nl=False)
    else:
        echo(ranking_markdown(ranked, lang, top), nl=False)


@app.command()
def export(
    file: Annotated[Path, typer.Argument(help="Project file (YAML).", show_default=False)],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="xlsx, docx, html or json")],
    out: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    lang: LangOption = LangChoice.ja,
) -> None:
    """Export the assessment: Excel checklist, Word clause annex, HTML report for executives, or JSON."""
    from model.format.yamlio import atomic_write

    library = _library(lang)
    assessment = api.assess(_load_or_exit(file, library, lang), library)
    atomic_write(out, api.export(assessment, library, fmt.value, lang))
    echo(f"{out}")


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of the project file format."""
    text = api.project_schema_text()
    if output is None:
        echo(text, nl=False)
    else:
        from model.format.yamlio import atomic_write

        atomic_write(output, text)


@app.command("fmt")
def fmt(
    file: Annotated[Path, typer.Argument(help="Project file to rewrite in canonical form.")],
    lang: LangOption = LangChoice.ja,
    write: Annotated[bool, typer.Option("--write", help="Replace the file (atomically) instead of printing.")] = False,
) -> None:
    """Print (or write back) a project file in canonical YAML, keeping the comment block it opens with."""
    library = _library(lang)
    text, problems = api.format_project_file(file, library)
    for p in problems:
        echo(p.format(lang), err=True)
    if text is None:
        raise typer.Exit(EXIT_INVALID)
    if write:
        from model.format.yamlio import atomic_write

        atomic_write(file, text)
    else:
        echo(text, nl=False)


@app.command()
def library(
    lang: LangOption = LangChoice.ja,
    full: Annotated[
        bool, typer.Option("--list", help="List every library file with its version and review date.")
    ] = False,
) -> None:
    """Check every library file; show what is loaded, what each country leaves unknown, and checklist coverage."""
    lib = _library(lang)
    for p in lib.warnings:
        echo(p.format(lang), err=True)
    echo(api.library_coverage(lib, lang, full), nl=False)


store_app = typer.Typer(
    help="The workspace store: versions of projects (TTPLAN_DATABASE_URL or ./workspace).", no_args_is_help=True
)
app.add_typer(store_app, name="store")
DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLAlchemy URL; default TTPLAN_DATABASE_URL or workspace/ttplan.db")
]
AuthorOption = Annotated[str, typer.Option("--author", envvar="TTPLAN_AUTHOR", help="Who makes the change.")]


def _store(db: str | None, lang: LangChoice):
    from model.store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        echo(exc.message(lang), err=True)
        raise typer.Exit(EXIT_LIBRARY) from None


def _store_call(lang: LangChoice, fn):
    """Run a store operation; a store problem is a clear message and exit 2, never a trace."""
    from model.store import StoreError

    try:
        return fn()
    except StoreError as exc:
        echo(exc.message(lang), err=True)
        raise typer.Exit(EXIT_INVALID) from None
    except api.InputError as exc:
        echo(exc.report(lang), err=True)
        raise typer.Exit(EXIT_INVALID) from None


@store_app.command("import")
def store_import(
    file: Annotated[Path, typer.Argument(help="Project file (YAML).", show_default=False)],
    author: AuthorOption = "cli",
    comment: Annotated[str, typer.Option(help="What changed.")] = "",
    db: DbOption = None,
    lang: LangOption = LangChoice.ja,
) -> None:
    """Save a project file as the newest version of its project (a new project on first import)."""
    library = _library(lang)
    spec = _load_or_exit(file, library, lang)
    store = _store(db, lang)

    def run() -> int:
        from model.store import StoreError

        try:
            base = store.project(spec.project.id).latest_version
        except StoreError:
            base = None
        return store.save(spec, author, comment, base_version=base)

    number = _store_call(lang, run)
    echo(f"{spec.project.id} v{number}")


@store_app.command("list")
def store_list(db: DbOption = None, archived: bool = False, lang: LangOption = LangChoice.ja) -> None:
    """List stored projects."""
    for p in _store_call(lang, lambda: _store(db, lang).projects(include_archived=archived)):
        echo(f"{p.id}\tv{p.latest_version}\t{p.updated_at:%Y-%m-%d %H:%M}\t{'archived ' if p.archived else ''}{p.name}")


@store_app.command("versions")
def store_versions(project: str, db: DbOption = None, lang: LangOption = LangChoice.ja) -> None:
    """List the versions of a project, newest first."""
    for v in _store_call(lang, lambda: _store(db, lang).versions(project)):
        echo(f"v{v.number}\t{v.created_at:%Y-%m-%d %H:%M}\t{v.author}\t{v.comment}")


@store_app.command("diff")
def store_diff(
    project: str,
    a: int,
    b: int,
    db: DbOption = None,
    lang: LangOption = LangChoice.ja,
    output: FormatOption = ReportFormat.markdown,
) -> None:
    """What changed between two versions: fields, findings and checklist."""
    from model.report.json_report import comparison_dict, dumps
    from model.report.markdown import comparison_markdown

    library = _library(lang)
    store = _store(db, lang)
    spec_a = _store_call(lang, lambda: store.load(project, a, library))
    spec_b = _store_call(lang, lambda: store.load(project, b, library))
    result = api.compare(spec_a, spec_b, library)
    echo(
        dumps(comparison_dict(result, lang)) if output is ReportFormat.json else comparison_markdown(result, lang),
        nl=False,
    )


@store_app.command("restore")
def store_restore(
    project: str, version: int, author: AuthorOption = "cli", db: DbOption = None, lang: LangOption = LangChoice.ja
) -> None:
    """Make an old version the newest (nothing is overwritten)."""
    number = _store_call(lang, lambda: _store(db, lang).restore(project, version, author))
    echo(f"{project} v{number}")


@store_app.command("export")
def store_export(
    project: str,
    out: Annotated[Path, typer.Option("-o", "--output", help="YAML file to write.")],
    version: Annotated[int | None, typer.Option(help="Version number (default: latest).")] = None,
    db: DbOption = None,
    lang: LangOption = LangChoice.ja,
) -> None:
    """Write a stored version back to a YAML file."""
    from model.format.yamlio import atomic_write

    _, text = _store_call(lang, lambda: _store(db, lang).version_yaml(project, version))
    atomic_write(out, text)
    echo(str(out))


@store_app.command("reimport")
def store_reimport(
    project: str,
    workbook: Annotated[
        Path, typer.Argument(help="The checklist workbook (xlsx) edited by counsel.", show_default=False)
    ],
    author: AuthorOption = "cli",
    db: DbOption = None,
    lang: LangOption = LangChoice.ja,
) -> None:
    """Read clause and measure statuses edited in an exported workbook back as a new version, with a summary."""
    from model.report.xlsx_import import read_checklist_workbook

    library = _library(lang)
    store = _store(db, lang)
    base = _store_call(lang, lambda: store.project(project).latest_version)
    spec = _store_call(lang, lambda: store.load(project, base, library))
    try:
        data = workbook.read_bytes()
    except OSError as exc:
        echo(f"{workbook}: {exc.strerror}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    new_spec, changes = _store_call(lang, lambda: read_checklist_workbook(data, spec, library, file=str(workbook)))
    if not changes:
        echo("変更はありません。" if lang == "ja" else "No changes.")
        return
    summary = "; ".join(f"{c.id}: {c.before or '—'} → {c.after or '—'}" for c in changes)
    comment = (
        f"ワークブックから取込み（{len(changes)}件）: "
        if lang == "ja"
        else f"Imported from workbook ({len(changes)}): "
    )
    number = _store_call(lang, lambda: store.save(new_spec, author, (comment + summary)[:2000], base_version=base))
    for c in changes:
        echo(f"{c.kind}\t{c.id}\t{c.before or '—'} → {c.after or '—'}{'  (note)' if c.note_changed else ''}")
    echo(f"{project} v{number}")


@store_app.command("archive")
def store_archive(
    project: str,
    undo: bool = typer.Option(False, "--undo", help="Bring the project back."),
    db: DbOption = None,
    lang: LangOption = LangChoice.ja,
) -> None:
    """Archive a project (hide it from the list); nothing is deleted."""
    _store_call(lang, lambda: _store(db, lang).set_archived(project, not undo))
    echo(project)


@app.command("auth-check")
def auth_check(
    users: Annotated[
        Path | None, typer.Option("--users", help="The team file (default: TTPLAN_USERS or workspace/users.yaml).")
    ] = None,
    secrets: Annotated[Path, typer.Option("--secrets", help="Streamlit's secrets file, read for OIDC sign-in.")] = Path(
        ".streamlit/secrets.toml"
    ),
    lang: LangOption = LangChoice.ja,
) -> None:
    """Check the sign-in settings offline (TTPLAN_AUTH, the team file, OIDC's [auth] section); exit 2 if unusable."""
    import tomllib

    from model.access import AuthSettings, Role, check_oidc_settings, load_team

    settings = AuthSettings.from_env()
    if users is not None:
        settings = AuthSettings(settings.mode, settings.header, users)
    pick = 0 if lang == "ja" else 1
    echo(f"TTPLAN_AUTH={settings.mode}")
    problems: list[str] = []
    wrong = settings.problem()
    if wrong:
        problems.append(wrong[pick])
    elif settings.mode != "none" or users is not None:
        try:
            team = load_team(settings.team_file)
            roles = [m.role for m in team.members.values()]
            counts = ", ".join(f"{r.value} {roles.count(r)}" for r in Role if r in roles)
            echo(f"{settings.team_file}: {len(team.members)} " + ("人" if lang == "ja" else "people") + f" ({counts})")
        except api.InputError as exc:
            problems.append(exc.report(lang))
    if settings.mode == "header":
        echo(("信頼するヘッダ: " if lang == "ja" else "Trusted header: ") + settings.header)
    if settings.mode == "oidc":
        try:
            auth = tomllib.loads(secrets.read_text(encoding="utf-8")).get("auth")
        except OSError as exc:
            problems.append(f"{secrets}: {exc.strerror}")
        except tomllib.TOMLDecodeError as exc:
            problems.append(f"{secrets}: {exc}")
        else:
            problems += [f"{secrets}: {p[pick]}" for p in check_oidc_settings(auth)]
    for line in problems:
        echo(line, err=True)
    if problems:
        raise typer.Exit(EXIT_INVALID)
    echo("OK")


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
        echo(
            f"ttplan: internal error ({type(exc).__name__}). Set TTPLAN_DEBUG=1 for details. / "
            f"内部エラーが発生しました。",
            err=True,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
