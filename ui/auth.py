"""Sign-in for team use: who is using this session, and what their role lets them see and do."""

from __future__ import annotations

import streamlit as st

from model.access import AuthSettings, Identity, NotAllowed, Permission, Role, Team, load_team
from model.access import check_oidc_settings as _check_oidc
from model.format.problems import InputError
from ui.i18n import Translator, lang
from ui.strings.auth import STRINGS

tr = Translator(STRINGS)
IDENTITY = "identity"  # session-state key, set by sign_in() on every run


@st.cache_resource(show_spinner=False, max_entries=4)
def _team(path: str, mtime_ns: int, size: int) -> Team:
    # Keyed on the file's time and size, so an administrator's edit takes effect without a restart.
    return load_team(path)


def team(settings: AuthSettings) -> Team:
    try:
        stat = settings.team_file.stat()
    except OSError:
        return load_team(settings.team_file)  # raises InputError naming the file
    return _team(str(settings.team_file), stat.st_mtime_ns, stat.st_size)


def request_header(name: str) -> str | None:
    """A header of the request that opened this session (the reverse proxy sets it after signing the user in)."""
    return st.context.headers.get(name)


def _refuse(message: str, detail: str = "", sign_out: bool = False) -> None:
    st.error(message)
    if detail:
        st.text(detail)  # may echo a header value or a file's content: plain text only
    if sign_out:
        st.button(tr("sign_out"), on_click=st.logout)
    st.stop()


def sign_in() -> Identity:
    """The identity of this session; when nobody may be let in, shows why and ends the run."""
    # Forget the last run's identity first: someone taken off the team file must not keep acting on it.
    st.session_state.pop(IDENTITY, None)
    settings = AuthSettings.from_env()
    code = lang()
    wrong = settings.problem()
    if wrong:
        _refuse(tr("settings_error"), wrong[0 if code == "ja" else 1])
    if settings.mode == "none":
        # One person on their own machine: the typed name is recorded, and every action is available.
        me = Identity(
            id=(st.session_state.get("user") or "").strip() or "unknown", name="", role=Role.ADMIN, signed_in=False
        )
        st.session_state[IDENTITY] = me
        return me
    if settings.mode == "oidc":
        problems = _check_oidc(st.secrets.to_dict().get("auth") if st.secrets.load_if_toml_exists() else None)
        if problems:
            _refuse(tr("settings_error"), "\n".join(p[0 if code == "ja" else 1] for p in problems))
        if not st.user.is_logged_in:
            st.title(tr("sign_in_title"))
            st.info(tr("sign_in_intro"))
            st.button(tr("sign_in"), type="primary", on_click=st.login)
            st.stop()
        claimed = st.user.get("email")
        if not claimed:
            _refuse(tr("no_email"), sign_out=True)
    else:
        claimed = request_header(settings.header)
        if not claimed:
            _refuse(tr("no_header"))
    try:
        me = team(settings).identify(claimed)
    except InputError as exc:
        _refuse(tr("team_error"), exc.report(code))
    if me is None:
        _refuse(tr("not_allowed", id=claimed[:200]), sign_out=settings.mode == "oidc")
    st.session_state[IDENTITY] = me
    return me


def current() -> Identity:
    """The identity sign_in() established for this session; none means nobody is signed in, who may do nothing."""
    me = st.session_state.get(IDENTITY)
    if me is None:
        raise NotAllowed("nobody is signed in")
    return me


def can(permission: Permission) -> bool:
    me = st.session_state.get(IDENTITY)
    return me is not None and me.can(permission)


def show_identity() -> None:
    """The sidebar's note of who is signed in, with their role (and sign-out for OIDC)."""
    me = current()
    st.text(tr("signed_in_as", name=me.name, id=me.id))  # names come from the team file: plain text
    st.caption(tr("role", role=me.role.label(lang())), help=me.role.description(lang()))
    if AuthSettings.from_env().mode == "oidc":
        st.button(tr("sign_out"), on_click=st.logout, key="auth_sign_out")


def read_only_note() -> None:
    """Where a viewer would otherwise find an action: say why it is not there."""
    st.caption(tr("read_only"))
