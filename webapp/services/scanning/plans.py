"""Turning one scan into the rows it will write: the scan record and its ledger movements."""

from ...domain.barcodes import MalformedCode
from ...domain.scanning import QuantityRefused, base_quantity
from ..expiry import lot_expiries, shop_today
from .context import ScanContext
from .lot_rules import refuse_expired
from .plan_rows import Plan, Rejected, default_bin, movement_rows, scan_row
from .serials import book_serial_moves, serial_of, with_serial
from .task_plans import plan_task_scan
from .types import Actor, ScanIn, ScanOutcome
from .undo_plans import plan_undo


def _bin(ctx: ScanContext, code: str | None, what: str):
    if not code:
        return None
    ref = ctx.locations.get(code)
    if ref is None:
        raise Rejected("unknown_location", f"No bin has the code {code!r} ({what}).", code=code)
    return ref


def _site_id(scan: ScanIn, ctx: ScanContext, actor: Actor, location) -> int:
    if location is not None:
        return location.site_id
    if scan.site:
        if scan.site not in ctx.sites:
            raise Rejected("unknown_site", f"No site has the code {scan.site!r}.")
        return ctx.sites[scan.site]
    if scan.task_id is not None:
        return ctx.tasks[scan.task_id][1]
    site_id = actor.default_site_id or ctx.first_site_id
    if site_id is None:
        raise Rejected("no_site", "No site is set up yet.")
    return site_id


def _units(scan: ScanIn, pack_qty: int, gs1_count: int | None) -> int:
    try:
        return base_quantity(scan.quantity, pack_qty, gs1_count)
    except QuantityRefused as exc:
        raise Rejected(exc.reason, exc.message, **exc.params) from exc


def _refuse_expired(ctx: ScanContext, item_id: int, location, lot: str, expiry) -> None:
    """A pick outside a list may not take an expired lot either (the ledger's expiry wins over the code's)."""
    held = lot_expiries(item_id, location.id).get(lot) if location is not None else None
    refuse_expired(lot, held[0] if held else expiry, ctx.task_data.setdefault("today", shop_today()))


def plan_scan(pos: int, scan: ScanIn, ctx: ScanContext, actor: Actor, earlier: dict) -> Plan:
    """Plan one scan; raises Rejected for what cannot be applied as sent."""
    if scan.mode == "adjust" and actor.role == "worker":
        raise Rejected("forbidden", "Adjustments need the manager role.")
    if scan.task_id is not None and scan.task_id not in ctx.tasks:
        raise Rejected("unknown_task", f"Task {scan.task_id} does not exist.")
    if scan.undo_of is not None:
        return book_serial_moves(plan_undo(pos, scan, ctx, actor, earlier), ctx)
    parsed = ctx.parsed[pos]
    if isinstance(parsed, MalformedCode):
        raise Rejected(parsed.code, str(parsed))
    _units(scan, 1, parsed.count)  # a GS1 count of 0, or one beyond the bound, is refused even for an unknown code
    location = _bin(ctx, scan.location, "from")
    to_location = _bin(ctx, scan.to_location, "to")
    if scan.mode == "move" and to_location is not None and location is not None and to_location.id == location.id:
        raise Rejected("same_location", "A move needs a destination bin other than the source.")
    site_id = _site_id(scan, ctx, actor, location)
    lot = (parsed.lot or scan.lot or "")[:40]
    expiry = parsed.expiry or scan.expiry
    resolved = ctx.resolve_item(parsed)
    bin_label = parsed.candidates[0] if parsed.kind == "text" and parsed.candidates[0] in ctx.locations else None
    if resolved is None and bin_label:
        if scan.mode != "lookup":
            raise Rejected("location_not_item", f"{bin_label} is a bin label, not an item.", code=bin_label)
        row = scan_row(
            scan,
            actor,
            status="applied",
            site_id=site_id,
            message="location",
            location_id=ctx.locations[bin_label].id,
            code_key=bin_label,
        )
        return Plan(
            pos, scan, row, outcome=ScanOutcome(str(scan.scan_id), "applied", message="location", location=bin_label)
        )
    if resolved is None and scan.task_id is not None:
        raise Rejected("unknown_code", f"{scan.code} is not a known item, so it is not on this task.")
    if resolved is None:
        row = scan_row(
            scan,
            actor,
            status="unresolved",
            site_id=site_id,
            code_key=parsed.candidates[0],
            location_id=location.id if location else None,
            to_location_id=to_location.id if to_location else None,
            lot=lot,
            expiry=expiry,
            message="unknown code: waiting to be mapped to an item",
        )
        return Plan(pos, scan, row, outcome=ScanOutcome(str(scan.scan_id), "unresolved", message=row["message"]))
    item_id, pack = resolved
    quantity = _units(scan, pack, parsed.count)
    if scan.task_id is not None and scan.mode != "lookup":
        task_plan = plan_task_scan(
            pos,
            scan,
            ctx,
            actor,
            item_id=item_id,
            quantity=quantity,
            location=location,
            to_location=to_location,
            lot=lot,
            expiry=expiry,
            code_key=parsed.candidates[0],
        )
        return with_serial(task_plan, ctx, serial_of(scan, parsed))
    if location is None and scan.mode not in ("lookup", "count"):
        location = default_bin(ctx, scan.mode, quantity, item_id, site_id)
    if scan.mode == "pick" and (lot or expiry):
        _refuse_expired(ctx, item_id, location, lot, expiry)
    row = scan_row(
        scan,
        actor,
        status="applied",
        site_id=site_id,
        item_id=item_id,
        code_key=parsed.candidates[0],
        location_id=location.id if location else None,
        to_location_id=to_location.id if to_location else None,
        lot=lot,
        expiry=expiry,
        units=quantity,
        resolved_at=None,
    )
    plan = Plan(pos, scan, row)
    plan.movements = movement_rows(row, scan.mode, quantity, ctx)
    item = ctx.items[item_id]
    plan.outcome = ScanOutcome(
        str(scan.scan_id),
        "applied",
        item_id=item_id,
        item_code=item.code,
        item_name=item.name,
        quantity=quantity,
        location=location.code if location else None,
    )
    return with_serial(plan, ctx, serial_of(scan, parsed))
