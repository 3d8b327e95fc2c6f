"""The engine's inputs from the ledger: SQL aggregates per item, site and day, scattered into numpy matrices."""

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import BigInteger, Integer, case, cast, func, literal, select

from ...domain.demand import daily_matrix
from ...domain.returns import DEMAND_TYPES
from ...extensions import db
from ...models import Location, Movement, StockLevel, StockReturn

# Outbound movements of DEMAND_TYPES are demand; moves between bins and sites are not, nor a return to a
# supplier (a negative receipt). A customer return is negative demand, but on the day of its original pick:
# `return_demand` reads that day from its stock_returns row, so its movement is not counted as demand.


@dataclass(frozen=True)
class LedgerMatrices:
    """Row r is the (item, site) pair pairs[r]; day 0 is the first local day of the period."""

    pairs: list[tuple[int, int]]
    first_day: date
    demand: np.ndarray  # units issued per day (positive)
    net: np.ndarray  # net movement per day (in - out)
    opening: np.ndarray  # balance before the first day

    @property
    def days(self) -> int:
        return self.demand.shape[1]

    def history_days(self) -> int:
        """Days of the period since the ledger began (all of them when stock existed before it)."""
        if self.opening.any():
            return self.days
        active = np.flatnonzero(self.net.any(axis=0))
        return self.days - int(active[0]) if active.size else self.days


def period_start(today: date, days: int, tz: str) -> datetime:
    """The UTC instant of local midnight that opens a period of `days` days ending with `today`."""
    local = datetime.combine(today - timedelta(days=days - 1), time(0), tzinfo=ZoneInfo(tz))
    return local.astimezone(UTC)


def _day_index(start: datetime, column=Movement.occurred_at):
    """SQL for the whole days between `start` and a time column (both naive UTC in storage)."""
    naive = start.replace(tzinfo=None)
    if db.session.get_bind().dialect.name == "postgresql":
        seconds = func.extract("epoch", column - literal(naive))
        return cast(func.floor(seconds / 86400), Integer)
    return cast(func.julianday(column) - func.julianday(naive.isoformat(" ")), Integer)


def return_demand(start: datetime, end: datetime, item_ids=None):
    """Customer returns as negative demand per item, site and day of their demand (the original pick's day).

    Only returns made before `end` and whose demand day is inside the period: one that takes back
    demand from before the period changes only the stock (the net matrix), like its movement.
    """
    r = StockReturn
    day = _day_index(start, r.demand_at).label("day")
    stmt = (
        select(r.item_id, r.site_id, day, cast(func.sum(-r.quantity), BigInteger))
        .where(r.kind == "customer", r.returned_at < end, r.demand_at >= start, r.demand_at < end)
        .group_by(r.item_id, r.site_id, day)
    )
    return stmt.where(r.item_id.in_(item_ids)) if item_ids is not None else stmt


def return_demand_totals(start: datetime, end: datetime) -> dict[tuple[int, int], int]:
    """The same negative demand of customer returns, summed per (item, site) over the period (the stock list's)."""
    totals: dict[tuple[int, int], int] = {}
    for item_id, site_id, _day, qty in db.session.execute(return_demand(start, end)):
        totals[(item_id, site_id)] = totals.get((item_id, site_id), 0) + int(qty)
    return totals


def _int_matrix(stmt, width: int) -> np.ndarray:
    """All rows of an all-integer query as an (n x width) int64 array, straight from the driver's cursor."""
    result = db.session.connection().execute(stmt)
    # Plain integers need no SQLAlchemy row processing, and skipping it is most of the time on 1M rows.
    rows = result.cursor.fetchall()
    result.close()
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=len(rows) * width)
    return flat.reshape(-1, width)


def stocked_pairs(item_ids=None) -> list[tuple[int, int]]:
    """Every (item, site) that has ever held stock, sorted."""
    stmt = select(StockLevel.item_id, Location.site_id).join(Location, StockLevel.location_id == Location.id).distinct()
    if item_ids is not None:
        stmt = stmt.where(StockLevel.item_id.in_(item_ids))
    return sorted(tuple(r) for r in db.session.execute(stmt))


def _row_indices(keys: np.ndarray, pairs: list[tuple[int, int]], width: int) -> tuple[np.ndarray, np.ndarray]:
    """Row index of each (item, site) key in `pairs` (sorted), and a mask of keys that are in it."""
    wanted = np.array([i * width + s for i, s in pairs], dtype=np.int64)
    at = np.searchsorted(wanted, keys).clip(0, max(len(wanted) - 1, 0))
    found = wanted[at] == keys if len(wanted) else np.zeros(keys.shape, bool)
    return at, found


def ledger_matrices(today: date, days: int, tz: str = "Asia/Tokyo", item_ids=None) -> LedgerMatrices:
    """Demand and net-movement matrices of the last `days` local days, and the balances before them."""
    pairs = stocked_pairs(item_ids)
    start = period_start(today, days, tz)
    end = start + timedelta(days=days)
    width = int(db.session.scalar(select(func.max(Location.site_id))) or 0) + 1
    site = Location.site_id
    # Everything before the period falls on day -1: one scan gives the opening balances too.
    day = case((Movement.occurred_at < start, -1), else_=_day_index(start)).label("day")
    # PostgreSQL sums bigints as numeric (Decimal in Python): cast back so the cursor yields ints.
    total = lambda x: cast(func.sum(x), BigInteger)  # noqa: E731
    demand = total(case((Movement.type.in_(DEMAND_TYPES), -Movement.quantity), else_=0))
    daily = (
        select(Movement.item_id, site, day, total(Movement.quantity), demand)
        .join(Location, Movement.location_id == Location.id)
        .where(Movement.occurred_at < end)
        .group_by(Movement.item_id, site, day)
    )
    if item_ids is not None:
        daily = daily.where(Movement.item_id.in_(item_ids))

    rows = _int_matrix(daily, 5)
    at, found = _row_indices(rows[:, 0] * width + rows[:, 1], pairs, width)
    shape = (len(pairs), days)
    net = daily_matrix(at[found], rows[found, 2], rows[found, 3], shape)
    issued = daily_matrix(at[found], rows[found, 2], rows[found, 4], shape)
    back = _int_matrix(return_demand(start, end, item_ids), 4)
    at_back, found_back = _row_indices(back[:, 0] * width + back[:, 1], pairs, width)
    issued += daily_matrix(at_back[found_back], back[found_back, 2], back[found_back, 3], shape)
    prior = found & (rows[:, 2] < 0)
    opening = np.bincount(at[prior], weights=rows[prior, 3], minlength=len(pairs)).astype(np.float64)
    return LedgerMatrices(pairs, (start.astimezone(ZoneInfo(tz))).date(), issued, net, opening)
