"""Scan rules that need no database: which signed stock changes a scan mode makes."""

from dataclasses import dataclass

MOVING_MODES = {"receive", "pick", "move", "adjust"}
RECORD_ONLY_MODES = {"count", "lookup"}
MAX_QUANTITY = 1_000_000


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
    """Units counted by a scan: scanned quantity x pack size x any GS1 count (AI 30/37)."""
    return quantity * pack_qty * (gs1_count or 1)
