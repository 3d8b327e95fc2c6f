"""Demo data: two sites with bins, about 50 items with JAN codes, suppliers and six weeks of history."""

import math
import random
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from ...domain.gtin import gtin_check_digit
from ...extensions import db
from ...models import Barcode, Item, Location, Site, Supplier
from ..core import post_movements, transactional
from ..notifications import check_stock_alerts
from .demo_catalog import ITEMS, SUPPLIERS

HISTORY_DAYS = 42
JAN_COMPANY = "4912345"  # 49 = GS1 Japan; a made-up company prefix
CASE_ITEM = "TEA-SENCHA"


def jan_for(index: int) -> str:
    """A valid JAN (EAN-13) for the demo item at `index`."""
    body = f"{JAN_COMPANY}{index:05d}"
    return body + str(gtin_check_digit(body))


def case_gtin_for(jan: str) -> str:
    """The ITF-14 case code of a JAN: packaging indicator 1, then a fresh check digit."""
    body = "1" + jan[:12]
    return body + str(gtin_check_digit(body))


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method is fine for the small means of a demo catalog.
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def has_data() -> bool:
    return bool(db.session.scalar(select(func.count()).select_from(Item)))


@transactional
def seed_demo(today: datetime | None = None, seed: int = 2026) -> dict:
    """Load the demo data set into an empty database; returns what was created."""
    if has_data():
        return {"created": False}
    rng = random.Random(seed)
    today = today or datetime.now(UTC)
    suppliers = [Supplier(code=c, name=n, email=e, lead_time_days=lt) for c, n, e, lt in SUPPLIERS]
    db.session.add_all(suppliers)
    tokyo = Site(code="TKY", name="東京倉庫 Tokyo warehouse", kind="warehouse")
    osaka = Site(code="OSK", name="大阪店 Osaka store", kind="store")
    db.session.add_all([tokyo, osaka])
    db.session.flush()
    bins = {tokyo.id: [], osaka.id: []}
    db.session.add(Location(site_id=tokyo.id, code="TKY-RCV", name="入荷場 Receiving", kind="receiving"))
    db.session.add(Location(site_id=osaka.id, code="OSK-RCV", name="バックヤード Backroom", kind="receiving"))
    seq = 0
    for aisle in "ABC":
        for shelf in range(1, 5):
            for level in (1, 2):
                seq += 10
                loc = Location(
                    site_id=tokyo.id,
                    code=f"{aisle}-{shelf:02d}-{level:02d}",
                    zone=aisle,
                    name=f"{aisle}通路 {shelf}棚 {level}段",
                    walk_seq=seq,
                )
                bins[tokyo.id].append(loc)
    for shelf in range(1, 7):
        bins[osaka.id].append(
            Location(
                site_id=osaka.id, code=f"OSK-S{shelf:02d}", zone="S", name=f"売場 {shelf}番棚", walk_seq=shelf * 10
            )
        )
    db.session.add_all(bins[tokyo.id] + bins[osaka.id])
    db.session.flush()

    moves = []
    start = datetime.combine((today - timedelta(days=HISTORY_DAYS)).date(), time(0, 0), tzinfo=UTC)
    for index, (code, name, name_en, klass, category, unit, cost, price, mean) in enumerate(ITEMS, start=1):
        supplier = suppliers[
            0 if category in ("general", "apparel") else 1 if category in ("supermarket", "fresh_food") else 2
        ]
        lead = supplier.lead_time_days
        rop = math.ceil(mean * lead + 1.65 * math.sqrt(mean * (lead + 1)))
        item = Item(
            code=code,
            name=name,
            name_en=name_en,
            stock_class=klass,
            category=category,
            unit=unit,
            unit_cost=Decimal(cost),
            unit_price=Decimal(price),
            lead_time_days=lead,
            review_interval_days=1,
            supplier_id=supplier.id,
            reorder_point=rop,
            safety_stock=rop - math.ceil(mean * lead),
            min_order_qty=max(1, round(mean * 3)),
            order_multiple=12 if code == CASE_ITEM else 1,
            case_qty=12 if code == CASE_ITEM else None,  # the case code below stands for this case
            order_in="case" if code == CASE_ITEM else "each",
        )
        db.session.add(item)
        db.session.flush()
        jan = jan_for(index)
        db.session.add(Barcode(item_id=item.id, code="0" + jan, raw=jan, pack_qty=1))
        if code == CASE_ITEM:
            case = case_gtin_for(jan)
            db.session.add(Barcode(item_id=item.id, code=case, raw=case, pack_qty=12))
        moves.extend(
            _history(
                rng,
                item,
                mean,
                start,
                bins[tokyo.id][index % len(bins[tokyo.id])].id,
                bins[osaka.id][index % len(bins[osaka.id])].id if index % 3 == 0 else None,
            )
        )
    post_movements(moves)
    sites_of = {loc.id: loc.site_id for locs in bins.values() for loc in locs}
    check_stock_alerts({(m["item_id"], sites_of[m["location_id"]]) for m in moves})
    return {"created": True, "items": len(ITEMS), "movements": len(moves), "sites": 2}


STORE_SHARE = 0.4  # the Osaka store sells about 40% of what Tokyo ships, from weekly transfers


def _history(rng, item, mean, start, tokyo_bin, osaka_bin):
    """Receipts and daily picks with Poisson demand at Tokyo; for store items, a weekly transfer to
    the Osaka store, which sells from it every day (so its turnover and days of stock are real)."""
    moves, stock, store = [], 0, 0
    store_mean = mean * STORE_SHARE if osaka_bin else 0.0
    base = {"item_id": item.id, "unit_cost": item.unit_cost, "lot": ""}
    for day in range(HISTORY_DAYS):
        at = start + timedelta(days=day, hours=9)
        if stock <= item.reorder_point:
            qty = max(item.min_order_qty, math.ceil((mean + store_mean) * 14) or 1)
            moves.append(base | {"type": "receive", "location_id": tokyo_bin, "quantity": qty, "occurred_at": at})
            stock += qty
        if osaka_bin and day % 7 == 0:
            # Top the store up to two weeks of its sales, from what Tokyo has (after this morning's receipt).
            qty = min(max(1, math.ceil(store_mean * 14)) - store, stock)
            if qty > 0:
                moved = at + timedelta(minutes=30)
                moves.append(base | {"type": "move", "location_id": tokyo_bin, "quantity": -qty, "occurred_at": moved})
                moves.append(base | {"type": "move", "location_id": osaka_bin, "quantity": qty, "occurred_at": moved})
                stock, store = stock - qty, store + qty
        demand = min(_poisson(rng, mean), stock)
        if demand:
            moves.append(
                base
                | {
                    "type": "pick",
                    "location_id": tokyo_bin,
                    "quantity": -demand,
                    "occurred_at": at + timedelta(hours=rng.randint(1, 8)),
                }
            )
            stock -= demand
        sold = min(_poisson(rng, store_mean), store) if osaka_bin else 0
        if sold:
            moves.append(
                base
                | {
                    "type": "pick",
                    "location_id": osaka_bin,
                    "quantity": -sold,
                    "occurred_at": at + timedelta(hours=rng.randint(2, 10)),
                }
            )
            store -= sold
    return moves
