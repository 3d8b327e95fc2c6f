"""Phones in the shop: one-time pairing links (single use, ten minutes, stored hashed) that bind a phone's
session to a paired device, for one worker or shared; the office's list of phones with the health they
report (last seen, last sync, unsent queue, app version) and revoking one; who signed in on which phone,
which decides whose queued scans a phone may send; badges (random codes, stored hashed, reissued at will)
and 4-6 digit PINs (hashed, wrong ones throttled by a lock-out) for signing in on a shared phone.
"""

from .badges import (
    BADGE_PREFIX,
    PIN_LOCK_MINUTES,
    badge_hash,
    badge_roster,
    check_badge,
    clear_pin,
    issue_badges,
    set_pin,
    sign_in_with_badge,
    unlock_badge,
)
from .pairing import PAIRING_MINUTES, PairingOffer, create_pairing, pairing_offer, redeem_pairing
from .registry import device_ref, device_workers, list_devices, record_heartbeat, record_sign_in, revoke_device
from .types import BadgeHolder, DeviceRef, DeviceRow, IssuedBadge, Pairing, RosterRow, Worker

__all__ = [
    "BADGE_PREFIX",
    "PAIRING_MINUTES",
    "PIN_LOCK_MINUTES",
    "BadgeHolder",
    "DeviceRef",
    "DeviceRow",
    "IssuedBadge",
    "Pairing",
    "PairingOffer",
    "RosterRow",
    "Worker",
    "badge_hash",
    "badge_roster",
    "check_badge",
    "clear_pin",
    "create_pairing",
    "device_ref",
    "device_workers",
    "issue_badges",
    "list_devices",
    "pairing_offer",
    "record_heartbeat",
    "record_sign_in",
    "redeem_pairing",
    "revoke_device",
    "set_pin",
    "sign_in_with_badge",
    "unlock_badge",
]
