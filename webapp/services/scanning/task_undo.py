"""Undoing a task scan takes back what it added to its task's own record, under the same task-row lock as every
writer: the order line's receipt (reopening an order that receipt had completed), the pick line and its
reservation, or the count line, whose count is then rebuilt from the count scans still standing."""

from sqlalchemy import delete, func, select, update

from ...extensions import db
from ...models import CountLine, Scan, TaskEvent, TaskLine
from ..picking import give_back
from ..purchasing import reopen_received_order, take_back_receipt
from ..tasks import lock_open_task
from .plan_rows import Refused


def lock_for_undo(effect: dict) -> bool:
    """Lock the task for the undo; an order closed by its last receipt opens again. False: it stays closed."""
    if lock_open_task(effect["task_id"]):
        return True
    return effect["kind"] == "purchase_order" and reopen_received_order(effect["task_id"])


def _unpick(effect: dict):
    t, units = TaskLine.__table__.c, effect["quantity"]
    line_id = effect["line_id"] or db.session.scalar(
        select(t.id)
        .where(
            t.task_id == effect["task_id"],
            t.item_id == effect["item_id"],
            t.location_id == effect["location_id"],
            t.lot == effect["lot"],
            t.done_quantity >= units,
        )
        .order_by(t.seq)
        .limit(1)
    )
    if line_id is None:  # a later lot than the line proposed: its event names the line it was picked on
        line_id = db.session.scalar(
            select(TaskEvent.task_line_id).where(TaskEvent.scan_id == effect["target"], TaskEvent.kind == "later_lot")
        )
    if line_id is None:
        raise Refused("nothing_to_undo", "This pick is no longer on the list.")
    shorted = select(TaskEvent.id).where(TaskEvent.task_line_id == line_id, TaskEvent.kind == "short_pick")
    if db.session.scalar(shorted.limit(1)) is not None:
        raise Refused("line_closed", "This line was closed short, so its picks can no longer be undone.")
    db.session.execute(update(TaskLine.__table__).where(t.id == line_id).values(done_quantity=t.done_quantity - units))
    give_back(line_id, units)
    done, qty = db.session.execute(select(t.done_quantity, t.quantity).where(t.id == line_id)).one()
    return f"picked {done} of {qty}", [], {"done": done, "expected": qty}


def _untransfer(effect: dict):
    t, units = TaskLine.__table__.c, effect["quantity"]
    line_id = db.session.scalar(
        select(t.id)
        .where(t.task_id == effect["task_id"], t.item_id == effect["item_id"], t.done_quantity >= units)
        .order_by(t.seq.desc())
        .limit(1)
    )
    if line_id is None:
        raise Refused("nothing_to_undo", "This move is no longer on the transfer.")
    db.session.execute(update(TaskLine.__table__).where(t.id == line_id).values(done_quantity=t.done_quantity - units))
    return "moved", [], None


def count_progress(effect: dict, counted: int) -> dict:
    """The item's running count in its bin and the bin's total so far, as the counter's phone shows them."""
    c = CountLine.__table__.c
    total = db.session.scalar(
        select(func.coalesce(func.sum(c.counted_quantity), 0)).where(
            c.task_id == effect["task_id"], c.location_id == effect["location_id"]
        )
    )
    return {"done": counted, "bin_total": int(total)}


def _recounted_at(line_id: int):
    """When a manager last asked for this count line to be counted again from zero (None: never)."""
    return db.session.scalar(
        select(func.max(TaskEvent.created_at)).where(
            TaskEvent.kind == "recount", TaskEvent.reason == f"count line {line_id}"
        )
    )


def _uncount(effect: dict):
    c, s = CountLine.__table__.c, Scan.__table__.c
    key = (c.task_id == effect["task_id"], c.location_id == effect["location_id"])
    key += (c.item_id == effect["item_id"], c.lot == effect["lot"])
    line = db.session.execute(select(c.id, c.snapshot_quantity, c.recount, c.counted_quantity).where(*key)).first()
    if line is None:
        return "counted 0", [], count_progress(effect, 0)
    since = _recounted_at(line.id)
    if since is not None and effect["target_recorded_at"] is not None and effect["target_recorded_at"] <= since:
        # A recount already started this line again from zero: nothing of the undone scan is left in it.
        return f"counted {line.counted_quantity or 0}", [], count_progress(effect, line.counted_quantity or 0)
    undone = select(s.undo_of).where(s.task_id == effect["task_id"], s.undo_of.is_not(None))
    standing = [
        s.task_id == effect["task_id"],
        s.mode == "count",
        s.status == "applied",
        s.location_id == effect["location_id"],
        s.item_id == effect["item_id"],
        s.lot == effect["lot"],
        s.scan_id.not_in(undone),
    ]
    if since is not None:
        standing.append(s.recorded_at > since)
    # Rebuilt, not decremented: the count and its time are those of the scans that still stand.
    total, last = db.session.execute(
        select(func.sum(func.coalesce(s.units, s.quantity)), func.max(s.occurred_at)).where(*standing)
    ).one()
    if total is None and line.snapshot_quantity == 0 and not line.recount:
        db.session.execute(delete(CountLine.__table__).where(c.id == line.id))  # only that scan had made the line
    else:
        values = {"counted_quantity": total, "counted_at": last} | ({} if total else {"counted_by": None})
        db.session.execute(update(CountLine.__table__).where(c.id == line.id).values(**values))
    return f"counted {total or 0}", [], count_progress(effect, int(total or 0))


UNDO = {
    "purchase_order": take_back_receipt,
    "pick_list": _unpick,
    "count_session": _uncount,
    "transfer": _untransfer,
}
