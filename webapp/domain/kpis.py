"""Inventory KPIs shared across departments: turnover, turnover days, cross ratio, days of stock.

Everything broadcasts over numpy arrays (one entry per item x site row) or plain numbers.
Division by zero follows IEEE rules, the same way everywhere: x / 0 is inf for x > 0
(e.g. goods issued with no stock on average: turnover inf; stock that never sells: days
of stock inf) and 0 / 0 is nan (nothing to measure). No warnings are raised.
"""

from __future__ import annotations

import numpy as np


def _ratio(numerator, denominator) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.true_divide(numerator, denominator)


def closing_balances(opening, net_movements: np.ndarray) -> np.ndarray:
    """(rows x days) closing balance of each day: opening + cumulative net movement (in - out)."""
    balances = np.cumsum(net_movements, axis=1, dtype=np.float64)
    balances += np.asarray(opening, dtype=np.float64).reshape(-1, 1)
    return balances


def average_inventory(opening, net_movements: np.ndarray) -> np.ndarray:
    """Mean of the daily closing balances over the period, per row (same units as opening).

    Equal to closing_balances(...).mean(axis=1) but without the (rows x days) temporary:
    the movement of day t (0-based) appears in n - t of the n closing balances.
    """
    n_days = net_movements.shape[1]
    weights = (n_days - np.arange(n_days)) / n_days
    return np.asarray(opening, dtype=np.float64) + net_movements @ weights


def turnover(issued, average_stock) -> np.ndarray:
    """Turns in the period = issued / average inventory (value basis: cost of goods issued / average value)."""
    return _ratio(issued, average_stock)


def turnover_days(days_in_period, turns) -> np.ndarray:
    """Turnover days = days in period / turnover (0 for infinite turnover, inf for no turnover)."""
    return _ratio(days_in_period, turns)


def gross_margin_ratio(sales, cost_of_sales) -> np.ndarray:
    """(sales - cost of sales) / sales, as a fraction."""
    return _ratio(np.subtract(sales, cost_of_sales), sales)


def cross_ratio(turns, margin_ratio) -> np.ndarray:
    """交叉比率 = turnover x gross margin ratio, as a fraction (8 x 0.25 = 2.0, i.e. 200%); inf x 0 is nan."""
    with np.errstate(invalid="ignore"):
        return np.multiply(turns, margin_ratio)


def average_daily(total, days_in_period) -> np.ndarray:
    """Average per day of a period total (e.g. cost of goods issued, sales)."""
    return _ratio(total, days_in_period)


def days_of_stock(stock_value, daily_issue_value) -> np.ndarray:
    """在庫日数 = stock value / average daily issue value, in days.

    Cost basis: stock at cost / average daily cost of goods issued. Sales basis: stock at
    selling price / average daily sales. Both bases take the same function.
    """
    return _ratio(stock_value, daily_issue_value)
