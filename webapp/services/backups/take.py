"""Taking a backup: copy, check, record, then apply the retention."""

import contextlib
import fcntl
import os
from datetime import datetime
from pathlib import Path

from ...extensions import db
from ...models.types import utcnow
from . import pg_copy, sqlite_copy
from .errors import BackupFailed
from .records import BackupRecord, new_backup_path, partial_of, prune, write_record
from .settings import backup_folder, backup_settings


def app_schema() -> str:
    """The PostgreSQL schema the app's tables live in: the URL's search_path, else the connection's (public)."""
    named = pg_copy.schema_of(db.engine.url)
    if named:
        return named
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT current_schema()").scalar() or "public"


def database_kind() -> str:
    """sqlite or postgresql: the app's database, as backups name it."""
    return "sqlite" if db.engine.dialect.name == "sqlite" else "postgresql"


@contextlib.contextmanager
def backup_lock():
    """One backup or restore at a time across every process of the shop (the scheduler, the servers, the CLI)."""
    with (backup_folder() / ".lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def take_backup(now: datetime | None = None, prune_old: bool = True) -> BackupRecord:
    """Back up the app's database into the backup folder; old backups are pruned only after this one is good."""
    now = now or utcnow()
    kind = database_kind()
    with backup_lock():
        path = new_backup_path(kind, now)
        partial = partial_of(path)
        try:
            revision = _copy(kind, partial)
        except BaseException:
            partial.unlink(missing_ok=True)  # a bad copy is never left to be mistaken for a backup
            raise
        os.replace(partial, path)
        record = write_record(path, taken_at=now, database=kind, revision=revision)
        if prune_old:
            prune(backup_settings(), now)
    return record


def _copy(kind: str, target: Path) -> str:
    url = db.engine.url
    if kind == "sqlite":
        if not url.database or url.database == ":memory:":
            raise BackupFailed("an in-memory SQLite database cannot be backed up")
        sqlite_copy.copy_database(url.database, target)
        revision = sqlite_copy.revision_in(target)
    else:
        pg_copy.dump_database(url, app_schema(), target)
        _schema, revision = pg_copy.revision_in(target, url)
    if not revision:
        raise BackupFailed("the database has no schema revision (alembic_version): run `flask db upgrade` first")
    return revision
