"""A return to a supplier: against a purchase order line, out of a bin that holds the stock."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from ...domain.returns import MOVEMENT_TYPES
from ...errors import Conflict, InvalidInput, NotFound
from ...extensions import db
from ...models import Item, StockLevel, Task, TaskLine
from ..core import post_movements, transactional
from ..purchasing import reopen_received_order
from ..tasks import record_event
from .outcome import ReturnOutcome, active_bin, aware, checked_fields, earlier, insert_return
from .serials import serial_for, serial_out_of

# Orders that goods can have been received against.
RECEIVING_STATUSES = ("open", "in_progress", "done")


@dataclass(frozen=True)
class SupplierReturnIn:
    """What the purchase order page says about one return to its supplier."""

    request_id: uuid.UUID
    order_id: int
    line_id: int
    quantity: int
    bin: str
    reason: str
    note: str = ""
    lot: str = ""
    returned_at: datetime | None = None
    serial: str = ""


def _order_line(order_id: int, line_id: int) -> tuple[Task, TaskLine]:
    """The order (its row locked: receipts and returns of one order queue) and its line, or NotFound."""
    # populate_existing: rows read earlier in the request are read again under the lock, never taken as cached.
    fresh = {"populate_existing": True}
    order = db.session.scalar(
        select(Task)
        .where(Task.id == order_id, Task.kind == "purchase_order")
        .with_for_update()
        .execution_options(**fresh)
    )
    line = (
        db.session.scalar(select(TaskLine).where(TaskLine.id == line_id).execution_options(**fresh))
        if order is not None
        else None
    )
    if order is None or line is None or line.task_id != order.id:
        raise NotFound("No such purchase order line.", code="unknown_order_line")
    if order.status not in RECEIVING_STATUSES:
        raise Conflict("Nothing was received against this order.", code="order_not_receiving")
    return order, line


def _on_hand_locked(item_id: int, location_id: int, lot: str) -> int:
    """Units of the item and lot in the bin, the level row locked until the movement is posted."""
    found = db.session.scalar(
        select(StockLevel.quantity)
        .where(StockLevel.item_id == item_id, StockLevel.location_id == location_id, StockLevel.lot == lot)
        .with_for_update()
    )
    return int(found or 0)


@transactional
def record_supplier_return(r: SupplierReturnIn, user_id: int | None) -> ReturnOutcome:
    """Post a supplier return once: a `supplier_return` movement out of the bin, the line's received net of it."""
    if (done := earlier(r.request_id)) is not None:
        return done
    order, line = _order_line(r.order_id, r.line_id)
    item_id = line.item_id
    quantity, note, lot = checked_fields(r.quantity, r.reason, r.note, r.lot)
    if quantity > line.done_quantity:
        raise InvalidInput(
            f"Only {line.done_quantity} received on this line can go back.",
            code="over_return",
            fields={"quantity": [str(line.done_quantity)]},
        )
    serial = serial_for(item_id, r.serial, quantity)
    location = active_bin(r.bin)
    if location.site_id != order.site_id:
        raise InvalidInput("The bin is not at the order's site.", code="bin_not_at_site", fields={"bin": ["site"]})
    if _on_hand_locked(item_id, location.id, lot) < quantity:
        raise Conflict("Not enough of the item in this bin to send back.", code="no_stock_to_return")
    returned_at = aware(r.returned_at)
    return_id = insert_return(
        {
            "kind": "supplier",
            "request_id": r.request_id,
            "item_id": item_id,
            "location_id": location.id,
            "site_id": location.site_id,
            "serial": serial,
            "lot": lot,
            "quantity": quantity,
            "reason": r.reason,
            "note": note,
            "task_id": order.id,
            "task_line_id": line.id,
            "supplier_id": order.supplier_id,
            "user_id": user_id,
            "returned_at": returned_at,
        }
    )
    if return_id is None:  # the same request, committed by another call meanwhile
        return earlier(r.request_id)
    serial_out_of(item_id, serial, location.id)
    cost = line.unit_price if line.unit_price is not None else db.session.get(Item, item_id).unit_cost
    post_movements(
        [
            {
                "type": MOVEMENT_TYPES["supplier"],
                "item_id": item_id,
                "location_id": location.id,
                "lot": lot,
                "quantity": -quantity,
                "unit_cost": cost,
                "user_id": user_id,
                "scan_id": r.request_id,
                "task_id": order.id,
                "serial": serial,
                "occurred_at": returned_at,
            }
        ]
    )
    # Received is net of returns; the supplier owes the units again, so a received order is partly received.
    t = TaskLine.__table__.c
    db.session.execute(
        update(TaskLine.__table__).where(t.id == line.id).values(done_quantity=t.done_quantity - quantity)
    )
    reopen_received_order(order.id)
    record_event(order.id, "returned", line_id=line.id, quantity=quantity, reason=r.reason, user_id=user_id)
    return ReturnOutcome(return_id)
