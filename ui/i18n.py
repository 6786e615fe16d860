"""UI text in Japanese (default) and English: one table per page module, and the session's language."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

Table = Mapping[str, tuple[str, str]]


def lang() -> str:
    return st.session_state.get("lang", "ja")


class Translator:
    """``tr("key", n=3)`` looks up a (ja, en) pair and fills in the parameters."""

    def __init__(self, *tables: Table):
        self.table: dict[str, tuple[str, str]] = {}
        for table in tables:
            self.table.update(table)

    def __call__(self, key: str, **params: object) -> str:
        ja, en = self.table[key]
        text = ja if lang() == "ja" else en
        return text.format(**params) if params else text


def bilingual(pair) -> str:
    """Pick the session's language from anything with ``.get(lang)`` (library text, Msg)."""
    return pair.get(lang())
