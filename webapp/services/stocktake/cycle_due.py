"""Cycle counting: when each (item, bin) was last counted, what is due today, and the sessions made from it."""

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from ...domain.cycle_counts import Due, Pair, due_pairs, group_sessions
from ...errors import Conflict
from ...extensions import db
from ...models import CountLine, CountSession, Item, Location, ReplenishmentResult, Site, StockLevel
from ...models.cycle_counts import WHOLE_BIN
from ..core import transactional
from .counts import open_count
from .cycle_settings import cycle_settings, intervals
from .scope_locks import held_pairs


def last_counted(tz: str, *, item_id: int | None = None, site_id: int | None = None) -> dict[tuple[int, int], date]:
    """(item, bin) -> the shop-local day it was last counted in an approved session.

    Derived from the approved sessions' lines, never stored apart, so it is right after every approval.
    """
    stmt = (
        select(CountLine.item_id, CountLine.location_id, func.max(CountLine.counted_at))
        .join(CountSession, CountSession.task_id == CountLine.task_id)
        .where(CountSession.approved_at.is_not(None), CountLine.counted_at.is_not(None))
        .group_by(CountLine.item_id, CountLine.location_id)
    )
    if item_id is not None:
        stmt = stmt.where(CountLine.item_id == item_id)
    if site_id is not None:
        stmt = stmt.where(CountLine.location_id.in_(select(Location.id).where(Location.site_id == site_id)))
    zone = ZoneInfo(tz)
    return {(item, loc): at.astimezone(zone).date() for item, loc, at in db.session.execute(stmt)}


def _held_stock(site_id: int | None) -> tuple[list[Pair], dict[int, Item], dict[int, Location]]:
    """Every (item, bin) holding stock in an active bin of an active site, with its items and bins."""
    stmt = (
        select(StockLevel.item_id, StockLevel.location_id)
        .join(Location, Location.id == StockLevel.location_id)
        .join(Site, Site.id == Location.site_id)
        .join(Item, Item.id == StockLevel.item_id)
        .where(StockLevel.quantity != 0, Location.active, Site.active, Item.active)
        .distinct()
    )
    if site_id is not None:
        stmt = stmt.where(Location.site_id == site_id)
    keys = db.session.execute(stmt).all()
    # By subquery, not a list of ids: a shop's pairs can outnumber SQLite's bound parameters.
    stocked = select(StockLevel.item_id, StockLevel.location_id).where(StockLevel.quantity != 0).subquery()
    items = {i.id: i for i in db.session.scalars(select(Item).where(Item.id.in_(select(stocked.c.item_id))))}
    bins = {b.id: b for b in db.session.scalars(select(Location).where(Location.id.in_(select(stocked.c.location_id))))}
    pairs = [Pair(i, b, bins[b].site_id, bins[b].zone, bins[b].walk_seq, bins[b].code) for i, b in keys]
    return pairs, items, bins


def _due(today: date, tz: str, site_id: int | None):
    pairs, items, bins = _held_stock(site_id)
    classes = {
        (item, site): abc
        for item, site, abc in db.session.execute(
            select(ReplenishmentResult.item_id, ReplenishmentResult.site_id, ReplenishmentResult.abc_class)
        )
    }
    settings = cycle_settings()
    due = due_pairs(pairs, classes, intervals(settings), last_counted(tz, site_id=site_id), today)
    held = held_pairs()
    in_session = {
        (d.pair.item_id, d.pair.location_id): held.get((d.pair.location_id, d.pair.item_id))
        or held.get((d.pair.location_id, WHOLE_BIN))
        for d in due
    }
    return due, items, bins, in_session, settings


def due_list(today: date, tz: str, site_id: int | None = None) -> dict:
    """What is due for counting today, most overdue first, with the open session already counting each pair."""
    due, items, bins, in_session, settings = _due(today, tz, site_id)
    sites = dict(db.session.execute(select(Site.id, Site.code)).all())
    rows = [
        {
            "item_id": d.pair.item_id,
            "item_code": items[d.pair.item_id].code,
            "item_name": items[d.pair.item_id].name,
            "item_name_en": items[d.pair.item_id].name_en,
            "site_code": sites[d.pair.site_id],
            "zone": d.pair.zone,
            "bin": bins[d.pair.location_id].code,
            "abc": d.abc,
            "last_counted": d.last_counted,
            "overdue_days": d.overdue_days,
            "session": (in_session[(d.pair.item_id, d.pair.location_id)] or (None, None))[1],
            "session_id": (in_session[(d.pair.item_id, d.pair.location_id)] or (None, None))[0],
        }
        for d in due
    ]
    return {"rows": rows, "settings": settings, "intervals": intervals(settings)}


@transactional
def generate_due_sessions(today: date, tz: str, user_id: int | None = None, site_id: int | None = None) -> list[int]:
    """Open count sessions for the most overdue pairs not already in an open session; their task ids.

    Sessions are of the settings' size, one site and zone each in walk order, at most the settings'
    number per day; each counts exactly its (bin, item) pairs, locked like any count's scope.
    """
    due, _items, _bins, in_session, settings = _due(today, tz, site_id)
    free = [d for d in due if in_session[(d.pair.item_id, d.pair.location_id)] is None]
    opened = []
    for group in group_sessions(free, settings.session_size, settings.daily_sessions):
        try:
            with db.session.begin_nested():
                opened.append(_open(group, today, user_id))
        except Conflict:
            # Another session took one of its pairs since the list was read: left for the next run.
            continue
    return opened


def _open(group: list[Due], today: date, user_id: int | None) -> int:
    first = group[0].pair
    title = f"ABC {today.isoformat()} {first.zone}".strip()
    pairs = [(d.pair.location_id, d.pair.item_id) for d in group]
    return open_count(first.site_id, user_id, "pairs", first.zone, [], [], title=title, pairs=pairs)
