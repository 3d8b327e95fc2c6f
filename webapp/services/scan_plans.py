"""Turning one scan into the rows it will write: the scan record and its ledger movements."""
from dataclasses import dataclass, field

from ..domain.barcodes import MalformedCode
from ..domain.scanning import base_quantity, deltas_for
from .scan_context import ScanContext, load_fullest_bins, load_locations
from .scan_types import Actor, ScanIn, ScanOutcome

OUTBOUND = {"pick", "move"}


class Rejected(Exception):
    """A scan that cannot be applied as sent; the device keeps it in its 'needs attention' list."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass
class Plan:
    pos: int
    scan: ScanIn
    row: dict
    movements: list[dict] = field(default_factory=list)
    outcome: ScanOutcome | None = None
    cancels: object = None  # scan uuid of an unresolved scan this undo cancels


def _bin(ctx: ScanContext, code: str | None, what: str):
    if not code:
        return None
    ref = ctx.locations.get(code)
    if ref is None:
        raise Rejected("unknown_location", f"No bin has the code {code!r} ({what}).")
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


def default_bin(ctx: ScanContext, mode: str, quantity: int, item_id: int | None, site_id: int):
    """The bin a scan without one applies to: the fullest bin for outbound, else the receiving bin."""
    if item_id is not None and (mode in OUTBOUND or (mode == "adjust" and quantity < 0)):
        load_fullest_bins(ctx, {(item_id, site_id)})
        loc_id = ctx.fullest_bin.get((item_id, site_id))
        if loc_id is not None:
            return ctx.locations_by_id[loc_id]
    ref = ctx.receiving_bin.get(site_id)
    if ref is None:
        raise Rejected("no_location", "This site has no receiving bin: scan a bin first.")
    return ref


def scan_row(scan: ScanIn, actor: Actor, **values) -> dict:
    """The `scans` table row for a scan (status and resolution passed in `values`)."""
    row = {
        "scan_id": scan.scan_id, "mode": scan.mode, "code": scan.code, "code_key": "",
        "quantity": scan.quantity, "location_code": scan.location, "to_location_code": scan.to_location,
        "undo_of": scan.undo_of, "task_id": scan.task_id, "site_id": None, "item_id": None,
        "location_id": None, "to_location_id": None, "lot": scan.lot or "", "expiry": scan.expiry,
        "message": "", "user_id": actor.user_id, "device_id": actor.device_id,
        "occurred_at": scan.occurred_at, "resolved_at": None,
    }
    row.update(values)
    return row


def movement_rows(scan_row_: dict, mode: str, quantity: int, ctx: ScanContext) -> list[dict]:
    """Ledger rows for a resolved scan row."""
    item = ctx.items[scan_row_["item_id"]]
    return [{
        "type": mode, "item_id": item.id, "location_id": d.location_id, "quantity": d.quantity,
        "lot": scan_row_["lot"], "expiry": scan_row_["expiry"], "unit_cost": item.unit_cost,
        "user_id": scan_row_["user_id"], "device_id": scan_row_["device_id"],
        "scan_id": scan_row_["scan_id"], "task_id": scan_row_["task_id"],
        "occurred_at": scan_row_["occurred_at"],
    } for d in deltas_for(mode, quantity, scan_row_["location_id"], scan_row_["to_location_id"])]


def plan_scan(pos: int, scan: ScanIn, ctx: ScanContext, actor: Actor, earlier: dict) -> Plan:
    """Plan one scan; raises Rejected for what cannot be applied as sent."""
    if scan.mode == "adjust" and actor.role == "worker":
        raise Rejected("forbidden", "Adjustments need the manager role.")
    if scan.task_id is not None and scan.task_id not in ctx.tasks:
        raise Rejected("unknown_task", f"Task {scan.task_id} does not exist.")
    if scan.undo_of is not None:
        return _plan_undo(pos, scan, ctx, actor, earlier)
    parsed = ctx.parsed[pos]
    if isinstance(parsed, MalformedCode):
        raise Rejected(parsed.code, str(parsed))
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
            raise Rejected("location_not_item", f"{bin_label} is a bin label, not an item.")
        row = scan_row(scan, actor, status="applied", site_id=site_id, message="location",
                       location_id=ctx.locations[bin_label].id, code_key=bin_label)
        return Plan(pos, scan, row, outcome=ScanOutcome(str(scan.scan_id), "applied", message="location",
                                                        location=bin_label))
    if resolved is None and scan.task_id is not None:
        raise Rejected("unknown_code", f"{scan.code} is not a known item, so it is not on this task.")
    if resolved is None:
        row = scan_row(scan, actor, status="unresolved", site_id=site_id, code_key=parsed.candidates[0],
                       location_id=location.id if location else None,
                       to_location_id=to_location.id if to_location else None, lot=lot, expiry=expiry,
                       message="unknown code: waiting to be mapped to an item")
        return Plan(pos, scan, row, outcome=ScanOutcome(str(scan.scan_id), "unresolved", message=row["message"]))
    item_id, pack = resolved
    quantity = base_quantity(scan.quantity, pack, parsed.count)
    if scan.task_id is not None and scan.mode != "lookup":
        from .task_scans import plan_task_scan  # imported late: task_scans builds on this module
        return plan_task_scan(pos, scan, ctx, actor, item_id=item_id, quantity=quantity, location=location,
                              to_location=to_location, lot=lot, expiry=expiry, code_key=parsed.candidates[0])
    if location is None and scan.mode not in ("lookup", "count"):
        location = default_bin(ctx, scan.mode, quantity, item_id, site_id)
    row = scan_row(scan, actor, status="applied", site_id=site_id, item_id=item_id,
                   code_key=parsed.candidates[0], location_id=location.id if location else None,
                   to_location_id=to_location.id if to_location else None, lot=lot, expiry=expiry,
                   resolved_at=None)
    plan = Plan(pos, scan, row)
    plan.movements = movement_rows(row, scan.mode, quantity, ctx)
    item = ctx.items[item_id]
    plan.outcome = ScanOutcome(str(scan.scan_id), "applied", item_id=item_id, item_code=item.code,
                               item_name=item.name, quantity=quantity,
                               location=location.code if location else None)
    return plan


def _plan_undo(pos: int, scan: ScanIn, ctx: ScanContext, actor: Actor, earlier: dict) -> Plan:
    target_plan = earlier.get(scan.undo_of)
    target = ctx.undo_targets.get(scan.undo_of)
    if target_plan is None and target is None:
        raise Rejected("unknown_scan", f"Nothing to undo: scan {scan.undo_of} is not known.")
    if scan.undo_of in ctx.already_undone or any(p.scan.undo_of == scan.undo_of for p in earlier.values()):
        raise Rejected("already_undone", f"Scan {scan.undo_of} was already undone.")
    source = target_plan.row if target_plan else {
        "status": target.status, "item_id": target.item_id, "code": target.code, "quantity": target.quantity}
    originals = target_plan.movements if target_plan else ctx.undo_movements.get(scan.undo_of, [])
    row = scan_row(scan, actor, status="applied", item_id=source["item_id"], code=source["code"] or scan.code,
                   quantity=source["quantity"], message="undo")
    plan = Plan(pos, scan, row)
    if source["status"] == "unresolved":
        plan.cancels = scan.undo_of
        row["message"] = "cancelled an unresolved scan"
    else:
        plan.movements = [_reversed(m, row) for m in originals]
    load_locations(ctx, {m["location_id"] for m in plan.movements})
    first = plan.movements[0] if plan.movements else None
    if first:
        row["location_id"] = first["location_id"]
        row["site_id"] = ctx.locations_by_id[first["location_id"]].site_id
    item = ctx.items.get(source["item_id"]) if source["item_id"] else None
    plan.outcome = ScanOutcome(str(scan.scan_id), "applied", message=row["message"],
                               item_id=item.id if item else None, item_code=item.code if item else None,
                               item_name=item.name if item else None,
                               quantity=sum(m["quantity"] for m in plan.movements) if plan.movements else 0,
                               location=ctx.locations_by_id[first["location_id"]].code if first else None)
    return plan


def _reversed(move, row: dict) -> dict:
    get = move.get if isinstance(move, dict) else lambda k: getattr(move, k)
    # Same type as the row it reverses, so received/issued totals and demand net to zero;
    # the note and the undo scan record say it was an undo.
    return {
        "type": get("type"), "note": f"undo of scan {row['undo_of']}", "item_id": get("item_id"), "location_id": get("location_id"),
        "quantity": -get("quantity"), "lot": get("lot"), "expiry": get("expiry"),
        "unit_cost": get("unit_cost"), "user_id": row["user_id"], "device_id": row["device_id"],
        "scan_id": row["scan_id"], "task_id": get("task_id"), "occurred_at": row["occurred_at"],
    }
