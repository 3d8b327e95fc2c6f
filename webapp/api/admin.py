"""Sites, bins, alerts and unresolved codes."""

from flask import jsonify
from flask_login import current_user, login_required
from marshmallow import validate
from sqlalchemy import or_, select

from ..auth.roles import require_role
from ..extensions import db
from ..models import Alert, Location, Site
from ..models.alerts import ALERT_KINDS, ALERT_STATUSES
from ..models.types import utcnow
from ..services import catalog
from ..services import notifications as alert_service
from ..services.scanning import map_code, unresolved_codes
from .blueprint import api_bp
from .bounded import Flag, QueryInt, Text
from .catalog.schemas import (
    alert_schema,
    alerts_schema,
    location_schema,
    locations_schema,
    map_code_schema,
    site_schema,
    sites_schema,
)
from .params import json_body, with_query


@api_bp.get("/sites")
@login_required
def list_sites():
    """All sites."""
    return jsonify({"sites": sites_schema.dump(db.session.scalars(select(Site).order_by(Site.code)))})


@api_bp.post("/sites")
@require_role("owner")
def create_site():
    """Create a site with its receiving bin."""
    data = site_schema.load(json_body())
    site_id = catalog.create_site(data["code"], data["name"], data["kind"])
    return jsonify(site_schema.dump(db.session.get(Site, site_id))), 201


@api_bp.get("/locations")
@login_required
@with_query(site_id=QueryInt(1))
def list_locations(query):
    """Bins, optionally of one site, in walk order."""
    stmt = select(Location).order_by(Location.site_id, Location.walk_seq, Location.code)
    site_id = query.get("site_id")
    if site_id:
        stmt = stmt.where(Location.site_id == site_id)
    return jsonify({"locations": locations_schema.dump(db.session.scalars(stmt))})


@api_bp.post("/locations")
@require_role("owner")
def create_location():
    """Create a bin."""
    data = location_schema.load(json_body())
    location_id = catalog.create_location(data.pop("site_id"), data.pop("code"), **data)
    return jsonify(location_schema.dump(db.session.get(Location, location_id))), 201


@api_bp.get("/alerts")
@login_required
@with_query(
    status=Text(20, load_default="open", validate=validate.OneOf((*ALERT_STATUSES, "all"))),
    kind=Text(40, load_default=None, validate=validate.OneOf(ALERT_KINDS)),
    limit=QueryInt(1, 1000, load_default=100),
    snoozed=Flag(),
)
def list_alerts(query):
    """Alerts, open ones by default (snoozed ones only with snoozed=1); filter by kind and status."""
    status, kind = query["status"], query["kind"]
    stmt = select(Alert).order_by(Alert.updated_at.desc()).limit(query["limit"])
    if not query["snoozed"]:
        stmt = stmt.where(or_(Alert.snoozed_until.is_(None), Alert.snoozed_until <= utcnow()))
    if status == "open":
        stmt = stmt.where(Alert.status.in_(("open", "acknowledged")))
    elif status != "all":
        stmt = stmt.where(Alert.status == status)
    if kind:
        stmt = stmt.where(Alert.kind == kind)
    return jsonify({"alerts": alerts_schema.dump(db.session.scalars(stmt))})


@api_bp.post("/alerts/<int:alert_id>/acknowledge")
@require_role("manager")
def acknowledge_alert(alert_id: int):
    """Mark an alert as seen."""
    alert_service.acknowledge(alert_id, current_user.id)
    return jsonify(alert_schema.dump(db.session.get(Alert, alert_id)))


@api_bp.get("/unresolved")
@require_role("manager")
def list_unresolved():
    """Codes scanned that no item has yet."""
    return jsonify({"codes": unresolved_codes()})


@api_bp.post("/unresolved/map")
@require_role("manager")
def map_unresolved():
    """Map a code to an item; every waiting scan of it is applied."""
    data = map_code_schema.load(json_body())
    return jsonify(map_code(data["code"], data["item_id"], data["pack_qty"]))
