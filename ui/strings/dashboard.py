"""Strings of the executive dashboard (Japanese, English)."""

STRINGS = {
    "missing": (
        "まだ評価できません。次の情報を案件に記入してください（記入がないことは安全を意味しません）:",
        "This project cannot be judged yet. Add the following (what is not said is not safe):",
    ),
    "title": ("ダッシュボード", "Dashboard"),
    "no_project": (
        "表示する案件がありません。「案件の編集」で作成するか、YAML を取り込んでください。",
        "There is no project to show. Create one in the project editor or import a YAML file.",
    ),
    "facts": ("取引形態: {deal} ・ 進出先: {country}", "Deal type: {deal} · Host country: {country}"),
    "site": ("拠点: {site}", "Site: {site}"),
    "unsaved_note": (
        "未保存の変更を含む作業中の内容を表示しています。",
        "This shows the working copy, including unsaved changes.",
    ),
    # rating
    "rating": ("総合評価", "Overall rating"),
    "score": ("スコア", "Score"),
    "score_value": ("{score} / 100", "{score} / 100"),
    "score_help": (
        "上位の指摘スコアの加重和（0〜100）。高いほどリスクが高い。",
        "Weighted sum of the highest finding scores (0–100). Higher means more risk.",
    ),
    "findings_count": ("指摘 {n}件（うち判断待ち {open}件）", "{n} findings ({open} awaiting a decision)"),
    "how_title": ("スコアの計算方法", "How the score is made"),
    "how_finding": (
        "**指摘ごと**: 漏えい経路 × 技術ごとに、発生可能性 = 露出（何を・どの水準で・どう渡すか）× 脅威（相手先と進出先の事実、"
        "それぞれの重み）× 対策の残り（推奨される条項・対策がどれだけ実施されているか）。影響度 = 技術の重要度"
        "（市場価値、追いつくまでの年数、代替困難性、投資額、輸出規制）。指摘のスコア = 100 × 発生可能性 × 影響度。",
        "**Each finding** (one per leak channel and technology): likelihood = exposure (what is handed over, at which "
        "level, by which method) × threat (facts about the recipient and the host country, each with its weight) × what "
        "the controls leave (the share of the recommended clauses and measures in place). Impact = the technology's "
        "importance (market value, years to catch up, choke point, investment, export control). "
        "Finding score = 100 × likelihood × impact.",
    ),
    "how_levels": (
        "**重大度**: 発生可能性と影響度をそれぞれ 5 段階に分け（発生可能性の境目 {lbins}、影響度の境目 {ibins}）、"
        "右の 5×5 のマトリクスで 低・中・高・重大 を決めます。",
        "**Severity**: likelihood and impact are each put into 5 levels (likelihood boundaries {lbins}; impact "
        "boundaries {ibins}) and the 5×5 matrix gives low, medium, high or critical.",
    ),
    "how_project": (
        "**案件のスコア**: 指摘スコアの高い順に {k} 件を重み {weights} で足し合わせたもの"
        "（「該当なし」と判断した指摘は含めません）。",
        "**Project score**: the {k} highest finding scores, weighted {weights} and added up "
        "(findings judged not applicable are left out).",
    ),
    "how_grades": ("**評価**: {bands}", "**Rating**: {bands}"),
    "band": ("{grade}（{label}）{min} 以上", "{grade} ({label}) from {min}"),
    # matrix
    "matrix": ("発生可能性 × 影響度", "Likelihood × impact"),
    "matrix_note": (
        "数字は各マスの指摘の数（スコアに算入されるもの）。色は重大度。",
        "Numbers are the findings in each cell (those counted in the score); colours show the severity.",
    ),
    "likelihood": ("発生可能性", "Likelihood"),
    "impact": ("影響度", "Impact"),
    "findings": ("指摘の数", "Findings"),
    # top risks
    "top": ("対応すべき主なリスク", "The risks that matter most"),
    "top_note": (
        "まだ判断していない指摘のうち、スコアの高い上位 {n} 件。",
        "The {n} highest-scoring findings without a decision.",
    ),
    "risk_meta": ("スコア {score} ・ 発生可能性 {l} × 影響度 {i}", "Score {score} · likelihood {l} × impact {i}"),
    "why": ("理由", "Why"),
    "precedent": ("過去の事例", "It has happened before"),
    "fix": ("効く対策", "What would fix it"),
    "no_fix": (
        "推奨される条項・対策はすべて実施済みです。",
        "Every recommended clause and measure is already in place.",
    ),
    "planned": ("対策予定として記録済み", "Recorded as mitigation planned"),
    "no_open": ("判断待ちの指摘はありません。", "No finding is waiting for a decision."),
    "to_findings": ("すべての指摘と判断を見る", "See all findings and decisions"),
    # readiness and channels
    "readiness": ("段階ごとの準備状況", "Readiness per phase"),
    "readiness_note": (
        "ガイダンスのチェックリスト項目を、案件の入力から判定した結果（項目数）。第1章は段階別、第2章はまとめて表示。",
        "Guidance checklist items as judged from the project (number of items): chapter 1 per phase, "
        "chapter 2 together.",
    ),
    "items": ("項目数", "Items"),
    "channels": ("漏えい経路ごとのリスク", "Risk by leak channel"),
    "channels_note": (
        "各経路で最もスコアの高い指摘。色は重大度。",
        "The highest finding score on each channel; colours show the severity.",
    ),
    # timeline
    "timeline": ("開示段階ごとのリスク", "Risk after each disclosure stage"),
    "timeline_note": (
        "各段階までの開示を終えた時点の案件スコア。破線は評価の境目。",
        "The project score once each stage's disclosure has happened. Dashed lines mark the rating bands.",
    ),
    "largest": ("最大の増加", "Largest rise"),
    "jump_caption": (
        "最もリスクが増えるのは「{stage}」（+{delta}）。",
        "The largest rise comes with '{stage}' (+{delta}).",
    ),
    "no_jump": ("どの段階でもスコアは上がりません。", "No stage raises the score."),
    "no_stages": (
        "段階的な開示計画がまだ入力されていません（「段階的開示の計画」で入力できます）。",
        "No staged disclosure plan yet (enter one in the disclosure planner).",
    ),
    # changes
    "changes": ("前の版からの変化", "Change since the previous version"),
    "first_version": ("保存されている版は 1 つだけです（初版）。", "Only one version is stored (the first version)."),
    "not_stored": ("この案件はまだ保存されていません。", "This project has not been saved yet."),
    "versions": ("版 {a} → 版 {b}", "Version {a} → version {b}"),
    "newer": (
        "あなたが開いた版 {base} の後に、版 {n} が保存されています。",
        "Version {n} has been saved since you opened version {base}.",
    ),
    "unreadable": (
        "前の版が今のライブラリでは読み込めないため、比べられません（「版の履歴」で確認できます）。",
        "The previous version cannot be read with the current library, so there is no comparison "
        "(see the history page).",
    ),
    "grade_change": ("評価 {a} → {b}", "Rating {a} → {b}"),
    "grade_same": ("評価は {a} のまま", "Rating stays {a}"),
    "counts": (
        "新たな指摘 {new}件 ・ なくなった指摘 {removed}件 ・ スコアが変わった指摘 {changed}件 ・ 入力の変更 {inputs}箇所",
        "{new} new findings · {removed} no longer raised · {changed} changed score · {inputs} inputs changed",
    ),
    "unsaved_changes": (
        "未保存の変更（保存済みの版 {n} との比較）",
        "Unsaved changes (compared with saved version {n})",
    ),
    "biggest": ("変化の大きい指摘", "Findings that changed most"),
    "col_finding": ("指摘", "Finding"),
    "col_before": ("前", "Before"),
    "col_after": ("後", "After"),
    "col_delta": ("増減", "Change"),
    "loading": ("前の版と比べています…", "Comparing with the previous version…"),
    # report
    "report": ("経営報告（HTML）をダウンロード", "Download the executive report (HTML)"),
    "report_help": (
        "このページの内容を 1 つの HTML ファイルにまとめた報告書。ネットワークから何も読み込まずに開けます。",
        "This page as one HTML file to share or print; it opens offline and loads nothing from the network.",
    ),
}
