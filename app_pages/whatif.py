"""Page placeholder: whatif (being built)."""

import streamlit as st

st.title("whatif")
