"""Everything a batch of scans needs from the database, fetched with one query per kind."""

from dataclasses import dataclass, field

from sqlalchemy import bindparam, select

from ...domain.barcodes import MalformedCode, ParsedCode, parse_code
from ...extensions import db
from ...models import Barcode, Item, Location, Movement, Scan, Site, StockLevel, Task
from .types import ScanIn


@dataclass(frozen=True)
class ItemRef:
    id: int
    code: str
    name: str
    unit_cost: object
    serial_tracked: bool = False


@dataclass(frozen=True)
class LocationRef:
    id: int
    code: str
    site_id: int
    kind: str


@dataclass
class ScanContext:
    parsed: dict[int, ParsedCode | MalformedCode] = field(default_factory=dict)  # by position in batch
    barcodes: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (item_id, pack_qty)
    item_codes: dict[str, int] = field(default_factory=dict)
    items: dict[int, ItemRef] = field(default_factory=dict)
    locations: dict[str, LocationRef] = field(default_factory=dict)
    locations_by_id: dict[int, LocationRef] = field(default_factory=dict)
    tasks: dict[int, tuple[str, int]] = field(default_factory=dict)  # id -> (status, site_id)
    sites: dict[str, int] = field(default_factory=dict)
    first_site_id: int | None = None
    receiving_bin: dict[int, LocationRef] = field(default_factory=dict)  # site -> bin
    fullest_bin: dict[tuple[int, int], int] = field(default_factory=dict)  # (item, site) -> location id
    undo_targets: dict = field(default_factory=dict)  # scan uuid -> Scan row
    undo_movements: dict = field(default_factory=dict)  # scan uuid -> [Movement]
    already_undone: set = field(default_factory=set)
    task_data: dict = field(default_factory=dict)  # task_scans: tasks with their lines, and line updates to run
    serials: dict = field(default_factory=dict)  # (item, serial) -> bin id it is in now, None when out (locked rows)
    counted_serials: set = field(default_factory=set)  # (count task, item, serial) counted and not undone

    def resolve_item(self, parsed: ParsedCode) -> tuple[int, int] | None:
        """(item_id, pack_qty) for a parsed code, or None when nobody has mapped it yet."""
        for key in parsed.candidates:
            if key in self.barcodes:
                return self.barcodes[key]
        item_id = self.item_codes.get(_text_key(parsed))
        return (item_id, 1) if item_id is not None else None


def _rows(stmt, params=None):
    return db.session.execute(stmt, params).all()


# Built once: every scan runs these, and building a statement costs more than SQLite running it.
_B, _I, _L = Barcode.__table__.c, Item.__table__.c, Location.__table__.c
_BARCODES = (
    select(_B.code, _B.item_id, _B.pack_qty, _I.code, _I.name, _I.unit_cost, _I.serial_tracked)
    .join_from(Barcode.__table__, Item.__table__, _B.item_id == _I.id)
    .where(_B.code.in_(bindparam("keys", expanding=True)))
)
_ITEM_CODES = select(_I.code, _I.id).where(_I.code.in_(bindparam("codes", expanding=True)), _I.active)
_LOCATIONS_BY_CODE = select(_L.id, _L.code, _L.site_id, _L.kind).where(_L.code.in_(bindparam("codes", expanding=True)))
_SITES = select(Site.__table__.c.code, Site.__table__.c.id).where(Site.__table__.c.active).order_by(Site.__table__.c.id)


def _text_key(parsed: ParsedCode) -> str:
    """The form of a code matched against item codes and bin labels."""
    return parsed.candidates[0] if parsed.kind == "text" else parsed.raw


def load_context(scans: list[tuple[int, ScanIn]]) -> ScanContext:
    """Fetch codes, bins, tasks, sites and undo targets for the scans still to apply."""
    ctx = ScanContext()
    keys, raws, loc_codes, task_ids, undo_ids = set(), set(), set(), set(), set()
    parsed_codes: dict = {}  # a batch repeats the same few codes: parse each once
    for pos, scan in scans:
        if scan.undo_of is not None:
            undo_ids.add(scan.undo_of)
        else:
            try:
                key = (scan.code, scan.symbology)
                if key not in parsed_codes:
                    parsed_codes[key] = parse_code(scan.code, scan.symbology)
                parsed = parsed_codes[key]
                ctx.parsed[pos] = parsed
                keys.update(parsed.candidates)
                raws.add(_text_key(parsed))
            except MalformedCode as exc:
                ctx.parsed[pos] = exc
        loc_codes.update(c for c in (scan.location, scan.to_location) if c)
        if scan.task_id is not None:
            task_ids.add(scan.task_id)
    loc_codes.update(raws)

    if keys:
        # Barcodes with their items in one query: the common batch needs nothing more about items.
        for key, item_id, pack, code, name, cost, tracked in _rows(_BARCODES, {"keys": list(keys)}):
            ctx.barcodes[key] = (item_id, pack)
            ctx.items[item_id] = ItemRef(item_id, code, name, cost, tracked)
    unmatched = {
        _text_key(p)
        for p in parsed_codes.values()
        if isinstance(p, ParsedCode) and not any(c in ctx.barcodes for c in p.candidates)
    }
    if unmatched:
        ctx.item_codes = dict(_rows(_ITEM_CODES, {"codes": list(unmatched)}))
    for row in _rows(_LOCATIONS_BY_CODE, {"codes": list(loc_codes)}) if loc_codes else []:
        ref = LocationRef(*row)
        ctx.locations[ref.code] = ref
        ctx.locations_by_id[ref.id] = ref
    if task_ids:
        ctx.tasks = {
            i: (st, site)
            for i, st, site in _rows(select(Task.id, Task.status, Task.site_id).where(Task.id.in_(task_ids)))
        }
    if undo_ids:
        _load_undo(ctx, undo_ids)
    if any(scan.location is None or scan.site for _, scan in scans):
        # Only a scan without a bin needs sites (its site comes from the bin otherwise).
        sites = _rows(_SITES)
        ctx.sites = dict(sites)
        ctx.first_site_id = sites[0].id if sites else None
        load_receiving_bins(ctx)
    item_ids = {i for i, _ in ctx.barcodes.values()} | set(ctx.item_codes.values())
    item_ids |= {m.item_id for ms in ctx.undo_movements.values() for m in ms}
    item_ids |= {s.item_id for s in ctx.undo_targets.values() if s.item_id}
    load_items(ctx, item_ids)
    return ctx


def load_receiving_bins(ctx: ScanContext) -> None:
    """Each site's receiving bin: where scans with no bin land."""
    for row in _rows(
        select(Location.id, Location.code, Location.site_id, Location.kind)
        .where(Location.kind == "receiving", Location.active)
        .order_by(Location.walk_seq.desc(), Location.id.desc())
    ):
        ctx.receiving_bin[row.site_id] = LocationRef(*row)  # the lowest walk_seq wins (written last)
        ctx.locations_by_id[row.id] = ctx.receiving_bin[row.site_id]


def load_items(ctx: ScanContext, item_ids) -> None:
    """Add item references (code, name, cost) for these ids."""
    missing = set(item_ids) - set(ctx.items)
    if missing:
        columns = (Item.id, Item.code, Item.name, Item.unit_cost, Item.serial_tracked)
        for row in _rows(select(*columns).where(Item.id.in_(missing))):
            ctx.items[row.id] = ItemRef(*row)


def _load_undo(ctx: ScanContext, undo_ids) -> None:
    for scan in db.session.scalars(select(Scan).where(Scan.scan_id.in_(undo_ids))):
        ctx.undo_targets[scan.scan_id] = scan
    for move in db.session.scalars(select(Movement).where(Movement.scan_id.in_(undo_ids)).order_by(Movement.id)):
        ctx.undo_movements.setdefault(move.scan_id, []).append(move)
    ctx.already_undone = set(db.session.scalars(select(Scan.undo_of).where(Scan.undo_of.in_(undo_ids))))
    load_locations(ctx, {m.location_id for ms in ctx.undo_movements.values() for m in ms})


def load_fullest_bins(ctx: ScanContext, pairs) -> None:
    """For outbound scans with no bin given: the bin of the site holding most of the item."""
    pairs = set(pairs) - set(ctx.fullest_bin)
    if not pairs:
        return
    items = {i for i, _ in pairs}
    sites = {s for _, s in pairs}
    rows = _rows(
        select(StockLevel.item_id, Location.site_id, StockLevel.location_id, StockLevel.quantity)
        .join(Location, StockLevel.location_id == Location.id)
        .where(StockLevel.item_id.in_(items), Location.site_id.in_(sites), StockLevel.quantity > 0)
        .order_by(StockLevel.quantity, StockLevel.location_id.desc())
    )
    for item_id, site_id, loc_id, _qty in rows:  # ascending: the fullest bin is written last
        ctx.fullest_bin[(item_id, site_id)] = loc_id
    load_locations(ctx, set(ctx.fullest_bin.values()))


def load_locations(ctx: ScanContext, location_ids) -> None:
    """Add bin references for these ids."""
    missing = set(location_ids) - set(ctx.locations_by_id)
    if missing:
        for row in _rows(
            select(Location.id, Location.code, Location.site_id, Location.kind).where(Location.id.in_(missing))
        ):
            ctx.locations_by_id[row.id] = LocationRef(*row)
