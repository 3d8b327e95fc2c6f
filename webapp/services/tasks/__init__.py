"""What every floor task shares (purchase orders, pick lists, counts): numbers, the event log, the
open/locking rules, lookups of sites, suppliers, bins and items by code, lines from CSV, listing.
"""

from .common import (
    OPEN_STATUSES,
    demand_lines,
    get_task,
    item_id_for,
    list_tasks,
    location_ids_for,
    lock_open_task,
    record_event,
    require_open,
    site_by_code,
    supplier_by_code,
)
from .numbers import add_numbered, new_number
from .order_csv import read_order_rows

__all__ = [
    "OPEN_STATUSES",
    "add_numbered",
    "demand_lines",
    "get_task",
    "item_id_for",
    "list_tasks",
    "location_ids_for",
    "lock_open_task",
    "new_number",
    "read_order_rows",
    "record_event",
    "require_open",
    "site_by_code",
    "supplier_by_code",
]
