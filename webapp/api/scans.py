"""POST /scans and /scans/batch: thin handlers over services.scans."""

from flask import current_app, jsonify, request
from flask_login import current_user, login_required
from marshmallow import ValidationError

from ..services.scanning import Actor, ScanOutcome, apply_scans
from .blueprint import api_bp
from .params import first_message, json_body
from .scan_schemas import batch_schema, outcome_dict, scan_schema

HTTP_FOR_STATUS = {"applied": 201, "duplicate": 200, "unresolved": 202, "rejected": 422}
# Rejections that are not about the scan's shape: who may do it, what it names, what changed meanwhile.
REJECTION_STATUS = {
    "forbidden": 403,
    "unknown_task": 404,
    "already_picked": 409,
    "too_many": 409,
    "task_closed": 409,
    "already_undone": 409,
}


def _actor() -> Actor:
    return Actor(
        user_id=current_user.id,
        role=current_user.role,
        default_site_id=current_user.default_site_id,
        device_id=(request.headers.get("X-Device-Id") or "")[:64] or None,
    )


@api_bp.post("/scans")
@login_required
def post_scan():
    """Apply one scan."""
    scan = scan_schema.to_scan(scan_schema.load(json_body()))
    outcome = apply_scans([scan], _actor())[0]
    status = HTTP_FOR_STATUS[outcome.status]
    if outcome.status == "rejected":
        body = {
            "error": {"code": outcome.reason, "message": outcome.message, "fields": {}},
            "scan": outcome_dict(outcome),
        }
        return jsonify(body), REJECTION_STATUS.get(outcome.reason, 422)
    return jsonify(outcome_dict(outcome)), status


@api_bp.post("/scans/batch")
@login_required
def post_scan_batch():
    """Apply up to MAX_BATCH_SCANS scans; one result per scan, in order."""
    raw = batch_schema.load(json_body())["scans"]
    limit = current_app.config["MAX_BATCH_SCANS"]
    if len(raw) > limit:
        return jsonify(
            {
                "error": {
                    "code": "too_large",
                    "message": f"A batch holds at most {limit} scans.",
                    "fields": {"scans": [f"{len(raw)} given"]},
                }
            }
        ), 413
    results: list = [None] * len(raw)
    valid, positions = [], []
    for pos, item in enumerate(raw):
        try:
            if not isinstance(item, dict):
                raise ValidationError({"_schema": ["Each scan must be a JSON object."]})
            valid.append(scan_schema.to_scan(scan_schema.load(item)))
            positions.append(pos)
        except ValidationError as exc:
            sid = item.get("scan_id") if isinstance(item, dict) else None
            results[pos] = ScanOutcome(
                str(sid) if sid is not None else "",
                "rejected",
                reason="validation_error",
                message=first_message(exc.messages),
                fields=exc.messages,
            )
    if valid:
        for pos, outcome in zip(positions, apply_scans(valid, _actor())):
            results[pos] = outcome
    return jsonify({"results": [outcome_dict(o) for o in results]}), 200
