"""The manager's numbers per item and site, from the ledger matrices, all rows at once."""

import numpy as np

from ...domain import classification as cl
from ...domain import kpis

DEAD_STOCK_DAYS = 30


def row_kpis(
    demand: np.ndarray,
    net: np.ndarray,
    opening: np.ndarray,
    on_hand: np.ndarray,
    unit_cost: np.ndarray,
    unit_price: np.ndarray,
    category: np.ndarray,
    idle_days: int = DEAD_STOCK_DAYS,
    bands=None,
) -> dict[str, np.ndarray]:
    """Turnover, turnover days, cross ratio, days of stock (cost and sales), ABC, dead stock, band flags."""
    days = demand.shape[1]
    issued = demand.sum(axis=1)
    average = kpis.average_inventory(opening, net)
    # Valued at the item's standard cost, so the value and quantity turnovers agree per row;
    # they differ once rows are added up (by stock class, for the whole business).
    turns = kpis.turnover(issued * unit_cost, average * unit_cost)
    margin = kpis.gross_margin_ratio(unit_price, unit_cost)
    dos_cost = kpis.days_of_stock(on_hand * unit_cost, kpis.average_daily(issued * unit_cost, days))
    dos_sales = kpis.days_of_stock(on_hand * unit_price, kpis.average_daily(issued * unit_price, days))
    since = cl.days_since_last_demand(demand)
    with np.errstate(invalid="ignore"):  # inf turns x no margin (materials sold at 0) is undefined
        cross = kpis.cross_ratio(turns, margin)
    return {
        "issued": issued,
        "average_inventory": average,
        "turnover": turns,
        "turnover_days": kpis.turnover_days(days, turns),
        "cross_ratio": cross,
        "days_of_stock_cost": dos_cost,
        "days_of_stock_sales": dos_sales,
        "days_since_demand": since,
        "abc": cl.abc_classes(issued * unit_cost),
        "dead": cl.dead_stock(since, on_hand, idle_days),
        "band": cl.days_of_stock_flags(dos_cost, category, bands),
    }


def totals(issued_value, average_value, sales_value, stock_value, days: int) -> dict[str, float]:
    """Business-wide KPIs from summed values: turnover, turnover days, cross ratio, days of stock."""
    turns = float(kpis.turnover(issued_value, average_value))
    margin = float(kpis.gross_margin_ratio(sales_value, issued_value))
    return {
        "turnover": turns,
        "turnover_days": float(kpis.turnover_days(days, turns)),
        "gross_margin": margin,
        "cross_ratio": float(kpis.cross_ratio(turns, margin)),
        "days_of_stock": float(kpis.days_of_stock(stock_value, kpis.average_daily(issued_value, days))),
    }
