"""Shared data for the workflow tests: a Tokyo warehouse, two items, a worker and a manager."""

from sqlalchemy import func, select

from tests.builders import actor, make_item, make_site, make_supplier, make_user, scan
from webapp.extensions import db
from webapp.models import Location, StockLevel
from webapp.services.scanning import apply_scans


def build_world() -> dict:
    """Bins A-01-01, A-01-02, B-02-01 in walk order; the retro clock and green tea with JAN codes."""
    site = make_site(bins=("A-01-01", "A-01-02", "B-02-01", "C-03-01"))
    supplier = make_supplier()
    clock = make_item(supplier_id=supplier.id)
    tea = make_item(
        "GREEN-TEA",
        "緑茶 500ml",
        "4987654321094",
        name_en="Green tea 500 ml",
        unit_cost="80",
        unit_price="150",
        supplier_id=supplier.id,
    )
    worker, _ = make_user("sato", "worker")
    picker2, _ = make_user("tanaka", "worker")
    manager, _ = make_user("suzuki", "manager")
    return {
        "site": site,
        "supplier": supplier,
        "clock": clock,
        "tea": tea,
        "worker": actor(worker, "worker"),
        "picker2": actor(picker2, "worker"),
        "manager": actor(manager, "manager"),
        "manager_id": manager,
        "worker_id": worker,
    }


def stock_at(bin_code: str, item=None) -> int:
    """Units on hand in one bin (of one item)."""
    stmt = select(func.coalesce(func.sum(StockLevel.quantity), 0)).join(Location).where(Location.code == bin_code)
    if item is not None:
        stmt = stmt.where(StockLevel.item_id == item.id)
    return db.session.scalar(stmt)


def put_stock(who, bin_code: str, quantity: int, code="4901234567894", **kw) -> None:
    """Receive stock into a bin with a plain scan."""
    [out] = apply_scans([scan("receive", code=code, quantity=quantity, location=bin_code, **kw)], who)
    assert out.status == "applied", out
