"""Buying stock: purchase orders (by hand, by CSV, or drafted from the order suggestions grouped by
supplier), released from draft, received against their lines (over and short recorded), closed short.
"""

from .orders import (
    add_purchase_order,
    close_short,
    create_purchase_order,
    import_purchase_orders,
    order_lines,
    release_purchase_order,
)
from .receiving import receive_on_order, reopen_received_order, take_back_receipt
from .suggestions import draft_purchase_orders, suggestion_rows, suggestions_by_supplier

__all__ = [
    "add_purchase_order",
    "close_short",
    "create_purchase_order",
    "draft_purchase_orders",
    "import_purchase_orders",
    "order_lines",
    "receive_on_order",
    "release_purchase_order",
    "reopen_received_order",
    "suggestion_rows",
    "suggestions_by_supplier",
    "take_back_receipt",
]
