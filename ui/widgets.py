"""Small Streamlit building blocks shared by pages: safe text, labelled choices, problem lists."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from model.format.problems import Problem
from model.format.vocab import Vocab
from model.report.presentation import escape_md as escape_md  # the one Markdown escaping, re-exported for the pages
from ui.i18n import lang


def choice(
    label: str,
    vocab: type[Vocab],
    value: Vocab | None,
    key: str,
    *,
    optional: bool = True,
    options: Sequence[Vocab] | None = None,
    disabled: bool = False,
    on_change=None,
    args: tuple | None = None,
) -> Vocab | None:
    """A selectbox over a vocabulary, showing labels in the session's language and the meanings as help."""
    members: list[Vocab | None] = list(options if options is not None else vocab)
    if optional:
        members = [None, *members]
    code = lang()  # fixed now: format_func may be called outside the script run (e.g. by AppTest)
    help_text = "\n\n".join(
        f"**{m.label(code)}**: {m.description(code)}" for m in members if m is not None and m.description(code)
    )
    unknown = "（未入力・不明）" if code == "ja" else "(not known yet)"
    return st.selectbox(
        label,
        members,
        index=members.index(value) if value in members else 0,
        key=key,
        format_func=lambda m: unknown if m is None else m.label(code),
        help=help_text or None,
        disabled=disabled,
        on_change=on_change,
        args=args,
    )


def show_problems(problems: Sequence[Problem], title: str | None = None) -> None:
    """Problems as plain text (they can echo what the user typed)."""
    if not problems:
        return
    errors = [p for p in problems if p.severity == "error"]
    box = st.error if errors else st.warning
    with st.container():
        box(title or ("入力に問題があります" if lang() == "ja" else "Please check these entries"))
        st.text("\n".join(p.format(lang()) for p in problems))
