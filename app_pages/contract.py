"""Page placeholder: contract (being built)."""

import streamlit as st

st.title("contract")
