"""Streamlit-only helpers: translations, cached wrappers around the core."""
