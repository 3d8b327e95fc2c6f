"""Serial numbers in scans: each unit of a serial-tracked item named by its serial, in stock once at most.

The ledger is the truth (a movement carries its serial); `serial_numbers` holds where each serial is now
and is the row a batch locks before deciding, so two phones sending the same serial at once are served
one after the other and the second is refused.
"""

from sqlalchemy import bindparam, func, select, tuple_, update

from ...domain.barcodes import ParsedCode
from ...extensions import db
from ...models import Movement, Scan, SerialNumber
from ...models.types import utcnow
from ..core import insert_ignore
from .context import ScanContext, load_locations
from .plan_rows import Plan, Rejected, movement_rows

SERIAL_MODES = {"receive", "pick", "move", "count", "adjust"}
MAX_SERIAL = 40  # the column's length (GS1 AI 21 allows 20)


def serial_of(scan, parsed) -> str:
    """The serial a scan names: GS1 AI 21 in its code, else the one typed or scanned beside it."""
    raw = (getattr(parsed, "serial", None) or scan.serial or "").strip()
    return raw[:MAX_SERIAL]


def load_serials(ctx: ScanContext, scans) -> None:
    """Lock and read the serial rows this batch may change (nothing at all for batches of untracked items)."""
    tracked = {i for i, ref in ctx.items.items() if ref.serial_tracked}
    if not tracked:
        return
    wanted = set()
    counts = set()
    for pos, scan in scans:
        parsed = ctx.parsed.get(pos)
        if isinstance(parsed, ParsedCode):
            resolved = ctx.resolve_item(parsed)
            serial = serial_of(scan, parsed)
            if resolved and resolved[0] in tracked and serial:
                wanted.add((resolved[0], serial))
                if scan.mode == "count" and scan.task_id is not None:
                    counts.add(scan.task_id)
    wanted |= {(m.item_id, m.serial) for ms in ctx.undo_movements.values() for m in ms if m.serial}
    if not wanted:
        return
    keys = sorted(wanted)  # one lock order for every writer
    db.session.execute(
        insert_ignore(SerialNumber.__table__),
        [{"item_id": i, "serial": s, "location_id": None, "updated_at": utcnow()} for i, s in keys],
    )
    rows = db.session.execute(
        select(SerialNumber.item_id, SerialNumber.serial, SerialNumber.location_id)
        .where(tuple_(SerialNumber.item_id, SerialNumber.serial).in_(keys))
        .order_by(SerialNumber.item_id, SerialNumber.serial)
        .with_for_update()
    )
    ctx.serials = {(i, s): loc for i, s, loc in rows}
    load_locations(ctx, {loc for loc in ctx.serials.values() if loc is not None})  # to name them in a refusal
    if counts:
        ctx.counted_serials = _counted(counts)


def _counted(task_ids) -> set:
    """(task, item, serial) already counted in these count sessions and not undone."""
    undone = select(Scan.undo_of).where(Scan.undo_of.is_not(None))
    rows = db.session.execute(
        select(Scan.task_id, Scan.item_id, Scan.serial).where(
            Scan.task_id.in_(task_ids),
            Scan.mode == "count",
            Scan.status == "applied",
            Scan.serial != "",
            Scan.scan_id.not_in(undone),
        )
    )
    return {tuple(r) for r in rows}


def _code(ctx: ScanContext, location_id) -> str:
    ref = ctx.locations_by_id.get(location_id)
    return ref.code if ref else str(location_id)


def book_serial_moves(plan: Plan, ctx: ScanContext) -> Plan:
    """Check each serial movement against where the serial is (out before in) and move it there in the batch."""
    moves = sorted((m for m in plan.movements if m.get("serial")), key=lambda m: m["quantity"])
    for m in moves:
        key = (m["item_id"], m["serial"])
        where = ctx.serials.get(key)
        if m["quantity"] > 0:
            if where is not None:
                raise Rejected(
                    "serial_in_stock",
                    f"Serial {m['serial']} is already in stock in {_code(ctx, where)}.",
                    serial=m["serial"],
                    code=_code(ctx, where),
                )
            ctx.serials[key] = m["location_id"]
        else:
            if where is None:
                raise Rejected("serial_not_in_stock", f"Serial {m['serial']} is not in stock.", serial=m["serial"])
            if where != m["location_id"]:
                raise Rejected(
                    "serial_elsewhere",
                    f"Serial {m['serial']} is in {_code(ctx, where)}, not in {_code(ctx, m['location_id'])}.",
                    serial=m["serial"],
                    code=_code(ctx, where),
                )
            ctx.serials[key] = None
    return plan


def with_serial(plan: Plan, ctx: ScanContext, serial: str) -> Plan:
    """A serial-tracked item's scan: one unit, its serial named, in stock once at most; others pass as they are."""
    item = ctx.items.get(plan.row["item_id"])
    mode = plan.scan.mode
    if item is None or not item.serial_tracked or mode not in SERIAL_MODES:
        return plan
    if not serial:
        raise Rejected(
            "serial_required", f"{item.code} is serial-tracked: scan or type the unit's serial number.", item=item.name
        )
    if abs(plan.row["units"] or 0) != 1:
        raise Rejected("serial_one_unit", "A serial number stands for one unit: scan each unit with its serial.")
    plan.row["serial"] = serial
    if mode == "count":
        key = (plan.scan.task_id, item.id, serial)
        if key in ctx.counted_serials:
            raise Rejected("serial_counted", f"Serial {serial} is already counted in this count.", serial=serial)
        ctx.counted_serials.add(key)
        return plan
    where = ctx.serials.get((item.id, serial))
    outbound = mode in ("pick", "move") or plan.row["units"] < 0
    if outbound and where is not None and plan.scan.location is None and plan.scan.task_id is None:
        # No bin named: the serial says where the unit is (not the fullest bin of the item).
        plan.row["location_id"] = where
        plan.movements = movement_rows(plan.row, mode, plan.row["units"], ctx)
        if plan.outcome is not None:
            plan.outcome.location = _code(ctx, where)
    for m in plan.movements:
        m["serial"] = serial
    return book_serial_moves(plan, ctx)


def settle_serials(plans) -> None:
    """Write where each serial the batch moved is now, from the ledger (an undo included)."""
    keys = sorted({(m["item_id"], m["serial"]) for p in plans for m in p.movements if m.get("serial")})
    if not keys:
        return
    held = db.session.execute(
        select(Movement.item_id, Movement.serial, Movement.location_id)
        .where(tuple_(Movement.item_id, Movement.serial).in_(keys))
        .group_by(Movement.item_id, Movement.serial, Movement.location_id)
        .having(func.sum(Movement.quantity) > 0)
    )
    here = {(i, s): loc for i, s, loc in held}
    table = SerialNumber.__table__
    db.session.execute(
        update(table)
        .where(table.c.item_id == bindparam("i"), table.c.serial == bindparam("s"))
        .values(location_id=bindparam("loc"), updated_at=bindparam("at")),
        [{"i": i, "s": s, "loc": here.get((i, s)), "at": utcnow()} for i, s in keys],
    )
