"""Sites, bins, alerts and unresolved codes."""

from flask import jsonify, request
from flask_login import current_user, login_required
from sqlalchemy import select

from ..auth.roles import require_role
from ..errors import InvalidInput
from ..extensions import db
from ..models import Alert, Location, Site
from ..models.alerts import ALERT_KINDS, ALERT_STATUSES
from ..services import catalog
from ..services import notifications as alert_service
from ..services.scanning import map_code, unresolved_codes
from .blueprint import api_bp
from .catalog.schemas import (
    alert_schema,
    alerts_schema,
    location_schema,
    locations_schema,
    map_code_schema,
    site_schema,
    sites_schema,
)
from .params import int_arg, json_body


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
def list_locations():
    """Bins, optionally of one site, in walk order."""
    stmt = select(Location).order_by(Location.site_id, Location.walk_seq, Location.code)
    site_id = int_arg("site_id", lo=1)
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
def list_alerts():
    """Alerts, open ones by default; filter by kind and status."""
    status = request.args.get("status", "open")
    kind = request.args.get("kind")
    if status not in (*ALERT_STATUSES, "all") or (kind and kind not in ALERT_KINDS):
        raise InvalidInput(
            "Unknown alert status or kind.", fields={"status": list(ALERT_STATUSES), "kind": list(ALERT_KINDS)}
        )
    stmt = select(Alert).order_by(Alert.updated_at.desc()).limit(int_arg("limit", 100, lo=1, hi=1000))
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
