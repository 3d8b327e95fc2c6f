"""Suppliers: who the shop orders from, how to reach them, and what an order must reach."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ...errors import Conflict, InvalidInput, NotFound
from ...extensions import db
from ...models import Supplier
from ..core import field_changes, record_change, transactional
from .rules import SUPPLIER_RULES, clean_fields


def _refuse_taken_code(code: str, supplier_id: int | None = None) -> None:
    taken = db.session.scalar(select(Supplier.id).where(Supplier.code == code))
    if taken is not None and taken != supplier_id:
        raise Conflict(f"Supplier code {code!r} already exists.", fields={"code": ["already used"]})


def _flush(code: str) -> None:
    try:
        db.session.flush()
    except IntegrityError:
        raise Conflict(f"Supplier code {code!r} already exists.", fields={"code": ["already used"]}) from None


@transactional
def create_supplier(fields: dict, user_id: int | None = None) -> int:
    """Create a supplier; returns its id."""
    fields = clean_fields(fields, SUPPLIER_RULES, "supplier")
    missing = {name: ["required"] for name in ("code", "name") if not fields.get(name)}
    if missing:
        raise InvalidInput("A supplier needs a code and a name.", fields=missing)
    _refuse_taken_code(fields["code"])
    supplier = Supplier(**fields)
    db.session.add(supplier)
    _flush(fields["code"])
    created = {name: (None, value) for name, value in fields.items()}
    record_change(user_id, "supplier", supplier.id, supplier.code, created, action="create")
    return supplier.id


@transactional
def update_supplier(supplier_id: int, fields: dict, user_id: int | None = None) -> None:
    """Change a supplier's details; the orders already sent keep what they said."""
    supplier = db.session.get(Supplier, supplier_id)
    if supplier is None:
        raise NotFound(f"No supplier {supplier_id}.")
    fields = clean_fields(fields, SUPPLIER_RULES, "supplier")
    if "code" in fields:
        _refuse_taken_code(fields["code"], supplier_id)
    changes = field_changes(supplier, fields)
    for name, value in fields.items():
        setattr(supplier, name, value)
    _flush(supplier.code)
    record_change(user_id, "supplier", supplier.id, supplier.code, changes)


def list_suppliers(active_only: bool = False) -> list[Supplier]:
    """Suppliers by code."""
    stmt = select(Supplier).order_by(Supplier.code)
    if active_only:
        stmt = stmt.where(Supplier.active)
    return list(db.session.scalars(stmt))


def get_supplier(supplier_id: int) -> Supplier:
    """One supplier, or NotFound."""
    supplier = db.session.get(Supplier, supplier_id)
    if supplier is None:
        raise NotFound(f"No supplier {supplier_id}.")
    return supplier
