"""Expiry: the shop's today (its own time zone), the expiry of each lot in stock, and expiry alerts raised
N days before a lot expires (the item's days or its category's), one per item, site, bin and lot, resolved
when the lot is gone or quarantined. Allocation (picking) and scan rules (scanning) read their dates here.
"""

from .alerts import EXPIRY_KIND, check_expiry_alerts, run_expiry_alerts
from .lots import lot_expiries
from .today import shop_today

__all__ = ["EXPIRY_KIND", "check_expiry_alerts", "lot_expiries", "run_expiry_alerts", "shop_today"]
