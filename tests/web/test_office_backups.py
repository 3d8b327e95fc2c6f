"""The owner's Backups page: list, download, back up now, settings bounded; managers and workers refused."""

import re

import pytest

from tests.builders import make_site, make_user
from tests.web.helpers import PASSWORD, log_in
from webapp.services.backups import backup_settings, list_backups, take_backup


def english(client):
    """Switch the UI to English the way the language menu does (its cookie)."""
    client.set_cookie("lang", "en")
    return client


@pytest.fixture
def backup_dir(app, tmp_path):
    app.config["BACKUP_DIR"] = str(tmp_path / "backups")
    make_site()
    return tmp_path / "backups"


@pytest.fixture
def owner(app, client, backup_dir):
    make_user("kobayashi", "owner", PASSWORD)
    return client, log_in(client, "kobayashi")


def test_the_owner_sees_each_backup_and_downloads_it_under_its_own_name(owner):
    client, _token = owner
    record = take_backup()
    page = english(client).get("/office/backups").get_data(as_text=True)
    assert record.name in page and record.revision in page and "Next nightly backup" in page
    assert f'href="/office/backups/{record.name}"' in page
    download = client.get(f"/office/backups/{record.name}")
    assert download.status_code == 200 and download.headers["Cache-Control"] == "no-store"
    assert download.headers["Content-Disposition"] == f"attachment; filename={record.name}"
    assert download.data == record.path.read_bytes()


def test_the_page_is_in_japanese_by_default(owner):
    client, _token = owner
    client.set_cookie("lang", "ja")
    page = client.get("/office/backups").get_data(as_text=True)
    assert "バックアップ" in page and "今すぐバックアップ" in page


def test_back_up_now_takes_a_backup_and_says_so(owner):
    client, token = owner
    answer = english(client).post("/office/backups", data={"csrf_token": token})
    assert answer.status_code == 303
    [record] = list_backups()
    assert f"Backed up: {record.name}" in english(client).get("/office/backups").get_data(as_text=True)


def test_back_up_now_needs_the_csrf_token(owner):
    client, _token = owner
    assert client.post("/office/backups").status_code == 400
    assert list_backups() == []


def test_the_settings_are_saved_and_the_next_nightly_time_follows(owner):
    client, token = owner
    form = {"csrf_token": token, "nightly": "1", "nightly_at": "03:15", "keep_days": "60", "keep_files": "20"}
    assert client.post("/office/backups/settings", data=form).status_code == 303
    saved = backup_settings()
    assert (saved.nightly_at, saved.keep_days, saved.keep_files, saved.nightly) == ("03:15", 60, 20, True)
    assert re.search(r"Next nightly backup: [^<]*3:15", english(client).get("/office/backups").get_data(as_text=True))


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("keep_days", "0", "保存する日数は1〜3650日です。"),
        ("keep_files", "99999999999999999999", "保存するファイル数は1〜1000個です。"),
        ("nightly_at", "25:00", "毎晩の時刻は HH:MM（例 02:30）で入力してください。"),
    ],
)
def test_a_bad_setting_answers_422_in_the_users_language_and_changes_nothing(owner, field, value, message):
    client, token = owner
    form = {"csrf_token": token, "nightly": "1", "nightly_at": "03:15", "keep_days": "60", "keep_files": "20"}
    answer = client.post("/office/backups/settings", data={**form, field: value})
    assert answer.status_code == 422
    assert message in answer.get_data(as_text=True)
    assert backup_settings().nightly_at == "02:30"
    answer_en = english(client).post("/office/backups/settings", data={**form, "nightly_at": "午前二時"})
    assert "Give the nightly time as HH:MM" in answer_en.get_data(as_text=True)


@pytest.mark.parametrize("role, username", [("manager", "ito"), ("worker", "sato")])
def test_managers_and_workers_may_not_list_download_or_take_backups(app, client, backup_dir, role, username):
    record = take_backup()
    make_user(username, role, PASSWORD)
    token = log_in(client, username)
    assert client.get("/office/backups").status_code == 403
    assert client.get(f"/office/backups/{record.name}").status_code == 403
    assert client.post("/office/backups", data={"csrf_token": token}).status_code == 403
    assert client.post("/office/backups/settings", data={"csrf_token": token, "keep_days": "1"}).status_code == 403
    assert len(list_backups()) == 1


def test_no_file_outside_the_backups_can_be_downloaded(owner, backup_dir):
    client, _token = owner
    take_backup()
    for name in ("backup-settings.json", "..%2Fapp.sqlite3", "tanaoroshi-20990101-000000.sqlite3"):
        assert client.get(f"/office/backups/{name}").status_code == 404
