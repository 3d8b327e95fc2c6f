"""Purchase orders: made by hand, imported by CSV or drafted from reorder suggestions; closed when received or short."""

from sqlalchemy import select

from ...errors import Conflict, InvalidInput
from ...extensions import db
from ...models import Task, TaskLine
from ...models.types import utcnow
from ..core import transactional
from ..tasks import (
    add_numbered,
    demand_lines,
    get_task,
    read_order_rows,
    record_event,
    require_open,
    site_by_code,
    supplier_by_code,
)


def add_purchase_order(site_code, supplier_code, lines, user_id, number=None, status="open", note="") -> Task:
    """Add a purchase order inside the caller's transaction (no commit): for services that draft several at once."""
    site = site_by_code(site_code)
    supplier = supplier_by_code(supplier_code)
    if number and db.session.scalar(select(Task.id).where(Task.number == number)):
        raise Conflict(f"An order numbered {number} already exists.", code="number_taken", fields={"number": ["taken"]})
    task = Task(
        kind="purchase_order",
        number=number,
        site_id=site.id,
        status=status,
        supplier_id=supplier.id if supplier else None,
        title=supplier.name if supplier else "",
        note=note,
        created_by=user_id,
        created_at=utcnow(),
    )
    add_numbered(task, "PO")
    for seq, (item_id, qty) in enumerate(demand_lines(lines), start=1):
        db.session.add(TaskLine(task_id=task.id, seq=seq, item_id=item_id, quantity=qty, done_quantity=0))
    db.session.flush()
    return task


@transactional
def create_purchase_order(
    site_code: str,
    supplier_code: str | None,
    lines: list[tuple[str, int]],
    user_id: int,
    number: str | None = None,
    draft: bool = False,
    note: str = "",
) -> int:
    """A purchase order of (item code or JAN, quantity) lines; a draft does not count as on order yet."""
    return add_purchase_order(site_code, supplier_code, lines, user_id, number, "draft" if draft else "open", note).id


@transactional
def import_purchase_orders(csv_text: str, user_id: int) -> list[int]:
    """Purchase orders from CSV (order, supplier, site, item, quantity), all or none."""
    ids = []
    for number, order in read_order_rows(csv_text, "supplier").items():
        ids.append(add_purchase_order(order["site"], order["supplier"] or None, order["lines"], user_id, number).id)
    return ids


@transactional
def release_purchase_order(task_id: int, user_id: int | None = None) -> None:
    """The one-step release of a draft (API /release): confirmed, prices fixed, on order; no supplier needed."""
    task = get_task(task_id, "purchase_order")
    if task.status != "draft":
        raise Conflict("Only a draft can be released.", code="not_draft")
    for line in task.lines:
        if line.unit_price is None:
            line.unit_price = line.item.unit_cost
    task.status = "open"
    record_event(task_id, "confirmed", user_id=user_id)


@transactional
def close_short(task_id: int, user_id: int, reason: str) -> None:
    """A manager closes an order that will not be received in full; each shortfall is recorded."""
    get_task(task_id, "purchase_order")
    if not reason.strip():
        raise InvalidInput(
            "Say why the order is closed short.", code="reason_required", fields={"reason": ["required"]}
        )
    require_open(task_id, finish=True)
    for line in db.session.scalars(select(TaskLine).where(TaskLine.task_id == task_id)):
        if line.done_quantity < line.quantity:
            record_event(
                task_id,
                "closed_short",
                line_id=line.id,
                quantity=line.quantity - line.done_quantity,
                reason=reason.strip(),
                user_id=user_id,
            )


def order_lines(task: Task) -> list[dict]:
    """Each line with expected, received, outstanding and how far over or under it is."""
    rows = []
    for line in task.lines:
        if line.quantity == 0 and line.done_quantity == 0:
            continue  # an item not on the order whose receipts were all undone
        diff = line.done_quantity - line.quantity
        rows.append(
            {
                "id": line.id,
                "item_id": line.item_id,
                "item_code": line.item.code,
                "item_name": line.item.name,
                "item_name_en": line.item.name_en,
                "unit": line.item.unit,
                "inner_qty": line.item.inner_qty,
                "case_qty": line.item.case_qty,
                "order_in": line.item.order_in,
                "expected": line.quantity,
                "received": line.done_quantity,
                "outstanding": max(-diff, 0),
                "over": max(diff, 0),
                "state": "over"
                if diff > 0
                else "complete"
                if diff == 0
                else ("partial" if line.done_quantity else "waiting"),
            }
        )
    return rows
