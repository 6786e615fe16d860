"""Store faults are told apart by error code (SQLite result codes, PostgreSQL SQLSTATE, errno), never by message text."""

from __future__ import annotations

import errno
import os
import sqlite3

import psycopg
import psycopg.errors as pg
import pytest
from sqlalchemy.exc import OperationalError, ProgrammingError

from model.api import load_project
from model.store import Store, StoreError, _fault

from .conftest import EXAMPLES


def sqlite_error(code: int, message: str) -> OperationalError:
    """What SQLAlchemy raises for a SQLite failure; the code is what the sqlite3 module sets on its errors."""
    orig = sqlite3.OperationalError(message)
    orig.sqlite_errorcode = code
    orig.sqlite_errorname = "SQLITE_?"
    return OperationalError("INSERT …", {}, orig)


def cause(exc: BaseException) -> str:
    return _fault(exc)[2]


@pytest.mark.parametrize(
    "code,expected",
    [
        (sqlite3.SQLITE_BUSY, "it is locked"),
        (sqlite3.SQLITE_LOCKED, "it is locked"),
        (sqlite3.SQLITE_READONLY, "read-only"),
        (1032, "read-only"),  # SQLITE_READONLY_DBMOVED: an extended code keeps its primary code in the low byte
        (sqlite3.SQLITE_CANTOPEN, "cannot be opened"),
        (sqlite3.SQLITE_NOTADB, "damaged or is not a database"),
        (sqlite3.SQLITE_CORRUPT, "damaged or is not a database"),
        (sqlite3.SQLITE_FULL, "the disk is full"),
        (778, "the disk could not be read or written"),  # SQLITE_IOERR_WRITE
    ],
)
def test_sqlite_codes_whatever_the_message_says(code, expected):
    # A localised or reworded message must not change the diagnosis.
    assert expected in cause(sqlite_error(code, "何かがうまくいきませんでした"))


def test_a_message_that_sounds_like_a_lock_is_not_taken_for_one():
    text = cause(sqlite_error(sqlite3.SQLITE_ERROR, "no such table: database is locked"))
    assert text == "cause: no such table: database is locked"


@pytest.mark.parametrize(
    "error,expected",
    [
        (pg.LockNotAvailable("ロックを取得できませんでした"), "it is locked"),
        (pg.DeadlockDetected("デッドロックを検出しました"), "it is locked"),
        (pg.ReadOnlySqlTransaction("読み取り専用トランザクションでは INSERT を実行できません"), "read-only"),
        (pg.InsufficientPrivilege("テーブル projects へのアクセスが拒否されました"), "not allowed to do this"),
        (pg.DiskFull("デバイスに空き領域がありません"), "the disk is full"),
        (pg.TooManyConnections("接続が多すぎます"), "too many people"),
        (pg.InvalidCatalogName('データベース"x"は存在しません'), "does not exist on the server"),
        (pg.InvalidPassword("パスワード認証に失敗しました"), "refused the sign-in"),
        (pg.AdminShutdown("管理者コマンドにより接続を終了しています"), "cannot be reached"),
        (pg.ConnectionFailure("接続に失敗しました"), "cannot be reached"),  # class 08
    ],
)
def test_postgresql_sqlstate_whatever_the_server_language(error, expected):
    wrapper = OperationalError if isinstance(error, psycopg.OperationalError) else ProgrammingError
    assert expected in cause(wrapper("SELECT …", {}, error))


def test_a_failed_connection_without_a_code_shows_the_drivers_line():
    # libpq gives no SQLSTATE when connecting: refused, unknown host and a wrong password look alike but for the text.
    error = psycopg.OperationalError(
        'connection failed: FATAL:  password authentication failed for user "ttplan"\nmore'
    )
    kind, ja, en = _fault(OperationalError("connect", {}, error))
    assert kind == "server"
    assert en == (
        "no connection to the database server could be made (connection failed: FATAL:  password "
        "authentication failed "
        'for user "ttplan")'
    )
    assert ja.startswith("データベースのサーバーに接続できません（connection failed:")


@pytest.mark.parametrize(
    "number,expected",
    [
        (errno.ENOENT, "cannot be opened"),
        (errno.EACCES, "cannot be opened"),
        (errno.EROFS, "read-only"),
        (errno.ENOSPC, "the disk is full"),
    ],
)
def test_os_errors_by_errno(number, expected):
    assert expected in cause(OSError(number, "システムのメッセージ"))


def test_an_unknown_fault_keeps_the_drivers_first_line():
    kind, ja, en = _fault(sqlite_error(sqlite3.SQLITE_MISMATCH, "datatype mismatch\nmore detail"))
    assert (kind, ja, en) == ("other", "原因: datatype mismatch", "cause: datatype mismatch")


@pytest.mark.skipif(not os.environ.get("TTPLAN_TEST_POSTGRES_URL"), reason="TTPLAN_TEST_POSTGRES_URL not set")
def test_postgresql_read_only_transaction_is_a_read_only_message(library, tmp_path, monkeypatch):
    """A real server refusing writes (as a standby does): SQLSTATE 25006 reads as the read-only message."""
    monkeypatch.setenv("TTPLAN_WORKSPACE", str(tmp_path / "workspace"))
    url = os.environ["TTPLAN_TEST_POSTGRES_URL"]
    Store(url)  # the tables exist
    joiner = "&" if "?" in url else "?"
    read_only = Store(f"{url}{joiner}options=-c%20default_transaction_read_only%3Don")
    spec = load_project(EXAMPLES[0], library).model_copy(deep=True)
    spec.project.id = "read-only-check"
    with pytest.raises(StoreError) as info:
        read_only.save(spec, "山田")
    assert "read-only" in info.value.en and "読み取り専用" in info.value.ja and info.value.rescued_to
