"""Thermal labels in ZPL: the label printers the owner sets up (host, port 9100, dpi, label size in mm, how
Japanese text is printed), the item, bin and case labels built for a printer from the catalog (layouts in
`domain/zpl_labels.py`; names drawn as bitmaps with the shipped Japanese font in graphic mode), and sending
them to the printer's raw TCP port, a print recorded only once the printer has taken every byte.
"""

from .documents import MAX_BINS, LabelJob, bin_labels, case_label, item_label
from .printers import (
    PRINTER_RULES,
    create_printer,
    get_printer,
    list_printers,
    set_printer_active,
    update_printer,
)
from .sending import PRINT_TIMEOUT, print_job, send_zpl
from .text_bitmap import draw_text

__all__ = [
    "MAX_BINS",
    "PRINTER_RULES",
    "PRINT_TIMEOUT",
    "LabelJob",
    "bin_labels",
    "case_label",
    "create_printer",
    "draw_text",
    "get_printer",
    "item_label",
    "list_printers",
    "print_job",
    "send_zpl",
    "set_printer_active",
    "update_printer",
]
