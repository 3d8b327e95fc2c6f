"""Serial-tracked items in returns: one unit with its serial, which comes back only when it is out of stock and
goes back to the supplier only from the bin it is in (the serial's row locked, as a scan batch locks it)."""

from sqlalchemy import select, update

from ...errors import Conflict, InvalidInput
from ...extensions import db
from ...models import Item, SerialNumber
from ...models.types import utcnow
from ..core import insert_ignore

MAX_SERIAL = 40  # the column's length


def serial_for(item_id: int, serial: str, quantity: int) -> str:
    """The serial a return of this item names: required (one unit) for a serial-tracked item, '' for any other."""
    if not db.session.get(Item, item_id).serial_tracked:
        return ""
    serial = str(serial or "").strip()
    if not serial or len(serial) > MAX_SERIAL:
        raise InvalidInput("This item is serial-tracked: name the unit's serial number.", code="serial_required")
    if quantity != 1:
        raise InvalidInput(
            "A serial number stands for one unit: return each unit with its serial.", code="serial_one_unit"
        )
    return serial


def _locked_where(item_id: int, serial: str) -> int | None:
    """The bin the serial is in now (None: not in stock), its row locked for this transaction."""
    db.session.execute(
        insert_ignore(SerialNumber.__table__).values(
            item_id=item_id, serial=serial, location_id=None, updated_at=utcnow()
        )
    )
    return db.session.scalar(
        select(SerialNumber.location_id)
        .where(SerialNumber.item_id == item_id, SerialNumber.serial == serial)
        .with_for_update()
    )


def _put(item_id: int, serial: str, location_id: int | None) -> None:
    db.session.execute(
        update(SerialNumber)
        .where(SerialNumber.item_id == item_id, SerialNumber.serial == serial)
        .values(location_id=location_id, updated_at=utcnow())
    )


def serial_back_in(item_id: int, serial: str, location_id: int) -> None:
    """A customer's unit back into the bin: refused while the serial is still in stock."""
    if serial and _locked_where(item_id, serial) is not None:
        raise Conflict(f"Serial {serial} is already in stock.", code="serial_in_stock")
    if serial:
        _put(item_id, serial, location_id)


def serial_out_of(item_id: int, serial: str, location_id: int) -> None:
    """A unit sent back to the supplier from the bin: refused unless the serial is in that bin."""
    if serial and _locked_where(item_id, serial) != location_id:
        raise Conflict(f"Serial {serial} is not in this bin.", code="serial_not_in_bin")
    if serial:
        _put(item_id, serial, None)
