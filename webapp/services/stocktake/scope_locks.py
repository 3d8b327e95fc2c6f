"""The scope an open count session holds: its (bin, item) pairs, locked in the database until it is approved."""

from sqlalchemy import delete, insert, or_, select, tuple_
from sqlalchemy.exc import IntegrityError

from ...errors import Conflict
from ...extensions import db
from ...models import CountScopeLock, Item, Location, Site, Task
from ...models.cycle_counts import WHOLE_BIN


def take_scope_locks(task_id: int, site_id: int, bins: list[int], items: list[int], pairs=None) -> None:
    """Lock these bins (only these items in them, or only these (bin, item) pairs, when given) for the
    session, or refuse naming the session holding any of them.

    Creators of counts at one site queue on the site's row (FOR NO KEY UPDATE: inserting rows that
    refer to the site still goes on), so the check below sees every lock committed before it; the
    unique key on (bin, item) refuses a pair taken twice even if that queue were bypassed.
    """
    db.session.execute(select(Site.id).where(Site.id == site_id).with_for_update(key_share=True))
    clash = _first_clash(bins, items, pairs)
    if clash is not None:
        raise _refusal(*clash)
    keys = pairs or [(b, i) for b in bins for i in (items or [WHOLE_BIN])]
    rows = [{"task_id": task_id, "location_id": b, "item_id": i} for b, i in keys]
    if not rows:  # a zone with no bins yet: nothing to hold
        return
    try:
        with db.session.begin_nested():
            db.session.execute(insert(CountScopeLock), rows)
    except IntegrityError:
        clash = _first_clash(bins, items, pairs)
        raise _refusal(*clash) if clash else Conflict("Another count took this scope.", code="scope_locked") from None


def release_scope_locks(task_id: int) -> None:
    """Free the session's scope (it was approved): its bins and items may be counted again."""
    db.session.execute(delete(CountScopeLock).where(CountScopeLock.task_id == task_id))


def held_pairs() -> dict[tuple[int, int], tuple[int, str]]:
    """(bin, item or WHOLE_BIN) -> (task id, number) of the open session holding it."""
    rows = db.session.execute(
        select(CountScopeLock.location_id, CountScopeLock.item_id, Task.id, Task.number).join(
            Task, Task.id == CountScopeLock.task_id
        )
    )
    return {(loc, item): (task_id, number) for loc, item, task_id, number in rows}


def _first_clash(bins: list[int], items: list[int], pairs=None):
    """(session number, bin code, item code or None) of the first lock overlapping this scope, else None."""
    lock = CountScopeLock
    stmt = (
        select(Task.number, Location.code, Item.code)
        .select_from(lock)
        .join(Task, Task.id == lock.task_id)
        .join(Location, Location.id == lock.location_id)
        .outerjoin(Item, Item.id == lock.item_id)
        .where(lock.location_id.in_(bins))
        .order_by(Location.walk_seq, Location.code, lock.item_id)
        .limit(1)
    )
    # A whole-bin lock covers every item in its bin; an item lock only its item.
    if pairs:
        stmt = stmt.where(or_(lock.item_id == WHOLE_BIN, tuple_(lock.location_id, lock.item_id).in_(pairs)))
    elif items:
        stmt = stmt.where(or_(lock.item_id == WHOLE_BIN, lock.item_id.in_(items)))
    return db.session.execute(stmt).first()


def _refusal(number: str, bin_code: str, item_code: str | None) -> Conflict:
    what = f"{item_code} in {bin_code}" if item_code else bin_code
    return Conflict(
        f"{what} is already being counted in {number}: approve that count first, or count something else.",
        code="scope_locked",
        fields={"session": number, "bin": bin_code, "item": item_code or ""},
    )
