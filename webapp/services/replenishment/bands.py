"""Days-of-stock bands per stock category: the reference bands (SPEC), and the owner's own where set."""

from ...domain.classification import DEFAULT_BANDS
from ...errors import InvalidInput
from ...extensions import db
from ...models import CategoryBand
from ...models.types import utcnow
from ..core import record_change, transactional

MAX_BAND_DAYS = 3650  # ten years of stock: beyond that a band says nothing


def category_bands() -> dict[str, tuple[int, int]]:
    """Every banded category's (low, high) days: the owner's where set, else the reference band."""
    own = {row.category: (row.low_days, row.high_days) for row in db.session.scalars(db.select(CategoryBand))}
    return {category: own.get(category, band) for category, band in DEFAULT_BANDS.items()}


def _days(name: str, raw) -> int:
    """A whole number of days from a form or the API, bounded before the database sees it."""
    text = str(raw if raw is not None else "").strip()[:8]
    if not text:
        raise InvalidInput(f"{name} is required.", code="required", fields={name: ["required"]})
    if not text.isdigit():
        raise InvalidInput(
            f"{name} is not a whole number of days.", code="not_a_number", fields={name: ["not a number"]}
        )
    value = int(text)
    if value > MAX_BAND_DAYS:
        raise InvalidInput(
            f"{name} is over {MAX_BAND_DAYS} days.", code="out_of_range", fields={name: ["out of range"]}
        )
    return value


@transactional
def set_category_band(category: str, low, high, user_id: int | None = None) -> tuple[int, int]:
    """Set a category's band (low below high, in days); the old and new band go to the audit trail."""
    if category not in DEFAULT_BANDS:
        raise InvalidInput(f"No band for category {category!r}.", code="bad_category", fields={"category": ["unknown"]})
    low_days, high_days = _days("low_days", low), _days("high_days", high)
    if high_days <= low_days:
        raise InvalidInput(
            "The upper end must be above the lower end.", code="band_order", fields={"high_days": ["order"]}
        )
    row = db.session.get(CategoryBand, category)
    before = (row.low_days, row.high_days) if row else DEFAULT_BANDS[category]
    row = row or CategoryBand(category=category)
    row.low_days, row.high_days, row.updated_by, row.updated_at = low_days, high_days, user_id, utcnow()
    db.session.add(row)
    changes = {
        name: (old, new)
        for name, old, new in zip(("low_days", "high_days"), before, (low_days, high_days))
        if old != new
    }
    record_change(user_id, "category_band", None, category, changes)
    return low_days, high_days


@transactional
def reset_category_band(category: str, user_id: int | None = None) -> tuple[int, int]:
    """Go back to the reference band; recorded like a change."""
    row = db.session.get(CategoryBand, category)
    if category not in DEFAULT_BANDS:
        raise InvalidInput(f"No band for category {category!r}.", code="bad_category", fields={"category": ["unknown"]})
    reference = DEFAULT_BANDS[category]
    if row is not None:
        changes = {
            name: (old, new)
            for name, old, new in zip(("low_days", "high_days"), (row.low_days, row.high_days), reference)
            if old != new
        }
        db.session.delete(row)
        record_change(user_id, "category_band", None, category, changes)
    return reference
