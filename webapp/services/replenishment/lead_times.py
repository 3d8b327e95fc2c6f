"""The engine's learned lead times: receipts against purchase orders of the last year, per supplier and item."""

from collections import defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import func, select

from ...domain.lead_times import LearnedLeadTimes, learn_lead_times
from ...extensions import db
from ...models import Item, Movement, Task, TaskEvent
from ...models.types import utcnow

LOOKBACK_DAYS = 365


def _order_starts(task_ids) -> dict[int, datetime]:
    """Task id -> when the order went out: its first sending, else its confirmation (its creation is the fallback)."""
    rows = db.session.execute(
        select(TaskEvent.task_id, TaskEvent.kind, func.min(TaskEvent.created_at))
        .where(TaskEvent.task_id.in_(task_ids), TaskEvent.kind.in_(("sent", "confirmed")))
        .group_by(TaskEvent.task_id, TaskEvent.kind)
    ).all()
    starts = {}
    for task_id, _kind, at in sorted(rows, key=lambda r: r[1] == "sent"):  # "sent" last: it wins
        starts[task_id] = at
    return starts


def receipt_lead_days(item_ids, tz: str = "Asia/Tokyo", now: datetime | None = None) -> list[tuple[int, int, float]]:
    """(supplier, item, days) for each receipt: one order's goods of one item on one local day, net of undos."""
    now = now or utcnow()
    rows = db.session.execute(
        select(
            Movement.task_id,
            Movement.item_id,
            Movement.occurred_at,
            Movement.quantity,
            Task.supplier_id,
            Task.created_at,
        )
        .join(Task, Movement.task_id == Task.id)
        .where(
            Task.kind == "purchase_order",
            Task.supplier_id.is_not(None),
            Movement.type == "receive",
            Movement.item_id.in_(set(item_ids)),
            Movement.occurred_at >= now - timedelta(days=LOOKBACK_DAYS),
        )
    ).all()
    if not rows:
        return []
    zone = ZoneInfo(tz)
    net, first, order = defaultdict(int), {}, {}
    for task_id, item_id, at, qty, supplier_id, created in rows:
        key = (task_id, item_id, at.astimezone(zone).date())
        net[key] += qty
        if qty > 0 and (key not in first or at < first[key]):
            first[key] = at
        order[task_id] = (supplier_id, created)
    starts = _order_starts(list(order))
    out = []
    for key, qty in net.items():
        if qty > 0 and key in first:
            supplier_id, created = order[key[0]]
            start = starts.get(key[0], created)
            out.append((supplier_id, key[1], max((first[key] - start).total_seconds() / 86400, 0.0)))
    return out


def learned_lead_times(pairs, tz: str = "Asia/Tokyo", now: datetime | None = None) -> LearnedLeadTimes:
    """Per engine row (item, site): the lead time learned from the receipts of its item's supplier now."""
    item_ids = {i for i, _ in pairs}
    supplier_of = dict(db.session.execute(select(Item.id, Item.supplier_id).where(Item.id.in_(item_ids))).all())
    suppliers = [supplier_of.get(i) for i, _ in pairs]
    receipts = receipt_lead_days({i for i, _ in pairs}, tz, now)
    groups = {
        (int(s), i): g for g, (i, s) in enumerate({(i, s) for (i, _), s in zip(pairs, suppliers, strict=True) if s})
    }
    kept = [(groups[(s, i)], d) for s, i, d in receipts if (s, i) in groups]
    learned = learn_lead_times([g for g, _ in kept], [d for _, d in kept], len(groups))
    at = np.array([groups.get((int(s), i), -1) if s else -1 for (i, _), s in zip(pairs, suppliers, strict=True)])
    known = at >= 0
    out = {}
    for name in ("receipts", "mean", "std"):
        values = getattr(learned, name)
        blank = 0 if name == "receipts" else np.nan
        row = np.full(len(pairs), blank, dtype=values.dtype)
        row[known] = values[at[known]]
        out[name] = row
    return LearnedLeadTimes(**out)
