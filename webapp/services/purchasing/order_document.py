"""What a purchase order's document (発注書) says: company block, supplier, lines with prices, tax per rate, total."""

from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select

from ...domain.pack_levels import format_packs, levels_of
from ...domain.purchase_orders import line_amount, order_totals
from ...errors import Conflict
from ...extensions import db
from ...models import Barcode, Site, Supplier, TaskEvent
from ..tasks import get_task
from .company import company_profile
from .order_pdf import draw_order_pdf


def _jan(item_id: int) -> str:
    """The item's first JAN (EAN-13 or EAN-8) barcode as printed on the pack, or empty."""
    raws = db.session.scalars(select(Barcode.raw).where(Barcode.item_id == item_id).order_by(Barcode.id))
    return next((r for r in raws if r.isdigit() and len(r) in (8, 13)), "")


def _packs(item, quantity: int, language: str) -> str:
    """The quantity in the supplier's pack level ("3 ケース (36 個)") for an item with packs; empty for one without."""
    levels = levels_of(item)
    return format_packs(quantity, levels, item.order_in or "each", item.unit, language) if levels.any else ""


def order_document(task_id: int) -> dict:
    """Everything the order document prints, in the supplier's language; refused for a draft or cancelled order."""
    task = get_task(task_id, "purchase_order")
    if task.status in ("draft", "cancelled"):
        raise Conflict("A draft or cancelled order has no order document yet.", code="no_document")
    supplier = db.session.get(Supplier, task.supplier_id) if task.supplier_id else None
    language = supplier.language if supplier and supplier.language in ("ja", "en") else "ja"
    company = company_profile()
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo")
    confirmed_at = db.session.scalar(
        select(TaskEvent.created_at)
        .where(TaskEvent.task_id == task_id, TaskEvent.kind == "confirmed")
        .order_by(TaskEvent.id.desc())
    )
    lines, amounts = [], []
    for line in task.lines:
        if line.quantity <= 0:
            continue
        price = line.unit_price if line.unit_price is not None else line.item.unit_cost
        amount = line_amount(line.quantity, Decimal(price))
        amounts.append((amount, line.item.reduced_tax))
        lines.append(
            {
                "code": line.item.code,
                "name": (line.item.name_en or line.item.name) if language == "en" else line.item.name,
                "jan": _jan(line.item_id),
                "quantity": line.quantity,
                "unit": line.item.unit,
                "packs": _packs(line.item, line.quantity, language),
                "unit_price": Decimal(price),
                "amount": amount,
                "reduced": line.item.reduced_tax,
                "expected_date": line.expected_date,
                "note": line.note,
            }
        )
    subtotal, taxes, total = order_totals(amounts, company["standard_tax_percent"], company["reduced_tax_percent"])
    dates = [ln["expected_date"] for ln in lines if ln["expected_date"]]
    site = db.session.get(Site, task.site_id)
    return {
        "language": language,
        "number": task.number,
        "date": (confirmed_at or task.created_at).astimezone(zone).date(),
        "delivery_date": min(dates) if dates else None,
        "delivery_place": f"{site.name} ({site.code})",
        "supplier": supplier.name if supplier else "",
        "company": company,
        "lines": lines,
        "subtotal": subtotal,
        "taxes": taxes,
        "total": total,
        "remarks": task.remarks,
    }


def order_pdf(task_id: int) -> bytes:
    """The order document as PDF bytes: for the office's PDF button and the e-mail attachment."""
    return draw_order_pdf(order_document(task_id))
