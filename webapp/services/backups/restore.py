"""Restoring a backup: refuse what this code cannot take, check the file, copy it in, upgrade to the head."""

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from flask import current_app
from flask_migrate import upgrade

from ...extensions import db
from . import pg_copy, sqlite_copy
from .errors import RestoreRefused
from .records import EXTENSIONS, read_record, sha256_of
from .take import app_schema, backup_lock, database_kind


def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", current_app.extensions["migrate"].directory)
    return ScriptDirectory.from_config(config)


def code_head() -> str:
    """The newest schema revision this code knows."""
    return _scripts().get_current_head()


def inspect_backup(path: Path) -> dict:
    """What restoring `path` would do: its kind and revision, checked; raises RestoreRefused when it must not."""
    kind = database_kind()
    if not path.is_file():
        raise RestoreRefused(f"{path} does not exist.")
    if path.suffix != EXTENSIONS[kind]:
        raise RestoreRefused(f"{path.name} is not a {kind} backup (this app runs on {kind}).")
    record = read_record(path)
    if record and record.sha256 != sha256_of(path):
        raise RestoreRefused(f"{path.name} does not match the checksum recorded when it was taken: it has changed.")
    if kind == "sqlite":
        sqlite_copy.check_integrity(path)
        revision = sqlite_copy.revision_in(path)
    else:
        pg_copy.check_archive(path, db.engine.url)
        schema, revision = pg_copy.revision_in(path, db.engine.url)
        if revision and schema != app_schema():
            raise RestoreRefused(f"{path.name} holds the schema {schema}, not this app's {app_schema()}.")
    if not revision:
        raise RestoreRefused(f"{path.name} has no schema revision: it is not a Tanaoroshi backup.")
    scripts = _scripts()
    known = {script.revision for script in scripts.walk_revisions()}
    if revision not in known:
        raise RestoreRefused(
            f"{path.name} was taken at schema revision {revision}, which this version of Tanaoroshi does not know "
            "(a newer version made it): update the app first, then restore."
        )
    head = scripts.get_current_head()
    return {"file": path.name, "database": kind, "revision": revision, "head": head, "upgrade": revision != head}


def restore_backup(path: Path) -> dict:
    """Replace the app's database with the backup, then upgrade it to this code's schema when it is older."""
    plan = inspect_backup(path)
    with backup_lock():
        db.session.remove()
        db.engine.dispose()  # our own pooled connections would hold locks the restore waits for
        if plan["database"] == "sqlite":
            sqlite_copy.restore_into(path, db.engine.url.database)
        else:
            pg_copy.restore_into(path, db.engine.url, app_schema())
        if plan["upgrade"]:
            upgrade(directory=current_app.extensions["migrate"].directory)
        db.engine.dispose()
    return plan
