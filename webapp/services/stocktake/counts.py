"""Stocktake: sessions by site, zone, bins or items; blind counts; variance netted for movements; approval."""

from sqlalchemy import and_, func, or_, select, tuple_, update
from sqlalchemy.orm import selectinload

from ...domain.variance import Variance, by_value, totals
from ...errors import Conflict, Forbidden, InvalidInput
from ...extensions import db
from ...models import CountLine, CountSession, Item, Location, Movement, StockLevel, Task, User
from ...models.types import utcnow
from ..core import post_movements, record_change, transactional
from ..notifications import check_stock_alerts
from ..tasks import add_numbered, demand_lines, get_task, location_ids_for, record_event, require_open, site_by_code
from .scope_locks import release_scope_locks, take_scope_locks


def scope_bins(session: CountSession, site_id: int) -> list[int]:
    """Ids of the bins this session counts."""
    if session.scope in ("bins", "pairs"):
        return list(session.location_ids)
    stmt = select(Location.id).where(Location.site_id == site_id, Location.active)
    if session.scope == "zone":
        stmt = stmt.where(Location.zone == session.zone)
    return list(db.session.scalars(stmt.order_by(Location.walk_seq, Location.code)))


@transactional
def start_count(
    site_code: str,
    user_id: int,
    *,
    scope: str = "site",
    zone: str = "",
    bins=(),
    items=(),
    blind: bool = True,
    title: str = "",
    assigned_to: int | None = None,
) -> int:
    """Open a session and snapshot the expected quantity of every (bin, item, lot) in scope."""
    site = site_by_code(site_code)
    if scope == "zone" and not zone:
        raise InvalidInput("Name the zone to count.", code="zone_required", fields={"zone": ["required"]})
    location_ids, item_ids = [], []
    if scope == "bins":
        location_ids = location_ids_for(list(bins), site.id) if bins else []
        if not bins:
            raise InvalidInput("Choose the bins to count.", code="bins_required", fields={"bins": ["required"]})
    if scope == "items":
        item_ids = [i for i, _ in demand_lines([(code, 1) for code in items], "items")]
    if scope not in ("site", "zone", "bins", "items"):
        raise InvalidInput("Unknown count scope.", code="bad_scope", fields={"scope": ["site, zone, bins or items"]})
    return open_count(site.id, user_id, scope, zone, location_ids, item_ids, blind, title, assigned_to)


def open_count(
    site_id: int,
    user_id: int | None,
    scope: str,
    zone: str,
    location_ids: list[int],
    item_ids: list[int],
    blind: bool = True,
    title: str = "",
    assigned_to: int | None = None,
    pairs: list[tuple[int, int]] | None = None,
) -> int:
    """The session itself, in the caller's transaction: its task, its scope locked, the snapshot of its lines.

    `pairs` (bin, item) make a session of exactly those items in those bins (scope "pairs", what
    cycle counting generates): its bins and items are theirs, and only they are locked and counted.
    """
    if pairs:
        scope, location_ids, item_ids = "pairs", list(dict.fromkeys(b for b, _ in pairs)), []
    assignee = db.session.get(User, assigned_to) if assigned_to is not None else None
    if assigned_to is not None and (assignee is None or not assignee.active):
        raise InvalidInput("No such user to assign.", code="unknown_assignee", fields={"assigned_to": ["unknown"]})
    session = CountSession(
        scope=scope,
        zone=zone,
        blind=blind,
        started_at=utcnow(),
        location_ids=location_ids,
        item_ids=item_ids,
        assigned_to=assigned_to,
    )
    task = Task(
        kind="count_session",
        site_id=site_id,
        status="open",
        title=title,
        created_by=user_id,
        created_at=session.started_at,
    )
    add_numbered(task, "CNT")
    session.task_id = task.id
    db.session.add(session)
    in_scope = scope_bins(session, site_id)
    take_scope_locks(task.id, site_id, in_scope, item_ids, pairs)
    stmt = select(StockLevel.location_id, StockLevel.item_id, StockLevel.lot, StockLevel.quantity).where(
        StockLevel.location_id.in_(in_scope), StockLevel.quantity != 0
    )
    if item_ids:
        stmt = stmt.where(StockLevel.item_id.in_(item_ids))
    if pairs:
        stmt = stmt.where(tuple_(StockLevel.location_id, StockLevel.item_id).in_(pairs))
    db.session.add_all(
        CountLine(task_id=task.id, location_id=loc, item_id=item, lot=lot, snapshot_quantity=qty)
        for loc, item, lot, qty in db.session.execute(stmt)
    )
    db.session.flush()
    return task.id


def require_closer(task: Task, session: CountSession, user_id: int | None) -> None:
    """Forbidden unless the user opened the session, is assigned to it, or is a manager or the owner.

    So one group cannot close (and post) another group's count while it is still being counted.
    """
    user = db.session.get(User, user_id) if user_id is not None else None
    if user is not None and (user.has_role("manager") or user.id in (task.created_by, session.assigned_to)):
        return
    raise Forbidden(
        f"Only the person counting {task.number} or a manager may approve it.",
        code="not_count_owner",
        fields={"session": task.number},
    )


def ledger_at_count(task_id: int) -> dict[int, int]:
    """Count line id -> stock its key should have held at the moment it was counted (now, if not counted yet).

    This is the start snapshot plus the net movements since, read from the ledger by when they happened
    on the floor (occurred_at): a pick made before the shelf was counted is netted even when its phone
    synced late, and one made after is not. The session's own adjustments are left out.
    """
    m, cl = Movement, CountLine
    joined = and_(
        m.item_id == cl.item_id,
        m.location_id == cl.location_id,
        m.lot == cl.lot,
        m.occurred_at <= func.coalesce(cl.counted_at, utcnow()),
        or_(m.task_id.is_(None), m.task_id != task_id),
    )
    rows = db.session.execute(
        select(cl.id, func.coalesce(func.sum(m.quantity), 0))
        .outerjoin(m, joined)
        .where(cl.task_id == task_id)
        .group_by(cl.id)
    )
    return {line_id: int(q) for line_id, q in rows}


def review(task_id: int) -> dict:
    """Every line with snapshot, moved during the count, expected at count, counted, variance and value."""
    task = get_task(task_id, "count_session")
    session = db.session.get(CountSession, task_id)
    # Items and bins in two queries, not two per line: the phone's open-task list reads every count.
    lines = list(
        db.session.scalars(
            select(CountLine)
            .where(CountLine.task_id == task_id)
            .options(selectinload(CountLine.item), selectinload(CountLine.location))
        )
    )
    if session.approved_at is None:
        at_count = ledger_at_count(task_id)
    rows, variances = [], []
    for line in lines:
        expected = line.expected_quantity if session.approved_at else at_count[line.id]
        counted = line.counted_quantity
        v = Variance(line.id, counted, expected, line.item.unit_cost) if counted is not None else None
        if v:
            variances.append(v)
        rows.append(
            {
                "id": line.id,
                "bin": line.location.code,
                "walk_seq": line.location.walk_seq,
                "item_id": line.item_id,
                "item_code": line.item.code,
                "item_name": line.item.name,
                "item_name_en": line.item.name_en,
                "lot": line.lot,
                "snapshot": line.snapshot_quantity,
                "moved": expected - line.snapshot_quantity,
                "expected": expected,
                "counted": counted,
                "counted_at": line.counted_at,
                "recount": line.recount,
                "variance": v.quantity if v else None,
                "value": v.value if v else None,
            }
        )
    order = {v.key: n for n, v in enumerate(by_value(variances))}
    rows.sort(key=lambda r: (order.get(r["id"], len(order)), r["walk_seq"], r["bin"], r["item_code"]))
    units, value = totals(variances)
    return {
        "task": task,
        "session": session,
        "lines": rows,
        "uncounted": sum(r["counted"] is None for r in rows),
        "variance_units": units,
        "variance_value": value,
    }


@transactional
def request_recount(task_id: int, line_ids: list[int], user_id: int) -> int:
    """Ask for these lines to be counted again from zero; returns how many were reset."""
    get_task(task_id, "count_session")
    require_open(task_id)
    result = db.session.execute(
        update(CountLine)
        .where(CountLine.task_id == task_id, CountLine.id.in_(line_ids))
        .values(counted_quantity=None, counted_at=None, counted_by=None, recount=True)
    )
    for line_id in line_ids:
        record_event(task_id, "recount", reason=f"count line {line_id}", user_id=user_id)
    number = db.session.get(Task, task_id).number
    record_change(user_id, "stocktake", task_id, number, {"lines": (None, result.rowcount)}, "recount")
    return result.rowcount


@transactional
def approve(task_id: int, user_id: int, zero_uncounted: bool = False) -> dict:
    """Post the variances as `count` movements in one transaction; the session stays as the audit record.

    Only its creator, its assignee or a manager may approve it; approval frees its scope.
    """
    task = get_task(task_id, "count_session")
    session = db.session.get(CountSession, task_id)
    require_closer(task, session, user_id)
    require_open(task_id, finish=True)
    now = utcnow()
    lines = list(db.session.scalars(select(CountLine).where(CountLine.task_id == task_id).order_by(CountLine.id)))
    uncounted = [ln for ln in lines if ln.counted_quantity is None]
    if uncounted and not zero_uncounted:
        raise Conflict(
            f"{len(uncounted)} lines are not counted yet.",
            code="uncounted",
            fields={"lines": [ln.id for ln in uncounted]},
        )
    for line in uncounted:  # the manager declared them empty: counted zero now
        line.counted_quantity, line.counted_at, line.counted_by = 0, now, user_id
    db.session.flush()
    at_count = ledger_at_count(task_id)
    item_ids = {ln.item_id for ln in lines}
    costs = dict(db.session.execute(select(Item.id, Item.unit_cost).where(Item.id.in_(item_ids))).all())
    moves = []
    for line in lines:
        line.expected_quantity = at_count[line.id]
        line.variance = line.counted_quantity - line.expected_quantity
        if line.variance:
            moves.append(
                {
                    "type": "count",
                    "item_id": line.item_id,
                    "location_id": line.location_id,
                    "lot": line.lot,
                    "quantity": line.variance,
                    "unit_cost": costs[line.item_id],
                    "user_id": user_id,
                    "task_id": task_id,
                    "occurred_at": now,
                    "note": f"stocktake {session.task.number}",
                }
            )
    post_movements(moves)
    session.approved_by, session.approved_at = user_id, now
    release_scope_locks(task_id)
    adjusted = {"adjusted": (None, len(moves)), "units": (None, sum(m["quantity"] for m in moves))}
    record_change(user_id, "stocktake", task_id, session.task.number, adjusted, "approve")
    record_event(task_id, "approved", quantity=sum(m["quantity"] for m in moves), user_id=user_id)
    check_stock_alerts({(m["item_id"], session.task.site_id) for m in moves})
    return {"adjustments": len(moves), "units": sum(m["quantity"] for m in moves)}


def counter_view(task_id: int) -> dict:
    """What a counter sees: bins and items to count, with expected quantities only when not blind."""
    data = review(task_id)
    blind = data["session"].blind
    keep = ("id", "bin", "walk_seq", "item_id", "item_code", "item_name", "item_name_en", "lot", "counted", "recount")
    lines = [{k: r[k] for k in keep} | ({} if blind else {"expected": r["expected"]}) for r in data["lines"]]
    lines.sort(key=lambda r: (r["walk_seq"], r["bin"], r["item_code"]))
    ids = scope_bins(data["session"], data["task"].site_id)
    codes = dict(db.session.execute(select(Location.id, Location.code).where(Location.id.in_(ids))).all())
    bins = [codes[b] for b in ids if b in codes]
    return {"task": data["task"], "blind": blind, "bins": bins, "lines": lines}
