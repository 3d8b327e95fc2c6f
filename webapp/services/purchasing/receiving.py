"""Receiving against a purchase order: tally each scan on its line, record over-receipt, close when complete."""

from sqlalchemy import func, insert, select, update

from ...extensions import db
from ...models import Task, TaskLine
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


def receive_on_order(effect: dict) -> tuple[str, list[str]]:
    """Add a receipt to its order line (the task row is already locked); returns a message and warnings."""
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
    return f"received {done} of {expected}", warnings


def _close_if_complete(task_id: int) -> None:
    t = TaskLine.__table__.c
    missing = db.session.scalar(select(func.count()).where(t.task_id == task_id, t.done_quantity < t.quantity))
    if missing == 0:
        db.session.execute(update(Task).where(Task.id == task_id).values(status="done", closed_at=utcnow()))
