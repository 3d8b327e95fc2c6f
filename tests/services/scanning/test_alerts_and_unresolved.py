"""Reorder, stockout and unresolved-code alerts; mapping unknown codes applies the scans that waited."""

import pytest
from sqlalchemy import func, select

from tests.builders import actor, make_item, make_site, make_user, scan
from webapp.extensions import db
from webapp.models import Alert, Location, Scan, StockLevel, Task, TaskLine
from webapp.services.scanning import apply_scans, map_code, unresolved_codes

UNKNOWN_JAN = "4549292123456"


@pytest.fixture
def world(app):
    site = make_site()
    tea = make_item("TEA-SENCHA", "静岡煎茶 100g", "4912345000088", name_en="Shizuoka sencha", reorder_point=10)
    worker, _ = make_user("sato", "worker")
    return {"site": site, "tea": tea, "worker": actor(worker)}


def open_alerts(kind: str) -> list[Alert]:
    return list(db.session.scalars(select(Alert).where(Alert.kind == kind, Alert.status != "resolved")))


def test_a_reorder_alert_opens_at_the_reorder_point_and_only_once(world):
    tea = "4912345000088"
    apply_scans([scan("receive", code=tea, quantity=20, location="A-01-01")], world["worker"])
    assert open_alerts("reorder") == []
    apply_scans([scan("pick", code=tea, quantity=10, location="A-01-01")], world["worker"])
    apply_scans([scan("pick", code=tea, quantity=1, location="A-01-01")], world["worker"])
    [alert] = open_alerts("reorder")
    assert alert.details["position"] == 9 and alert.details["reorder_point"] == 10


def test_a_reorder_alert_resolves_itself_when_stock_comes_back(world):
    tea = "4912345000088"
    apply_scans([scan("receive", code=tea, quantity=5, location="A-01-01")], world["worker"])
    assert len(open_alerts("reorder")) == 1
    apply_scans([scan("receive", code=tea, quantity=30, location="A-01-01")], world["worker"])
    assert open_alerts("reorder") == []
    assert db.session.scalar(select(Alert.status).where(Alert.kind == "reorder")) == "resolved"


def test_quantity_on_open_purchase_orders_counts_toward_the_position(world):
    order = Task(kind="purchase_order", number="PO-0001", site_id=world["site"].id, status="open")
    db.session.add(order)
    db.session.flush()
    db.session.add(TaskLine(task_id=order.id, item_id=world["tea"].id, quantity=24, done_quantity=0))
    db.session.commit()
    apply_scans([scan("receive", code="4912345000088", quantity=5, location="A-01-01")], world["worker"])
    assert open_alerts("reorder") == []


def test_a_stockout_alert_opens_at_zero_and_clears_on_receipt(world):
    tea = "4912345000088"
    apply_scans([scan("receive", code=tea, quantity=2, location="A-01-01")], world["worker"])
    apply_scans([scan("pick", code=tea, quantity=2, location="A-01-01")], world["worker"])
    assert len(open_alerts("stockout")) == 1
    apply_scans([scan("receive", code=tea, quantity=1, location="A-01-01")], world["worker"])
    assert open_alerts("stockout") == []


def test_unresolved_codes_are_listed_with_their_waiting_scans(world):
    apply_scans(
        [
            scan("receive", code=UNKNOWN_JAN, quantity=2, location="A-01-01"),
            scan("receive", code=UNKNOWN_JAN, quantity=3, location="A-01-02"),
        ],
        world["worker"],
    )
    [row] = unresolved_codes()
    assert (row["code"], row["scans"], row["quantity"]) == ("04549292123456", 2, 5)


def test_mapping_a_code_applies_every_scan_that_waited_on_it(world):
    apply_scans(
        [
            scan("receive", code=UNKNOWN_JAN, quantity=2, location="A-01-01"),
            scan("receive", code=UNKNOWN_JAN, quantity=3),
        ],
        world["worker"],
    )
    towel = make_item("TENUGUI-ASA", "手ぬぐい 麻の葉", None, name_en="Tenugui towel")
    result = map_code(UNKNOWN_JAN, towel.id)
    assert result["applied"] == 2
    by_bin = dict(
        db.session.execute(
            select(Location.code, StockLevel.quantity).join(Location).where(StockLevel.item_id == towel.id)
        ).all()
    )
    assert by_bin == {"A-01-01": 2, "TKY-RCV": 3}
    assert unresolved_codes() == []
    assert open_alerts("unresolved_barcode") == []
    # The code now resolves directly.
    [out] = apply_scans([scan("receive", code=UNKNOWN_JAN, location="A-01-01")], world["worker"])
    assert out.item_code == "TENUGUI-ASA"


def test_an_unresolved_scan_undone_before_mapping_never_applies(world):
    waiting = scan("receive", code=UNKNOWN_JAN, quantity=4, location="A-01-01")
    apply_scans([waiting], world["worker"])
    apply_scans([scan("undo", code="", undo_of=waiting.scan_id)], world["worker"])
    towel = make_item("TENUGUI-ASA", "手ぬぐい 麻の葉", None)
    assert map_code(UNKNOWN_JAN, towel.id)["applied"] == 0
    assert db.session.scalar(select(func.count()).select_from(StockLevel)) == 0
    assert db.session.scalar(select(Scan.status).where(Scan.scan_id == waiting.scan_id)) == "cancelled"
