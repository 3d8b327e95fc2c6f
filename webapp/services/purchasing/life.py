"""A purchase order's steps after drafting: confirm, mark sent, cancel, reopen, merge drafts; each with who and when."""

from sqlalchemy import exists, func, select, update

from ...domain.purchase_orders import SEND_CHANNELS
from ...errors import Conflict, InvalidInput
from ...extensions import db
from ...models import Task, TaskEvent, TaskLine
from ...models.types import utcnow
from ..core import transactional
from ..tasks import get_task, record_event


def lock_status(task_id: int, statuses: tuple[str, ...], code: str, message: str) -> Task:
    """Lock the order's row while it is in one of these statuses, else refuse with a Conflict."""
    get_task(task_id, "purchase_order")
    locked = db.session.execute(
        update(Task).where(Task.id == task_id, Task.status.in_(statuses)).values(status=Task.status)
    )
    if locked.rowcount != 1:
        raise Conflict(message, code=code)
    task = db.session.get(Task, task_id)
    db.session.refresh(task)
    return task


def received_any(task_id: int) -> bool:
    """Whether anything was received against the order (counting receipts since undone as none)."""
    return bool(db.session.scalar(select(exists().where(TaskLine.task_id == task_id, TaskLine.done_quantity > 0))))


def merged_away(task_id: int) -> bool:
    """Whether this draft was merged into another one (so reopening it would order twice)."""
    return bool(db.session.scalar(select(exists().where(TaskEvent.task_id == task_id, TaskEvent.kind == "merged"))))


@transactional
def confirm_order(task_id: int, user_id: int) -> None:
    """A draft becomes an order: it needs a supplier and a line; prices are fixed and it counts as on order."""
    task = lock_status(task_id, ("draft",), "not_draft", "Only a draft can be confirmed.")
    if task.supplier_id is None:
        raise InvalidInput(
            "Choose the supplier before confirming.", code="supplier_required", fields={"supplier": ["required"]}
        )
    lines = [ln for ln in task.lines if ln.quantity > 0]
    if not lines:
        raise InvalidInput("At least one line is needed.", code="no_lines", fields={"lines": ["empty"]})
    for line in lines:
        if line.unit_price is None:
            line.unit_price = line.item.unit_cost
    task.status = "open"
    record_event(task_id, "confirmed", user_id=user_id)


@transactional
def mark_sent(task_id: int, by: int | None, channel: str) -> None:
    """The order reached the supplier (by e-mail, FAX, phone...): set by the sending work or by hand; again on a resend."""
    if channel not in SEND_CHANNELS:
        raise InvalidInput("Say how the order was sent.", code="bad_channel", fields={"channel": list(SEND_CHANNELS)})
    task = lock_status(task_id, ("open", "in_progress"), "not_confirmed", "Only a confirmed order can be sent.")
    task.sent_at, task.sent_channel = utcnow(), channel
    record_event(task_id, "sent", reason=channel, user_id=by)


@transactional
def cancel_order(task_id: int, user_id: int, reason: str = "") -> None:
    """Call off a draft, or a confirmed order of which nothing has been received."""
    task = lock_status(
        task_id, ("draft", "open"), "not_cancellable", "Only a draft or an order not yet received can be cancelled."
    )
    if received_any(task_id):
        raise Conflict("Goods were received against this order: close it short instead.", code="received_already")
    task.status, task.closed_at = "cancelled", utcnow()
    record_event(task_id, "cancelled", reason=reason.strip()[:500], user_id=user_id)


@transactional
def reopen_order(task_id: int, user_id: int) -> None:
    """A cancelled order becomes a draft again (not one merged into another: that would order twice)."""
    task = lock_status(task_id, ("cancelled",), "not_cancelled", "Only a cancelled order can be reopened.")
    if merged_away(task_id):
        raise Conflict("This draft was merged into another order.", code="merged_away")
    task.status, task.closed_at, task.sent_at, task.sent_channel = "draft", None, None, None
    record_event(task_id, "reopened", user_id=user_id)


@transactional
def merge_drafts(task_ids: list[int], user_id: int) -> int:
    """Merge drafts of one supplier and site into the oldest: lines of one item add up, the others are cancelled."""
    ids = sorted(set(task_ids))
    if len(ids) < 2:
        raise InvalidInput("Choose at least two drafts to merge.", code="merge_needs_two", fields={"orders": ids})
    drafts = [lock_status(i, ("draft",), "not_draft", "Only drafts can be merged.") for i in ids]
    if len({(d.supplier_id, d.site_id) for d in drafts}) != 1 or drafts[0].supplier_id is None:
        raise Conflict("Only drafts of one supplier and one receiving site can be merged.", code="merge_mismatch")
    target, others = drafts[0], drafts[1:]
    by_item = {ln.item_id: ln for ln in target.lines}
    seq = db.session.scalar(select(func.coalesce(func.max(TaskLine.seq), 0)).where(TaskLine.task_id == target.id))
    for other in others:
        for line in list(other.lines):
            kept = by_item.get(line.item_id)
            if kept is None:
                seq += 1
                line.task, line.seq = target, seq
                by_item[line.item_id] = line
                continue
            kept.quantity += line.quantity
            dates = [d for d in (kept.expected_date, line.expected_date) if d]
            kept.expected_date = min(dates) if dates else None
            db.session.delete(line)
        other.status, other.closed_at = "cancelled", utcnow()
        record_event(other.id, "merged", reason=target.number, user_id=user_id)
    record_event(target.id, "merged", reason=", ".join(o.number for o in others), user_id=user_id)
    db.session.flush()
    return target.id
