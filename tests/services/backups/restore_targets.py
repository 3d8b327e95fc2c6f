"""Fresh databases to restore into: a new SQLite file, or a new PostgreSQL database made for the test."""

import contextlib
import uuid

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from tests.conftest import on_postgresql
from webapp import create_app
from webapp.extensions import db
from webapp.models import Movement, Scan, StockLevel


@contextlib.contextmanager
def fresh_database(app_url: str, tmp_path):
    """The URL of an empty database beside the app's: same server and schema name on PostgreSQL."""
    if not on_postgresql():
        yield f"sqlite:///{tmp_path / f'restored-{uuid.uuid4().hex[:6]}.sqlite3'}"
        return
    name = f"restore_{uuid.uuid4().hex[:10]}"
    server = make_url(app_url).set(database="postgres", query={})
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(app_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@contextlib.contextmanager
def app_on(url: str, backup_dir):
    """An app of this code on `url`, its context pushed, sharing the test's backup folder."""
    other = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "BACKUP_DIR": str(backup_dir)})
    with other.app_context():
        try:
            yield other
        finally:
            db.session.remove()
            db.engine.dispose()


def ledger_snapshot(up_to_movement: int | None = None) -> dict:
    """The ledger rows (up to a movement id), the stock each key would hold from them, and the stored levels."""
    query = select(Movement.id, Movement.item_id, Movement.location_id, Movement.lot, Movement.quantity)
    if up_to_movement is not None:
        query = query.where(Movement.id <= up_to_movement)
    movements = [tuple(row) for row in db.session.execute(query.order_by(Movement.id))]
    totals: dict = {}
    for _id, item, location, lot, quantity in movements:
        totals[(item, location, lot)] = totals.get((item, location, lot), 0) + quantity
    levels = {
        (r.item_id, r.location_id, r.lot): r.quantity
        for r in db.session.execute(
            select(StockLevel.item_id, StockLevel.location_id, StockLevel.lot, StockLevel.quantity)
        )
        if r.quantity
    }
    return {
        "movements": movements,
        "from_ledger": {k: v for k, v in totals.items() if v},
        "levels": levels,
        "scans": db.session.scalar(select(func.count()).select_from(Scan)),
    }
