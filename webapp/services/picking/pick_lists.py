"""Pick lists from sales orders or by hand: stock reserved at creation, lines in walk order, short picks, completion."""

from sqlalchemy import select

from ...domain.expiry import is_expired
from ...domain.picking import walk_order
from ...errors import Conflict, InvalidInput, NotFound
from ...extensions import db
from ...models import Allocation, Location, StockLevel, Task, TaskEvent, TaskLine
from ...models.types import utcnow
from ..core import transactional
from ..expiry import shop_today
from ..tasks import (
    add_numbered,
    demand_lines,
    get_task,
    read_order_rows,
    record_event,
    require_open,
    site_by_code,
)
from .allocation import release, reserve

SHORT_REASONS = ("not_found", "damaged", "not_enough", "other")


class _Step:
    def __init__(self, item_id, location_id, lot, quantity):
        self.item_id, self.location_id, self.lot, self.quantity = item_id, location_id, lot, quantity


def _new_list(site_code: str, lines, user_id: int, reference: str = "", number: str | None = None) -> Task:
    site = site_by_code(site_code)
    demand = demand_lines(lines)
    if number and db.session.scalar(select(Task.id).where(Task.number == number)):
        raise Conflict(
            f"A pick list numbered {number} already exists.", code="number_taken", fields={"number": ["taken"]}
        )
    task = Task(
        kind="pick_list",
        number=number,
        site_id=site.id,
        status="open",
        title=reference,
        created_by=user_id,
        created_at=utcnow(),
    )
    add_numbered(task, "PL")
    steps = []
    for item_id, (takes, short) in reserve(site.id, demand).items():
        steps += [_Step(item_id, t.location_id, t.lot, t.quantity) for t in takes]
        if short:
            steps.append(_Step(item_id, None, "", short))  # nothing to reserve: shown as unavailable
    bins = {
        loc.id: loc
        for loc in db.session.scalars(
            select(Location).where(Location.id.in_({s.location_id for s in steps if s.location_id}))
        )
    }
    ordered = walk_order(steps, lambda i: bins[i].walk_seq, lambda i: bins[i].code)
    for seq, step in enumerate(ordered, start=1):
        line = TaskLine(
            task_id=task.id,
            seq=seq,
            item_id=step.item_id,
            location_id=step.location_id,
            lot=step.lot,
            quantity=step.quantity,
            done_quantity=0,
        )
        db.session.add(line)
        db.session.flush()
        if step.location_id is not None:
            db.session.add(
                Allocation(
                    task_id=task.id,
                    task_line_id=line.id,
                    item_id=step.item_id,
                    location_id=step.location_id,
                    lot=step.lot,
                    quantity=step.quantity,
                    created_at=utcnow(),
                )
            )
    db.session.flush()
    return task


@transactional
def create_pick_list(
    site_code: str, lines: list[tuple[str, int]], user_id: int, reference: str = "", number: str | None = None
) -> int:
    """A pick list for (item code or JAN, quantity) lines, its stock reserved bin by bin in walk order."""
    return _new_list(site_code, lines, user_id, reference, number).id


@transactional
def import_sales_orders(csv_text: str, user_id: int) -> list[int]:
    """One pick list per sales order in the CSV (order, customer, site, item, quantity), all or none."""
    return [
        _new_list(o["site"], o["lines"], user_id, f"{number} {o['customer']}".strip(), number).id
        for number, o in read_order_rows(csv_text, "customer").items()
    ]


def _line(task_id: int, line_id: int) -> TaskLine:
    line = db.session.get(TaskLine, line_id)
    if line is None or line.task_id != task_id:
        raise NotFound(f"No line {line_id} on this pick list.")
    return line


def line_of(task_id: int, line_id: int) -> TaskLine:
    """The line of this pick list, or NotFound."""
    get_task(task_id, "pick_list")
    return _line(task_id, line_id)


def short_in_transaction(task_id: int, line_id: int, reason: str, user_id: int, note: str = "") -> int:
    """short_pick inside the caller's transaction."""
    get_task(task_id, "pick_list")
    if reason not in SHORT_REASONS:
        raise InvalidInput(
            "Choose a reason for the short pick.", code="short_reason", fields={"reason": list(SHORT_REASONS)}
        )
    require_open(task_id)
    line = _line(task_id, line_id)
    db.session.refresh(line)
    missing = line.quantity - line.done_quantity
    if missing <= 0 or _is_short(line.id):
        raise Conflict("This line is already finished.", code="line_finished")
    release(task_id, line.id)
    record_event(
        task_id, "short_pick", line_id=line.id, quantity=missing, reason=f"{reason} {note}".strip(), user_id=user_id
    )
    return missing


@transactional
def short_pick(task_id: int, line_id: int, reason: str, user_id: int, note: str = "") -> int:
    """Close a line with less than asked and say why; its remaining reservation is freed. Returns the shortfall."""
    return short_in_transaction(task_id, line_id, reason, user_id, note)


def _is_short(line_id: int) -> bool:
    return (
        db.session.scalar(select(TaskEvent.id).where(TaskEvent.task_line_id == line_id, TaskEvent.kind == "short_pick"))
        is not None
    )


def complete_in_transaction(task_id: int, user_id: int) -> None:
    """complete_pick_list inside the caller's transaction."""
    task = get_task(task_id, "pick_list")
    require_open(task_id, finish=True)
    open_lines = [ln.seq for ln in task.lines if ln.done_quantity < ln.quantity and not _is_short(ln.id)]
    if open_lines:
        raise Conflict("Pick or short every line first.", code="lines_open", fields={"lines": open_lines})
    release(task_id)


@transactional
def complete_pick_list(task_id: int, user_id: int) -> None:
    """Finish the list: every line must be picked or shorted with a reason."""
    complete_in_transaction(task_id, user_id)


@transactional
def cancel_pick_list(task_id: int, user_id: int) -> None:
    """Cancel a list and free its reservations."""
    get_task(task_id, "pick_list")
    require_open(task_id)
    db.session.get(Task, task_id).status = "cancelled"
    release(task_id)
    record_event(task_id, "cancelled", user_id=user_id)


def _line_expiries(task: Task) -> dict[tuple, object]:
    """(item, bin, lot) -> expiry of the lots the lines propose, as the ledger holds them."""
    lines = [ln for ln in task.lines if ln.location_id is not None]
    if not lines:
        return {}
    rows = db.session.execute(
        select(StockLevel.item_id, StockLevel.location_id, StockLevel.lot, StockLevel.expiry).where(
            StockLevel.item_id.in_({ln.item_id for ln in lines}),
            StockLevel.location_id.in_({ln.location_id for ln in lines}),
        )
    )
    return {(i, loc, lot): expiry for i, loc, lot, expiry in rows}


def pick_lines(task: Task) -> list[dict]:
    """Lines in walk order with bin, item, the proposed lot and its expiry, asked, picked, short and what is left."""
    expiries = _line_expiries(task)
    today = shop_today()
    shorts = {
        e.task_line_id: e
        for e in db.session.scalars(
            select(TaskEvent).where(TaskEvent.task_id == task.id, TaskEvent.kind == "short_pick")
        )
    }
    rows = []
    for line in task.lines:
        short = shorts.get(line.id)
        left = 0 if short else max(line.quantity - line.done_quantity, 0)
        expiry = expiries.get((line.item_id, line.location_id, line.lot))
        rows.append(
            {
                "id": line.id,
                "seq": line.seq,
                "item_id": line.item_id,
                "item_code": line.item.code,
                "item_name": line.item.name,
                "item_name_en": line.item.name_en,
                "unit": line.item.unit,
                "inner_qty": line.item.inner_qty,
                "case_qty": line.item.case_qty,
                "bin": line.location.code if line.location else None,
                "lot": line.lot,
                "expiry": expiry.isoformat() if expiry else None,
                "expired": is_expired(expiry, today),
                "quantity": line.quantity,
                "picked": line.done_quantity,
                "short": short.quantity if short else 0,
                "short_reason": short.reason if short else "",
                "left": left if line.location else 0,
                "unavailable": line.location is None,
            }
        )
    return rows
