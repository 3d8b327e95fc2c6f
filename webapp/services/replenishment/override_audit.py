"""The audit record of a hand-set safety stock or reorder point, old and new, in the setting's transaction."""

from ...extensions import db
from ...models import Item, ReplenishmentOverride, Site
from ..core import record_change


def record_override(user_id, item_id, site_id, found: ReplenishmentOverride | None, safety_stock, reorder_point, note):
    """Record what an override changes (a removal clears both numbers) against the item, naming the site."""
    old = (found.safety_stock, found.reorder_point, found.note) if found else (None, None, "")
    new = (safety_stock, reorder_point, note if safety_stock is not None or reorder_point is not None else "")
    changes = {
        name: pair for name, *pair in zip(("safety_stock", "reorder_point", "note"), old, new) if pair[0] != pair[1]
    }
    item, site = db.session.get(Item, item_id), db.session.get(Site, site_id)
    label = f"{item.code if item else item_id} @ {site.code if site else site_id}"
    action = "delete" if found and new[:2] == (None, None) else "update"
    record_change(user_id, "override", item_id, label, changes, action)
