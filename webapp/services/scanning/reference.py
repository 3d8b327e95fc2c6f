"""Reference data for devices: items, barcodes, bins and sites, in full or changed since a cursor."""

from datetime import datetime, timedelta

from sqlalchemy import select

from ...errors import InvalidInput
from ...extensions import db
from ...models import Barcode, BarcodeRemoval, Item, Location, Site
from ...models.types import utcnow
from ..catalog import photo_etags, photo_url

# Rows committed by a transaction that started before our read can carry an older
# updated_at; overlapping cursors by a margin means a device may get a row twice (harmless,
# it upserts) but never misses one.
CURSOR_OVERLAP = timedelta(minutes=2)


def parse_cursor(cursor: str | None) -> datetime | None:
    """The time a cursor stands for; None means a full download."""
    if not cursor:
        return None
    try:
        value = datetime.fromisoformat(cursor)
    except ValueError:
        raise InvalidInput(
            "The cursor is not one this server gave out.", code="bad_cursor", fields={"since": ["invalid cursor"]}
        ) from None
    if value.tzinfo is None:
        raise InvalidInput(
            "The cursor is not one this server gave out.", code="bad_cursor", fields={"since": ["invalid cursor"]}
        )
    return value


def reference_data(cursor: str | None) -> dict:
    """Everything a device caches for offline lookups, or only what changed since `cursor`."""
    since = parse_cursor(cursor)
    now = utcnow()

    def changed(model):
        stmt = select(model).order_by(model.id)
        return stmt.where(model.updated_at >= since - CURSOR_OVERLAP) if since else stmt

    items = db.session.scalars(changed(Item)).all()
    # A new or removed photo touches its item, so a delta carries the item with its photo's URL.
    photos = photo_etags([i.id for i in items] if since else None)
    barcodes = db.session.scalars(changed(Barcode)).all()
    locations = db.session.scalars(changed(Location)).all()
    sites = db.session.scalars(changed(Site)).all()
    # A delta also names the barcodes taken off items since the cursor, so phones forget them;
    # the device deletes these before storing the changed rows (a code removed, then added again, stays).
    removed = (
        sorted(
            set(
                db.session.scalars(
                    select(BarcodeRemoval.code).where(BarcodeRemoval.removed_at >= since - CURSOR_OVERLAP)
                )
            )
        )
        if since
        else []
    )
    return {
        "cursor": now.isoformat(),
        "full": since is None,
        "items": [
            {
                "id": i.id,
                "code": i.code,
                "name": i.name,
                "name_en": i.name_en,
                "unit": i.unit,
                "active": i.active,
                "serial_tracked": i.serial_tracked,
                "photo": photo_url(i.id, photos[i.id]) if i.id in photos else None,
            }
            for i in items
        ],
        "barcodes": [{"code": b.code, "raw": b.raw, "item_id": b.item_id, "pack_qty": b.pack_qty} for b in barcodes],
        "removed_barcodes": removed,
        "locations": [
            {
                "id": loc.id,
                "code": loc.code,
                "name": loc.name,
                "site_id": loc.site_id,
                "kind": loc.kind,
                "walk_seq": loc.walk_seq,
                "active": loc.active,
            }
            for loc in locations
        ],
        "sites": [{"id": s.id, "code": s.code, "name": s.name, "active": s.active} for s in sites],
    }
