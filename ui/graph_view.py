"""The risk graph as a picture: a deterministic left-to-right layered layout and its plotly figure (pure functions)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import plotly.graph_objects as go

from model.engine.assess import SEVERITY_ORDER
from model.format.vocab import PeopleKind, Severity
from model.report.presentation import SEVERITY
from ui.charts import plot_text as plain  # Plotly's one text escaping; "plain" is the name this module's callers use
from ui.strings.graph import STRINGS

# Columns from left to right, so a reader follows the leak: our company → technologies → (stages) → site →
# equipment / people / partners → the unintended holders. Several kinds share the "partners/people/equipment"
# band but get their own column so a large band does not turn into one unreadable stack.
COLUMN_OF_KIND: dict[str, int] = {
    "us": 0,
    "technology": 1,
    "stage": 2,
    "site": 3,
    "equipment": 4,
    "people": 5,
    "partner": 6,
    "competitors": 7,
    "authority": 7,
}
UNKNOWN_COLUMN = 6

NO_FINDING_COLOUR = "#b0bec5"
EDGE_COLOUR = "#90a4ae"
FONT_FAMILY = "Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"

# Beyond these sizes labels would collide: the picture then shows hover text only.
MAX_LABELLED_NODES = 60
MAX_LABELLED_COLUMN = 18
LABEL_CHARS = 12


@dataclass(frozen=True, slots=True)
class NodeRisk:
    """The worst finding whose path passes through a node."""

    score: float
    severity: str
    count: int


def display_label(node: str, attrs: Mapping, lang: str) -> str:
    """A node's label in a language: the name the project gives it, else words for what it is (our company, the
    local site, the competitors, the host country's authorities, a kind of people), else its id."""
    if name := attrs.get("name"):
        return str(name)
    kind = attrs.get("kind")
    if kind == "people" and attrs.get("kind_of_people"):
        return PeopleKind(attrs["kind_of_people"]).label(lang)
    words = STRINGS.get(f"node_{kind}")
    if words is not None:
        text = words[0 if lang == "ja" else 1]
        return text.format(country=attrs.get("country") or attrs.get("id") or "") if kind == "authority" else text
    return str(attrs.get("id") or node)


def node_label(g: nx.MultiDiGraph, node: str, lang: str) -> str:
    """The label of a node key, also for a key the graph does not have (shown as it is)."""
    return display_label(node, g.nodes[node], lang) if node in g else node


def short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_risks(findings: Iterable) -> dict[str, NodeRisk]:
    """For every node on some finding's path: the highest score and its severity, and how many findings touch it."""
    out: dict[str, NodeRisk] = {}
    for f in findings:
        for node in dict.fromkeys(f.path):  # a path could name a node twice; count the finding once
            old = out.get(node)
            if old is None:
                out[node] = NodeRisk(f.score, f.severity, 1)
            elif (f.score, SEVERITY_ORDER[f.severity]) > (old.score, SEVERITY_ORDER[old.severity]):
                out[node] = NodeRisk(f.score, f.severity, old.count + 1)
            else:
                out[node] = NodeRisk(old.score, old.severity, old.count + 1)
    return out


def findings_through(findings: Iterable, node: str) -> list:
    """The findings whose path includes the node, highest score first."""
    return sorted((f for f in findings if node in f.path), key=lambda f: (-f.score, f.id))


def layered_layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """x = the node kind's column, y spread evenly in (0, 1); ordered to cut edge crossings; fully deterministic.

    Within a column nodes are sorted by the mean position of their neighbours in the columns to the left
    (a barycentre sweep), ties broken by kind and label and key, so the same graph always gets the same picture.
    """
    columns: dict[int, list[str]] = {}
    for node, attrs in g.nodes(data=True):
        columns.setdefault(COLUMN_OF_KIND.get(attrs.get("kind"), UNKNOWN_COLUMN), []).append(node)
    used = sorted(columns)
    x_of = {col: i for i, col in enumerate(used)}  # compact: no gaps for kinds the project does not have
    neighbours: dict[str, set[str]] = {n: set() for n in g.nodes}
    for a, b in g.edges():
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    y: dict[str, float] = {}
    pos: dict[str, tuple[float, float]] = {}

    def tie(n: str) -> tuple:
        attrs = g.nodes[n]
        # the Japanese label in either language: the picture must not change with the language
        return (str(attrs.get("kind", "")), int(attrs.get("index", 0) or 0), display_label(n, attrs, "ja"), n)

    for col in used:
        nodes = columns[col]
        placed: dict[str, float] = {}
        for n in nodes:
            left = sorted(y[m] for m in neighbours[n] if m in y)  # sorted: the float sum must not depend on set order
            placed[n] = round(sum(left) / len(left), 9) if left else -1.0  # no left neighbour: to the bottom
        # Top to bottom by the height of their neighbours on the left; stages keep their plan order.
        ordered = sorted(nodes, key=lambda n: (0.0 if g.nodes[n].get("kind") == "stage" else -placed[n], tie(n)))
        count = len(ordered)
        for i, n in enumerate(ordered):
            yy = 1 - (i + 1) / (count + 1)  # top to bottom, centred
            y[n] = yy
            pos[n] = (float(x_of[col]), yy)
    return pos


def edge_segments(g: nx.MultiDiGraph, pos: Mapping[str, tuple[float, float]]) -> dict[str, tuple[list, list]]:
    """Line coordinates per edge kind (None separates segments), each pair of nodes drawn once per kind."""
    out: dict[str, tuple[list, list]] = {}
    seen: set[tuple[str, str, str]] = set()
    for a, b, data in sorted(g.edges(data=True), key=lambda e: (str(e[2].get("kind")), e[0], e[1])):
        kind = str(data.get("kind", "other"))
        if (a, b, kind) in seen or a == b:
            continue
        seen.add((a, b, kind))
        xs, ys = out.setdefault(kind, ([], []))
        xs.extend([pos[a][0], pos[b][0], None])
        ys.extend([pos[a][1], pos[b][1], None])
    return out


def max_column(pos: Mapping[str, tuple[float, float]]) -> int:
    counts: dict[float, int] = {}
    for x, _ in pos.values():
        counts[x] = counts.get(x, 0) + 1
    return max(counts.values(), default=0)


def show_labels(pos: Mapping[str, tuple[float, float]]) -> bool:
    return len(pos) <= MAX_LABELLED_NODES and max_column(pos) <= MAX_LABELLED_COLUMN


def figure(
    g: nx.MultiDiGraph,
    findings: Sequence,
    lang: str,
    texts: Mapping[str, str],
    edge_names: Mapping[str, str],
    kind_names: Mapping[str, str],
) -> go.Figure:
    """The graph as a plotly figure: one line trace per edge kind, one marker trace per severity (the legend).

    ``texts`` holds the translated words the figure needs ("none" for nodes no finding touches, "score",
    "findings", "kind"); ``edge_names`` and ``kind_names`` translate edge and node kinds.
    """
    pos = layered_layout(g)
    risks = node_risks(findings)
    labelled = show_labels(pos)
    fig = go.Figure()
    for kind, (xs, ys) in edge_segments(g, pos).items():
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                name=edge_names.get(kind, kind),
                line={"width": 1, "color": EDGE_COLOUR},
                opacity=0.6,
            )
        )
    groups: dict[str, list[str]] = {}
    for node in sorted(g.nodes):
        risk = risks.get(node)
        groups.setdefault(risk.severity if risk else "none", []).append(node)
    colours = {sev: swatch.colour for sev, swatch in SEVERITY.items()}
    for sev in ["critical", "high", "medium", "low", "none"]:
        nodes = groups.get(sev)
        if not nodes:
            continue
        labels = [display_label(n, g.nodes[n], lang) for n in nodes]
        hover = []
        for n, label in zip(nodes, labels, strict=True):
            risk = risks.get(n)
            kind = kind_names.get(g.nodes[n].get("kind", ""), g.nodes[n].get("kind", ""))
            line = f"{plain(label)}<br>{texts['kind']}: {kind}"
            if risk:
                line += f"<br>{texts['score']}: {risk.score:g}<br>{texts['findings']}: {risk.count}"
            hover.append(line)
        name = texts["none"] if sev == "none" else Severity(sev).label(lang)
        fig.add_trace(
            go.Scatter(
                x=[pos[n][0] for n in nodes],
                y=[pos[n][1] for n in nodes],
                mode="markers+text" if labelled else "markers",
                text=[plain(short(label)) for label in labels] if labelled else None,
                textposition="bottom center",
                textfont={"size": 11},
                hovertext=hover,
                hoverinfo="text",
                name=name,
                marker={
                    "size": 16 if labelled else 10,
                    "color": colours.get(sev, NO_FINDING_COLOUR),
                    "line": {"width": 1, "color": "#37474f"},
                },
                customdata=nodes,
            )
        )
    height = max(420, min(2400, (60 if labelled else 16) * max_column(pos) + 120))
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        hovermode="closest",
        font={"family": FONT_FAMILY},
        plot_bgcolor="white",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        xaxis={"showgrid": False, "zeroline": False, "showticklabels": False, "fixedrange": False},
        yaxis={"showgrid": False, "zeroline": False, "showticklabels": False, "range": [-0.05, 1.05]},
    )
    return fig
