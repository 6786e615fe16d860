"""Sign-in for team use: the team file, roles deciding pages and actions, and the identity recorded with saves.

The header mode (a reverse proxy passes the signed-in user) is exercised through the whole app; the OIDC mode is
checked as far as can be done offline: settings, the sign-in screen, the allowlist on st.user."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from model.access import AuthSettings, Permission, Role, check_oidc_settings, load_team
from model.format.problems import InputError
from model.format.vocab import DecisionStatus
from model.store import Store

from .app_support import APP, app_env  # noqa: F401  (fixture)

TEAM = """\
# who may sign in, and with which role
users:
  - id: Viewer@Example.co.jp
    name: 閲覧 花子
    role: viewer
  - id: editor@example.co.jp
    name: 編集 次郎
    role: editor
  - id: admin@example.co.jp
    name: 管理 三郎
    role: admin
"""
EXAMPLE_NAMES = ("ベトナム", "Vietnam")  # part of a seeded example's name: must never show to someone refused


# --------------------------------------------------------------------------- the team file


def write(tmp_path, text: str, name: str = "users.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_team_file_gives_each_listed_person_a_role_and_refuses_others(tmp_path):
    team = load_team(write(tmp_path, TEAM))
    viewer = team.identify("  viewer@example.CO.JP ")
    assert viewer is not None and viewer.role == Role.VIEWER and viewer.id == "Viewer@Example.co.jp"
    assert viewer.signed_in and viewer.name == "閲覧 花子"
    assert team.identify("someone@example.co.jp") is None
    assert team.identify("") is None and team.identify(None) is None
    assert viewer.can(Permission.VIEW) and not viewer.can(Permission.EDIT)
    editor = team.identify("editor@example.co.jp")
    assert editor.can(Permission.EDIT) and not editor.can(Permission.ADMINISTER)
    assert team.identify("admin@example.co.jp").can(Permission.ADMINISTER)


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("users:\n  - id: a@x.jp\n    role: owner\n", "users[0].role", "owner"),
        ("users:\n  - id: a@x.jp\n    role: viewer\n    password: x\n", "users[0]", "password"),
        ("users:\n  - id: a@x.jp\n    role: viewer\n  - id: A@X.JP\n    role: admin\n", "users[1].id", "A@X.JP"),
        ("users: []\n", "users", ""),
        ("users:\n  - id: 'a b@x.jp'\n    role: viewer\n", "users[0].id", ""),
        ("- a@x.jp\n", "", "list"),
    ],
)
def test_a_wrong_team_file_names_the_file_and_field(tmp_path, text, field, words):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_team(path)
    report = caught.value.report("en")
    assert str(path) in report
    assert field in report and words in report


def test_a_missing_team_file_is_named(tmp_path):
    with pytest.raises(InputError) as caught:
        load_team(tmp_path / "nobody.yaml")
    assert "nobody.yaml" in caught.value.report("ja") and "見つかりません" in caught.value.report("ja")


def test_settings_come_from_the_environment(tmp_path):
    default = AuthSettings.from_env({})
    assert default.mode == "none" and default.header == "X-Forwarded-Email"
    assert str(default.team_file).endswith("workspace/users.yaml") and default.problem() is None
    custom = AuthSettings.from_env(
        {"TTPLAN_AUTH": "Header", "TTPLAN_AUTH_HEADER": "Remote-User", "TTPLAN_USERS": str(tmp_path / "team.yaml")}
    )
    assert (custom.mode, custom.header, custom.team_file) == ("header", "Remote-User", tmp_path / "team.yaml")
    assert "sso" in AuthSettings.from_env({"TTPLAN_AUTH": "sso"}).problem()[1]


# --------------------------------------------------------------------------- OIDC settings, offline

GOOD_OIDC = {
    "redirect_uri": "https://ttplan.example.co.jp/oauth2callback",
    "cookie_secret": "x" * 40,
    "client_id": "ttplan",
    "client_secret": "s3cret",
    "server_metadata_url": "https://login.example.co.jp/.well-known/openid-configuration",
}


def test_oidc_settings_complete_are_accepted():
    assert check_oidc_settings(GOOD_OIDC) == []
    named = {
        "redirect_uri": GOOD_OIDC["redirect_uri"],
        "cookie_secret": GOOD_OIDC["cookie_secret"],
        "company": {k: GOOD_OIDC[k] for k in ("client_id", "client_secret", "server_metadata_url")},
    }
    assert check_oidc_settings(named) == []
    assert "client_id" in check_oidc_settings({**named, "company": {}})[0][1]


def test_oidc_without_authlib_says_how_to_install(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "authlib", None)  # import authlib now fails
    assert check_oidc_settings(GOOD_OIDC) == [check_oidc_settings(GOOD_OIDC)[0]]
    assert ".[oidc]" in check_oidc_settings(GOOD_OIDC)[0][1]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"client_secret": ""}, "client_secret"),
        ({"redirect_uri": "https://ttplan.example.co.jp/callback"}, "oauth2callback"),
        ({"redirect_uri": "http://ttplan.example.co.jp/oauth2callback"}, "https"),
        ({"server_metadata_url": "http://login.example.co.jp/x"}, "server_metadata_url must use https"),
        ({"cookie_secret": "short"}, "cookie_secret is too short"),
    ],
)
def test_oidc_settings_problems_are_explained(change, words):
    problems = check_oidc_settings({**GOOD_OIDC, **change})
    assert any(words in en for _, en in problems), problems


def test_oidc_without_settings_is_reported():
    assert "no [auth] section" in check_oidc_settings(None)[0][1]


# --------------------------------------------------------------------------- the app, header mode


@pytest.fixture
def team_env(app_env, monkeypatch):  # noqa: F811
    """Header sign-in with the team above; ``as_user(id)`` makes the proxy's header name that person."""
    monkeypatch.setenv("TTPLAN_AUTH", "header")
    monkeypatch.setenv("TTPLAN_USERS", str(write(app_env, TEAM)))
    headers: dict[str, str] = {}
    monkeypatch.setattr("ui.auth.request_header", lambda name: headers.get(name.lower()))

    def as_user(user: str | None) -> None:
        headers.clear()
        if user is not None:
            headers["x-forwarded-email"] = user

    return as_user


def run(page: str | None = None, lang: str = "ja") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def shown_text(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "text", "title", "error", "info", "warning", "subheader")
        for e in getattr(at, kind)
    ]
    parts += [str(e.value) for e in at.sidebar.selectbox]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("who", [None, "stranger@example.co.jp"])
def test_nobody_unknown_sees_anything(team_env, who):
    team_env(who)
    at = run()
    assert not at.exception
    text = shown_text(at)
    assert at.error and ("サインインしていません" in text if who is None else "登録されていません" in text)
    assert not at.sidebar.selectbox and not at.dataframe and not at.metric
    assert not any(name in text for name in EXAMPLE_NAMES)
    assert "draft" not in at.session_state  # no project was even opened for this session


def test_a_broken_team_file_lets_nobody_in_and_says_where(team_env, app_env, monkeypatch):  # noqa: F811
    monkeypatch.setenv("TTPLAN_USERS", str(write(app_env, "users:\n  - id: a@x.jp\n    role: boss\n", "bad.yaml")))
    team_env("a@x.jp")
    at = run(lang="en")
    assert not at.exception
    assert "team file" in at.error[0].value
    assert "bad.yaml" in at.text[0].value and "users[0].role" in at.text[0].value
    assert not at.sidebar.selectbox


def test_an_unknown_mode_refuses_to_start(app_env, monkeypatch):  # noqa: F811
    monkeypatch.setenv("TTPLAN_AUTH", "open-sesame")
    at = run()
    assert not at.exception and at.error and "open-sesame" in at.text[0].value
    assert not at.sidebar.selectbox


def test_a_viewer_reads_but_cannot_change_anything(team_env):
    team_env("viewer@example.co.jp")
    at = run()
    assert not at.exception
    assert "閲覧 花子" in at.sidebar.text[0].value and "閲覧者" in at.sidebar.caption[0].value
    assert not at.sidebar.text_input  # no name to type: the identity comes from the sign-in
    assert at.metric  # the dashboard is there
    # Pages that only change the project are not in the navigation, so not reachable.
    for page in ("editor", "disclosure", "governance"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"app_pages/{page}.py")
    for page in ("dashboard", "portfolio", "whatif", "contract", "findings", "graph", "history"):
        shown = run(f"app_pages/{page}.py")
        assert not shown.exception and shown.title, page

    findings = run("app_pages/findings.py")
    assert not findings.exception and findings.dataframe
    assert not [b for b in findings.button if b.key and b.key.startswith("findings_record_")]
    assert any("閲覧者" in c.value for c in findings.caption)

    contract = run("app_pages/contract.py")
    assert not contract.exception
    assert not contract.get("file_uploader")  # no workbook import for a viewer
    assert any("閲覧者" in c.value for c in contract.caption)
    history = run("app_pages/history.py")
    assert not history.exception
    keys = {b.key for b in history.button}
    assert not keys & {"history_restore", "history_archive", "history_unarchive", "history_draft_open"}
    whatif = run("app_pages/whatif.py")
    assert not whatif.exception and not [b for b in whatif.button if b.key == "whatif_adopt"]


def _viewer_edits_through_the_session():
    import streamlit as st

    from model.access import Identity, Role
    from model.format.project_io import parse_project
    from model.knowledge.library import REPO_ROOT
    from ui import auth, session

    st.session_state[auth.IDENTITY] = Identity("v@x.jp", "v", Role.VIEWER, True)
    from model.access import NotAllowed

    spec, _ = parse_project((REPO_ROOT / "examples" / "licence-us-coating.yaml").read_bytes(), "example")
    for action in (lambda: session.set_draft(spec), lambda: session.start_new(spec), lambda: session.save("x")):
        try:
            action()
            st.text("allowed")
        except NotAllowed:
            st.text("refused")


def test_the_session_itself_refuses_a_viewers_edit():
    """The second line behind the hidden controls: the session refuses to change the working copy for a viewer."""
    at = AppTest.from_function(_viewer_edits_through_the_session, default_timeout=60).run()
    assert not at.exception
    assert [t.value for t in at.text] == ["refused"] * 3
    assert "draft" not in at.session_state


def test_an_editor_saves_and_decides_under_the_signed_in_identity(team_env, app_env):  # noqa: F811
    team_env("Editor@Example.co.jp")
    at = run("app_pages/findings.py")
    assert not at.exception, at.exception
    assert run("app_pages/editor.py").title  # editors have the editing pages
    from ui import core

    spec = at.session_state["draft"]
    target = next(f for f in core.assessment(spec).findings if not f.decided)
    at.selectbox(key="findings_selected").set_value(target.id).run()
    at.selectbox(key=f"findings_decision_{target.id}").set_value(DecisionStatus.ACCEPTED)
    at.text_area(key=f"findings_justification_{target.id}").input("取締役会で受容を確認")
    at.button(key=f"findings_record_{target.id}").click().run()
    assert not at.exception, at.exception
    decision = next(d for d in at.session_state["draft"].decisions if d.finding == target.id)
    assert decision.by == "editor@example.co.jp"  # the team file's spelling, not what the header said

    assert [w.key for w in at.sidebar.text_input] == ["save_comment"]  # no typed name: the identity is signed in
    at.sidebar.text_input(key="save_comment").input("判断を記録")
    at.sidebar.button[0].click().run()  # the save form's submit button
    assert not at.exception, at.exception
    assert at.sidebar.success, [e.value for e in at.sidebar.error]
    store = Store()
    pid = at.session_state["project_id"]
    latest = store.versions(pid)[0]
    assert latest.author == "editor@example.co.jp"
    logged = [r for r in store.decisions(pid) if r["finding"] == target.id]
    assert logged[-1]["decided_by"] == "editor@example.co.jp" and logged[-1]["version"] == latest.number

    history = run("app_pages/history.py")
    keys = {b.key for b in history.button}
    assert "history_restore" in keys  # the save above made a second version to restore from
    assert not keys & {"history_archive", "history_unarchive"}  # archiving is for administrators


def test_someone_taken_off_the_team_file_is_refused_at_the_next_action(team_env, app_env):  # noqa: F811
    team_env("editor@example.co.jp")
    at = run()
    assert not at.exception and at.metric
    # The administrator removes the editor; no restart: the next run reads the changed file.
    write(app_env, TEAM.replace("editor@example.co.jp", "someone-else@example.co.jp"))
    at.run()
    assert not at.exception
    assert "登録されていません" in at.error[0].value and not at.metric and not at.sidebar.selectbox
    assert "identity" not in at.session_state  # nothing left that a pending action could act under


def test_an_administrator_may_archive(team_env):
    team_env("admin@example.co.jp")
    at = run("app_pages/history.py")
    assert not at.exception
    assert "history_archive" in {b.key for b in at.button}


# --------------------------------------------------------------------------- the app, OIDC mode (offline)


@pytest.fixture
def oidc_env(app_env, monkeypatch):  # noqa: F811
    monkeypatch.setenv("TTPLAN_AUTH", "oidc")
    monkeypatch.setenv("TTPLAN_USERS", str(write(app_env, TEAM)))


def run_oidc(user: dict, secrets: dict | None = None, lang: str = "ja") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    if secrets is not None:
        at.secrets["auth"] = secrets
    at.user = user
    return at.run()


def test_oidc_without_settings_says_what_is_missing(oidc_env):
    at = run_oidc({"is_logged_in": True, "email": "admin@example.co.jp"}, lang="en")
    assert not at.exception
    assert at.error and "[auth]" in at.text[0].value
    assert not at.sidebar.selectbox  # misconfigured sign-in never falls back to an open app


def test_oidc_asks_to_sign_in_and_shows_nothing_else(oidc_env):
    at = run_oidc({"is_logged_in": False}, GOOD_OIDC)
    assert not at.exception
    assert [b.label for b in at.button] == ["サインイン"]
    assert not at.sidebar.selectbox and not at.metric
    assert not any(name in shown_text(at) for name in EXAMPLE_NAMES)


def test_oidc_lets_in_only_the_allowlist(oidc_env):
    refused = run_oidc({"is_logged_in": True, "email": "intruder@example.com"}, GOOD_OIDC)
    assert not refused.exception and "登録されていません" in refused.error[0].value
    assert [b.label for b in refused.button] == ["サインアウト"] and not refused.sidebar.selectbox

    admitted = run_oidc({"is_logged_in": True, "email": "VIEWER@example.co.jp", "name": "x"}, GOOD_OIDC)
    assert not admitted.exception and admitted.metric
    assert "閲覧 花子" in admitted.sidebar.text[0].value
    assert "auth_sign_out" in {b.key for b in admitted.sidebar.button}


# --------------------------------------------------------------------------- the offline check for administrators


def test_auth_check_reports_a_usable_setup_and_each_problem(tmp_path):
    from .test_cli import ttplan

    team = write(tmp_path, TEAM)
    ok = ttplan("auth-check", "--lang", "en", env={"TTPLAN_AUTH": "header", "TTPLAN_USERS": str(team)})
    assert ok.returncode == 0, ok.stderr
    assert "3 people (viewer 1, editor 1, admin 1)" in ok.stdout and "X-Forwarded-Email" in ok.stdout

    bad = write(tmp_path, "users:\n  - id: a@x.jp\n    role: boss\n", "bad.yaml")
    wrong = ttplan("auth-check", "--users", str(bad), env={"TTPLAN_AUTH": "header"})
    assert wrong.returncode == 2 and "bad.yaml:3" in wrong.stderr and "users[0].role" in wrong.stderr

    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[auth]\nredirect_uri = "http://ttplan.example.co.jp/cb"\ncookie_secret = "abc"\n', encoding="utf-8"
    )
    oidc = ttplan(
        "auth-check", "--secrets", str(secrets), "--lang", "en", env={"TTPLAN_AUTH": "oidc", "TTPLAN_USERS": str(team)}
    )
    assert oidc.returncode == 2
    for words in ("no client_id", "oauth2callback", "must use https", "cookie_secret is too short"):
        assert words in oidc.stderr
    assert "Traceback" not in oidc.stderr
    secrets.write_text("[auth]\n" + "".join(f'{k} = "{v}"\n' for k, v in GOOD_OIDC.items()), encoding="utf-8")
    good = ttplan("auth-check", "--secrets", str(secrets), env={"TTPLAN_AUTH": "oidc", "TTPLAN_USERS": str(team)})
    assert good.returncode == 0, good.stderr
