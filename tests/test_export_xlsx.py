"""Excel export and re-import: the workbook matches the assessment, hostile text stays inert, counsel's edits read back exactly."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from enum import Enum

import pytest
from openpyxl import Workbook, load_workbook
from pydantic import BaseModel, ValidationError

from model.api import InputError, assess, load_project
from model.format.spec import ClauseEntry, Measure, ProjectSpec
from model.format.vocab import Phase, Severity
from model.report.xlsx import (
    CHECKLIST_COLUMNS,
    CONTROL_COLUMNS,
    CONTROLS_NAME,
    FINDING_COLUMNS,
    assessment_xlsx,
    clean_text,
    neutralise,
    phase_sheet_name,
    sheet_name,
    unneutralise,
)
from model.report.xlsx_import import StatusChange, read_checklist_workbook

from .conftest import EXAMPLES, MINIMAL

LANGS = ("ja", "en")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def assessed(library):
    """Each example's project and assessment, computed once."""
    out = {}
    for path in EXAMPLES:
        spec = load_project(path, library)
        out[path.stem] = (spec, assess(spec, library))
    return out


def workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def table(ws, columns) -> list[dict]:
    """Rows of a sheet as dicts keyed by column key (the header order is the export's)."""
    keys = [c.key for c in columns]
    return [dict(zip(keys, row, strict=False)) for row in ws.iter_rows(min_row=2, values_only=True)]


def controls_sheet(wb):
    title, _ = next(iter(wb.defined_names[CONTROLS_NAME].destinations))
    return wb[title]


def column_of(key: str) -> int:
    return next(i for i, c in enumerate(CONTROL_COLUMNS, 1) if c.key == key)


def row_of(ws, kind: str, ident: str) -> int:
    kind_col, id_col = column_of("kind"), column_of("id")
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, kind_col).value == kind and ws.cell(r, id_col).value == ident:
            return r
    raise AssertionError(f"no row for {kind} {ident}")


def edited(data: bytes, edits: list[tuple[str, str, str, object]]) -> bytes:
    """The workbook with (kind, id, column key, value) edits made as a user would, through openpyxl."""
    wb = workbook(data)
    ws = controls_sheet(wb)
    for kind, ident, key, value in edits:
        ws.cell(row_of(ws, kind, ident), column_of(key)).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def message_text(exc: InputError) -> str:
    return "\n".join(p.format("en") + "\n" + p.format("ja") for p in exc.problems)


# --------------------------------------------------------------------------- the workbook matches the assessment


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_workbook_matches_assessment(name, lang, assessed, library):
    spec, a = assessed[name]
    wb = workbook(assessment_xlsx(a, library, lang))
    phase_sheets = [phase_sheet_name(p, lang) for p in Phase]
    expected_sheets = [
        sheet_name("legend", lang),
        *phase_sheets,
        sheet_name("findings", lang),
        sheet_name("controls", lang),
        sheet_name("wording", lang),
        sheet_name("matrix", lang),
    ]
    assert wb.sheetnames == expected_sheets

    # Legend: score and grade by their raw keys.
    legend = {
        row[2]: row[1]
        for row in wb[sheet_name("legend", lang)].iter_rows(min_row=2, max_row=20, values_only=True)
        if row[2]
    }
    assert legend["score"] == a.score
    assert legend["grade"] == a.grade.grade
    assert legend["project.id"] == a.project_id
    assert legend["score_note"] == a.scoring.note.get(lang)

    # Checklist: every item once, on its phase's sheet, with its raw status and owner.
    seen: dict[str, dict] = {}
    for phase, title in zip(Phase, phase_sheets, strict=True):
        for row in table(wb[title], CHECKLIST_COLUMNS):
            assert row["id"] not in seen
            seen[row["id"]] = row | {"phase": phase.value}
    results = {r.id: r for r in a.checklist}
    assert set(seen) == set(results)
    assert sum(1 for i in seen if i.startswith("ch1.")) == 60
    for item_id, row in seen.items():
        r = results[item_id]
        assert row["status"] == r.status
        assert row["phase"] == r.phase
        assert row["owner"] == r.item.owner.value
        assert row["section"] == r.item.section

    # Findings: count, order, top finding.
    findings = table(wb[sheet_name("findings", lang)], FINDING_COLUMNS)
    assert len(findings) == len(a.findings)
    top = a.findings[0]
    assert findings[0]["id"] == top.id and findings[0]["score"] == top.score
    assert findings[0]["severity"] == top.severity
    assert findings[0]["severity_label"] == Severity(top.severity).label(lang)
    assert [f["id"] for f in findings] == [f.id for f in a.findings]

    # Clauses and measures: every clause the project records, every measure, raw statuses as in the project.
    ws = controls_sheet(wb)
    assert ws.title == sheet_name("controls", lang)
    rows = table(ws, CONTROL_COLUMNS)
    clauses = {r["id"]: r for r in rows if r["kind"] == "clause"}
    measures = {r["id"]: r for r in rows if r["kind"] == "measure"}
    assert set(spec.contract.clauses) <= set(clauses)
    assert set(measures) == set(library.measures)
    for cid, entry in spec.contract.clauses.items():
        assert clauses[cid]["status"] == entry.status.value
    for mid, row in measures.items():
        m = spec.measure(mid)
        assert row["status"] == (m.status.value if m else None)
    some = next(iter(spec.contract.clauses))
    assert clauses[some]["wording"] == neutralise(
        library.clauses[some].render(lang, spec.contract.clauses[some].variables)
    )

    # The status column offers the allowed raw values.
    validations = ws.data_validations.dataValidation
    formulas = {dv.formula1 for dv in validations}
    assert '"present,partial,missing,not_applicable"' in formulas
    assert '"in_place,partial,planned,absent,not_applicable"' in formulas

    # Every table: bold frozen header and an auto-filter.
    for title in [
        sheet_name("legend", lang),
        *phase_sheets,
        sheet_name("findings", lang),
        sheet_name("controls", lang),
        sheet_name("wording", lang),
    ]:
        sheet = wb[title]
        assert sheet.freeze_panes == "A2", title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), title
        assert sheet["A1"].font.bold, title
        assert sheet["B2"].alignment.wrap_text, title
        assert sheet.column_dimensions["B"].width >= 10, title


@pytest.mark.parametrize("lang", LANGS)
def test_risk_matrix_counts_every_finding_in_its_cell(lang, assessed, library):
    _, a = assessed["jv-china-battery"]
    ws = workbook(assessment_xlsx(a, library, lang))[sheet_name("matrix", lang)]
    total = 0
    for r, lik in enumerate(range(5, 0, -1), 2):
        for imp in range(1, 6):
            value = ws.cell(r, imp + 1).value
            severity = a.scoring.matrix[lik - 1][imp - 1]
            count = sum(1 for f in a.findings if f.likelihood_level == lik and f.impact_level == imp)
            assert value == f"{Severity(severity).label(lang)} ({count})"
            total += count
    assert total == len(a.findings)


def test_export_is_pure_and_does_not_touch_the_assessment(assessed, library):
    spec, a = assessed["cm-vietnam-parts"]
    before = spec.model_copy(deep=True)
    first = assessment_xlsx(a, library)
    assert isinstance(first, bytes) and zipfile.is_zipfile(io.BytesIO(first))
    assert spec == before


# --------------------------------------------------------------------------- hostile text


PAYLOADS = [
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2",
    "@SUM(1)",
    "\t=1+2",
    "\r=3+4",
    "\x00=cmd|' /C calc'!A0",
    "ctl\x07char\x1b here",
    "'=already quoted",
    "=1\r\n=2",
]


def _is_free_text(value) -> bool:
    return isinstance(value, str) and not isinstance(value, Enum)


def poison(model: BaseModel, payloads) -> int:
    """Put a payload in every free-text field of the project (ids, enums, codes and dates refuse them); returns how many."""
    count = 0
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            count += poison(value, payloads)
        elif isinstance(value, list) and value and all(isinstance(v, BaseModel) for v in value):
            count += sum(poison(v, payloads) for v in value)
        elif isinstance(value, dict):
            count += sum(poison(v, payloads) for v in value.values() if isinstance(v, BaseModel))
        elif isinstance(value, list) and value and all(_is_free_text(v) for v in value):
            try:
                setattr(model, name, [next(payloads) for _ in value])
                count += len(value)
            except ValidationError:
                pass
        elif value is None or _is_free_text(value):
            try:
                setattr(model, name, next(payloads))
            except ValidationError:
                continue
            if _is_free_text(getattr(model, name)):
                count += 1
            else:  # coerced into a number or the like: not a text field
                setattr(model, name, value)
    return count


@pytest.fixture(scope="module")
def hostile(library):
    spec = load_project(EXAMPLES[0], library)
    payloads = itertools.cycle(PAYLOADS)
    n = poison(spec, payloads)
    assert n > 100
    return spec


def test_poisoning_reaches_the_fields_the_brief_names(hostile):
    texts = [
        hostile.project.name,
        hostile.project.description,
        hostile.technologies[0].name,
        hostile.partners[0].name,
        next(iter(hostile.contract.clauses.values())).note,
        hostile.disclosure.stages[0].name,
        hostile.people[0].name,
        hostile.equipment[0].name,
    ]
    assert all(t in PAYLOADS for t in texts)
    assert any(d.justification in PAYLOADS for d in hostile.decisions)


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_text_comes_out_inert(hostile, library, lang):
    data = assessment_xlsx(assess(hostile, library), library, lang)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = zf.read(name)
                assert not re.search(rb"<f[\s>/]", xml), name
                assert b"<!DOCTYPE" not in xml
    wb = workbook(data)
    strings = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    assert cell.value[:1] not in FORMULA_START, (ws.title, cell.coordinate, cell.value)
                    assert not ILLEGAL.search(cell.value), (ws.title, cell.coordinate)
                    strings.append(cell.value)
    # The payloads are there, as text the reader can see.
    assert "'" + '=HYPERLINK("http://x","y")' in strings or any('\'=HYPERLINK("http://x","y")' in s for s in strings)
    legend = {
        row[2]: row[1] for row in wb[sheet_name("legend", lang)].iter_rows(min_row=2, max_row=20, values_only=True)
    }
    assert legend["project.name"] == neutralise(clean_text(hostile.project.name))


def test_hostile_workbook_reads_back_unchanged(hostile, library):
    data = assessment_xlsx(assess(hostile, library), library)
    new, changes = read_checklist_workbook(data, hostile, library)
    assert changes == []
    assert new == hostile


@pytest.mark.parametrize("text", ["=1", "'=1", "''+x", "'plain", "plain", "-", "", "@", "'"])
def test_apostrophe_escape_round_trips(text):
    assert unneutralise(neutralise(text)) == text
    assert neutralise(text)[:1] not in FORMULA_START


# --------------------------------------------------------------------------- reading edits back


def test_unedited_workbook_reads_back_without_changes(assessed, library):
    for spec, a in assessed.values():
        for lang in LANGS:
            new, changes = read_checklist_workbook(assessment_xlsx(a, library, lang), spec, library)
            assert changes == [] and new == spec


@pytest.mark.parametrize("lang", LANGS)
def test_round_trip_of_two_statuses_and_one_note(assessed, library, lang):
    spec, a = assessed["jv-china-battery"]
    before = spec.model_copy(deep=True)
    clause_id = next(cid for cid, e in spec.contract.clauses.items() if e.status.value == "partial")
    measure_id = "our_company.generative_ai_rules"  # partial, with a note, an owner and a due date
    old_measure = spec.measure(measure_id)
    assert old_measure.status.value == "partial" and old_measure.owner and old_measure.due
    note_clause = next(cid for cid in spec.contract.clauses if cid != clause_id)
    new_note = "=Counsel: Art. 12 agreed 2027-02-01\nsee mark-up"
    data = edited(
        assessment_xlsx(a, library, lang),
        [
            ("clause", clause_id, "status", "present"),
            ("measure", measure_id, "status", "in_place"),
            ("clause", note_clause, "note", "'" + new_note),  # text starting with '=' is typed with a leading '
        ],
    )
    new, changes = read_checklist_workbook(data, spec, library)

    assert spec == before, "the input project must not change"
    assert sorted(changes, key=lambda c: c.id) == sorted(
        [
            StatusChange("clause", clause_id, "partial", "present", False),
            StatusChange("measure", measure_id, "partial", "in_place", False),
            StatusChange(
                "clause",
                note_clause,
                spec.contract.clauses[note_clause].status.value,
                spec.contract.clauses[note_clause].status.value,
                True,
            ),
        ],
        key=lambda c: c.id,
    )

    expected = before.model_copy(deep=True)
    old = expected.contract.clauses[clause_id]
    expected.contract.clauses[clause_id] = ClauseEntry(
        status="present", note=old.note, draft_reference=old.draft_reference, variables=old.variables
    )
    expected.our_company.generative_ai_rules = Measure(
        status="in_place", note=old_measure.note, owner=old_measure.owner, due=old_measure.due
    )
    other = expected.contract.clauses[note_clause]
    expected.contract.clauses[note_clause] = ClauseEntry(
        status=other.status, note=new_note, draft_reference=other.draft_reference, variables=other.variables
    )
    assert new == expected


def test_sorted_rows_and_labels_still_read_back(assessed, library):
    """Counsel may sort the sheet and pick a label instead of the value; rows are matched by kind and id."""
    spec, a = assessed["licence-us-coating"]
    wb = workbook(assessment_xlsx(a, library, "en"))
    ws = controls_sheet(wb)
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_col=len(CONTROL_COLUMNS))]
    rows.reverse()
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            ws.cell(r, c).value = value
    target = next(cid for cid, e in spec.contract.clauses.items() if e.status.value != "missing")
    ws.cell(row_of(ws, "clause", target), column_of("status")).value = "Missing"
    out = io.BytesIO()
    wb.save(out)
    _, changes = read_checklist_workbook(out.getvalue(), spec, library)
    assert changes == [StatusChange("clause", target, spec.contract.clauses[target].status.value, "missing", False)]


def test_status_for_an_unrecorded_clause_or_measure_creates_it(write, library):
    spec = load_project(write(MINIMAL, "minimal.yaml"), library)
    a = assess(spec, library)
    data = assessment_xlsx(a, library)
    ws = controls_sheet(workbook(data))
    clause_id = next(r["id"] for r in table(ws, CONTROL_COLUMNS) if r["kind"] == "clause")
    data = edited(
        data,
        [
            ("measure", "operations.access_reviews", "status", "planned"),
            ("clause", clause_id, "status", "missing"),
            ("clause", clause_id, "note", "not in draft v1"),
        ],
    )
    new, changes = read_checklist_workbook(data, spec, library)
    assert new.operations.access_reviews == Measure(status="planned")
    assert new.contract.clauses[clause_id] == ClauseEntry(status="missing", note="not in draft v1")
    assert StatusChange("measure", "operations.access_reviews", None, "planned", False) in changes
    assert StatusChange("clause", clause_id, None, "missing", True) in changes
    assert spec.operations.access_reviews is None and clause_id not in spec.contract.clauses


# --------------------------------------------------------------------------- bad edits and bad files


@pytest.fixture(scope="module")
def jv(assessed, library):
    spec, a = assessed["jv-china-battery"]
    return spec, assessment_xlsx(a, library, "en")


def test_unknown_status_names_sheet_row_and_column(jv, library):
    spec, data = jv
    clause_id = next(iter(spec.contract.clauses))
    row = row_of(controls_sheet(workbook(data)), "clause", clause_id)
    bad = edited(
        data, [("clause", clause_id, "status", "presnt"), ("measure", "exit.exit_policy", "status", "present")]
    )  # a clause value on a measure row
    with pytest.raises(InputError) as info:
        read_checklist_workbook(bad, spec, library, file="counsel.xlsx")
    problems = info.value.problems
    assert len(problems) == 2
    text = message_text(info.value)
    letter = chr(ord("A") + column_of("status") - 1)
    assert f"sheet 'Clauses and measures (edit)', row {row}, column {letter}" in text
    assert "'presnt' is not one of present, partial, missing, not_applicable" in text
    assert "'present' is not one of in_place, partial, planned, absent, not_applicable" in text
    assert f"{row} 行目" in text
    assert problems[0].line == row and problems[0].file == "counsel.xlsx"
    assert problems[0].path == ("contract", "clauses", clause_id, "status")


def test_unknown_id_and_cleared_status_are_refused(jv, library):
    spec, data = jv
    clause_id = next(iter(spec.contract.clauses))
    bad = edited(data, [("clause", clause_id, "id", "no-such-clause"), ("measure", "exit.exit_policy", "status", None)])
    with pytest.raises(InputError) as info:
        read_checklist_workbook(bad, spec, library)
    text = message_text(info.value)
    assert "there is no clause 'no-such-clause'" in text
    assert "the status cannot be cleared" in text


def test_formula_typed_into_an_edited_cell_is_refused(jv, library):
    spec, data = jv
    clause_id = next(iter(spec.contract.clauses))
    bad = edited(data, [("clause", clause_id, "note", '=HYPERLINK("http://x","y")')])
    with pytest.raises(InputError) as info:
        read_checklist_workbook(bad, spec, library)
    assert "formulas are not read" in message_text(info.value)


def test_missing_sheet_is_refused(jv, library):
    spec, data = jv
    wb = workbook(data)
    del wb[controls_sheet(wb).title]
    del wb.defined_names[CONTROLS_NAME]
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(InputError) as info:
        read_checklist_workbook(out.getvalue(), spec, library)
    assert "is missing" in message_text(info.value)


def test_a_plain_workbook_is_refused(jv, library):
    spec, _ = jv
    out = io.BytesIO()
    Workbook().save(out)
    with pytest.raises(InputError):
        read_checklist_workbook(out.getvalue(), spec, library)


def test_workbook_of_another_project_is_refused(assessed, library):
    spec, _ = assessed["jv-china-battery"]
    _, other = assessed["cm-vietnam-parts"]
    with pytest.raises(InputError) as info:
        read_checklist_workbook(assessment_xlsx(other, library), spec, library)
    assert "cm-vietnam-parts" in message_text(info.value)


@pytest.mark.parametrize("data", [b"", b"not a workbook", b"PK\x03\x04garbage", "名前,状態\n".encode()])
def test_not_an_xlsx_is_refused(data, library, assessed):
    spec, _ = assessed["jv-china-battery"]
    with pytest.raises(InputError) as info:
        read_checklist_workbook(data, spec, library)
    assert info.value.problems and all(p.severity == "error" for p in info.value.problems)


def test_other_zip_files_are_refused(library, assessed):
    spec, _ = assessed["jv-china-battery"]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(InputError) as info:
        read_checklist_workbook(out.getvalue(), spec, library)
    assert "not an Excel workbook" in message_text(info.value)


def test_xml_with_a_dtd_is_refused(jv, library):
    spec, data = jv
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "xl/workbook.xml":
                content = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + content
            zf.writestr(item, content)
    with pytest.raises(InputError) as info:
        read_checklist_workbook(out.getvalue(), spec, library)
    assert "DTD" in message_text(info.value)


def test_workbook_over_10_mb_is_refused(jv, library):
    spec, data = jv
    with pytest.raises(InputError) as info:
        read_checklist_workbook(data + b"\0" * (10 * 1024 * 1024), spec, library)
    assert info.value.problems[0].code == "file_too_large"


def test_project_spec_type_is_returned(jv, library):
    spec, data = jv
    new, _ = read_checklist_workbook(data, spec, library)
    assert isinstance(new, ProjectSpec) and new is not spec
