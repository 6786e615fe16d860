"""Page placeholder: findings (being built)."""

import streamlit as st

st.title("findings")
