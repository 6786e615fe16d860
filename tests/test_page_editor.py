"""The project editor: every section renders, edits apply only when valid, new/import/export, and the pure helpers."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from model.format.fields import field_shape
from model.format.project_io import load_project, project_data
from model.format.spec import Measure, ProjectSpec
from model.format.vocab import CountryFactor, DealType, MeasureStatus, RiskRating
from ui import editor_forms as ef

from .app_support import app_env, open_app  # noqa: F401  (fixture)
from .conftest import EXAMPLES

PAGE = "app_pages/editor.py"
SECTIONS = [*ef.SECTIONS, "file"]
HOSTILE = ["<img src=x onerror=alert(1)>", "![x](http://example.invalid/a.png)"]


@pytest.fixture
def english(monkeypatch):
    """ui.widgets.choice labels options with lang() when called; AppTest calls format_func outside the script
    run, where session state (and so the language) is not reachable and lang() falls back to Japanese."""
    monkeypatch.setattr("ui.widgets.lang", lambda: "en")


def _open(lang: str = "ja", project: str | None = None):
    at = open_app(lang, page=PAGE)
    if project and at.session_state["draft"].project.id != project:
        at.sidebar.selectbox[0].set_value(project).run()
    assert not at.exception, at.exception
    return at


def _section(at, section: str):
    at.radio(key="editor_section").set_value(section).run()
    assert not at.exception, (section, at.exception)
    return at


def _uid(at, collection: str, index: int = 0) -> str:
    return at.session_state["editor_state"]["rows"][collection][index]


def _markdown_texts(at) -> list[str]:
    return (
        [e.value for e in at.markdown]
        + [e.value for e in at.caption]
        + [e.value for e in at.main.error]
        + [e.value for e in at.main.warning]
    )


# --------------------------------------------------------------------------- the page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_section_renders_for_each_example(app_env, lang, monkeypatch):  # noqa: F811
    if lang == "en":
        monkeypatch.setattr("ui.widgets.lang", lambda: "en")
    at = _open(lang)
    for path in EXAMPLES:
        project = path.stem
        at.sidebar.selectbox[0].set_value(project).run()
        assert at.session_state["draft"].project.id == project
        for section in SECTIONS:
            _section(at, section)
        # merely looking at every section changes nothing
        assert not at.main.error, [e.value for e in at.main.error]
        assert at.session_state["draft"] == load_project(path)


def test_name_and_deal_type_apply_to_the_draft(app_env):  # noqa: F811
    at = _open("ja", "cm-vietnam-parts")
    at.text_input(key="editor_project_name").input("新しい名前")
    at.selectbox(key="editor_project_deal_type").set_value(DealType.LICENCE)
    at.run()
    assert not at.exception
    draft = at.session_state["draft"]
    assert draft.project.name == "新しい名前"
    assert draft.project.deal_type == DealType.LICENCE
    assert any("未保存" in w.value for w in at.main.warning)  # the status line


def test_invalid_headcount_is_reported_kept_and_not_applied(app_env):  # noqa: F811
    at = _open("ja", "jv-china-battery")
    _section(at, "people")
    uid = _uid(at, "people")
    key = f"editor_people_{uid}_headcount"
    before = at.session_state["draft"].people[0].headcount
    at.number_input(key=key).set_value(-5).run()
    assert not at.exception
    errors = [e.value for e in at.main.error]
    assert any("0 以上" in e for e in errors), errors  # next to the field, in Japanese
    assert any("反映されていません" in e for e in errors)  # the status line says it is not applied
    assert at.number_input(key=key).value == -5  # what was typed is kept
    assert at.session_state["draft"].people[0].headcount == before

    # Another section stays editable, and the typed value survives a visit elsewhere.
    _section(at, "project")
    at.text_input(key="editor_project_name").input("別名").run()
    assert at.session_state["draft"].project.name == "別名"
    _section(at, "people")
    assert at.number_input(key=key).value == -5
    assert at.session_state["draft"].people[0].headcount == before

    at.number_input(key=key).set_value(12).run()
    assert at.session_state["draft"].people[0].headcount == 12
    assert not [e.value for e in at.main.error]


def test_bad_technology_id_is_reported_in_english(app_env, english):  # noqa: F811
    at = _open("en", "licence-us-coating")
    _section(at, "technologies")
    key = f"editor_tech_{_uid(at, 'technologies')}_id"
    before = at.session_state["draft"].technologies[0].id
    at.text_input(key=key).input("Bad Id!").run()
    errors = [e.value for e in at.main.error]
    assert any("cannot be used as an id" in e for e in errors), errors
    assert at.text_input(key=key).value == "Bad Id!"
    assert at.session_state["draft"].technologies[0].id == before


def test_add_and_remove_a_technology(app_env):  # noqa: F811
    at = _open("ja", "cm-vietnam-parts")
    _section(at, "technologies")
    count = len(at.session_state["draft"].technologies)
    at.button(key="editor_tech_add").click().run()
    uid = _uid(at, "technologies", -1)
    # a new row without id and name is not applied yet
    assert len(at.session_state["draft"].technologies) == count
    at.text_input(key=f"editor_tech_{uid}_id").input("new-tech")
    at.text_input(key=f"editor_tech_{uid}_name").input("新技術").run()
    draft = at.session_state["draft"]
    assert len(draft.technologies) == count + 1 and draft.technologies[-1].id == "new-tech"
    at.button(key=f"editor_tech_{uid}_remove").click().run()
    assert [t.id for t in at.session_state["draft"].technologies] == [t.id for t in draft.technologies[:-1]]


def test_measure_and_country_override(app_env):  # noqa: F811
    at = _open("ja", "cm-vietnam-parts")
    _section(at, "our_company")
    at.selectbox(key=ef.measure_key("our_company", "leak_detection", "status")).set_value(MeasureStatus.PLANNED)
    at.text_input(key=ef.measure_key("our_company", "leak_detection", "note")).input("来期に導入").run()
    measure = at.session_state["draft"].our_company.leak_detection
    assert measure.status == MeasureStatus.PLANNED and measure.note == "来期に導入"

    _section(at, "country")
    texts = "\n".join(_markdown_texts(at))
    assert "判断" in texts  # judgements are marked as such
    assert any("法的助言" in i.value for i in at.info)  # PROFILE_NOTICE
    factor = CountryFactor.ARBITRATION_ENFORCEMENT
    at.selectbox(key=ef.override_key(factor, "rating")).set_value(RiskRating.LOW).run()
    assert factor not in at.session_state["draft"].country_overrides  # a rating needs a reason
    assert any("必須" in e.value for e in at.main.error)
    at.text_area(key=ef.override_key(factor, "reason")).input("現地弁護士の意見").run()
    override = at.session_state["draft"].country_overrides[factor]
    assert override.rating == RiskRating.LOW and override.reason == "現地弁護士の意見"


def test_hostile_text_is_never_rendered_as_markdown(app_env):  # noqa: F811
    at = _open("ja", "jv-china-battery")
    for value in HOSTILE:
        at.text_input(key="editor_project_name").input(value).run()
        assert at.session_state["draft"].project.name == value
        _section(at, "technologies")
        at.text_input(key=f"editor_tech_{_uid(at, 'technologies')}_name").input(value)
        at.text_input(key=f"editor_tech_{_uid(at, 'technologies')}_id").input(value).run()  # invalid: echoed back
        for text in _markdown_texts(at):
            assert value not in text
        labels = [e.label for e in at.expander]
        assert labels and all(value not in label for label in labels)
        at.text_input(key=f"editor_tech_{_uid(at, 'technologies')}_id").input("separator-coating").run()
        _section(at, "project")


def test_create_blank_project(app_env):  # noqa: F811
    at = _open("ja")
    before = at.session_state["draft"].project.id
    _section(at, "file")
    at.text_input(key="editor_new_name").input("タイ合弁")
    at.text_input(key="editor_new_id").input("jv-china-battery").run()  # taken
    at.button(key="editor_new_create").click().run()
    assert any("すでにあります" in e.value for e in at.main.error)
    assert at.session_state["draft"].project.id == before  # nothing created
    at.text_input(key="editor_new_id").input("Thailand JV 2027")
    at.selectbox(key="editor_new_country").set_value(ef.OTHER_COUNTRY).run()
    at.text_input(key="editor_new_country_other").input("th").run()
    at.button(key="editor_new_create").click().run()
    assert not at.exception
    draft = at.session_state["draft"]
    assert isinstance(draft, ProjectSpec)
    assert (draft.project.id, draft.project.name, draft.project.host_country) == ("thailand-jv-2027", "タイ合弁", "TH")
    assert at.session_state["project_id"] == "thailand-jv-2027" and at.session_state["base_version"] is None
    assert at.radio(key="editor_section").value == "project"
    assert at.text_input(key="editor_project_name").value == "タイ合弁"


def test_copy_an_example(app_env, english):  # noqa: F811
    at = _open("en")
    _section(at, "file")
    at.selectbox(key="editor_copy_source").set_value("example:licence-us-coating.yaml")
    at.text_input(key="editor_copy_id").input("us-variant").run()
    at.button(key="editor_copy_create").click().run()
    draft = at.session_state["draft"]
    assert draft.project.id == "us-variant"
    assert draft.technologies == load_project(EXAMPLES[2]).technologies


def test_import_bad_yaml_shows_problems_with_lines(app_env):  # noqa: F811
    at = _open("ja")
    _section(at, "file")
    bad = b"format_version: 1\nproject:\n  name: x\n  deal_type: jv\n  host_country: cn\n  sectr: a\n"
    at.file_uploader(key="editor_import_file").set_value(("bad.yaml", bad, "application/x-yaml")).run()
    assert not at.exception
    text = "\n".join(t.value for t in at.text)
    assert "bad.yaml:4:" in text and "bad.yaml:5:" in text and "bad.yaml:6:" in text
    assert "sector" in text
    at.run()  # still visible on the next rerun
    assert "bad.yaml:4:" in "\n".join(t.value for t in at.text)


def test_import_good_yaml_and_open_it(app_env):  # noqa: F811
    at = _open("ja")
    _section(at, "file")
    raw = EXAMPLES[0].read_bytes()
    at.file_uploader(key="editor_import_file").set_value(("mine.yaml", raw, "application/x-yaml")).run()
    # the example's id is taken in the seeded store: a new id is asked for
    at.text_input(key="editor_import_id").input("imported-copy")
    at.button(key="editor_import_open").click().run()
    assert not at.exception
    draft = at.session_state["draft"]
    assert draft.project.id == "imported-copy"
    assert draft.technologies == load_project(EXAMPLES[0]).technologies


def test_export_button_is_there(app_env):  # noqa: F811
    at = _open("ja")
    _section(at, "file")
    assert at.get("download_button")


# --------------------------------------------------------------------------- pure helpers


@pytest.fixture
def seeded(library):
    def make(path):
        spec = load_project(path, library)
        data = project_data(spec)
        state = ef.new_state()
        ef.sync(state, data, library.countries)
        return spec, data, state

    return make


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_seed_then_build_changes_nothing(seeded, library, path):
    _spec, data, state = seeded(path)
    assert ef.normalised(ef.candidate(data, state)) == ef.normalised(data)
    assert ef.apply(data, state, library).changed is False
    assert ef.sync(state, data, library.countries) == []  # nothing to reseed


def test_apply_keeps_invalid_sections_pending_and_applies_the_rest(seeded, library):
    _spec, data, state = seeded(EXAMPLES[1])
    uid = state["rows"]["people"][0]
    state["values"][ef.key("people", "headcount", uid)] = -1
    state["values"][ef.key("project", "sector")] = "電池"
    outcome = ef.apply(data, state, library)
    assert outcome.pending == ["people"]
    assert outcome.changed and outcome.spec.project.sector == "電池"
    assert outcome.spec.people[0].headcount == load_project(EXAMPLES[1]).people[0].headcount
    assert [p.path for p in outcome.problems if p.severity == "error"] == [("people", 0, "headcount")]


def test_measure_note_without_status_is_reported(seeded, library):
    _spec, data, state = seeded(EXAMPLES[0])
    state["values"][ef.measure_key("exit", "patent_watch", "status")] = None
    state["values"][ef.measure_key("exit", "patent_watch", "note")] = "要検討"
    outcome = ef.apply(data, state, library)
    assert not outcome.changed
    assert [(p.code, p.path) for p in outcome.problems if p.severity == "error"] == [
        ("missing", ("exit", "patent_watch", "status"))
    ]
    state["values"][ef.measure_key("exit", "patent_watch", "status")] = MeasureStatus.PLANNED
    outcome = ef.apply(data, state, library)
    assert outcome.spec.exit.patent_watch.note == "要検討"
    assert outcome.spec.exit.patent_watch.due is None


def test_rows_add_and_remove_keep_other_rows(seeded, library):
    _spec, data, state = seeded(EXAMPLES[1])
    first, second = state["rows"]["technologies"][:2]
    ef.remove_row(state, "technologies", first)
    assert state["rows"]["technologies"][0] == second
    uid = ef.add_row(state, "technologies")
    assert uid not in (first, second) and ef.key("tech", "id", uid) in state["fresh"]
    state["values"][ef.key("tech", "id", uid)] = "added"
    state["values"][ef.key("tech", "name", uid)] = "追加"
    built = ef.build_section("technologies", state)[("technologies",)]
    assert built[-1] == {"id": "added", "name": "追加", "core": True}
    assert "added" in ef.ref_options(state, "technologies")


def test_host_country_other_code_and_reference_options(seeded, library):
    _spec, data, state = seeded(EXAMPLES[0])
    state["values"][ef.COUNTRY_KEY] = ef.OTHER_COUNTRY
    state["values"][ef.COUNTRY_OTHER_KEY] = " th "
    assert ef.build_section("project", state)[("project", "host_country")] == "TH"
    assert ef.ref_options(state, "holders")[0] == "us"
    assert ef.ref_options(state, "parties")[:2] == ["us", "site"]


def test_external_change_reseeds_only_that_section(seeded, library):
    spec, data, state = seeded(EXAMPLES[1])
    state["values"][ef.key("project", "name")] = ""  # pending (invalid) input in another section
    changed = spec.model_copy(deep=True)
    changed.exit.planned_on = dt.date(2040, 1, 1)
    assert ef.sync(state, project_data(changed), library.countries) == ["exit"]
    assert state["values"][ef.key("exit", "planned_on")] == dt.date(2040, 1, 1)
    assert state["values"][ef.key("project", "name")] == ""


def test_field_conversions():
    tri = ef.F("x", ("x",), "tri")
    assert tri.build(None) is None and tri.build(False) is False
    assert ef.F("x", ("x",), "text").build("  ") is None
    assert ef.F("x", ("x",), "lines").build("a\n\n b \n") == ["a", "b"]
    assert ef.F("x", ("x",), "lines").seed(["a", "b"]) == "a\nb"
    assert ef.F("x", ("x",), "vocab_req", vocab=DealType).seed(None) == DealType.JOINT_VENTURE
    assert ef.section_of(("technologies", 0, "id")) == "technologies"
    assert ef.section_of(("contract", "term_years")) == "contract"
    assert ef.section_of(("contract", "clauses", "nda")) is None
    assert ef.section_of(("disclosure", "black_boxing", "code_names")) == "black_boxing"
    assert ef.section_of(("disclosure", "stages", 0)) is None


def _editor_fields():
    """(path from the project root, field) of every field in the editor's tables."""
    for section in ef.SECTIONS.values():
        for path, _prefix, fields in section.scalars:
            yield from (((*path, *f.path), f) for f in fields)
    for coll in ef.COLLECTIONS.values():
        yield from (((*coll.path, *f.path), f) for f in coll.fields)
    yield from ((("country_overrides", *f.path), f) for f in ef.OVERRIDE_FIELDS)


@pytest.mark.parametrize(
    ("path", "f"), list(_editor_fields()), ids=lambda v: ".".join(v) if isinstance(v, tuple) else ""
)
def test_each_editor_field_has_the_models_limits_choices_and_kind(path, f):
    shape = field_shape(ProjectSpec, path)
    assert f.vocab is shape.choices
    assert f.max_chars == shape.max_length
    assert (f.minimum, f.minimum_excluded, f.maximum) == (
        shape.gt if shape.gt is not None else shape.ge,
        shape.gt is not None,
        shape.le,
    )
    # The widget holds what the model holds, and never demands what the model leaves optional.
    if shape.many:
        assert f.kind == ("multi_vocab" if shape.choices else "multi_ref" if f.ref else "lines")
    elif shape.choices is not None:
        assert f.kind == "vocab" or (f.kind == "vocab_req" and shape.required)
    elif shape.type is bool:
        assert (f.kind, f.default) == (("tri", None) if shape.optional else ("bool", shape.default))
    elif shape.type is str:
        if f.ref:
            assert shape.text == "slug" and f.kind == ("ref" if shape.optional else "ref_req")
        else:
            assert f.kind in (("country",) if shape.text == "country" else ("text", "textarea"))
    else:
        assert f.kind == {int: "int", float: "float", dt.date: "date"}[shape.type]


def test_the_editor_page_writes_no_limit_of_its_own():
    """Length limits come from the model (through ui.editor_forms), not from numbers in the page."""
    source = (EXAMPLES[0].parent.parent / "app_pages" / "editor.py").read_text(encoding="utf-8")
    assert not re.findall(r"max_chars=\d", source)
    assert ef.MEASURE_TEXT_CHARS == {
        "note": field_shape(Measure, "note").max_length,
        "owner": field_shape(Measure, "owner").max_length,
    }
    assert ef.PROJECT_NAME_CHARS == field_shape(ProjectSpec, "project.name").max_length
    assert ef.COUNTRY_CODE_CHARS == 2


def test_opening_a_project_with_untrimmed_locations_changes_nothing(library):
    """The editor shows one location per line, trimmed; spaces a file had around a location are not an edit."""
    spec = load_project(EXAMPLES[0])
    spec.technologies[0].locations = ["  本社 設計部 ", "", "現地工場"]
    data = project_data(spec)
    state = ef.new_state()
    ef.sync(state, data, library.countries)
    outcome = ef.apply(data, state, library)
    assert not outcome.changed and outcome.spec is None
    # A real edit elsewhere still applies, and the locations then come out trimmed.
    name_key = ef.key("project", "name")
    state["values"][name_key] = "改名した案件"
    edited = ef.apply(data, state, library)
    assert edited.changed and edited.spec.project.name == "改名した案件"
    assert edited.spec.technologies[0].locations == ["本社 設計部", "現地工場"]
