"""Backups taken while scans go on restore into a fresh database with the ledger exactly as it was."""

import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import func, select, text

from tests.builders import actor, make_item, make_site, make_user, scan
from tests.conftest import on_postgresql
from tests.services.backups.restore_targets import app_on, fresh_database, ledger_snapshot
from webapp.extensions import db
from webapp.models import Movement
from webapp.services.backups import (
    BackupFailed,
    RestoreRefused,
    code_head,
    list_backups,
    restore_backup,
    take_backup,
)
from webapp.services.scanning import apply_scans


@pytest.fixture
def backup_dir(app, tmp_path):
    app.config["BACKUP_DIR"] = str(tmp_path / "backups")
    return tmp_path / "backups"


def receipts(n=5):
    """Receipts of three clocks each into A-01-01, as a phone sends them."""
    return [scan("receive", quantity=3, location="A-01-01") for _ in range(n)]


def movement_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Movement))


def test_a_backup_taken_while_scans_are_applied_restores_to_exactly_that_moment(app, backup_dir, tmp_path):
    make_site()
    make_item()
    user_id, _ = make_user()
    before_backup, stop, errors, batches = threading.Event(), threading.Event(), [], []
    until = [60]  # batches to reach before stopping; raised after the backup so scans go on after it too

    def keep_scanning():
        try:
            with app.app_context():
                while not stop.is_set() or len(batches) < until[0]:
                    outcomes = apply_scans(receipts(), actor(user_id))
                    assert {o.status for o in outcomes} == {"applied"}
                    batches.append(len(outcomes))
                    if len(batches) == 20:
                        before_backup.set()
                db.session.remove()
        except Exception as exc:  # surfaced below: the thread's failure must fail the test
            errors.append(exc)
            before_backup.set()

    writer = threading.Thread(target=keep_scanning)
    writer.start()
    assert before_backup.wait(60)
    at_start = len(batches)
    record = take_backup()
    at_end = len(batches)
    until[0] = max(60, at_end + 3)  # a slow pg_dump can outlast 60 batches: a few more after it, whatever it took
    stop.set()
    writer.join(120)
    assert errors == [] and not writer.is_alive()
    live_movements = movement_count()
    assert at_start >= 20 and live_movements == 5 * len(batches)

    with fresh_database(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path) as url, app_on(url, backup_dir) as restored:
        plan = restore_backup(record.path)
        restored_state = ledger_snapshot()
        verified = restored.test_cli_runner().invoke(args=["verify-ledger"])
    assert plan["revision"] == code_head() and not plan["upgrade"]
    assert verified.exit_code == 0 and "ledger and stock levels agree" in verified.output

    copied = len(restored_state["movements"])
    # Every scan in the copy came with its movement, and the copy stops between two whole batches taken
    # while the backup ran: scans went on being applied during it and after it.
    assert copied == restored_state["scans"] and copied % 5 == 0
    assert 5 * at_start <= copied <= 5 * (at_end + 1) < live_movements
    assert restored_state["levels"] == restored_state["from_ledger"] == {(1, 2, ""): 3 * copied}
    live_state = ledger_snapshot(up_to_movement=restored_state["movements"][-1][0])
    assert restored_state["movements"] == live_state["movements"]
    if not on_postgresql():
        with sqlite3.connect(record.path) as copy:
            assert copy.execute("SELECT count(*) FROM movements").fetchone()[0] == copied


def test_the_backup_records_its_schema_revision_size_and_checksum_beside_it(app, backup_dir):
    make_site()
    make_item()
    [record] = [take_backup()]
    assert list_backups() == [record]
    assert record.revision == code_head() and record.size == record.path.stat().st_size > 0
    assert record.database == ("postgresql" if on_postgresql() else "sqlite")
    assert record.path.suffix == (".dump" if on_postgresql() else ".sqlite3")
    assert record.path.name.startswith("tanaoroshi-") and len(record.sha256) == 64
    assert Path(f"{record.path}.json").is_file()


def test_restore_refuses_a_backup_from_a_schema_this_code_does_not_know(app, backup_dir):
    head = code_head()
    db.session.execute(text("UPDATE alembic_version SET version_num = 'fa11b4c2d9e0'"))
    db.session.commit()
    try:
        record = take_backup()
    finally:
        db.session.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head})
        db.session.commit()
    assert record.revision == "fa11b4c2d9e0"
    make_site()
    with pytest.raises(
        RestoreRefused, match="schema revision fa11b4c2d9e0, which this version of Tanaoroshi does not know"
    ):
        restore_backup(record.path)
    assert db.session.scalar(text("SELECT version_num FROM alembic_version")) == head  # nothing was changed


def test_restore_refuses_a_backup_changed_since_it_was_taken(app, backup_dir):
    make_site()
    record = take_backup()
    with record.path.open("ab") as fh:
        fh.write(b"\0" * 16)
    with pytest.raises(RestoreRefused, match="does not match the checksum"):
        restore_backup(record.path)


def test_a_database_that_was_never_migrated_is_not_backed_up_and_leaves_no_file(app, backup_dir, tmp_path):
    with fresh_database(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path) as url, app_on(url, backup_dir):
        if on_postgresql():  # a schema with nothing in it
            with db.engine.begin() as conn:
                conn.execute(text(f"CREATE SCHEMA {db.engine.url.query['options'].split('=')[-1]}"))
        with pytest.raises(BackupFailed):
            take_backup()
    assert [p.name for p in backup_dir.iterdir() if not p.name.startswith(".")] == []


def test_a_backup_from_an_older_schema_is_restored_then_upgraded_to_the_head(app, backup_dir, tmp_path):
    with fresh_database(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path) as url, app_on(url, backup_dir) as older:
        if on_postgresql():
            with db.engine.begin() as conn:
                conn.execute(text(f"CREATE SCHEMA {db.engine.url.query['options'].split('=')[-1]}"))
        directory = older.extensions["migrate"].directory
        config = Config()
        config.set_main_option("script_location", directory)
        one_before_head = ScriptDirectory.from_config(config).get_revision(code_head()).down_revision
        upgrade(directory=directory, revision=one_before_head)
        old_revision = db.session.scalar(text("SELECT version_num FROM alembic_version"))
        db.session.remove()
        record = take_backup()
    assert record.revision == old_revision != code_head()
    make_site()
    plan = restore_backup(record.path)
    assert plan["upgrade"] and plan["revision"] == old_revision
    assert db.session.scalar(text("SELECT version_num FROM alembic_version")) == code_head()
    assert movement_count() == 0  # the old, empty shop replaced today's
