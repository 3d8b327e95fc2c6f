"""The ZPL of item, bin and case labels for one printer, read from the catalog and laid out by domain/zpl_labels."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from ...domain.gtin import MalformedCode, is_valid_gtin
from ...domain.zpl import MAX_COPIES, LabelDoesNotFit, LabelSize
from ...domain.zpl_barcodes import gs1_case
from ...domain.zpl_labels import BinLabel, CaseLabel, ItemLabel, TextStyle
from ...domain.zpl_labels import bin_label as bin_layout
from ...domain.zpl_labels import case_label as case_layout
from ...domain.zpl_labels import item_label as item_layout
from ...errors import InvalidInput, NotFound
from ...extensions import db
from ...models import Barcode, Item, LabelPrinter, Location
from .printers import get_printer
from .text_bitmap import draw_text

MAX_BINS = 200  # one print job; a whole site's shelves go in a few
# GS1 reads (17) YYMMDD in a window around today; a label outside 2000-2099 would name the wrong century.
EXPIRY_RANGE = (date(2000, 1, 1), date(2099, 12, 31))


@dataclass(frozen=True)
class LabelJob:
    """Labels ready for one printer: the ZPL bytes, how many labels it prints, their kind and what they are for."""

    printer_id: int
    zpl: bytes
    labels: int
    kind: str  # item, case or bins
    target: str  # the item code, the case's GS1 element string, the bin codes
    filename: str


def _copies(copies) -> int:
    if not isinstance(copies, int) or isinstance(copies, bool) or not 1 <= copies <= MAX_COPIES:
        raise InvalidInput(f"Copies must be 1-{MAX_COPIES}.", code="bad_copies", fields={"copies": [f"1-{MAX_COPIES}"]})
    return copies


def _setup(printer: LabelPrinter) -> tuple[LabelSize, TextStyle]:
    size = LabelSize(float(printer.width_mm), float(printer.height_mm), printer.dpi)
    return size, TextStyle(mode=printer.text_mode, font=printer.font, draw=draw_text)


def _laid_out(build, code: str):
    try:
        return build()
    except LabelDoesNotFit as exc:
        fields = {"needed_mm": [round(v) for v in exc.needed_mm], "label_mm": list(exc.label_mm), "what": exc.what}
        raise InvalidInput(str(exc), code="label_too_small", fields=fields) from None
    except ValueError:
        # Code 128 holds ASCII only: a bin or item code typed in Japanese has no barcode of its own.
        raise InvalidInput(
            f"{code} cannot be a Code 128 barcode: ASCII letters, digits and marks only.",
            code="not_barcodable",
            fields={"code": code},
        ) from None


def _name(item: Item, lang: str) -> str:
    return (item.name_en or item.name) if lang == "en" else (item.name or item.name_en)


def _price(item: Item) -> str:
    price = Decimal(item.unit_price or 0)
    return f"¥{price:,.0f}" if price > 0 else ""


def _jan(item_id: int) -> str | None:
    """The item's own JAN (a 13-digit code for one unit), the first one added."""
    raws = db.session.scalars(
        select(Barcode.raw).where(Barcode.item_id == item_id, Barcode.pack_qty == 1).order_by(Barcode.id)
    )
    return next((raw for raw in raws if len(raw) == 13 and is_valid_gtin(raw)), None)


def item_label(printer_id: int, item_id: int, *, copies: int = 1, lang: str = "ja", price: bool = False) -> LabelJob:
    """An item's label: its name in `lang`, JAN as EAN-13 (else its code as Code 128), optionally its price."""
    printer, copies = get_printer(printer_id, active=True), _copies(copies)
    item = db.session.get(Item, item_id)
    if item is None:
        raise NotFound(f"No item {item_id}.", code="unknown_item")
    size, style = _setup(printer)
    data = ItemLabel(_name(item, lang), item.code, _jan(item.id), _price(item) if price else "")
    label = _laid_out(lambda: item_layout(size, style, data), item.code)
    return LabelJob(printer.id, label.zpl(copies).encode(), copies, "item", item.code, f"item-{item.code}.zpl")


def bin_labels(printer_id: int, location_ids: list[int], *, copies: int = 1) -> LabelJob:
    """One label per bin (in walk order), each `copies` times."""
    printer, copies = get_printer(printer_id, active=True), _copies(copies)
    ids = list(dict.fromkeys(location_ids))
    if not ids or len(ids) > MAX_BINS:
        raise InvalidInput(f"Choose 1-{MAX_BINS} bins.", code="bad_bin_count", fields={"bins": [f"1-{MAX_BINS}"]})
    stmt = select(Location).where(Location.id.in_(ids)).order_by(Location.walk_seq, Location.code)
    locations = list(db.session.scalars(stmt))
    if len(locations) != len(ids):
        raise NotFound("No such bin.", code="unknown_bin")
    size, style = _setup(printer)
    zpl = "".join(
        _laid_out(lambda loc=loc: bin_layout(size, style, BinLabel(loc.code, loc.name)), loc.code).zpl(copies)
        for loc in locations
    )
    codes = ", ".join(loc.code for loc in locations)
    filename = f"bins-{locations[0].code}.zpl"
    return LabelJob(printer.id, zpl.encode(), copies * len(locations), "bins", codes, filename)


def case_label(
    printer_id: int,
    barcode_id: int,
    *,
    copies: int = 1,
    lang: str = "ja",
    lot: str = "",
    expiry: date | None = None,
) -> LabelJob:
    """A case's GS1-128 label from one of the item's case codes: (01) its GTIN-14, (17) expiry, (10) lot."""
    printer, copies = get_printer(printer_id, active=True), _copies(copies)
    barcode = db.session.get(Barcode, barcode_id)
    if barcode is None or barcode.pack_qty < 2:
        raise NotFound(f"No case code {barcode_id}.", code="unknown_case_code")
    if expiry is not None and not EXPIRY_RANGE[0] <= expiry <= EXPIRY_RANGE[1]:
        raise InvalidInput("An expiry date is 2000-2099.", code="bad_expiry", fields={"expiry": ["2000-2099"]})
    try:
        gs1 = gs1_case(barcode.raw, expiry, lot)
    except MalformedCode:
        raise InvalidInput(
            f"Case code {barcode.raw} is not a GTIN, so it cannot go in a GS1-128.", code="case_not_gtin"
        ) from None
    except ValueError as exc:
        raise InvalidInput(str(exc), code="bad_lot", fields={"lot": ["GS1 characters, at most 20"]}) from None
    size, style = _setup(printer)
    data = CaseLabel(_name(barcode.item, lang), barcode.pack_qty, gs1, lang)
    label = _laid_out(lambda: case_layout(size, style, data), barcode.raw)
    return LabelJob(printer.id, label.zpl(copies).encode(), copies, "case", gs1.human, f"case-{gs1.gtin14}.zpl")
