"""Recording a settings change in the audit trail, inside the caller's transaction."""

from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from ...extensions import db
from ...models import AuditEvent, User
from ...models.audit import AUDIT_ACTION_MAX, AUDIT_FIELDS_MAX, AUDIT_KIND_MAX, AUDIT_LABEL_MAX, AUDIT_VALUE_MAX

# What a secret's change is recorded as: the trail says that it changed, never what it is.
CHANGED = "changed"
_SECRET_NAMES = {"password", "pin", "token", "secret", "badge", "api_key"}
_SECRET_SUFFIXES = ("_password", "_hash", "_token", "_pin", "_secret", "_badge")


def is_secret(field: str) -> bool:
    """Whether a field holds a secret (a password, PIN, token or key) whose value is never recorded."""
    name = field.lower()
    return name in _SECRET_NAMES or name.endswith(_SECRET_SUFFIXES)


def _plain(value):
    """A value as a JSON scalar the trail can hold (decimals, dates and enums as text), cut to size."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Decimal):
        value = format(value.normalize(), "f")
    elif isinstance(value, datetime | date):
        value = value.isoformat()
    elif isinstance(value, Enum):
        value = value.value
    text = str(value)
    return text if len(text) <= AUDIT_VALUE_MAX else text[: AUDIT_VALUE_MAX - 1] + "…"


def field_changes(obj, values: dict) -> dict[str, tuple]:
    """The (old, new) pair of each field in `values` that differs from what `obj` holds now."""
    return {name: (getattr(obj, name), new) for name, new in values.items() if getattr(obj, name) != new}


def record_change(
    user_id: int | None,
    kind: str,
    obj_id: int | None,
    label: str,
    changes: dict[str, tuple] | None = None,
    action: str = "update",
    device_id: int | None = None,
) -> AuditEvent | None:
    """Add one audit row for a change made in the current transaction (an update changing nothing adds none).

    `changes` maps each field to its (old, new) pair; secrets are recorded as "changed", never as values.
    Call it inside the service's transaction, so a change that fails and rolls back records nothing.
    """
    changes = changes or {}
    if action == "update" and not changes:
        return None
    recorded = {}
    for field, (old, new) in list(changes.items())[:AUDIT_FIELDS_MAX]:
        if is_secret(field):
            recorded[field[:80]] = {"old": None, "new": CHANGED}
        else:
            recorded[field[:80]] = {"old": _plain(old), "new": _plain(new)}
    user = db.session.get(User, user_id) if user_id is not None else None
    event = AuditEvent(
        user_id=user.id if user else None,
        user_name=(user.display_name or user.username)[:120] if user else "",
        device_id=device_id,
        object_kind=kind[:AUDIT_KIND_MAX],
        object_id=obj_id,
        object_label=(label or "")[:AUDIT_LABEL_MAX],
        action=action[:AUDIT_ACTION_MAX],
        changes=recorded,
    )
    db.session.add(event)
    return event
