"""Precedents: each finding shows the one or two public cases like it (same channel, deal shape, warning signs)."""

from __future__ import annotations

import pytest

from model.api import assess, export, load_project
from model.engine.precedents import SHOWN, precedents_for, resemblance
from model.report import presentation as pres

from .app_support import app_env, open_app  # noqa: F401  (fixture)
from .conftest import EXAMPLES

CM = next(p for p in EXAMPLES if p.stem == "cm-vietnam-parts")
JV = next(p for p in EXAMPLES if p.stem == "jv-china-battery")


def test_the_library_holds_the_corpus_as_precedents(library):
    assert len(library.precedents) >= 20
    case = library.precedents["guidance-typical-jv-49-51"]
    assert case.typical_case and case.precedent_summary.ja and case.sources


def test_a_case_that_failed_through_another_channel_never_resembles(library):
    spec = load_project(JV, library)
    case = library.precedents["guidance-typical-jv-49-51"]  # loss of control, partner affiliates
    assert resemblance(case, "cyber_attack", [], spec) == 0
    assert resemblance(case, "loss_of_control", [], spec) >= 2  # same deal shape
    other = library.precedents["gm-daewoo-chery-qq"]  # a licence, reverse engineering
    assert resemblance(other, "reverse_engineering", [], spec) == 0  # channel only: not shown
    tie = next(s.ties_to for s in other.warning_signs if not s.ties_to.startswith(("new:", "ch", "country:")))
    assert resemblance(other, "reverse_engineering", [tie], spec) >= 1  # a shared warning sign makes it alike


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_findings_show_at_most_two_precedents_of_their_own_channel(path, library):
    a = assess(load_project(path, library), library)
    shown = [f for f in a.findings if f.precedents]
    assert shown, "the corpus covers the examples' channels"
    for f in a.findings:
        assert len(f.precedents) <= SHOWN
        assert all(f.channel.value in c.failure_channels for c in f.precedents)
        facts = [fact.id for fact, _ in f.facts]
        assert f.precedents == precedents_for(f.channel.value, facts, a.spec, library.precedents.values())


def test_the_contract_manufacturer_finding_names_the_guidance_case_first(library):
    a = assess(load_project(CM, library), library)
    top = a.findings[0]
    assert top.channel.value == "reverse_engineering"
    assert top.precedents[0].id == "guidance-typical-cm-reverse-engineering"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_and_the_json_name_them(library, lang):
    a = assess(load_project(JV, library), library)
    html = export(a, library, "html", lang).decode("utf-8")
    top = pres.top_risks(a)
    assert any(pres.precedent(c, lang) in html for f in top for c in f.precedents)
    import json

    data = json.loads(export(a, library, "json", lang))
    by_id = {f["id"]: f for f in data["findings"]}
    assert all(by_id[f.id]["precedents"] == [c.id for c in f.precedents] for f in a.findings)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_dashboard_and_the_findings_page_show_them(app_env, lang):  # noqa: F811
    at = open_app(lang, page="app_pages/dashboard.py")
    assert not at.exception
    head = "過去の事例" if lang == "ja" else "It has happened before"
    assert any(c.value.startswith(head) for c in at.caption)
    at.switch_page("app_pages/findings.py")
    at.run()
    assert not at.exception
    assert any(e.label.startswith(head) for e in at.expander)
