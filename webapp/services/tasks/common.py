"""What every workflow service shares: task lookup, numbering, locking the task row, events, code lookups."""

from sqlalchemy import case, select, update

from ...domain.barcodes import MalformedCode, parse_code
from ...domain.typed import normalise_code
from ...errors import Conflict, InvalidInput, NotFound
from ...extensions import db
from ...models import Barcode, Item, Location, Site, Supplier, Task, TaskEvent
from ...models.types import utcnow

OPEN_STATUSES = ("open", "in_progress")


def get_task(task_id: int, kind: str) -> Task:
    """The task of this kind, or NotFound."""
    task = db.session.get(Task, task_id)
    if task is None or task.kind != kind:
        raise NotFound(f"No {kind.replace('_', ' ')} {task_id}.")
    return task


def lock_open_task(task_id: int, *, finish: bool = False) -> bool:
    """Lock the task row for this transaction and mark it started (or done); False when it is no longer open.

    Every writer of a task goes through this UPDATE first, so writers of one task queue on its row
    and a completion check sees every earlier writer's lines.
    """
    status = "done" if finish else case((Task.status == "open", "in_progress"), else_=Task.status)
    values = {"status": status, "closed_at": utcnow()} if finish else {"status": status}
    result = db.session.execute(update(Task).where(Task.id == task_id, Task.status.in_(OPEN_STATUSES)).values(**values))
    return result.rowcount == 1


def require_open(task_id: int, *, finish: bool = False) -> None:
    """lock_open_task, raising Conflict when the task is already closed."""
    if not lock_open_task(task_id, finish=finish):
        raise Conflict("This task is already closed.", code="task_closed")


def record_event(task_id: int, kind: str, *, line_id=None, quantity=0, reason="", user_id=None, scan_id=None):
    """Keep an event of the task for its audit trail."""
    db.session.add(
        TaskEvent(
            task_id=task_id,
            task_line_id=line_id,
            kind=kind,
            quantity=quantity,
            reason=reason,
            user_id=user_id,
            scan_id=scan_id,
            created_at=utcnow(),
        )
    )


def site_by_code(code: str) -> Site:
    site = db.session.scalar(select(Site).where(Site.code == code))
    if site is None:
        raise InvalidInput(f"No site has the code {code!r}.", code="unknown_site", fields={"site": ["unknown site"]})
    return site


def supplier_by_code(code: str | None) -> Supplier | None:
    if not code:
        return None
    supplier = db.session.scalar(select(Supplier).where(Supplier.code == code))
    if supplier is None:
        raise InvalidInput(
            f"No supplier has the code {code!r}.", code="unknown_supplier", fields={"supplier": ["unknown supplier"]}
        )
    return supplier


def item_id_for(code: str) -> int | None:
    """The item an item code or a barcode (JAN, GTIN) names, typed full-width or not."""
    code = normalise_code(code)
    item_id = db.session.scalar(select(Item.id).where(Item.code == code))
    if item_id is not None:
        return item_id
    try:
        keys = parse_code(code).candidates
    except MalformedCode:
        return None
    return db.session.scalar(select(Barcode.item_id).where(Barcode.code.in_(keys)).limit(1))


def location_ids_for(codes, site_id: int) -> list[int]:
    """Bin ids of these codes at the site (typed full-width or not); InvalidInput names any unknown one."""
    codes = [normalise_code(c) for c in codes]
    rows = dict(
        db.session.execute(
            select(Location.code, Location.id).where(Location.code.in_(codes), Location.site_id == site_id)
        ).all()
    )
    missing = [c for c in codes if c not in rows]
    if missing:
        raise InvalidInput(
            f"Unknown bins at this site: {', '.join(missing)}.", code="unknown_bins", fields={"bins": missing}
        )
    return [rows[c] for c in codes]


def demand_lines(lines, field: str = "lines") -> list[tuple[int, int]]:
    """(item id, quantity) from (code, quantity) pairs, merged per item; InvalidInput names each bad line."""
    merged: dict[int, int] = {}
    errors = {}
    for n, (code, qty) in enumerate(lines, start=1):
        item_id = item_id_for(str(code).strip())
        if item_id is None:
            errors[f"{field}[{n}]"] = [f"unknown item {code!r}"]
        elif not isinstance(qty, int) or qty <= 0:
            errors[f"{field}[{n}]"] = ["quantity must be a positive whole number"]
        else:
            merged[item_id] = merged.get(item_id, 0) + qty
    if errors:
        raise InvalidInput("Some lines are not valid.", code="bad_lines", fields=errors)
    if not merged:
        raise InvalidInput("At least one line is needed.", code="no_lines", fields={field: ["empty"]})
    return list(merged.items())


def list_tasks(kind: str, site_id: int | None = None, open_only: bool = True) -> list[Task]:
    """Tasks of a kind, newest first; only open ones unless asked."""
    stmt = select(Task).where(Task.kind == kind).order_by(Task.created_at.desc(), Task.id.desc())
    if site_id is not None:
        stmt = stmt.where(Task.site_id == site_id)
    if open_only:
        stmt = stmt.where(Task.status.in_(OPEN_STATUSES))
    return list(db.session.scalars(stmt))
