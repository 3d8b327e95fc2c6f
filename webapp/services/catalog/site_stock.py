"""What the sites and bins hold: the stock that keeps a bin from closing, and the office's site overview."""

from dataclasses import dataclass

from sqlalchemy import func, select

from ...extensions import db
from ...models import Item, Location, Site, StockLevel


@dataclass(frozen=True)
class HeldStock:
    """Stock that keeps a bin or site from being deactivated: which item, in which bin, how many."""

    item_code: str
    item_name: str
    item_name_en: str
    bin_code: str
    quantity: int


def held_stock(location_ids: list[int], limit: int = 5) -> list[HeldStock]:
    """What stock these bins hold (largest first), to name it in a refusal."""
    total = func.sum(StockLevel.quantity)
    rows = db.session.execute(
        select(Item.code, Item.name, Item.name_en, Location.code, total)
        .join(Item, Item.id == StockLevel.item_id)
        .join(Location, Location.id == StockLevel.location_id)
        .where(StockLevel.location_id.in_(location_ids))
        .group_by(Item.code, Item.name, Item.name_en, Location.code)
        .having(total != 0)
        .order_by(total.desc(), Location.code)
        .limit(limit)
    )
    return [HeldStock(code, name, name_en or "", bin_code, int(qty)) for code, name, name_en, bin_code, qty in rows]


def site_overview() -> list[dict]:
    """Every site with its bins (active first, in walk order) and the quantity each bin holds."""
    rows = db.session.execute(
        select(StockLevel.location_id, func.sum(StockLevel.quantity)).group_by(StockLevel.location_id)
    )
    held = dict(rows.all())
    sites = db.session.scalars(select(Site).order_by(Site.active.desc(), Site.code))
    return [
        {
            "site": site,
            "bins": [
                {"bin": b, "quantity": int(held.get(b.id) or 0)}
                for b in sorted(site.locations, key=lambda b: (not b.active, b.walk_seq, b.code))
            ],
        }
        for site in sites
    ]
