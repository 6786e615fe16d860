"""The workspace store: projects and every saved version (SQLite by default, any SQLAlchemy URL), with optimistic saving that never loses work."""

from __future__ import annotations

import datetime as dt
import errno
import functools
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path as FsPath

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from model.format.problems import InputError
from model.format.project_io import content_hash, dump_project, parse_project
from model.format.spec import ProjectSpec
from model.knowledge.library import Library

SCHEMA_VERSION = 1
DEFAULT_WORKSPACE = "workspace"
#: How long a save waits for another writer's lock before giving up (milliseconds); TTPLAN_DB_BUSY_TIMEOUT_MS.
DEFAULT_BUSY_TIMEOUT_MS = 10000
#: Execution option marking connections that only read.
READ_ONLY = "ttplan_read_only"

metadata = MetaData()

meta_table = Table(
    "ttplan_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(200), nullable=False),
)
projects_table = Table(
    "projects",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(400), nullable=False),
    Column("latest_version", Integer, nullable=False),
    Column("archived", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
versions_table = Table(
    "versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("project_id", String(64), ForeignKey("projects.id"), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("yaml", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("author", String(200), nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("project_id", "number", name="uq_version_number"),
)
drafts_table = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("project_id", String(64), nullable=False, index=True),
    Column("base_version", Integer, nullable=True),
    Column("yaml", Text, nullable=False),
    Column("author", String(200), nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("reason", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
decisions_table = Table(
    "decision_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("project_id", String(64), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("finding", String(200), nullable=False),
    Column("status", String(32), nullable=False),
    Column("justification", Text, nullable=True),
    Column("decided_by", String(200), nullable=True),
    Column("decided_at", String(40), nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)


# --------------------------------------------------------------------------- errors


class StoreError(Exception):
    """A store operation that could not be done, with a message in both languages."""

    def __init__(self, ja: str, en: str, rescued_to: str | None = None):
        self.ja, self.en = ja, en
        #: The file that holds content the database refused, when there was content to keep.
        self.rescued_to = rescued_to
        super().__init__(en)

    def message(self, lang: str = "ja") -> str:
        return self.ja if lang == "ja" else self.en


class ConflictError(StoreError):
    """Someone saved a newer version first; the refused content is kept as a draft."""

    def __init__(self, project_id: str, base: int | None, latest: int, draft_id: int):
        self.project_id, self.base, self.latest, self.draft_id = project_id, base, latest, draft_id
        super().__init__(
            f"「{project_id}」は編集中に他の人が版 {latest} を保存しました（編集の元は版 {base}）。"
            f"あなたの変更は下書き #{draft_id} として保存されています。最新版と比べて反映してください。",
            f"'{project_id}' was saved by someone else as version {latest} while you edited version {base}. "
            f"Your changes are kept as draft #{draft_id}; compare them with the latest version and apply them again.",
        )


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class StoredProject:
    id: str
    name: str
    latest_version: int
    archived: bool
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class VersionInfo:
    project_id: str
    number: int
    author: str
    comment: str
    created_at: dt.datetime
    content_hash: str


@dataclass(frozen=True, slots=True)
class DraftInfo:
    id: int
    project_id: str
    base_version: int | None
    author: str
    comment: str
    reason: str
    created_at: dt.datetime


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --------------------------------------------------------------------------- engine


def database_url(url: str | None = None) -> str:
    """The store to use: an explicit URL, else TTPLAN_DATABASE_URL, else SQLite in the workspace folder."""
    if url:
        return url
    if os.environ.get("TTPLAN_DATABASE_URL"):
        return os.environ["TTPLAN_DATABASE_URL"]
    folder = FsPath(os.environ.get("TTPLAN_WORKSPACE", DEFAULT_WORKSPACE))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'ttplan.db'}"


def busy_timeout_ms() -> int:
    """How long SQLite waits for a lock: TTPLAN_DB_BUSY_TIMEOUT_MS, else DEFAULT_BUSY_TIMEOUT_MS."""
    raw = os.environ.get("TTPLAN_DB_BUSY_TIMEOUT_MS", "").strip()
    if not raw:
        return DEFAULT_BUSY_TIMEOUT_MS
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise StoreError(
            f"環境変数 TTPLAN_DB_BUSY_TIMEOUT_MS は 0 以上の整数（ミリ秒）で指定してください（「{raw[:40]}」）。",
            f"TTPLAN_DB_BUSY_TIMEOUT_MS must be a whole number of milliseconds, 0 or more ('{raw[:40]}').",
        )
    return value


def _sqlite_pragmas(busy_ms: int) -> Callable:
    def on_connect(dbapi_connection, _record) -> None:
        # WAL lets readers work while one writer saves; the busy timeout waits for a lock instead of failing at once.
        # Transactions are begun by us (the "begin" listener in make_engine), not by the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # The timeout first: switching to WAL itself may have to wait for another writer.
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            # A read-only database cannot switch; it still reads in its own journal mode, and a save then fails
            # with a clear "read-only" message instead of the store failing to open.
            pass
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return on_connect


#: Connections kept open per server process (each app session borrows one per store call). The load test runs 22
#: sessions at once; SQLAlchemy's default of 5 (+10 overflow) made some of them queue for a connection.
POOL_SIZE, POOL_OVERFLOW = 20, 20
#: What a database can throw at us besides a conflict: driver errors, and no free connection in time.
DB_FAULTS = (DatabaseError, PoolTimeout)


def make_engine(url: str) -> Engine:
    memory = make_url(url).database in (None, "", ":memory:")  # in-memory SQLite has a single-connection pool
    sizing = {} if memory else {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
    engine = create_engine(url, future=True, pool_pre_ping=True, **sizing)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms()))
        # A write takes the write lock when its transaction starts, so a second writer waits and then sees the
        # first one's version (a conflict it can report) instead of failing to upgrade a stale read. A read takes
        # no lock up front: in WAL it never waits for a writer, so the app can still list and open projects while
        # another program holds the lock.
        event.listen(
            engine,
            "begin",
            lambda conn: conn.exec_driver_sql(
                "BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE"
            ),
        )
    return engine


def reader(engine: Engine) -> Engine:
    """The engine for reads only (no write lock taken on SQLite)."""
    return engine.execution_options(**{READ_ONLY: True})


# --------------------------------------------------------------------------- migrations

#: Each step brings the schema from version n-1 to n. Add a step (never edit an old one) to change the schema.
MIGRATIONS: dict[int, Callable[[Engine], None]] = {
    1: lambda engine: metadata.create_all(engine),
}


def schema_version(engine: Engine) -> int:
    if not inspect(reader(engine)).has_table("ttplan_meta"):
        return 0
    with reader(engine).connect() as conn:
        value = conn.execute(select(meta_table.c.value).where(meta_table.c.key == "schema_version")).scalar()
    return int(value) if value else 0


def migrate(engine: Engine) -> int:
    """Bring the database to SCHEMA_VERSION; refuse a database made by a newer ttplan."""
    current = schema_version(engine)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"このデータベースは新しい版の ttplan で作成されています（スキーマ {current}）。ttplan を更新してください。",
            f"This database was made by a newer ttplan (schema {current}); update ttplan.",
        )
    for step in range(current + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[step](engine)
        with engine.begin() as conn:
            if conn.execute(select(meta_table.c.key).where(meta_table.c.key == "schema_version")).first():
                conn.execute(update(meta_table).where(meta_table.c.key == "schema_version").values(value=str(step)))
            else:
                conn.execute(insert(meta_table).values(key="schema_version", value=str(step)))
    return SCHEMA_VERSION


# --------------------------------------------------------------------------- the store

#: Causes of a database fault in the words of someone who saves a project: cause -> (kind, ja, en). The kind decides
#: whether the message also points at where the store is kept ("location", "other").
_CAUSES: dict[str, tuple[str, str, str]] = {
    "locked": (
        "locked",
        "データベースは他の人または他のプログラムが書き込み中で、使用中（ロック中）です。少し待ってからもう一度やり直してください",
        "the database is busy: another user or program is writing to it (it is locked). Wait a moment and try again",
    ),
    "crowded": (
        "locked",
        "データベースへの接続が混み合っています（同時に使う人が多すぎます）。少し待ってからもう一度やり直してください",
        "the database is busy: too many people are using it at once. Wait a moment and try again",
    ),
    "read_only": (
        "read_only",
        "データベースは読み取り専用で、書き込めません。書き込みの権限を管理者に確認してください",
        "the database is read-only, so nothing can be written to it. Ask the administrator for permission to write",
    ),
    "no_permission": (
        "read_only",
        "データベースのアカウントにこの操作の権限がありません。権限を管理者に確認してください",
        "the database account is not allowed to do this. Ask the administrator for the permission",
    ),
    "cannot_open": (
        "location",
        "データベースのファイルを開けません（フォルダがない、フォルダを指している、または権限がない）",
        "the database file cannot be opened (its folder does not exist, the path is a folder, or access is not allowed)",
    ),
    "damaged": (
        "location",
        "データベースのファイルが壊れているか、データベースではありません",
        "the database file is damaged or is not a database",
    ),
    "disk_full": ("disk", "ディスクの空きがありません", "the disk is full"),
    "disk_io": ("disk", "ディスクの読み書きに失敗しました", "the disk could not be read or written"),
    "bad_url": (
        "location",
        "データベースの指定（TTPLAN_DATABASE_URL）が正しい形式ではありません",
        "the database address (TTPLAN_DATABASE_URL) is not in a valid form",
    ),
    "no_database": (
        "location",
        "TTPLAN_DATABASE_URL で指定したデータベースがサーバーにありません",
        "the database named in TTPLAN_DATABASE_URL does not exist on the server",
    ),
    "sign_in": (
        "server",
        "データベースのサーバーがログインを拒否しました（TTPLAN_DATABASE_URL のユーザー名またはパスワード）",
        "the database server refused the sign-in (the user name or password in TTPLAN_DATABASE_URL)",
    ),
    "server": ("server", "データベースのサーバーに接続できません", "the database server cannot be reached"),
    # The driver reports a failed connection without a code (refused, unknown host, wrong password all alike), so
    # its own first line follows the message.
    "connect": (
        "server",
        "データベースのサーバーに接続できません",
        "no connection to the database server could be made",
    ),
}

#: SQLite's primary result codes (an extended code such as SQLITE_IOERR_WRITE carries its primary code in the low
#: byte); the driver's message text is not used: it changes between versions and builds.
_SQLITE_CAUSES: dict[int, str] = {
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_READONLY: "read_only",
    sqlite3.SQLITE_PERM: "cannot_open",
    sqlite3.SQLITE_CANTOPEN: "cannot_open",
    sqlite3.SQLITE_NOTADB: "damaged",
    sqlite3.SQLITE_CORRUPT: "damaged",
    sqlite3.SQLITE_FULL: "disk_full",
    sqlite3.SQLITE_IOERR: "disk_io",
}

#: PostgreSQL's SQLSTATE codes (psycopg's ``.sqlstate``): the same in every server language, unlike the message.
_SQLSTATE_CAUSES: dict[str, str] = {
    "55P03": "locked",  # lock_not_available (lock_timeout, NOWAIT)
    "40P01": "locked",  # deadlock_detected
    "55006": "locked",  # object_in_use
    "57014": "locked",  # query_canceled (statement_timeout)
    "25006": "read_only",  # read_only_sql_transaction (a standby, or default_transaction_read_only)
    "42501": "no_permission",  # insufficient_privilege
    "53100": "disk_full",
    "53300": "crowded",  # too_many_connections
    "58030": "disk_io",
    "XX001": "damaged",  # data_corrupted
    "XX002": "damaged",  # index_corrupted
    "3D000": "no_database",  # invalid_catalog_name
    "28000": "sign_in",
    "28P01": "sign_in",
    "57P01": "server",  # admin_shutdown
    "57P02": "server",  # crash_shutdown
    "57P03": "server",  # cannot_connect_now (starting up)
}
_SQLSTATE_CLASS_CAUSES: dict[str, str] = {"08": "server", "53": "crowded", "58": "disk_io"}

_ERRNO_CAUSES: dict[int, str] = {
    errno.ENOENT: "cannot_open",
    errno.ENOTDIR: "cannot_open",
    errno.EISDIR: "cannot_open",
    errno.EACCES: "cannot_open",
    errno.EPERM: "cannot_open",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full",
    errno.EIO: "disk_io",
}


def _cause(exc: BaseException) -> str | None:
    """The cause of a fault from its error code: SQLite's result code, PostgreSQL's SQLSTATE, the OS errno."""
    if isinstance(exc, PoolTimeout):
        return "crowded"  # no pooled connection came free in time
    if isinstance(exc, ArgumentError):
        return "bad_url"  # a URL SQLAlchemy cannot parse, or a driver it cannot load
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_CAUSES.get(code & 0xFF)
    if hasattr(orig, "sqlstate") or hasattr(orig, "pgcode"):  # psycopg 3, psycopg2
        state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
        if state:
            return _SQLSTATE_CAUSES.get(state) or _SQLSTATE_CLASS_CAUSES.get(state[:2])
        # No SQLSTATE: the connection failed (refused, unknown host, timeout, or a refused sign-in: libpq does not
        # pass on the server's code when connecting).
        return "connect" if isinstance(exc, OperationalError) else None
    if isinstance(orig, OSError) and orig.errno is not None:
        return _ERRNO_CAUSES.get(orig.errno)
    return None


def _fault(exc: BaseException) -> tuple[str, str, str]:
    """What kind of fault this is and its cause in plain words (kind, ja, en); unknown causes keep the driver's
    first line, which is all there is to go on."""
    cause = _cause(exc)
    text = str(getattr(exc, "orig", None) or exc).strip()
    first = (text.splitlines() or [type(exc).__name__])[0][:200]
    if cause == "connect":
        kind, ja, en = _CAUSES[cause]
        return kind, f"{ja}（{first}）", f"{en} ({first})"
    if cause is not None:
        return _CAUSES[cause]
    return "other", f"原因: {first}", f"cause: {first}"


def _not_saved(exc: BaseException, text: str, project_id: str) -> StoreError:
    """The error for a save the database refused; the content goes to a file first so nothing is lost."""
    if isinstance(exc, StoreError) and exc.rescued_to:
        return exc
    draft_file = _rescue(text, project_id)
    if isinstance(exc, StoreError):
        ja, en = exc.ja.rstrip("。"), exc.en.rstrip(".")
    else:
        _, ja, en = _fault(exc)
    return StoreError(
        f"保存できませんでした: {ja}。編集した内容は失われていません。ファイル {draft_file} に書き出しました。",
        f"The project was not saved: {en}. Nothing is lost: its content was written to {draft_file}.",
        rescued_to=draft_file,
    )


def _database_faults(method: Callable) -> Callable:
    """Turn a database fault during a read or a small update into a StoreError with the cause in plain words."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except IntegrityError:
            raise
        except DB_FAULTS as exc:
            _, ja, en = _fault(exc)
            raise StoreError(f"データベースを使えません: {ja}。", f"The database cannot be used: {en}.") from exc

    return wrapper


class Store:
    """Projects with their version history, drafts of refused saves, and the log of decisions on findings."""

    def __init__(self, url: str | None = None):
        try:
            self.url = database_url(url)
            self.engine = make_engine(self.url)
            self._reader = reader(self.engine)
            migrate(self.engine)
        except (*DB_FAULTS, ArgumentError, OSError) as exc:
            # DatabaseError covers OperationalError (cannot open, locked, read-only) and "file is not a database".
            kind, ja, en = _fault(exc)
            hint = ("", "")
            if kind in ("location", "other"):
                hint = (
                    "保存先（TTPLAN_DATABASE_URL または TTPLAN_WORKSPACE）を確認してください。",
                    " Check where it is kept (TTPLAN_DATABASE_URL or TTPLAN_WORKSPACE).",
                )
            raise StoreError(
                f"データベースを開けません: {ja}。{hint[0]}", f"The database cannot be opened: {en}.{hint[1]}"
            ) from exc

    # ----------------------------------------------------------------- reading

    @_database_faults
    def projects(self, include_archived: bool = False) -> list[StoredProject]:
        query = select(projects_table).order_by(projects_table.c.id)
        if not include_archived:
            query = query.where(projects_table.c.archived.is_(False))
        with self._reader.connect() as conn:
            return [
                StoredProject(r.id, r.name, r.latest_version, r.archived, r.updated_at) for r in conn.execute(query)
            ]

    @_database_faults
    def project(self, project_id: str) -> StoredProject:
        with self._reader.connect() as conn:
            r = conn.execute(select(projects_table).where(projects_table.c.id == project_id)).first()
        if r is None:
            raise StoreError(
                f"案件「{project_id}」は保存されていません。", f"There is no stored project '{project_id}'."
            )
        return StoredProject(r.id, r.name, r.latest_version, r.archived, r.updated_at)

    @_database_faults
    def versions(self, project_id: str) -> list[VersionInfo]:
        self.project(project_id)
        query = (
            select(versions_table)
            .where(versions_table.c.project_id == project_id)
            .order_by(versions_table.c.number.desc())
        )
        with self._reader.connect() as conn:
            return [
                VersionInfo(r.project_id, r.number, r.author, r.comment, r.created_at, r.content_hash)
                for r in conn.execute(query)
            ]

    @_database_faults
    def version_yaml(self, project_id: str, number: int | None = None) -> tuple[int, str]:
        """The canonical YAML of a version (the latest when ``number`` is None) and its number."""
        number = number if number is not None else self.project(project_id).latest_version
        with self._reader.connect() as conn:
            text = conn.execute(
                select(versions_table.c.yaml).where(
                    versions_table.c.project_id == project_id, versions_table.c.number == number
                )
            ).scalar()
        if text is None:
            raise StoreError(
                f"案件「{project_id}」に版 {number} はありません。", f"Project '{project_id}' has no version {number}."
            )
        return number, text

    def load(self, project_id: str, number: int | None = None, library: Library | None = None) -> ProjectSpec:
        """A stored version as a project (validated against today's library)."""
        number, text = self.version_yaml(project_id, number)
        spec, problems = parse_project(text.encode("utf-8"), f"{project_id}@v{number}", library)
        if spec is None:
            raise InputError(problems)
        return spec

    @_database_faults
    def drafts(self, project_id: str | None = None) -> list[DraftInfo]:
        query = select(drafts_table).order_by(drafts_table.c.id.desc())
        if project_id:
            query = query.where(drafts_table.c.project_id == project_id)
        with self._reader.connect() as conn:
            return [
                DraftInfo(r.id, r.project_id, r.base_version, r.author, r.comment, r.reason, r.created_at)
                for r in conn.execute(query)
            ]

    @_database_faults
    def draft_yaml(self, draft_id: int) -> str:
        with self._reader.connect() as conn:
            text = conn.execute(select(drafts_table.c.yaml).where(drafts_table.c.id == draft_id)).scalar()
        if text is None:
            raise StoreError(f"下書き #{draft_id} はありません。", f"There is no draft #{draft_id}.")
        return text

    @_database_faults
    def decisions(self, project_id: str) -> list[dict]:
        query = select(decisions_table).where(decisions_table.c.project_id == project_id).order_by(decisions_table.c.id)
        with self._reader.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    # ----------------------------------------------------------------- writing

    def save(
        self,
        spec: ProjectSpec,
        author: str,
        comment: str = "",
        base_version: int | None = None,
        before_commit: Callable[[], None] | None = None,
    ) -> int:
        """Save a new version of the project; returns its number.

        ``base_version`` is the version the edit started from (None for a new project). When the project has
        moved on since, the save is refused with ConflictError and the content kept as a draft. Saving content
        identical to the latest version creates no new version. ``before_commit`` (tests only) runs inside the
        transaction just before it commits.
        """
        project_id = spec.project.id or "project"
        text = dump_project(spec)
        digest = content_hash(text)
        author = (author or "").strip() or "unknown"
        stamp = now()
        # Only what can be opened again is stored as a version (e.g. no reference to a removed technology);
        # anything else is kept as a draft so the work is not lost.
        _, problems = parse_project(text.encode("utf-8"), f"{project_id} (save)")
        if any(p.severity == "error" for p in problems):
            self._keep_draft(project_id, base_version, text, author, comment, "invalid")
            raise InputError(problems)
        try:
            with self.engine.begin() as conn:
                row = conn.execute(
                    select(projects_table.c.latest_version).where(projects_table.c.id == project_id)
                ).first()
                latest = row.latest_version if row else None
                if latest != base_version:
                    raise _Conflict(latest)
                if latest is not None:
                    current_hash = conn.execute(
                        select(versions_table.c.content_hash).where(
                            versions_table.c.project_id == project_id, versions_table.c.number == latest
                        )
                    ).scalar()
                    if current_hash == digest:
                        return latest
                    # Compare-and-swap: only one writer can move the project from `latest` to `latest + 1`.
                    moved = conn.execute(
                        update(projects_table)
                        .where(projects_table.c.id == project_id, projects_table.c.latest_version == latest)
                        .values(latest_version=latest + 1, name=spec.project.name, updated_at=stamp)
                    )
                    if moved.rowcount != 1:
                        raise _Conflict(latest)
                else:
                    conn.execute(
                        insert(projects_table).values(
                            id=project_id,
                            name=spec.project.name,
                            latest_version=1,
                            archived=False,
                            created_at=stamp,
                            updated_at=stamp,
                        )
                    )
                number = (latest or 0) + 1
                conn.execute(
                    insert(versions_table).values(
                        project_id=project_id,
                        number=number,
                        yaml=text,
                        content_hash=digest,
                        author=author,
                        comment=comment or "",
                        created_at=stamp,
                    )
                )
                self._log_decisions(conn, project_id, number, spec, latest)
                if before_commit:
                    before_commit()
                return number
        except (_Conflict, IntegrityError) as exc:
            try:
                latest = exc.latest if isinstance(exc, _Conflict) else self.project(project_id).latest_version
                draft_id = self._keep_draft(project_id, base_version, text, author, comment, "conflict")
            except StoreError as fault:
                raise _not_saved(fault, text, project_id) from fault
            raise ConflictError(project_id, base_version, latest if latest is not None else 0, draft_id) from None
        except DB_FAULTS as exc:
            raise _not_saved(exc, text, project_id) from exc

    def _keep_draft(self, project_id: str, base: int | None, text: str, author: str, comment: str, reason: str) -> int:
        """Keep refused content as a draft; when even that cannot be written, keep it in a file and say where."""
        try:
            with self.engine.begin() as conn:
                result = conn.execute(
                    insert(drafts_table).values(
                        project_id=project_id,
                        base_version=base,
                        yaml=text,
                        author=author,
                        comment=comment or "",
                        reason=reason,
                        created_at=now(),
                    )
                )
                return int(result.inserted_primary_key[0])
        except DB_FAULTS as exc:
            raise _not_saved(exc, text, project_id) from exc

    def _log_decisions(self, conn, project_id: str, number: int, spec: ProjectSpec, previous: int | None) -> None:
        """Record each decision that is new or changed since the previous version, so the review trail survives."""
        before: dict[str, tuple] = {}
        if previous is not None:
            rows = conn.execute(
                select(decisions_table).where(decisions_table.c.project_id == project_id).order_by(decisions_table.c.id)
            )
            for r in rows:
                before[r.finding] = (r.status, r.justification, r.decided_by, r.decided_at)
        for d in spec.decisions:
            at = d.at.isoformat() if d.at else None
            current = (d.status.value, d.justification, d.by, at)
            if before.get(d.finding) != current:
                conn.execute(
                    insert(decisions_table).values(
                        project_id=project_id,
                        version=number,
                        finding=d.finding,
                        status=d.status.value,
                        justification=d.justification,
                        decided_by=d.by,
                        decided_at=at,
                        recorded_at=now(),
                    )
                )

    def restore(self, project_id: str, number: int, author: str) -> int:
        """Make an old version the newest (a new version with its content); nothing is overwritten."""
        info = self.project(project_id)
        _, text = self.version_yaml(project_id, number)
        spec, problems = parse_project(text.encode("utf-8"), f"{project_id}@v{number}")
        if spec is None:
            raise InputError(problems)
        return self.save(
            spec, author, f"版 {number} を復元 / restored version {number}", base_version=info.latest_version
        )

    @_database_faults
    def set_archived(self, project_id: str, archived: bool) -> None:
        """Archive (hide from the list) or bring back a project; nothing is ever deleted."""
        self.project(project_id)
        with self.engine.begin() as conn:
            conn.execute(update(projects_table).where(projects_table.c.id == project_id).values(archived=archived))

    @_database_faults
    def seed(self, paths: list[FsPath], library: Library | None = None) -> list[str]:
        """Import the example projects when the store is empty (first start); returns the ids added."""
        with self._reader.connect() as conn:
            if conn.execute(select(func.count()).select_from(projects_table)).scalar():
                return []
        added = []
        for path in paths:
            spec, problems = parse_project(FsPath(path).read_bytes(), str(path), library)
            if spec is not None:
                self.save(spec, "ttplan", "組み込みの案件例 / built-in example")
                added.append(spec.project.id)
        return added


class _Conflict(Exception):
    def __init__(self, latest: int | None):
        self.latest = latest


def _rescue(text: str, project_id: str) -> str:
    """Last resort when the database refuses a write: keep the content in a file so nothing is lost."""
    from model.format.yamlio import atomic_write

    folder = FsPath(os.environ.get("TTPLAN_WORKSPACE", DEFAULT_WORKSPACE)) / "unsaved"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{project_id}-{now().strftime('%Y%m%dT%H%M%S%f')}.yaml"
        atomic_write(target, text)
        return str(target)
    except OSError:
        import tempfile

        fd, name = tempfile.mkstemp(prefix=f"ttplan-{project_id}-", suffix=".yaml")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        return name
