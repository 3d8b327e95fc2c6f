"""Posting movements: append ledger rows and move stock levels atomically, in the caller's transaction."""

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, insert, select

from ...extensions import db
from ...models import Movement, StockLevel
from ...models.types import utcnow
from .bulk import driver_insert

LEVELS = StockLevel.__table__
_INSERT_MOVEMENTS = insert(Movement.__table__)
OPTIONAL = {
    "serial": "",
    "lot": "",
    "expiry": None,
    "unit_cost": 0,
    "user_id": None,
    "device_id": None,
    "scan_id": None,
    "task_id": None,
    "note": "",
}


@dataclass(frozen=True)
class LevelKey:
    item_id: int
    location_id: int
    lot: str


def _dialect_insert(table):
    """The dialect's INSERT, which knows ON CONFLICT."""
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table)


def insert_ignore(table):
    """INSERT ... ON CONFLICT DO NOTHING for the current dialect."""
    return _dialect_insert(table).on_conflict_do_nothing()


_UPSERTS: dict[str, object] = {}


def _add_to_levels():
    """INSERT a level or, when it exists, add to it in the database: `quantity = quantity + delta`."""
    # Built once per dialect: `excluded` copies the table's columns, too costly per scan.
    dialect = db.session.get_bind().dialect.name
    if dialect not in _UPSERTS:
        stmt = _dialect_insert(LEVELS)
        _UPSERTS[dialect] = stmt.on_conflict_do_update(
            index_elements=[LEVELS.c.item_id, LEVELS.c.location_id, LEVELS.c.lot],
            set_={
                "quantity": LEVELS.c.quantity + stmt.excluded.quantity,
                "expiry": func.coalesce(LEVELS.c.expiry, stmt.excluded.expiry),
            },
        ).returning(LEVELS.c.item_id, LEVELS.c.location_id, LEVELS.c.lot, LEVELS.c.quantity)
    return _UPSERTS[dialect]


def post_movements(rows: list[dict]) -> dict[LevelKey, int]:
    """Append movement rows and apply their sum to stock levels; returns the new level of each touched key.

    Each row needs type, item_id, location_id, quantity, occurred_at and may carry lot, expiry,
    unit_cost, user_id, device_id, scan_id, task_id, note. Must run inside a write transaction.
    """
    if not rows:
        return {}
    # One shape for every row (an executemany takes its columns from the first one), merged in C.
    defaults = {**OPTIONAL, "recorded_at": utcnow()}
    rows = [{**defaults, **row} for row in rows]
    # Core insert: the ORM bulk path inspects every row and costs more than the database does.
    if db.session.get_bind().dialect.name == "sqlite":
        driver_insert(Movement.__table__, rows)
    else:
        db.session.execute(_INSERT_MOVEMENTS, rows)

    deltas: dict[tuple, int] = defaultdict(int)  # plain tuples: a batch adds up a thousand rows here
    expiries: dict[tuple, object] = {}
    for row in rows:
        key = (row["item_id"], row["location_id"], row["lot"])
        deltas[key] += row["quantity"]
        if row["expiry"] is not None:
            expiries.setdefault(key, row["expiry"])
    # Sorted keys: every writer locks stock rows in the same order, so PostgreSQL never deadlocks.
    result = db.session.execute(
        _add_to_levels(),
        [
            {
                "item_id": i,
                "location_id": loc,
                "lot": lot,
                "expiry": expiries.get((i, loc, lot)),
                "quantity": deltas[(i, loc, lot)],
            }
            for i, loc, lot in sorted(deltas)
        ],
    )
    return {LevelKey(i, loc, lot): qty for i, loc, lot, qty in result}


def current_levels(keys) -> dict[LevelKey, int]:
    """Quantities of the given stock keys as this transaction sees them."""
    wanted = set(keys)
    if not wanted:
        return {}
    items = {k.item_id for k in wanted}
    locations = {k.location_id for k in wanted}
    rows = db.session.execute(
        select(StockLevel.item_id, StockLevel.location_id, StockLevel.lot, StockLevel.quantity).where(
            StockLevel.item_id.in_(items), StockLevel.location_id.in_(locations)
        )
    )
    found = {LevelKey(i, loc, lot): qty for i, loc, lot, qty in rows}
    return {k: found.get(k, 0) for k in wanted}
