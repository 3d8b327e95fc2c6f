"""Builders of realistic test data: sites with bins, items with JAN codes, users with tokens."""

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from webapp.domain.barcodes import barcode_key
from webapp.extensions import db
from webapp.models import Barcode, Item, Location, Site, Supplier
from webapp.services.accounts import create_token, create_user
from webapp.services.scanning import Actor, ScanIn

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def make_site(code="TKY", name="東京倉庫", bins=("A-01-01", "A-01-02", "B-02-01"), receiving=None) -> Site:
    """A site with a receiving bin and shelf bins in walk order."""
    site = Site(code=code, name=name)
    db.session.add(site)
    db.session.flush()
    db.session.add(Location(site_id=site.id, code=receiving or f"{code}-RCV", name="入荷場", kind="receiving"))
    for seq, bin_code in enumerate(bins, start=1):
        db.session.add(
            Location(site_id=site.id, code=bin_code, name=bin_code, walk_seq=seq * 10, zone=bin_code.split("-")[0])
        )
    db.session.commit()
    return site


def make_supplier(code="SUP-KIKUCHI", name="菊池商事") -> Supplier:
    supplier = Supplier(code=code, name=name, email="order@kikuchi.example.jp", lead_time_days=5)
    db.session.add(supplier)
    db.session.commit()
    return supplier


def make_item(
    code="RETRO-CLOCK",
    name="レトロ置時計",
    jan="4901234567894",
    *,
    name_en="Retro table clock",
    case_jan=None,
    case_qty=12,
    unit_cost="1200",
    unit_price="2480",
    reorder_point=0,
    **fields,
) -> Item:
    """An item with its JAN barcode and, optionally, a case barcode standing for `case_qty` units."""
    item = Item(
        code=code,
        name=name,
        name_en=name_en,
        unit_cost=Decimal(unit_cost),
        unit_price=Decimal(unit_price),
        reorder_point=reorder_point,
        **fields,
    )
    db.session.add(item)
    db.session.flush()
    if jan:
        db.session.add(Barcode(item_id=item.id, code=barcode_key(jan), raw=jan, pack_qty=1))
    if case_jan:
        db.session.add(Barcode(item_id=item.id, code=barcode_key(case_jan), raw=case_jan, pack_qty=case_qty))
    db.session.commit()
    return item


def make_user(username="sato", role="worker", password="correct horse battery") -> tuple[int, str]:
    """A user and an API token for it: (user id, token)."""
    user_id = create_user(username, password, role)
    return user_id, create_token(username, "test device")


def actor(user_id: int, role: str = "worker", **kw) -> Actor:
    return Actor(user_id=user_id, role=role, **kw)


def scan(mode="receive", code="4901234567894", quantity=1, **fields) -> ScanIn:
    """A scan as a phone would record it, with a fresh UUID."""
    return ScanIn(
        scan_id=fields.pop("scan_id", None) or uuid.uuid4(),
        mode=mode,
        code=code,
        quantity=quantity,
        occurred_at=fields.pop("occurred_at", NOW),
        **fields,
    )


def scan_json(mode="receive", code="4901234567894", quantity=1, **fields) -> dict:
    """The JSON body of one scan."""
    body = {
        "scan_id": str(fields.pop("scan_id", None) or uuid.uuid4()),
        "mode": mode,
        "code": code,
        "quantity": quantity,
        "occurred_at": fields.pop("occurred_at", NOW.isoformat()),
    }
    body.update(fields)
    return body
