"""HTML pages: the phone's PWA (home, scan screens, lookup, service worker and manifest), the floor's
workflow screens and the office for managers and owners; htmx partials, server-rendered.
"""

from . import pages as phone_pages  # noqa: F401  (each module registers its routes)
from . import photos, return_scan, setup, shell  # noqa: F401
from .blueprint import web_bp
from .office import (  # noqa: F401
    activity,
    admin,
    alerts,
    backups,
    badges,
    bands,
    codes,
    dashboard,
    item_photos,
    items,
    items_setup,
    jobs,
    label_printers,
    mail,
    people,
    phones,
    returns,
    sites,
    suppliers,
    tokens,
    zpl_printing,
)
from .workflows import cycle_counts, labels, order_returns, order_sending, orders, pages  # noqa: F401

__all__ = ["web_bp"]
