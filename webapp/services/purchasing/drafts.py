"""Editing a draft purchase order: its lines (quantity in whole packs, wished date, note), added and removed, and its remarks."""

from datetime import date

from sqlalchemy import func, select

from ...domain.pack_levels import PackRefused, levels_of, order_step, parse_mixed
from ...domain.purchase_orders import round_to_pack
from ...errors import InvalidInput, NotFound
from ...extensions import db
from ...models import Item, TaskLine
from ..core import transactional
from ..tasks import item_id_for, record_event
from .life import lock_status

MAX_QUANTITY = 1_000_000


def _lock_draft(task_id: int):
    return lock_status(task_id, ("draft",), "not_draft", "Only a draft can be edited.")


def _line_of(task_id: int, line_id: int) -> TaskLine:
    line = db.session.get(TaskLine, line_id)
    if line is None or line.task_id != task_id:
        raise NotFound(f"No line {line_id} on this order.")
    return line


def _typed(quantity: int | str, item: Item) -> int:
    """A quantity typed as text ("2ケース 3", "2c 3i 5") read exactly against the item's packs; a number as it is."""
    if not isinstance(quantity, str):
        return quantity
    try:
        return parse_mixed(quantity, levels_of(item), item.unit, maximum=MAX_QUANTITY)
    except PackRefused as exc:
        raise InvalidInput(exc.message, code=exc.reason, fields={"quantity": [exc.reason]}) from None


def order_step_of(item: Item) -> int:
    """Pieces an order of the item goes up in: whole packs of the level it is ordered in and of its order multiple."""
    return order_step(levels_of(item), item.order_in or "each", item.order_multiple)


def _packed(quantity: int | str, item: Item) -> int:
    """The quantity rounded up to the item's minimum and whole packs of its order level, refused beyond the bound."""
    quantity = _typed(quantity, item)
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1 or quantity > MAX_QUANTITY:
        raise InvalidInput(
            "The quantity must be a whole number from 1 to 1,000,000.",
            code="bad_quantity",
            fields={"quantity": ["1..1000000"]},
        )
    packed = round_to_pack(quantity, order_step_of(item), item.min_order_qty)
    if packed > MAX_QUANTITY:
        raise InvalidInput("The quantity is too large.", code="bad_quantity", fields={"quantity": ["1..1000000"]})
    return packed


@transactional
def update_draft_line(
    task_id: int, line_id: int, user_id: int, quantity: int | str, expected_date: date | None = None, note: str = ""
) -> int:
    """Change a draft line; the quantity (a number of pieces, or typed text such as "2ケース 3") goes up to
    whole packs of the item. Returns the quantity kept, in pieces."""
    _lock_draft(task_id)
    line = _line_of(task_id, line_id)
    line.quantity = _packed(quantity, line.item)
    line.expected_date, line.note = expected_date, note.strip()[:200]
    record_event(task_id, "edited", line_id=line.id, quantity=line.quantity, user_id=user_id)
    return line.quantity


@transactional
def add_draft_line(
    task_id: int, code: str, quantity: int | str, user_id: int, expected_date: date | None = None, note: str = ""
) -> int:
    """Add an item (by code or JAN) to a draft; an item already on it gets the quantity added. Returns the line id."""
    _lock_draft(task_id)
    item_id = item_id_for(str(code).strip())
    if item_id is None:
        raise InvalidInput(f"No item has the code {code!r}.", code="unknown_item", fields={"item": ["unknown item"]})
    item = db.session.get(Item, item_id)
    line = db.session.scalar(select(TaskLine).where(TaskLine.task_id == task_id, TaskLine.item_id == item_id))
    if line is None:
        seq = db.session.scalar(select(func.coalesce(func.max(TaskLine.seq), 0)).where(TaskLine.task_id == task_id))
        line = TaskLine(task_id=task_id, seq=seq + 1, item_id=item_id, quantity=0, done_quantity=0, note="")
        db.session.add(line)
    quantity = _typed(quantity, item)
    line.quantity = _packed(line.quantity + quantity if line.quantity else quantity, item)
    if expected_date is not None:
        line.expected_date = expected_date
    if note.strip():
        line.note = note.strip()[:200]
    db.session.flush()
    record_event(task_id, "edited", line_id=line.id, quantity=line.quantity, user_id=user_id)
    return line.id


@transactional
def remove_draft_line(task_id: int, line_id: int, user_id: int) -> None:
    """Take a line off a draft (a draft may be left empty; confirming it is then refused)."""
    _lock_draft(task_id)
    db.session.delete(_line_of(task_id, line_id))
    record_event(task_id, "edited", reason="line removed", user_id=user_id)


@transactional
def update_draft(task_id: int, user_id: int, remarks: str) -> None:
    """The remarks (備考) printed on the order document."""
    task = _lock_draft(task_id)
    if len(remarks) > 2000:
        raise InvalidInput("The remarks are too long.", code="too_long", fields={"remarks": ["max 2000"]})
    task.remarks = remarks.strip()
    record_event(task_id, "edited", user_id=user_id)
