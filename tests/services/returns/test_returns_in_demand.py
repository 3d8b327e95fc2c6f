"""A customer return is negative demand on the day of its pick, in the engine's series and the KPIs alike;
a return to a supplier is never demand."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from tests.services.returns.returns_world import customer_return, picked_world, received_order, supplier_return
from webapp.extensions import db
from webapp.models import ReplenishmentResult
from webapp.services.replenishment import ledger_matrices, recompute
from webapp.services.returns import record_customer_return, record_supplier_return
from webapp.services.stock import StockFilter, stock_table

TODAY = date(2026, 11, 20)
DAYS = 7  # the 14th to the 20th: the pick of the 18th is day 4, the return of the 20th day 6


@pytest.fixture
def world(app):
    return picked_world()


def series(item) -> tuple[list[float], list[float]]:
    """The item's daily demand and net movement at Tokyo over the week."""
    m = ledger_matrices(TODAY, DAYS, item_ids=[item.id])
    [row] = [r for r, (i, _) in enumerate(m.pairs) if i == item.id]
    return m.demand[row].tolist(), m.net[row].tolist()


def kpis(item) -> dict:
    """The engine's stored KPIs of the item over the week, as plain values."""
    recompute(TODAY, period_days=DAYS)
    db.session.expire_all()
    r = db.session.scalar(select(ReplenishmentResult).where(ReplenishmentResult.item_id == item.id))
    return {"issued": r.issued_qty, "turnover": r.turnover, "on_hand": r.on_hand}


def test_a_return_against_its_pick_list_takes_back_demand_on_the_day_of_the_pick(world):
    record_customer_return(customer_return(1), world["worker_id"])
    demand, net = series(world["clock"])
    assert demand == [0, 0, 0, 0, 3, 0, 0]  # picked 4 on the 18th, one came back
    assert net == [0, 0, 0, 0, -4, 0, 1]  # the stock came back on the 20th


def test_a_return_without_its_pick_list_is_negative_demand_on_the_day_it_came_back(world):
    record_customer_return(customer_return(1, pick_list=""), world["worker_id"])
    demand, net = series(world["clock"])
    assert demand == [0, 0, 0, 0, 4, 0, -1] and net == [0, 0, 0, 0, -4, 0, 1]


def test_the_kpis_count_the_same_net_demand_as_the_engine(world):
    before = kpis(world["clock"])
    assert before["issued"] == 4
    record_customer_return(customer_return(1), world["worker_id"])
    after = kpis(world["clock"])
    demand, _ = series(world["clock"])
    assert after["issued"] == sum(demand) == 3
    # Less issued and (from the 20th) one more on the shelf: the turnover falls.
    assert after["turnover"] < before["turnover"]


def test_a_return_made_after_the_period_is_not_in_it(world):
    record_customer_return(customer_return(1, returned_at=datetime(2026, 11, 22, 2, 0, tzinfo=UTC)), world["worker_id"])
    demand, net = series(world["clock"])
    assert demand == [0, 0, 0, 0, 4, 0, 0] and net[-1] == 0


def test_a_return_to_the_supplier_is_not_demand_but_leaves_the_stock(world):
    po, line = received_order(world)
    before = kpis(world["tea"])
    record_supplier_return(supplier_return(po, line, 6), world["manager_id"])
    demand, net = series(world["tea"])
    assert demand == [0] * DAYS and net == [0, 0, 0, 0, 0, 0, -6]
    after = kpis(world["tea"])
    assert (before["issued"], after["issued"], after["on_hand"]) == (0, 0, 18)


def test_a_return_of_a_pick_before_the_period_takes_no_demand_from_the_period(world):
    record_customer_return(customer_return(1), world["worker_id"])
    m = ledger_matrices(TODAY, 2)  # the 19th and the 20th; the pick was on the 18th
    [row] = [r for r, (i, _) in enumerate(m.pairs) if i == world["clock"].id]
    assert m.demand[row].tolist() == [0, 0] and m.net[row].tolist() == [0, 1]


def stock_row(item, first=date(2026, 11, 14)) -> dict:
    """The stock list's row of the item at Tokyo from `first` to today."""
    return next(r for r in stock_table(StockFilter(first, TODAY)) if r["item_id"] == item.id)


def test_the_stock_list_issues_what_the_engine_counts_and_receives_net_of_supplier_returns(world):
    record_customer_return(customer_return(1), world["worker_id"])
    po, line = received_order(world)
    record_supplier_return(supplier_return(po, line, 6), world["manager_id"])
    clock = stock_row(world["clock"])
    assert (clock["issued"], clock["adjusted"], clock["current"]) == (sum(series(world["clock"])[0]), 0, 7)
    tea = stock_row(world["tea"], first=date(2026, 11, 10))
    assert (tea["received"], tea["issued"], tea["adjusted"], tea["current"]) == (18, 0, 0, 18)
    # From the 19th the pick of the 18th is before the period: the return is stock coming back, not demand.
    later = stock_row(world["clock"], first=date(2026, 11, 19))
    assert (later["issued"], later["adjusted"]) == (0, 1)
