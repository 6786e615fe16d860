"""The executive report: one self-contained HTML file (inline CSS and SVG) that opens offline and loads nothing."""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined

from model.engine.assess import Assessment
from model.engine.compare import compare_assessments
from model.engine.ranking import rank_mitigations
from model.format.vocab import ChecklistStatus, DealType, Severity
from model.knowledge.library import Library
from model.report import presentation as pres

#: The page template, a file beside this module (shipped as package data).
TEMPLATE = "executive.html"

T = {
    "title": ("技術流出リスク 経営報告", "Technology-leak risk — executive report"),
    "rating": ("総合評価", "Overall rating"),
    "missing": ("評価するには、次の情報が必要です:", "Before it can be judged, the project must say:"),
    "score": ("スコア", "Score"),
    "of100": ("/ 100", "/ 100"),
    "deal_type": ("取引形態", "Deal type"),
    "host": ("進出先", "Host country"),
    "site": ("拠点", "Site"),
    "date": ("作成日", "Date"),
    "counted_open": ("指摘 {n}件（うち未判断 {open}件）", "{n} findings ({open} without a decision)"),
    "matrix": ("発生可能性 × 影響度", "Likelihood × impact"),
    "matrix_note": (
        "数字は各マスの指摘の数（スコアに算入されるもの）。色は重大度。",
        "Numbers are the findings in each cell (those counted in the score); colours show severity.",
    ),
    "likelihood": ("発生可能性", "Likelihood"),
    "impact": ("影響度", "Impact"),
    "top": ("対応すべき主なリスク", "The risks that matter most"),
    "top_note": ("まだ判断のない指摘のうち、スコアの高い順。", "Findings without a decision, highest score first."),
    "why": ("理由", "Why"),
    "precedent": ("過去の事例", "It has happened before"),
    "fix": ("効く対策", "What would fix it"),
    "no_fix": ("推奨される対策はすべて実施済み。", "Every recommended control is already in place."),
    "planned": ("対策予定", "Mitigation planned"),
    "no_open": ("未判断の指摘はありません。", "No finding is without a decision."),
    "readiness": ("段階ごとの準備状況", "Readiness per phase"),
    "readiness_note": (
        "ガイダンスのチェックリスト項目の判定（第1章は段階別、第2章はまとめて表示）。",
        "Guidance checklist items as judged from the project (chapter 1 per phase, chapter 2 together).",
    ),
    "timeline": ("開示段階ごとのリスク", "Risk after each disclosure stage"),
    "timeline_note": (
        "各段階までの開示を終えた時点のプロジェクトスコア。破線は評価の境目。",
        "Project score once each stage's disclosure has happened. Dashed lines mark the rating bands.",
    ),
    "no_stages": ("段階的な開示計画がまだ入力されていません。", "No staged disclosure plan has been entered yet."),
    "stage": ("段階", "Stage"),
    "increase": ("増加", "Increase"),
    "drivers": ("主な要因", "Main drivers"),
    "decided": ("判断済みの指摘", "Findings with a decision"),
    "decided_note": (
        "リスク受容・該当なし・対策済みと判断した指摘は、上の主なリスクから外して表示しています。",
        "Findings accepted, judged not applicable or reported mitigated are kept out of the top risks above.",
    ),
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
    "inputs_changed": (
        "入力の変更 {n}箇所、チェックリスト判定の変化 {c}件",
        "{n} inputs changed; {c} checklist items changed status",
    ),
    "offline": (
        "このファイルは単体で開け、ネットワークから何も読み込みません。ttplan により作成。",
        "This file opens on its own and loads nothing from the network. Prepared with ttplan.",
    ),
    "severity": ("重大度", "Severity"),
    "more": ("ほか{n}件", "{n} more"),
}


def _t(key: str, lang: str) -> str:
    ja, en = T[key]
    return ja if lang == "ja" else en


def _finalize(value: object) -> object:
    """Jinja ``finalize``: every printed string loses URL schemes (the report promises that no URL appears in it);
    escaping itself is left to autoescape."""
    return pres.defang(value) if isinstance(value, str) else value


@functools.cache
def _template():
    # Autoescape is on for every value: user text (names, notes, justifications) is only ever text, never markup.
    env = Environment(
        loader=PackageLoader("model.report", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(TEMPLATE)


# --------------------------------------------------------------------------- view model (plain data for the template)


@dataclass(slots=True)
class Bar:
    label: str
    y: float
    total: int
    segments: list[dict] = field(default_factory=list)


def matrix_rows(a: Assessment, lang: str) -> list[list[dict]]:
    counts = pres.matrix_counts(a.findings)
    rows = []
    for likelihood in range(5, 0, -1):
        row = []
        for impact in range(1, 6):
            severity = a.scoring.matrix[likelihood - 1][impact - 1]
            row.append(
                {
                    "likelihood": likelihood,
                    "impact": impact,
                    "count": counts.get((likelihood, impact), 0),
                    "bg": pres.SEVERITY[severity].colour,
                    "fg": pres.SEVERITY[severity].ink,
                    "severity": Severity(severity).label(lang),
                }
            )
        rows.append(row)
    return rows


def readiness_bars(a: Assessment, lang: str) -> tuple[list[Bar], dict]:
    """Stacked bars per readiness group, geometry computed here so the template only places numbers and escaped
    text."""
    groups = pres.readiness_groups(a.checklist)
    x0, width, row_h = 190.0, 380.0, 30.0
    bars = []
    for i, group in enumerate(groups):
        bar = Bar(group.label(lang), 10 + i * row_h, len(group.items))
        x = x0
        for status, n in group.counts.items():
            if not n:
                continue
            w = width * n / len(group.items)
            swatch = pres.CHECKLIST_STATUS[status]
            bar.segments.append(
                {
                    "x": round(x, 1),
                    "w": round(w, 1),
                    "n": n,
                    "colour": swatch.colour,
                    "fg": swatch.ink,
                    "show": w >= 16,
                    "status": ChecklistStatus(status).label(lang),
                    "cx": round(x + w / 2, 1),
                }
            )
            x += w
        bars.append(bar)
    geometry = {
        "x0": x0,
        "width": width,
        "height": 10 + len(groups) * row_h + 30,
        "legend_y": 10 + len(groups) * row_h + 14,
        "legend": [
            {
                "x": x0 - 180 + i * 112,
                "colour": pres.CHECKLIST_STATUS[s].colour,
                "label": ChecklistStatus(s).label(lang),
            }
            for i, s in enumerate(pres.READINESS_ORDER)
        ],
    }
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
        points.append(
            {
                "x": x,
                "y": y(p.score),
                "score": p.score,
                "grade": p.grade,
                "name": p.name,
                "short": _short(p.name, limit),
                "colour": pres.grade_swatch(p.grade).colour,
            }
        )
    bands = [
        {"y": y(g.min_score), "grade": g.grade, "min": g.min_score} for g in a.scoring.grades if 0 < g.min_score < y_max
    ]
    ticks = [{"y": y(v), "v": int(v)} for v in (0, y_max / 2, y_max)]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "top": top,
        "bottom": height - bottom,
        "label_y": height - bottom + 18,
        "points": points,
        "bands": bands,
        "ticks": ticks,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
    }


def decision_rows(a: Assessment, lang: str) -> list[dict]:
    rows = []
    for f in pres.with_decision(a):
        d = f.decision
        at = (
            d.at.isoformat(sep=" ", timespec="minutes")
            if isinstance(d.at, dt.datetime)
            else (d.at.isoformat() if d.at else "")
        )
        rows.append(
            {
                "title": f.title.get(lang),
                "id": f.id,
                "score": f.score,
                "status": d.status.label(lang),
                "decided": f.decided,
                "counted": f.counted,
                "justification": d.justification or "—",
                "by": " / ".join(x for x in (d.by or "", at) if x) or "—",
            }
        )
    return rows


def changes(a: Assessment, previous: Assessment | None, lang: str) -> dict | None:
    if previous is None:
        return None
    c = compare_assessments(previous, a)
    now, before = {f.id: f for f in a.findings}, {f.id: f for f in previous.findings}

    def item(fc, source) -> dict:
        f = source[fc.id]
        return {
            "title": f.title.get(lang),
            "id": fc.id,
            "before": fc.before_score,
            "after": fc.after_score,
            "delta": fc.delta,
            "severity": Severity(f.severity).label(lang),
            "sev": f.severity,
        }

    new = [item(x, now) for x in c.findings if x.before_score is None]
    removed = [item(x, before) for x in c.findings if x.after_score is None]
    changed = [item(x, now) for x in c.findings if x.before_score is not None and x.after_score is not None]
    delta = c.score_delta
    return {
        "before": previous.score,
        "after": a.score,
        "delta": delta,
        "before_grade": previous.grade.grade,
        "after_grade": a.grade.grade,
        "up": delta > 0,
        "down": delta < 0,
        "new": new[:10],
        "new_more": max(0, len(new) - 10),
        "removed": removed[:10],
        "removed_more": max(0, len(removed) - 10),
        "changed": changed[:10],
        "changed_more": max(0, len(changed) - 10),
        "inputs": _t("inputs_changed", lang).format(n=len(c.inputs), c=len(c.checklist)),
    }


def executive_html(
    assessment: Assessment,
    library: Library,
    lang: str = "ja",
    previous: Assessment | None = None,
    *,
    date: dt.date | None = None,
) -> bytes:
    """The executive report as UTF-8 HTML bytes; ``previous`` adds what changed, ``date`` fixes the printed date."""
    lang = "ja" if lang == "ja" else "en"
    a, spec = assessment, assessment.spec
    country = library.countries.get(spec.project.host_country)
    fixes = pres.fixes_by_finding(rank_mitigations(a), lang)
    tops = []
    for f in pres.top_risks(a):
        planned = f.decision.justification if f.decision and f.decision.status.value == "mitigation_planned" else None
        swatch = pres.SEVERITY[f.severity]
        tops.append(
            {
                "title": f.title.get(lang),
                "id": f.id,
                "score": f.score,
                "sev": f.severity,
                "severity": Severity(f.severity).label(lang),
                "bg": swatch.colour,
                "fg": swatch.ink,
                "why": pres.why(f, lang),
                "precedents": [pres.precedent(c, lang) for c in f.precedents],
                "fixes": fixes.get(f.id, []),
                "planned": planned,
                "refs": ", ".join(f.refs),
                "l": f.likelihood_level,
                "i": f.impact_level,
            }
        )
    bars, bar_geometry = readiness_bars(a, lang)
    html = _template().render(
        lang=lang,
        t={k: _t(k, lang) for k in T},
        name=spec.project.name,
        facts=[
            (_t("deal_type", lang), DealType(spec.project.deal_type).label(lang)),
            (_t("host", lang), country.name.get(lang) if country else spec.project.host_country),
        ]
        + ([(_t("site", lang), spec.project.site_name)] if spec.project.site_name else [])
        + [(_t("date", lang), (date or dt.date.today()).isoformat())],
        grade=a.grade.grade,
        grade_label=a.grade.label.get(lang),
        missing=[m.get(lang) for m in a.missing],
        grade_colour=pres.grade_swatch(a.grade.grade).colour,
        grade_ink=pres.grade_swatch(a.grade.grade).ink,
        score=a.score,
        note=a.scoring.note.get(lang),
        summary=_t("counted_open", lang).format(n=len(a.findings), open=len(pres.pending(a))),
        matrix=matrix_rows(a, lang),
        legend=[{"label": s.label(lang), "bg": pres.SEVERITY[s.value].colour} for s in Severity],
        tops=tops,
        bars=bars,
        bar=bar_geometry,
        chart=timeline_chart(a, lang),
        stages=[
            {
                "name": p.name,
                "score": p.score,
                "grade": p.grade,
                "increase": p.increase,
                "drivers": [a.finding(d).title.get(lang) if a.finding(d) else d for d in p.drivers],
            }
            for p in a.timeline
        ],
        decisions=decision_rows(a, lang),
        changes=changes(a, previous, lang),
    )
    return html.encode("utf-8")
