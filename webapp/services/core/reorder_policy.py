"""Where the stock-change check finds the reorder point of an item at a site."""

import math

from sqlalchemy import bindparam, select

from ...extensions import db
from ...models import Item, ReplenishmentOverride, ReplenishmentResult, Site


def policy_columns():
    """The policy query's columns and FROM, for callers that add their own columns to it."""
    item, site = Item.__table__, Site.__table__
    result, override = ReplenishmentResult.__table__, ReplenishmentOverride.__table__
    columns = (
        item.c.id,
        site.c.id,
        item.c.reorder_point,
        item.c.safety_stock,
        result.c.reorder_point,
        result.c.cycle_stock,
        override.c.safety_stock,
        override.c.reorder_point,
    )
    joined = (
        item.join(site, site.c.id.in_(bindparam("sites", expanding=True)))
        .outerjoin(result, (result.c.item_id == item.c.id) & (result.c.site_id == site.c.id))
        .outerjoin(override, (override.c.item_id == item.c.id) & (override.c.site_id == site.c.id))
    )
    return columns, joined, item.c.id.in_(bindparam("items", expanding=True))


def _policy_statement():
    columns, joined, wanted = policy_columns()
    return select(*columns).select_from(joined).where(wanted)


# Built once: the reorder check runs on every scan.
_POLICY = _policy_statement()


def pair_params(pairs) -> dict:
    """The `items` and `sites` parameters of the statements keyed by (item, site) pairs."""
    return {"items": list({i for i, _ in pairs}), "sites": list({s for _, s in pairs})}


def _policy_rows(pairs):
    """Item fields, stored engine result and override of each (item, site) pair, in one query."""
    return db.session.execute(_POLICY, pair_params(pairs))


def reorder_point(item_rop, item_ss, stored_rop, stored_cycle, manual_ss, manual_rop):
    """A hand-set override, else the engine's stored result, else the item's field."""
    if manual_rop is not None:
        return manual_rop
    if manual_ss is not None:
        # Cycle stock from the engine when it has run, else from the item's own fields.
        cycle = math.ceil(stored_cycle) if stored_cycle is not None else item_rop - item_ss
        return cycle + manual_ss
    if stored_rop is not None:
        return stored_rop
    return item_rop


def reorder_points(pairs) -> dict[tuple[int, int], int]:
    """(item, site) -> reorder point: a hand-set override, else the engine's stored result, else the item's field."""
    pairs = set(pairs)
    if not pairs:
        return {}
    points = {}
    for item_id, site_id, *policy in _policy_rows(pairs):
        if (item_id, site_id) in pairs:
            points[(item_id, site_id)] = reorder_point(*policy)
    return points


def safety_stocks(pairs) -> dict[tuple[int, int], int]:
    """(item, site) -> safety stock shown beside the reorder point, from the same sources in the same order."""
    pairs = set(pairs)
    items = {i for i, _ in pairs}
    fields = dict(db.session.execute(select(Item.id, Item.safety_stock).where(Item.id.in_(items))).all())
    stored = {
        (i, s): v
        for i, s, v in db.session.execute(
            select(ReplenishmentResult.item_id, ReplenishmentResult.site_id, ReplenishmentResult.safety_stock).where(
                ReplenishmentResult.item_id.in_(items)
            )
        )
    }
    manual = {
        (i, s): v
        for i, s, v in db.session.execute(
            select(
                ReplenishmentOverride.item_id, ReplenishmentOverride.site_id, ReplenishmentOverride.safety_stock
            ).where(ReplenishmentOverride.item_id.in_(items), ReplenishmentOverride.safety_stock.is_not(None))
        )
    }
    return {p: manual.get(p, stored.get(p, fields[p[0]])) for p in pairs if p[0] in fields}
