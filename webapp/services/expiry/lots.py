"""The expiry the ledger holds for lots in a bin."""

from sqlalchemy import select

from ...extensions import db
from ...models import StockLevel


def lot_expiries(item_id: int, location_id: int) -> dict[str, tuple]:
    """lot -> (expiry, on hand) of one item in one bin, for lots with stock there."""
    rows = db.session.execute(
        select(StockLevel.lot, StockLevel.expiry, StockLevel.quantity).where(
            StockLevel.item_id == item_id, StockLevel.location_id == location_id, StockLevel.quantity > 0
        )
    )
    return {lot: (expiry, int(qty)) for lot, expiry, qty in rows}
