"""SQLite: copies through the online backup API (consistent while scans go on), checked with integrity_check."""

import sqlite3
from contextlib import closing
from pathlib import Path

from .errors import BackupFailed

BUSY_TIMEOUT_S = 30


def copy_database(source: str, target: Path) -> None:
    """Copy the live database at `source` into a new file `target`, as one self-contained file (no WAL)."""
    with closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)) as src, closing(sqlite3.connect(target)) as dst:
        # One step (pages=-1) reads one snapshot: writers carry on under WAL and none of their work is torn.
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    check_integrity(target)


def check_integrity(path: Path) -> None:
    """Raise BackupFailed unless `PRAGMA integrity_check` on the file answers ok."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise BackupFailed(f"{path.name} is not a readable SQLite database ({exc})") from None
    if rows != [("ok",)]:
        raise BackupFailed(f"{path.name} failed its integrity check: {'; '.join(r[0] for r in rows[:5])}")


def revision_in(path: Path) -> str | None:
    """The Alembic revision recorded inside the file, or None when it has none."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def restore_into(backup: Path, live: str) -> None:
    """Copy the backup into the live database with the backup API, page by page under the writer lock.

    The live file is never replaced under the app: its open connections see the restored data at their
    next transaction, and a writer waits (busy_timeout) until the copy is done.
    """
    source = closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True))
    with source as src, closing(sqlite3.connect(live, timeout=BUSY_TIMEOUT_S)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")  # the app's mode, whatever the copy's header said
    check_integrity(Path(live))
