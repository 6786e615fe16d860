"""Plotly figure builders shared by the pages: pure functions from assessment data to go.Figure, local only."""

from __future__ import annotations

import html
from collections.abc import Sequence

import plotly.graph_objects as go

from model.engine.assess import SEVERITY_ORDER, Assessment, Finding, StagePoint
from model.format.vocab import ChecklistStatus, LeakChannel, Severity
from model.report.presentation import (
    CHECKLIST_STATUS,
    READINESS_ORDER,
    SEVERITY,
    ReadinessGroup,
    grade_swatch,
    matrix_counts,
)

#: Passed to every st.plotly_chart: no Plotly logo link, no "edit in Chart Studio" (nothing leaves the machine).
CONFIG = {"displaylogo": False, "showLink": False, "modeBarButtonsToRemove": ["sendDataToCloud", "select2d", "lasso2d"]}

_FONT = dict(family="Hiragino Sans, Yu Gothic, Meiryo, Noto Sans CJK JP, sans-serif", size=13)


def plot_text(text: object) -> str:
    """User text made inert for Plotly: its labels understand a few HTML tags (links among them) and "$…$" as
    LaTeX, so tags are escaped and the dollar sign replaced by its full-width form."""
    return html.escape(str(text), quote=False).replace("$", "＄")


def _layout(fig: go.Figure, height: int, **extra) -> go.Figure:
    fig.update_layout(
        height=height,
        margin=dict(l=10, r=10, t=30, b=10),
        font=_FONT,
        paper_bgcolor="white",
        plot_bgcolor="white",
        **extra,
    )
    return fig


# --------------------------------------------------------------------------- the rating


def grade_tile(grade: str) -> go.Figure:
    """The grade letter on a square of its colour (Markdown colours are too pale to carry the rating)."""
    swatch = grade_swatch(grade)
    fig = go.Figure()
    fig.add_shape(type="rect", x0=0, y0=0, x1=1, y1=1, fillcolor=swatch.colour, line_width=0, layer="below")
    fig.add_annotation(
        x=0.5, y=0.5, text=f"<b>{plot_text(grade)}</b>", showarrow=False, font=dict(size=56, color=swatch.ink)
    )
    fig.update_xaxes(visible=False, range=[0, 1], fixedrange=True)
    fig.update_yaxes(visible=False, range=[0, 1], fixedrange=True)
    fig.update_layout(
        height=110,
        width=110,
        margin=dict(l=0, r=0, t=0, b=0),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
    )
    return fig


# --------------------------------------------------------------------------- likelihood × impact matrix


def risk_matrix(
    assessment: Assessment, lang: str, *, likelihood_title: str, impact_title: str, count_label: str
) -> go.Figure:
    """The 5×5 matrix: each cell coloured by the severity the scoring model gives it, with its finding count."""
    counts = matrix_counts(assessment.findings)
    levels = list(range(1, 6))
    z, text, hover = [], [], []
    for likelihood in levels:
        z_row, t_row, h_row = [], [], []
        for impact in levels:
            severity = assessment.scoring.matrix[likelihood - 1][impact - 1]
            n = counts.get((likelihood, impact), 0)
            z_row.append(SEVERITY_ORDER[severity])
            t_row.append(str(n) if n else "")
            h_row.append(
                f"{likelihood_title} {likelihood} × {impact_title} {impact}<br>"
                f"{Severity(severity).label(lang)}<br>{count_label}: {n}"
            )
        z.append(z_row)
        text.append(t_row)
        hover.append(h_row)
    # A stepped colour scale: each severity index 0–3 gets exactly its own colour.
    scale = []
    for sev, i in SEVERITY_ORDER.items():
        scale += [[i / 4, SEVERITY[sev].colour], [(i + 1) / 4, SEVERITY[sev].colour]]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=levels,
            y=levels,
            text=text,
            texttemplate="%{text}",
            hovertext=hover,
            hoverinfo="text",
            colorscale=scale,
            zmin=-0.5,
            zmax=3.5,
            showscale=False,
            xgap=3,
            ygap=3,
            textfont=dict(size=18, color="white"),
        )
    )
    # A legend of the four severities (invisible markers, one per colour).
    for sev in SEVERITY_ORDER:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=Severity(sev).label(lang),
                marker=dict(size=12, symbol="square", color=SEVERITY[sev].colour),
            )
        )
    fig.update_xaxes(
        title_text=impact_title,
        tickmode="array",
        tickvals=levels,
        showgrid=False,
        zeroline=False,
        range=[0.5, 5.5],
        fixedrange=True,
    )
    fig.update_yaxes(
        title_text=likelihood_title,
        tickmode="array",
        tickvals=levels,
        showgrid=False,
        zeroline=False,
        range=[0.5, 5.5],
        fixedrange=True,
        scaleanchor="x",
    )
    return _layout(fig, 380, legend=dict(orientation="h", y=-0.2), showlegend=True)


# --------------------------------------------------------------------------- readiness per phase


def readiness_bars(groups: Sequence[ReadinessGroup], lang: str, *, count_title: str) -> go.Figure:
    """One horizontal stacked bar per readiness group (presentation.readiness_groups: chapter 1 per phase, then
    chapter 2): how many checklist items are met, partly met, gaps, unknown, n/a."""
    labels = [g.label(lang) for g in groups]
    fig = go.Figure()
    for status in READINESS_ORDER:
        values = [g.counts[status] for g in groups]
        name = ChecklistStatus(status).label(lang)
        fig.add_trace(
            go.Bar(
                y=labels,
                x=values,
                name=name,
                orientation="h",
                marker_color=CHECKLIST_STATUS[status].colour,
                text=[str(v) if v else "" for v in values],
                textposition="inside",
                hovertemplate=f"%{{y}}<br>{name}: %{{x}}<extra></extra>",
            )
        )
    fig.update_yaxes(autorange="reversed", fixedrange=True)
    fig.update_xaxes(title_text=count_title, fixedrange=True)
    fig = _layout(
        fig,
        90 + 40 * max(1, len(groups)),
        barmode="stack",
        legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0, traceorder="normal"),
    )
    fig.update_layout(margin=dict(t=40))
    return fig


# --------------------------------------------------------------------------- risk by channel


def channel_scores(findings: Sequence[Finding]) -> list[tuple[LeakChannel, float, str, int]]:
    """Per leak channel with findings: the highest counted score, its severity and how many findings; highest first."""
    best: dict[LeakChannel, tuple[float, str, int]] = {}
    for f in findings:
        if not f.counted:
            continue
        score, sev, n = best.get(f.channel, (-1.0, "low", 0))
        if f.score > score:
            score, sev = f.score, f.severity
        best[f.channel] = (score, sev, n + 1)
    rows = [(c, s, sev, n) for c, (s, sev, n) in best.items()]
    rows.sort(key=lambda r: (-r[1], r[0].value))
    return rows


def channel_bars(findings: Sequence[Finding], lang: str, *, score_title: str, count_label: str) -> go.Figure:
    """Horizontal bars: the highest finding score of each leak channel, coloured by that finding's severity."""
    rows = channel_scores(findings)
    labels = [c.label(lang) for c, *_ in rows]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=[s for _, s, _, _ in rows],
            orientation="h",
            marker_color=[SEVERITY[sev].colour for _, _, sev, _ in rows],
            text=[f"{s:.1f}" for _, s, _, _ in rows],
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                f"{c.label(lang)}<br>{score_title}: {s:.1f} ({Severity(sev).label(lang)})<br>{count_label}: {n}"
                for c, s, sev, n in rows
            ],
            hoverinfo="text",
        )
    )
    fig.update_yaxes(autorange="reversed", fixedrange=True)
    top = max((s for _, s, _, _ in rows), default=10.0)
    fig.update_xaxes(title_text=score_title, range=[0, max(10.0, top * 1.2)], fixedrange=True)
    return _layout(fig, 70 + 30 * max(1, len(rows)), showlegend=False)


# --------------------------------------------------------------------------- stage timeline


def largest_jump(timeline: Sequence[StagePoint]) -> StagePoint | None:
    """The stage that raises the project score most (the first one on ties); None when no stage raises it."""
    best = max(timeline, key=lambda p: (p.increase, -p.index), default=None)
    return best if best is not None and best.increase > 0 else None


def stage_timeline(assessment: Assessment, lang: str, *, score_title: str, jump_label: str) -> go.Figure:
    """The project score once each disclosure stage has happened; the stage that adds most is marked, grade
    bands are dashed lines."""
    points = assessment.timeline
    names = [f"{p.index + 1}. {plot_text(p.name)}" for p in points]
    scores = [p.score for p in points]
    fig = go.Figure(
        go.Scatter(
            x=names,
            y=scores,
            mode="lines+markers+text",
            line=dict(color="#1f2933", width=2),
            marker=dict(
                size=14, color=[grade_swatch(p.grade).colour for p in points], line=dict(width=1, color="white")
            ),
            text=[f"{p.score:.1f} ({p.grade})" for p in points],
            textposition="top center",
            hovertext=[
                f"{n}<br>{score_title}: {p.score:.1f} ({p.grade}), +{p.increase:.1f}"
                for n, p in zip(names, points, strict=True)
            ],
            hoverinfo="text",
            showlegend=False,
        )
    )
    peak = max(scores, default=0.0)
    y_max = min(100.0, max(20.0, (int(peak / 10) + 2) * 10))
    for g in assessment.scoring.grades:
        if 0 < g.min_score < y_max:
            fig.add_hline(
                y=g.min_score,
                line_dash="dash",
                line_color="#9aa0a6",
                line_width=1,
                annotation_text=f"{g.grade} ≥ {g.min_score:g}",
                annotation_position="right",
                annotation_font_size=10,
                annotation_font_color="#5f6b76",
            )
    jump = largest_jump(points)
    if jump is not None:
        fig.add_annotation(
            x=names[jump.index],
            y=jump.score,
            text=f"{jump_label} +{jump.increase:.1f}",
            showarrow=True,
            arrowhead=2,
            ax=40,
            ay=-56,
            font=dict(color="#c62828", size=12),
            arrowcolor="#c62828",
        )
    fig.update_yaxes(title_text=score_title, range=[0, y_max], fixedrange=True)
    # Half a category of room either side, so the first and last stages are not cut at the edges.
    fig.update_xaxes(fixedrange=True, range=[-0.5, len(points) - 0.5])
    fig = _layout(fig, 340)
    fig.update_layout(margin=dict(r=60))
    return fig


# --------------------------------------------------------------------------- portfolio


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def score_bars(
    names: Sequence[str], scores: Sequence[float], grades: Sequence[str], bands, *, score_title: str
) -> go.Figure:
    """One horizontal bar per project (names are long), coloured by its grade; grade bands as dashed lines."""
    # Numbered labels stay distinct when two projects share a (shortened) name; the full name is in the hover.
    labels = [f"{i}. {plot_text(_short(n))}" for i, n in enumerate(names, start=1)]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=list(scores),
            orientation="h",
            marker_color=[grade_swatch(g).colour for g in grades],
            text=[f"{s:.1f} ({g})" for s, g in zip(scores, grades, strict=True)],
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                f"{plot_text(n)}<br>{score_title}: {s:.1f} ({g})" for n, s, g in zip(names, scores, grades, strict=True)
            ],
            hoverinfo="text",
        )
    )
    peak = max(scores, default=0.0)
    x_max = min(100.0, max(20.0, (int(peak / 10) + 2) * 10))
    for g in bands:
        if 0 < g.min_score < x_max:
            fig.add_vline(
                x=g.min_score,
                line_dash="dash",
                line_color="#9aa0a6",
                line_width=1,
                annotation_text=f"{g.grade} ≥ {g.min_score:g}",
                annotation_position="top",
                annotation_font_size=10,
                annotation_font_color="#5f6b76",
            )
    fig.update_xaxes(title_text=score_title, range=[0, x_max], fixedrange=True)
    fig.update_yaxes(autorange="reversed", fixedrange=True)
    fig = _layout(fig, 110 + 36 * max(1, len(labels)), showlegend=False)
    fig.update_layout(margin=dict(t=40))
    return fig
