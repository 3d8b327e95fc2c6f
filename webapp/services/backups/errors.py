"""The errors of backing up and restoring."""

from ...errors import AppError, Conflict


class BackupFailed(AppError):
    """A backup or restore that could not be done or checked; nothing was kept or changed."""

    code = "backup_failed"


class RestoreRefused(Conflict):
    """A backup that must not be restored here (a schema this code does not know, a bad checksum)."""

    code = "restore_refused"
