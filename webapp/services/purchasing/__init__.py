"""Buying stock: purchase orders (by hand, by CSV, or drafted from the order suggestions grouped by
supplier) through their life — drafts edited in whole packs and merged per supplier, confirmed, sent,
received against their lines (over and short recorded), closed short, cancelled and reopened, each step
with who and when — the order document (発注書) as a PDF with the shop's company block, sending it to the
supplier by e-mail and FAX in the supplier's wording with a delivery log and retries, and automatic
ordering per supplier at the owner's times of day with the reasons kept per line.
"""

from .auto_ordering import auto_order_log, auto_times_fields, run_auto_ordering
from .company import company_profile, document_languages, save_company_profile, set_document_language
from .drafts import add_draft_line, remove_draft_line, update_draft, update_draft_line
from .history import order_history, order_summary, orders_listing
from .life import cancel_order, confirm_order, mark_sent, merge_drafts, reopen_order
from .order_document import order_document, order_pdf
from .order_policy import eoq_settings, item_eoq_by_site, save_eoq_settings
from .orders import (
    add_purchase_order,
    close_short,
    create_purchase_order,
    import_purchase_orders,
    order_lines,
    release_purchase_order,
)
from .receiving import receive_on_order, reopen_received_order, take_back_receipt
from .sending import delivery_log, retry_fields, retry_order_deliveries, send_order
from .sending_settings import AUTO_MODES, CHANNELS, save_supplier_sending, sending_overview, supplier_sending
from .suggestions import draft_purchase_orders, suggestion_rows, suggestions_by_supplier

__all__ = [
    "AUTO_MODES",
    "CHANNELS",
    "add_draft_line",
    "add_purchase_order",
    "auto_order_log",
    "auto_times_fields",
    "cancel_order",
    "close_short",
    "company_profile",
    "confirm_order",
    "create_purchase_order",
    "delivery_log",
    "document_languages",
    "draft_purchase_orders",
    "eoq_settings",
    "import_purchase_orders",
    "item_eoq_by_site",
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
    "retry_fields",
    "retry_order_deliveries",
    "run_auto_ordering",
    "save_company_profile",
    "save_eoq_settings",
    "save_supplier_sending",
    "send_order",
    "sending_overview",
    "set_document_language",
    "suggestion_rows",
    "suggestions_by_supplier",
    "supplier_sending",
    "take_back_receipt",
    "update_draft",
    "update_draft_line",
]
