"""SQLite connection settings: WAL, durability (SQLITE_SYNCHRONOUS), foreign keys, a busy timeout, and
BEGIN IMMEDIATE for writers."""

import os
import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 30_000
# NORMAL: a commit survives the app or the OS process crashing, but the last commits before a power cut
# may be lost (never corrupted). FULL: each commit is synced to disk before it returns (README, figures).
SYNCHRONOUS_MODES = ("NORMAL", "FULL")


def synchronous_mode(env=None) -> str:
    """SQLITE_SYNCHRONOUS from the environment (NORMAL by default); ValueError for any other value."""
    raw = (os.environ if env is None else env).get("SQLITE_SYNCHRONOUS", "").strip().upper() or "NORMAL"
    if raw not in SYNCHRONOUS_MODES:
        raise ValueError(f"SQLITE_SYNCHRONOUS={raw!r}: use NORMAL or FULL")
    return raw


@event.listens_for(Engine, "connect")
def _on_connect(dbapi_conn, _record):
    if not isinstance(dbapi_conn, sqlite3.Connection):
        return
    # Take transaction control from the driver so the "begin" hook below decides how to BEGIN.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA synchronous={synchronous_mode()}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


@event.listens_for(Engine, "begin")
def _on_begin(conn):
    if conn.dialect.name != "sqlite":
        return
    # A deferred transaction that reads and then writes fails at once with "database is
    # locked" when another writer committed in between; writers take the lock up front and
    # queue on busy_timeout instead.
    immediate = conn.get_execution_options().get("write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
