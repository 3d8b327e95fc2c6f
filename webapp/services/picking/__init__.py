"""Picking: pick lists made by hand or from sales orders, in walk order, with stock allocated at
creation so two pickers cannot take the same last unit; short picks with a reason; completion.
"""

from .allocation import give_back, reserved, take_reserved
from .pick_lists import (
    SHORT_REASONS,
    cancel_pick_list,
    complete_in_transaction,
    complete_pick_list,
    create_pick_list,
    import_sales_orders,
    line_of,
    pick_lines,
    short_in_transaction,
    short_pick,
)

__all__ = [
    "SHORT_REASONS",
    "cancel_pick_list",
    "complete_in_transaction",
    "complete_pick_list",
    "create_pick_list",
    "give_back",
    "import_sales_orders",
    "line_of",
    "pick_lines",
    "reserved",
    "short_in_transaction",
    "short_pick",
    "take_reserved",
]
