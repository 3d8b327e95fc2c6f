"""Serial numbers read back: where a serial is now and its whole history, and the serials an item has in stock."""

from sqlalchemy import select

from ...extensions import db
from ...models import Item, Location, Movement, SerialNumber, Task, User

MAX_HISTORY = 200  # a unit's life is short; beyond this the office's movement list has it all
MAX_LISTED = 100


def serial_history(item_id: int, serial: str) -> dict | None:
    """A serial's bin now (None when out of stock) and every movement of it, oldest first; None if never seen."""
    serial = serial.strip()[:40]
    row = db.session.scalar(select(SerialNumber).where(SerialNumber.item_id == item_id, SerialNumber.serial == serial))
    moves = db.session.execute(
        select(Movement, Location.code, User.username, Task.kind, Task.number)
        .join(Location, Movement.location_id == Location.id)
        .outerjoin(User, Movement.user_id == User.id)
        .outerjoin(Task, Movement.task_id == Task.id)
        .where(Movement.item_id == item_id, Movement.serial == serial)
        .order_by(Movement.occurred_at, Movement.id)
        .limit(MAX_HISTORY)
    ).all()
    if row is None and not moves:
        return None
    here = db.session.get(Location, row.location_id) if row is not None and row.location_id else None
    return {
        "serial": serial,
        "location": here.code if here else None,
        "history": [
            {
                "type": m.type,
                "location": code,
                "quantity": m.quantity,
                "occurred_at": m.occurred_at.isoformat(),
                "user": user,
                "task": {"kind": kind, "number": number} if number else None,
                "undo": m.note.startswith("undo of"),
            }
            for m, code, user, kind, number in moves
        ],
    }


def serials_in_stock(item_id: int) -> list[dict]:
    """The serials of an item now in stock, by bin then serial (the first MAX_LISTED)."""
    rows = db.session.execute(
        select(SerialNumber.serial, Location.code)
        .join(Location, SerialNumber.location_id == Location.id)
        .where(SerialNumber.item_id == item_id)
        .order_by(Location.code, SerialNumber.serial)
        .limit(MAX_LISTED)
    )
    return [{"serial": s, "location": code} for s, code in rows]


def items_with_serial(serial: str) -> list[Item]:
    """Items that have (or had) a unit with this serial: a serial typed alone is looked up across items."""
    ids = select(SerialNumber.item_id).where(SerialNumber.serial == serial.strip()[:40])
    return list(db.session.scalars(select(Item).where(Item.id.in_(ids), Item.serial_tracked).order_by(Item.code)))
