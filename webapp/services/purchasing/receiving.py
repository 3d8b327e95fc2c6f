"""Receiving against a purchase order: tally each scan on its line, record over-receipt, close when complete;
an undone receipt comes off its line again and reopens an order it had completed."""

from sqlalchemy import exists, func, insert, select, update

from ...errors import Conflict
from ...extensions import db
from ...models import Task, TaskEvent, TaskLine
from ...models.types import utcnow
from ..tasks import record_event


def _line_for(task_id: int, item_id: int):
    """The line a receipt of the item fills: the first not yet complete, else the last one of the item."""
    t = TaskLine.__table__.c
    return db.session.execute(
        select(t.id)
        .where(t.task_id == task_id, t.item_id == item_id)
        .order_by((t.done_quantity >= t.quantity), t.seq)
        .limit(1)
    ).scalar()


def receive_on_order(effect: dict) -> tuple[str, list[str], dict]:
    """Add a receipt to its order line (the task row is already locked); returns a message, warnings, progress."""
    task_id, item_id, qty = effect["task_id"], effect["item_id"], effect["quantity"]
    t = TaskLine.__table__.c
    warnings = []
    line_id = _line_for(task_id, item_id)
    if line_id is None:
        # Not ordered at all: kept as a line expecting 0, so the whole receipt shows as over.
        seq = db.session.scalar(select(func.coalesce(func.max(t.seq), 0)).where(t.task_id == task_id)) + 1
        line_id = db.session.execute(
            insert(TaskLine.__table__)
            .values(task_id=task_id, seq=seq, item_id=item_id, lot="", quantity=0, done_quantity=qty)
            .returning(t.id)
        ).scalar()
        record_event(
            task_id, "not_on_order", line_id=line_id, quantity=qty, user_id=effect["user_id"], scan_id=effect["scan_id"]
        )
        warnings.append("not_on_order")
    else:
        # done = done + q in the database: concurrent receipts of one line never lose a unit.
        db.session.execute(
            update(TaskLine.__table__).where(t.id == line_id).values(done_quantity=t.done_quantity + qty)
        )
    done, expected = db.session.execute(select(t.done_quantity, t.quantity).where(t.id == line_id)).one()
    over = min(qty, done - expected)
    if over > 0 and "not_on_order" not in warnings:
        record_event(
            task_id,
            "over_receipt",
            line_id=line_id,
            quantity=over,
            user_id=effect["user_id"],
            scan_id=effect["scan_id"],
        )
        warnings.append("over_receipt")
    _close_if_complete(task_id)
    return f"received {done} of {expected}", warnings, {"done": done, "expected": expected}


def reopen_received_order(task_id: int) -> bool:
    """Open again an order that receiving closed, so an undo can take a receipt back; not one closed short."""
    closed_short = exists().where(TaskEvent.task_id == task_id, TaskEvent.kind == "closed_short")
    result = db.session.execute(
        update(Task)
        .where(Task.id == task_id, Task.kind == "purchase_order", Task.status == "done", ~closed_short)
        .values(status="in_progress", closed_at=None)
    )
    return result.rowcount == 1


def take_back_receipt(effect: dict) -> tuple[str, list[str], dict]:
    """Undo a receipt on its order line (the task row is already locked); the order closes again if still complete."""
    task_id, item_id, qty = effect["task_id"], effect["item_id"], effect["quantity"]
    t = TaskLine.__table__.c
    # The line the receipt most likely filled: one received past its quantity first, then the latest.
    line_id = db.session.scalar(
        select(t.id)
        .where(t.task_id == task_id, t.item_id == item_id, t.done_quantity >= qty)
        .order_by((t.done_quantity > t.quantity).desc(), t.seq.desc())
        .limit(1)
    )
    if line_id is None:
        raise Conflict("This receipt is no longer on the order.", code="nothing_to_undo")
    db.session.execute(update(TaskLine.__table__).where(t.id == line_id).values(done_quantity=t.done_quantity - qty))
    done, expected = db.session.execute(select(t.done_quantity, t.quantity).where(t.id == line_id)).one()
    _close_if_complete(task_id)
    return f"received {done} of {expected}", [], {"done": done, "expected": expected}


def _close_if_complete(task_id: int) -> None:
    t = TaskLine.__table__.c
    missing = db.session.scalar(select(func.count()).where(t.task_id == task_id, t.done_quantity < t.quantity))
    if missing == 0:
        db.session.execute(update(Task).where(Task.id == task_id).values(status="done", closed_at=utcnow()))
