"""A project that says too little is rated "not enough information" with what it must say, never A."""

from __future__ import annotations

import json

import pytest

from model.api import assess, export, load_project, parse_project
from model.report.markdown import assessment_markdown

from .conftest import EXAMPLES


def project(text: str, library):
    spec, problems = parse_project(text.encode("utf-8"), "p.yaml", library)
    assert spec is not None, [p.format("en") for p in problems]
    return spec


BLANK_JV = "format_version: 1\nproject: {name: 新案件, deal_type: joint_venture, host_country: CN}\n"
TECH_ONLY = (
    BLANK_JV
    + "technologies: [{id: t, name: 工程, core: true}]\npartners: [{id: p, name: 相手, role: jv_partner, country: CN}]\n"
)
REACHED = TECH_ONLY + "people: [{id: staff, kind: local_staff, employer: site, access: [t]}]\n"


def test_a_blank_project_is_never_rated_a(library):
    a = assess(project(BLANK_JV, library), library)
    assert a.grade.grade == "?" and not a.judged
    assert a.grade.label.ja.startswith("評価不能")
    assert {m.en for m in a.missing} == {
        "no technology is listed, so there is nothing to protect yet",
        "no counterparty (jv partner) is listed",
    }


def test_what_is_missing_narrows_as_the_project_fills_in(library):
    a = assess(project(TECH_ONLY, library), library)
    assert [m.en for m in a.missing] == [
        "nothing says who receives what: no disclosure plan, no people's access, no equipment"
    ]
    judged = assess(project(REACHED, library), library)
    assert judged.judged and judged.grade.grade in "ABCDE"


def test_no_stage_of_an_unjudged_project_gets_a_letter(library):
    text = TECH_ONLY.replace("partners: [{id: p, name: 相手, role: jv_partner, country: CN}]\n", "") + (
        "disclosure: {stages: [{id: s1, name: 第1段階, items: [{technology: t, level: overview, recipient: site,"
        " method: paper}]}]}\n"
    )
    a = assess(project(text, library), library)
    assert not a.judged and a.timeline and all(p.grade == "?" for p in a.timeline)


def test_a_subsidiary_needs_no_counterparty(library):
    text = REACHED.replace("joint_venture", "subsidiary").replace("role: jv_partner", "role: supplier")
    assert assess(project(text, library), library).judged


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_are_judged(path, library):
    assert assess(load_project(path, library), library).judged


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_output_says_what_is_missing(library, lang):
    a = assess(project(BLANK_JV, library), library)
    missing = [m.get(lang) for m in a.missing]
    data = json.loads(export(a, library, "json", lang))
    assert data["grade"] == "?" and data["judged"] is False and data["missing_information"] == missing
    md = assessment_markdown(a, lang)
    html = export(a, library, "html", lang).decode("utf-8")
    for text in missing:
        assert text.replace("(", "\\(").replace(")", "\\)") in md or text in md
        assert text in html
    assert a.grade.label.get(lang) in html
