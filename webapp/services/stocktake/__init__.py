"""Stocktake: count sessions by site, zone, bins or items, blind by default, movements during the
count netted out; the review by quantity and value, recounts, and approval posting the adjustments
(only by the session's creator, its assignee or a manager). An open session's scope (bins, items)
is locked so no second session overlaps it. Cycle counting: intervals per ABC class, last counted
per item and bin, the day's due list and the sessions generated from it.
"""

from .counts import approve, counter_view, ledger_at_count, request_recount, review, scope_bins, start_count
from .cycle_due import due_list, generate_due_sessions, last_counted
from .cycle_settings import cycle_settings, save_cycle_settings

__all__ = [
    "approve",
    "counter_view",
    "cycle_settings",
    "due_list",
    "generate_due_sessions",
    "last_counted",
    "ledger_at_count",
    "request_recount",
    "review",
    "save_cycle_settings",
    "scope_bins",
    "start_count",
]
