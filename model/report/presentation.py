"""How an assessment is presented, the same on the dashboard and in every report: the top risks and the decision
log, the one-sentence why of a finding, the readiness grouping, the colour palettes, Markdown escaping and URL
defanging. Pure Python (the app's pages and charts and the exporters all read it)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from model.engine.assess import Assessment, Finding
from model.engine.checklist import ChecklistResult
from model.engine.ranking import Mitigation
from model.format.vocab import Phase
from model.knowledge.library_schema import PrecedentCase

# --------------------------------------------------------------------------- which findings lead, in what order

#: How many open risks lead a dashboard or report: at least MIN_TOP, more when more are high or critical, at most
#: MAX_TOP (an executive reads a handful; a project with many serious risks shows all of them up to the cap).
MIN_TOP, MAX_TOP = 5, 8


def pending(a: Assessment) -> list[Finding]:
    """The findings still waiting for a decision (a planned mitigation is still pending), highest score first."""
    return [f for f in a.findings if not f.decided]


def top_risks(a: Assessment) -> list[Finding]:
    """The risks that matter most: pending findings, highest score first, as many as the rule above allows."""
    open_findings = pending(a)
    serious = sum(1 for f in open_findings if f.severity in ("high", "critical"))
    return open_findings[: min(MAX_TOP, max(MIN_TOP, serious))]


def with_decision(a: Assessment) -> list[Finding]:
    """Findings with a recorded decision other than "open": those taken off the top risks (accepted, not applicable,
    mitigated) first, then planned mitigations; each highest score first."""
    rows = [f for f in a.findings if f.decision is not None and f.decision.status.value != "open"]
    return sorted(rows, key=lambda f: (not f.decided, -f.score, f.id))


def matrix_counts(findings: Iterable[Finding]) -> dict[tuple[int, int], int]:
    """How many findings counted in the score (not those judged not applicable) fall into each (likelihood, impact)
    cell of the risk matrix, as the dashboard and the executive report show it."""
    counts: dict[tuple[int, int], int] = {}
    for f in findings:
        if f.counted:
            cell = (f.likelihood_level, f.impact_level)
            counts[cell] = counts.get(cell, 0) + 1
    return counts


def fixes_by_finding(ranking: Iterable[Mitigation], lang: str, n: int = 3) -> dict[str, list[str]]:
    """For each finding, the titles of the ``n`` mitigations that would cut it most, as the ranking judges them (so
    only clauses the deal needs are ever suggested)."""
    cuts: dict[str, list[tuple[float, str, str]]] = {}
    for m in ranking:
        for fid, cut in m.findings:
            cuts.setdefault(fid, []).append((cut, m.control.id, m.control.title.get(lang)))
    return {fid: [title for _, _, title in sorted(rows, key=lambda x: (-x[0], x[1]))[:n]] for fid, rows in cuts.items()}


# --------------------------------------------------------------------------- the why of a finding


def precedent(case: PrecedentCase, lang: str) -> str:
    """A precedent in one line for a reader: its title and when it happened."""
    years = case.years
    return (
        f"{case.title.get(lang)}（{years}）"
        if lang == "ja" and years
        else (f"{case.title.get(lang)} ({years})" if years else case.title.get(lang))
    )


def precedent_sources(case: PrecedentCase) -> list[str]:
    """Where the case is told: publisher, date and title of each source (addresses are kept in the library)."""
    return [f"{s.publisher}, {s.date}: {s.title}" for s in case.sources]


def why(f: Finding, lang: str) -> str:
    """One sentence of why: the first two facts that raised the finding, else what is exposed most."""
    parts = [fact.text.get(lang) for fact, _ in f.facts[:2]]
    if not parts:
        parts = [max(f.exposures, key=lambda e: e.value).text.get(lang)]
    # Facts are written as clauses; joined they read as one sentence, with one full stop and a capital.
    if lang == "ja":
        return "。".join(p.rstrip("。") for p in parts) + "。"
    text = "; ".join(p.rstrip(".") for p in parts)
    return text[:1].upper() + text[1:] + "."


# --------------------------------------------------------------------------- readiness per phase

#: Checklist statuses in the order readiness bars stack them: what is done first, what is unknown last.
READINESS_ORDER = ("met", "partial", "gap", "unknown", "not_applicable")

#: The chapter-2 group (leaks through people): its 46 items are all "cross-cutting" by phase, so folded into that
#: phase they would bury its seven chapter-1 items; they are shown as a group of their own.
CHAPTER_2 = "ch2"
_CHAPTER_2_LABEL = {"ja": "第2章 人を通じた流出", "en": "Ch. 2 — leaks through people"}


@dataclass(frozen=True, slots=True)
class ReadinessGroup:
    """One bar of readiness: the chapter-1 items of a phase, or the chapter-2 items."""

    key: str  # a Phase value, or CHAPTER_2
    items: tuple[ChecklistResult, ...]

    def label(self, lang: str) -> str:
        if self.key == CHAPTER_2:
            return _CHAPTER_2_LABEL["ja" if lang == "ja" else "en"]
        return Phase(self.key).label(lang)

    @property
    def counts(self) -> dict[str, int]:
        """Items per status, in READINESS_ORDER."""
        return {s: sum(1 for r in self.items if r.status == s) for s in READINESS_ORDER}


def readiness_groups(checklist: Sequence[ChecklistResult]) -> list[ReadinessGroup]:
    """Chapter-1 items per phase (in project order), then chapter 2 on its own; groups without items are left out.
    Every checklist item is in exactly one group."""
    groups = [
        ReadinessGroup(p.value, tuple(r for r in checklist if not r.id.startswith("ch2") and r.phase == p.value))
        for p in Phase
    ]
    groups.append(ReadinessGroup(CHAPTER_2, tuple(r for r in checklist if r.id.startswith("ch2"))))
    return [g for g in groups if g.items]


# --------------------------------------------------------------------------- colours


@dataclass(frozen=True, slots=True)
class Swatch:
    """One colour of a palette and what goes with it."""

    colour: str  # "#rrggbb": fills, bars, badges, chart markers
    ink: str  # text drawn on that colour
    name: str  # the nearest named colour, for renderers that take names only (Streamlit Markdown, badges)
    tint: str | None = None  # a pale "#rrggbb" behind dark text (spreadsheet and Word cells)


SEVERITY = {
    "low": Swatch("#2e7d32", "#ffffff", "green", "#E2EFDA"),
    "medium": Swatch("#f9a825", "#1f2933", "yellow", "#FFF2CC"),
    "high": Swatch("#ef6c00", "#ffffff", "orange", "#F8CBAD"),
    "critical": Swatch("#c62828", "#ffffff", "red", "#FF7C80"),
}
#: Grades use the severity colours (C is the yellow of "medium" wherever it appears).
GRADE = {
    "A": SEVERITY["low"],
    "B": Swatch("#689f38", "#ffffff", "green"),
    "C": SEVERITY["medium"],
    "D": SEVERITY["high"],
    "E": SEVERITY["critical"],
}
#: For a grade the scoring model names but this palette does not know.
NEUTRAL = Swatch("#555555", "#ffffff", "gray")
CHECKLIST_STATUS = {
    "met": Swatch("#2e7d32", "#ffffff", "green"),
    "partial": Swatch("#f9a825", "#1f2933", "yellow"),
    "gap": Swatch("#c62828", "#ffffff", "red"),
    "unknown": Swatch("#9e9e9e", "#1f2933", "gray"),
    "not_applicable": Swatch("#cfd8dc", "#1f2933", "gray"),
}


def grade_swatch(grade: str) -> Swatch:
    return GRADE.get(grade, NEUTRAL)


# --------------------------------------------------------------------------- text made inert

#: "scheme:" followed by "//". Nothing we print is a link, but Markdown renderers (GitHub flavour, Streamlit) turn a
#: bare URL into one whatever is escaped, and the HTML report promises that no URL appears in it: a URL a user typed
#: is shown defanged, "https[:]//…". No word boundary is required before the scheme: GitHub's Markdown links
#: "_https://…" too, and "_" is a word character.
_URL_SCHEME = re.compile(r"(?i)([a-z][a-z0-9+.\-]*):(?=//)")

#: Every ASCII character Markdown gives a meaning to somewhere: CommonMark and GitHub's (emphasis, code, links,
#: images, HTML, entities, headings, lists, tables, strike-through, and the "www." and e-mail autolinks a dot
#: completes) and Streamlit's (":red[…]" colours, ":material/…:" icons, "$…$" LaTeX). Backslash-escaped (CommonMark
#: allows it for any ASCII punctuation), each renders as itself.
MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>~$:&"
_MD_SPECIAL = re.compile("([" + re.escape(MARKDOWN_SPECIAL) + "])")


def defang(text: str) -> str:
    """URL schemes made harmless: "https://x" becomes "https[:]//x"."""
    return _URL_SCHEME.sub(r"\1[:]", text)


def escape_md(text: object) -> str:
    """User text made inert for anything rendered as Markdown (Streamlit's labels, captions and st.markdown, a Markdown
    report pasted into a wiki or a mail): no link, no image (which would be fetched), no HTML, no formatting, one line
    (so also safe in a table cell) without leading blanks (four would start a code block)."""
    one_line = defang(str(text)).replace("\r\n", " ").replace("\n", " ").replace("\r", " ").strip()
    return _MD_SPECIAL.sub(r"\\\1", one_line)
