"""Reserving stock for pick lines: available = on hand - reserved, decided under the stock rows' locks."""

from sqlalchemy import func, select, update

from ...domain.picking import BinStock, plan_takes
from ...extensions import db
from ...models import Allocation, Location, StockLevel
from ..expiry import shop_today

# Never "quarantine": stock held there (expired, damaged) is not offered to a picker.
PICKABLE_KINDS = ("bin", "staging", "receiving")


def reserved(item_ids, location_ids=None) -> dict[tuple[int, int, str], int]:
    """(item, bin, lot) -> units reserved by open pick lines."""
    stmt = (
        select(Allocation.item_id, Allocation.location_id, Allocation.lot, func.sum(Allocation.quantity))
        .where(Allocation.item_id.in_(set(item_ids)), Allocation.quantity > 0)
        .group_by(Allocation.item_id, Allocation.location_id, Allocation.lot)
    )
    if location_ids is not None:
        stmt = stmt.where(Allocation.location_id.in_(set(location_ids)))
    return {(i, loc, lot): int(q) for i, loc, lot, q in db.session.execute(stmt)}


def lock_stock(site_id: int, item_ids) -> dict[int, list[BinStock]]:
    """Lock the site's stock rows of these items and return what each could still give, per item.

    The lock (SELECT ... FOR UPDATE, in the ledger's key order) makes a second allocator wait until
    the first has committed its reservations, so two lists never reserve the same last unit.
    SQLite writers already hold the database lock from BEGIN IMMEDIATE.
    """
    rows = db.session.execute(
        select(
            StockLevel.item_id,
            StockLevel.location_id,
            StockLevel.lot,
            StockLevel.expiry,
            StockLevel.quantity,
            Location.walk_seq,
            Location.code,
        )
        .join(Location, StockLevel.location_id == Location.id)
        .where(
            StockLevel.item_id.in_(set(item_ids)),
            Location.site_id == site_id,
            Location.kind.in_(PICKABLE_KINDS),
            Location.active,
            StockLevel.quantity > 0,
        )
        .order_by(StockLevel.item_id, StockLevel.location_id, StockLevel.lot)
        .with_for_update(of=StockLevel)
    ).all()
    taken = reserved(item_ids, {r.location_id for r in rows})
    stock: dict[int, list[BinStock]] = {}
    for r in rows:
        free = r.quantity - taken.get((r.item_id, r.location_id, r.lot), 0)
        if free > 0:
            stock.setdefault(r.item_id, []).append(BinStock(r.location_id, r.walk_seq, r.code, r.lot, r.expiry, free))
    return stock


def reserve(site_id: int, demand: list[tuple[int, int]]):
    """For each (item, qty): the takes by bin, first expiry first out and never an expired lot; and the shortfall."""
    stock = lock_stock(site_id, [i for i, _ in demand])
    today = shop_today()
    return {item_id: plan_takes(qty, stock.get(item_id, []), today) for item_id, qty in demand}


def take_reserved(line_id: int, quantity: int) -> bool:
    """Use up `quantity` of a line's reservation; False when less is left (another picker got there first)."""
    result = db.session.execute(
        update(Allocation)
        .where(Allocation.task_line_id == line_id, Allocation.quantity >= quantity)
        .values(quantity=Allocation.quantity - quantity)
    )
    return result.rowcount == 1


def give_back(line_id: int, quantity: int) -> None:
    """Reserve again what an undone pick put back in its bin, so the line can be picked from it again."""
    db.session.execute(
        update(Allocation).where(Allocation.task_line_id == line_id).values(quantity=Allocation.quantity + quantity)
    )


def release(task_id: int, line_id: int | None = None) -> None:
    """Free what a list (or one line of it) still reserves."""
    stmt = update(Allocation).where(Allocation.task_id == task_id, Allocation.quantity > 0)
    if line_id is not None:
        stmt = stmt.where(Allocation.task_line_id == line_id)
    db.session.execute(stmt.values(quantity=0))
