"""Alerts acknowledged and snoozed through the API: who and when in the answer, snoozed ones hidden from the list."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from tests.services.notifications.test_notifications import sell_out
from webapp.extensions import db
from webapp.models import Alert, AuditEvent


@pytest.fixture
def alerts(shop):
    sell_out_clock(shop)
    return {a.kind: a.id for a in db.session.scalars(select(Alert))}


def sell_out_clock(shop):
    """The retro clock at the Tokyo warehouse received once and sold out: stockout and reorder open."""
    from webapp.models import Item

    db.session.get(Item, shop["clock"].id).reorder_point = 2
    db.session.commit()
    sell_out(shop["clock"].id)


def test_a_manager_snoozes_an_alert_and_the_list_hides_it_until_then(as_role, alerts):
    until = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    answer = as_role("manager").post(f"/api/v1/alerts/{alerts['reorder']}/snooze", json={"until": until.isoformat()})
    assert answer.status_code == 200
    body = answer.get_json()
    assert datetime.fromisoformat(body["snoozed_until"]) == until and body["snoozed_by"] and body["snoozed_at"]
    listed = {a["id"] for a in as_role("worker").get("/api/v1/alerts").get_json()["alerts"]}
    assert alerts["reorder"] not in listed and alerts["stockout"] in listed
    with_snoozed = as_role("worker").get("/api/v1/alerts?snoozed=1").get_json()["alerts"]
    assert alerts["reorder"] in {a["id"] for a in with_snoozed}
    woken = as_role("manager").post(f"/api/v1/alerts/{alerts['reorder']}/snooze", json={"until": None})
    assert woken.get_json()["snoozed_until"] is None


def test_acknowledging_answers_who_and_when(as_role, alerts):
    body = as_role("manager").post(f"/api/v1/alerts/{alerts['stockout']}/acknowledge").get_json()
    assert body["status"] == "acknowledged" and body["acknowledged_by"] and body["acknowledged_at"]


@pytest.mark.parametrize(
    "body",
    [{"until": "2020-01-01T00:00:00+09:00"}, {"until": "2026-01-01T00:00:00"}, {"until": "tomorrow"}, {}],
)
def test_a_bad_snooze_is_a_4xx_and_changes_nothing(as_role, alerts, body):
    answer = as_role("manager").post(f"/api/v1/alerts/{alerts['reorder']}/snooze", json=body)
    assert 400 <= answer.status_code < 500 and answer.get_json()["error"]
    db.session.remove()
    assert db.session.get(Alert, alerts["reorder"]).snoozed_until is None
    assert db.session.scalar(select(AuditEvent.id)) is None


def test_a_worker_may_not_snooze(as_role, alerts):
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert (
        as_role("worker").post(f"/api/v1/alerts/{alerts['reorder']}/snooze", json={"until": future}).status_code == 403
    )
