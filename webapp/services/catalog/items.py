"""Catalog and site administration: items, barcodes, sites and bins."""

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from ...domain.barcodes import MalformedCode, barcode_key
from ...errors import AppError, Conflict, InvalidInput, NotFound
from ...extensions import db
from ...models import Barcode, BarcodeRemoval, Item, Location, Site, StockLevel, Supplier
from ..core import field_changes, record_change, transactional
from .pack_rules import check_item_packs, check_pack_code
from .rules import ITEM_RULES, clean_fields


def _check_supplier(supplier_id):
    if supplier_id is not None and db.session.get(Supplier, supplier_id) is None:
        raise InvalidInput(f"No supplier {supplier_id}.", fields={"supplier_id": ["unknown supplier"]})


def _refuse_taken_code(code: str) -> None:
    if db.session.scalar(select(Item.id).where(Item.code == code)):
        raise Conflict(f"Item code {code!r} already exists.", fields={"code": ["already used"]})


def _refuse_serials_with_stock(item: Item) -> None:
    """Serials start from an empty shelf: units already on hand have none to pick or count them by."""
    on_hand = db.session.scalar(
        select(func.coalesce(func.sum(StockLevel.quantity), 0)).where(StockLevel.item_id == item.id)
    )
    if on_hand:
        raise InvalidInput(
            f"{item.code} has {on_hand} on hand without serial numbers: count it to zero first.",
            code="serial_stock",
            fields={"serial_tracked": ["stock without serials"]},
        )


def _flush_unique(what: str):
    try:
        db.session.flush()
    except IntegrityError:
        raise Conflict(f"{what} already exists.") from None


@transactional
def create_item(fields: dict, barcodes: list[dict] | None = None, user_id: int | None = None) -> int:
    """Create an item, with optional barcodes; returns its id."""
    fields = clean_fields(fields, ITEM_RULES, "item")
    if "code" not in fields or "name" not in fields:
        missing = {name: ["required"] for name in ("code", "name") if name not in fields}
        raise InvalidInput("An item needs a code and a name.", fields=missing)
    _check_supplier(fields.get("supplier_id"))
    _refuse_taken_code(fields["code"])
    item = Item(**fields)
    check_item_packs(item)
    db.session.add(item)
    _flush_unique(f"Item code {fields['code']!r}")
    created = {name: (None, value) for name, value in fields.items()}
    record_change(user_id, "item", item.id, item.code, created, action="create")
    for barcode in barcodes or []:
        try:
            attach_barcode(item.id, barcode["code"], barcode.get("pack_qty", 1))
        except AppError as exc:  # named by the field the barcode came in, not the item's own code
            exc.fields = {"barcodes_in": exc.fields.get("code", [exc.code])}
            raise
    return item.id


@transactional
def update_item(item_id: int, fields: dict, expected_version: int | None = None, user_id: int | None = None) -> None:
    """Change an item; with `expected_version`, refuse if someone else changed it first."""
    item = db.session.get(Item, item_id)
    if item is None:
        raise NotFound(f"No item {item_id}.")
    if expected_version is not None and item.version != expected_version:
        raise Conflict(
            "Someone else changed this item; reload and try again.",
            fields={"version": [f"current version is {item.version}"]},
        )
    fields = clean_fields(fields, ITEM_RULES, "item")
    if "supplier_id" in fields:
        _check_supplier(fields["supplier_id"])
    if "code" in fields and fields["code"] != item.code:
        _refuse_taken_code(fields["code"])
    if fields.get("serial_tracked") and not item.serial_tracked:
        _refuse_serials_with_stock(item)
    changes = field_changes(item, fields)
    for name, value in fields.items():
        setattr(item, name, value)
    check_item_packs(item)
    _flush_unique("That item code")
    record_change(user_id, "item", item.id, item.code, changes)


@transactional
def set_item_active(item_id: int, active: bool, user_id: int | None = None) -> None:
    """Deactivate an item (no longer listed, scanned or ordered; its history stays) or bring it back."""
    item = db.session.get(Item, item_id)
    if item is None:
        raise NotFound(f"No item {item_id}.")
    record_change(user_id, "item", item.id, item.code, field_changes(item, {"active": active}))
    item.active = active


def attach_barcode(item_id: int, code: str, pack_qty: int, key: str | None = None) -> Barcode:
    """Put a barcode on an item inside the caller's transaction (no commit); refuses bad or taken codes.

    `key`: the key scans already wait under, read by their format (a Code 128 "15182881" is no EAN-8).
    """
    if pack_qty < 1:
        raise InvalidInput("pack_qty must be at least 1.", code="bad_pack_qty", fields={"pack_qty": ["must be >= 1"]})
    item = db.session.get(Item, item_id)
    if item is not None:
        check_pack_code(item, pack_qty)
    try:
        key = key or barcode_key(code)
    except MalformedCode as exc:
        raise InvalidInput(str(exc), code=exc.code, fields={"code": [str(exc)]}) from None
    existing = db.session.scalar(select(Barcode).where(Barcode.code == key))
    if existing is not None:
        raise Conflict(f"Barcode {code} already belongs to item {existing.item_id}.", fields={"code": ["already used"]})
    barcode = Barcode(item_id=item_id, code=key, raw=code.strip(), pack_qty=pack_qty)
    db.session.add(barcode)
    _flush_unique(f"Barcode {code}")
    return barcode


@transactional
def add_barcode(item_id: int, code: str, pack_qty: int = 1, user_id: int | None = None) -> int:
    """Give an item another barcode (a case barcode carries its pack quantity)."""
    if db.session.get(Item, item_id) is None:
        raise NotFound(f"No item {item_id}.")
    barcode = attach_barcode(item_id, code, pack_qty)
    added = {"code": (None, barcode.raw), "pack_qty": (None, pack_qty)}
    record_change(user_id, "barcode", item_id, barcode.raw, added, action="add")
    return barcode.id


@transactional
def remove_barcode(item_id: int, code: str, user_id: int | None = None) -> None:
    """Take a barcode off an item (a code mapped to the wrong item, a discontinued pack).

    Scans already made with it keep their item; new scans of the code become unresolved until it
    is mapped again. The removal is kept as a record and tells phones to forget the code.
    """
    if db.session.get(Item, item_id) is None:
        raise NotFound(f"No item {item_id}.")
    text = code.strip()
    try:
        keys = {barcode_key(text), text}
    except MalformedCode:
        keys = {text}
    barcode = db.session.scalar(
        select(Barcode).where(Barcode.item_id == item_id, or_(Barcode.code.in_(keys), Barcode.raw == text))
    )
    if barcode is None:
        raise NotFound(f"Item {item_id} has no barcode {text}.")
    db.session.add(
        BarcodeRemoval(
            code=barcode.code, raw=barcode.raw, item_id=item_id, pack_qty=barcode.pack_qty, removed_by=user_id
        )
    )
    removed = {"code": (barcode.raw, None), "pack_qty": (barcode.pack_qty, None)}
    record_change(user_id, "barcode", item_id, barcode.raw, removed, action="remove")
    db.session.delete(barcode)


@transactional
def create_site(code: str, name: str, kind: str = "warehouse", receiving_code: str | None = None) -> int:
    """Create a site with its receiving bin; returns its id."""
    site = Site(code=code, name=name, kind=kind)
    db.session.add(site)
    _flush_unique(f"Site code {code!r}")
    db.session.add(
        Location(
            site_id=site.id, code=receiving_code or f"{code}-RCV", name="入荷場 Receiving", kind="receiving", walk_seq=0
        )
    )
    _flush_unique(f"Bin code {receiving_code or code + '-RCV'!r}")
    return site.id


@transactional
def create_location(
    site_id: int, code: str, *, name: str = "", zone: str = "", kind: str = "bin", walk_seq: int = 0
) -> int:
    """Create a bin in a site; returns its id."""
    if db.session.get(Site, site_id) is None:
        raise InvalidInput(f"No site {site_id}.", fields={"site_id": ["unknown site"]})
    location = Location(site_id=site_id, code=code, name=name, zone=zone, kind=kind, walk_seq=walk_seq)
    db.session.add(location)
    _flush_unique(f"Bin code {code!r}")
    return location.id
