"""Strings of the contract review page."""

STRINGS = {
    "title": ("契約レビュー", "Contract review"),
    "intro": (
        "この案件に必要な保護条項と、契約案での状況です。状況を選ぶと案件の作業コピーが更新されます"
        "（左の「保存」で新しい版になります）。条項例はたたき台で、必ず弁護士の確認を受けてください。",
        "The protective clauses this deal needs and where the draft stands. Choosing a status updates the "
        "working copy (save it as a new version in the sidebar). The model wording is a first draft for "
        "counsel, never a contract ready to sign.",
    ),
    "no_project": ("案件がまだ開かれていません。", "No project is open yet."),
    "m_needed": ("必要な条項", "Clauses needed"),
    "m_present": ("規定あり", "Present"),
    "m_weak": ("不十分・規定なし", "Partial or missing"),
    "m_unreviewed": ("未確認", "Not reviewed"),
    "m_help": (
        "この案件の取引形態と条件から必要と判断した条項の数と、その状況です。",
        "How many clauses this deal type and its facts call for, and where they stand.",
    ),
    "filter_phase": ("段階で絞り込む", "Filter by phase"),
    "filter_phase_help": (
        "条項が作成される段階と、効果を発揮する段階のどちらかが一致する条項を表示します。",
        "Shows clauses drafted in, or doing their work in, the chosen phase.",
    ),
    "all_phases": ("すべての段階", "All phases"),
    "filter_status": ("状況で絞り込む", "Filter by status"),
    "filter_status_help": (
        "空欄のときはすべて表示します。例：「規定なし」と「不十分」だけを選ぶ。",
        "Empty shows everything. For example choose only Missing and Partial.",
    ),
    "not_reviewed": ("未確認", "Not reviewed"),
    "needed_header": ("この案件に必要な条項", "Clauses this deal needs"),
    "extra_header": ("記録済みだが、この案件の条件では必要とされない条項", "Recorded, but not needed for this deal"),
    "extra_help": (
        "取引形態や条件からは必要と判断されませんが、案件ファイルに状況が記録されています。",
        "The deal type and facts do not call for these, but the project records a status for them.",
    ),
    "none_match": ("条件に合う条項はありません。", "No clause matches the filters."),
    "shown": ("{n} 件を表示（全 {total} 件）", "Showing {n} of {total}"),
    "status": ("契約案での状況", "Status in the draft"),
    "status_help": (
        "「（未入力・不明）」を選ぶと「未確認」に戻り、この条項の記録（メモ・条番号・数値を含む）を案件から削除します。",
        "Choosing '(not known yet)' sets it back to not reviewed and removes this clause's record "
        "(note, article and values) from the project.",
    ),
    "note": ("メモ（交渉の状況など）", "Note (negotiation status, etc.)"),
    "draft_ref": ("契約案の条番号", "Article in the draft"),
    "draft_ref_help": ("例：第12条第3項、Art. 12.3", "For example Art. 12.3"),
    "set_status_first": (
        "メモ・条番号・変数を記録するには、先に状況を選んでください。",
        "Choose a status first to record a note, an article or values.",
    ),
    "variables": ("条項の数値", "Values in the clause"),
    "variables_help": (
        "交渉で合意した値を入れると、下の条項例に反映されます。既定値のままなら記録しません。"
        "範囲：{low}〜{high}、既定値：{default}",
        "The agreed value fills in the model wording below; the default is not recorded. "
        "Range {low}–{high}, default {default}.",
    ),
    "why": ("この条項が必要な理由", "Why this clause is needed"),
    "channels": ("抑える流出経路", "Leak channels it cuts"),
    "lowers": ("下げられる未対応の指摘", "Open findings it would lower"),
    "lowers_none": ("この条項で下がる未対応の指摘はありません。", "No open finding would be lowered by it."),
    "finding_line": ("{title}（スコア {score}）", "{title} (score {score})"),
    "wording": ("条項例（案件の数値を反映）", "Model wording (with this project's values)"),
    "wording_note": (
        "コピーして契約案の起案に使えます。そのまま締結できる文言ではありません。",
        "Copy it into the draft as a starting point; it is not ready to sign.",
    ),
    "ja": ("日本語", "Japanese"),
    "en": ("英語", "English"),
    "fallbacks": ("交渉での譲歩案（強い順）", "Fallback positions (strongest first)"),
    "cautions": ("相手国・競争法上の注意", "Host-country and competition-law cautions"),
    "sources": ("出典：{s}", "Sources: {s}"),
    "refs": ("ガイダンス：{refs}", "Guidance: {refs}"),
    "phases": ("作成：{drafted}／効果を発揮する段階：{active}", "Drafted at: {drafted} / works in: {active}"),
    "origin_practice": (
        "ガイダンスの要求ではなく、国際的な実務で加えられる条項です。",
        "Not asked for by the guidance; added by international practice.",
    ),
    "checklist_header": ("段階別チェックリスト", "Checklist by phase"),
    "checklist_intro": (
        "ガイダンスの確認項目ごとに、案件の内容から判断した状況と根拠です。",
        "Each guidance item, judged from the project, with the evidence.",
    ),
    "col_id": ("項目", "Item"),
    "col_item": ("確認内容", "What to check"),
    "col_status": ("状況", "Status"),
    "col_evidence": ("根拠", "Evidence"),
    "col_owner": ("担当部門", "Owner"),
    "col_closing": ("対応すれば解消する条項・対策", "Clauses and measures that would close it"),
    "checklist_counts": (
        "対応済み {met}／一部対応 {partial}／未対応 {gap}／不明 {unknown}／対象外 {na}",
        "Met {met} / partly met {partial} / gap {gap} / unknown {unknown} / not applicable {na}",
    ),
    "exports_header": ("書き出し", "Exports"),
    "exports_intro": (
        "Excel のチェックリストは弁護士が状況とメモを書き込み、下で取り込めます。"
        "Word は条項別紙（条項例・譲歩案・注意事項）です。",
        "Counsel can fill in statuses and notes in the Excel checklist and you can read it back "
        "below. The Word file is the clause annex (wording, fallbacks, cautions).",
    ),
    "xlsx_button": ("Excel チェックリスト", "Excel checklist"),
    "docx_button": ("Word 条項別紙", "Word clause annex"),
    "import_header": ("弁護士が編集したチェックリストの取り込み", "Read back a checklist edited by counsel"),
    "import_label": ("編集済みの Excel ファイル（.xlsx、2 MB まで）", "The edited Excel file (.xlsx, up to 2 MB)"),
    "import_help": (
        "このページから書き出したファイルの「条項・対策」シートの状況とメモを読み込みます。"
        "案件はすぐには変わらず、変更点を確認してから反映します。",
        "Reads the statuses and notes on the clauses-and-measures sheet of a file exported here. "
        "Nothing changes until you review the changes and apply them.",
    ),
    "import_too_big": ("ファイルが大きすぎます（2 MB まで）。", "The file is too large (2 MB at most)."),
    "import_problems": (
        "ファイルを読み込めませんでした。次の点を確認してください。",
        "The file could not be read. Please check these points.",
    ),
    "import_none": ("案件と比べて変更はありません。", "Nothing differs from the project."),
    "import_changes": ("{n} 件の変更があります。", "{n} changes found."),
    "import_apply": ("変更を作業コピーに反映", "Apply the changes to the working copy"),
    "import_applied": (
        "反映しました。左の「保存」で新しい版として保存してください。",
        "Applied. Save a new version with the sidebar.",
    ),
    "import_reading": ("ファイルを読み込んでいます…", "Reading the file…"),
    "col_kind": ("種類", "Kind"),
    "col_name": ("条項・対策", "Clause or measure"),
    "col_before": ("変更前", "Before"),
    "col_after": ("変更後", "After"),
    "col_note_changed": ("メモの変更", "Note changed"),
    "kind_clause": ("条項", "Clause"),
    "kind_measure": ("対策", "Measure"),
    "update_failed": ("この値は記録できません。", "This value cannot be recorded."),
}
