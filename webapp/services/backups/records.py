"""Backup files and their JSON side files: names, checksums, the list, retention and safe look-up by name."""

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ...errors import NotFound
from .settings import BackupSettings, backup_folder

PREFIX = "tanaoroshi-"
EXTENSIONS = {"sqlite": ".sqlite3", "postgresql": ".dump"}
_NAME = re.compile(r"^tanaoroshi-\d{8}-\d{6}(-\d{1,3})?\.(sqlite3|dump)$")


@dataclass(frozen=True)
class BackupRecord:
    """One backup as its side file describes it."""

    name: str
    taken_at: datetime
    size: int
    database: str
    revision: str
    sha256: str

    @property
    def path(self) -> Path:
        return backup_folder() / self.name


def new_backup_path(kind: str, now: datetime) -> Path:
    """A free, timestamped file name in the backup folder (UTC in the name, so names sort by time)."""
    folder = backup_folder()
    stem = PREFIX + now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        path = folder / (stem + (f"-{n}" if n else "") + EXTENSIONS[kind])
        if not path.exists() and not partial_of(path).exists():
            return path
    raise FileExistsError(f"no free backup name for {stem}")


def partial_of(path: Path) -> Path:
    """Where a backup is written before it is checked and renamed into place."""
    return path.with_name(path.name + ".partial")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_record(path: Path, *, taken_at: datetime, database: str, revision: str) -> BackupRecord:
    """Describe a finished backup in `<file>.json`: size, time, database kind, schema revision, checksum."""
    record = BackupRecord(path.name, taken_at, path.stat().st_size, database, revision, sha256_of(path))
    side = {**record.__dict__, "taken_at": taken_at.astimezone(UTC).isoformat()}
    path.with_name(path.name + ".json").write_text(json.dumps(side, indent=2))
    return record


def read_record(path: Path) -> BackupRecord | None:
    """The side file of a backup, or None when it is missing or unreadable."""
    try:
        raw = json.loads(path.with_name(path.name + ".json").read_text())
        return BackupRecord(
            name=path.name,
            taken_at=datetime.fromisoformat(raw["taken_at"]),
            size=int(raw["size"]),
            database=str(raw["database"]),
            revision=str(raw["revision"]),
            sha256=str(raw["sha256"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def list_backups() -> list[BackupRecord]:
    """Every finished backup in the folder, newest first."""
    records = [read_record(p) for p in backup_folder().iterdir() if _NAME.match(p.name) and p.is_file()]
    return sorted((r for r in records if r), key=lambda r: r.taken_at, reverse=True)


def backup_file(name: str) -> Path:
    """The path of the backup called `name`; NotFound for any other name (no path ever leaves the folder)."""
    if not isinstance(name, str) or not _NAME.match(name) or not (backup_folder() / name).is_file():
        raise NotFound("No such backup.")
    return backup_folder() / name


def prune(settings: BackupSettings, now: datetime) -> list[str]:
    """Delete backups beyond the newest `keep_files` or older than `keep_days`; the newest is always kept."""
    cutoff = now - timedelta(days=settings.keep_days)
    removed = []
    for index, record in enumerate(list_backups()):
        if index == 0 or (index < settings.keep_files and record.taken_at >= cutoff):
            continue
        record.path.unlink(missing_ok=True)
        record.path.with_name(record.name + ".json").unlink(missing_ok=True)
        removed.append(record.name)
    return removed
