"""UI strings in Japanese (default) and English, and the current language of the session."""

from __future__ import annotations

import streamlit as st

STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("海外技術移転リスクプランナー", "Overseas technology-transfer risk planner"),
    "language": ("言語 / Language", "Language / 言語"),
    "nav_overview": ("案件一覧", "Projects"),
    "overview_intro": (
        "組み込みの案件例を検証した結果です。リスク評価・チェックリスト・編集画面は順次追加されます。",
        "The built-in example projects, as validated. Risk assessment, checklists and editing are being added.",
    ),
    "col_file": ("ファイル", "File"),
    "col_name": ("案件名", "Project"),
    "col_deal": ("形態", "Deal type"),
    "col_country": ("相手国", "Host country"),
    "col_status": ("検証結果", "Validation"),
    "valid": ("問題なし", "Valid"),
    "invalid": ("エラーあり", "Has errors"),
    "warnings": ("警告", "Warnings"),
    "problems_of": ("{file} の指摘事項", "Problems in {file}"),
    "library_error": ("知識ライブラリに問題があります。管理者に連絡してください。",
                      "The knowledge library has problems. Please tell the maintainer."),
    "library_summary": ("ライブラリ: 契約条項 {clauses} 件、国別プロファイル {countries} 件、チェック項目 {items} 件",
                        "Library: {clauses} contract clauses, {countries} country profiles, {items} checklist items"),
    "no_examples": ("案件例が見つかりません。", "No example projects found."),
}


def lang() -> str:
    return st.session_state.get("lang", "ja")


def t(key: str, **params: object) -> str:
    ja, en = STRINGS[key]
    text = ja if lang() == "ja" else en
    return text.format(**params) if params else text
