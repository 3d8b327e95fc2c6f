"""Scans that carry a task_id: checked against the task's lines, then planned like any other scan."""

from dataclasses import dataclass, field

from sqlalchemy import select

from ...extensions import db
from ...models import CountLine, CountSession, Task, TaskLine
from ..expiry import lot_expiries, shop_today
from ..picking import reserved
from ..stocktake import scope_bins
from ..tasks import OPEN_STATUSES
from .context import load_locations
from .lot_rules import check_pick_lot, refuse_expired
from .plan_rows import Plan, Rejected, default_bin, movement_rows, scan_row
from .types import ScanOutcome

MODE_FOR_KIND = {"purchase_order": "receive", "pick_list": "pick", "count_session": "count", "transfer": "move"}


@dataclass
class TaskInfo:
    id: int
    kind: str
    status: str
    site_id: int
    number: str
    lines: list = field(default_factory=list)  # TaskLine rows
    bins: set = field(default_factory=set)  # count sessions: bins in scope
    items: set = field(default_factory=set)  # count sessions by item: items in scope
    lots: dict = field(default_factory=dict)  # count sessions: (bin, item) -> lots seen at the start
    exact: bool = False  # a count of (bin, item) pairs: only its lines' pairs may be counted


def task_info(ctx, task_id: int) -> TaskInfo:
    """The task with its lines (and count scope), loaded once per batch."""
    cache = ctx.task_data.setdefault("tasks", {})
    if task_id not in cache:
        task = db.session.get(Task, task_id)
        info = TaskInfo(task.id, task.kind, task.status, task.site_id, task.number)
        info.lines = list(
            db.session.scalars(select(TaskLine).where(TaskLine.task_id == task_id).order_by(TaskLine.seq, TaskLine.id))
        )
        if task.kind == "count_session":
            session = db.session.get(CountSession, task_id)
            info.bins = set(scope_bins(session, task.site_id))
            info.items = set(session.item_ids or [])
            info.exact = session.scope == "pairs"
            for loc, item, lot in db.session.execute(
                select(CountLine.location_id, CountLine.item_id, CountLine.lot).where(CountLine.task_id == task_id)
            ):
                info.lots.setdefault((loc, item), set()).add(lot)
        cache[task_id] = info
    return cache[task_id]


def _bin_codes(ctx, location_ids) -> list[str]:
    load_locations(ctx, location_ids)
    return [ctx.locations_by_id[i].code for i in location_ids]


def _pick_line(ctx, info: TaskInfo, item, location, lot, expiry, scan, quantity):
    """The line a pick scan takes from, its bin, the lot it takes and why a later lot (None: the proposed one)."""
    lines = [ln for ln in info.lines if ln.item_id == item.id and ln.location_id is not None]
    if not lines:
        raise Rejected("wrong_item", f"{item.name} is not on this pick list.", name=item.name)
    if location is None:  # an API client that trusts the list: take the next bin of the item
        location = ctx.locations_by_id.get(lines[0].location_id) or _bin_ref(ctx, lines[0].location_id)
    lots = _lots_at(ctx, item.id, location.id)
    today = ctx.task_data.setdefault("today", shop_today())
    if lot:  # an expired lot is said to be expired wherever it is scanned, before which bin to go to
        refuse_expired(lot, lots[lot][0] if lot in lots else expiry, today)
    here = [ln for ln in lines if ln.location_id == location.id]
    if not here:
        bins = ", ".join(dict.fromkeys(_bin_codes(ctx, [ln.location_id for ln in lines])))
        raise Rejected(
            "wrong_bin",
            f"Take {item.name} from {bins}, not {location.code}.",
            name=item.name,
            bins=bins,
            code=location.code,
        )
    if lot and any(ln.lot == lot for ln in here):
        here = [ln for ln in here if ln.lot == lot]
    line = next((ln for ln in here if ln.done_quantity < ln.quantity), here[0])
    taken, reason = check_pick_lot(line.lot, lot or line.lot, lots, expiry, today, location.code, scan.lot_reason)
    if taken != line.lot:
        held = reserved([item.id], [location.id]).get((item.id, location.id, taken), 0)
        if lots[taken][1] - held < quantity:
            raise Rejected(
                "lot_held", f"Lot {taken} at {location.code} is held for other picks.", lot=taken, code=location.code
            )
    return line, location, taken, reason


def _lots_at(ctx, item_id: int, location_id: int) -> dict:
    cache = ctx.task_data.setdefault("lots", {})
    if (item_id, location_id) not in cache:
        cache[(item_id, location_id)] = lot_expiries(item_id, location_id)
    return cache[(item_id, location_id)]


def _bin_ref(ctx, location_id):
    _bin_codes(ctx, [location_id])
    return ctx.locations_by_id[location_id]


def _count_target(info: TaskInfo, item, location, lot):
    if location is None:
        raise Rejected("scan_bin_first", "Scan the bin label first, then the items in it.")
    if location.id not in info.bins:
        raise Rejected("not_in_count", f"{location.code} is not part of this count.", code=location.code)
    if (info.items and item.id not in info.items) or (info.exact and (location.id, item.id) not in info.lots):
        raise Rejected("not_in_count", f"{item.name} is not part of this count.", code=item.name)
    lots = info.lots.get((location.id, item.id), set())
    if not lot and len(lots) == 1:
        lot = next(iter(lots))  # a plain JAN in a bin holding one lot counts that lot
    return lot


def plan_task_scan(pos, scan, ctx, actor, *, item_id, quantity, location, to_location, lot, expiry, code_key) -> Plan:
    """Check a task scan against its task and plan it; the line update runs after the scan row is stored."""
    info = task_info(ctx, scan.task_id)
    if info.status not in OPEN_STATUSES:
        raise Rejected("task_closed", f"{info.number} is not open.", number=info.number, status=info.status)
    if MODE_FOR_KIND[info.kind] != scan.mode:
        raise Rejected(
            "wrong_mode", f"{info.number} takes {MODE_FOR_KIND[info.kind]} scans, not {scan.mode}.", number=info.number
        )
    if location is not None and location.site_id != info.site_id:
        raise Rejected(
            "wrong_site",
            f"{location.code} is not at the site of {info.number}.",
            code=location.code,
            number=info.number,
        )
    item = ctx.items[item_id]
    effect = {
        "kind": info.kind,
        "task_id": info.id,
        "item_id": item_id,
        "quantity": quantity,
        "scan_id": scan.scan_id,
        "user_id": actor.user_id,
        "occurred_at": scan.occurred_at,
    }
    if info.kind == "purchase_order":
        location = location or default_bin(ctx, "receive", quantity, item_id, info.site_id)
    elif info.kind == "pick_list":
        line, location, lot, reason = _pick_line(ctx, info, item, location, lot, expiry, scan, quantity)
        effect["line_id"] = line.id
        if reason:
            effect["later_lot"] = {"lot": lot, "proposed": line.lot, "reason": reason}
    elif info.kind == "count_session":
        lot = _count_target(info, item, location, lot)
        effect.update(location_id=location.id, lot=lot)
    elif not any(ln.item_id == item_id for ln in info.lines):
        raise Rejected("wrong_item", f"{item.name} is not on this transfer.", name=item.name)
    row = scan_row(
        scan,
        actor,
        status="applied",
        site_id=info.site_id,
        item_id=item_id,
        code_key=code_key,
        location_id=location.id if location else None,
        to_location_id=to_location.id if to_location else None,
        lot=lot,
        expiry=expiry,
        units=quantity,
    )
    plan = Plan(pos, scan, row)
    plan.movements = movement_rows(row, scan.mode, quantity, ctx)
    if "later_lot" in effect:  # the ledger keeps why FEFO was not followed, beside the task event
        for move in plan.movements:
            move["note"] = (
                f"later lot {lot} instead of {effect['later_lot']['proposed']}: {effect['later_lot']['reason']}"
            )
    plan.outcome = ScanOutcome(
        str(scan.scan_id),
        "applied",
        item_id=item_id,
        item_code=item.code,
        item_name=item.name,
        quantity=quantity,
        location=location.code if location else None,
    )
    ctx.task_data.setdefault("effects", {})[scan.scan_id] = effect
    return plan
