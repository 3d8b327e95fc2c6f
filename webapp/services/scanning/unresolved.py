"""Scans of codes nobody knew yet: listed, then applied once a manager maps the code to an item."""

from sqlalchemy import func, select

from ...domain.barcodes import MalformedCode, parse_code
from ...domain.scanning import QuantityRefused, base_quantity
from ...errors import NotFound
from ...extensions import db
from ...models import Item, Scan
from ...models.types import utcnow
from ..catalog import attach_barcode
from ..core import post_movements, transactional
from ..notifications import check_stock_alerts, clear_alert
from .context import ScanContext, load_items, load_locations, load_receiving_bins
from .plan_rows import Rejected, default_bin, movement_rows


def unresolved_codes() -> list[dict]:
    """Codes waiting for an item, with how many scans wait on each and when they were first seen."""
    rows = db.session.execute(
        select(
            Scan.code_key,
            func.min(Scan.code),
            func.count(),
            func.sum(Scan.quantity),
            func.min(Scan.occurred_at),
            func.max(Scan.occurred_at),
        )
        .where(Scan.status == "unresolved")
        .group_by(Scan.code_key)
        .order_by(func.min(Scan.occurred_at))
    )
    return [
        {
            "code": key,
            "example": example,
            "scans": n,
            "quantity": int(q or 0),
            "first_seen": first.isoformat(),
            "last_seen": last.isoformat(),
        }
        for key, example, n, q, first, last in rows
    ]


@transactional
def map_code(code: str, item_id: int, pack_qty: int = 1) -> dict:
    """Register `code` as a barcode of the item and apply every scan that waited on it, in one transaction."""
    item = db.session.get(Item, item_id)
    if item is None:
        raise NotFound(f"No item {item_id}.")
    # The list shows each code by its key; scans waiting under it were read by their format, so it is trusted.
    waiting_key = db.session.scalar(
        select(Scan.code_key).where(Scan.status == "unresolved", Scan.code_key == code.strip()).limit(1)
    )
    barcode = attach_barcode(item_id, code, pack_qty, key=waiting_key)
    waiting = list(
        db.session.scalars(
            select(Scan)
            .where(Scan.status == "unresolved", Scan.code_key == barcode.code)
            .order_by(Scan.id)
            .with_for_update()
        )
    )
    ctx = ScanContext()
    load_items(ctx, {item_id})
    load_locations(
        ctx, {s.location_id for s in waiting if s.location_id} | {s.to_location_id for s in waiting if s.to_location_id}
    )
    load_receiving_bins(ctx)
    moves, skipped = [], []
    for scan in waiting:
        try:
            # The pack size the code is mapped with may take a waiting scan beyond the bound: it waits on.
            quantity = base_quantity(scan.quantity, pack_qty, _gs1_count(scan.code))
            location_id = scan.location_id
            if location_id is None and scan.mode not in ("count", "lookup"):
                location_id = default_bin(ctx, scan.mode, quantity, item_id, scan.site_id).id
        except (Rejected, QuantityRefused) as exc:
            skipped.append({"scan_id": str(scan.scan_id), "reason": exc.message})
            continue
        row = {
            "item_id": item_id,
            "location_id": location_id,
            "to_location_id": scan.to_location_id,
            "lot": scan.lot,
            "expiry": scan.expiry,
            "user_id": scan.user_id,
            "device_id": scan.device_id,
            "scan_id": scan.scan_id,
            "task_id": scan.task_id,
            "occurred_at": scan.occurred_at,
        }
        moves.extend(movement_rows(row, scan.mode, quantity, ctx))
        scan.status, scan.item_id, scan.location_id, scan.units = "applied", item_id, location_id, quantity
        scan.resolved_at = utcnow()
        scan.message = f"mapped to {item.code}"
    post_movements(moves)
    clear_alert("unresolved_barcode", code=barcode.code)
    check_stock_alerts({(m["item_id"], ctx.locations_by_id[m["location_id"]].site_id) for m in moves})
    return {"barcode": barcode.code, "applied": len(waiting) - len(skipped), "skipped": skipped}


def _gs1_count(code: str) -> int | None:
    """The count a GS1 code carries; a scan stores no symbology, so a code only its format made valid has none."""
    try:
        return parse_code(code).count
    except MalformedCode:
        return None
