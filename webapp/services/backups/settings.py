"""The owner's backup settings: retention and the nightly time, kept in a JSON file in the backup folder."""

import json
import os
import re
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app

from ...errors import InvalidInput

SETTINGS_FILE = "backup-settings.json"
KEEP_DAYS_RANGE = (1, 3650)
KEEP_FILES_RANGE = (1, 1000)
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class BackupSettings:
    """How long backups are kept (both limits apply) and when the nightly one runs, in the shop's time zone."""

    keep_days: int = 30
    keep_files: int = 14
    nightly: bool = True
    nightly_at: str = "02:30"

    @property
    def hour_minute(self) -> tuple[int, int]:
        hour, minute = self.nightly_at.split(":")
        return int(hour), int(minute)

    def next_nightly(self, now: datetime) -> datetime | None:
        """When the next nightly backup runs, in the zone of `now` (the shop's), or None when they are off."""
        if not self.nightly:
            return None
        hour, minute = self.hour_minute
        at = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return at if at > now else (at + timedelta(days=1)).replace(hour=hour, minute=minute)


def backup_folder() -> Path:
    """The folder backups go to (BACKUP_DIR, default instance/backups), made on first use."""
    folder = Path(current_app.config.get("BACKUP_DIR") or Path(current_app.instance_path) / "backups")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_settings() -> BackupSettings:
    """The saved settings, or the defaults; a file edited by hand into nonsense falls back to the defaults."""
    path = backup_folder() / SETTINGS_FILE
    try:
        raw = json.loads(path.read_text())
        return _validated(raw)
    except (OSError, ValueError, TypeError, InvalidInput):
        return BackupSettings()


def save_backup_settings(*, keep_days, keep_files, nightly: bool, nightly_at: str) -> BackupSettings:
    """Check and store the settings; raises InvalidInput naming each bad field (nothing is written then)."""
    settings = _validated(
        {"keep_days": keep_days, "keep_files": keep_files, "nightly": nightly, "nightly_at": nightly_at}
    )
    path = backup_folder() / SETTINGS_FILE
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(asdict(settings), indent=2))
    os.replace(partial, path)  # a reader never sees half a file
    return settings


def _validated(raw: dict) -> BackupSettings:
    errors = {}
    values = {}
    for field, (low, high) in (("keep_days", KEEP_DAYS_RANGE), ("keep_files", KEEP_FILES_RANGE)):
        value = raw.get(field)
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 6:
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            errors[field] = [f"{low}..{high}"]
        else:
            values[field] = value
    nightly_at = raw.get("nightly_at")
    if not isinstance(nightly_at, str) or not _TIME.match(nightly_at.strip()):
        errors["nightly_at"] = ["HH:MM"]
    if errors:
        raise InvalidInput("Check the highlighted settings.", fields=errors)
    return BackupSettings(nightly=bool(raw.get("nightly")), nightly_at=nightly_at.strip(), **values)
