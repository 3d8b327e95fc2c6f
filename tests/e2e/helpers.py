"""Database checks and constants shared by the browser tests."""

from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Item, Scan, StockLevel

PASSWORD = "correct horse battery"
JAN = "4901234567894"


def stock_of(item_code: str = "RETRO-CLOCK") -> int:
    """On-hand stock of an item across bins, read fresh from the database."""
    db.session.remove()
    item_id = db.session.scalar(select(Item.id).where(Item.code == item_code))
    return int(
        db.session.scalar(select(func.coalesce(func.sum(StockLevel.quantity), 0)).where(StockLevel.item_id == item_id))
    )


def scans_recorded(**filters) -> list:
    db.session.remove()
    stmt = select(Scan)
    for field, value in filters.items():
        stmt = stmt.where(getattr(Scan, field) == value)
    return list(db.session.scalars(stmt))
