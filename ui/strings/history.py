"""Strings of the version history page (Japanese, English)."""

STRINGS = {
    "title": ("版の履歴", "History"),
    "no_project": ("開いている案件がありません。", "No project is open."),
    "not_stored": (
        "この案件はまだ保存されていません。サイドバーで保存すると、最初の版ができます。",
        "This project has not been saved yet. Saving it in the sidebar creates its first version.",
    ),
    "archived_note": (
        "この案件はアーカイブされています（案件一覧には表示されません）。",
        "This project is archived (it is not shown in the portfolio).",
    ),
    # versions
    "versions": ("保存された版", "Saved versions"),
    "versions_note": (
        "保存するたびに新しい版ができます。古い版は消えません。",
        "Every save makes a new version; old versions are never overwritten.",
    ),
    "col_number": ("版", "Version"),
    "col_time": ("日時", "Time"),
    "col_author": ("保存した人", "Saved by"),
    "col_comment": ("変更内容のメモ", "What changed"),
    # compare
    "compare": ("2 つの版を比べる", "Compare two versions"),
    "only_one": (
        "版が 1 つしかないため、比べられません。",
        "There is only one version, so there is nothing to compare.",
    ),
    "from": ("比べる元の版", "From version"),
    "to": ("比べる先の版", "To version"),
    "version_label": ("版 {n}（{time}、{author}）", "Version {n} ({time}, {author})"),
    "same": ("異なる 2 つの版を選んでください。", "Choose two different versions."),
    "comparing": ("2 つの版を評価しています…", "Assessing both versions…"),
    "unreadable": (
        "この版は今のライブラリでは読み込めないため、比べられません。",
        "This version cannot be read with the current library, so it cannot be compared.",
    ),
    "score": ("スコア", "Score"),
    "grade_change": ("評価 {a} → {b}", "Rating {a} → {b}"),
    "grade_same": ("評価は {a} のまま", "Rating stays {a}"),
    "inputs": ("入力の変更（{n}箇所）", "Input changes ({n})"),
    "no_inputs": ("入力に違いはありません。", "The inputs are the same."),
    "col_field": ("項目", "Field"),
    "col_before": ("元の版", "Before"),
    "col_after": ("先の版", "After"),
    "findings": ("指摘の変化（{n}件）", "Finding changes ({n})"),
    "no_findings": ("指摘のスコアに変化はありません。", "No finding's score changed."),
    "col_finding": ("指摘", "Finding"),
    "col_delta": ("増減", "Change"),
    "col_severity": ("重大度", "Severity"),
    "checklist": ("チェックリスト判定の変化（{n}件）", "Checklist changes ({n})"),
    "no_checklist": ("チェックリストの判定に変化はありません。", "No checklist item changed status."),
    "col_item": ("項目", "Item"),
    "new_finding": ("新たな指摘", "new"),
    "gone_finding": ("なくなった", "no longer raised"),
    "empty": ("（なし）", "(none)"),
    # restore
    "restore": ("古い版を復元する", "Restore an old version"),
    "restore_note": (
        "選んだ版の内容を、新しい版として保存します。今の版も含め、何も消えません。",
        "The chosen version's content is saved as a new version; nothing is deleted, not even the current one.",
    ),
    "restore_pick": ("復元する版", "Version to restore"),
    "restore_button": ("この版を復元…", "Restore this version…"),
    "restore_confirm": (
        "版 {n} の内容を版 {next} として保存し、作業中の内容にします。よろしいですか？",
        "Save the content of version {n} as version {next} and make it the working copy?",
    ),
    "restore_yes": ("はい、復元する", "Yes, restore"),
    "cancel": ("取りやめる", "Cancel"),
    "restored": ("版 {n} を復元し、版 {new} として保存しました。", "Restored version {n} as version {new}."),
    "restore_same": (
        "版 {n} は最新版と同じ内容のため、新しい版は作りませんでした。",
        "Version {n} has the same content as the latest version, so no new version was made.",
    ),
    "restore_failed": ("復元できませんでした。", "The version could not be restored."),
    "only_latest": ("復元できる古い版はありません。", "There is no older version to restore."),
    "dirty": (
        "未保存の変更があります。先にサイドバーで保存するか破棄してください。",
        "You have unsaved changes. Save or discard them in the sidebar first.",
    ),
    # drafts
    "drafts": ("保存できなかった変更（下書き）", "Changes that could not be saved (drafts)"),
    "drafts_note": (
        "保存しようとしたときに他の人が先に新しい版を保存していた場合、その変更はここに下書きとして残ります。",
        "When someone else saved a newer version first, the changes you tried to save are kept here as drafts.",
    ),
    "no_drafts": ("下書きはありません。", "There are no drafts."),
    "col_draft": ("下書き", "Draft"),
    "col_base": ("元にした版", "Based on version"),
    "col_reason": ("理由", "Reason"),
    "reason_conflict": ("競合（他の人が先に保存）", "Conflict (someone saved first)"),
    "draft_pick": ("下書きを選ぶ", "Choose a draft"),
    "draft_label": ("下書き #{id}（{time}、{author}）", "Draft #{id} ({time}, {author})"),
    "draft_diff": (
        "最新の版（版 {n}）と比べた、この下書きの違い（{k}箇所）",
        "How this draft differs from the latest version (version {n}): {k} fields",
    ),
    "draft_open": ("この下書きを作業中の内容として開く", "Open this draft as the working copy"),
    "draft_explain": (
        "下書きを開くと、その内容が最新の版（版 {n}）を元にした作業中の内容になります。各ページで確認してから保存すると"
        "版 {next} になります。下書きと最新版で違う箇所は下書きの内容で上書きされるため、上の違いを確認し、"
        "他の人の変更を残したい箇所は戻してから保存してください。",
        "Opening a draft makes its content the working copy, based on the latest version ({n}). Check it on the other "
        "pages, then save: it becomes version {next}. Wherever the draft differs from the latest version, the draft "
        "wins, so review the differences above and put back anything of the other person's you want to keep before "
        "saving.",
    ),
    "draft_opened": (
        "下書き #{id} を作業中の内容として開きました（未保存）。",
        "Draft #{id} is now the working copy (not saved yet).",
    ),
    "draft_invalid": (
        "この下書きは今のライブラリでは読み込めません。",
        "This draft cannot be read with the current library.",
    ),
    # decisions
    "decisions": ("判断の記録", "Decision log"),
    "decisions_note": (
        "指摘への判断（リスク受容・対策予定など）は、保存のたびに変わったものだけ記録されます。",
        "Decisions on findings (accepted, mitigation planned, …) are recorded whenever a save changes them.",
    ),
    "no_decisions": ("判断の記録はまだありません。", "No decision has been recorded yet."),
    "col_version": ("版", "Version"),
    "col_status": ("判断", "Decision"),
    "col_justification": ("理由", "Justification"),
    "col_by": ("判断者", "Decided by"),
    "col_at": ("判断日", "Decided on"),
    "col_recorded": ("記録日時", "Recorded"),
    # archive
    "archive": ("アーカイブ", "Archive"),
    "archive_note": (
        "アーカイブすると案件一覧とサイドバーから外れます。データは消えず、いつでも戻せます。",
        "Archiving hides the project from the portfolio and the sidebar. Nothing is deleted; you can bring it back at any time.",
    ),
    "archive_button": ("この案件をアーカイブする", "Archive this project"),
    "unarchive_button": ("アーカイブから戻す", "Bring the project back"),
    "archived_done": ("案件をアーカイブしました。", "The project is archived."),
    "unarchived_done": ("案件を一覧に戻しました。", "The project is back in the list."),
}
