"""Page placeholder: governance (being built)."""

import streamlit as st

st.title("governance")
