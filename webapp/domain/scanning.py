"""Scan rules that need no database: which signed stock changes a scan mode makes."""

from dataclasses import dataclass

MOVING_MODES = {"receive", "pick", "move", "adjust"}
RECORD_ONLY_MODES = {"count", "lookup"}
MAX_QUANTITY = 1_000_000  # per scan, in base units: what the scan schema allows as a quantity, and the bound of
# quantity x pack size x GS1 count together, so a code that says "count 99,999,999" cannot book beyond it.


class QuantityRefused(ValueError):
    """A scan whose units cannot be booked: a GS1 count of 0, or more units than one scan may carry."""

    def __init__(self, reason: str, message: str, **params):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.params = params


@dataclass(frozen=True)
class Delta:
    """A signed change at one bin."""

    location_id: int
    quantity: int


def deltas_for(mode: str, quantity: int, location_id: int, to_location_id: int | None = None) -> list[Delta]:
    """The stock changes of one resolved scan, in base units (quantity already times pack size)."""
    if mode == "receive":
        return [Delta(location_id, quantity)]
    if mode == "pick":
        return [Delta(location_id, -quantity)]
    if mode == "adjust":
        return [Delta(location_id, quantity)]
    if mode == "move":
        if to_location_id is None or to_location_id == location_id:
            raise ValueError("a move needs a different destination bin")
        return [Delta(location_id, -quantity), Delta(to_location_id, quantity)]
    if mode in RECORD_ONLY_MODES:
        return []
    raise ValueError(f"unknown scan mode {mode!r}")


def base_quantity(quantity: int, pack_qty: int = 1, gs1_count: int | None = None) -> int:
    """Units counted by a scan: scanned quantity x pack size x any GS1 count (AI 30/37), at most MAX_QUANTITY."""
    if gs1_count is not None and gs1_count < 1:
        raise QuantityRefused("gs1_count_zero", "The GS1 code counts 0 units: there is nothing to book.")
    units = quantity * pack_qty * (1 if gs1_count is None else gs1_count)
    if abs(units) > MAX_QUANTITY:
        raise QuantityRefused(
            "quantity_too_large",
            f"{abs(units):,} units in one scan is more than the {MAX_QUANTITY:,} a scan may carry.",
            units=f"{abs(units):,}",
            maximum=f"{MAX_QUANTITY:,}",
        )
    return units
