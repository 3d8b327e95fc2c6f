"""Each supplier's sending settings: channel, mail templates, automatic ordering times (addresses and minimum: the supplier's)."""

import re
from datetime import datetime

from sqlalchemy import select

from ...domain.order_mail import DEFAULT_BODY, DEFAULT_SUBJECT, MAX_BODY, MAX_SUBJECT, PLACEHOLDERS, template_problem
from ...errors import InvalidInput, NotFound
from ...extensions import db
from ...models import Supplier, SupplierSending
from ...models.types import utcnow
from ..core import field_changes, record_change, transactional
from ..notifications import is_address

CHANNELS = ("email", "fax", "both", "manual")
AUTO_MODES = ("off", "draft", "send")
MAX_TIMES = 12
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_times(text: str) -> list[tuple[int, int]] | None:
    """ "8:00, 14:30" -> [(8, 0), (14, 30)] sorted without repeats; None when a time is not HH:MM."""
    parts = [p.strip() for p in re.split(r"[,、\s]+", text or "") if p.strip()]
    found = [_TIME.match(p) for p in parts]
    if not all(found):
        return None
    return sorted({(int(m[1]), int(m[2])) for m in found})


def times_text(times: list[tuple[int, int]]) -> str:
    return ",".join(f"{h:02d}:{m:02d}" for h, m in times)


def sending_row(supplier_id: int) -> SupplierSending:
    """The supplier's row, or an unsaved one holding the defaults (by hand, no automatic ordering)."""
    if db.session.get(Supplier, supplier_id) is None:
        raise NotFound("No such supplier.", code="supplier_not_found")
    return db.session.get(SupplierSending, supplier_id) or SupplierSending(
        supplier_id=supplier_id, channel="manual", subject_template="", body_template="", auto_mode="off", auto_times=""
    )


def _language(supplier: Supplier) -> str:
    return supplier.language if supplier.language in DEFAULT_SUBJECT else "ja"


def supplier_sending(supplier_id: int) -> dict:
    """What the settings page shows: the saved values, the supplier's addresses, the default wording in its language."""
    row, supplier = sending_row(supplier_id), db.session.get(Supplier, supplier_id)
    language = _language(supplier)
    return {
        "supplier_id": supplier.id,
        "supplier_code": supplier.code,
        "supplier_name": supplier.name,
        "language": language,
        "channel": row.channel,
        "email": supplier.email or "",
        "fax": supplier.fax or "",
        "min_order_amount": int(supplier.min_order_amount or 0),
        "subject_template": row.subject_template or DEFAULT_SUBJECT[language],
        "body_template": row.body_template or DEFAULT_BODY[language],
        "auto_mode": row.auto_mode,
        "auto_times": row.auto_times,
        "placeholders": PLACEHOLDERS,
    }


def _errors(supplier, channel, subject, body, auto_mode, times) -> dict:
    """Field -> [reason code]; the pages say each reason in the user's language."""
    errors = {}
    if channel not in CHANNELS:
        errors["channel"] = ["channel_invalid"]
    elif channel in ("email", "both") and not is_address(supplier.email or ""):
        errors["channel"] = ["supplier_email_missing"]
    elif channel in ("fax", "both") and not 6 <= len(re.sub(r"\D", "", supplier.fax or "")) <= 20:
        errors["channel"] = ["supplier_fax_missing"]
    for key, text, limit in (("subject_template", subject, MAX_SUBJECT), ("body_template", body, MAX_BODY)):
        problem = template_problem(text, limit)
        if problem is None and key == "subject_template" and any(c in text for c in "\r\n"):
            problem = "one_line"
        if problem:
            errors[key] = [problem]
    if auto_mode not in AUTO_MODES:
        errors["auto_mode"] = ["auto_mode_invalid"]
    if times is None or len(times) > MAX_TIMES:
        errors["auto_times"] = ["times_invalid"]
    elif auto_mode in ("draft", "send") and not times:
        errors["auto_times"] = ["times_required"]
    return errors


@transactional
def save_supplier_sending(
    supplier_id: int,
    *,
    channel: str,
    subject_template: str = "",
    body_template: str = "",
    auto_mode: str = "off",
    auto_times: str = "",
    now: datetime | None = None,
    by: int | None = None,
) -> None:
    """Save the settings, all or nothing; an unknown placeholder, a bad time or a channel without its address is refused."""
    row = sending_row(supplier_id)
    supplier = db.session.get(Supplier, supplier_id)
    subject, body = subject_template.strip(), body_template.replace("\r\n", "\n").strip()
    times = parse_times(auto_times) if len(auto_times) <= 200 else None
    errors = _errors(supplier, channel, subject, body, auto_mode, times)
    if errors:
        raise InvalidInput("Check the highlighted sending settings.", code="bad_sending", fields=errors)
    language = _language(supplier)
    if auto_mode != "off" and (row.auto_mode == "off" or row.auto_times != times_text(times)):
        row.auto_run_at = now or utcnow()  # the first automatic run is the next set time, not one already past
    values = {
        "channel": channel,
        # The default wording is stored as empty, so it follows the supplier's language if that changes.
        "subject_template": "" if subject == DEFAULT_SUBJECT[language] else subject,
        "body_template": "" if body == DEFAULT_BODY[language].strip() else body,
        "auto_mode": auto_mode,
        "auto_times": times_text(times),
    }
    record_change(by, "supplier_sending", supplier_id, supplier.code, field_changes(row, values))
    for name, value in values.items():
        setattr(row, name, value)
    db.session.add(row)


def auto_suppliers() -> list[SupplierSending]:
    """The rows of active suppliers whose automatic ordering is on."""
    return list(
        db.session.scalars(
            select(SupplierSending)
            .join(Supplier, Supplier.id == SupplierSending.supplier_id)
            .where(SupplierSending.auto_mode != "off", Supplier.active)
        )
    )


def sending_overview() -> list[dict]:
    """Every active supplier with how its orders are sent and whether they are ordered automatically."""
    saved = {r.supplier_id: r for r in db.session.scalars(select(SupplierSending))}
    out = []
    for supplier in db.session.scalars(select(Supplier).where(Supplier.active).order_by(Supplier.code)):
        row = saved.get(supplier.id)
        out.append(
            {
                "id": supplier.id,
                "code": supplier.code,
                "name": supplier.name,
                "channel": row.channel if row else "manual",
                "auto_mode": row.auto_mode if row else "off",
                "auto_times": row.auto_times if row else "",
                "min_order_amount": int(supplier.min_order_amount or 0),
            }
        )
    return out
