"""Projects page: the built-in example projects and whether each file is valid."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from model import api
from ui.core import library_or_error
from ui.i18n import lang, t

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

st.title(t("app_title"))
st.caption(t("overview_intro"))

lib, error = library_or_error()
if error is not None:
    st.error(t("library_error"))
    st.code(error.report(lang()), language=None)
    st.stop()

st.caption(t("library_summary", clauses=len(lib.clauses), countries=len(lib.countries), items=len(lib.checklist)))

files = sorted(EXAMPLES.glob("*.yaml"))
if not files:
    st.info(t("no_examples"))
    st.stop()

rows, details = [], []
for file in files:
    spec, problems = api.validate_file(file, lib)
    rows.append({
        t("col_file"): file.name,
        t("col_name"): spec.project.name if spec else "—",
        t("col_deal"): spec.project.deal_type.label(lang()) if spec else "—",
        t("col_country"): spec.project.host_country if spec else "—",
        t("col_status"): (t("valid") if spec else t("invalid"))
        + (f" ({t('warnings')} {len(problems)})" if spec and problems else ""),
    })
    if problems:
        details.append((file.name, problems))

st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
for name, problems in details:
    with st.expander(t("problems_of", file=name)):
        # st.text never interprets markup: messages can echo what a user typed.
        st.text("\n".join(p.format(lang()) for p in problems))
