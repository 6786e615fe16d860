"""Page placeholder: editor (being built)."""

import streamlit as st

st.title("editor")
