"""Expiry alerts: N days before expiry by item or category, one per item, site, bin and lot, resolved when the lot is gone."""

import pytest
from sqlalchemy import select

from tests.builders import scan
from tests.fefo_fixtures import days_from_today, gs1, receive_lot
from tests.workflow_fixtures import build_world
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import Alert, Item, Location
from webapp.scheduling.jobs import JOBS
from webapp.services.catalog import update_item
from webapp.services.expiry import EXPIRY_KIND, run_expiry_alerts
from webapp.services.scanning import apply_scans


@pytest.fixture
def world(app):
    w = build_world()
    w["clock"].category = "manufacturing_parts"  # alerted 90 days ahead
    db.session.commit()
    return w


def expiry_alerts(status=None):
    stmt = select(Alert).where(Alert.kind == EXPIRY_KIND).order_by(Alert.id)
    if status:
        stmt = stmt.where(Alert.status == status)
    return list(db.session.scalars(stmt))


def test_a_lot_within_its_category_days_is_alerted_once_however_often_the_check_runs(world):
    receive_lot(world["worker"], "A-01-01", 5, "P-2026-11", days_from_today(80))
    receive_lot(world["worker"], "A-01-02", 5, "P-2027-06", days_from_today(200))
    run_expiry_alerts()
    run_expiry_alerts()
    [alert] = expiry_alerts()
    assert (alert.status, alert.details["lot"], alert.details["bin"], alert.details["days_left"]) == (
        "open",
        "P-2026-11",
        "A-01-01",
        80,
    )
    assert alert.details["expired"] is False


def test_fresh_food_is_alerted_three_days_ahead_and_an_item_may_set_its_own_days(world):
    tea = world["tea"]
    tea.category = "fresh_food"
    db.session.commit()
    receive_lot(world["worker"], "B-02-01", 12, "T-1205", days_from_today(3), gtin="4987654321094")
    receive_lot(world["worker"], "C-03-01", 12, "T-1210", days_from_today(8), gtin="4987654321094")
    assert [a.details["lot"] for a in expiry_alerts()] == ["T-1205"]
    db.session.get(Item, tea.id).expiry_alert_days = 10
    db.session.commit()
    run_expiry_alerts()
    assert sorted(a.details["lot"] for a in expiry_alerts("open")) == ["T-1205", "T-1210"]


def test_the_same_lot_in_two_bins_is_two_alerts(world):
    receive_lot(world["worker"], "A-01-01", 2, "P-2026-11", days_from_today(20))
    receive_lot(world["worker"], "B-02-01", 3, "P-2026-11", days_from_today(20))
    assert sorted(a.details["bin"] for a in expiry_alerts("open")) == ["A-01-01", "B-02-01"]


def test_a_lot_past_its_expiry_is_flagged_expired_on_the_same_alert(world):
    receive_lot(world["worker"], "A-01-01", 2, "P-OLD", days_from_today(-1))
    [alert] = expiry_alerts()
    assert alert.details["expired"] is True and "expired on" in alert.message


def test_picking_the_lot_out_resolves_its_alert(world):
    receive_lot(world["worker"], "A-01-01", 2, "P-2026-11", days_from_today(5))
    [out] = apply_scans([scan("pick", gs1("P-2026-11", days_from_today(5)), 2, location="A-01-01")], world["worker"])
    assert out.status == "applied"
    [alert] = expiry_alerts()
    assert alert.status == "resolved" and alert.open_key is None


def test_moving_the_expired_lot_to_quarantine_resolves_its_alert_and_a_new_lot_is_alerted_anew(world):
    db.session.execute(Location.__table__.update().where(Location.code == "C-03-01").values(kind="quarantine"))
    db.session.commit()
    old = days_from_today(-3)
    receive_lot(world["worker"], "A-01-01", 4, "P-OLD", old)
    assert [a.status for a in expiry_alerts()] == ["open"]
    [out] = apply_scans(
        [scan("move", gs1("P-OLD", old), 4, location="A-01-01", to_location="C-03-01")], world["worker"]
    )
    assert out.status == "applied"
    run_expiry_alerts()
    assert [a.status for a in expiry_alerts()] == ["resolved"]
    receive_lot(world["worker"], "A-01-01", 4, "P-NEXT", days_from_today(30))
    assert [a.status for a in expiry_alerts()] == ["resolved", "open"]


def test_a_lot_without_an_expiry_is_never_alerted(world):
    receive_lot(world["worker"], "A-01-01", 4, "P-OLD", days_from_today(1))
    apply_scans([scan("receive", "4901234567894", 4, location="A-01-02", lot="NO-DATE")], world["worker"])
    assert run_expiry_alerts() == {"raised": 0, "resolved": 0, "open": 1}


def test_an_item_sets_its_own_alert_days_through_the_catalog_within_bounds(world):
    item = world["clock"]
    update_item(item.id, {"expiry_alert_days": 120})
    db.session.expire_all()
    assert db.session.get(Item, item.id).expiry_alert_days == 120
    with pytest.raises(InvalidInput) as refused:
        update_item(item.id, {"expiry_alert_days": 4000})
    assert "expiry_alert_days" in refused.value.fields


def test_the_daily_job_at_five_alerts_a_lot_whose_days_have_come_with_time(world):
    job = next(j for j in JOBS if j.name == "expiry-alerts")
    assert job.when() == {"hour": 5, "minute": 0}
    tea = world["tea"]
    tea.category = "fresh_food"
    db.session.commit()
    receive_lot(world["worker"], "B-02-01", 12, "T-1209", days_from_today(5), gtin="4987654321094")
    assert expiry_alerts() == []
    assert run_expiry_alerts(today=days_from_today(2)) == {"raised": 1, "resolved": 0, "open": 1}
    [alert] = expiry_alerts("open")
    assert alert.details["days_left"] == 3
