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

__all__ = [
    "COLUMNS",
    "add_barcode",
    "attach_barcode",
    "create_item",
    "create_location",
    "create_site",
    "create_supplier",
    "import_csv",
    "remove_barcode",
    "seed_demo",
    "update_item",
]
