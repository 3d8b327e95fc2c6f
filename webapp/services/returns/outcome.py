"""What a recorded return answers, and the checks both kinds share before anything is written."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ...domain.returns import NOTE_MAX, REASONS
from ...errors import InvalidInput
from ...extensions import db
from ...models import Location, StockReturn
from ...models.types import utcnow
from ..core import insert_ignore
from ..tasks import item_id_for

MAX_QUANTITY = 1_000_000
LOT_MAX = 40


@dataclass(frozen=True)
class ReturnOutcome:
    """The return's row id; duplicate when its request id was recorded before (nothing posted again)."""

    return_id: int
    duplicate: bool = False


def earlier(request_id: uuid.UUID) -> ReturnOutcome | None:
    """The return already recorded under this request id, if any."""
    found = db.session.scalar(select(StockReturn.id).where(StockReturn.request_id == request_id))
    return ReturnOutcome(found, duplicate=True) if found is not None else None


def item_for(code) -> int:
    """The item an item code or barcode names, or InvalidInput."""
    code = str(code or "").strip()[:200]
    item_id = item_id_for(code) if code else None
    if item_id is None:
        raise InvalidInput(f"No item has the code {code!r}.", code="unknown_item", fields={"item": ["unknown item"]})
    return item_id


def checked_fields(quantity, reason: str, note: str, lot: str) -> tuple[int, str, str]:
    """The quantity, note and lot of a return, or InvalidInput naming the field."""
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidInput(
            f"The quantity must be a whole number from 1 to {MAX_QUANTITY}.",
            code="bad_return_quantity",
            fields={"quantity": ["out of range"]},
        )
    if reason not in REASONS:
        raise InvalidInput("Choose a reason for the return.", code="bad_return_reason", fields={"reason": ["unknown"]})
    note, lot = str(note or "").strip(), str(lot or "").strip()
    if len(note) > NOTE_MAX or len(lot) > LOT_MAX:
        raise InvalidInput("The note or the lot is too long.", code="return_text_too_long", fields={"note": ["long"]})
    return quantity, note, lot


def active_bin(code: str) -> Location:
    """The active bin of this code, at any site, or InvalidInput."""
    code = str(code or "").strip()[:64]
    location = db.session.scalar(select(Location).where(Location.code == code, Location.active)) if code else None
    if location is None:
        raise InvalidInput(f"No active bin has the code {code!r}.", code="unknown_bin", fields={"bin": ["unknown"]})
    return location


def insert_return(values: dict) -> int | None:
    """Insert the return row; None when another call with its request id got there first."""
    row = {
        "lot": "",
        "serial": "",
        "expiry": None,
        "note": "",
        "task_id": None,
        "task_line_id": None,
        "supplier_id": None,
    } | values
    row.setdefault("returned_at", utcnow())
    table = StockReturn.__table__
    return db.session.execute(insert_ignore(table).values(**row).returning(table.c.id)).scalar()


def aware(moment: datetime | None) -> datetime:
    """The return's time: now unless given (back-dated entries), always aware."""
    if moment is None:
        return utcnow()
    if moment.tzinfo is None:
        raise InvalidInput("A return's time needs its time zone.", code="bad_return_time")
    return moment


def expiry_or_none(value) -> date | None:
    """An expiry only when it is a date (the form and the API send a date or nothing)."""
    return value if isinstance(value, date) else None
