"""The presentation module: which findings lead and in what order, the why-sentence, the readiness grouping the
dashboard and the reports share, the palettes, Markdown escaping and URL defanging."""

from __future__ import annotations

import ast
import dataclasses
import html
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.api import assess, load_project
from model.engine.ranking import rank_mitigations
from model.format.spec import Decision
from model.format.vocab import ChecklistStatus, Severity
from model.knowledge.library import REPO_ROOT
from model.report import html as html_report
from model.report import presentation as pres

from .conftest import EXAMPLES

LANGS = ("ja", "en")


@pytest.fixture(scope="module")
def assessments(library):
    return {path.stem: assess(load_project(path, library), library) for path in EXAMPLES}


def _decided(library, decisions: list[dict]):
    """The JV example with these decisions instead of its own."""
    spec = load_project(next(p for p in EXAMPLES if p.stem == "jv-china-battery"), library)
    spec.decisions = [Decision.model_validate(d) for d in decisions]
    return assess(spec, library)


# --------------------------------------------------------------------------- top risks and decisions


def test_top_risks_are_the_pending_findings_highest_score_first(assessments):
    for a in assessments.values():
        top, waiting = pres.top_risks(a), pres.pending(a)
        assert top == waiting[: len(top)]
        assert all(not f.decided for f in top)
        scores = [f.score for f in top]
        assert scores == sorted(scores, reverse=True)
        serious = sum(1 for f in waiting if f.severity in ("high", "critical"))
        assert len(top) == min(len(waiting), pres.MAX_TOP, max(pres.MIN_TOP, serious))


@pytest.mark.parametrize(("severity", "expected"), [("low", pres.MIN_TOP), ("critical", pres.MAX_TOP)])
def test_more_serious_findings_lengthen_the_list_up_to_the_cap(assessments, severity, expected):
    a = assessments["jv-china-battery"]
    assert len(pres.pending(a)) > pres.MAX_TOP
    same = dataclasses.replace(a, findings=[dataclasses.replace(f, severity=severity) for f in a.findings])
    assert len(pres.top_risks(same)) == expected
    six = [dataclasses.replace(f, severity="high" if i < 6 else "low") for i, f in enumerate(a.findings)]
    assert len(pres.top_risks(dataclasses.replace(a, findings=six))) == 6 - sum(1 for f in a.findings[:6] if f.decided)


def test_decided_findings_leave_the_top_risks_planned_ones_stay(library):
    a = _decided(library, [])
    first, second, third = (f.id for f in pres.top_risks(a)[:3])
    a = _decided(
        library,
        [
            {"finding": first, "status": "accepted", "justification": "board approved", "by": "A", "at": "2026-01-01"},
            {"finding": second, "status": "mitigation_planned", "justification": "clause in draft 4"},
            {"finding": third, "status": "open"},
        ],
    )
    ids = [f.id for f in pres.top_risks(a)]
    assert first not in ids and ids[:2] == [second, third]
    # The decision log: what left the top risks first, then planned mitigations; "open" is no decision.
    assert [f.id for f in pres.with_decision(a)] == [first, second]


def test_decision_log_orders_decided_before_planned_then_by_score(assessments):
    for a in assessments.values():
        rows = pres.with_decision(a)
        keys = [(not f.decided, -f.score, f.id) for f in rows]
        assert keys == sorted(keys)
        assert {f.id for f in rows} == {f.id for f in a.findings if f.decision and f.decision.status.value != "open"}


def test_fixes_are_the_ranked_mitigations_that_cut_each_finding_most(library, assessments):
    a = assessments["jv-china-battery"]
    ranking = rank_mitigations(a)
    fixes = pres.fixes_by_finding(ranking, "en")
    assert fixes
    for fid, titles in fixes.items():
        cuts = sorted(
            ((cut, m.control.id, m.control.title.en) for m in ranking for f, cut in m.findings if f == fid),
            key=lambda x: (-x[0], x[1]),
        )
        assert titles == [t for _, _, t in cuts[:3]]


# --------------------------------------------------------------------------- why


@pytest.mark.parametrize("lang", LANGS)
def test_why_is_one_sentence_from_the_first_two_facts(assessments, lang):
    for a in assessments.values():
        for f in a.findings:
            text = pres.why(f, lang)
            if lang == "ja":
                assert text.endswith("。") and "。。" not in text
            else:
                assert text.endswith(".") and ".." not in text and not text[0].islower()
            facts = [fact.text.get(lang).rstrip("。.") for fact, _ in f.facts]
            # The first two facts (the first may be capitalised), in order; no third one.
            shown = [text.find(fact[1:]) for fact in facts[:2]]
            assert -1 not in shown and shown == sorted(shown)
            assert all(fact not in text for fact in facts[2:] if fact not in " ".join(facts[:2]))


def test_why_falls_back_to_what_is_exposed_most(assessments):
    f = next(f for f in assessments["jv-china-battery"].findings if f.facts)
    bare = dataclasses.replace(f, facts=[])
    top = max(f.exposures, key=lambda e: e.value)
    assert pres.why(bare, "ja") == top.text.ja.rstrip("。") + "。"
    assert pres.why(bare, "en").lower() == top.text.en.rstrip(".").lower() + "."


# --------------------------------------------------------------------------- readiness grouping


def test_readiness_groups_hold_every_item_once_chapter_2_apart(assessments):
    for a in assessments.values():
        groups = pres.readiness_groups(a.checklist)
        ids = [r.id for g in groups for r in g.items]
        assert sorted(ids) == sorted(r.id for r in a.checklist) and len(ids) == len(set(ids))
        assert [g.key for g in groups][-1] == pres.CHAPTER_2
        ch2 = groups[-1]
        assert {r.id for r in ch2.items} == {r.id for r in a.checklist if r.id.startswith("ch2")}
        assert len(ch2.items) == 46
        for g in groups[:-1]:
            assert all(r.id.startswith("ch1") and r.phase == g.key for r in g.items)
        cross = next(g for g in groups if g.key == "cross_cutting")
        assert 0 < len(cross.items) < 46  # the chapter-1 cross-cutting items alone, not buried under chapter 2
        for g in groups:
            assert list(g.counts) == list(pres.READINESS_ORDER) and sum(g.counts.values()) == len(g.items)


@pytest.mark.parametrize("lang", LANGS)
def test_dashboard_chart_and_html_report_show_the_same_readiness(assessments, lang):
    from ui import charts

    for a in assessments.values():
        fig = charts.readiness_bars(pres.readiness_groups(a.checklist), lang, count_title="n")
        labels = list(fig.data[0].y)
        dashboard = {label: {t.name: v for t in fig.data if (v := t.x[labels.index(label)])} for label in labels}
        bars, _ = html_report.readiness_bars(a, lang)
        report = {b.label: {s["status"]: s["n"] for s in b.segments} for b in bars}
        assert dashboard == report
        assert list(dashboard) == [b.label for b in bars]
        assert sum(sum(v.values()) for v in report.values()) == len(a.checklist)
        assert pres.readiness_groups(a.checklist)[-1].label(lang) in report


# --------------------------------------------------------------------------- palettes


def test_palettes_cover_every_value_and_agree(library):
    assert list(pres.SEVERITY) == [s.value for s in Severity]
    assert set(pres.CHECKLIST_STATUS) == {s.value for s in ChecklistStatus} == set(pres.READINESS_ORDER)
    assert {g.grade for g in library.scoring.grades} <= set(pres.GRADE)
    swatches = [*pres.SEVERITY.values(), *pres.GRADE.values(), *pres.CHECKLIST_STATUS.values(), pres.NEUTRAL]
    for s in swatches:
        assert re.fullmatch(r"#[0-9a-f]{6}", s.colour) and re.fullmatch(r"#[0-9a-f]{6}", s.ink)
        assert s.tint is None or re.fullmatch(r"#[0-9A-F]{6}", s.tint)
    assert all(s.tint for s in pres.SEVERITY.values())  # the spreadsheet's matrix and findings cells
    # Grade C is the yellow of a medium risk wherever it appears (one page had it orange).
    assert pres.GRADE["C"] == pres.SEVERITY["medium"] and pres.GRADE["C"].name == "yellow"
    assert pres.grade_swatch("Z") == pres.NEUTRAL


# --------------------------------------------------------------------------- Markdown escaping, URL defanging


def _render(text: str) -> str:
    """Markdown as a permissive renderer shows it: CommonMark with raw HTML allowed, tables and strike-through."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)


def _shown(text: str) -> str:
    """What a reader sees of escape_md(text) rendered: the paragraph's text, which must hold no element."""
    out = _render(pres.escape_md(text))
    if not out:
        return ""
    assert out.startswith("<p>") and out.endswith("</p>\n"), out
    inner = out[3:-5]
    assert "<" not in inner, out
    return html.unescape(inner)


def test_the_special_characters_are_ascii_punctuation():
    assert set(pres.MARKDOWN_SPECIAL) <= set(string.punctuation)


@pytest.mark.parametrize("char", list(pres.MARKDOWN_SPECIAL))
def test_every_special_character_is_escaped_and_shows_as_itself(char):
    assert pres.escape_md(char) == "\\" + char
    for text in (char, char * 3, f"{char}x{char}", f"a {char} b", f"{char} item", f"x{char}{char}y{char}{char}"):
        assert _shown(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "**bold**",
        "__bold__",
        "*em*",
        "_em_",
        "`code`",
        "~~gone~~",
        "[link](javascript:alert(1))",
        "![img](x.png)",
        "<b>tag</b>",
        "<script>alert(1)</script>",
        "<http://x.invalid/a>",
        "&lt;b&gt; &amp; &#60;",
        "# heading",
        "- item",
        "+ item",
        "* item",
        "1. item",
        "1) item",
        "> quote",
        "| a | b |",
        "---",
        "===",
        "\\*not em\\*",
        "[ref]: http://x.invalid",
        "a\\",
        "    code block",
        "\tcode",
        "www.example.invalid",
        "a@example.invalid",
    ],
)
def test_markdown_constructs_stay_text(text):
    assert _shown(text) == pres.defang(text).strip()


@pytest.mark.parametrize("text", [":red[x]", ":material/home:", "$x^2$", ":smile:", "{{7*7}}"])
def test_streamlit_constructs_are_escaped(text):
    """Streamlit's own Markdown (colour directives, icons, LaTeX): no renderer here, so the escape itself is checked."""
    out = pres.escape_md(text)
    assert all(out[i - 1] == "\\" for i, c in enumerate(out) if c in ":$[]{}")
    assert _shown(text) == text


def test_text_stays_on_one_line_and_in_its_table_cell():
    assert "\n" not in pres.escape_md("a\nb\r\nc\rd") and pres.escape_md("a\nb\r\nc\rd") == "a b c d"
    table = _render(f"| h |\n|---|\n| {pres.escape_md('x | y' + chr(10) + '| z |')} |\n")
    assert table.count("<td>") == 1 and "x | y | z |" in html.unescape(table)


@given(st.text(alphabet=string.ascii_letters[:6] + string.digits[:3] + string.punctuation + " \n\tあ", max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_text_renders_as_itself(text):
    expected = " ".join(pres.defang(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()
    assert _shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://evil.invalid/x", "https[:]//evil.invalid/x"),
        ("See HTTP://a and ftp://b.", "See HTTP[:]//a and ftp[:]//b."),
        ("_https://a", "_https[:]//a"),  # GitHub links a URL right after "_"
        ("javascript://x", "javascript[:]//x"),
        ("svn+ssh://x", "svn+ssh[:]//x"),
        ("mailto:a@b.invalid", "mailto:a@b.invalid"),  # no "//": not a URL that fetches
        ("//cdn.invalid/y", "//cdn.invalid/y"),
        ("ratio 1:2, time 10:30", "ratio 1:2, time 10:30"),
    ],
)
def test_defang(text, expected):
    assert pres.defang(text) == expected


@given(st.text(alphabet="ahtps:/+.-_1 ", max_size=30))
def test_defanged_text_holds_no_scheme_before_slashes(text):
    assert not re.search(r"(?i)[a-z]://", pres.defang(text))


def test_escaped_text_is_defanged():
    assert pres.escape_md("https://x") == "https\\[\\:\\]//x"
    assert _shown("go to https://evil.invalid") == "go to https[:]//evil.invalid"


# --------------------------------------------------------------------------- one implementation


#: Functions that would be a second copy of a presentation concept if defined anywhere else.
CONCEPTS = {
    "escape_md",
    "defang",
    "top_risks",
    "why",
    "why_text",
    "why_sentence",
    "readiness_counts",
    "readiness_groups",
    "fixes_by_finding",
    "grade_swatch",
    "matrix_counts",
    "_cell",
}


def test_each_concept_is_defined_once():
    sources = [
        *(REPO_ROOT / "model").rglob("*.py"),
        *(REPO_ROOT / "ui").rglob("*.py"),
        *(REPO_ROOT / "app_pages").glob("*.py"),
        REPO_ROOT / "app.py",
    ]
    home = REPO_ROOT / "model" / "report" / "presentation.py"
    for path in sources:
        if path == home:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
        assert not defined & CONCEPTS, (path.relative_to(REPO_ROOT), defined & CONCEPTS)
        text = path.read_text(encoding="utf-8")
        assert "(?=//)" not in text, path.relative_to(REPO_ROOT)  # a URL-scheme pattern of its own
