"""Reading the stock: lookup of any code, stock by item and bin, the movement history, the ledger
check, serial numbers (where one is, its history, an item's serials in stock), and the office stock
list with the articles' columns for a period (and its CSV for Excel).
"""

from .queries import (
    dated_lots,
    get_item,
    item_for_code,
    item_stock_summary,
    ledger_mismatches,
    lookup,
    movements_page,
    search_items,
    stock_rows,
)
from .report import SORTS, StockFilter, stock_csv, stock_table
from .serials import serial_history, serials_in_stock

__all__ = [
    "SORTS",
    "StockFilter",
    "dated_lots",
    "get_item",
    "item_for_code",
    "item_stock_summary",
    "ledger_mismatches",
    "lookup",
    "movements_page",
    "search_items",
    "serial_history",
    "serials_in_stock",
    "stock_csv",
    "stock_rows",
    "stock_table",
]
