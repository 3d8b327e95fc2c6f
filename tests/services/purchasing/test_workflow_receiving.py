"""Purchase orders and receiving: tally against expected, over/under shown and recorded, close when complete."""

from datetime import date

import pytest
from sqlalchemy import select

from tests.builders import make_site, scan
from tests.workflow_fixtures import build_world, stock_at
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.models import Movement, Task, TaskEvent
from webapp.services.core import on_order_by_site
from webapp.services.purchasing import (
    close_short,
    create_purchase_order,
    import_purchase_orders,
    order_lines,
    release_purchase_order,
)
from webapp.services.scanning import apply_scans

CLOCK, TEA = "4901234567894", "4987654321094"


@pytest.fixture
def world(app):
    return build_world()


def new_order(world, lines=((CLOCK, 10), ("GREEN-TEA", 24))):
    return create_purchase_order("TKY", "SUP-KIKUCHI", list(lines), world["manager_id"], number="PO-1001")


def lines_of(task_id):
    return {r["item_code"]: r for r in order_lines(db.session.get(Task, task_id))}


def test_a_partial_receipt_tallies_the_line_and_keeps_the_order_open(world):
    po = new_order(world)
    [out] = apply_scans([scan("receive", CLOCK, 6, task_id=po, location="A-01-01")], world["worker"])
    assert (out.status, out.message) == ("applied", "received 6 of 10")
    line = lines_of(po)["RETRO-CLOCK"]
    assert (line["received"], line["outstanding"], line["state"]) == (6, 4, "partial")
    assert db.session.get(Task, po).status == "in_progress"
    assert stock_at("A-01-01") == 6


def test_receiving_every_line_in_full_closes_the_order(world):
    po = new_order(world)
    apply_scans(
        [
            scan("receive", CLOCK, 4, task_id=po),
            scan("receive", CLOCK, 6, task_id=po),
            scan("receive", TEA, 24, task_id=po),
        ],
        world["worker"],
    )
    assert db.session.get(Task, po).status == "done"
    assert stock_at("TKY-RCV") == 34  # no bin scanned: the site's receiving bin


def test_an_over_receipt_is_shown_and_recorded(world):
    po = new_order(world, [(CLOCK, 10)])
    [out] = apply_scans([scan("receive", CLOCK, 12, task_id=po)], world["worker"])
    assert out.warnings == ["over_receipt"] and out.message == "received 12 of 10"
    event = db.session.scalar(select(TaskEvent).where(TaskEvent.kind == "over_receipt"))
    assert event.quantity == 2
    assert lines_of(po)["RETRO-CLOCK"]["over"] == 2


def test_an_item_not_on_the_order_is_received_and_recorded_as_not_ordered(world):
    po = new_order(world, [(CLOCK, 10)])
    [out] = apply_scans([scan("receive", TEA, 5, task_id=po)], world["worker"])
    assert out.status == "applied" and out.warnings == ["not_on_order"]
    assert (lines_of(po)["GREEN-TEA"]["expected"], lines_of(po)["GREEN-TEA"]["over"]) == (0, 5)


def test_lot_and_expiry_come_from_a_gs1_code(world):
    po = new_order(world, [(CLOCK, 10)])
    gs1 = "(01)04901234567894(17)271231(10)LOT-A7"
    apply_scans([scan("receive", gs1, 3, task_id=po, location="A-01-02", symbology="code128")], world["worker"])
    move = db.session.scalar(select(Movement))
    assert (move.lot, move.expiry, move.task_id) == ("LOT-A7", date(2027, 12, 31), po)


def test_typed_lot_and_expiry_are_kept(world):
    po = new_order(world, [(CLOCK, 10)])
    apply_scans([scan("receive", CLOCK, 2, task_id=po, lot="L-0921", expiry=date(2027, 3, 1))], world["worker"])
    move = db.session.scalar(select(Movement))
    assert (move.lot, move.expiry) == ("L-0921", date(2027, 3, 1))


def test_the_outstanding_quantity_is_on_order_for_replenishment(world):
    po = new_order(world)
    apply_scans([scan("receive", CLOCK, 6, task_id=po)], world["worker"])
    site_id = world["site"].id
    assert on_order_by_site({(world["clock"].id, site_id)}) == {(world["clock"].id, site_id): 4}


def test_a_draft_is_not_on_order_until_released(world):
    po = create_purchase_order("TKY", None, [(CLOCK, 10)], world["manager_id"], draft=True)
    pair = (world["clock"].id, world["site"].id)
    assert on_order_by_site({pair}) == {}
    release_purchase_order(po)
    assert on_order_by_site({pair}) == {pair: 10}


def test_a_manager_closes_an_order_short_and_the_shortfall_is_recorded(world):
    po = new_order(world)
    apply_scans([scan("receive", CLOCK, 7, task_id=po)], world["worker"])
    close_short(po, world["manager_id"], "supplier out of stock")
    shorts = {e.quantity for e in db.session.scalars(select(TaskEvent).where(TaskEvent.kind == "closed_short"))}
    assert shorts == {3, 24}
    assert on_order_by_site({(world["clock"].id, world["site"].id)}) == {}
    [late] = apply_scans([scan("receive", CLOCK, 3, task_id=po)], world["worker"])
    assert late.status == "rejected" and late.reason == "task_closed"
    with pytest.raises(Conflict):
        close_short(po, world["manager_id"], "again")


def test_a_replayed_receipt_counts_once(world):
    po = new_order(world)
    first = scan("receive", CLOCK, 6, task_id=po)
    apply_scans([first], world["worker"])
    [again] = apply_scans([first], world["worker"])
    assert again.status == "duplicate"
    assert lines_of(po)["RETRO-CLOCK"]["received"] == 6


def test_an_unknown_code_is_refused_on_an_order(world):
    po = new_order(world)
    [out] = apply_scans([scan("receive", "4549292123456", 1, task_id=po)], world["worker"])
    assert (out.status, out.reason) == ("rejected", "unknown_code")


def test_a_bin_at_another_site_is_refused(world):
    make_site("OSK", "大阪倉庫", bins=("OSK-A-01",))
    po = new_order(world)
    [out] = apply_scans([scan("receive", CLOCK, 1, task_id=po, location="OSK-A-01")], world["worker"])
    assert out.reason == "wrong_site" and stock_at("OSK-A-01") == 0


def test_blind_receiving_needs_no_order(world):
    [out] = apply_scans([scan("receive", CLOCK, 5, location="A-01-01")], world["worker"])
    assert out.status == "applied" and stock_at("A-01-01") == 5


def test_orders_import_from_csv_grouped_by_number(world):
    csv_text = (
        "order,supplier,site,item,quantity\n"
        "PO-2001,SUP-KIKUCHI,TKY,RETRO-CLOCK,10\nPO-2001,SUP-KIKUCHI,TKY,4987654321094,24\n"
        "PO-2002,,TKY,GREEN-TEA,6\n"
    )
    ids = import_purchase_orders(csv_text, world["manager_id"])
    numbers = [db.session.get(Task, i).number for i in ids]
    assert numbers == ["PO-2001", "PO-2002"]
    assert {r["item_code"]: r["expected"] for r in order_lines(db.session.get(Task, ids[0]))} == {
        "RETRO-CLOCK": 10,
        "GREEN-TEA": 24,
    }


def test_a_csv_with_a_bad_line_imports_nothing(world):
    csv_text = "order,supplier,site,item,quantity\nPO-3001,,TKY,RETRO-CLOCK,10\nPO-3002,,TKY,NO-SUCH,1\n"
    with pytest.raises(InvalidInput) as err:
        import_purchase_orders(csv_text, world["manager_id"])
    assert "lines[1]" in err.value.fields
    assert db.session.scalar(select(Task.id)) is None
