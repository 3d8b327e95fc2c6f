"""Returns: goods a customer brings back (into any active bin the user chooses, with a reason, checked
against the original pick list when it is known) and goods sent back to a supplier (against a purchase
order line, never more than received net of earlier returns, from stock in the bin). Each is one
`stock_returns` row and one ledger movement (`customer_return`, `supplier_return`) posted exactly once
under the caller's request id; a supplier return takes its units off the line's received quantity and
sends a fully received order back to partly received (the supplier owes them again) unless it was
closed short. A customer return is negative demand on the day of its original pick (read by the
replenishment ledger matrices); a supplier return is never demand.
"""

from .customer import CustomerReturnIn, record_customer_return
from .listing import active_bins, return_sources, returned_by_line, returns_listing
from .outcome import ReturnOutcome
from .supplier import SupplierReturnIn, record_supplier_return

__all__ = [
    "CustomerReturnIn",
    "ReturnOutcome",
    "SupplierReturnIn",
    "active_bins",
    "record_customer_return",
    "record_supplier_return",
    "return_sources",
    "returned_by_line",
    "returns_listing",
]
