"""Read an exported workbook back after counsel edited it: clause and measure statuses and notes, checked, as a new project."""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from typing import Any, Literal
from xml.parsers import expat

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from pydantic import ValidationError

from model.format.problems import InputError, Problem
from model.format.spec import ClauseEntry, Measure, ProjectSpec, measure_ids
from model.format.vocab import ClauseStatus, MeasureStatus, Vocab
from model.knowledge.library import Library
from model.report.xlsx import (
    CONTROL_COLUMNS,
    CONTROLS_MARKER,
    CONTROLS_NAME,
    SHEETS,
    clean_text,
    unneutralise,
)

MAX_BYTES = 10 * 1024 * 1024
#: Limits on what the zip expands to: a small file may inflate to gigabytes (a zip bomb).
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_ROWS = 20000

Kind = Literal["clause", "measure"]
REQUIRED = ("kind", "id", "status", "note")


@dataclass(frozen=True, slots=True)
class StatusChange:
    """What reading the workbook changed for one clause or measure (statuses as raw values; None: not recorded)."""

    kind: Kind
    id: str
    before: str | None
    after: str | None
    note_changed: bool


def _problem(
    detail: tuple[str, str],
    *,
    file: str | None,
    code: str = "invalid",
    path: tuple = (),
    line: int | None = None,
    column: int | None = None,
    object_id: str | None = None,
) -> Problem:
    # A (ja, en) pair: Problem.message picks the user's language.
    return Problem(code, path=path, params={"detail": detail}, file=file, line=line, column=column, object_id=object_id)


def _shown(value: Any) -> str:
    """A user's value as quoted in a message: short, one line, no control characters."""
    text = clean_text(str(value)).replace("\n", " ")
    return text if len(text) <= 60 else text[:59] + "…"


# --------------------------------------------------------------------------- opening the file safely


def _check_container(data: bytes, file: str | None) -> None:
    """Refuse what is not a plain, reasonably sized xlsx before openpyxl parses any of it."""
    if len(data) > MAX_BYTES:
        raise InputError([Problem("file_too_large", params={"size": len(data), "limit": MAX_BYTES}, file=file)])
    if not data:
        raise InputError(
            [Problem("file_unreadable", params={"reason": ("ファイルが空です", "the file is empty")}, file=file)]
        )
    not_xlsx = ("Excel ブック（.xlsx）ではありません", "not an Excel workbook (.xlsx)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError([Problem("file_unreadable", params={"reason": not_xlsx}, file=file)]) from None
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            raise InputError([Problem("file_unreadable", params={"reason": not_xlsx}, file=file)])
        if len(infos) > MAX_MEMBERS:
            raise InputError(
                [
                    Problem(
                        "file_unreadable",
                        file=file,
                        params={"reason": ("ファイル内の部品が多すぎます", "the workbook holds too many parts")},
                    )
                ]
            )
        budget = MAX_UNCOMPRESSED
        for info in infos:
            # Every part, whatever its name: the relationships decide what openpyxl parses, not the file extension.
            try:
                # Read at most the remaining budget: the sizes in the zip directory can lie.
                with zf.open(info) as fh:
                    content = fh.read(budget + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError, ValueError):
                raise InputError([Problem("file_unreadable", params={"reason": not_xlsx}, file=file)]) from None
            budget -= len(content)
            if budget < 0:
                raise InputError(
                    [
                        Problem(
                            "file_unreadable",
                            file=file,
                            params={"reason": ("展開後のサイズが大きすぎます", "it expands to too much data")},
                        )
                    ]
                )
            if _declares_dtd(content):
                raise InputError(
                    [
                        Problem(
                            "file_unreadable",
                            file=file,
                            params={
                                "reason": (
                                    f"部品 {info.filename} に XML の文書型宣言（DTD）があります。Office は DTD を書かないため、"
                                    "安全のため読み込みません",
                                    f"its part {info.filename} holds an XML document type declaration (DTD), which Office never "
                                    "writes; it is refused as unsafe",
                                )
                            },
                        )
                    ]
                )


class _DeclaresDTD(Exception):
    pass


def _refuse_dtd(*_args: Any) -> None:
    raise _DeclaresDTD


def _declares_dtd(content: bytes) -> bool:
    """Whether an XML part declares a DTD (the door to entity expansion and external entities), read by a parser.

    openpyxl reads sheets and shared strings through defusedxml, but the workbook, styles and relationships through
    lxml, whose ``resolve_entities=False`` still expands internal entities in attribute values; so every part is
    checked here, whatever its encoding. Only the DTD handlers are set, so expat runs at C speed.
    """
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd
    try:
        parser.Parse(content, True)
    except _DeclaresDTD:
        return True
    except expat.ExpatError:
        # A DTD may only stand before the root element, so a part broken later has none to find; Excel's VML drawings
        # are often not well-formed, and a broken sheet is openpyxl's to report.
        return False
    return False


def _unsafe_xml(file: str | None) -> Problem:
    return Problem(
        "file_unreadable",
        file=file,
        params={"reason": ("安全でない XML 宣言（DTD）を含みます", "it contains an unsafe XML declaration (DTD)")},
    )


def _refused_by_defusedxml(exc: BaseException | None) -> bool:
    """Whether defusedxml, inside openpyxl, refused a part (openpyxl wraps it in its own error when loading)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, DefusedXmlException):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _open(data: bytes, file: str | None):
    _check_container(data, file)
    try:
        with warnings.catch_warnings():
            # Excel's extensions (e.g. its own data-validation flavour) make openpyxl warn; they do not matter here.
            warnings.simplefilter("ignore")
            # Formulas are loaded as formulas (not their cached results) so that one typed into an edited cell is
            # refused rather than silently read as its last value, or as nothing.
            return load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file; all mean "cannot read"
        if _refused_by_defusedxml(exc):
            raise InputError([_unsafe_xml(file)]) from None
        reason = (
            f"Excel ブックとして読めません（{type(exc).__name__}）",
            f"it cannot be read as a workbook ({type(exc).__name__})",
        )
        raise InputError([Problem("file_unreadable", params={"reason": reason}, file=file)]) from None


def _find_sheet(wb, file: str | None):
    """The clauses-and-measures sheet and its marker, by defined name first, then by the hidden marker cell."""
    names = []
    dn = wb.defined_names.get(CONTROLS_NAME)
    if dn is not None:
        try:
            names = [title for title, _ in dn.destinations]
        except Exception:  # noqa: BLE001 - a hand-edited name may not parse; fall back to the marker
            names = []
    candidates = [n for n in names if n in wb.sheetnames] + [n for n in wb.sheetnames if n not in names]
    for title in candidates:
        ws = wb[title]
        for row in ws.iter_rows(min_row=1, max_row=1, values_only=True):
            for value in row:
                if isinstance(value, str) and value.startswith(CONTROLS_MARKER + " "):
                    return ws, value
    expected = SHEETS["controls"]
    raise InputError(
        [
            _problem(
                (
                    f"シート「{expected[0]}」（または「{expected[1]}」）が見つかりません。"
                    "ttplan が出力したブックを使ってください。",
                    f"the sheet '{expected[1]}' ('{expected[0]}') is missing; use a workbook exported by ttplan",
                ),
                file=file,
            )
        ]
    )


def _marker_fields(marker: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in marker.split()[2:] if "=" in part)


# --------------------------------------------------------------------------- reading the rows


def _text(value: Any) -> str | None:
    """A cell as the text it means: apostrophe escape undone, line ends unified; empty means None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    text = unneutralise(clean_text(str(value)))
    return text if text.strip() else None


def _same_note(a: str | None, b: str | None) -> bool:
    """Notes equal as a spreadsheet shows them (the export drops characters XML cannot carry)."""
    norm = lambda t: clean_text(t).strip() if t else ""  # noqa: E731
    return norm(a) == norm(b)


def _status_value(text: str, vocab: type[Vocab]) -> str | None:
    """The raw status a cell means: the value itself (any case) or, leniently, its label in either language."""
    key = text.strip()
    for member in vocab:
        if key.lower() == member.value or key in (member.label_ja, member.label_en):
            return member.value
    return None


def read_checklist_workbook(
    data: bytes, spec: ProjectSpec, library: Library, *, file: str | None = None
) -> tuple[ProjectSpec, list[StatusChange]]:
    """Clause and measure statuses and notes from the edited sheet, as a new project and a list of changes.

    The input project is never changed. Raises InputError naming sheet, row and column for every bad edit,
    and for a file that is not an xlsx, is over 10 MB, or lacks the clauses-and-measures sheet.
    """
    wb = _open(data, file)
    try:
        return _read(wb, spec, library, file)
    except DefusedXmlException:
        raise InputError([_unsafe_xml(file)]) from None
    finally:
        wb.close()


def _read(wb, spec: ProjectSpec, library: Library, file: str | None) -> tuple[ProjectSpec, list[StatusChange]]:
    ws, marker = _find_sheet(wb, file)
    sheet = ws.title
    problems: list[Problem] = []

    exported_for = _marker_fields(marker).get("project")
    if exported_for and spec.project.id and exported_for != spec.project.id:
        raise InputError(
            [
                _problem(
                    (
                        f"このブックは案件「{exported_for}」から出力されたもので、案件「{spec.project.id}」のものではありません。",
                        f"the workbook was exported for project '{exported_for}', not '{spec.project.id}'",
                    ),
                    file=file,
                )
            ]
        )

    rows = ws.iter_rows()
    header = [cell.value for cell in next(rows, None) or ()]
    known = {}
    for col in CONTROL_COLUMNS:
        for name in (col.ja, col.en, col.key):
            known[name.strip().lower()] = col.key
    where: dict[str, int] = {}
    for index, value in enumerate(header):
        key = known.get(str(value).strip().lower()) if isinstance(value, str) else None
        if key and key not in where:
            where[key] = index
    missing = [c for c in CONTROL_COLUMNS if c.key in REQUIRED and c.key not in where]
    if missing:
        raise InputError(
            [
                _problem(
                    (
                        f"シート「{sheet}」の1行目に列「{'」「'.join(c.ja for c in missing)}」がありません。",
                        f"sheet '{sheet}', row 1: the column(s) {', '.join(repr(c.en) for c in missing)} are missing",
                    ),
                    file=file,
                )
            ]
        )

    def at(row: tuple, key: str) -> Any:
        i = where[key]
        return row[i].value if i < len(row) else None

    def formulas(row: tuple, row_no: int) -> bool:
        found = False
        for key in REQUIRED:
            i = where[key]
            if i < len(row) and row[i].data_type == "f":
                bad(
                    row_no,
                    key,
                    "数式は読み込めません。値か文字を入力してください（= で始まる文字は先頭に ' を付けます）",
                    "formulas are not read; type a value or text (start text beginning with = with a ')",
                )
                found = True
        return found

    def bad(row_no: int, key: str, ja: str, en: str, path: tuple = (), object_id: str | None = None) -> None:
        letter = get_column_letter(where[key] + 1)
        title = _shown(header[where[key]])  # the header as the user sees it in this workbook
        problems.append(
            _problem(
                (
                    f"シート「{sheet}」{row_no} 行目 {letter} 列（{title}）: {ja}",
                    f"sheet '{sheet}', row {row_no}, column {letter} ({title}): {en}",
                ),
                file=file,
                path=path,
                line=row_no,
                column=where[key] + 1,
                object_id=object_id,
            )
        )

    known_measures = set(measure_ids()) & set(library.measures)
    new = spec.model_copy(deep=True)
    changes: list[StatusChange] = []
    seen: dict[tuple[str, str], int] = {}
    for row_no, row in enumerate(rows, 2):
        if row_no > MAX_ROWS + 1:
            bad(row_no, "id", f"行が多すぎます（{MAX_ROWS:,} 行まで）", f"too many rows (at most {MAX_ROWS:,})")
            break
        if formulas(row, row_no):
            continue
        kind_text, ident, status_text, note = (_text(at(row, k)) for k in REQUIRED)
        if kind_text is None and ident is None and status_text is None and note is None:
            continue  # blank rows (a user's spacing) carry nothing
        kind = kind_text.strip().lower() if kind_text else None
        ident = ident.strip() if ident else None
        if kind not in ("clause", "measure"):
            bad(
                row_no,
                "kind",
                f"「{_shown(kind_text or '')}」は clause か measure でなければなりません",
                f"'{_shown(kind_text or '')}' must be clause or measure",
            )
            continue
        if not ident:
            bad(row_no, "id", "ID が空です", "the id is empty")
            continue
        if (kind == "clause" and ident not in library.clauses) or (kind == "measure" and ident not in known_measures):
            what = ("契約条項", "clause") if kind == "clause" else ("対策", "measure")
            bad(
                row_no,
                "id",
                f"「{_shown(ident)}」という{what[0]}はありません",
                f"there is no {what[1]} '{_shown(ident)}'",
            )
            continue
        if (kind, ident) in seen:
            bad(
                row_no,
                "id",
                f"「{ident}」は {seen[(kind, ident)]} 行目にもあります。1行にしてください",
                f"'{ident}' is also on row {seen[(kind, ident)]}; keep one row per {kind}",
            )
            continue
        seen[(kind, ident)] = row_no

        vocab: type[Vocab] = ClauseStatus if kind == "clause" else MeasureStatus
        old_clause = spec.contract.clauses.get(ident) if kind == "clause" else None
        old_measure = spec.measure(ident) if kind == "measure" else None
        old = old_clause or old_measure
        before = old.status.value if old else None
        old_note = old.note if old else None
        path = ("contract", "clauses", ident) if kind == "clause" else tuple(ident.split("."))

        if status_text is None:
            if old is not None:
                # Clearing would drop the entry with its draft reference, owner or due date: refuse rather than lose data.
                bad(
                    row_no,
                    "status",
                    f"状態は空にできません。選択肢: {', '.join(m.value for m in vocab)}",
                    f"the status cannot be cleared; choose one of {', '.join(m.value for m in vocab)}",
                    (*path, "status"),
                    ident,
                )
            elif note is not None:
                bad(
                    row_no,
                    "status",
                    "メモを書くには状態も選んでください",
                    "a note needs a status in this row",
                    (*path, "status"),
                    ident,
                )
            continue
        after = _status_value(status_text, vocab)
        if after is None:
            bad(
                row_no,
                "status",
                f"「{_shown(status_text)}」は選べません。選択肢: {', '.join(m.value for m in vocab)}",
                f"'{_shown(status_text)}' is not one of {', '.join(m.value for m in vocab)}",
                (*path, "status"),
                ident,
            )
            continue
        note_changed = not _same_note(note, old_note)
        if after == before and not note_changed:
            continue
        # An unchanged note keeps its exact original text (the sheet may have lost characters XML cannot carry).
        new_note = (note.strip() if note else None) if note_changed else old_note
        try:
            if kind == "clause":
                new.contract.clauses[ident] = ClauseEntry(
                    status=after,
                    note=new_note,
                    draft_reference=old_clause.draft_reference if old_clause else None,
                    variables=dict(old_clause.variables) if old_clause else {},
                )
            else:
                entry = Measure(
                    status=after,
                    note=new_note,
                    owner=old_measure.owner if old_measure else None,
                    due=old_measure.due if old_measure else None,
                )
                new.set_measure(ident, entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            bad(
                row_no,
                "note",
                f"メモが正しくありません（{first.get('msg', '')}）",
                f"the note is not valid ({first.get('msg', '')})",
                (*path, "note"),
                ident,
            )
            continue
        changes.append(StatusChange(kind, ident, before, after, note_changed))
    if problems:
        raise InputError(problems)
    return new, changes
