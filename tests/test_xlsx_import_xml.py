"""Re-importing a workbook refuses XML that declares a DTD, in any part and any encoding, naming the file and the part."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

import model.report.xlsx_import as xlsx_import
from model.api import InputError, assess, load_project
from model.report.xlsx import assessment_xlsx
from model.report.xlsx_import import read_checklist_workbook

from .conftest import EXAMPLES

DTD = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'


@pytest.fixture(scope="module")
def exported(library):
    spec = load_project(next(p for p in EXAMPLES if p.stem == "jv-china-battery"), library)
    return spec, assessment_xlsx(assess(spec, library), library, "en")


def rebuilt(data: bytes, change) -> bytes:
    """The workbook with ``change(name, content)`` applied to every part (it returns the new content)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in src.namelist():
            zf.writestr(name, change(name, src.read(name)))
    return out.getvalue()


def with_dtd(content: bytes, encoding: str = "utf-8") -> bytes:
    text = content.decode("utf-8")
    if text.startswith("<?xml"):
        text = text.split("?>", 1)[1]
    return f'<?xml version="1.0" encoding="{encoding.upper()}"?>{DTD}{text}'.encode(encoding)


@pytest.mark.parametrize(
    "part",
    [
        "xl/workbook.xml",
        "xl/styles.xml",
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet1.xml",
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_dtd_in_any_part_is_refused_naming_file_and_part(exported, library, part, encoding):
    spec, data = exported
    bad = rebuilt(data, lambda name, content: with_dtd(content, encoding) if name == part else content)
    with pytest.raises(InputError) as info:
        read_checklist_workbook(bad, spec, library, file="counsel-edit.xlsx")
    [problem] = info.value.problems
    assert problem.format("en").startswith("counsel-edit.xlsx: error:")
    assert f"its part {part} holds an XML document type declaration (DTD)" in problem.format("en")
    assert f"部品 {part} に XML の文書型宣言（DTD）があります" in problem.format("ja")


def test_entity_expanded_in_a_sheet_name_is_refused(exported, library):
    # lxml (which openpyxl uses for workbook.xml) expands internal entities in attributes even with
    # resolve_entities=False; without the check this workbook loads with a sheet name grown by the entity.
    spec, data = exported

    def change(name, content):
        if name != "xl/workbook.xml":
            return content
        return with_dtd(content).replace(b'name="', b'name="&b;', 1)

    with pytest.raises(InputError) as info:
        read_checklist_workbook(rebuilt(data, change), spec, library, file="counsel-edit.xlsx")
    assert "xl/workbook.xml holds an XML document type declaration" in info.value.problems[0].format("en")


def test_a_dtd_in_a_part_with_an_odd_name_is_refused(exported, library):
    # What openpyxl parses is decided by the relationships, not by the file extension.
    spec, data = exported
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("xl/worksheets/extra.bin", with_dtd(b"<worksheet/>"))
    with pytest.raises(InputError) as info:
        read_checklist_workbook(out.getvalue(), spec, library)
    assert "xl/worksheets/extra.bin" in info.value.problems[0].format("en")


def test_binary_and_broken_parts_without_a_dtd_are_let_through(exported, library):
    spec, data = exported
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("xl/media/image1.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
        zf.writestr("xl/drawings/vmlDrawing1.vml", b"<xml><v:shape><br></v:shape></xml>")  # VML as Excel writes it
    new, _ = read_checklist_workbook(out.getvalue(), spec, library)
    assert new.contract.clauses == spec.contract.clauses


def test_openpyxl_parses_through_defusedxml():
    # The dependency is declared for this: openpyxl switches to defusedxml only when it is importable.
    assert openpyxl.DEFUSEDXML is True


def test_defusedxml_inside_openpyxl_is_a_clear_message_too(exported, library, monkeypatch):
    """Should a part get past the container check, openpyxl's defusedxml refusal still reads as a message."""
    spec, data = exported
    monkeypatch.setattr(xlsx_import, "_declares_dtd", lambda content: False)
    bad = rebuilt(data, lambda name, content: with_dtd(content) if name.startswith("xl/worksheets/") else content)
    with pytest.raises(InputError) as info:
        read_checklist_workbook(bad, spec, library, file="counsel-edit.xlsx")
    text = info.value.problems[0].format("en")
    assert text.startswith("counsel-edit.xlsx: error:") and "DTD" in text
