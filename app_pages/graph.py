"""Page placeholder: graph (being built)."""

import streamlit as st

st.title("graph")
