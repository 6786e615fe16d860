"""Strings of the portfolio page (Japanese, English)."""

STRINGS = {
    "title": ("案件一覧", "Portfolio"),
    "intro": (
        "保存されているすべての案件を、リスクの高い順に並べています。行を選ぶとその案件を開きます。",
        "Every stored project, highest risk first. Select a row to open that project.",
    ),
    "none": ("保存されている案件はありません。", "No project is stored."),
    "show_archived": ("アーカイブした案件も表示", "Also show archived projects"),
    "loading": ("案件を評価しています…", "Assessing the projects…"),
    "col_name": ("案件", "Project"),
    "col_deal": ("取引形態", "Deal type"),
    "col_country": ("進出先", "Host country"),
    "col_score": ("スコア", "Score"),
    "col_grade": ("評価", "Rating"),
    "col_critical": ("重大", "Critical"),
    "col_high": ("高", "High"),
    "col_gaps": ("チェックリストの未対応", "Checklist gaps"),
    "col_version": ("最新の版", "Latest version"),
    "col_updated": ("更新日時", "Updated"),
    "col_archived": ("アーカイブ", "Archived"),
    "help_score": (
        "上位の指摘スコアの加重和（0〜100）。優先順位付けのための相対値です。",
        "Weighted sum of the highest finding scores (0–100); relative, for prioritising.",
    ),
    "help_critical": (
        "重大度が「重大」の指摘の数（スコアに算入されるもの）。",
        "Findings of critical severity (those counted in the score).",
    ),
    "help_high": (
        "重大度が「高」の指摘の数（スコアに算入されるもの）。",
        "Findings of high severity (those counted in the score).",
    ),
    "help_gaps": (
        "ガイダンスのチェックリストで「未対応」と判定された項目の数。",
        "Guidance checklist items judged a gap.",
    ),
    "chart": ("案件ごとのスコア", "Score per project"),
    "chart_note": ("色は評価。破線は評価の境目。", "Colours show the rating; dashed lines mark the rating bands."),
    "score": ("スコア", "Score"),
    "pick": ("開く案件", "Project to open"),
    "open": ("この案件を開く", "Open this project"),
    "opened": ("「{name}」を開きました。", "Opened '{name}'."),
    "current": ("現在開いている案件です。", "This is the project you have open."),
    "to_dashboard": ("ダッシュボードを見る", "Go to the dashboard"),
    "dirty": (
        "未保存の変更があるため、別の案件は開けません。サイドバーで保存するか破棄してください。",
        "You have unsaved changes, so another project cannot be opened. Save or discard them in the sidebar.",
    ),
    "unreadable": (
        "読み込めない案件があります（今のライブラリでは検証に失敗します）: {ids}",
        "Some projects cannot be read (they fail validation against the current library): {ids}",
    ),
}
