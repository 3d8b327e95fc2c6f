"""Retention and the owner's backup settings: the oldest go after a good new backup; bad values are refused."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.builders import make_site
from webapp.errors import InvalidInput, NotFound
from webapp.services.backups import (
    BackupSettings,
    backup_file,
    backup_settings,
    list_backups,
    save_backup_settings,
    take_backup,
)

FIRST_NIGHT = datetime(2026, 11, 1, 17, 30, tzinfo=UTC)  # 02:30 in Tokyo


@pytest.fixture
def backup_dir(app, tmp_path):
    app.config["BACKUP_DIR"] = str(tmp_path / "backups")
    make_site()
    return tmp_path / "backups"


def nightly(nights: int) -> list[str]:
    return [take_backup(now=FIRST_NIGHT + timedelta(days=n)).name for n in range(nights)]


def test_a_new_backup_deletes_those_beyond_the_newest_n_files(backup_dir):
    save_backup_settings(keep_days=365, keep_files=3, nightly=True, nightly_at="02:30")
    names = nightly(5)
    assert [r.name for r in list_backups()] == names[:1:-1]  # the three newest, newest first
    assert not (backup_dir / f"{names[0]}.json").exists()


def test_a_new_backup_deletes_those_older_than_n_days_but_never_itself(backup_dir):
    save_backup_settings(keep_days=2, keep_files=100, nightly=True, nightly_at="02:30")
    names = nightly(4)
    assert [r.name for r in list_backups()] == [names[3], names[2], names[1]]
    late = take_backup(now=FIRST_NIGHT + timedelta(days=30))
    assert [r.name for r in list_backups()] == [late.name]


def test_settings_are_kept_in_the_backup_folder_and_read_back(backup_dir):
    assert backup_settings() == BackupSettings(keep_days=30, keep_files=14, nightly=True, nightly_at="02:30")
    save_backup_settings(keep_days="60", keep_files="10", nightly=False, nightly_at="23:05")
    assert backup_settings() == BackupSettings(keep_days=60, keep_files=10, nightly=False, nightly_at="23:05")
    assert (backup_dir / "backup-settings.json").is_file()


@pytest.mark.parametrize(
    "field, value",
    [
        ("keep_days", 0),
        ("keep_days", "9" * 40),
        ("keep_files", -1),
        ("keep_files", "十"),
        ("nightly_at", "24:00"),
        ("nightly_at", "2:30"),
        ("nightly_at", "02:30\x00"),
    ],
)
def test_a_bad_setting_is_refused_by_name_and_nothing_is_saved(backup_dir, field, value):
    good = {"keep_days": 30, "keep_files": 14, "nightly": True, "nightly_at": "02:30"}
    with pytest.raises(InvalidInput) as refused:
        save_backup_settings(**{**good, field: value})
    assert list(refused.value.fields) == [field]
    assert not (backup_dir / "backup-settings.json").exists()


def test_only_a_backup_in_the_folder_can_be_looked_up_by_name(backup_dir):
    [name] = nightly(1)
    assert backup_file(name) == backup_dir / name
    for other in ("../app.sqlite3", "backup-settings.json", name + ".json", "tanaoroshi-20261101-000000.sqlite3"):
        with pytest.raises(NotFound):
            backup_file(other)
