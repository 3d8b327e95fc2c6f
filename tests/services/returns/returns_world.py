"""A Tokyo warehouse where 4 retro clocks were picked for a customer two days ago, and a purchase order received."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import func, select

from tests.builders import scan
from tests.workflow_fixtures import build_world, put_stock
from webapp.extensions import db
from webapp.models import Movement, StockReturn, Task
from webapp.services.picking import create_pick_list
from webapp.services.purchasing import create_purchase_order
from webapp.services.returns import CustomerReturnIn, SupplierReturnIn
from webapp.services.scanning import apply_scans

CLOCK, TEA = "4901234567894", "4987654321094"
STOCKED_AT = datetime(2026, 11, 10, 1, 0, tzinfo=UTC)
PICKED_AT = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo on the 18th
RETURNED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 11:00 in Tokyo on the 20th


def picked_world() -> dict:
    """10 clocks shelved on the 10th; pick list PL-2001 took 4 of them on the 18th."""
    w = build_world()
    put_stock(w["worker"], "A-01-01", 10, occurred_at=STOCKED_AT)
    pl = create_pick_list("TKY", [(CLOCK, 4)], w["manager_id"], number="PL-2001")
    [out] = apply_scans([scan("pick", CLOCK, 4, task_id=pl, location="A-01-01", occurred_at=PICKED_AT)], w["worker"])
    assert out.status == "applied", out
    return w | {"pick_list": pl}


def received_order(w, quantity=24) -> tuple[int, int]:
    """Order PO-3001 of green tea from 菊池商事, received in full into A-01-02 on the 10th: (order id, line id)."""
    po = create_purchase_order("TKY", "SUP-KIKUCHI", [(TEA, quantity)], w["manager_id"], number="PO-3001")
    [out] = apply_scans(
        [scan("receive", TEA, quantity, task_id=po, location="A-01-02", occurred_at=STOCKED_AT)], w["worker"]
    )
    assert out.status == "applied", out
    return po, db.session.get(Task, po).lines[0].id


def customer_return(quantity=1, pick_list="PL-2001", bin="B-02-01", reason="unwanted", **kw) -> CustomerReturnIn:
    kw.setdefault("returned_at", RETURNED_AT)
    kw.setdefault("request_id", uuid.uuid4())
    return CustomerReturnIn(
        item=kw.pop("item", CLOCK), quantity=quantity, bin=bin, reason=reason, pick_list=pick_list, **kw
    )


def supplier_return(order_id, line_id, quantity=6, bin="A-01-02", reason="damaged", **kw) -> SupplierReturnIn:
    kw.setdefault("returned_at", RETURNED_AT)
    kw.setdefault("request_id", uuid.uuid4())
    return SupplierReturnIn(order_id=order_id, line_id=line_id, quantity=quantity, bin=bin, reason=reason, **kw)


def ledger_count() -> tuple[int, int]:
    """(movements, returns) in the database: what a refusal must leave as it was."""
    return db.session.scalar(select(func.count(Movement.id))), db.session.scalar(select(func.count(StockReturn.id)))
