"""Snoozing an alert through the API: hidden and not delivered until a time, who and when kept."""

from flask import jsonify
from flask_login import current_user
from marshmallow import Schema

from ..auth.roles import require_role
from ..extensions import db
from ..models import Alert
from ..services import notifications
from .blueprint import api_bp
from .bounded import QueryTime
from .catalog.schemas import alert_schema
from .params import json_body


class SnoozeIn(Schema):
    """Until when (with its offset, at most 90 days ahead); null shows the alert again now."""

    until = QueryTime(required=True, allow_none=True)


@api_bp.post("/alerts/<int:alert_id>/snooze")
@require_role("manager")
def snooze_alert(alert_id: int):
    """Hide an alert and hold its e-mails and webhooks until `until`."""
    data = SnoozeIn().load(json_body())
    notifications.snooze(alert_id, current_user.id, data["until"])
    return jsonify(alert_schema.dump(db.session.get(Alert, alert_id)))
