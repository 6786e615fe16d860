"""Security tests without a browser (issue #7, item 4): hostile text in every free-text field of the format, inert
in every export; ids that could name a path are refused and nothing derived from a project escapes the folder the
user chose; YAML is read only safely; the runtime code has no network client. The browser half is in
tests/test_browser_security.py; the effective Streamlit configuration (usage statistics off, 2 MB uploads) in
tests/test_config.py; the corpus of broken and hostile files (unsafe YAML tags among them: 143–145) in
tests/test_bad_inputs.py.
"""

from __future__ import annotations

import ast
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import StringConstraints, TypeAdapter, ValidationError

from model import api
from model.engine.assess import assess
from model.engine.ranking import rank_mitigations
from model.format.problems import InputError
from model.format.project_io import default_project_id, load_project, parse_project, project_data
from model.format.spec import ProjectSpec
from model.format.yamlio import MAX_BYTES, dump_yaml, read_yaml
from model.knowledge.library import REPO_ROOT
from model.report.docx import clause_docx
from model.report.html import executive_html
from model.report.json_report import assessment_dict
from model.report.markdown import assessment_markdown, comparison_markdown, ranking_markdown
from model.report.xlsx import assessment_xlsx
from model.store import Store, StoreError

from . import security_payloads as sp
from .test_cli import ttplan

LANGS = ("ja", "en")
RUNTIME = [
    REPO_ROOT / "app.py",
    *sorted((REPO_ROOT / "app_pages").glob("*.py")),
    *sorted((REPO_ROOT / "ui").rglob("*.py")),
    *sorted((REPO_ROOT / "model").rglob("*.py")),
]


@pytest.fixture(scope="module")
def hostile():
    return sp.hostile_project()


@pytest.fixture(scope="module")
def assessed(hostile, library):
    return assess(hostile.spec, library)


# --------------------------------------------------------------------------- the hostile project itself


def test_every_free_text_field_of_the_format_carries_a_payload(hostile, library):
    fields = sp.free_text_fields()
    assert len(fields) > 100
    missing = [f.path for f in fields if f.path not in hostile.by_field]
    assert missing == []
    # ... and the project is still valid, with every payload kept exactly as written.
    spec, problems = parse_project(sp.dump(hostile.spec), "hostile.yaml", library)
    assert spec is not None, [p.format("en") for p in problems]
    assert [p for p in problems if p.severity == "error"] == []
    for path, n in hostile.numbers.items():
        reloaded = sp.Hostile(spec, {}, {}).value(path)
        assert reloaded == hostile.value(path) and sp.marker(n) in reloaded, path


def test_fields_with_a_pattern_cannot_hold_a_payload():
    """Ids, references and country codes: every string field with a pattern refuses script, markup and paths."""
    fields = sp.id_fields()
    assert {
        "project.id",
        "technologies[].id",
        "partners[].id",
        "disclosure.stages[].id",
        "people[].id",
        "equipment[].id",
        "contract.clauses{key}",
        "project.host_country",
    } <= {f.path for f in fields}
    hostile_values = [
        sp.payload(1, 200),
        sp.SCRIPT,
        sp.MD_LINK,
        "../../etc/passwd",
        "..\\x",
        "/abs",
        "a/b",
        "..",
        "abc\n",
        "ABC",
        "a" * 49,
        "",
        "=1+2",
        "<b>",
        "x y",
    ]
    for f in fields:
        adapter = TypeAdapter(Annotated[str, StringConstraints(pattern=f.pattern)])
        for value in hostile_values:
            with pytest.raises(ValidationError):
                adapter.validate_python(value)
        assert re.fullmatch(f.pattern, "jv-china" if "a-z" in f.pattern else "CN")


def test_string_fields_without_a_pattern_that_are_not_free_text_refuse_payloads(library):
    """A decision's finding id and a clause's value look like free strings in the model; the checks hold them."""
    data = project_data(sp.hostile_project().spec)
    data["decisions"][0]["finding"] = sp.payload(1, 200)
    clause = next(cid for cid, c in library.clauses.items() if c.variables and cid in data["contract"]["clauses"])
    var = library.clauses[clause].variables[0]
    assert var.type in ("int", "float")  # the library declares numbers only
    entry = data["contract"]["clauses"][clause]
    data["contract"]["clauses"][clause] = {
        **(entry if isinstance(entry, dict) else {"status": entry}),
        "variables": {var.id: sp.SCRIPT},
    }
    spec, problems = parse_project(dump_yaml(data).encode("utf-8"), "x.yaml", library)
    codes = {p.code for p in problems if p.severity == "error"}
    assert spec is None and {"bad_finding_id", "variable_type"} <= codes


# --------------------------------------------------------------------------- formulas and markup inert in every export


def _workbook_cells(data: bytes):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                yield ws.title, cell


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_export_neutralises_every_formula(hostile, assessed, library, lang):
    data = assessment_xlsx(assessed, library, lang)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                assert not re.search(rb"<f[\s>/]", zf.read(name)), name  # no formula anywhere in the sheets
        assert not [n for n in zf.namelist() if "externalLink" in n or n.endswith(".bin")]
    payloads = {hostile.value(p) for p in hostile.numbers}
    seen: set[str] = set()
    whole = 0
    for sheet, cell in _workbook_cells(data):
        assert cell.data_type != "f", (sheet, cell.coordinate, cell.value)
        if not isinstance(cell.value, str):
            continue
        assert cell.data_type == "s" and cell.value[:1] not in sp.FORMULA_START, (sheet, cell.coordinate, cell.value)
        seen.update(sp.MARKER_RE.findall(cell.value))
        if cell.value[1:] in payloads:  # a cell holding one whole payload: its formula lead kept, behind a quote
            assert cell.value[:1] == "'" and cell.value[1:2] in sp.FORMULA_START, (sheet, cell.coordinate)
            whole += 1
    assert whole > 20
    # The payloads did reach the workbook: clause notes, measure notes, technology names, the project name.
    wanted = [hostile.marker(p) for p in hostile.by_field["contract.clauses{}.note"]] + [
        hostile.marker("project.name"),
        hostile.marker("technologies[0].name"),
        hostile.marker("operations.security_policy.note"),
    ]
    assert set(wanted) <= seen, sorted(set(wanted) - seen)[:10]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", LANGS)
def test_html_export_holds_payloads_only_as_text(hostile, assessed, library, lang):
    text = executive_html(assessed, library, lang).decode("utf-8")
    parser = _Tags()
    parser.feed(text)
    names = [t for t, _ in parser.tags]
    plain = _Tags()
    plain.feed(executive_html(assess(load_project(sp.EXAMPLE, library), library), library, lang).decode("utf-8"))
    # The same kinds of elements as the report of the example without payloads: nothing added by user text.
    assert set(names) <= {t for t, _ in plain.tags}
    assert not {"script", "img", "iframe", "a", "link", "object", "embed", "form", "base"} & set(names)
    assert names.count("style") == 1 and names.count("svg") == 2  # the report's own style sheet and two charts
    assert names.count("meta") == [t for t, _ in plain.tags].count("meta")
    for tag, attrs in parser.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert not str(attrs.get("id", "")).startswith("injected-")
        assert not any(sp.LEAK_HOST in str(v) or sp.LEAK_DOMAIN in str(v) for v in attrs.values()), (tag, attrs)
    shown = "".join(parser.text)
    # What the reader sees: the payloads, literally (URL schemes defanged), no template evaluated.
    assert hostile.marker("project.name") in shown
    assert '<b id="injected-' in shown and "<script>window.__pwned=1</script>" in shown
    assert "{{7*7}}${7*7}" in shown
    assert f"http[:]//{sp.LEAK_HOST}:9/" in shown


@pytest.mark.parametrize("lang", LANGS)
def test_docx_export_holds_payloads_only_as_text(hostile, assessed, library, lang):
    data = clause_docx(assessed, library, lang)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        document = zf.read("word/document.xml").decode("utf-8")
        rels = "".join(zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".rels"))
    # No field codes (HYPERLINK, INCLUDEPICTURE …), no hyperlinks, no external targets: text only.
    for element in ("w:fldSimple", "w:instrText", "w:hyperlink", "w:object", "w:pict", "w:drawing", "w:altChunk"):
        assert f"<{element}" not in document, element
    assert 'TargetMode="External"' not in rels
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    text += "\n".join(c.text for t in Document(io.BytesIO(data)).tables for r in t.rows for c in r.cells)
    assert hostile.marker("project.name") in text
    notes = [hostile.value(p) for p in hostile.by_field["contract.clauses{}.note"]]
    assert any(note.rstrip("\n") in text or note.split("\n")[0] in text for note in notes)
    assert "<script>window.__pwned=1</script>" in text


@pytest.mark.parametrize("lang", LANGS)
def test_json_export_carries_payloads_as_data(hostile, assessed, lang):
    data = json.loads(json.dumps(assessment_dict(assessed, lang), ensure_ascii=False))
    blob = json.dumps(data, ensure_ascii=False)
    assert hostile.marker("project.name") in blob
    titles = [f["title"] for f in data["findings"]]
    tech = hostile.value("technologies[0].name")
    assert any(tech in t for t in titles)  # the exact text, unchanged (a machine reads it)


def _render_markdown(text: str) -> str:
    """Markdown as a permissive renderer shows it: CommonMark with raw HTML allowed, and tables."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def _markup_left(html: str) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    bad = [f"<{t} {a}>" for t, a in parser.tags if t in ("script", "img", "iframe", "svg", "style", "a", "b")]
    bad += [f"<{t} on…>" for t, a in parser.tags if any(k.startswith("on") for k in a)]
    bad += [f"<{t} id={a['id']}>" for t, a in parser.tags if str(a.get("id", "")).startswith("injected-")]
    bad += [
        f"<{t}>{s}"
        for s in sp.SENTINELS
        for t in ("strong", "em", "code", "h1", "h2", "th", "td")
        if f"<{t}>{s}</{t}>" in html
    ]
    return bad


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_exports_escape_markdown_and_html(hostile, assessed, library, lang):
    """The Markdown report (ttplan check/rank/compare) is pasted into wikis and mails: user text in it must stay
    text there too — no image fetched, no link, no HTML, no formatting."""
    texts = {
        "assessment": assessment_markdown(assessed, lang),
        "ranking": ranking_markdown(rank_mitigations(assessed), lang),
    }
    before = hostile.spec.model_copy(deep=True)
    before.project.description = sp.V1_DESCRIPTION
    texts["comparison"] = comparison_markdown(api.compare(before, hostile.spec, library), lang)
    for name, text in texts.items():
        html = _render_markdown(text)
        assert _markup_left(html) == [], (name, _markup_left(html)[:10])
        assert not re.search(r'(?:src|href)="', html), name
    shown = _render_markdown(texts["assessment"])
    assert hostile.marker("project.name") in shown
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in shown  # the payload is there, as text


# --------------------------------------------------------------------------- paths: ids, file names, the CLI

TRAVERSAL = ["../../etc/passwd", "..\\x", "/abs", "a/b", "..", ".", "~/x", "C:\\x", "a\x00b", "abc\n", "x" * 49]


@pytest.mark.parametrize("value", TRAVERSAL)
def test_project_id_that_could_name_a_path_is_refused_with_a_clear_message(value, library):
    raw = (
        "format_version: 1\nproject:\n  id: " + json.dumps(value) + "\n  name: x\n  deal_type: joint_venture\n"
        "  host_country: CN\n"
    ).encode("utf-8")
    spec, problems = parse_project(raw, "p.yaml", library)
    assert spec is None
    errors = [p for p in problems if p.severity == "error"]
    assert [p.path for p in errors] == [("project", "id")]
    assert "cannot be used as an id" in errors[0].format("en") and "id" in errors[0].format("ja")


@pytest.mark.parametrize("path", ["technologies", "partners", "people", "equipment"])
def test_other_ids_that_could_name_a_path_are_refused(path, library):
    data = project_data(load_project(sp.EXAMPLE, library))
    data[path][0]["id"] = "../../etc/passwd"
    spec, problems = parse_project(dump_yaml(data).encode("utf-8"), "p.yaml", library)
    assert spec is None and any(p.path[:3] == (path, 0, "id") for p in problems)


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.yaml",
        "..\\..\\windows\\evil.yaml",
        "/abs/p.yaml",
        "C:\\Users\\x\\evil.yml",
        "....yaml",
        ".yaml",
        "日本語.yaml",
        "a/../../b.yaml",
        "%2e%2e%2fx.yaml",
        "\x00.yaml",
    ],
)
def test_a_file_name_only_ever_becomes_a_safe_id(name, library):
    """A project without an id takes one from the uploaded or imported file's name: never a path."""
    pid = default_project_id(name)
    assert re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,47}", pid), pid
    spec, problems = parse_project(
        b"format_version: 1\nproject:\n  name: x\n  deal_type: licence\n  host_country: US\n", name, library
    )
    assert spec is not None and spec.project.id == pid


def test_download_file_names_come_from_the_id_only():
    """Every download button's file name is built from the project id (a checked id), the language and fixed words."""
    allowed = {"a.project_id", "lg", "spec.project.id or 'project'", "assessment.project_id", "name", "language", "fmt"}
    found = 0
    for path in sorted((REPO_ROOT / "app_pages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "file_name":
                found += 1
                assert isinstance(node.value, ast.JoinedStr), (path.name, ast.unparse(node.value))
                used = {ast.unparse(v.value) for v in node.value.values if isinstance(v, ast.FormattedValue)}
                assert used <= allowed, (path.name, used)
                if "name" in used:  # the contract page's fixed words, from a literal tuple in the same loop
                    assert re.search(
                        r"""\(cols\[0\], "xlsx", tr\("xlsx_button"\), "checklist"\)""", path.read_text(encoding="utf-8")
                    )
    assert found >= 3  # dashboard report, editor YAML, contract Excel and Word (one call in a loop)


def test_pages_never_write_files_or_use_an_uploads_name_as_a_path():
    """Uploads are read in memory; their name is only a label for messages (and the source of a safe default id)."""
    writers = {
        "open",
        "write_bytes",
        "write_text",
        "atomic_write",
        "save_project",
        "mkdir",
        "unlink",
        "rmtree",
        "copyfile",
        "copytree",
        "move",
        "mkstemp",
        "NamedTemporaryFile",
    }
    for path in [
        REPO_ROOT / "app.py",
        *sorted((REPO_ROOT / "app_pages").glob("*.py")),
        *sorted((REPO_ROOT / "ui").glob("*.py")),
    ]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                assert name not in writers, f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}"
                if name in ("Path", "PurePath", "join"):
                    assert "upload" not in ast.unparse(node), f"{path.name}:{node.lineno}"


def test_store_refuses_an_id_that_could_name_a_path(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    spec = load_project(sp.EXAMPLE)
    forged = ProjectSpec.model_construct(
        **{**dict(spec), "project": spec.project.model_construct(**{**dict(spec.project), "id": "../../../evil"})}
    )
    before = sorted(p.relative_to(tmp_path.parent) for p in tmp_path.parent.rglob("*"))
    with pytest.raises(InputError):
        store.save(forged, "x")
    assert store.projects() == []
    assert sorted(p.relative_to(tmp_path.parent) for p in tmp_path.parent.rglob("*")) == before
    for pid in TRAVERSAL[:4]:
        with pytest.raises(StoreError):
            store.project(pid)


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_cli_writes_only_where_it_is_told(tmp_path):
    """No output path is derived from project content: each command writes exactly the file named with -o (or the
    file it was given, for fmt --write), atomically, and nothing else."""
    work = tmp_path / "work"
    work.mkdir()
    project = sp.write_project(work)
    db = ["--db", f"sqlite:///{tmp_path / 'cli.db'}", "--lang", "en"]
    expected = _tree(work)
    for fmt in ("xlsx", "docx", "html", "json"):
        result = ttplan("export", str(project), "--format", fmt, "-o", str(work / f"out.{fmt}"), "--lang", "en")
        assert result.returncode == 0, result.stderr
        expected.add(f"out.{fmt}")
        assert _tree(work) == expected
    assert ttplan("fmt", str(project), "--write").returncode == 0
    assert _tree(work) == expected
    assert ttplan("store", "import", str(project), *db).returncode == 0
    pid = load_project(project).project.id
    assert ttplan("store", "export", pid, "-o", str(work / "back.yaml"), *db).returncode == 0
    expected.add("back.yaml")
    assert _tree(work) == expected
    for evil in TRAVERSAL[:4]:
        result = ttplan("store", "export", evil, "-o", str(work / "never.yaml"), *db)
        assert result.returncode == 2 and "Traceback" not in result.stderr
    assert _tree(work) == expected
    # A project file whose id is a path is refused before anything is written or stored.
    evil_file = work / "evil.yaml"
    evil_file.write_text(
        project.read_text(encoding="utf-8").replace(f"id: {pid}", "id: ../../evil", 1), encoding="utf-8"
    )
    expected.add("evil.yaml")
    assert ttplan("store", "import", str(evil_file), *db).returncode == 2
    assert ttplan("export", str(evil_file), "--format", "json", "-o", str(work / "x.json")).returncode == 2
    assert _tree(work) == expected
    assert ttplan("store", "list", *db).stdout.count("\n") == 1


# --------------------------------------------------------------------------- uploads and YAML


def test_project_reader_refuses_more_than_2_mib():
    with pytest.raises(InputError) as info:
        read_yaml(b"#" * (MAX_BYTES + 1), "big.yaml")
    assert [p.code for p in info.value.problems] == ["file_too_large"]
    assert MAX_BYTES == 2 * 1024 * 1024


def test_editor_upload_limits_match_the_server():
    source = (REPO_ROOT / "app_pages" / "editor.py").read_text(encoding="utf-8")
    assert "MAX_UPLOAD = 2 * 1024 * 1024" in source and "max_upload_size=2)" in source


def _yaml_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) else [])
            if any(n and (n == "yaml" or n.startswith("yaml.") or n == "ruamel") for n in names):
                out.append(f"import {ast.unparse(node)}")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml":
            out.append(f"yaml.{node.attr}")
        elif isinstance(node, ast.keyword) and node.arg in ("Loader", "Dumper"):
            out.append(f"{node.arg}={ast.unparse(node.value)}")
        elif isinstance(node, ast.Name) and node.id in ("FullLoader", "UnsafeLoader", "Loader"):
            out.append(node.id)
    return out


def test_yaml_is_read_only_through_the_safe_reader():
    """Only model/format/yamlio.py touches PyYAML, and it only ever loads with the safe loader (libyaml's when present)."""
    uses = {str(p.relative_to(REPO_ROOT)): _yaml_uses(p) for p in RUNTIME}
    assert {p for p, u in uses.items() if u} == {"model/format/yamlio.py"}
    reader = uses["model/format/yamlio.py"]
    unsafe = {
        "yaml.load",
        "yaml.load_all",
        "yaml.unsafe_load",
        "yaml.full_load",
        "yaml.FullLoader",
        "yaml.UnsafeLoader",
        "yaml.Loader",
        "yaml.CLoader",
        "yaml.CFullLoader",
        "yaml.CUnsafeLoader",
    }
    assert not unsafe & set(reader), reader
    assert {u for u in reader if u.startswith("Loader=")} == {"Loader=_LOADER"}
    source = (REPO_ROOT / "model" / "format" / "yamlio.py").read_text(encoding="utf-8")
    assert '_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)' in source


@pytest.mark.parametrize(
    "tag", ["!!python/object/apply:os.system", "!!python/name:os.system", "!!python/object/new:os.system", "!custom"]
)
def test_unsafe_tags_are_refused_without_running_anything(tag, tmp_path, library):
    flag = tmp_path / "ran"
    raw = (
        f'format_version: 1\nproject:\n  name: {tag} ["touch {flag}"]\n  deal_type: licence\n  host_country: US\n'
    ).encode()
    spec, problems = parse_project(raw, "evil.yaml", library)
    assert spec is None and not flag.exists()
    assert [p.code for p in problems] == ["yaml_unsafe_tag" if "python" in tag else "yaml_unknown_tag"]
    assert all("Traceback" not in p.format("en") for p in problems)


def test_runtime_code_has_no_network_client():
    """Nothing the app or the CLI runs imports a network client (the browser test checks the running app too)."""
    clients = {
        "socket",
        "urllib.request",
        "http.client",
        "requests",
        "httpx",
        "aiohttp",
        "urllib3",
        "smtplib",
        "ftplib",
        "webbrowser",
        "telnetlib",
        "xmlrpc.client",
        "ssl",
    }
    found = []
    for path in RUNTIME:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path.name, a.name) for a in node.names if a.name in clients]
            elif isinstance(node, ast.ImportFrom) and node.module in clients:
                found.append((path.name, node.module))
    assert found == []
