"""Reading returns back: the office list (by kind, supplier or order) and what each order line sent back."""

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ...extensions import db
from ...models import Item, Location, Site, StockLevel, StockReturn, Supplier, Task, User

LIST_LIMIT = 500


def returns_listing(kind: str | None = None, supplier_id: int | None = None, task_id: int | None = None) -> list[dict]:
    """The latest returns first, each with its item, bin, reason, the pick list or order, supplier and who."""
    order = aliased(Task)
    stmt = (
        select(StockReturn, Item, Location.code, order.number, Supplier.name, User.username)
        .join(Item, StockReturn.item_id == Item.id)
        .join(Location, StockReturn.location_id == Location.id)
        .outerjoin(order, StockReturn.task_id == order.id)
        .outerjoin(Supplier, StockReturn.supplier_id == Supplier.id)
        .outerjoin(User, StockReturn.user_id == User.id)
        .order_by(StockReturn.returned_at.desc(), StockReturn.id.desc())
        .limit(LIST_LIMIT)
    )
    if kind:
        stmt = stmt.where(StockReturn.kind == kind)
    if supplier_id is not None:
        stmt = stmt.where(StockReturn.supplier_id == supplier_id)
    if task_id is not None:
        stmt = stmt.where(StockReturn.task_id == task_id)
    return [
        {
            "id": r.id,
            "kind": r.kind,
            "item_code": item.code,
            "item_name": item.name,
            "item_name_en": item.name_en,
            "unit": item.unit,
            "bin": bin_code,
            "lot": r.lot,
            "serial": r.serial,
            "quantity": r.quantity,
            "reason": r.reason,
            "note": r.note,
            "task_id": r.task_id,
            "task_number": number,
            "supplier": supplier,
            "by": username,
            "returned_at": r.returned_at.isoformat(),
        }
        for r, item, bin_code, number, supplier, username in db.session.execute(stmt)
    ]


def returned_by_line(task_id: int) -> dict[int, int]:
    """Units sent back to the supplier per line of a purchase order."""
    stmt = (
        select(StockReturn.task_line_id, func.sum(StockReturn.quantity))
        .where(StockReturn.kind == "supplier", StockReturn.task_id == task_id)
        .group_by(StockReturn.task_line_id)
    )
    return {line_id: int(total) for line_id, total in db.session.execute(stmt)}


def return_sources(task_id: int) -> dict[int, list[dict]]:
    """Per line of a purchase order: the bins of its site holding the line's item, with lot and quantity."""
    order = db.session.get(Task, task_id)
    if order is None or order.kind != "purchase_order":
        return {}
    lines = {line.id: line.item_id for line in order.lines}
    stmt = (
        select(StockLevel.id, StockLevel.item_id, Location.code, StockLevel.lot, StockLevel.quantity)
        .join(Location, StockLevel.location_id == Location.id)
        .where(
            StockLevel.item_id.in_(set(lines.values())),
            StockLevel.quantity > 0,
            Location.site_id == order.site_id,
            Location.active,
        )
        .order_by(Location.walk_seq, Location.code, StockLevel.lot)
    )
    by_item: dict[int, list[dict]] = {}
    for level_id, item_id, code, lot, quantity in db.session.execute(stmt):
        by_item.setdefault(item_id, []).append({"level_id": level_id, "bin": code, "lot": lot, "quantity": quantity})
    return {line_id: by_item.get(item_id, []) for line_id, item_id in lines.items()}


def active_bins() -> list[dict]:
    """Every active bin a return may go into, by site and code (the user chooses; any kind will do)."""
    stmt = (
        select(Location.code, Location.name, Location.kind, Site.code)
        .join(Site, Location.site_id == Site.id)
        .where(Location.active, Site.active)
        .order_by(Site.code, Location.walk_seq, Location.code)
    )
    return [{"code": c, "name": n, "kind": k, "site": s} for c, n, k, s in db.session.execute(stmt)]
