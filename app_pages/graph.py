"""Risk graph: the project's parties and technologies left to right, coloured by risk, with the findings through a point."""

from __future__ import annotations

import streamlit as st

from model.format.vocab import Severity
from ui import core, graph_view, session
from ui.i18n import Translator, lang
from ui.strings import common
from ui.strings.graph import STRINGS
from ui.widgets import escape_md

tr = Translator(STRINGS, common.STRINGS)
L = lang()  # the page runs anew on every rerun, so this is the session's current language
PREFIX = "graph"
KINDS = ("us", "technology", "stage", "site", "equipment", "people", "partner", "competitors", "authority")
EDGES = (
    "holds",
    "ownership",
    "control",
    "jurisdiction",
    "competes",
    "disclosure",
    "employment",
    "access",
    "embodiment",
    "maintenance",
)


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_figure(key: str, language: str, _assessment):
    """The figure for one project content and language (plotly figures are costly to build at 100+ nodes)."""
    texts = {k: tr(k) for k in ("none", "score", "findings", "kind")}
    return graph_view.figure(
        _assessment.graph.g,
        _assessment.findings,
        language,
        texts,
        {e: tr(f"edge_{e}") for e in EDGES},
        {k: tr(f"kind_{k}") for k in KINDS},
    )


def findings_rows(assessment, node: str) -> list[dict]:
    graph = assessment.graph
    return [
        {
            tr("col_finding"): f.title.get(L),
            tr("col_severity"): Severity(f.severity).label(L),
            tr("col_score"): f.score,
            tr("col_channel"): f.channel.label(L),
            tr("col_path"): " → ".join(graph_view.node_label(graph.g, n, L) for n in f.path),
            tr("col_decision"): f.decision.status.label(L) if f.decision else tr("open"),
        }
        for f in graph_view.findings_through(assessment.findings, node)
    ]


st.title(tr("title"))
st.caption(tr("intro"))
draft, spec_key = session.require_draft(tr("no_project"))
result = core.assessment(draft, spec_key)
g = result.graph.g
st.caption(tr("counts", nodes=g.number_of_nodes(), edges=g.number_of_edges(), findings=len(result.findings)))
fig = cached_figure(spec_key, L, result)
st.plotly_chart(fig, config={"displaylogo": False}, key=f"{PREFIX}_chart")
if not graph_view.show_labels(graph_view.layered_layout(g)):
    st.caption(tr("large"))
st.caption(tr("score_note"))

risks = graph_view.node_risks(result.findings)
names = {n: graph_view.display_label(n, g.nodes[n], L) for n in g.nodes}
kinds = {k: tr(f"kind_{k}") for k in KINDS}
# Riskiest first, so the selector opens on the point that matters most.
nodes = sorted(g.nodes, key=lambda n: (-(risks[n].score if n in risks else -1), names[n], n))
labels = {
    n: f"{names[n]} ({kinds.get(g.nodes[n].get('kind'), g.nodes[n].get('kind'))}"
    + (f" · {risks[n].score:g}" if n in risks else "")
    + ")"
    for n in nodes
}
if st.session_state.get(f"{PREFIX}_node") not in labels:
    st.session_state.pop(f"{PREFIX}_node", None)  # another project is open: start from its riskiest point
picked = st.selectbox(
    tr("select"), nodes, format_func=lambda n: labels[n], help=tr("select_help"), key=f"{PREFIX}_node"
)
if picked is not None and picked in g:
    rows = findings_rows(result, picked)
    if rows:
        st.subheader(tr("findings_here", node=escape_md(names[picked]), n=len(rows)))
        st.dataframe(rows, hide_index=True, width="stretch", key=f"{PREFIX}_findings")
    else:
        st.info(tr("no_findings_here"))
