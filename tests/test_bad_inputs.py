"""The bad-input corpus (tests/bad_inputs/): every file gives its expected, located problem — never a trace.

Each project file holds one kind of problem; ``expected.yaml`` says which problem code must appear, which field
it must name (``format_path`` form; empty for problems of the whole file) and, optionally, part of the English
message. The corpus is checked through the command line (exit 2, JSON output: every file in this process through
typer's CliRunner, a few through the installed command for its exit status and the absence of a trace) and through
``model.api`` in both languages; the library files are swapped into a copy of the repository's libraries. A
hypothesis test mutates the example projects and runs the loader and the assessment on whatever loads.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.api import Assessment, assess, parse_project, validate_file
from model.format.problems import MESSAGES, InputError, Problem, format_path
from model.format.yamlio import MAX_BYTES
from model.knowledge.library import REPO_ROOT, load_library

from .cli_support import invoke, ttplan
from .conftest import EXAMPLES

CORPUS = Path(__file__).parent / "bad_inputs"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
PROJECTS: dict[str, dict] = EXPECTED["projects"]
GENERATED: dict[str, dict] = EXPECTED["generated"]
LIBRARY: dict[str, dict] = EXPECTED["library"]
CASES: dict[str, dict] = {**PROJECTS, **GENERATED}

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

#: Cases also run through the installed command: one per way of reading the file going wrong, and the size limit.
INSTALLED_CASES = [
    "001-unclosed-flow-sequence.yaml",
    "130-shift-jis.yaml",
    "143-python-object-tag.yaml",
    "above-2mib.yaml",
]


def copy_library(root: Path) -> Path:
    for folder in ("libraries", "contract_clauses", "country_profiles"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    return root


def big_project() -> bytes:
    """A plausible project with so many technologies that it is just above the size limit."""
    head = (
        "format_version: 1\nproject:\n  name: 大規模案件（技術一覧の取り込み）\n"
        "  deal_type: subsidiary\n  host_country: TH\ntechnologies:\n"
    )
    lines, size, i = [head], len(head.encode("utf-8")), 0
    while size <= MAX_BYTES + 512:
        line = f"  - {{id: tech-{i:06d}, name: 金型加工条件 {i:06d}, forms: [drawings, process_knowhow]}}\n"
        lines.append(line)
        size += len(line.encode("utf-8"))
        i += 1
    raw = "".join(lines).encode("utf-8")
    assert MAX_BYTES < len(raw) < MAX_BYTES + 4096
    return raw


def case_file(name: str, folder: Path) -> Path:
    """The corpus file, or the generated one written into ``folder``."""
    if name in PROJECTS:
        return CORPUS / name
    assert name == "above-2mib.yaml", name
    path = folder / name
    if not path.exists():
        path.write_bytes(big_project())
    return path


def case_params(cases: dict[str, dict]) -> list:
    return [pytest.param(name) for name in cases]


def matching(problems: list[dict], expected: dict) -> list[dict]:
    return [p for p in problems if p["code"] == expected["code"] and p["path"] == expected["path"]]


def describe(problems: list[dict]) -> list[tuple]:
    return [(p["code"], p["path"], p["message"]) for p in problems]


# --------------------------------------------------------------------------- the corpus itself


def test_corpus_and_expectations_match():
    files = {p.name for p in CORPUS.glob("*.yaml")} - {"expected.yaml"}
    assert files == set(PROJECTS), {"without expectation": files - set(PROJECTS), "missing": set(PROJECTS) - files}
    library_files = {p.name for p in (CORPUS / "library").glob("*.yaml")}
    assert library_files == set(LIBRARY)
    assert len(PROJECTS) >= 60 and 3 <= len(LIBRARY) <= 5
    assert set(INSTALLED_CASES) <= set(CASES)


def test_every_expected_code_has_a_message():
    for name, expected in {**CASES, **LIBRARY}.items():
        assert expected["code"] in MESSAGES, name
        assert set(expected) <= {"category", "code", "path", "message", "replaces"}, name


def test_size_case_is_generated_not_committed():
    assert all((CORPUS / name).stat().st_size < 64 * 1024 for name in PROJECTS)
    assert len(big_project()) > MAX_BYTES


# --------------------------------------------------------------------------- command line


def assert_cli_names_the_problem(name: str, exit_code: int, stdout: str, stderr: str) -> None:
    expected = CASES[name]
    assert exit_code == 2, (exit_code, stderr[-2000:])
    payload = json.loads(stdout)
    assert len(payload) == 1 and payload[0]["valid"] is False and payload[0]["project"] is None
    problems = payload[0]["problems"]
    hits = matching(problems, expected)
    assert hits, f"expected {expected['code']} at {expected['path']!r}; got {describe(problems)}"
    if "message" in expected:
        assert any(expected["message"] in p["message"] for p in hits), describe(hits)
    for p in problems:
        assert p["message"].strip() and p["file"], p


@pytest.mark.parametrize("name", case_params(CASES))
def test_cli_exits_2_and_names_the_field(library, tmp_path, name):
    # In this process (a crash would raise here), with the session's library: the same command code as ttplan runs.
    result = invoke("validate", str(case_file(name, tmp_path)), "--format", "json", "--lang", "en", library=library)
    assert_cli_names_the_problem(name, result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("name", INSTALLED_CASES)
def test_installed_command_exits_2_without_a_trace(tmp_path, name):
    result = ttplan("validate", str(case_file(name, tmp_path)), "--format", "json", "--lang", "en")
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-2000:]
    assert_cli_names_the_problem(name, result.returncode, result.stdout, result.stderr)


# --------------------------------------------------------------------------- model.api in both languages


@pytest.mark.parametrize("name", case_params(CASES))
def test_api_reports_the_problem_in_both_languages(library, tmp_path, name):
    expected = CASES[name]
    path = case_file(name, tmp_path)
    spec, problems = validate_file(path, library)
    assert spec is None, "expected the file to be refused"
    assert problems and any(p.severity == "error" for p in problems)
    hits = [p for p in problems if p.code == expected["code"] and format_path(p.path) == expected["path"]]
    assert hits, (
        f"expected {expected['code']} at {expected['path']!r}; got {[(p.code, format_path(p.path)) for p in problems]}"
    )
    if "message" in expected:
        assert any(expected["message"] in p.message("en") for p in hits), [p.message("en") for p in hits]
    for p in problems:
        assert_readable(p, str(path))
    if expected["path"]:  # a problem that names a field also says where it is
        assert any(p.line is not None for p in hits), hits
        assert all(expected["path"] in p.format(lang) for p in hits for lang in ("ja", "en"))


def assert_readable(p: Problem, file: str) -> None:
    ja, en = p.message("ja"), p.message("en")
    assert ja.strip() and en.strip(), p
    assert JAPANESE.search(ja), f"no Japanese in {ja!r} ({p.code})"
    assert not ja.startswith(f"{p.code}:") and not en.startswith(f"{p.code}:"), f"message template failed: {en!r}"
    assert p.file == file, p
    for lang in ("ja", "en"):
        assert p.format(lang).startswith(file), p.format(lang)


# --------------------------------------------------------------------------- library files


@pytest.mark.parametrize("name", list(LIBRARY))
def test_bad_library_file_is_named_with_its_field(tmp_path, name):
    expected = LIBRARY[name]
    root = copy_library(tmp_path)
    target = root / expected["replaces"]
    assert target.exists(), f"{expected['replaces']} is not a library file"
    shutil.copyfile(CORPUS / "library" / name, target)
    with pytest.raises(InputError) as info:
        load_library(root)
    problems = info.value.errors
    hits = [
        p
        for p in problems
        if p.file == expected["replaces"] and p.code == expected["code"] and format_path(p.path) == expected["path"]
    ]
    assert hits, [(p.file, p.code, format_path(p.path)) for p in problems]
    if "message" in expected:
        assert any(expected["message"] in p.message("en") for p in hits), [p.message("en") for p in hits]
    for p in hits:
        assert JAPANESE.search(p.message("ja")) and p.message("en").strip()
        assert p.format("en").startswith(expected["replaces"])
        if expected["path"]:
            assert expected["path"] in p.format("en") and p.line is not None


def test_library_copy_without_swap_loads(tmp_path):
    """The swap is what breaks the library: an unchanged copy loads cleanly."""
    assert load_library(copy_library(tmp_path)).warnings == []


# --------------------------------------------------------------------------- fuzz: mutated examples

EXAMPLE_DATA = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXAMPLES]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.dates(),
    st.sampled_from(
        [
            "us",
            "site",
            "in_place",
            "present",
            "accepted",
            "joint_venture",
            "CN",
            "2026-04-01",
            "overview",
            "recipe_source",
            "local_staff",
            "custom",
            "engineer_poaching@x",
            "",
            "-1",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)


def _places(node, path=()) -> list[tuple]:
    """Every place in the data (key path) below the top."""
    out = [path] if path else []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        out += _places(child, (*path, key))
    return out


def _at(node, path):
    for part in path:
        node = node[part]
    return node


def mutate(data: dict, draw) -> dict:
    doc = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        places = _places(doc)
        if not places:
            break
        place = draw(st.sampled_from(places))
        parent, key = _at(doc, place[:-1]), place[-1]
        action = draw(st.sampled_from(["replace", "delete", "duplicate", "copy"]))
        if action == "replace":
            parent[key] = draw(values)
        elif action == "copy":  # a value that is valid somewhere else, in the wrong place
            parent[key] = copy.deepcopy(_at(doc, draw(st.sampled_from(places))))
        elif action == "delete":
            del parent[key]
        else:
            lists = [p for p in places if isinstance(_at(doc, p), list) and _at(doc, p)]
            if lists:
                items = _at(doc, draw(st.sampled_from(lists)))
                items.insert(draw(st.integers(0, len(items))), copy.deepcopy(draw(st.sampled_from(items))))
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_examples_never_raise(library, data):
    doc = mutate(data.draw(st.sampled_from(EXAMPLE_DATA)), data.draw)
    raw = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
    spec, problems = parse_project(raw, "mutated.yaml", library)
    assert (spec is None) == any(p.severity == "error" for p in problems)
    for p in problems:
        assert_readable(p, "mutated.yaml")
    if spec is not None:
        result = assess(spec, library)
        assert isinstance(result, Assessment)
