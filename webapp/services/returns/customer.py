"""A customer return: goods back into a bin of the user's choice, checked against the original pick list when known."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from ...domain.returns import MOVEMENT_TYPES, demand_at, returnable
from ...errors import InvalidInput
from ...extensions import db
from ...models import Item, Movement, StockReturn, Task
from ..core import post_movements, transactional
from .outcome import ReturnOutcome, active_bin, aware, checked_fields, earlier, expiry_or_none, insert_return, item_for
from .serials import serial_back_in, serial_for


@dataclass(frozen=True)
class CustomerReturnIn:
    """What the office form (or a caller) says about one customer return."""

    request_id: uuid.UUID
    item: str
    quantity: int
    bin: str
    reason: str
    note: str = ""
    lot: str = ""
    expiry: date | None = None
    pick_list: str = ""
    returned_at: datetime | None = None
    serial: str = ""


def _pick_list(number: str) -> Task:
    """The pick list of this number, locked so two returns against it queue; InvalidInput when there is none."""
    number = number.strip()[:40]
    task = db.session.scalar(
        select(Task).where(Task.number == number, Task.kind == "pick_list").with_for_update().limit(1)
    )
    if task is None:
        raise InvalidInput(
            f"No pick list has the number {number!r}.", code="unknown_pick_list", fields={"pick_list": ["unknown"]}
        )
    return task


def _picked_on(task_id: int, item_id: int) -> tuple[int, datetime | None]:
    """Units of the item picked on the list (undone picks netted) and when it was last picked."""
    picks = (Movement.task_id == task_id) & (Movement.item_id == item_id) & (Movement.type == "pick")
    net, last = db.session.execute(
        select(
            func.coalesce(func.sum(-Movement.quantity), 0),
            func.max(Movement.occurred_at).filter(Movement.quantity < 0),
        ).where(picks)
    ).one()
    return int(net), last


def _returned_on(task_id: int, item_id: int) -> int:
    mine = (StockReturn.kind == "customer") & (StockReturn.task_id == task_id) & (StockReturn.item_id == item_id)
    return int(db.session.scalar(select(func.coalesce(func.sum(StockReturn.quantity), 0)).where(mine)))


@transactional
def record_customer_return(r: CustomerReturnIn, user_id: int | None) -> ReturnOutcome:
    """Post a customer return once: a `customer_return` movement into the bin and its row; refusals change nothing."""
    if (done := earlier(r.request_id)) is not None:
        return done
    item_id = item_for(r.item)
    quantity, note, lot = checked_fields(r.quantity, r.reason, r.note, r.lot)
    serial = serial_for(item_id, r.serial, quantity)
    location = active_bin(r.bin)
    returned_at = aware(r.returned_at)
    task_id, site_id, picked_at = None, location.site_id, None
    if str(r.pick_list or "").strip():
        task = _pick_list(str(r.pick_list))
        picked, picked_at = _picked_on(task.id, item_id)
        left = returnable(picked, _returned_on(task.id, item_id))
        if quantity > left:
            raise InvalidInput(
                f"Only {left} of this item can come back against {task.number}.",
                code="over_return",
                fields={"quantity": [str(left)]},
            )
        task_id, site_id = task.id, task.site_id
    return_id = insert_return(
        {
            "kind": "customer",
            "request_id": r.request_id,
            "item_id": item_id,
            "location_id": location.id,
            "site_id": site_id,
            "serial": serial,
            "lot": lot,
            "expiry": expiry_or_none(r.expiry),
            "quantity": quantity,
            "reason": r.reason,
            "note": note,
            "task_id": task_id,
            "user_id": user_id,
            "returned_at": returned_at,
            "demand_at": demand_at(picked_at, returned_at),
        }
    )
    if return_id is None:  # the same request, committed by another call meanwhile
        return earlier(r.request_id)
    serial_back_in(item_id, serial, location.id)
    post_movements(
        [
            {
                "type": MOVEMENT_TYPES["customer"],
                "item_id": item_id,
                "location_id": location.id,
                "lot": lot,
                "expiry": expiry_or_none(r.expiry),
                "quantity": quantity,
                "unit_cost": db.session.get(Item, item_id).unit_cost,
                "user_id": user_id,
                "scan_id": r.request_id,
                "task_id": task_id,
                "serial": serial,
                "occurred_at": returned_at,
            }
        ]
    )
    return ReturnOutcome(return_id)
