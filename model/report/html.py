"""The executive report: one self-contained HTML file (inline CSS and SVG) that opens offline and loads nothing."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass, field

from jinja2 import Environment, StrictUndefined

from model.engine.assess import Assessment, Finding
from model.engine.compare import compare_assessments
from model.engine.ranking import rank_mitigations
from model.format.vocab import ChecklistStatus, DealType, Phase, Severity
from model.knowledge.library import Library

#: How many open risks the report leads with: at least MIN_TOP, more when more are high or critical, at most MAX_TOP.
MIN_TOP, MAX_TOP = 5, 8

SEVERITY_COLOURS = {"low": "#5b9e47", "medium": "#e3b505", "high": "#e07b24", "critical": "#c0392b"}
SEVERITY_TEXT = {"low": "#fff", "medium": "#222", "high": "#fff", "critical": "#fff"}
GRADE_COLOURS = {"A": "#2e7d32", "B": "#689f38", "C": "#c49000", "D": "#e07b24", "E": "#c0392b"}
#: Checklist statuses in the order the bars show them (what is done first, what is unknown last).
READINESS = ("met", "partial", "gap", "unknown", "not_applicable")
READINESS_COLOURS = {"met": "#2e7d32", "partial": "#e3b505", "gap": "#c0392b", "unknown": "#9aa0a6",
                     "not_applicable": "#d9dde1"}

#: "scheme:" followed by "//" in any text we print. Text is never a link, but the report promises that no URL
#: appears anywhere in it, so a URL a user typed into a note is shown defanged ("https[:]//…").
_URL_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*):(?=//)")

T = {
    "title": ("技術流出リスク 経営報告", "Technology-leak risk — executive report"),
    "rating": ("総合評価", "Overall rating"),
    "score": ("スコア", "Score"),
    "of100": ("/ 100", "/ 100"),
    "deal_type": ("取引形態", "Deal type"),
    "host": ("進出先", "Host country"),
    "site": ("拠点", "Site"),
    "date": ("作成日", "Date"),
    "counted_open": ("指摘 {n}件（うち未判断 {open}件）", "{n} findings ({open} without a decision)"),
    "matrix": ("発生可能性 × 影響度", "Likelihood × impact"),
    "matrix_note": ("数字は各マスの指摘の数（スコアに算入されるもの）。色は重大度。",
                    "Numbers are the findings in each cell (those counted in the score); colours show severity."),
    "likelihood": ("発生可能性", "Likelihood"),
    "impact": ("影響度", "Impact"),
    "top": ("対応すべき主なリスク", "The risks that matter most"),
    "top_note": ("まだ判断のない指摘のうち、スコアの高い順。", "Findings without a decision, highest score first."),
    "why": ("理由", "Why"),
    "fix": ("効く対策", "What would fix it"),
    "no_fix": ("推奨される対策はすべて実施済み。", "Every recommended control is already in place."),
    "planned": ("対策予定", "Mitigation planned"),
    "no_open": ("未判断の指摘はありません。", "No finding is without a decision."),
    "readiness": ("段階ごとの準備状況", "Readiness per phase"),
    "readiness_note": ("ガイダンスのチェックリスト項目の判定（第1章は段階別、第2章はまとめて表示）。",
                       "Guidance checklist items as judged from the project (chapter 1 per phase, chapter 2 together)."),
    "ch2": ("第2章 人を通じた流出", "Ch. 2 — leaks through people"),
    "timeline": ("開示段階ごとのリスク", "Risk after each disclosure stage"),
    "timeline_note": ("各段階までの開示を終えた時点のプロジェクトスコア。破線は評価の境目。",
                      "Project score once each stage's disclosure has happened. Dashed lines mark the rating bands."),
    "no_stages": ("段階的な開示計画がまだ入力されていません。", "No staged disclosure plan has been entered yet."),
    "stage": ("段階", "Stage"),
    "increase": ("増加", "Increase"),
    "drivers": ("主な要因", "Main drivers"),
    "decided": ("判断済みの指摘", "Findings with a decision"),
    "decided_note": ("リスク受容・該当なし・対策済みと判断した指摘は、上の主なリスクから外して表示しています。",
                     "Findings accepted, judged not applicable or reported mitigated are kept out of the top risks above."),
    "finding": ("指摘", "Finding"),
    "decision": ("判断", "Decision"),
    "justification": ("理由", "Justification"),
    "by": ("判断者・日時", "By, when"),
    "not_counted": ("スコアに含めない", "not counted in the score"),
    "none": ("ありません。", "None."),
    "changes": ("前回からの変化", "What changed since the previous version"),
    "score_change": ("スコア", "Score"),
    "new": ("新たな指摘", "New findings"),
    "removed": ("なくなった指摘", "Findings no longer raised"),
    "changed": ("スコアが変わった指摘", "Findings whose score changed"),
    "inputs_changed": ("入力の変更 {n}箇所、チェックリスト判定の変化 {c}件",
                       "{n} inputs changed; {c} checklist items changed status"),
    "offline": ("このファイルは単体で開け、ネットワークから何も読み込みません。ttplan により作成。",
                "This file opens on its own and loads nothing from the network. Prepared with ttplan."),
    "severity": ("重大度", "Severity"),
    "more": ("ほか{n}件", "{n} more"),
}


def _t(key: str, lang: str) -> str:
    ja, en = T[key]
    return ja if lang == "ja" else en


def defang(value: object) -> object:
    """Jinja ``finalize``: every printed string loses URL schemes; escaping itself is left to autoescape."""
    if isinstance(value, str):
        return _URL_SCHEME.sub(r"\1[:]", value)
    return value


@functools.cache
def _template():
    # Autoescape is on for every value: user text (names, notes, justifications) is only ever text, never markup.
    env = Environment(autoescape=True, finalize=defang, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True)
    return env.from_string(TEMPLATE)


# --------------------------------------------------------------------------- view model (plain data for the template)


@dataclass(slots=True)
class Bar:
    label: str
    y: float
    total: int
    segments: list[dict] = field(default_factory=list)


def _sentence(parts: list[str], lang: str) -> str:
    if not parts:
        return ""
    # Facts are clauses without a full stop; joined with one they read as short sentences, not a run-on list.
    text = "。".join(parts) if lang == "ja" else "; ".join(parts)
    end = "。" if lang == "ja" else "."
    return text if text.endswith(end) else text + end


def why_text(f: Finding, lang: str) -> str:
    """One sentence: the first facts that raised the finding, or what is exposed when no fact did."""
    facts = [fact.text.get(lang) for fact, _ in f.facts[:2]]
    if facts:
        return _sentence(facts, lang)
    top = max(f.exposures, key=lambda e: e.value)
    return _sentence([top.text.get(lang)], lang)


def top_risks(a: Assessment) -> list[Finding]:
    open_findings = [f for f in a.findings if not f.decided]
    serious = sum(1 for f in open_findings if f.severity in ("high", "critical"))
    return open_findings[: min(MAX_TOP, max(MIN_TOP, serious))]


def matrix_rows(a: Assessment, lang: str) -> list[list[dict]]:
    counts: dict[tuple[int, int], int] = {}
    for f in a.findings:
        if f.counted:
            counts[(f.likelihood_level, f.impact_level)] = counts.get((f.likelihood_level, f.impact_level), 0) + 1
    rows = []
    for likelihood in range(5, 0, -1):
        row = []
        for impact in range(1, 6):
            severity = a.scoring.matrix[likelihood - 1][impact - 1]
            row.append({"likelihood": likelihood, "impact": impact, "count": counts.get((likelihood, impact), 0),
                        "bg": SEVERITY_COLOURS[severity], "fg": SEVERITY_TEXT[severity],
                        "severity": Severity(severity).label(lang)})
        rows.append(row)
    return rows


def readiness_bars(a: Assessment, lang: str) -> tuple[list[Bar], dict]:
    """Stacked bars per phase, geometry computed here so the template only places numbers and escaped text."""
    groups: list[tuple[str, list]] = []
    for phase in Phase:
        items = [r for r in a.checklist if r.id.startswith("ch1") and r.phase == phase.value]
        if items:
            groups.append((phase.label(lang), items))
    ch2 = [r for r in a.checklist if r.id.startswith("ch2")]
    if ch2:
        groups.append((_t("ch2", lang), ch2))
    x0, width, row_h = 190.0, 380.0, 30.0
    bars = []
    for i, (label, items) in enumerate(groups):
        bar = Bar(label, 10 + i * row_h, len(items))
        x = x0
        for status in READINESS:
            n = sum(1 for r in items if r.status == status)
            if not n:
                continue
            w = width * n / len(items)
            bar.segments.append({"x": round(x, 1), "w": round(w, 1), "n": n, "colour": READINESS_COLOURS[status],
                                 "fg": "#fff" if status in ("met", "gap") else "#222", "show": w >= 16,
                                 "status": ChecklistStatus(status).label(lang), "cx": round(x + w / 2, 1)})
            x += w
        bars.append(bar)
    geometry = {"x0": x0, "width": width, "height": 10 + len(groups) * row_h + 30, "legend_y": 10 + len(groups) * row_h + 14,
                "legend": [{"x": x0 - 180 + i * 112, "colour": READINESS_COLOURS[s], "label": ChecklistStatus(s).label(lang)}
                           for i, s in enumerate(READINESS)]}
    return bars, geometry


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline_chart(a: Assessment, lang: str) -> dict | None:
    if not a.timeline:
        return None
    left, right, top, bottom, width, height = 44.0, 16.0, 16.0, 46.0, 640.0, 240.0
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(p.score for p in a.timeline)
    y_max = min(100.0, max(20.0, math.ceil((peak + 5) / 10) * 10))
    n = len(a.timeline)

    def y(score: float) -> float:
        return round(top + plot_h * (1 - min(score, y_max) / y_max), 1)

    points = []
    # Labels are cut to the room each stage has on the axis (about 11 px per Japanese character, 6 px per Latin one).
    limit = max(4, int(50 / n)) if lang == "ja" else max(8, int(93 / n))
    for i, p in enumerate(a.timeline):
        x = round(left + plot_w * (i + 0.5) / n, 1)
        points.append({"x": x, "y": y(p.score), "score": p.score, "grade": p.grade, "name": p.name,
                       "short": _short(p.name, limit), "colour": GRADE_COLOURS.get(p.grade, "#555")})
    bands = [{"y": y(g.min_score), "grade": g.grade, "min": g.min_score}
             for g in a.scoring.grades if 0 < g.min_score < y_max]
    ticks = [{"y": y(v), "v": int(v)} for v in (0, y_max / 2, y_max)]
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "bottom": height - bottom, "label_y": height - bottom + 18, "points": points, "bands": bands,
            "ticks": ticks, "polyline": " ".join(f"{p['x']},{p['y']}" for p in points)}


def decision_rows(a: Assessment, lang: str) -> list[dict]:
    rows = []
    for f in a.findings:
        d = f.decision
        if d is None or d.status.value == "open":
            continue
        at = d.at.isoformat(sep=" ", timespec="minutes") if isinstance(d.at, dt.datetime) else (
            d.at.isoformat() if d.at else "")
        rows.append({"title": f.title.get(lang), "id": f.id, "score": f.score, "status": d.status.label(lang),
                     "decided": f.decided, "counted": f.counted, "justification": d.justification or "—",
                     "by": " / ".join(x for x in (d.by or "", at) if x) or "—"})
    # Decided ones (kept out of the top risks) first, then planned mitigations; each by score.
    rows.sort(key=lambda r: (not r["decided"], -r["score"], r["id"]))
    return rows


def changes(a: Assessment, previous: Assessment | None, lang: str) -> dict | None:
    if previous is None:
        return None
    c = compare_assessments(previous, a)
    now, before = {f.id: f for f in a.findings}, {f.id: f for f in previous.findings}

    def item(fc, source) -> dict:
        f = source[fc.id]
        return {"title": f.title.get(lang), "id": fc.id, "before": fc.before_score, "after": fc.after_score,
                "delta": fc.delta, "severity": Severity(f.severity).label(lang), "sev": f.severity}

    new = [item(x, now) for x in c.findings if x.before_score is None]
    removed = [item(x, before) for x in c.findings if x.after_score is None]
    changed = [item(x, now) for x in c.findings if x.before_score is not None and x.after_score is not None]
    delta = c.score_delta
    return {"before": previous.score, "after": a.score, "delta": delta, "before_grade": previous.grade.grade,
            "after_grade": a.grade.grade, "up": delta > 0, "down": delta < 0,
            "new": new[:10], "new_more": max(0, len(new) - 10), "removed": removed[:10],
            "removed_more": max(0, len(removed) - 10), "changed": changed[:10], "changed_more": max(0, len(changed) - 10),
            "inputs": _t("inputs_changed", lang).format(n=len(c.inputs), c=len(c.checklist))}


def executive_html(assessment: Assessment, library: Library, lang: str = "ja", previous: Assessment | None = None,
                   *, date: dt.date | None = None) -> bytes:
    """The executive report as UTF-8 HTML bytes; ``previous`` adds what changed, ``date`` fixes the printed date."""
    lang = "ja" if lang == "ja" else "en"
    a, spec = assessment, assessment.spec
    country = library.countries.get(spec.project.host_country)
    # What would fix a finding: the ranked mitigations that cut that finding most (clauses only where the deal
    # needs them, as the ranking decides), so the report never suggests a clause the deal does not call for.
    cuts: dict[str, list[tuple[float, str, str]]] = {}
    for m in rank_mitigations(a):
        for fid, cut in m.findings:
            cuts.setdefault(fid, []).append((cut, m.control.id, m.control.title.get(lang)))
    tops = []
    for f in top_risks(a):
        ranked = sorted(cuts.get(f.id, []), key=lambda x: (-x[0], x[1]))
        fixes = [title for _, _, title in ranked[:3]]
        planned = f.decision.justification if f.decision and f.decision.status.value == "mitigation_planned" else None
        tops.append({"title": f.title.get(lang), "id": f.id, "score": f.score, "sev": f.severity,
                     "severity": Severity(f.severity).label(lang), "bg": SEVERITY_COLOURS[f.severity],
                     "fg": SEVERITY_TEXT[f.severity], "why": why_text(f, lang), "fixes": fixes,
                     "planned": planned, "refs": ", ".join(f.refs), "l": f.likelihood_level, "i": f.impact_level})
    bars, bar_geometry = readiness_bars(a, lang)
    html = _template().render(
        lang=lang, t={k: _t(k, lang) for k in T},
        name=spec.project.name,
        facts=[(_t("deal_type", lang), DealType(spec.project.deal_type).label(lang)),
               (_t("host", lang), country.name.get(lang) if country else spec.project.host_country)]
        + ([(_t("site", lang), spec.project.site_name)] if spec.project.site_name else [])
        + [(_t("date", lang), (date or dt.date.today()).isoformat())],
        grade=a.grade.grade, grade_label=a.grade.label.get(lang), grade_colour=GRADE_COLOURS.get(a.grade.grade, "#555"),
        score=a.score, note=a.scoring.note.get(lang),
        summary=_t("counted_open", lang).format(n=len(a.findings), open=sum(1 for f in a.findings if not f.decided)),
        matrix=matrix_rows(a, lang),
        legend=[{"label": s.label(lang), "bg": SEVERITY_COLOURS[s.value]} for s in Severity],
        tops=tops, bars=bars, bar=bar_geometry, chart=timeline_chart(a, lang),
        stages=[{"name": p.name, "score": p.score, "grade": p.grade, "increase": p.increase,
                 "drivers": [a.finding(d).title.get(lang) if a.finding(d) else d for d in p.drivers]}
                for p in a.timeline],
        decisions=decision_rows(a, lang), changes=changes(a, previous, lang),
    )
    return html.encode("utf-8")


TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{ t.title }} — {{ name }}</title>
<style>
:root { --ink: #1f2933; --muted: #5f6b76; --line: #d9dde1; --bg: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "YuGothic", "Meiryo", "Noto Sans CJK JP",
    system-ui, sans-serif;
  font-size: 14px; line-height: 1.55; }
main { max-width: 1180px; margin: 0 auto; padding: 20px; }
header h1 { font-size: 22px; margin: 0 0 4px; }
.kicker { color: var(--muted); font-size: 12px; letter-spacing: .04em; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; color: var(--muted); margin: 4px 0 14px; padding: 0; list-style: none; }
.facts b { color: var(--ink); font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(330px, 1fr)); gap: 14px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; break-inside: avoid; }
.card h2 { font-size: 16px; margin: 0 0 8px; }
.note { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
.rating { display: flex; gap: 16px; align-items: center; }
.grade { width: 84px; height: 84px; border-radius: 10px; color: #fff; font-size: 52px; font-weight: 700;
  display: flex; align-items: center; justify-content: center; flex: none; }
.score { font-size: 30px; font-weight: 700; }
.score small { font-size: 14px; color: var(--muted); font-weight: 400; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
table.matrix { width: auto; margin: 0 auto; }
table.matrix td.cell { width: 52px; height: 40px; text-align: center; vertical-align: middle; font-weight: 700;
  font-size: 16px; border: 2px solid #fff; }
table.matrix td.zero { opacity: .45; font-weight: 400; }
table.matrix th { text-align: center; vertical-align: middle; border: none; }
.axis { font-size: 11px; color: var(--muted); text-align: center; }
.legend { display: flex; gap: 10px; flex-wrap: wrap; font-size: 12px; margin-top: 8px; justify-content: center; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
ol.risks { margin: 0; padding: 0; list-style: none; counter-reset: risk; }
ol.risks > li { border-top: 1px solid var(--line); padding: 10px 0 10px 34px; position: relative; }
ol.risks > li:first-child { border-top: none; }
ol.risks > li::before { counter-increment: risk; content: counter(risk); position: absolute; left: 0; top: 10px;
  width: 24px; height: 24px; border-radius: 50%; background: var(--ink); color: #fff; text-align: center;
  font-size: 12px; line-height: 24px; }
.risk-title { font-weight: 700; }
.badge { display: inline-block; border-radius: 4px; padding: 0 7px; font-size: 12px; font-weight: 600; margin-right: 6px; }
.meta { color: var(--muted); font-size: 12px; }
.label { font-weight: 600; color: var(--muted); margin-right: 4px; }
.fixes { margin: 2px 0 0; padding-left: 18px; }
svg { display: block; width: 100%; height: auto; font-family: inherit; }
.up { color: #c0392b; font-weight: 700; }
.down { color: #2e7d32; font-weight: 700; }
.wide { grid-column: 1 / -1; }
footer { color: var(--muted); font-size: 12px; margin: 18px 0 6px; }
@media print { body { background: #fff; } main { padding: 0; } .card { border-color: #bbb; } }
</style>
</head>
<body>
<main>
<header>
<div class="kicker">{{ t.title }}</div>
<h1>{{ name }}</h1>
<ul class="facts">
{% for label, value in facts %}
<li>{{ label }}: <b>{{ value }}</b></li>
{% endfor %}
</ul>
</header>

<div class="grid">
<section class="card" id="rating">
<h2>{{ t.rating }}</h2>
<div class="rating">
<div class="grade" style="background: {{ grade_colour }}">{{ grade }}</div>
<div>
<div><b>{{ grade_label }}</b></div>
<div class="score">{{ score }} <small>{{ t.of100 }}</small></div>
<div class="meta">{{ summary }}</div>
</div>
</div>
<p class="note">{{ note }}</p>
</section>

<section class="card" id="matrix">
<h2>{{ t.matrix }}</h2>
<table class="matrix">
<tr><th rowspan="6" class="axis" style="writing-mode: vertical-rl">{{ t.likelihood }} →</th></tr>
{% for row in matrix %}
<tr>
<th class="axis">{{ row[0].likelihood }}</th>
{% for c in row %}
<td class="cell{% if not c.count %} zero{% endif %}" style="background: {{ c.bg }}; color: {{ c.fg }}" title="{{ c.severity }}">{{ c.count }}</td>
{% endfor %}
</tr>
{% endfor %}
<tr><th></th><th></th>{% for i in range(1, 6) %}<th class="axis">{{ i }}</th>{% endfor %}</tr>
<tr><th></th><th></th><th colspan="5" class="axis">{{ t.impact }} →</th></tr>
</table>
<div class="legend">
{% for s in legend %}<span><span class="swatch" style="background: {{ s.bg }}"></span>{{ s.label }}</span>{% endfor %}
</div>
<p class="note">{{ t.matrix_note }}</p>
</section>

<section class="card wide" id="top-risks">
<h2>{{ t.top }}</h2>
<p class="note">{{ t.top_note }}</p>
{% if tops %}
<ol class="risks">
{% for r in tops %}
<li>
<div><span class="badge" style="background: {{ r.bg }}; color: {{ r.fg }}">{{ r.severity }}</span><span class="risk-title">{{ r.title }}</span>
<span class="meta"> — {{ t.score }} {{ r.score }} · {{ t.likelihood }} {{ r.l }} × {{ t.impact }} {{ r.i }} · {{ r.refs }}</span></div>
<div><span class="label">{{ t.why }}:</span>{{ r.why }}</div>
<div><span class="label">{{ t.fix }}:</span>
{% if r.fixes %}{% for x in r.fixes %}{{ x }}{% if not loop.last %}{{ "、" if lang == "ja" else "; " }}{% endif %}{% endfor %}{% else %}{{ t.no_fix }}{% endif %}
</div>
{% if r.planned %}<div class="meta"><span class="label">{{ t.planned }}:</span>{{ r.planned }}</div>{% endif %}
</li>
{% endfor %}
</ol>
{% else %}
<p>{{ t.no_open }}</p>
{% endif %}
</section>

<section class="card" id="readiness">
<h2>{{ t.readiness }}</h2>
<svg viewBox="0 0 {{ bar.x0 + bar.width + 40 }} {{ bar.height }}" role="img" aria-label="{{ t.readiness }}">
{% for b in bars %}
<text x="0" y="{{ b.y + 15 }}" font-size="12" fill="#1f2933">{{ b.label }}</text>
{% for s in b.segments %}
<rect x="{{ s.x }}" y="{{ b.y }}" width="{{ s.w }}" height="20" fill="{{ s.colour }}"><title>{{ s.status }}: {{ s.n }}</title></rect>
{% if s.show %}<text x="{{ s.cx }}" y="{{ b.y + 14 }}" font-size="11" text-anchor="middle" fill="{{ s.fg }}">{{ s.n }}</text>{% endif %}
{% endfor %}
<text x="{{ bar.x0 + bar.width + 6 }}" y="{{ b.y + 15 }}" font-size="11" fill="#5f6b76">{{ b.total }}</text>
{% endfor %}
{% for l in bar.legend %}
<rect x="{{ l.x }}" y="{{ bar.legend_y - 9 }}" width="10" height="10" fill="{{ l.colour }}"></rect>
<text x="{{ l.x + 14 }}" y="{{ bar.legend_y }}" font-size="11" fill="#1f2933">{{ l.label }}</text>
{% endfor %}
</svg>
<p class="note">{{ t.readiness_note }}</p>
</section>

<section class="card" id="timeline">
<h2>{{ t.timeline }}</h2>
{% if chart %}
<svg viewBox="0 0 {{ chart.width }} {{ chart.height }}" role="img" aria-label="{{ t.timeline }}">
{% for tk in chart.ticks %}
<line x1="{{ chart.left }}" x2="{{ chart.right }}" y1="{{ tk.y }}" y2="{{ tk.y }}" stroke="#e5e7eb"></line>
<text x="{{ chart.left - 6 }}" y="{{ tk.y + 4 }}" font-size="10" text-anchor="end" fill="#5f6b76">{{ tk.v }}</text>
{% endfor %}
{% for b in chart.bands %}
<line x1="{{ chart.left }}" x2="{{ chart.right }}" y1="{{ b.y }}" y2="{{ b.y }}" stroke="#9aa0a6" stroke-dasharray="4 4"></line>
<text x="{{ chart.right }}" y="{{ b.y - 3 }}" font-size="10" text-anchor="end" fill="#5f6b76">{{ b.grade }} ≥ {{ b.min }}</text>
{% endfor %}
<polyline points="{{ chart.polyline }}" fill="none" stroke="#1f2933" stroke-width="2"></polyline>
{% for p in chart.points %}
<circle cx="{{ p.x }}" cy="{{ p.y }}" r="6" fill="{{ p.colour }}"><title>{{ p.name }}: {{ p.score }} ({{ p.grade }})</title></circle>
<text x="{{ p.x }}" y="{{ p.y - 10 }}" font-size="12" font-weight="700" text-anchor="middle" fill="#1f2933">{{ p.score }} {{ p.grade }}</text>
<text x="{{ p.x }}" y="{{ chart.label_y }}" font-size="11" text-anchor="middle" fill="#1f2933">{{ p.short }}<title>{{ p.name }}</title></text>
{% endfor %}
</svg>
<table>
<tr><th>{{ t.stage }}</th><th>{{ t.score }}</th><th>{{ t.increase }}</th><th>{{ t.drivers }}</th></tr>
{% for s in stages %}
<tr><td>{{ s.name }}</td><td>{{ s.score }} ({{ s.grade }})</td><td>{{ "+" if s.increase >= 0 else "" }}{{ s.increase }}</td>
<td class="meta">{{ s.drivers | join(" / ") }}</td></tr>
{% endfor %}
</table>
<p class="note">{{ t.timeline_note }}</p>
{% else %}
<p>{{ t.no_stages }}</p>
{% endif %}
</section>

<section class="card wide" id="decisions">
<h2>{{ t.decided }}</h2>
<p class="note">{{ t.decided_note }}</p>
{% if decisions %}
<table>
<tr><th>{{ t.finding }}</th><th>{{ t.decision }}</th><th>{{ t.justification }}</th><th>{{ t.by }}</th></tr>
{% for d in decisions %}
<tr><td>{{ d.title }}<div class="meta">{{ d.id }} · {{ t.score }} {{ d.score }}</div></td>
<td>{{ d.status }}{% if not d.counted %}<div class="meta">{{ t.not_counted }}</div>{% endif %}</td>
<td>{{ d.justification }}</td><td class="meta">{{ d.by }}</td></tr>
{% endfor %}
</table>
{% else %}
<p>{{ t.none }}</p>
{% endif %}
</section>

{% if changes %}
<section class="card wide" id="changes">
<h2>{{ t.changes }}</h2>
<p>{{ t.score_change }}: {{ changes.before }} ({{ changes.before_grade }}) → <b>{{ changes.after }} ({{ changes.after_grade }})</b>,
<span class="{{ 'up' if changes.up else 'down' if changes.down else '' }}">{{ "+" if changes.delta >= 0 else "" }}{{ changes.delta }}</span></p>
<p class="meta">{{ changes.inputs }}</p>
<div class="grid">
{% for key, rows, more in (("new", changes.new, changes.new_more), ("removed", changes.removed, changes.removed_more), ("changed", changes.changed, changes.changed_more)) %}
<div>
<h3 style="font-size: 14px; margin: 6px 0">{{ t[key] }} ({{ rows | length + more }})</h3>
{% if rows %}
<table>
{% for r in rows %}
<tr><td>{{ r.title }}<div class="meta">{{ r.severity }}</div></td>
<td style="white-space: nowrap">{{ r.before if r.before is not none else "—" }} → {{ r.after if r.after is not none else "—" }}
<span class="{{ 'up' if r.delta > 0 else 'down' if r.delta < 0 else '' }}">({{ "+" if r.delta >= 0 else "" }}{{ r.delta }})</span></td></tr>
{% endfor %}
</table>
{% if more %}<p class="meta">{{ t.more.format(n=more) }}</p>{% endif %}
{% else %}
<p class="meta">{{ t.none }}</p>
{% endif %}
</div>
{% endfor %}
</div>
</section>
{% endif %}
</div>

<footer>{{ t.offline }}</footer>
</main>
</body>
</html>
"""
