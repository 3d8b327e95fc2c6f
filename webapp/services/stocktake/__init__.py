"""Stocktake: count sessions by site, zone, bins or items, blind by default, movements during the
count netted out; the review by quantity and value, recounts, and approval posting the adjustments.
"""

from .counts import approve, counter_view, ledger_at_count, request_recount, review, scope_bins, start_count

__all__ = ["approve", "counter_view", "ledger_at_count", "request_recount", "review", "scope_bins", "start_count"]
