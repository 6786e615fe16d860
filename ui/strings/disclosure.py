"""Strings of the disclosure planner page."""

STRINGS = {
    "title": ("段階的開示の計画", "Disclosure planner"),
    "intro": (
        "技術をいつ・どの程度・誰に・どの方法で渡すかを段階ごとに計画します。"
        "段階を進めるたびにリスクがどう変わるかを確認し、上がりすぎる段階を見直してください。",
        "Plan which technology is handed over, how much of it, to whom and how, stage by stage. "
        "See how the risk changes as each stage opens and rethink the stages that raise it too much.",
    ),
    "no_project": (
        "案件が開かれていません。サイドバーで案件を選ぶか、「案件の編集」で作成してください。",
        "No project is open. Pick one in the sidebar or create one in the project editor.",
    ),
    "timeline": ("段階の日程", "Stages on a timeline"),
    "timeline_help": (
        "棒の色は、その段階で渡す最も深い開示レベルです（濃いほど核心に近い）。",
        "Each bar's colour is the deepest disclosure level handed over in that stage (darker is closer to the core).",
    ),
    "timeline_undated": (
        "日付のない段階があるため、段階を順番に並べて表示しています。",
        "Some stages have no dates, so the stages are shown in order instead of on a calendar.",
    ),
    "timeline_open_end": (
        "終了日が未定の段階は、次の段階の開始日（なければ開始日から90日）まで表示しています。",
        "Stages without an end date are drawn up to the next stage's start (or 90 days after their own start).",
    ),
    "no_stages": (
        "開示段階がまだありません。下の「段階を追加」から作成してください。",
        "There are no disclosure stages yet. Add one below.",
    ),
    "nothing_disclosed": ("開示なし", "Nothing disclosed"),
    "stage_n": ("第{n}段階", "Stage {n}"),
    "risk_title": ("各段階を終えた時点のリスク", "Risk after each stage"),
    "risk_help": (
        "その段階までに渡したもの全体で計算した案件スコア（0〜100）と評価です。"
        "人のアクセスや設備は最初から数えます。スコアは優先順位付けのための相対値です。",
        "The project score (0–100) and grade once the stage and every stage before it have happened. "
        "People's access and equipment count from the start. Scores are relative, for prioritising.",
    ),
    "score": ("スコア", "Score"),
    "grade": ("評価", "Grade"),
    "increase": ("増加", "Increase"),
    "axis_stage": ("段階", "Stage"),
    "hover_score": (
        "スコア {score}（評価 {grade}）<br>前の段階から {increase:+g}",
        "Score {score} (grade {grade})<br>{increase:+g} on the previous stage",
    ),
    "jump_first": (
        "{stage}：最初の段階だけでリスクが {score}（評価 {grade}）になります。主な要因：",
        "{stage}: the first stage alone brings the risk to {score} (grade {grade}). Driven by:",
    ),
    "jump": (
        "{stage}：リスクが {increase:+g} 点上がり {score}（評価 {grade}）になります。主な要因：",
        "{stage}: the risk rises by {increase:+g} points to {score} (grade {grade}). Driven by:",
    ),
    "jump_grade": (
        "{stage}：評価が {before} から {grade} に悪化します（スコア {score}）。主な要因：",
        "{stage}: the grade worsens from {before} to {grade} (score {score}). Driven by:",
    ),
    "no_jumps": (
        "どの段階でも急なリスクの上昇（{points} 点以上、または評価の悪化）はありません。",
        "No stage raises the risk sharply ({points} points or more, or a worse grade).",
    ),
    "driver_line": ("・{title}（スコア {score}）", "• {title} (score {score})"),
    "stages": ("段階ごとの内容", "The stages"),
    "dates_unknown": ("日付未定", "dates not set"),
    "items_n": ("{n} 件", "{n} items"),
    "stage_details": ("段階の名前・日程・開始条件", "Name, dates and gate"),
    "name": ("名前", "Name"),
    "start": ("開始日", "Start"),
    "end": ("終了日", "End"),
    "end_before_start": (
        "終了日（{end}）が開始日（{start}）より前です。終了日は開始日以降にしてください。変更は反映していません。",
        "The end date ({end}) is before the start date ({start}). Pick an end on or after "
        "the start. Nothing was changed.",
    ),
    "gate": ("開始条件（ゲート）", "Gate conditions"),
    "gate_help": (
        "この段階の開示を始める前に満たすべき条件です。"
        "条件を満たしてから次の段階に進むことで、相手を見極めながら開示を深められます（ch1.3.1）。",
        "What must hold before this stage's disclosures begin. Opening a stage only once its "
        "conditions are met lets you deepen disclosure as trust is proven (ch1.3.1).",
    ),
    "gate_note": ("開始条件のメモ", "Note on the gate"),
    "apply_stage": ("この段階の変更を反映", "Apply changes to this stage"),
    "stage_updated": ("段階を更新しました。", "Stage updated."),
    "items": ("この段階で渡すもの", "What this stage hands over"),
    "no_items": ("この段階ではまだ何も渡しません。", "Nothing is handed over in this stage yet."),
    "col_technology": ("技術", "Technology"),
    "col_level": ("開示レベル", "Level"),
    "col_recipient": ("相手", "To"),
    "col_method": ("方法", "Method"),
    "col_note": ("メモ", "Note"),
    "remove_item_pick": ("削除する項目", "Item to remove"),
    "remove_item": ("項目を削除", "Remove item"),
    "item_removed": ("項目を削除しました。", "Item removed."),
    "add_item": ("項目を追加", "Add an item"),
    "technology": ("技術", "Technology"),
    "level": ("開示レベル", "Disclosure level"),
    "recipient": ("相手（誰に）", "Recipient (to whom)"),
    "method": ("方法", "Method"),
    "note": ("メモ", "Note"),
    "add": ("追加", "Add"),
    "item_added": ("項目を追加しました。", "Item added."),
    "no_technologies": (
        "技術が登録されていません。先に「案件の編集」で技術を追加してください。",
        "No technologies are entered yet. Add them in the project editor first.",
    ),
    "pick_required": (
        "技術・開示レベル・相手・方法をすべて選んでください。",
        "Choose a technology, a level, a recipient and a method.",
    ),
    "remove_stage": ("この段階を削除", "Remove this stage"),
    "remove_stage_confirm": ("この段階と、その中の項目をすべて削除します", "Remove this stage and all its items"),
    "stage_removed": ("段階を削除しました。", "Stage removed."),
    "add_stage": ("段階を追加", "Add a stage"),
    "stage_id": ("ID（英小文字・数字・ハイフン）", "Id (lower-case letters, digits, '-')"),
    "stage_id_help": (
        "段階を識別する短い名前。例: stage-4-expansion。あとから変えることはできません。",
        "A short name that identifies the stage, e.g. stage-4-expansion. It cannot be changed later.",
    ),
    "bad_slug": (
        "ID は英小文字か数字で始め、英小文字・数字・「-」「_」だけで48文字以内にしてください。",
        "The id must start with a lower-case letter or digit and use only a-z, 0-9, '-' and '_' "
        "(at most 48 characters).",
    ),
    "duplicate_id": (
        "この ID の段階はすでにあります。別の ID にしてください。",
        "A stage with this id already exists. Choose another id.",
    ),
    "name_required": ("名前を入れてください。", "Enter a name."),
    "stage_added": ("段階を追加しました。", "Stage added."),
    "not_changed": (
        "入力に問題があるため、変更は反映していません。",
        "Nothing was changed: please check these entries.",
    ),
    "site": ("現地拠点（合弁会社・子会社など）", "The local site (JV, subsidiary…)"),
    "bb_title": ("ブラックボックス化", "Black-boxing"),
    "bb_intro": (
        "渡さなくてよいものは見せない工夫です（ch1.3.2）。それぞれの実施状況を選ぶと、"
        "関係する流出経路のリスクにすぐ反映されます。",
        "Ways of keeping out of sight what need not be handed over (ch1.3.2). Choose how far each "
        "is in place; the risk of the channels it cuts updates at once.",
    ),
    "status": ("実施状況", "Status"),
    "bb_updated": ("実施状況を更新しました。", "Status updated."),
    "bb_cuts": ("抑える流出経路: {channels}", "Cuts: {channels}"),
}
