"""Planning an undo: the compensating scan row, its reversed ledger rows, and the task record it takes back."""

from .context import ScanContext, load_locations
from .plan_rows import Plan, Rejected, scan_row
from .task_plans import task_info
from .types import Actor, ScanIn, ScanOutcome

TASK_MODES = {"receive", "pick", "count", "move"}


def _source(target_plan: Plan | None, target) -> dict:
    """The scan being undone, as a row: planned earlier in this batch, or stored before."""
    if target_plan is not None:
        return target_plan.row
    return {
        "status": target.status,
        "mode": target.mode,
        "item_id": target.item_id,
        "code": target.code,
        "quantity": target.quantity,
        "units": target.units,
        "task_id": target.task_id,
        "location_id": target.location_id,
        "lot": target.lot,
        "undo_of": target.undo_of,
        "recorded_at": target.recorded_at,
        "user_id": target.user_id,
    }


def actor_may_undo(actor: Actor, scanned_by: int | None) -> bool:
    """A worker may undo only their own scans; a manager or the owner any scan."""
    return actor.role in ("manager", "owner") or scanned_by == actor.user_id


def plan_undo(pos: int, scan: ScanIn, ctx: ScanContext, actor: Actor, earlier: dict) -> Plan:
    """Plan an undo: reverse the target's movements and, for a task scan, what it added to its task."""
    target_plan = earlier.get(scan.undo_of)
    target = ctx.undo_targets.get(scan.undo_of)
    if target_plan is None and target is None:
        raise Rejected("unknown_scan", f"Nothing to undo: scan {scan.undo_of} is not known.")
    source = _source(target_plan, target)
    if not actor_may_undo(actor, source["user_id"]):
        raise Rejected("undo_not_own", "Workers may undo only their own scans; ask a manager.")
    if source["undo_of"] is not None or source["mode"] == "undo":
        raise Rejected("undo_of_undo", "An undo cannot be undone: scan the item again instead.")
    if scan.undo_of in ctx.already_undone or any(p.scan.undo_of == scan.undo_of for p in earlier.values()):
        raise Rejected("already_undone", f"Scan {scan.undo_of} was already undone.")
    originals = target_plan.movements if target_plan else ctx.undo_movements.get(scan.undo_of, [])
    row = scan_row(
        scan,
        actor,
        status="applied",
        item_id=source["item_id"],
        code=source["code"] or scan.code,
        quantity=source["quantity"],
        units=source["units"],
        task_id=source["task_id"],
        message="undo",
    )
    plan = Plan(pos, scan, row)
    if source["status"] == "unresolved":
        plan.cancels = scan.undo_of
        row["message"] = "cancelled an unresolved scan"
    else:
        plan.movements = [_reversed(m, row) for m in originals]
    effect = _task_effect(ctx, scan, actor, source, target_plan, originals)
    location_id = plan.movements[0]["location_id"] if plan.movements else effect and effect["location_id"]
    load_locations(ctx, {m["location_id"] for m in plan.movements} | ({location_id} if location_id else set()))
    if location_id:
        row["location_id"] = location_id
        row["site_id"] = ctx.locations_by_id[location_id].site_id
    item = ctx.items.get(source["item_id"]) if source["item_id"] else None
    plan.outcome = ScanOutcome(
        str(scan.scan_id),
        "applied",
        message=row["message"],
        item_id=item.id if item else None,
        item_code=item.code if item else None,
        item_name=item.name if item else None,
        quantity=sum(m["quantity"] for m in plan.movements) if plan.movements else 0,
        location=ctx.locations_by_id[location_id].code if location_id else None,
    )
    return plan


def _units_moved(originals) -> int:
    quantities = [m["quantity"] if isinstance(m, dict) else m.quantity for m in originals]
    return max(sum(q for q in quantities if q > 0), -sum(q for q in quantities if q < 0))


def _task_effect(ctx, scan, actor, source: dict, target_plan, originals) -> dict | None:
    """What the undo takes off the task's own record (order line, pick line, count line), run after the insert."""
    task_id = source["task_id"]
    if task_id is None or source["status"] != "applied" or source["mode"] not in TASK_MODES:
        return None
    info = task_info(ctx, task_id)
    forward = ctx.task_data.get("effects", {}).get(scan.undo_of) if target_plan else None
    # Scans stored before units were recorded: the ledger says how many moved, else the scanned quantity.
    units = forward["quantity"] if forward else source["units"] or _units_moved(originals) or source["quantity"]
    effect = {
        "kind": info.kind,
        "undo": True,
        "number": info.number,
        "task_id": task_id,
        "item_id": source["item_id"],
        "quantity": units,
        "location_id": (forward or {}).get("location_id", source["location_id"]),
        "lot": (forward or {}).get("lot", source["lot"]),
        "line_id": forward.get("line_id") if forward else None,
        "target": scan.undo_of,
        "target_recorded_at": source.get("recorded_at"),
        "scan_id": scan.scan_id,
        "user_id": actor.user_id,
        "occurred_at": scan.occurred_at,
    }
    ctx.task_data.setdefault("effects", {})[scan.scan_id] = effect
    return effect


def _reversed(move, row: dict) -> dict:
    get = move.get if isinstance(move, dict) else lambda k: getattr(move, k)
    # Same type as the row it reverses, so received/issued totals and demand net to zero;
    # the note and the undo scan record say it was an undo.
    return {
        "type": get("type"),
        "note": f"undo of scan {row['undo_of']}",
        "item_id": get("item_id"),
        "location_id": get("location_id"),
        "quantity": -get("quantity"),
        "lot": get("lot"),
        "expiry": get("expiry"),
        "serial": get("serial") or "",
        "unit_cost": get("unit_cost"),
        "user_id": row["user_id"],
        "device_id": row["device_id"],
        "scan_id": row["scan_id"],
        "task_id": get("task_id"),
        "occurred_at": row["occurred_at"],
    }
