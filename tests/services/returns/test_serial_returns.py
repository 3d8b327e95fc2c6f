"""Returns of a serial-tracked item: one unit with its serial, back in only when out of stock, out only from its bin."""

import uuid

import pytest
from sqlalchemy import select

from tests.builders import make_item, scan
from tests.services.returns.returns_world import RETURNED_AT, ledger_count
from tests.workflow_fixtures import build_world
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.models import Location, Movement, SerialNumber, Task
from webapp.services.picking import create_pick_list
from webapp.services.purchasing import create_purchase_order
from webapp.services.returns import (
    CustomerReturnIn,
    SupplierReturnIn,
    record_customer_return,
    record_supplier_return,
    returns_listing,
)
from webapp.services.scanning import apply_scans
from webapp.services.stock import ledger_mismatches

READER = "4549292123456"


@pytest.fixture
def shop(app):
    """Readers BTA-000017 (A-01-01) and BTA-000018 (A-01-02) received on PO-4001; BTA-000017 then picked on PL-4001."""
    w = build_world()
    reader = make_item("READER-BT", "バーコードリーダー BT-100", READER, name_en="Barcode reader BT-100")
    reader.serial_tracked = True
    db.session.commit()
    po = create_purchase_order("TKY", "SUP-KIKUCHI", [(READER, 2)], w["manager_id"], number="PO-4001")
    receipts = [
        scan("receive", READER, task_id=po, location=b, serial=s)
        for b, s in (("A-01-01", "BTA-000017"), ("A-01-02", "BTA-000018"))
    ]
    assert [o.status for o in apply_scans(receipts, w["worker"])] == ["applied", "applied"]
    pl = create_pick_list("TKY", [(READER, 1)], w["manager_id"], number="PL-4001")
    [out] = apply_scans([scan("pick", READER, task_id=pl, location="A-01-01", serial="BTA-000017")], w["worker"])
    assert out.status == "applied", out
    line = db.session.get(Task, po).lines[0].id
    return w | {"reader": reader.id, "po": po, "line": line}


def where(item_id: int, serial: str) -> str | None:
    db.session.expire_all()
    at = db.session.scalar(
        select(SerialNumber.location_id).where(SerialNumber.item_id == item_id, SerialNumber.serial == serial)
    )
    return db.session.get(Location, at).code if at else None


def back(serial="BTA-000017", quantity=1, **kw) -> CustomerReturnIn:
    return CustomerReturnIn(
        request_id=uuid.uuid4(),
        item=READER,
        quantity=quantity,
        bin="B-02-01",
        reason="damaged",
        pick_list="PL-4001",
        serial=serial,
        returned_at=RETURNED_AT,
        **kw,
    )


def out(shop, serial="BTA-000018", bin="A-01-02") -> SupplierReturnIn:
    return SupplierReturnIn(
        request_id=uuid.uuid4(),
        order_id=shop["po"],
        line_id=shop["line"],
        quantity=1,
        bin=bin,
        reason="quality",
        serial=serial,
        returned_at=RETURNED_AT,
    )


def test_a_picked_unit_comes_back_by_its_serial_into_the_chosen_bin(shop):
    record_customer_return(back(), shop["worker_id"])
    assert where(shop["reader"], "BTA-000017") == "B-02-01"
    move = db.session.scalar(select(Movement).where(Movement.type == "customer_return"))
    assert (move.serial, move.quantity) == ("BTA-000017", 1)
    assert returns_listing("customer")[0]["serial"] == "BTA-000017"
    assert ledger_mismatches() == []


def test_a_unit_goes_back_to_the_supplier_by_its_serial_from_the_bin_it_is_in(shop):
    record_supplier_return(out(shop), shop["manager_id"])
    assert where(shop["reader"], "BTA-000018") is None
    assert ledger_mismatches() == []


@pytest.mark.parametrize(
    ("made", "kind", "code"),
    [
        (lambda s: back(serial="BTA-000018"), Conflict, "serial_in_stock"),  # still on the shelf
        (lambda s: back(serial=""), InvalidInput, "serial_required"),
        (lambda s: back(quantity=2), InvalidInput, "serial_one_unit"),
    ],
)
def test_a_serial_that_cannot_come_back_is_refused_and_changes_nothing(shop, made, kind, code):
    before = ledger_count()
    with pytest.raises(kind) as refused:
        record_customer_return(made(shop), shop["worker_id"])
    assert refused.value.code == code and ledger_count() == before


def test_a_serial_sent_back_from_a_bin_it_is_not_in_is_refused_and_stays_where_it_is(shop):
    record_customer_return(back(), shop["worker_id"])  # BTA-000017 now in B-02-01
    before = ledger_count()
    with pytest.raises(Conflict) as refused:
        record_supplier_return(out(shop, serial="BTA-000017", bin="A-01-02"), shop["manager_id"])
    assert refused.value.code == "serial_not_in_bin" and ledger_count() == before
    assert where(shop["reader"], "BTA-000017") == "B-02-01"
