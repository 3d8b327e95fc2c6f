"""How an audit event reads on a page: values in the page's language, times in the shop's zone."""

from datetime import datetime

from flask_babel import format_datetime
from flask_babel import lazy_gettext as _l

from .label_messages import TEXT_MODE_LABELS
from .labels import ALERT_LABELS, STOCK_CLASS_LABELS
from .setup_messages import CATEGORY_LABELS

# Words the trail stores as codes (stable across languages), shown translated.
VALUE_LABELS = {
    "status": {"open": _l("Open"), "acknowledged": _l("Acknowledged"), "resolved": _l("Resolved")},
    "email_mode": {"immediate": _l("Immediately"), "digest": _l("Daily digest")},
    "stock_class": STOCK_CLASS_LABELS,
    "role": {"worker": _l("Worker"), "manager": _l("Manager"), "owner": _l("Owner")},
    "ca_certificate": {"uploaded": _l("Uploaded"), "removed": _l("Removed")},
    "label_kind": {"item": _l("Item label"), "case": _l("Case label"), "bins": _l("Bin labels")},
    "text_mode": TEXT_MODE_LABELS,
}
_TIME_FIELDS = {"snoozed_until"}


def shown_value(field: str, value) -> str:
    """One old or new value as the page shows it; empty stays a dash."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return str(_l("Yes") if value else _l("No"))
    if field in _TIME_FIELDS and isinstance(value, str):
        try:
            return format_datetime(datetime.fromisoformat(value), "short")
        except ValueError:
            return value
    if field == "kinds" and isinstance(value, list):
        return ", ".join(str(ALERT_LABELS.get(k, k)) for k in value)
    return str(VALUE_LABELS.get(field, {}).get(value, value))


def shown_label(kind: str, label: str) -> str:
    """The object's label; an alert's kind word translated ("reorder TEA-SENCHA" -> "発注点 TEA-SENCHA")."""
    if kind == "alert" and label:
        first, _, rest = label.partition(" ")
        return f"{ALERT_LABELS.get(first, first)} {rest}".strip()
    if kind == "category_band":
        return str(CATEGORY_LABELS.get(label, label))
    if kind in ("notification_settings", "cycle_count_settings"):  # one row each: the kind says it all
        return ""
    return label
