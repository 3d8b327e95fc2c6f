"""POST /task-actions/batch: a phone's queued short picks and completions, each applied once per action_id."""

from flask import current_app, jsonify
from flask_login import login_required
from marshmallow import ValidationError

from ...services.workflows import apply_action
from ..blueprint import api_bp
from ..devices import UNKNOWN_WORKER, actors_for
from ..params import first_message, json_body
from .schemas import action_in


@api_bp.post("/task-actions/batch")
@login_required
def post_task_actions():
    """Apply queued task actions in order; one result per action (applied, duplicate or rejected)."""
    raw = json_body().get("actions")
    limit = current_app.config["MAX_BATCH_SCANS"]
    if not isinstance(raw, list) or len(raw) > limit:
        return jsonify(
            {
                "error": {
                    "code": "validation_error" if not isinstance(raw, list) else "too_large",
                    "message": f"Send 'actions', a list of at most {limit}.",
                    "fields": {"actions": ["a list"]},
                }
            }
        ), 422 if not isinstance(raw, list) else 413
    results = []
    actors = actors_for({item.get("worker_id") for item in raw if isinstance(item, dict)})
    for item in raw:
        try:
            data = action_in.load(item if isinstance(item, dict) else {})
        except ValidationError as exc:
            sid = item.get("action_id") if isinstance(item, dict) else None
            results.append(
                {
                    "action_id": str(sid or ""),
                    "status": "rejected",
                    "reason": "validation_error",
                    "message": first_message(exc.messages),
                }
            )
            continue
        actor = actors.get(data["worker_id"])
        if actor is None:
            results.append(
                {
                    "action_id": str(data["action_id"]),
                    "status": "rejected",
                    "reason": "unknown_worker",
                    "message": UNKNOWN_WORKER,
                }
            )
            continue
        results.append(
            apply_action(
                data["action_id"],
                data["kind"],
                data["task_id"],
                actor.user_id,
                line_id=data["line_id"],
                reason=data["reason"],
                note=data["note"],
                occurred_at=data["occurred_at"],
            )
        )
    return jsonify({"results": results}), 200
