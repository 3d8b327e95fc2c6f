"""The replenishment engine and the manager's numbers: daily demand rebuilt from the ledger, safety
stock, reorder point and order quantity per item and site (with overrides), turnover, days of stock,
ABC and dead stock, the days-of-stock band of each category (the owner's or the reference one), and the
dashboard built on them; the nightly forecast per row (method chosen on a holdout) stored and scored
against actual.
"""

from .bands import MAX_BAND_DAYS, category_bands, reset_category_band, set_category_band
from .dashboard_data import dashboard, item_policy, stock_history
from .engine import recompute, set_override
from .forecast_data import forecast_dashboard, item_forecasts
from .kpis import row_kpis, totals
from .matrices import ledger_matrices, period_start, return_demand_totals
from .stock_value import service_value_curves

__all__ = [
    "MAX_BAND_DAYS",
    "category_bands",
    "dashboard",
    "forecast_dashboard",
    "item_forecasts",
    "item_policy",
    "ledger_matrices",
    "period_start",
    "recompute",
    "reset_category_band",
    "return_demand_totals",
    "row_kpis",
    "service_value_curves",
    "set_category_band",
    "set_override",
    "stock_history",
    "totals",
]
