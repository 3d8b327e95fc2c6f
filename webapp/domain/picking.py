"""Pick rules that need no database: which bins serve a demand, and the order a picker walks them."""

from dataclasses import dataclass
from datetime import date

from .expiry import fefo_key, is_expired


@dataclass(frozen=True)
class BinStock:
    """Stock of one item in one bin and lot that a pick list may still reserve."""

    location_id: int
    walk_seq: int
    code: str
    lot: str
    expiry: date | None
    available: int


@dataclass(frozen=True)
class Take:
    """Reserve `quantity` from one bin and lot."""

    location_id: int
    lot: str
    quantity: int


def fefo_order(stock: list[BinStock]) -> list[BinStock]:
    """Candidates earliest expiry first (no expiry last), then the nearest bin in walk order."""
    return sorted(stock, key=lambda b: fefo_key(b.expiry, b.walk_seq, b.code, b.lot))


def plan_takes(wanted: int, stock: list[BinStock], today: date | None = None) -> tuple[list[Take], int]:
    """Bins to reserve `wanted` units from, first expiry first out, expired lots never; and the shortfall."""
    takes = []
    # First expiry first out keeps old lots moving; among equal expiries, the walk decides.
    for bin_ in fefo_order(stock):
        if wanted <= 0:
            break
        if today is not None and is_expired(bin_.expiry, today):
            continue
        qty = min(wanted, bin_.available)
        if qty > 0:
            takes.append(Take(bin_.location_id, bin_.lot, qty))
            wanted -= qty
    return takes, max(wanted, 0)


def walk_order(steps, walk_seq_of, code_of):
    """Steps sorted so the picker walks one pass: by the bins' walk sequence, then bin code; unplaced last."""

    def key(step):
        loc = step.location_id
        if loc is None:
            return (1, 0, "")
        return (0, walk_seq_of(loc), code_of(loc))

    return sorted(steps, key=key)
