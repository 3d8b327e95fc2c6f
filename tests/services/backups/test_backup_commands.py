"""flask backup and flask restore as the owner types them: confirmation, --yes, a safety copy first."""

import pytest
from sqlalchemy import func, select

from tests.builders import make_item, make_site
from webapp.extensions import db
from webapp.models import Item
from webapp.services.backups import list_backups


@pytest.fixture
def backup_dir(app, tmp_path):
    app.config["BACKUP_DIR"] = str(tmp_path / "backups")
    make_site()
    return tmp_path / "backups"


def flask(app, *args, **kw):
    return app.test_cli_runner().invoke(args=list(args), **kw)


def items() -> int:
    return db.session.scalar(select(func.count()).select_from(Item))


def test_flask_backup_says_where_the_checked_copy_is(app, backup_dir):
    result = flask(app, "backup")
    assert result.exit_code == 0, result.output
    [record] = list_backups()
    assert f"backed up to {record.path}" in result.output and record.revision in result.output


def test_restore_without_a_terminal_and_without_yes_refuses_and_changes_nothing(app, backup_dir):
    flask(app, "backup")
    [record] = list_backups()
    make_item()
    result = flask(app, "restore", str(record.path), input="y\n")  # piped input is not a terminal
    assert result.exit_code != 0 and "confirm with --yes" in result.output
    assert items() == 1 and len(list_backups()) == 1


def test_restore_with_yes_keeps_the_database_as_it_was_then_restores(app, backup_dir):
    flask(app, "backup")
    [before] = list_backups()
    make_item(code="TEA-SENCHA", name="静岡煎茶 100g", jan="4901234567801")
    result = flask(app, "restore", str(before.path), "--yes")
    assert result.exit_code == 0, result.output
    db.session.remove()
    assert items() == 0  # the backup had no item yet
    [safety, _before] = list_backups()
    assert f"the database as it was is kept in {safety.path}" in result.output
    # ...and that copy brings the tea back.
    assert flask(app, "restore", str(safety.path), "--yes", "--no-safety-backup").exit_code == 0
    db.session.remove()
    assert items() == 1 and len(list_backups()) == 2


def test_restore_of_a_file_that_is_not_a_backup_says_why(app, backup_dir, tmp_path):
    junk = tmp_path / ("notes.sqlite3" if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite") else "notes.dump")
    junk.write_text("棚卸のメモ: 4901234567894 を 3 個")
    result = flask(app, "restore", str(junk), "--yes")
    assert result.exit_code != 0 and "notes" in result.output
