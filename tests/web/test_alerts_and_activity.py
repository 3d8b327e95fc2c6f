"""The alerts page acknowledges and snoozes (who and when shown); the Activity page filters the trail and exports CSV."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from tests.builders import make_user
from tests.services.notifications.test_notifications import sell_out
from tests.services.replenishment.test_replenishment_data import tea_shop
from tests.web.helpers import PASSWORD, log_in
from webapp.extensions import db
from webapp.models import Alert, AuditEvent, User
from webapp.services.notifications import save_settings, snooze

LANG = {"ja": {"Accept-Language": "ja"}, "en": {"Accept-Language": "en"}}


@pytest.fixture
def shop(app, client):
    """静岡煎茶 sold out (a stockout and a reorder alert), the manager 伊藤 logged in."""
    _site, tea = tea_shop(reorder_point=5)
    make_user("ito", "manager", PASSWORD)
    sell_out(tea.id)
    token = log_in(client, "ito")
    alerts = {a.kind: a.id for a in db.session.scalars(select(Alert).where(Alert.item_id == tea.id))}
    return {"client": client, "csrf": token, "tea_id": tea.id, "alerts": alerts}


def _badge(client) -> int:
    """The open-alert count in the office bar."""
    return int(re.search(r'class="badge"[^>]*>(\d+)<', client.get("/office/").get_data(as_text=True)).group(1))


def _ito_id():
    return db.session.scalar(select(User.id).where(User.username == "ito"))


def test_acknowledging_from_the_page_shows_who_and_records_it(shop):
    client, stockout = shop["client"], shop["alerts"]["stockout"]
    answer = client.post(f"/office/alerts/{stockout}/acknowledge", data={"csrf_token": shop["csrf"]})
    assert answer.status_code == 303
    page = client.get("/office/alerts", headers=LANG["ja"]).get_data(as_text=True)
    assert "確認済み: ito" in page
    db.session.remove()
    assert db.session.get(Alert, stockout).acknowledged_by == _ito_id()
    assert db.session.scalar(select(AuditEvent.action)) == "acknowledge"


def test_a_snoozed_alert_leaves_the_list_and_waits_under_snoozed(shop):
    client, reorder = shop["client"], shop["alerts"]["reorder"]
    assert _badge(client) == 2
    client.post(f"/office/alerts/{reorder}/snooze", data={"csrf_token": shop["csrf"], "choice": "4h"})
    assert _badge(client) == 1
    listed = client.get("/office/alerts", headers=LANG["en"]).get_data(as_text=True)
    assert f"/office/alerts/{reorder}/snooze" not in listed
    assert f"/office/alerts/{shop['alerts']['stockout']}/snooze" in listed
    snoozed = client.get("/office/alerts?snoozed=1", headers=LANG["en"]).get_data(as_text=True)
    assert f"/office/alerts/{reorder}/snooze" in snoozed and "Snoozed until" in snoozed and "by ito" in snoozed
    db.session.remove()
    until = db.session.get(Alert, reorder).snoozed_until
    assert timedelta(hours=3, minutes=59) < until - datetime.now(UTC) <= timedelta(hours=4)
    client.post(f"/office/alerts/{reorder}/snooze", data={"csrf_token": shop["csrf"], "choice": "wake"})
    assert f"/office/alerts/{reorder}/snooze" in client.get("/office/alerts").get_data(as_text=True)


def test_a_snooze_time_in_the_past_is_refused_in_japanese_and_changes_nothing(shop):
    client, reorder = shop["client"], shop["alerts"]["reorder"]
    form = {"csrf_token": shop["csrf"], "choice": "custom", "until": "2020-01-01T09:00"}
    client.post(f"/office/alerts/{reorder}/snooze", data=form, headers=LANG["ja"])
    page = client.get("/office/alerts", headers=LANG["ja"]).get_data(as_text=True)
    assert "90日以内" in page
    db.session.remove()
    assert db.session.get(Alert, reorder).snoozed_until is None
    assert db.session.scalar(select(AuditEvent.id)) is None


def test_the_activity_page_filters_by_user_kind_and_dates_and_pages(shop):
    client = shop["client"]
    owner_id, _ = make_user("kobayashi", "owner", PASSWORD)
    now = datetime.now(UTC)
    snooze(shop["alerts"]["reorder"], _ito_id(), now + timedelta(hours=2))
    save_settings(
        email_enabled=True, email_mode="digest", recipients="kobayashi@example.jp", digest_hour=7, user_id=owner_id
    )
    everyone = client.get("/office/activity", headers=LANG["en"]).get_data(as_text=True)
    assert "2 changes" in everyone and "kobayashi@example.jp" in everyone
    only_ito = client.get(f"/office/activity?user={_ito_id()}", headers=LANG["en"]).get_data(as_text=True)
    assert "1 changes" in only_ito and "kobayashi@example.jp" not in only_ito
    settings = client.get("/office/activity?kind=notification_settings", headers=LANG["ja"]).get_data(as_text=True)
    assert "アラートメール設定" in settings and "kobayashi@example.jp" in settings
    shop_today = now.astimezone(ZoneInfo("Asia/Tokyo")).date()  # the page's dates are the shop's days
    yesterday = (shop_today - timedelta(days=1)).isoformat()
    assert "0 changes" in client.get(f"/office/activity?until={yesterday}", headers=LANG["en"]).get_data(as_text=True)
    today = shop_today.isoformat()
    assert "2 changes" in client.get(f"/office/activity?since={yesterday}&until={today}", headers=LANG["en"]).get_data(
        as_text=True
    )
    partial = client.get("/office/activity?page=2&user=abc&since=9999-99-99", headers={"HX-Request": "true"})
    assert partial.status_code == 200 and "<html" not in partial.get_data(as_text=True)


def test_the_activity_csv_has_one_row_per_field_and_neutralises_formulas(shop):
    client = shop["client"]
    owner_id, _ = make_user("kobayashi", "owner", PASSWORD)
    save_settings(
        email_enabled=True, email_mode="digest", recipients="=cmd@example.jp", digest_hour=7, user_id=owner_id
    )
    response = client.get(f"/office/activity.csv?user={owner_id}", headers=LANG["ja"])
    assert response.data.startswith(b"\xef\xbb\xbf") and "text/csv" in response.headers["Content-Type"]
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["日時", "使う人", "スマホ"]
    by_field = {r[7]: r for r in rows[1:]}
    assert set(by_field) >= {"email_enabled", "email_mode", "recipients", "digest_hour"}
    assert by_field["recipients"][1] == "kobayashi" and by_field["recipients"][9] == "'=cmd@example.jp"
    assert by_field["digest_hour"][8:] == ["8", "7"]


def test_a_worker_may_open_neither_the_activity_page_nor_snooze(app, client):
    make_user("sato", "worker", PASSWORD)
    token = log_in(client, "sato")
    assert client.get("/office/activity").status_code == 403
    assert client.get("/office/activity.csv").status_code == 403
    assert client.post("/office/alerts/1/snooze", data={"csrf_token": token, "choice": "1h"}).status_code == 403
