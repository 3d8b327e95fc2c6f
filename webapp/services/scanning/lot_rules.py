"""Which lot a pick scan takes: expired lots refused, a later lot than proposed only with a reason."""

from datetime import date

from ...domain.expiry import LATER_LOT_REASONS, is_expired, is_later
from .plan_rows import Rejected


def refuse_expired(lot: str, expiry, today: date) -> None:
    """Refuse a pick of an expired lot, saying when it expired and where it belongs."""
    if is_expired(expiry, today):
        raise Rejected(
            "expired_lot",
            f"Lot {lot or '-'} expired on {expiry.isoformat()}: it cannot be picked. Move it to quarantine.",
            lot=lot or "-",
            expiry=expiry.isoformat(),
        )


def check_pick_lot(proposed: str, scanned: str, lots: dict, scanned_expiry, today: date, bin_code: str, reason):
    """(lot taken, reason or None) for a pick of `scanned` where the line proposes `proposed`.

    `lots` is lot -> (expiry, on hand) in the bin; the ledger's expiry wins over the one the code carries.
    """
    expiry = lots[scanned][0] if scanned in lots else scanned_expiry
    refuse_expired(scanned, expiry, today)
    if scanned == proposed:
        return proposed, None
    if scanned not in lots:
        raise Rejected("wrong_lot", f"Lot {scanned} is not the lot to pick at {bin_code}.", lot=scanned, code=bin_code)
    first = lots[proposed][0] if proposed in lots else None
    if not is_later(expiry, first):
        return scanned, None  # as early as the proposed lot: first expiry first out still holds
    if reason not in LATER_LOT_REASONS:
        raise Rejected(
            "later_lot",
            f"Lot {scanned} expires after lot {proposed} ({first.isoformat()}), which is here: say why you take it.",
            lot=scanned,
            proposed=proposed,
            expiry=first.isoformat(),
        )
    return scanned, reason
