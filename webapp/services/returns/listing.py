"""Reading returns back: the office list (by kind, supplier or order) and what each order line sent back."""

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ...extensions import db
from ...models import Item, Location, StockReturn, Supplier, Task, User

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
