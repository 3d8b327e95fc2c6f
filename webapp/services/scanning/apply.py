"""Applying device scans exactly once: resolve, post to the ledger, check alerts, one commit."""

from sqlalchemy import bindparam, func, select, update

from ...extensions import db
from ...models import Item, Scan, StockLevel
from ...models.types import utcnow
from ..core import driver_insert, insert_ignore, post_movements, transactional
from ..expiry import check_expiry_alerts
from ..notifications import check_stock_alerts, raise_alert
from .context import load_context
from .plan_rows import Plan, Rejected
from .plans import plan_scan
from .serials import load_serials, settle_serials
from .task_effects import apply_task_effects
from .types import Actor, ScanIn, ScanOutcome

_S, _I, _LV = Scan.__table__.c, Item.__table__.c, StockLevel.__table__.c
# Built once: on the single-scan path, building statements cost more than SQLite running them.
_STORED = (
    select(_S.scan_id, _S.status, _S.message, _S.item_id, _I.code, _I.name, _S.quantity)
    .join_from(Scan.__table__, Item.__table__, _S.item_id == _I.id, isouter=True)
    .where(_S.scan_id.in_(bindparam("ids", expanding=True)))
)
_LEVELS_AT = (
    select(_LV.item_id, _LV.location_id, func.sum(_LV.quantity))
    .where(
        _LV.item_id.in_(bindparam("items", expanding=True)), _LV.location_id.in_(bindparam("locations", expanding=True))
    )
    .group_by(_LV.item_id, _LV.location_id)
)


def stored_outcomes(scan_ids) -> dict:
    """The first outcome of scans the server already holds, as `duplicate` answers."""
    ids = list(scan_ids)
    found = {}
    for start in range(0, len(ids), 500):
        rows = db.session.execute(_STORED, {"ids": ids[start : start + 500]})
        for sid, status, message, item_id, code, name, qty in rows:
            found[sid] = ScanOutcome(
                str(sid),
                "duplicate",
                first_status=status,
                message=message,
                item_id=item_id,
                item_code=code,
                item_name=name,
                quantity=qty,
            )
    return found


def _insert_scans(rows: list[dict]) -> set:
    """Insert scan records, skipping any a concurrent request stored first; returns the ids inserted."""
    if not rows:
        return set()
    rows = sorted(rows, key=lambda r: r["scan_id"].int)  # one lock order for every writer (ints compare in C)
    now = utcnow()
    for row in rows:
        row.setdefault("recorded_at", now)
    if db.session.get_bind().dialect.name == "sqlite":
        # SQLite writers hold the database lock from the dedupe check on, so no other request
        # can have stored these ids meanwhile: when every row went in, no RETURNING is needed.
        if driver_insert(Scan.__table__, rows, ignore_conflicts=True) == len(rows):
            return {r["scan_id"] for r in rows}
        return set(
            db.session.scalars(
                select(Scan.scan_id).where(Scan.scan_id.in_([r["scan_id"] for r in rows]), Scan.recorded_at == now)
            )
        )
    stmt = insert_ignore(Scan.__table__).returning(Scan.__table__.c.scan_id)
    return set(db.session.scalars(stmt, rows).all())


@transactional
def apply_scans(scans: list[ScanIn], actor: Actor) -> list[ScanOutcome]:
    """Apply a batch of scans in one transaction; one outcome per scan, in order."""
    outcomes: list[ScanOutcome | None] = [None] * len(scans)
    first_pos: dict = {}
    repeats: list[tuple[int, int]] = []
    for pos, scan in enumerate(scans):
        if scan.scan_id in first_pos:
            repeats.append((pos, first_pos[scan.scan_id]))
        else:
            first_pos[scan.scan_id] = pos

    stored = stored_outcomes(first_pos)
    todo = []
    for sid, pos in first_pos.items():
        if sid in stored:
            outcomes[pos] = stored[sid]
        else:
            todo.append((pos, scans[pos]))
    todo.sort()

    ctx = load_context(todo)
    load_serials(ctx, todo)
    plans: dict = {}
    for pos, scan in todo:
        try:
            plans[scan.scan_id] = plan_scan(pos, scan, ctx, actor, plans)
        except Rejected as exc:
            outcomes[pos] = ScanOutcome(
                str(scan.scan_id), "rejected", reason=exc.reason, message=exc.message, params=exc.params
            )

    inserted = _insert_scans([p.row for p in plans.values()])
    if len(inserted) == len(plans):  # the common case: no other request stored any of them meanwhile
        applied, lost = list(plans.values()), []
    else:
        applied = [p for p in plans.values() if p.scan.scan_id in inserted]
        lost = [p for p in plans.values() if p.scan.scan_id not in inserted]
    applied = apply_task_effects(applied, ctx, outcomes)
    _settle_lost_races(lost, outcomes)

    post_movements([m for p in applied for m in p.movements])
    settle_serials(applied)
    cancelled = [p.cancels for p in applied if p.cancels is not None]
    if cancelled:
        db.session.execute(
            update(Scan).where(Scan.scan_id.in_(cancelled), Scan.status == "unresolved").values(status="cancelled")
        )
    _after_post(applied, ctx)
    for plan in applied:
        outcomes[plan.pos] = plan.outcome
    for pos, first in repeats:
        o = outcomes[first]
        outcomes[pos] = (
            o
            if o.status == "rejected"
            else ScanOutcome(
                o.scan_id,
                "duplicate",
                first_status=o.first_status or o.status,
                message=o.message,
                item_id=o.item_id,
                item_code=o.item_code,
                item_name=o.item_name,
                quantity=o.quantity,
                location=o.location,
                stock_at_location=o.stock_at_location,
                task=o.task,
            )
        )
    return outcomes


def _settle_lost_races(lost: list[Plan], outcomes: list) -> None:
    """Scans another request stored between our check and our insert: answer with its outcome."""
    if not lost:
        return
    stored = stored_outcomes(p.scan.scan_id for p in lost)
    for plan in lost:
        outcomes[plan.pos] = stored.get(plan.scan.scan_id) or ScanOutcome(
            str(plan.scan.scan_id),
            "rejected",
            reason="already_undone",
            message=f"Scan {plan.scan.undo_of} was already undone.",
        )


def _after_post(applied: list[Plan], ctx) -> None:
    """Fill stock figures and warnings into the outcomes; raise the alerts the batch calls for."""
    pairs = set()
    for plan in applied:
        for move in plan.movements:
            pairs.add((move["item_id"], move["location_id"]))
    levels = {}
    if pairs:
        rows = db.session.execute(
            _LEVELS_AT, {"items": list({i for i, _ in pairs}), "locations": list({loc for _, loc in pairs})}
        )
        levels = {(i, loc): int(q) for i, loc, q in rows}
    negative = {pair for pair, quantity in levels.items() if quantity < 0}
    for plan in applied:
        row = plan.row
        if plan.movements:
            plan.outcome.stock_at_location = levels.get((row["item_id"], plan.movements[0]["location_id"]))
            if negative and any((m["item_id"], m["location_id"]) in negative for m in plan.movements):
                plan.outcome.warnings.append("negative_stock")
        if row["status"] == "unresolved":
            raise_alert(
                "unresolved_barcode",
                code=row["code_key"],
                message=f"unknown code {row['code']}",
                details={"code": row["code"]},
            )
    check_stock_alerts({(i, ctx.locations_by_id[loc].site_id) for i, loc in pairs})
    # Only lots with a date can be alerted: a lot picked out or quarantined resolves its alert at once.
    dated = {m["item_id"] for p in applied for m in p.movements if m["lot"] or m["expiry"]}
    if dated:
        check_expiry_alerts(dated, ctx.task_data.get("today"))
