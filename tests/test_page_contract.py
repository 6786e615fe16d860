"""Contract review page: renders for every example in both languages; clause statuses, notes and values edit the draft."""

from __future__ import annotations

import pytest

from model.format.vocab import ClauseStatus

from .app_support import app_env, open_app  # noqa: F401  (fixture)

PAGE = "app_pages/contract.py"
EXAMPLES = ["cm-vietnam-parts", "jv-china-battery", "licence-us-coating"]
HOSTILE = ["<img src=x onerror=alert(1)>", "![x](http://example.invalid/a.png)"]


@pytest.fixture(autouse=True)
def widgets_language(monkeypatch):
    """AppTest calls a selectbox's format function outside the script, where ui.widgets.choice reads the
    language from an empty session (so always Japanese): open_project pins it to the test's language."""
    import ui.widgets

    monkeypatch.setattr(ui.widgets, "lang", ui.widgets.lang)  # restored after the test


def open_project(project: str, lang: str = "ja", **state):
    import ui.widgets

    ui.widgets.lang = lambda: lang
    at = open_app(lang, page=PAGE, **state)
    at.sidebar.selectbox[0].set_value(project).run()
    assert at.session_state["draft"].project.id == project
    return at


def open_clause(at, clause_id: str):
    at.session_state[f"contract_open_{clause_id}"] = True
    at.run()
    assert not at.exception, at.exception
    return at


def markdown_texts(at) -> list[str]:
    return [m.value for m in at.markdown] + [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("project", EXAMPLES)
def test_renders_every_example(app_env, lang, project):  # noqa: F811
    at = open_project(project, lang)
    assert not at.exception, at.exception
    assert at.title[0].value == ("契約レビュー" if lang == "ja" else "Contract review")
    assert len(at.expander) > 10
    assert len(at.tabs) == 5
    # Open one clause fully: wording in both languages as code blocks.
    open_clause(at, "confidentiality-survival")
    codes = [c.value for c in at.code]
    assert len(codes) == 2


def test_setting_a_status_updates_the_draft_and_not_reviewed_removes_it(app_env):  # noqa: F811
    at = open_project("jv-china-battery")
    open_clause(at, "confidentiality-survival")
    at.selectbox(key="contract_status_confidentiality-survival").set_value(ClauseStatus.MISSING).run()
    assert not at.exception, at.exception
    entry = at.session_state["draft"].contract.clauses["confidentiality-survival"]
    assert entry.status == ClauseStatus.MISSING
    assert entry.note  # the note survives a status change
    assert at.selectbox(key="contract_status_confidentiality-survival").value == ClauseStatus.MISSING
    at.selectbox(key="contract_status_confidentiality-survival").select_index(0).run()
    assert not at.exception, at.exception
    assert "confidentiality-survival" not in at.session_state["draft"].contract.clauses
    # The note and values cannot be edited without a status.
    assert at.text_area(key="contract_note_confidentiality-survival").disabled


def test_status_for_an_unreviewed_clause_creates_an_entry(app_env):  # noqa: F811
    at = open_project("licence-us-coating")
    draft = at.session_state["draft"]
    open_clause(at, "confidentiality-survival")
    clause = "confidentiality-survival"
    at.selectbox(key=f"contract_status_{clause}").select_index(0).run()  # not reviewed: no entry any more
    assert clause not in draft.contract.clauses or clause not in at.session_state["draft"].contract.clauses
    at.selectbox(key=f"contract_status_{clause}").set_value(ClauseStatus.PARTIAL).run()
    assert at.session_state["draft"].contract.clauses[clause].status == ClauseStatus.PARTIAL


def test_variable_changes_the_wording_and_default_is_not_stored(app_env):  # noqa: F811
    at = open_project("licence-us-coating")
    open_clause(at, "confidentiality-survival")
    key = "contract_var_confidentiality-survival_survival_years"
    assert at.number_input(key=key).value == 10
    assert any("10" in c.value for c in at.code)
    at.number_input(key=key).set_value(17).run()
    assert not at.exception, at.exception
    entry = at.session_state["draft"].contract.clauses["confidentiality-survival"]
    assert entry.variables["survival_years"] == 17
    assert any("17年間" in c.value for c in at.code)
    assert any("17 years" in c.value for c in at.code)
    at.number_input(key=key).set_value(5).run()  # the library default
    entry = at.session_state["draft"].contract.clauses["confidentiality-survival"]
    assert "survival_years" not in entry.variables


def test_note_and_reference_are_stored_and_never_rendered_as_markdown(app_env):  # noqa: F811
    at = open_project("jv-china-battery")
    open_clause(at, "confidentiality-survival")
    at.text_area(key="contract_note_confidentiality-survival").input(HOSTILE[0] + " " + HOSTILE[1]).run()
    at.text_input(key="contract_ref_confidentiality-survival").input(HOSTILE[1]).run()
    assert not at.exception, at.exception
    entry = at.session_state["draft"].contract.clauses["confidentiality-survival"]
    assert entry.note == HOSTILE[0] + " " + HOSTILE[1]
    assert entry.draft_reference == HOSTILE[1]
    for text in markdown_texts(at):
        for bad in HOSTILE:
            assert bad not in text
    # Widget values hold the text (inert), and the sidebar shows the unsaved change.
    assert at.text_area(key="contract_note_confidentiality-survival").value == entry.note
    assert any("未保存" in w.value for w in at.sidebar.warning)


def test_filters_reduce_the_clause_list(app_env):  # noqa: F811
    at = open_project("licence-us-coating")
    before = len(at.expander)
    at.multiselect(key="contract_filter_status").set_value(["missing", "partial"]).run()
    assert not at.exception
    draft = at.session_state["draft"]
    weak = sum(1 for e in draft.contract.clauses.values() if e.status.value in ("missing", "partial"))
    assert len(at.expander) == weak < before
    at.multiselect(key="contract_filter_status").set_value([]).run()
    at.selectbox(key="contract_filter_phase").set_value("planning").run()
    assert 0 < len(at.expander) < before


def test_checklist_tabs_and_export_buttons(app_env):  # noqa: F811
    at = open_project("cm-vietnam-parts", "en")
    assert [t.label for t in at.tabs] == ["Planning", "Contract", "Operation", "Exit", "Cross-cutting"]
    assert sum(len(d.value) for d in at.dataframe) >= 100  # the full checklist, one table per phase
    downloads = at.get("download_button")
    assert len(downloads) == 2 or any("not available" in i.value for i in at.info)


def test_pure_helpers():
    import importlib

    from model import api

    page = importlib.import_module("app_pages.contract")  # outside Streamlit the page body shows nothing
    lib = api.load_library()
    spec, _ = api.parse_project(open("examples/licence-us-coating.yaml", "rb").read(), "x.yaml", lib)
    a = api.assess(spec, lib)
    needed, extra = page.clause_lists(spec, lib, a)
    assert needed and not extra
    new = page.set_status(spec, "confidentiality-survival", None)
    assert "confidentiality-survival" not in new.contract.clauses
    assert "confidentiality-survival" in spec.contract.clauses  # the input is never changed
    clause = lib.clauses["confidentiality-survival"]
    new = page.set_variable(spec, clause, "survival_years", 5)
    assert "survival_years" not in new.contract.clauses["confidentiality-survival"].variables
    weak = page.filter_clauses(needed, spec, None, ["missing"])
    assert all(spec.contract.clauses[c.id].status == ClauseStatus.MISSING for c in weak)
    rows = page.checklist_rows(a, lib, "contract", "en")
    assert rows and {"id", "item", "status", "evidence", "owner", "closing"} <= set(rows[0])


def edited_workbook(spec, clause_id: str, status: str, note: str) -> bytes:
    """The exported checklist with one clause row changed, as counsel would edit it."""
    import io

    from openpyxl import load_workbook

    from model import api
    from model.report import xlsx_import
    from ui import core

    lib = core.library()
    data = api.export(api.assess(spec, lib), lib, "xlsx", "ja")
    wb = load_workbook(io.BytesIO(data))
    ws, _ = xlsx_import._find_sheet(wb, None)
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    names = {col.key: {col.ja, col.en, col.key} for col in xlsx_import.CONTROL_COLUMNS}
    col = {key: next(i for i, h in enumerate(header) if h in names[key]) for key in ("id", "status", "note")}
    for row in ws.iter_rows(min_row=2):
        if row[col["id"]].value == clause_id:
            row[col["status"]].value = status
            row[col["note"]].value = note
            break
    else:
        raise AssertionError(f"{clause_id} not in the workbook")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_reimport_of_an_edited_checklist(app_env):  # noqa: F811
    at = open_project("jv-china-battery")
    spec = at.session_state["draft"]
    note = HOSTILE[1]
    data = edited_workbook(spec, "confidentiality-survival", "missing", note)
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="contract_import_file").set_value(("edited.xlsx", data, mime)).run()
    assert not at.exception, at.exception
    changes = at.dataframe[-1].value  # the table of changes, after the checklist tables
    assert len(changes) == 1 and len(at.dataframe) == 6
    for text in markdown_texts(at):
        assert note not in text
    assert at.session_state["draft"].contract.clauses["confidentiality-survival"].status == ClauseStatus.PARTIAL
    at.button(key="contract_import_apply").click().run()
    assert not at.exception, at.exception
    entry = at.session_state["draft"].contract.clauses["confidentiality-survival"]
    assert entry.status == ClauseStatus.MISSING and entry.note == note
    assert any("反映しました" in s.value for s in at.success)


def test_reimport_of_a_bad_file_shows_the_problems(app_env):  # noqa: F811
    at = open_project("cm-vietnam-parts", "en")
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="contract_import_file").set_value(("bad.xlsx", b"not a workbook", mime)).run()
    assert not at.exception, at.exception
    assert at.error or at.info  # the problems (or, while the reader is missing, a short notice)
    assert "contract_import_apply" not in [b.key for b in at.button]


def test_hostile_technology_name_never_reaches_markdown(app_env):  # noqa: F811
    at = open_project("jv-china-battery")
    spec = at.session_state["draft"].model_copy(deep=True)
    for tech in spec.technologies:
        tech.name = HOSTILE[0] + HOSTILE[1]
    at.session_state["draft"] = spec
    at.run()
    open_clause(at, "confidentiality-survival")  # lists the open findings it would lower, by technology name
    assert not at.exception, at.exception
    for text in markdown_texts(at):
        for bad in HOSTILE:
            assert bad not in text


def test_widgets_follow_the_draft_after_discard(app_env):  # noqa: F811
    at = open_project("jv-china-battery")
    open_clause(at, "confidentiality-survival")
    at.number_input(key="contract_var_confidentiality-survival_survival_years").set_value(12).run()
    assert at.session_state["draft"].contract.clauses["confidentiality-survival"].variables["survival_years"] == 12
    discard = next(b for b in at.sidebar.button if b.label == "変更を破棄")
    discard.click().run()
    open_clause(at, "confidentiality-survival")
    assert at.number_input(key="contract_var_confidentiality-survival_survival_years").value == 3
    assert at.selectbox(key="contract_status_confidentiality-survival").value == ClauseStatus.PARTIAL
