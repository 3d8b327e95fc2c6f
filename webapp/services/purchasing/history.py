"""Read side of purchase orders: the list by stage and supplier, one order with its lines, steps and history."""

from decimal import Decimal

from sqlalchemy import select

from ...domain.purchase_orders import allowed_steps, line_amount, stage_of
from ...errors import InvalidInput
from ...extensions import db
from ...models import Site, Supplier, Task, TaskEvent, User
from ..tasks import get_task
from .drafts import order_step_of
from .life import merged_away, received_any
from .orders import order_lines

STAGE_STATUSES = {
    "draft": ("draft",),
    "confirmed": ("open",),
    "sent": ("open",),
    "partly_received": ("in_progress",),
    "received": ("done",),
    "cancelled": ("cancelled",),
}


def _plain(value: Decimal) -> str:
    """A decimal without trailing zeros: 1200, 12.5."""
    return str(int(value)) if value == value.to_integral_value() else f"{value.normalize():f}"


def orders_listing(stage: str | None = "draft", supplier_id: int | None = None) -> list[dict]:
    """Purchase orders at one stage (all stages with None), of one supplier or all, newest first."""
    if stage is not None and stage not in STAGE_STATUSES:
        raise InvalidInput("Unknown order stage.", code="bad_stage", fields={"stage": list(STAGE_STATUSES)})
    stmt = (
        select(Task, Supplier.name, Site.code)
        .outerjoin(Supplier, Task.supplier_id == Supplier.id)
        .join(Site, Task.site_id == Site.id)
        .where(Task.kind == "purchase_order")
        .order_by(Task.created_at.desc(), Task.id.desc())
    )
    if stage:
        stmt = stmt.where(Task.status.in_(STAGE_STATUSES[stage]))
        if stage in ("confirmed", "sent"):
            stmt = stmt.where(Task.sent_at.is_(None) if stage == "confirmed" else Task.sent_at.is_not(None))
    if supplier_id:
        stmt = stmt.where(Task.supplier_id == supplier_id)
    return [
        {
            "id": task.id,
            "number": task.number,
            "stage": stage_of(task.status, task.sent_at is not None),
            "supplier": supplier or "",
            "site": site,
            "lines": len(task.lines),
            "created_at": task.created_at.isoformat(),
            "sent_at": task.sent_at.isoformat() if task.sent_at else None,
        }
        for task, supplier, site in db.session.execute(stmt.limit(500))
    ]


def order_history(task_id: int) -> list[dict]:
    """Who did what to the order and when, oldest first, starting with its creation."""
    task = get_task(task_id, "purchase_order")
    names = dict(db.session.execute(select(User.id, User.username)).all())
    rows = [{"kind": "created", "at": task.created_at.isoformat(), "by": names.get(task.created_by), "reason": ""}]
    events = db.session.scalars(select(TaskEvent).where(TaskEvent.task_id == task_id).order_by(TaskEvent.id))
    rows += [
        {
            "kind": e.kind,
            "at": e.created_at.isoformat(),
            "by": names.get(e.user_id),
            "reason": e.reason,
            "quantity": e.quantity,
        }
        for e in events
    ]
    if task.status == "done" and task.closed_at:
        rows.append({"kind": "received", "at": task.closed_at.isoformat(), "by": None, "reason": ""})
    return rows


def order_summary(task_id: int) -> dict:
    """One order: its stage, the steps allowed now, its lines with prices, and its history."""
    task = get_task(task_id, "purchase_order")
    stage = stage_of(task.status, task.sent_at is not None)
    supplier = db.session.get(Supplier, task.supplier_id) if task.supplier_id else None
    by_id = {ln.id: ln for ln in task.lines}
    lines = []
    for row in order_lines(task):
        line = by_id[row["id"]]
        price = Decimal(line.unit_price if line.unit_price is not None else line.item.unit_cost)
        lines.append(
            row
            | {
                "unit": line.item.unit,
                "expected_date": line.expected_date.isoformat() if line.expected_date else None,
                "note": line.note,
                "unit_price": _plain(price),
                "amount": _plain(line_amount(line.quantity, price)),
                "order_multiple": line.item.order_multiple,
                "min_order_qty": line.item.min_order_qty,
                "order_step": order_step_of(line.item),
            }
        )
    return {
        "id": task.id,
        "number": task.number,
        "status": task.status,
        "stage": stage,
        "steps": list(allowed_steps(stage, received_any(task_id), merged_away(task_id))),
        "supplier": {"id": supplier.id, "code": supplier.code, "name": supplier.name} if supplier else None,
        "site": db.session.scalar(select(Site.code).where(Site.id == task.site_id)),
        "remarks": task.remarks,
        "note": task.note,
        "sent_at": task.sent_at.isoformat() if task.sent_at else None,
        "sent_channel": task.sent_channel,
        "lines": lines,
        "total": _plain(sum((Decimal(ln["amount"]) for ln in lines), Decimal(0))),
        "history": order_history(task_id),
    }
