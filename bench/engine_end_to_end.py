"""The whole engine from the database vs a fair pandas version of the same numbers, both from the movements table.

Generates a realistic ledger (default 2,000 items x 365 days, 2 sites) into a SQLite file, then times:
  engine: SQL day aggregates -> numpy matrices -> balances, turnover, days of stock, ABC (the service path);
  pandas: read_sql of the same movements -> groupby/pivot -> the same numbers.
Both must agree. Usage: .venv/bin/python bench/engine_end_to_end.py [--items 2000] [--days 365] [--file path]
"""

import argparse
import os
import sys
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import insert, text

from webapp import create_app
from webapp.extensions import db
from webapp.models import Item, Location, Movement, Site
from webapp.services.replenishment import (
    ledger_matrices,
    period_start,
    row_kpis,
)

TZ = "Asia/Tokyo"
TODAY = date(2026, 11, 20)


def generate(n_items: int, days: int, seed: int = 7) -> int:
    """Items with Poisson or intermittent demand at two sites; weekly receipts; a year of history before today."""
    rng = np.random.default_rng(seed)
    db.session.add_all([Site(code="TKY", name="東京倉庫"), Site(code="OSK", name="大阪店", kind="store")])
    db.session.flush()
    db.session.add_all([Location(site_id=1, code="TKY-A", name="A"), Location(site_id=2, code="OSK-S", name="S")])
    costs = rng.integers(50, 5000, n_items)
    db.session.execute(
        insert(Item.__table__),
        [
            {
                "code": f"ITEM-{i:05d}",
                "name": f"品目 {i}",
                "name_en": "",
                "stock_class": ("material", "wip", "product")[i % 3],
                "category": ("supermarket", "apparel", "general")[i % 3],
                "unit": "pcs",
                "unit_cost": Decimal(int(costs[i])),
                "unit_price": Decimal(int(costs[i] * 2)),
                "lead_time_days": 3,
                "review_interval_days": 1,
                "service_level": Decimal("0.95"),
                "safety_stock": 0,
                "reorder_point": 0,
                "min_order_qty": 1,
                "order_multiple": 1,
                "note": "",
                "active": True,
                "version": 1,
                "created_at": datetime.now(UTC),
                "updated_at": datetime.now(UTC),
            }
            for i in range(n_items)
        ],
    )
    start = period_start(TODAY, days, TZ)
    rate = rng.gamma(1.0, 4.0, (n_items, 2))
    sparse = rng.random(n_items) < 0.3  # intermittent items: demand on about 1 day in 8
    demand = rng.poisson(rate[:, :, None] * np.where(sparse, 8, 1)[:, None, None], (n_items, 2, days))
    demand *= ~(sparse[:, None, None] & (rng.random((n_items, 2, days)) > 0.125))
    rows, now = [], datetime.now(UTC)
    for i in range(n_items):
        for s in (0, 1):
            weekly = int(rate[i, s] * 7 * (8 if sparse[i] else 1)) + 5
            stock = weekly * 2
            rows.append((i + 1, s + 1, "receive", stock, start - timedelta(days=1)))
            for d in np.flatnonzero(demand[i, s]):
                if d % 7 == 0:
                    rows.append((i + 1, s + 1, "receive", weekly, start + timedelta(days=int(d), hours=1)))
                rows.append((i + 1, s + 1, "pick", -int(demand[i, s, d]), start + timedelta(days=int(d), hours=5)))
    db.session.execute(
        insert(Movement.__table__),
        [
            {
                "type": t,
                "item_id": i,
                "location_id": loc,
                "quantity": q,
                "occurred_at": at,
                "recorded_at": now,
                "lot": "",
                "unit_cost": 0,
                "note": "",
            }
            for i, loc, t, q, at in rows
        ],
    )
    db.session.execute(
        text(
            "INSERT INTO stock_levels (item_id, location_id, lot, quantity) SELECT item_id, "
            "location_id, '', SUM(quantity) FROM movements GROUP BY item_id, location_id"
        )
    )
    db.session.commit()
    return len(rows)


def engine(days: int) -> dict:
    m = ledger_matrices(TODAY, days, TZ)
    ids = np.array([i for i, _ in m.pairs])
    attrs = db.session.execute(text("SELECT id, unit_cost, unit_price, category FROM items ORDER BY id")).all()
    cost = np.array([a[1] for a in attrs], float)[ids - 1] / 1e4
    price = np.array([a[2] for a in attrs], float)[ids - 1] / 1e4
    category = np.array([a[3] for a in attrs])[ids - 1]
    on_hand = m.opening + m.net.sum(axis=1)
    k = row_kpis(m.demand, m.net, m.opening, on_hand, cost, price, category)
    return {"pairs": m.pairs, **{n: k[n] for n in ("average_inventory", "turnover", "days_of_stock_cost", "abc")}}


def with_pandas(days: int) -> dict:
    start = period_start(TODAY, days, TZ).replace(tzinfo=None)
    moves = pd.read_sql(
        "SELECT m.item_id, l.site_id, m.type, m.quantity, m.occurred_at FROM movements m "
        "JOIN locations l ON l.id = m.location_id",
        db.engine,
        parse_dates=["occurred_at"],
    )
    items = pd.read_sql("SELECT id, unit_cost, unit_price, category FROM items", db.engine, index_col="id")
    moves["day"] = (moves["occurred_at"] - start).dt.days
    inside = moves[moves["day"] >= 0]
    opening = moves[moves["day"] < 0].groupby(["item_id", "site_id"])["quantity"].sum()
    net = inside.pivot_table(
        index=["item_id", "site_id"], columns="day", values="quantity", aggfunc="sum", fill_value=0
    ).reindex(columns=range(days), fill_value=0)
    picks = inside[inside["type"] == "pick"]
    issued_daily = (
        -picks.pivot_table(index=["item_id", "site_id"], columns="day", values="quantity", aggfunc="sum", fill_value=0)
    ).reindex(columns=range(days), fill_value=0)
    index = net.index.union(opening.index).sort_values()
    net, issued_daily = net.reindex(index, fill_value=0), issued_daily.reindex(index, fill_value=0)
    opening = opening.reindex(index, fill_value=0)
    balances = net.cumsum(axis=1).add(opening, axis=0)
    average = balances.mean(axis=1)
    issued = issued_daily.sum(axis=1)
    cost = items["unit_cost"].reindex(index.get_level_values(0)).to_numpy() / 1e4
    on_hand = balances.iloc[:, -1]
    value = issued * cost
    ranked = value.sort_values(ascending=False, kind="stable")
    before = (ranked.cumsum() - ranked) / ranked.sum()
    abc = pd.Series(np.where(before < 0.8, "A", np.where(before < 0.95, "B", "C")), index=ranked.index)
    abc[ranked <= 0] = "C"
    with np.errstate(divide="ignore", invalid="ignore"):
        return {
            "pairs": list(index),
            "average_inventory": average.to_numpy(),
            "turnover": (value / (average * cost)).to_numpy(),
            "days_of_stock_cost": (on_hand * cost / (value / days)).to_numpy(),
            "abc": abc.reindex(index).to_numpy(),
        }


def best_of(fn, runs: int) -> tuple[float, dict]:
    times, out = [], None
    for _ in range(runs):
        db.session.remove()
        began = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - began)
    return min(times), out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", default="/tmp/engine_end_to_end.sqlite3")
    args = parser.parse_args()
    fresh = not os.path.exists(args.file)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{args.file}"})
    with app.app_context():
        if fresh:
            from flask_migrate import upgrade

            upgrade()
            began = time.perf_counter()
            n = generate(args.items, args.days)
            print(
                f"generated {n:,} movements for {args.items:,} items x 2 sites x {args.days} days "
                f"in {time.perf_counter() - began:.1f} s -> {args.file}"
            )
        rows = db.session.scalar(text("SELECT COUNT(*) FROM movements"))
        t_engine, e = best_of(lambda: engine(args.days), args.runs)
        t_pandas, p = best_of(lambda: with_pandas(args.days), args.runs)
        assert e["pairs"] == [tuple(x) for x in p["pairs"]], "different rows"
        for name in ("average_inventory", "turnover", "days_of_stock_cost"):
            assert np.allclose(e[name], p[name], rtol=1e-9, equal_nan=True), name
        assert (e["abc"] == p["abc"]).all(), "abc"
        print(f"{rows:,} movements, {len(e['pairs']):,} item x site rows, best of {args.runs}")
        print(f"engine (SQL day aggregates + numpy): {t_engine * 1000:8.0f} ms")
        print(
            f"pandas (read_sql + groupby/pivot):   {t_pandas * 1000:8.0f} ms   ({t_pandas / t_engine:.1f}x the engine)"
        )
        print("same numbers: average inventory, turnover, days of stock (cost), ABC class")


if __name__ == "__main__":
    main()
