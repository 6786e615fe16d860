"""Page placeholder: dashboard (being built)."""

import streamlit as st

st.title("dashboard")
