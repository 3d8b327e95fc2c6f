"""The shared core every capability builds on: one transaction per service call (with retries and the
SQLite writer turn), the audit trail of settings changes (`record_change`, in the caller's
transaction), the append-only stock ledger and its level projection, bulk inserts through the
driver, and the stock position of an item at a site (on hand, on order, reorder point and safety
stock as override > engine result > item field).
"""

from .audit import CHANGED, field_changes, is_secret, record_change
from .audit_log import AuditFilter, audit_csv, audit_kinds, audit_page
from .bulk import driver_insert
from .ledger import LevelKey, current_levels, insert_ignore, post_movements
from .position import expanding, on_hand_by_site, on_order_by_site, position_columns
from .reorder_policy import pair_params, policy_columns, reorder_point, reorder_points, safety_stocks
from .tx import transactional, writer_turn

__all__ = [
    "CHANGED",
    "AuditFilter",
    "LevelKey",
    "audit_csv",
    "audit_kinds",
    "audit_page",
    "current_levels",
    "driver_insert",
    "expanding",
    "field_changes",
    "insert_ignore",
    "is_secret",
    "on_hand_by_site",
    "on_order_by_site",
    "pair_params",
    "policy_columns",
    "position_columns",
    "post_movements",
    "record_change",
    "reorder_point",
    "reorder_points",
    "safety_stocks",
    "transactional",
    "writer_turn",
]
