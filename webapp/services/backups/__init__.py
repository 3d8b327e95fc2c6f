"""Backups of the shop's database: SQLite's online backup API or pg_dump into timestamped files in the
backup folder, each checked and described by a JSON side file (size, time, database, schema revision,
checksum); retention and the nightly time set by the owner in a JSON file beside them; restore with
checks (integrity, checksum, a schema this code knows) and an upgrade of an older schema to the head.
"""

from .errors import BackupFailed, RestoreRefused
from .records import BackupRecord, backup_file, list_backups, prune
from .restore import code_head, inspect_backup, restore_backup
from .settings import (
    KEEP_DAYS_RANGE,
    KEEP_FILES_RANGE,
    BackupSettings,
    backup_folder,
    backup_settings,
    save_backup_settings,
)
from .take import database_kind, take_backup

__all__ = [
    "KEEP_DAYS_RANGE",
    "KEEP_FILES_RANGE",
    "BackupFailed",
    "BackupRecord",
    "BackupSettings",
    "RestoreRefused",
    "backup_file",
    "backup_folder",
    "backup_settings",
    "code_head",
    "database_kind",
    "inspect_backup",
    "list_backups",
    "prune",
    "restore_backup",
    "save_backup_settings",
    "take_backup",
]
