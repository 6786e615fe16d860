"""Every library file validates; the checklist covers every guidance item once; references between libraries resolve."""

from __future__ import annotations

import re
import shutil

import pytest

from model.format.problems import InputError
from model.format.spec import measure_ids
from model.format.vocab import CountryFactor
from model.knowledge.library import REPO_ROOT, library_files, load_library


def reference_ids() -> list[str]:
    """The guidance's checklist ids, from the copy of the team's reference list kept in the repository."""
    path = REPO_ROOT / "libraries" / "checklist-ids.md"
    return re.findall(r"^\| (ch[12]\.\d+\.\d+\.[a-z]) \|", path.read_text(encoding="utf-8"), flags=re.M)


def test_library_loads_without_problems(library):
    assert library.warnings == []


def test_every_checklist_id_is_in_the_catalogue_exactly_once(library):
    expected = reference_ids()
    assert len(expected) == 106
    have = [item.id for item in library.checklist]
    assert sorted(have) == sorted(expected)
    assert len(have) == len(set(have))


def test_chapter_1_items_have_the_phase_of_their_section(library):
    phases = {"1": "planning", "2": "contract", "3": "operation", "4": "exit", "5": "cross_cutting"}
    for item in library.checklist:
        chapter, section = item.id.split(".")[0], item.id.split(".")[1]
        if chapter == "ch1":
            assert item.phase.value == phases[section], item.id


def test_checklist_texts_are_bilingual_and_not_the_gloss(library):
    for item in library.checklist:
        assert item.text.ja.strip() and item.text.en.strip(), item.id
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", item.text.ja), f"{item.id}: Japanese text expected"


def test_measure_catalogue_matches_the_project_format(library):
    assert list(library.measures) == measure_ids()


def test_seed_content_is_present(library):
    assert len(library.clauses) >= 10
    assert len(library.countries) >= 3
    kinds = {c.clause_kind for c in library.clauses.values()}
    assert len(kinds) >= 2


def test_every_country_profile_rates_or_marks_unknown_every_factor(library):
    for profile in library.countries.values():
        assert set(profile.factors) == set(CountryFactor)
        for factor, assessment in profile.factors.items():
            for fact in assessment.facts:
                assert fact.source.source in library.sources, (profile.id, factor)


def test_clause_wording_renders_with_defaults_and_project_values(library):
    for clause in library.clauses.values():
        for lang in ("ja", "en"):
            text = clause.render(lang)
            assert "{" not in text, (clause.id, lang, text)
    with_vars = [c for c in library.clauses.values() if c.variables and c.variables[0].type == "int"]
    assert with_vars, "at least one clause should have an integer variable"
    clause = with_vars[0]
    var = clause.variables[0]
    value = int(var.max or var.default + 1)
    placeholder = "{" + var.id + "}"
    if placeholder in clause.wording.en:
        assert str(value) in clause.render("en", {var.id: value})


def test_every_library_file_has_the_envelope():
    for path in library_files(REPO_ROOT):
        text = path.read_text(encoding="utf-8")
        for key in ("kind:", "id:", "version:", "reviewed:", "sources:"):
            assert re.search(rf"^{key}", text, flags=re.M), f"{path.name} lacks {key}"


def copy_library(tmp_path):
    for folder in ("libraries", "contract_clauses", "country_profiles"):
        shutil.copytree(REPO_ROOT / folder, tmp_path / folder)
    return tmp_path


def test_broken_clause_file_is_named_with_field(tmp_path):
    root = copy_library(tmp_path)
    path = sorted((root / "contract_clauses").glob("*.yaml"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("phase: ", "phase: sometime_", 1), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_library(root)
    problem = info.value.errors[0]
    assert problem.file == f"contract_clauses/{path.name}" and problem.path == ("phase",)
    assert problem.line is not None


def test_citation_of_unknown_source_is_reported(tmp_path):
    root = copy_library(tmp_path)
    path = root / "libraries" / "checklist.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("source: meti-guidance-2025", "source: no-such-source", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_library(root)
    assert any(p.code == "library_reference" and "no-such-source" in p.message("en") for p in info.value.errors)


def test_predicate_reading_a_missing_field_is_reported(tmp_path):
    root = copy_library(tmp_path)
    clause = root / "contract_clauses" / "jv-majority-equity.yaml"
    text = clause.read_text(encoding="utf-8")
    assert "project.deal_type" in text
    clause.write_text(text.replace("project.deal_type", "project.deal_kind", 1), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_library(root)
    assert any(p.code == "predicate_path" and "deal_kind" in p.message("en") for p in info.value.errors)


def test_measure_missing_from_catalogue_is_reported(tmp_path):
    root = copy_library(tmp_path)
    path = root / "libraries" / "measures.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: exit.litigation_readiness", "id: exit.litigation_ready"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_library(root)
    assert any(p.code == "measure_catalogue_mismatch" for p in info.value.errors)


def test_broken_source_registry_is_reported_once_not_per_citation(tmp_path):
    root = copy_library(tmp_path)
    path = root / "libraries" / "sources" / "countries.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - id: [broken\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_library(root)
    assert {p.file for p in info.value.problems} == {"libraries/sources/countries.yaml"}


def test_every_contract_item_is_covered_by_a_clause(library):
    # ch1.2.1.b asks for review depth matched to the technology: an internal process, decided by a measure.
    process_items = {"ch1.2.1.b": "contract.review_by_importance"}
    for item in library.checklist:
        if item.id.startswith("ch1.2."):
            if item.id in process_items:
                assert process_items[item.id] in item.measures
            else:
                assert item.clauses, f"{item.id} has no clause behind it"


def test_library_reports_no_uncovered_chapter_1_item(library):
    from model.engine.checklist import CHECKS
    from model.knowledge.coverage import uncovered_items

    assert uncovered_items(library, CHECKS) == []


def test_rules_cite_known_guidance_sections(library):
    from model.engine.rules import RULES
    from model.knowledge.library import known_guidance_refs

    known = known_guidance_refs(library)
    for rule in RULES:
        assert set(rule.REFS) <= known, rule.CHANNEL


def test_unknown_guidance_reference_is_reported(tmp_path):
    root = copy_library(tmp_path)
    path = root / "contract_clauses" / "arbitration.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("guidance_refs: [", "guidance_refs: [ch1.9.9, ", 1), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_library(root)
    assert any("ch1.9.9" in p.message("en") for p in info.value.errors)


def test_every_clause_has_fallbacks_and_sources(library):
    for clause in library.clauses.values():
        assert clause.fallbacks, clause.id
        assert clause.sources, clause.id
