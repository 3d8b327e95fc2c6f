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


_HOLD_FLASH = """(kind) => {
    const flash = document.getElementById("flash");
    const hold = { kind, seen: false, on: true };
    window.flashHold = hold;
    new MutationObserver(() => {
        if (!hold.on) return;
        if (!flash.hidden && flash.dataset.kind === hold.kind) hold.seen = true;
        else if (flash.hidden && hold.seen) flash.hidden = false;
    }).observe(flash, { attributes: true, attributeFilter: ["hidden", "data-kind"] });
}"""


def hold_flash(page, kind: str) -> None:
    """Keep the next flash of this kind on screen until release_flash: a loaded machine can let 0.7 s pass unseen."""
    page.evaluate(_HOLD_FLASH, kind)


def release_flash(page) -> None:
    """Let the held flash go, as its own timer would have."""
    page.evaluate("() => { window.flashHold.on = false; document.getElementById('flash').hidden = true; }")
