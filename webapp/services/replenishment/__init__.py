"""The replenishment engine and the manager's numbers: daily demand rebuilt from the ledger, safety
stock, reorder point and order quantity per item and site (with overrides), turnover, days of stock,
ABC and dead stock, and the dashboard built on them.
"""

from .dashboard_data import dashboard, item_policy, stock_history
from .engine import recompute, set_override
from .kpis import row_kpis, totals
from .matrices import ledger_matrices, period_start

__all__ = [
    "dashboard",
    "item_policy",
    "ledger_matrices",
    "period_start",
    "recompute",
    "row_kpis",
    "set_override",
    "stock_history",
    "totals",
]
