"""Automatic ordering per supplier: at the owner's times, one order per supplier and site of everything at its reorder point."""

import logging
from collections import defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import or_, select, update

from ...errors import AppError
from ...extensions import db
from ...models import AutoOrderLine, Item, Site, Supplier, SupplierSending, Task
from ...models.types import utcnow
from ..core import transactional
from ..tasks import record_event
from .orders import add_purchase_order
from .sending import send_order
from .sending_settings import auto_suppliers, parse_times
from .suggestions import suggestion_rows

log = logging.getLogger(__name__)
AUTO_NOTE = "自動発注 Automatic order"


def shop_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo")


def last_set_time(times: list[tuple[int, int]], now: datetime, zone: ZoneInfo) -> datetime | None:
    """The latest of the owner's times of day at or before `now` (today's, else yesterday's last), or None."""
    if not times:
        return None
    local = now.astimezone(zone)
    for day in (local.date(), local.date() - timedelta(days=1)):
        passed = [datetime(day.year, day.month, day.day, h, m, tzinfo=zone) for h, m in times]
        passed = [t for t in passed if t <= local]
        if passed:
            return max(passed)
    return None


def _claim(supplier_id: int, slot: datetime, now: datetime) -> bool:
    """Take this supplier's run for the slot; a second process (or a second call) finds it taken."""
    taken = db.session.execute(
        update(SupplierSending)
        .where(
            SupplierSending.supplier_id == supplier_id,
            or_(SupplierSending.auto_run_at.is_(None), SupplierSending.auto_run_at < slot),
        )
        .values(auto_run_at=now)
    )
    return taken.rowcount == 1


def _line(row: dict, supplier_id: int, now: datetime, outcome: str, task_id=None) -> AutoOrderLine:
    return AutoOrderLine(
        run_at=now,
        supplier_id=supplier_id,
        site_id=row["site_id"],
        item_id=row["item_id"],
        task_id=task_id,
        outcome=outcome,
        on_hand=row["on_hand"],
        on_order=row["on_order"],
        reorder_point=row["reorder_point"],
        order_up_to=row["order_up_to"],
        quantity=row["quantity"],
        amount=int(row["value"]),
    )


@transactional
def _run_supplier(supplier_id: int, now: datetime) -> list[int]:
    """One supplier's run if one of its times has passed since the last: the orders made (none when not due)."""
    row = db.session.get(SupplierSending, supplier_id)
    slot = last_set_time(parse_times(row.auto_times) or [], now, shop_zone())
    if row.auto_mode == "off" or slot is None or not _claim(supplier_id, slot, now):
        return []
    supplier = db.session.get(Supplier, supplier_id)
    by_site = defaultdict(list)
    for suggestion in suggestion_rows():
        # A need already on a draft waits for that draft; one on an open order no longer shows as a need at all.
        if suggestion["supplier_id"] == supplier_id and not suggestion["drafted"]:
            by_site[suggestion["site_id"]].append(suggestion)
    made = []
    for site_id, rows in sorted(by_site.items()):
        amount = sum(r["value"] for r in rows)
        if amount < (supplier.min_order_amount or 0) and not any(r["on_hand"] <= 0 for r in rows):
            db.session.add_all(_line(r, supplier_id, now, "waiting") for r in rows)
            continue
        status = "open" if row.auto_mode == "send" else "draft"
        site_code = db.session.get(Site, site_id).code
        task = add_purchase_order(
            site_code,
            supplier.code,
            [(r["item_code"], r["quantity"]) for r in rows],
            None,
            status=status,
            note=AUTO_NOTE,
        )
        if status == "open":
            for line in task.lines:
                line.unit_price = line.item.unit_cost
            record_event(task.id, "confirmed")  # by nobody: the history says "automatic"
        db.session.add_all(_line(r, supplier_id, now, "ordered", task.id) for r in rows)
        made.append(task.id)
    return made


def run_auto_ordering(now: datetime | None = None) -> dict:
    """The scheduler's job: every supplier whose time has come gets its orders; "send" mode sends them at once."""
    now = now or utcnow()
    drafted, sent, unsent = [], [], []
    for settings in auto_suppliers():
        ids = _run_supplier(settings.supplier_id, now)
        if settings.auto_mode != "send":
            drafted += ids
            continue
        for task_id in ids:
            try:
                outcomes = send_order(task_id, None, now)
            except AppError as exc:  # by hand, or no address: the order stays confirmed for the manager to send
                log.warning("automatic order %s not sent: %s", task_id, exc.code)
                unsent.append(task_id)
                continue
            (sent if any(o["ok"] for o in outcomes) else unsent).append(task_id)
    return {"drafted": drafted, "sent": sent, "unsent": unsent}


def auto_times_fields() -> dict | None:
    """Cron fields covering every supplier's set times (extra minutes are harmless: a run acts only when due)."""
    times = [t for s in auto_suppliers() for t in (parse_times(s.auto_times) or [])]
    if not times:
        return None
    return {
        "hour": ",".join(sorted({str(h) for h, _ in times})),
        "minute": ",".join(sorted({str(m) for _, m in times})),
    }


def auto_order_log(limit: int = 200, task_id: int | None = None) -> list[dict]:
    """What the automatic runs did, newest first (or for one order): each item with its numbers, ordered or waiting."""
    stmt = (
        select(AutoOrderLine, Supplier.name, Item, Site.code, Task.number, Task.status)
        .join(Supplier, Supplier.id == AutoOrderLine.supplier_id)
        .join(Item, Item.id == AutoOrderLine.item_id)
        .join(Site, Site.id == AutoOrderLine.site_id)
        .outerjoin(Task, Task.id == AutoOrderLine.task_id)
        .order_by(AutoOrderLine.id.desc())
        .limit(limit)
    )
    rows = db.session.execute(stmt if task_id is None else stmt.where(AutoOrderLine.task_id == task_id)).all()
    return [
        {
            "run_at": line.run_at.isoformat(),
            "supplier": name,
            "item_id": line.item_id,
            "item_code": item.code,
            "item_name": item.name,
            "item_name_en": item.name_en,
            "unit": item.unit,
            "site_code": site_code,
            "task_id": line.task_id,
            "order_number": number,
            "order_status": status,
            "outcome": line.outcome,
            "on_hand": line.on_hand,
            "on_order": line.on_order,
            "position": line.on_hand + line.on_order,
            "reorder_point": line.reorder_point,
            "order_up_to": line.order_up_to,
            "quantity": line.quantity,
            "amount": line.amount,
        }
        for line, name, item, site_code, number, status in rows
    ]
