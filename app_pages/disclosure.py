"""Page placeholder: disclosure (being built)."""

import streamlit as st

st.title("disclosure")
