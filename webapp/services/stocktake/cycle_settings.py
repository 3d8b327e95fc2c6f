"""The owner's cycle-count settings: days between counts per ABC class, the size and number of generated sessions."""

from sqlalchemy import select

from ...domain.cycle_counts import (
    DAILY_SESSIONS_BOUNDS,
    DEFAULT_DAILY_SESSIONS,
    DEFAULT_INTERVALS,
    DEFAULT_SESSION_SIZE,
    INTERVAL_BOUNDS,
    SESSION_SIZE_BOUNDS,
)
from ...errors import InvalidInput
from ...extensions import db
from ...models import CycleCountSettings
from ...models.types import utcnow
from ..core import field_changes, record_change, transactional

BOUNDS = {
    "interval_a": INTERVAL_BOUNDS,
    "interval_b": INTERVAL_BOUNDS,
    "interval_c": INTERVAL_BOUNDS,
    "session_size": SESSION_SIZE_BOUNDS,
    "daily_sessions": DAILY_SESSIONS_BOUNDS,
}


def cycle_settings() -> CycleCountSettings:
    """The one settings row (defaults until an owner saves it)."""
    found = db.session.scalar(select(CycleCountSettings).order_by(CycleCountSettings.id).limit(1))
    return found or CycleCountSettings(
        interval_a=DEFAULT_INTERVALS["A"],
        interval_b=DEFAULT_INTERVALS["B"],
        interval_c=DEFAULT_INTERVALS["C"],
        session_size=DEFAULT_SESSION_SIZE,
        daily_sessions=DEFAULT_DAILY_SESSIONS,
    )


def intervals(row: CycleCountSettings) -> dict[str, int]:
    """Days between counts by ABC class."""
    return {"A": row.interval_a, "B": row.interval_b, "C": row.interval_c}


@transactional
def save_cycle_settings(user_id: int | None, **values: int) -> None:
    """Save the intervals and session sizes, each a whole number within its bounds; recorded in the audit trail."""
    errors = {}
    for name, (low, high) in BOUNDS.items():
        value = values.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            errors[name] = [f"{low} to {high}"]
    unknown = set(values) - set(BOUNDS)
    if unknown:
        errors |= {name: ["unknown setting"] for name in sorted(unknown)}
    if errors:
        raise InvalidInput("Check the highlighted settings.", code="bad_cycle_settings", fields=errors)
    row = cycle_settings()
    if row.id is None:
        db.session.add(row)
        db.session.flush()
    changes = field_changes(row, values)
    for name, value in values.items():
        setattr(row, name, value)
    if changes:
        row.updated_by, row.updated_at = user_id, utcnow()
    record_change(user_id, "cycle_count_settings", row.id, "cycle counting", changes)
