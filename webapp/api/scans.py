"""POST /scans and /scans/batch: thin handlers over services.scans."""

from flask import current_app, jsonify
from flask_login import login_required
from marshmallow import ValidationError

from ..services.scanning import ScanOutcome, apply_scans
from .blueprint import api_bp
from .devices import UNKNOWN_WORKER, actors_for
from .params import first_message, json_body
from .scan_schemas import batch_schema, outcome_dict, scan_schema

HTTP_FOR_STATUS = {"applied": 201, "duplicate": 200, "unresolved": 202, "rejected": 422}
# Rejections that are not about the scan's shape: who may do it, what it names, what changed meanwhile.
REJECTION_STATUS = {
    "forbidden": 403,
    "undo_not_own": 403,
    "unknown_task": 404,
    "already_picked": 409,
    "too_many": 409,
    "task_closed": 409,
    "already_undone": 409,
    # An undo the task's state no longer allows: the undo itself is well formed.
    "undo_of_undo": 409,
    "undo_task_closed": 409,
    "line_closed": 409,
    "nothing_to_undo": 409,
}


def _unknown_worker(scan_id) -> ScanOutcome:
    return ScanOutcome(str(scan_id), "rejected", reason="unknown_worker", message=UNKNOWN_WORKER)


def _apply_by_worker(valid: list, results: list) -> None:
    """Apply (position, scan, worker id) triples, each booked to the worker who made it.

    Consecutive scans of one worker go in one transaction; a shared phone's batch mixing workers
    becomes a few, in queue order. A replay after a failure is harmless: scan ids dedupe.
    """
    actors = actors_for({worker for _pos, _scan, worker in valid})
    runs: list = []
    for pos, scan, worker in valid:
        actor = actors.get(worker)
        if actor is None:
            results[pos] = _unknown_worker(scan.scan_id)
        elif runs and runs[-1][0] is actor:
            runs[-1][1].append((pos, scan))
        else:
            runs.append((actor, [(pos, scan)]))
    for actor, run in runs:
        for (pos, _scan), outcome in zip(run, apply_scans([scan for _pos, scan in run], actor)):
            results[pos] = outcome


def _load(item: dict):
    """A scan and the worker it names (None: the sender)."""
    data = scan_schema.load(item)
    worker = data.pop("worker_id", None)
    return scan_schema.to_scan(data), worker


@api_bp.post("/scans")
@login_required
def post_scan():
    """Apply one scan."""
    scan, worker = _load(json_body())
    results = [None]
    _apply_by_worker([(0, scan, worker)], results)
    outcome = results[0]
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
    valid = []
    for pos, item in enumerate(raw):
        try:
            if not isinstance(item, dict):
                raise ValidationError({"_schema": ["Each scan must be a JSON object."]})
            scan, worker = _load(item)
            valid.append((pos, scan, worker))
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
        _apply_by_worker(valid, results)
    return jsonify({"results": [outcome_dict(o) for o in results]}), 200
