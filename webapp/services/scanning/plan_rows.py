"""The shapes a planned scan takes: the plan, the refusal, and the scan and ledger rows it will write."""

from dataclasses import dataclass, field

from ...domain.scanning import deltas_for
from .context import ScanContext, load_fullest_bins
from .types import Actor, ScanIn, ScanOutcome

OUTBOUND = {"pick", "move"}


class Rejected(Exception):
    """A scan that cannot be applied as sent; the device keeps it in its 'needs attention' list."""

    def __init__(self, reason: str, message: str, **params):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.params = params or None  # what the device's translated message for `reason` is filled with


class Refused(Rejected):
    """A task scan its task refuses once the scan row is stored (the line was taken meanwhile, the task closed)."""


@dataclass
class Plan:
    pos: int
    scan: ScanIn
    row: dict
    movements: list[dict] = field(default_factory=list)
    outcome: ScanOutcome | None = None
    cancels: object = None  # scan uuid of an unresolved scan this undo cancels


def default_bin(ctx: ScanContext, mode: str, quantity: int, item_id: int | None, site_id: int):
    """The bin a scan without one applies to: the fullest bin for outbound, else the receiving bin."""
    if item_id is not None and (mode in OUTBOUND or (mode == "adjust" and quantity < 0)):
        load_fullest_bins(ctx, {(item_id, site_id)})
        loc_id = ctx.fullest_bin.get((item_id, site_id))
        if loc_id is not None:
            return ctx.locations_by_id[loc_id]
    ref = ctx.receiving_bin.get(site_id)
    if ref is None:
        raise Rejected("no_location", "This site has no receiving bin: scan a bin first.")
    return ref


def scan_row(scan: ScanIn, actor: Actor, **values) -> dict:
    """The `scans` table row for a scan (status and resolution passed in `values`)."""
    row = {
        "scan_id": scan.scan_id,
        "mode": scan.mode,
        "code": scan.code,
        "code_key": "",
        "quantity": scan.quantity,
        "units": None,
        "location_code": scan.location,
        "to_location_code": scan.to_location,
        "undo_of": scan.undo_of,
        "task_id": scan.task_id,
        "site_id": None,
        "item_id": None,
        "location_id": None,
        "to_location_id": None,
        "lot": scan.lot or "",
        "expiry": scan.expiry,
        "serial": "",
        "message": "",
        "user_id": actor.user_id,
        "device_id": actor.device_id,
        "occurred_at": scan.occurred_at,
        "resolved_at": None,
    }
    row.update(values)
    return row


def movement_rows(scan_row_: dict, mode: str, quantity: int, ctx: ScanContext) -> list[dict]:
    """Ledger rows for a resolved scan row."""
    item = ctx.items[scan_row_["item_id"]]
    return [
        {
            "type": mode,
            "item_id": item.id,
            "location_id": d.location_id,
            "quantity": d.quantity,
            "lot": scan_row_["lot"],
            "expiry": scan_row_["expiry"],
            "serial": scan_row_.get("serial", ""),
            "unit_cost": item.unit_cost,
            "user_id": scan_row_["user_id"],
            "device_id": scan_row_["device_id"],
            "scan_id": scan_row_["scan_id"],
            "task_id": scan_row_["task_id"],
            "occurred_at": scan_row_["occurred_at"],
        }
        for d in deltas_for(mode, quantity, scan_row_["location_id"], scan_row_["to_location_id"])
    ]
