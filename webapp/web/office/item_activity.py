"""What the item page shows of who did what: each movement's user, phone and document, and its settings history."""

from sqlalchemy import select

from ...extensions import db
from ...models import Device, Task, User
from ...services.core import AuditFilter, audit_page
from .activity_labels import ACTION_LABELS, FIELD_LABELS, KIND_LABELS
from .activity_values import shown_label, shown_value

# The kinds of audit events that belong to an item's own history (its fields, barcodes and overrides).
ITEM_KINDS = ("item", "barcode", "override", "photo")
HISTORY_SIZE = 20


def _names(model, ids, label):
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {row.id: label(row) for row in db.session.scalars(select(model).where(model.id.in_(ids)))}


def item_activity(item_id: int, moves, tz: str) -> dict:
    """The lookups the movement table needs and the item's latest settings changes, for the item page."""
    device_ids = {int(m.device_id) for m in moves if m.device_id and m.device_id.isdigit() and len(m.device_id) < 10}
    events = []
    for kind in ITEM_KINDS:
        events += audit_page(AuditFilter(kind=kind, object_id=item_id, tz=tz), size=HISTORY_SIZE)[0]
    events.sort(key=lambda e: (e.at, e.id), reverse=True)
    return {
        "move_users": _names(User, (m.user_id for m in moves), lambda u: u.display_name or u.username),
        "move_tasks": _names(Task, (m.task_id for m in moves), lambda t: (t.kind, t.number)),
        "move_devices": {str(k): v for k, v in _names(Device, device_ids, lambda d: d.name).items()},
        "item_events": events[:HISTORY_SIZE],
        "kind_labels": KIND_LABELS,
        "action_labels": ACTION_LABELS,
        "field_labels": FIELD_LABELS,
        "shown_value": shown_value,
        "shown_label": shown_label,
    }
