"""The database half of task scans, run after the scan rows are stored: conditional updates decide races."""

from sqlalchemy import delete, select, update

from ...errors import Conflict
from ...extensions import db
from ...models import Allocation, CountLine, Scan, Task, TaskLine
from ..core import insert_ignore
from ..picking import take_reserved
from ..purchasing import receive_on_order
from ..tasks import lock_open_task, record_event
from .plan_rows import Refused
from .task_undo import UNDO, count_progress, lock_for_undo
from .types import ScanOutcome


def _pick(effect: dict):
    if not take_reserved(effect["line_id"], effect["quantity"]):
        left = db.session.scalar(select(Allocation.quantity).where(Allocation.task_line_id == effect["line_id"]))
        if not left:
            raise Refused("already_picked", "Nothing left to pick on this line: another picker took it.")
        raise Refused("too_many", f"Only {left} left to pick here.", n=left)
    t = TaskLine.__table__.c
    db.session.execute(
        update(TaskLine.__table__)
        .where(t.id == effect["line_id"])
        .values(done_quantity=t.done_quantity + effect["quantity"])
    )
    done, qty = db.session.execute(select(t.done_quantity, t.quantity).where(t.id == effect["line_id"])).one()
    later = effect.get("later_lot")
    if later:  # a later lot than first expiry first out proposed: the task keeps why
        record_event(
            effect["task_id"],
            "later_lot",
            line_id=effect["line_id"],
            quantity=effect["quantity"],
            reason=f"{later['reason']}: lot {later['lot']} instead of {later['proposed']}",
            user_id=effect["user_id"],
            scan_id=effect["scan_id"],
        )
    return f"picked {done} of {qty}", [], {"done": done, "expected": qty}


def _count(effect: dict):
    key = {
        "task_id": effect["task_id"],
        "location_id": effect["location_id"],
        "item_id": effect["item_id"],
        "lot": effect["lot"],
    }
    db.session.execute(insert_ignore(CountLine.__table__), [key | {"snapshot_quantity": 0, "recount": False}])
    c = CountLine.__table__.c
    when = effect["occurred_at"]
    # Two phones counting one bin add up (each counts what it scanned); the line is as late as its last scan.
    db.session.execute(
        update(CountLine.__table__)
        .where(*(c[k] == v for k, v in key.items()))
        .values(
            counted_quantity=db.func.coalesce(c.counted_quantity, 0) + effect["quantity"],
            counted_at=db.case((c.counted_at.is_(None) | (c.counted_at < when), when), else_=c.counted_at),
            counted_by=effect["user_id"],
            recount=False,
        )
    )
    counted = db.session.scalar(select(c.counted_quantity).where(*(c[k] == v for k, v in key.items())))
    return f"counted {counted}", [], count_progress(effect, counted)


def _transfer(effect: dict):
    t = TaskLine.__table__.c
    line_id = db.session.scalar(
        select(t.id)
        .where(t.task_id == effect["task_id"], t.item_id == effect["item_id"])
        .order_by(t.done_quantity >= t.quantity, t.seq)
        .limit(1)
    )
    db.session.execute(
        update(TaskLine.__table__).where(t.id == line_id).values(done_quantity=t.done_quantity + effect["quantity"])
    )
    return "moved", [], None


APPLY = {"purchase_order": receive_on_order, "pick_list": _pick, "count_session": _count, "transfer": _transfer}


def _run(effect: dict, refused: set):
    if effect.get("undo"):
        if effect["target"] in refused:
            raise Refused("unknown_scan", "Nothing to undo: the scan was not accepted.")
        if not lock_for_undo(effect):
            raise Refused(
                "undo_task_closed",
                f"{effect['number']} is closed, so this scan can no longer be undone.",
                number=effect["number"],
            )
        return UNDO[effect["kind"]](effect)
    if not lock_open_task(effect["task_id"]):
        raise Refused("task_closed", "This task was closed meanwhile.")
    return APPLY[effect["kind"]](effect)


def apply_task_effects(applied: list, ctx, outcomes: list) -> list:
    """Run each stored task scan's line update in batch order; a refused one is unstored and moves nothing."""
    effects = ctx.task_data.get("effects", {})
    kept, refused = [], set()
    for plan in sorted(applied, key=lambda p: p.pos):
        effect = effects.get(plan.scan.scan_id)
        if effect is None:
            kept.append(plan)
            continue
        try:
            if effect.get("undo"):
                # An undo may reopen an order before finding its line gone: a savepoint takes that back too.
                with db.session.begin_nested():
                    message, warnings, progress = _run(effect, refused)
            else:  # forward effects refuse before they write anything
                message, warnings, progress = _run(effect, refused)
        except (Refused, Conflict) as exc:
            reason = getattr(exc, "reason", None) or exc.code
            # Nothing else has seen this row: removing it keeps the scan free to be sent again later.
            db.session.execute(delete(Scan).where(Scan.scan_id == plan.scan.scan_id))
            refused.add(plan.scan.scan_id)
            outcomes[plan.pos] = ScanOutcome(
                str(plan.scan.scan_id),
                "rejected",
                reason=reason,
                message=exc.message,
                params=getattr(exc, "params", None),
            )
            continue
        status = db.session.scalar(select(Task.status).where(Task.id == effect["task_id"]))
        plan.outcome.message = message
        plan.outcome.warnings.extend(warnings)
        plan.outcome.task = {"id": effect["task_id"], "status": status} | (progress or {})
        db.session.execute(update(Scan).where(Scan.scan_id == plan.scan.scan_id).values(message=message))
        kept.append(plan)
    return kept
