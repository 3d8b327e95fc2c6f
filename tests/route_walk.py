"""Walking the URL map over a busy shop: every GET route with its path filled from real rows."""

import re

from sqlalchemy import select

from tests.builders import make_user
from webapp.extensions import db
from webapp.models import Item, Location, Site, Supplier
from webapp.services import picking, purchasing, stocktake
from webapp.services.catalog import seed_demo
from webapp.services.replenishment import recompute

PASSWORD = "correct horse battery"
# Paths no test client can fill with something real: a backup file's name, a pairing link, a photo size.
UNFILLABLE = {"name", "token", "size"}


def busy_shop() -> dict:
    """The demo shop after its engine run, one order, pick list and count each, and a user of every role."""
    seed_demo()
    recompute()
    users = {role: make_user(f"{role}-kimura", role, PASSWORD) for role in ("worker", "manager", "owner")}
    owner = users["owner"][0]
    ids = {
        "purchase-orders": purchasing.create_purchase_order(
            "TKY", "SUP-KIKUCHI", [("RETRO-CLOCK", 12), ("TEA-SENCHA", 24)], owner
        ),
        "pick-lists": picking.create_pick_list("TKY", [("TEA-SENCHA", 2)], owner, "SO-1001"),
        "count-sessions": stocktake.start_count("TKY", owner, scope="items", items=["MUG-HASAMI"]),
        "item_id": db.session.scalar(select(Item.id).where(Item.code == "TEA-SENCHA")),
        "supplier_id": db.session.scalar(select(Supplier.id).where(Supplier.code == "SUP-KIKUCHI")),
        "site_id": db.session.scalar(select(Site.id).where(Site.code == "TKY")),
        "location_id": db.session.scalar(select(Location.id).where(Location.kind == "bin").order_by(Location.id)),
        "user_id": users["worker"][0],
    }
    ids["bin_id"] = ids["location_id"]
    return {"users": users, "ids": ids}


def _choices(converter: str) -> list[str] | None:
    found = re.match(r"any\(([^)]*)\)", converter)
    return [c.strip(" '\"") for c in found.group(1).split(",")] if found else None


def get_urls(app, ids: dict, prefix: str = "/") -> list[str]:
    """One URL per GET route under `prefix` (every choice of an any()), ids taken from `ids`."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.rule.startswith(prefix) or rule.endpoint == "static":
            continue
        urls.extend(_fill(rule.rule, ids))
    return sorted(set(urls))


def _fill(path: str, ids: dict) -> list[str]:
    params = re.findall(r"<([^>]+)>", path)
    if not params:
        return [path]
    first = params[0]
    name = first.split(":")[-1]
    converter = first.split(":")[0] if ":" in first else ""
    choices = _choices(converter)
    if choices is None:
        if name in UNFILLABLE:
            return []
        if name == "task_id":
            kind = next((k for k in ("purchase-orders", "pick-lists", "count-sessions") if k in path), None)
            values = [str(ids[kind])] if kind else [str(ids[k]) for k in ("purchase-orders", "pick-lists")]
        elif name == "mode":
            values = ["receive", "pick", "lookup"]
        elif name == "kind_path":
            values = ["purchase-orders", "pick-lists", "count-sessions"]
        else:
            values = [str(ids.get(name, 1))]  # a route added since: the first row of its table
    else:
        values = choices
    out = []
    for value in values:
        out.extend(_fill(path.replace(f"<{first}>", value, 1), ids))
    return out
