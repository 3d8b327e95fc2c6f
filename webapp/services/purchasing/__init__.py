"""Buying stock: purchase orders (by hand, by CSV, or drafted from the order suggestions grouped by
supplier) through their life — drafts edited in whole packs and merged per supplier, confirmed, sent,
received against their lines (over and short recorded), closed short, cancelled and reopened, each step
with who and when — and the order document (発注書) as a PDF with the shop's company block.
"""

from .company import company_profile, document_languages, save_company_profile, set_document_language
from .drafts import add_draft_line, remove_draft_line, update_draft, update_draft_line
from .history import order_history, order_summary, orders_listing
from .life import cancel_order, confirm_order, mark_sent, merge_drafts, reopen_order
from .order_document import order_document, order_pdf
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
    "add_draft_line",
    "add_purchase_order",
    "cancel_order",
    "close_short",
    "company_profile",
    "confirm_order",
    "create_purchase_order",
    "document_languages",
    "draft_purchase_orders",
    "import_purchase_orders",
    "mark_sent",
    "merge_drafts",
    "order_document",
    "order_history",
    "order_lines",
    "order_pdf",
    "order_summary",
    "orders_listing",
    "receive_on_order",
    "release_purchase_order",
    "remove_draft_line",
    "reopen_order",
    "reopen_received_order",
    "save_company_profile",
    "set_document_language",
    "suggestion_rows",
    "suggestions_by_supplier",
    "take_back_receipt",
    "update_draft",
    "update_draft_line",
]
