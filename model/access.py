"""Who may sign in and what each role may do: the team file (allowlist with roles) and the role permissions."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path as FsPath

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from model.format.problems import InputError, Problem
from model.format.validation import pydantic_problems
from model.format.vocab import Vocab
from model.format.yamlio import read_yaml_file

#: How people are identified (environment variable TTPLAN_AUTH): nobody signs in (the default, for one person
#: on their own machine), a reverse proxy that has signed the user in passes the identity in a header, or
#: Streamlit's own OpenID Connect sign-in (st.login).
AUTH_MODES = ("none", "header", "oidc")
DEFAULT_HEADER = "X-Forwarded-Email"
MAX_TEAM_FILE = 1024 * 1024


class Role(Vocab):
    VIEWER = (
        "viewer",
        "閲覧者",
        "Viewer",
        "ダッシュボード・指摘・契約レビュー・グラフ・履歴を見て、出力をダウンロードできる。案件の変更・保存はできない。",
        "Reads the dashboard, findings, contract review, graph and history and downloads exports; "
        "cannot change or save a project.",
    )
    EDITOR = (
        "editor",
        "編集者",
        "Editor",
        "閲覧者の権限に加え、案件を作成・編集・保存し、指摘への判断を記録し、古い版を復元できる。",
        "Everything a viewer can, plus creating, editing and saving projects, recording decisions on "
        "findings and restoring old versions.",
    )
    ADMIN = (
        "admin",
        "管理者",
        "Administrator",
        "編集者の権限に加え、案件をアーカイブ（一覧から外す）・復帰できる。",
        "Everything an editor can, plus archiving projects (taking them off the list) and bringing them back.",
    )


class Permission(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    ADMINISTER = "administer"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.VIEW}),
    Role.EDITOR: frozenset({Permission.VIEW, Permission.EDIT}),
    Role.ADMIN: frozenset({Permission.VIEW, Permission.EDIT, Permission.ADMINISTER}),
}


class NotAllowed(PermissionError):
    """An action the signed-in user's role does not permit (the UI hides it; this is the second line)."""


@dataclass(frozen=True, slots=True)
class Identity:
    """The person using this session: ``id`` is what is recorded in versions and decisions."""

    id: str
    name: str
    role: Role
    signed_in: bool
    """False when nobody signs in (mode "none"): the id is then the name the user typed, a declaration only."""

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise NotAllowed(f"{self.id} ({self.role.value}) may not {permission.value}")


class Member(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(
        min_length=3,
        max_length=200,
        pattern=r"^[^\s<>\"']+$",
        description="The identity the sign-in gives (usually the e-mail address); compared ignoring case.",
    )
    name: str = Field(default="", max_length=200, description="The name shown in the app.")
    role: Role


class TeamFile(BaseModel):
    """The allowlist: only the people listed here may sign in, each with one role."""

    model_config = ConfigDict(extra="forbid")

    users: list[Member] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Team:
    members: dict[str, Member]
    """Lower-cased id → member."""

    def identify(self, raw_id: str | None) -> Identity | None:
        """The identity of a signed-in id, or None when that id is not on the allowlist."""
        key = (raw_id or "").strip().lower()
        member = self.members.get(key) if key else None
        if member is None:
            return None
        return Identity(id=member.id, name=member.name or member.id, role=member.role, signed_in=True)


def load_team(path: str | os.PathLike) -> Team:
    """Read and check the team file; raises InputError naming the file, field and problem."""
    name = str(path)
    doc = read_yaml_file(path, max_bytes=MAX_TEAM_FILE)
    if not isinstance(doc.data, dict):
        raise InputError([Problem("not_a_mapping", file=name, params={"found": type(doc.data).__name__})])
    try:
        team = TeamFile.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(pydantic_problems(exc, doc, TeamFile, name)) from None
    members: dict[str, Member] = {}
    problems = []
    for i, member in enumerate(team.users):
        key = member.id.lower()
        if key in members:
            line, col = doc.mark(("users", i, "id"))
            problems.append(
                Problem(
                    "duplicate_id",
                    path=("users", i, "id"),
                    file=name,
                    line=line,
                    column=col,
                    params={"value": member.id, "first": members[key].id},
                )
            )
        members[key] = member
    if problems:
        raise InputError(problems)
    return Team(members)


@dataclass(frozen=True, slots=True)
class AuthSettings:
    """The sign-in settings, from the environment (so the same values reach the app and the CLI)."""

    mode: str
    header: str
    team_file: FsPath

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> AuthSettings:
        env = os.environ if env is None else env
        mode = (env.get("TTPLAN_AUTH") or "none").strip().lower()
        workspace = FsPath(env.get("TTPLAN_WORKSPACE") or "workspace")
        team_file = FsPath(env.get("TTPLAN_USERS") or workspace / "users.yaml")
        return cls(mode=mode, header=(env.get("TTPLAN_AUTH_HEADER") or DEFAULT_HEADER).strip(), team_file=team_file)

    def problem(self) -> tuple[str, str] | None:
        """What is wrong with the settings themselves (ja, en), or None."""
        if self.mode not in AUTH_MODES:
            return (
                f"TTPLAN_AUTH の値「{self.mode}」は使えません。選択肢: {', '.join(AUTH_MODES)}。",
                f"TTPLAN_AUTH '{self.mode}' is not a choice: {', '.join(AUTH_MODES)}.",
            )
        if self.mode == "header" and not self.header:
            return ("TTPLAN_AUTH_HEADER が空です。", "TTPLAN_AUTH_HEADER is empty.")
        return None


#: What an OIDC sign-in needs in .streamlit/secrets.toml ([auth]), per Streamlit's authentication docs.
OIDC_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")


def check_oidc_settings(auth: object) -> list[tuple[str, str]]:
    """Offline check of the [auth] section of secrets.toml (ja, en messages); an empty list means usable.

    Nothing here contacts the identity provider: the round trip itself can only be tried against it."""
    if not isinstance(auth, dict) or not auth:
        return [("secrets.toml に [auth] の設定がありません。", "secrets.toml has no [auth] section.")]
    out = []
    providers = {k: v for k, v in auth.items() if isinstance(v, dict)}
    shared = {k: v for k, v in auth.items() if not isinstance(v, dict)}
    # Either one provider directly under [auth], or named providers [auth.<name>] sharing redirect_uri/cookie_secret.
    blocks = {name: {**shared, **values} for name, values in providers.items()} or {"auth": shared}
    for name, values in blocks.items():
        where = "[auth]" if name == "auth" else f"[auth.{name}]"
        for key in OIDC_KEYS:
            if not str(values.get(key) or "").strip():
                out.append((f"{where} に {key} がありません。", f"{where} has no {key}."))
        redirect = str(values.get("redirect_uri") or "")
        if redirect and not redirect.rstrip("/").endswith("/oauth2callback"):
            out.append(
                (
                    f"{where} の redirect_uri は …/oauth2callback で終わる必要があります。",
                    f"{where} redirect_uri must end with /oauth2callback.",
                )
            )
        if (
            redirect
            and not redirect.startswith("https://")
            and "://localhost" not in redirect
            and "://127.0.0.1" not in redirect
        ):
            out.append(
                (
                    f"{where} の redirect_uri は https にしてください（社内でも平文は不可）。",
                    f"{where} redirect_uri must use https (also inside the company network).",
                )
            )
        metadata = str(values.get("server_metadata_url") or "")
        if metadata and not metadata.startswith("https://"):
            out.append(
                (
                    f"{where} の server_metadata_url は https にしてください。",
                    f"{where} server_metadata_url must use https.",
                )
            )
        secret = str(values.get("cookie_secret") or "")
        if secret and len(secret) < 32:
            out.append(
                (
                    f"{where} の cookie_secret が短すぎます（32文字以上の乱数にしてください）。",
                    f"{where} cookie_secret is too short (use a random value of at least 32 characters).",
                )
            )
    try:
        import authlib  # noqa: F401  (Streamlit's st.login needs it)
    except ImportError:
        out.append(
            (
                'OIDC サインインには Authlib が必要です: pip install -e ".[oidc]"',
                'OIDC sign-in needs Authlib: pip install -e ".[oidc]"',
            )
        )
    return out
