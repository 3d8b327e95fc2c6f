"""Sites and bins set up from the office: rename, kind, zone, walk order, deactivate (never with stock)."""

from dataclasses import asdict

from sqlalchemy import select

from ...errors import Conflict, InvalidInput, NotFound
from ...extensions import db
from ...models import Location, Site
from ...models.locations import LOCATION_KINDS, SITE_KINDS
from ..core import field_changes, record_change, transactional
from .site_stock import held_stock

# Column widths: a longer text would reach the database as an error instead of a clear refusal.
FIELD_LIMITS = {"site_code": 40, "bin_code": 64, "name": 200, "zone": 40}
WALK_SEQ_RANGE = (0, 999_999)
BIN_FIELDS = ("name", "zone", "kind", "walk_seq")


def _site(site_id: int) -> Site:
    site = db.session.get(Site, site_id)
    if site is None:
        raise NotFound(f"No site {site_id}.", code="unknown_site")
    return site


def _bin(location_id: int) -> Location:
    location = db.session.get(Location, location_id)
    if location is None:
        raise NotFound(f"No bin {location_id}.", code="unknown_bin")
    return location


def _text(name: str, value: str, *, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"{name} is required.", code="required", fields={name: ["required"]})
    if len(value) > FIELD_LIMITS[name]:
        raise InvalidInput(f"{name} is too long.", code="too_long", fields={name: [f"at most {FIELD_LIMITS[name]}"]})
    return value


def _check_kind(kind, kinds) -> str:
    if kind not in kinds:
        raise InvalidInput(f"Unknown kind {kind!r}.", code="bad_kind", fields={"kind": ["unknown kind"]})
    return kind


def _refuse_taken_bin_code(code: str) -> None:
    if db.session.scalar(select(Location.id).where(Location.code == code)):
        raise Conflict(f"Bin code {code!r} already exists.", code="duplicate_code", fields={"code": ["already used"]})


def _bin_value(name: str, value):
    if name == "kind":
        return _check_kind(value, LOCATION_KINDS)
    if name == "walk_seq":
        low, high = WALK_SEQ_RANGE
        if isinstance(value, str):
            value = value.strip()
            if not (value.isdigit() and len(value) <= 7):
                raise InvalidInput("walk_seq must be a number.", code="bad_walk_seq", fields={name: ["not a number"]})
            value = int(value)
        if not isinstance(value, int) or not low <= value <= high:
            raise InvalidInput("walk_seq out of range.", code="bad_walk_seq", fields={name: [f"{low}-{high}"]})
        return value
    return _text(name, value)


def _refuse_if_stocked(location_ids: list[int], what: str) -> None:
    stock = held_stock(location_ids)
    if stock:
        listed = ", ".join(f"{s.item_code} x{s.quantity} in {s.bin_code}" for s in stock)
        raise Conflict(
            f"{what} still holds stock: {listed}.", code="holds_stock", fields={"stock": [asdict(s) for s in stock]}
        )


@transactional
def add_site(actor_id: int | None, code: str, name: str, kind: str = "warehouse") -> int:
    """Create a site with its receiving bin (code-RCV); refuses a code already used by a site or bin."""
    code, name = _text("site_code", code, required=True), _text("name", name, required=True)
    _check_kind(kind, SITE_KINDS)
    receiving = f"{code}-RCV"
    if db.session.scalar(select(Site.id).where(Site.code == code)):
        raise Conflict(f"Site code {code!r} already exists.", code="duplicate_code", fields={"code": ["already used"]})
    _refuse_taken_bin_code(receiving)
    site = Site(code=code, name=name, kind=kind)
    db.session.add(site)
    db.session.flush()
    db.session.add(Location(site_id=site.id, code=receiving, name="入荷場 Receiving", kind="receiving", walk_seq=0))
    db.session.flush()
    record_change(actor_id, "site", site.id, code, {"code": (None, code), "name": (None, name)}, action="create")
    return site.id


@transactional
def add_bin(
    actor_id: int | None, site_id: int, code: str, *, name: str = "", zone: str = "", kind: str = "bin", walk_seq=0
) -> int:
    """Create a bin in an active site; refuses a code any bin already has (a scan must name one bin)."""
    site = _site(site_id)
    if not site.active:
        raise Conflict(f"Site {site.code} is inactive.", code="site_inactive")
    code = _text("bin_code", code, required=True)
    values = {"name": _text("name", name), "zone": _text("zone", zone), "walk_seq": _bin_value("walk_seq", walk_seq)}
    if _bin_value("kind", kind) == "receiving":
        raise InvalidInput("A site has one receiving bin.", code="receiving_kind", fields={"kind": ["receiving"]})
    _refuse_taken_bin_code(code)
    location = Location(site_id=site_id, code=code, kind=kind, **values)
    db.session.add(location)
    db.session.flush()
    record_change(
        actor_id, "bin", location.id, code, {"code": (None, code), "site": (None, site.code)}, action="create"
    )
    return location.id


@transactional
def rename_site(actor_id: int | None, site_id: int, name: str, kind: str | None = None) -> None:
    """Give a site a new name (and kind)."""
    site = _site(site_id)
    values = {"name": _text("name", name, required=True)}
    if kind is not None:
        values["kind"] = _check_kind(kind, SITE_KINDS)
    changes = field_changes(site, values)
    for field, (_old, new) in changes.items():
        setattr(site, field, new)
    record_change(actor_id, "site", site.id, site.code, changes)


@transactional
def set_site_active(actor_id: int | None, site_id: int, active: bool) -> None:
    """Deactivate a site (refused while it holds stock or any shelf bin is active) or bring it back."""
    site = _site(site_id)
    if site.active == active:
        return
    bins = list(db.session.scalars(select(Location).where(Location.site_id == site_id)))
    if not active:
        _refuse_if_stocked([b.id for b in bins], f"Site {site.code}")
        # The receiving bin goes with its site; every other active bin must be deactivated first, on purpose.
        shelves = [b.code for b in bins if b.active and b.kind != "receiving"]
        if shelves:
            raise Conflict(
                f"Site {site.code} still has active bins: {', '.join(shelves[:5])}.",
                code="has_active_bins",
                fields={"bins": shelves},
            )
    for location in bins:
        if location.kind == "receiving":
            location.active = active
    site.active = active
    record_change(actor_id, "site", site.id, site.code, {"active": (not active, active)})


@transactional
def update_bin(actor_id: int | None, location_id: int, field: str, value) -> None:
    """Change one field of a bin (name, zone, kind or walk order), as the office saves it on change."""
    if field not in BIN_FIELDS:
        raise InvalidInput(f"Unknown bin field {field!r}.", code="unknown_field", fields={field: ["unknown field"]})
    location = _bin(location_id)
    value = _bin_value(field, value)
    if field == "kind" and location.kind != value and "receiving" in (value, location.kind):
        # Receipts land in the one receiving bin a site gets at creation; moving that role would lose them.
        raise InvalidInput(
            "The receiving bin stays the receiving bin.", code="receiving_kind", fields={"kind": [value]}
        )
    changes = field_changes(location, {field: value})
    setattr(location, field, value)
    record_change(actor_id, "bin", location.id, location.code, changes)


@transactional
def set_bin_active(actor_id: int | None, location_id: int, active: bool) -> None:
    """Deactivate a bin (refused while it holds stock, naming the stock) or bring it back."""
    location = _bin(location_id)
    if location.active == active:
        return
    if not active:
        if location.kind == "receiving":
            raise Conflict("The receiving bin goes only with its site.", code="receiving_bin")
        _refuse_if_stocked([location.id], f"Bin {location.code}")
    elif not location.site.active:
        raise Conflict(f"Site {location.site.code} is inactive.", code="site_inactive")
    location.active = active
    record_change(actor_id, "bin", location.id, location.code, {"active": (not active, active)})
