"""Strings of sign-in and roles (Japanese, English)."""

STRINGS = {
    "settings_error": (
        "サインインの設定に誤りがあるため、アプリを開けません。管理者に連絡してください。",
        "Sign-in is misconfigured, so the app cannot be opened. Please tell the administrator.",
    ),
    "team_error": (
        "利用者リスト（許可する利用者と役割）を読み込めないため、誰もサインインできません。管理者に連絡してください。",
        "The team file (who may sign in, with which role) cannot be read, so nobody can sign in. "
        "Please tell the administrator.",
    ),
    "no_header": (
        "サインインしていません。社内のサインイン（リバースプロキシ）を通してアクセスしてください。",
        "You are not signed in. Open the app through the company sign-in (the reverse proxy).",
    ),
    "not_allowed": (
        "「{id}」はこのアプリの利用者として登録されていません。利用には管理者の登録が必要です。",
        "'{id}' is not registered to use this app. Ask the administrator to add you.",
    ),
    "sign_in_title": ("海外技術移転リスクプランナー", "Overseas technology-transfer risk planner"),
    "sign_in_intro": (
        "この案件情報は社外秘です。会社のアカウントでサインインしてください。",
        "The project information is confidential. Sign in with your company account.",
    ),
    "sign_in": ("サインイン", "Sign in"),
    "sign_out": ("サインアウト", "Sign out"),
    "no_email": (
        "サインインした ID にメールアドレスがありません。ID プロバイダの設定（scope に email）を確認してください。",
        "The sign-in gave no e-mail address; check the identity provider's settings (email in the scope).",
    ),
    "signed_in_as": ("サインイン中: {name}（{id}）", "Signed in as {name} ({id})"),
    "role": ("役割: {role}", "Role: {role}"),
    "read_only": (
        "閲覧者として表示しています。変更・保存はできません。",
        "You are a viewer: nothing can be changed or saved.",
    ),
    "not_permitted": ("この操作はあなたの役割（{role}）では行えません。", "Your role ({role}) does not allow this."),
}
