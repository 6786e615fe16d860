"""The executive HTML report: the key figures, nothing loaded from the network, user text never becomes markup."""

from __future__ import annotations

import datetime as dt
import re
import time
from html.parser import HTMLParser

import pytest
import yaml
from markupsafe import escape

from model.api import assess, load_project
from model.report.html import executive_html

from .conftest import EXAMPLES

LANGS = ("ja", "en")
DATE = dt.date(2026, 11, 22)
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>')
CSP = """<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"""

# Anything that could make a browser fetch: a URL with a scheme, a protocol-relative URL in an attribute or CSS,
# a src attribute, an href other than an in-page anchor, a CSS url(), an @import.
EXTERNAL = [
    re.compile(r"(?i)\bhttps?://"),
    re.compile(r"""(?i)["'(=]\s*//"""),
    re.compile(r"(?i)\bsrc\s*="),
    re.compile(r"""(?i)\bhref\s*=\s*(?!["']?#)"""),
    re.compile(r"(?i)url\s*\("),
    re.compile(r"(?i)@import"),
]


def esc(text: str) -> str:
    """Text as the report's autoescaping writes it."""
    return str(escape(text))


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would build them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(text: str) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(text)
    parser.close()
    return parser.tags


@pytest.fixture(scope="module")
def assessments(library):
    return {path.stem: assess(load_project(path, library), library) for path in EXAMPLES}


def project_from(path, write, edit, name="project.yaml"):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    return write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), name)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_report_shows_rating_score_and_top_risk(path, lang, library, assessments):
    a = assessments[path.stem]
    text = executive_html(a, library, lang, date=DATE).decode("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in text
    assert CSP in text
    assert 'class="grade" style="background: ' in text and f">{a.grade.grade}</div>" in text
    assert esc(a.grade.label.get(lang)) in text
    assert f">{a.score} <small>" in text
    assert esc(a.scoring.note.get(lang)) in text
    top = next(f for f in a.findings if not f.decided)
    assert esc(top.title.get(lang)) in text
    # Decided findings are shown apart, with their justification.
    for f in a.findings:
        if f.decided:
            assert esc(f.decision.justification) in text
    for section in (
        'id="rating"',
        'id="matrix"',
        'id="top-risks"',
        'id="readiness"',
        'id="timeline"',
        'id="decisions"',
    ):
        assert section in text
    assert 'id="changes"' not in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_report_loads_nothing_from_the_network(path, lang, library, assessments):
    text = executive_html(assessments[path.stem], library, lang, date=DATE).decode("utf-8")
    for pattern in EXTERNAL:
        assert not pattern.search(text), f"{pattern.pattern}: {pattern.search(text)}"
    tags = elements(text)
    names = {tag for tag, _ in tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "image", "use", "foreignobject"}
    for tag, attrs in tags:
        assert not any(k.startswith("on") for k in attrs), tag
        assert "src" not in attrs and "srcset" not in attrs, tag
    assert "<svg" in text, "charts are inline SVG"


def test_matrix_counts_every_counted_finding(library, assessments):
    for a in assessments.values():
        text = executive_html(a, library, "en", date=DATE).decode("utf-8")
        cells = [int(n) for n in re.findall(r'<td class="cell[^"]*"[^>]*>(\d+)</td>', text)]
        assert len(cells) == 25
        assert sum(cells) == sum(1 for f in a.findings if f.counted)


def test_readiness_bars_count_every_checklist_item(library, assessments):
    a = assessments["jv-china-battery"]
    text = executive_html(a, library, "en", date=DATE).decode("utf-8")
    segments = re.findall(r"<title>(Met|Partly met|Gap|Unknown|Not applicable): (\d+)</title>", text)
    assert sum(int(n) for _, n in segments) == len(a.checklist)


def test_timeline_has_a_point_per_stage(library, assessments):
    a = assessments["jv-china-battery"]
    text = executive_html(a, library, "ja", date=DATE).decode("utf-8")
    assert text.count("<circle ") == len(a.timeline) > 0
    for p in a.timeline:
        assert f"{p.score} {p.grade}</text>" in text


def test_user_text_is_never_markup(library, write):
    jv = next(p for p in EXAMPLES if p.stem == "jv-china-battery")
    evil = " ".join(PAYLOADS)

    def edit(d):
        d["project"]["name"] = "案件 " + evil
        d["project"]["site_name"] = evil
        for tech in d["technologies"]:
            tech["name"] = tech["name"][:40] + " " + evil
        for partner in d["partners"]:
            partner["name"] = partner["name"][:40] + " " + evil
        for stage in d["disclosure"]["stages"]:
            stage["name"] = stage["name"][:20] + " " + evil
        for entry in d["contract"]["clauses"].values():
            if isinstance(entry, dict):
                entry["note"] = evil
        for decision in d["decisions"]:
            decision["justification"] = evil
            decision["by"] = evil[:60]

    a = assess(load_project(project_from(jv, write, edit), library), library)
    assert any(evil in f.title.get("ja") for f in a.findings)
    for lang in LANGS:
        text = executive_html(a, library, lang, date=DATE).decode("utf-8")
        for raw in PAYLOADS:
            assert raw not in text
        assert "<script" not in text.lower()
        assert "<img src=x" not in text and "<svg onload" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "&lt;img src=x onerror=alert(1)&gt;" in text
        assert "&#34;&gt;&lt;svg onload=alert(1)&gt;" in text
        tags = elements(text)
        names = [tag for tag, _ in tags]
        assert "script" not in names and "img" not in names
        for tag, attrs in tags:
            assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        # Only our own charts are SVG: one for readiness, one for the timeline.
        assert names.count("svg") == 2
        # The page still has its structure: user text did not close or open elements.
        assert names.count("section") == 6


def test_urls_in_user_text_are_shown_defanged(library, write):
    cm = next(p for p in EXAMPLES if p.stem == "cm-vietnam-parts")

    def edit(d):
        d["decisions"][0]["justification"] = "See https://evil.example/x and //cdn.example/y"

    a = assess(load_project(project_from(cm, write, edit), library), library)
    text = executive_html(a, library, "en", date=DATE).decode("utf-8")
    assert "https://" not in text
    assert "https[:]//evil.example/x" in text
    for pattern in EXTERNAL:
        assert not pattern.search(text)


def test_previous_version_adds_what_changed(library, write, assessments):
    jv = next(p for p in EXAMPLES if p.stem == "jv-china-battery")
    # The earlier version had one technology fewer: its findings are new now.
    earlier = load_project(
        project_from(jv, write, lambda d: _drop_technology(d, "slurry-formulation"), "v1.yaml"), library
    )
    previous = assess(earlier, library)
    a = assessments["jv-china-battery"]
    for lang in LANGS:
        text = executive_html(a, library, lang, previous=previous, date=DATE).decode("utf-8")
        assert 'id="changes"' in text
        new = [f for f in a.findings if previous.finding(f.id) is None]
        assert new and all(f.technology == "slurry-formulation" for f in new)
        assert esc(new[0].title.get(lang)) in text
        sign = "+" if a.score >= previous.score else ""
        assert f"{sign}{round(a.score - previous.score, 1)}</span>" in text
    same = executive_html(a, library, "en", previous=a, date=DATE).decode("utf-8")
    assert 'id="changes"' in same and "+0.0</span>" in same


def _drop_technology(data: dict, tech_id: str) -> None:
    data["technologies"] = [t for t in data["technologies"] if t["id"] != tech_id]
    for stage in data["disclosure"]["stages"]:
        stage["items"] = [i for i in stage["items"] if i["technology"] != tech_id]
    for group in data.get("people", []):
        group["access"] = [t for t in group.get("access", []) if t != tech_id]
    for item in data.get("equipment", []):
        item["embodies"] = [t for t in item.get("embodies", []) if t != tech_id]
    data["decisions"] = [x for x in data.get("decisions", []) if not x["finding"].endswith("@" + tech_id)]


def test_output_is_deterministic_and_fast(library, assessments):
    timings = []
    for a in assessments.values():
        for lang in LANGS:
            start = time.perf_counter()
            first = executive_html(a, library, lang, previous=a, date=DATE)
            timings.append(time.perf_counter() - start)
            assert first == executive_html(a, library, lang, previous=a, date=DATE)
    # The budget is 1 s per export on the development machine; the bound leaves room for slow CI runners.
    assert max(timings) < 5, timings
