"""Ledger history for the office tests: a Tokyo shop whose tea sells every day (no tests here)."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from tests.builders import make_item, make_site
from webapp.extensions import db
from webapp.models import Location
from webapp.services.core import post_movements, transactional
from webapp.services.notifications import check_stock_alerts

TODAY = date(2026, 11, 20)
TOKYO = ZoneInfo("Asia/Tokyo")


def at(day: date, hour: int = 10) -> datetime:
    """A Tokyo wall-clock time as an aware datetime."""
    return datetime.combine(day, time(hour), tzinfo=TOKYO).astimezone(UTC)


def bin_id(code: str) -> int:
    return db.session.scalar(select(Location.id).where(Location.code == code))


@transactional
def post(rows: list[dict]) -> None:
    """Append movements and run the stock-change check, as the scan service does."""
    post_movements(rows)
    sites = {loc.id: loc.site_id for loc in db.session.scalars(select(Location))}
    check_stock_alerts({(r["item_id"], sites[r["location_id"]]) for r in rows})


def daily_sales(item_id: int, location: str, *, opening: int, per_day: list[int], today: date = TODAY) -> None:
    """A receipt before the history, then one pick a day, the last on `today`."""
    loc = bin_id(location)
    first = today - timedelta(days=len(per_day) - 1)
    rows = [
        {
            "type": "receive",
            "item_id": item_id,
            "location_id": loc,
            "quantity": opening,
            "occurred_at": at(first - timedelta(days=1)),
        }
    ]
    rows += [
        {
            "type": "pick",
            "item_id": item_id,
            "location_id": loc,
            "quantity": -q,
            "occurred_at": at(first + timedelta(days=d)),
        }
        for d, q in enumerate(per_day)
        if q
    ]
    post(rows)


def tea_shop(**item_fields):
    """The Tokyo warehouse and 静岡煎茶 (lead time 3 days, daily review, 95%)."""
    site = make_site()
    fields = {"lead_time_days": 3, "review_interval_days": 1, "unit_cost": "380", "unit_price": "864"} | item_fields
    tea = make_item("TEA-SENCHA", "静岡煎茶 100g", "4912345000088", name_en="Shizuoka sencha", **fields)
    return site, tea
