"""Strings shared by the app shell and several pages."""

STRINGS = {
    "app_title": ("海外技術移転リスクプランナー", "Overseas technology-transfer risk planner"),
    "language": ("言語 / Language", "Language / 言語"),
    "user": ("あなたの名前（履歴に記録）", "Your name (recorded in the history)"),
    "user_help": (
        "保存した版と判断の記録に残ります（自己申告です。チームで使うときはサインインを有効にしてください。README 参照）。",
        "Recorded with every saved version and decision. It is a declaration: for a team, switch sign-in "
        "on (see the README).",
    ),
    "project": ("案件", "Project"),
    "version": ("版 {n}", "version {n}"),
    "unsaved": ("未保存の変更があります", "Unsaved changes"),
    "saved": ("保存済み（版 {n}）", "Saved (version {n})"),
    "save": ("保存", "Save"),
    "save_comment": ("変更内容のメモ", "What changed"),
    "discard": ("変更を破棄", "Discard changes"),
    "saved_ok": ("版 {n} として保存しました。", "Saved as version {n}."),
    "nothing_to_save": ("変更はありません。", "Nothing has changed."),
    "no_projects": (
        "案件がまだありません。「案件の編集」で作成するか、YAML を取り込んでください。",
        "No projects yet. Create one in the project editor or import a YAML file.",
    ),
    "library_error": (
        "知識ライブラリに問題があります。管理者に連絡してください。",
        "The knowledge library has problems. Please tell the maintainer.",
    ),
    "store_error": ("保存先のデータベースを使えません。", "The workspace database cannot be used."),
    "group_exec": ("経営層", "Executives"),
    "group_plan": ("計画・交渉", "Planning"),
    "group_legal": ("法務", "Legal"),
    "group_work": ("作業", "Workspace"),
    "nav_dashboard": ("ダッシュボード", "Dashboard"),
    "nav_portfolio": ("案件一覧", "Portfolio"),
    "nav_editor": ("案件の編集", "Project editor"),
    "nav_disclosure": ("段階的開示の計画", "Disclosure planner"),
    "nav_governance": ("ガバナンスと撤退", "Governance and exit"),
    "nav_contract": ("契約レビュー", "Contract review"),
    "nav_findings": ("指摘と判断", "Findings and decisions"),
    "nav_graph": ("リスクグラフ", "Risk graph"),
    "nav_whatif": ("比較（What-if）", "What-if"),
    "nav_history": ("版の履歴", "History"),
    "score_note": ("スコアは優先順位付けのための相対値です。", "Scores are relative, for prioritising."),
    "conflict": ("保存できませんでした（競合）", "Not saved (conflict)"),
    "unsaved_switch": (
        "未保存の変更があるため、案件を切り替えませんでした。保存するか破棄してください。",
        "Unsaved changes: the project was not switched. Save or discard them first.",
    ),
    "not_saved_invalid": (
        "保存できませんでした。入力に問題があります（内容は下書きとして残しました）。",
        "Not saved: the project has problems (its content is kept as a draft).",
    ),
    "cannot_open": ("この案件の版を開けません。", "This version of the project cannot be opened."),
    "library_left_out": (
        "知識ライブラリの次のファイルに誤りがあるため、除外して動いています: {files}。"
        "除外した契約条項は評価とチェックリストに使われず、除外した国のプロファイルは国別の要素を「不明」として扱います。"
        "管理者に連絡してください。",
        "These knowledge-library files have errors and were left out: {files}. A left-out contract "
        "clause is not used in the assessment or the checklist; a left-out country profile makes that "
        "country's factors count as unknown. Please tell the maintainer.",
    ),
    "library_left_out_details": (
        "除外したファイルの問題（ファイル・項目・行）",
        "What is wrong in the left-out files (file, field, line)",
    ),
}
