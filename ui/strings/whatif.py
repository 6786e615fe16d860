"""Strings of the what-if page."""

STRINGS = {
    "title": ("比較（What-if）", "What-if"),
    "intro": (
        "作業中の案件の写し（案）を作り、条件をいくつか変えて、リスクがどう変わるかを並べて比べます。"
        "案は作業中の案件には影響しません。よければ「案を採用」で作業中の案件に置き換えられます。",
        "Make a copy of the working project (a variant), change a few things and compare the risk side by side. "
        "The variant does not touch the working project; adopt it if you like it.",
    ),
    "no_project": (
        "案件が開かれていません。サイドバーで案件を選ぶか、「案件の編集」で作成してください。",
        "No project is open. Pick one in the sidebar or create one in the project editor.",
    ),
    "reset": ("作業中の案件から案を作り直す", "Start the variant again from the working project"),
    "reset_done": ("案を作業中の案件から作り直しました。", "The variant was started again from the working project."),
    "stale": (
        "この案を作った後で作業中の案件が変わっています。最新の内容で比べるには、案を作り直してください。",
        "The working project has changed since this variant was made. Start the variant again to compare "
        "with the latest content.",
    ),
    "levers": ("案を変える", "Change the variant"),
    "levers_help": (
        "それぞれの「案に反映」を押すと、その変更だけを案に加えます。変更は積み重なります。",
        "Each 'Apply to the variant' adds just that change; changes add up.",
    ),
    "apply": ("案に反映", "Apply to the variant"),
    "invalid": ("この変更は案に反映できません。", "This change cannot be applied to the variant."),
    "applied": ("案に反映しました。", "Applied to the variant."),
    "lever_equity": ("当社の出資比率（%）", "Our equity (%)"),
    "lever_equity_help": (
        "相手方の出資は、最も大きい相手方から順にその分だけ増減します。当社の株式は議決権ありとして扱います。",
        "The partners' equity moves the other way, the largest partner first. Our shares count as voting shares.",
    ),
    "votes_now": (
        "いまの当社の議決権比率: {share}%（無議決権株式を除いて計算）",
        "Our share of the votes now: {share} % (non-voting shares left out)",
    ),
    "lever_equity_impossible": (
        "相手方の出資が足りないため、この比率にはできません。",
        "The partners do not hold enough equity to reach this share.",
    ),
    "lever_seats": ("当社の取締役の人数", "Our board seats"),
    "lever_remove": ("段階から技術を外す", "Keep a technology out of a stage"),
    "lever_remove_pick": ("段階と技術", "Stage and technology"),
    "lever_lower": ("開示レベルを下げる", "Lower a disclosure level"),
    "lever_lower_pick": ("開示項目", "Disclosure item"),
    "lever_lower_level": ("新しい開示レベル", "New level"),
    "lever_lower_not_lower": ("今より低い開示レベルを選んでください。", "Pick a level below the current one."),
    "lever_clause": ("契約条項を「規定あり」にする", "Set a contract clause to present"),
    "lever_measure": ("対策を「実施済み」にする", "Set a measure to in place"),
    "lever_deal": ("取引形態を変える", "Change the deal type"),
    "nothing_to_pick": ("選べる項目がありません。", "Nothing to choose from."),
    "not_jv_lever": (
        "出資比率と取締役は合弁会社の場合だけ評価されます。",
        "Equity and board seats are only assessed for joint ventures.",
    ),
    "compare": ("比較", "Comparison"),
    "working": ("作業中の案件", "Working project"),
    "variant": ("案", "Variant"),
    "score": ("案件スコア", "Project score"),
    "grade": ("評価: {grade}（{label}）", "Grade: {grade} ({label})"),
    "delta_note": (
        "差は「案 − 作業中の案件」です。マイナスはリスクが下がることを表します。スコアは優先順位付けのための相対値です。",
        "The change is variant minus working project; a negative number means less risk. Scores are "
        "relative, for prioritising.",
    ),
    "inputs": ("違う入力", "Inputs that differ"),
    "no_inputs": (
        "案と作業中の案件の入力は同じです。左の「案を変える」で条件を変えてください。",
        "The variant's inputs are the same as the working project's. Change something on the left.",
    ),
    "col_field": ("項目", "Field"),
    "col_before": ("作業中の案件", "Working project"),
    "col_after": ("案", "Variant"),
    "findings": ("スコアが変わる指摘", "Findings whose score changes"),
    "no_findings": ("指摘のスコアは変わりません。", "No finding's score changes."),
    "col_finding": ("指摘", "Finding"),
    "col_delta": ("差", "Change"),
    "col_sev_before": ("重大度（作業中）", "Severity (working)"),
    "col_sev_after": ("重大度（案）", "Severity (variant)"),
    "gone": ("（なくなる）", "(gone)"),
    "new": ("（新たに生じる）", "(new)"),
    "checklist": ("状態が変わるチェック項目", "Checklist items that change"),
    "no_checklist": ("チェックリストの状態は変わりません。", "No checklist item changes."),
    "col_item": ("項目", "Item"),
    "col_phase": ("段階", "Phase"),
    "adopt": ("案を採用（作業中の案件を置き換える）", "Adopt the variant (replace the working project)"),
    "adopt_warning": (
        "採用すると、作業中の案件の内容が案に置き換わります。保存していない変更も置き換わります。"
        "保存はサイドバーから行ってください。",
        "Adopting replaces the working project with the variant, including any unsaved edits. Save from "
        "the sidebar afterwards.",
    ),
    "adopt_confirm": (
        "作業中の案件を案で置き換えることを確認しました",
        "I understand the working project will be replaced",
    ),
    "adopted": (
        "案を作業中の案件として採用しました。サイドバーから保存できます。",
        "The variant is now the working project. Save it from the sidebar.",
    ),
    "us": ("当社", "Us"),
    "site": ("現地拠点", "The local site"),
}
