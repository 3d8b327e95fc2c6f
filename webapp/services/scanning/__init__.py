"""Scans, exactly once: a batch is resolved (barcodes, GS1, item codes, bins), planned into scan rows
and ledger movements, checked against its task, stored under its device UUID and applied in one
transaction; unknown codes wait until a manager maps them; phones get reference data by delta.
"""

from .apply import apply_scans, stored_outcomes
from .reference import reference_data
from .types import Actor, ScanIn, ScanOutcome
from .unresolved import map_code, unresolved_codes

__all__ = [
    "Actor",
    "ScanIn",
    "ScanOutcome",
    "apply_scans",
    "map_code",
    "reference_data",
    "stored_outcomes",
    "unresolved_codes",
]
