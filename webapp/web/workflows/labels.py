"""A printable sheet of bin labels and item labels, each with its barcode."""

from flask import render_template, request
from markupsafe import Markup
from sqlalchemy import select

from ...auth.roles import require_role
from ...domain.gtin import is_valid_gtin
from ...domain.labels import code128_modules, ean13_modules, svg
from ...extensions import db
from ...models import Barcode, Item, Location, Site
from ...services.labels import list_printers
from ..blueprint import web_bp


def _item_barcode(item: Item, raws: dict) -> tuple[str, str]:
    """The item's own JAN as EAN-13 when it has one, else its item code as Code 128."""
    raw = raws.get(item.id)
    if raw and len(raw) == 13 and is_valid_gtin(raw):
        return raw, svg(ean13_modules(raw))
    return item.code, svg(code128_modules(item.code))


@web_bp.route("/workflows/labels")
@require_role("manager")
def workflow_labels():
    """Bin labels of a site (or chosen bins) and item labels, laid out for A4 label paper."""
    site_code = request.args.get("site", "")
    what = request.args.get("what", "both")
    stmt = select(Location).join(Site).where(Location.active).order_by(Site.code, Location.walk_seq, Location.code)
    if site_code:
        stmt = stmt.where(Site.code == site_code)
    chosen = [c for c in request.args.get("bins", "").split(",") if c]
    if chosen:
        stmt = stmt.where(Location.code.in_(chosen))
    bins = (
        []
        if what == "items"
        else [
            {"code": loc.code, "name": loc.name, "svg": Markup(svg(code128_modules(loc.code), height=70))}
            for loc in db.session.scalars(stmt)
        ]
    )
    items = []
    if what != "bins":
        raws = {}
        for item_id, raw in db.session.execute(
            select(Barcode.item_id, Barcode.raw).where(Barcode.pack_qty == 1).order_by(Barcode.id)
        ):
            raws.setdefault(item_id, raw)
        for item in db.session.scalars(select(Item).where(Item.active).order_by(Item.code)):
            text, drawing = _item_barcode(item, raws)
            items.append(
                {"code": item.code, "name": item.name, "name_en": item.name_en, "text": text, "svg": Markup(drawing)}
            )
    sites = list(db.session.scalars(select(Site.code).order_by(Site.code)))
    return render_template(
        "workflows/labels.html",
        page="labels",
        bins=bins,
        items=items,
        sites=sites,
        site_code=site_code,
        what=what,
        chosen=",".join(chosen),
        label_printers=list_printers(active_only=True),
    )
