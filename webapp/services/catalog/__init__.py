"""What the shop stocks and where: items, their barcodes and case codes, suppliers, sites and bins;
CSV import of all of these with opening stock (dry run, row errors, all or nothing); the demo shop.
"""

from .csv_import import COLUMNS, import_csv
from .demo import seed_demo
from .items import (
    add_barcode,
    attach_barcode,
    create_item,
    create_location,
    create_site,
    create_supplier,
    remove_barcode,
    update_item,
)
from .site_stock import HeldStock, held_stock, site_overview
from .sites import add_bin, add_site, rename_site, set_bin_active, set_site_active, update_bin

__all__ = [
    "COLUMNS",
    "HeldStock",
    "add_barcode",
    "add_bin",
    "add_site",
    "attach_barcode",
    "create_item",
    "create_location",
    "create_site",
    "create_supplier",
    "held_stock",
    "import_csv",
    "remove_barcode",
    "rename_site",
    "seed_demo",
    "set_bin_active",
    "set_site_active",
    "site_overview",
    "update_bin",
    "update_item",
]
