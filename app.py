"""Streamlit entry point: the router and the shared sidebar (language switch)."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t

st.set_page_config(page_title="ttplan", layout="wide")

with st.sidebar:
    st.radio(t("language"), options=["ja", "en"], key="lang", horizontal=True,
             format_func=lambda code: "日本語" if code == "ja" else "English")

pages = [st.Page("app_pages/overview.py", title=t("nav_overview"), default=True)]
st.navigation(pages).run()
