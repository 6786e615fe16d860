"""Page placeholder: portfolio (being built)."""

import streamlit as st

st.title("portfolio")
