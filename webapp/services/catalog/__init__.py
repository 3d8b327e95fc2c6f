"""What the shop stocks and where: items (every setting, deactivation), their barcodes and case codes,
their photos (resized WebP in the database), suppliers, sites and bins, and the bounds every field of an
item or supplier is held to; CSV import of all of these with opening stock (dry run, row errors, all or
nothing); the demo shop.
"""

from .csv_import import COLUMNS, import_csv
from .demo import seed_demo
from .items import (
    add_barcode,
    attach_barcode,
    create_item,
    create_location,
    create_site,
    remove_barcode,
    set_item_active,
    update_item,
)
from .photos import (
    LARGE_PX,
    MAX_PHOTO_BYTES,
    THUMB_PX,
    PhotoTooLarge,
    item_photo,
    photo_etags,
    photo_url,
    remove_item_photo,
    resize_photo,
    store_item_photo,
)
from .rules import ITEM_RULES, SUPPLIER_RULES
from .site_stock import HeldStock, held_stock, site_overview
from .sites import add_bin, add_site, rename_site, set_bin_active, set_site_active, update_bin
from .suppliers import create_supplier, get_supplier, list_suppliers, update_supplier

__all__ = [
    "COLUMNS",
    "ITEM_RULES",
    "LARGE_PX",
    "MAX_PHOTO_BYTES",
    "SUPPLIER_RULES",
    "THUMB_PX",
    "HeldStock",
    "PhotoTooLarge",
    "add_barcode",
    "add_bin",
    "add_site",
    "attach_barcode",
    "create_item",
    "create_location",
    "create_site",
    "create_supplier",
    "get_supplier",
    "held_stock",
    "import_csv",
    "item_photo",
    "list_suppliers",
    "photo_etags",
    "photo_url",
    "remove_barcode",
    "remove_item_photo",
    "rename_site",
    "resize_photo",
    "seed_demo",
    "set_bin_active",
    "set_item_active",
    "set_site_active",
    "site_overview",
    "store_item_photo",
    "update_bin",
    "update_item",
    "update_supplier",
]
