"""The OpenAPI 3 document of /api/v1, built from the URL map, the routes' query fields and marshmallow schemas.

Every route under /api/v1 is described without a list to keep: its paths and path parameters from the
rule, its query from `with_query`, its body from BODIES, its answers from SUCCESS and the error shape.
"""

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import current_app, jsonify

from ..input_limits import MAX_JSON_DEPTH
from .alert_snooze import SnoozeIn
from .blueprint import api_bp
from .catalog.schemas import (
    BarcodeInSchema,
    ItemPatchSchema,
    ItemSchema,
    LocationSchema,
    MapCodeSchema,
    SiteSchema,
    SupplierSchema,
)
from .devices import HeartbeatIn
from .labels import LabelIn
from .openapi_paths import concrete_paths, numbers_as_numbers, operation_id, path_parameters
from .reports import RecomputeIn
from .return_schemas import CustomerReturnIn, SupplierReturnIn
from .scan_schemas import BatchSchema, ScanSchema
from .workflows.order_schemas import CancelIn, CompanyIn, DraftLineIn, DraftLinePatch, DraftPatch, MergeIn, SentIn
from .workflows.schemas import ActionIn, ApproveIn, CloseIn, CountIn, OrderIn, RecountIn, ShortIn

# The body each writing route loads (by endpoint), as a component of that name.
BODIES = {
    "api.post_scan": ("Scan", ScanSchema),
    "api.post_scan_batch": ("ScanBatch", BatchSchema),
    "api.create_item": ("Item", ItemSchema),
    "api.update_item": ("ItemPatch", ItemPatchSchema),
    "api.add_barcode": ("BarcodeIn", BarcodeInSchema),
    "api.create_supplier": ("Supplier", SupplierSchema),
    "api.create_site": ("Site", SiteSchema),
    "api.create_location": ("Location", LocationSchema),
    "api.map_unresolved": ("MapCode", MapCodeSchema),
    "api.create_purchase_order": ("OrderIn", OrderIn),
    "api.create_pick_list": ("OrderIn", OrderIn),
    "api.short_line": ("ShortIn", ShortIn),
    "api.start_count": ("CountIn", CountIn),
    "api.recount": ("RecountIn", RecountIn),
    "api.post_task_actions": ("TaskActionBatch", None),
    "api.device_heartbeat": ("Heartbeat", HeartbeatIn),
    "api.add_order_line": ("DraftLineIn", DraftLineIn),
    "api.update_order_line": ("DraftLinePatch", DraftLinePatch),
    "api.update_order_draft": ("DraftPatch", DraftPatch),
    "api.mark_order_sent": ("SentIn", SentIn),
    "api.cancel_order": ("CancelIn", CancelIn),
    "api.merge_orders": ("MergeIn", MergeIn),
    "api.company": ("CompanyIn", CompanyIn),
    "api.close_order_short": ("CloseIn", CloseIn),
    "api.approve_count": ("ApproveIn", ApproveIn),
    "api.replenishment_recompute": ("RecomputeIn", RecomputeIn),
    "api.snooze_alert": ("SnoozeIn", SnoozeIn),
    "api.post_customer_return": ("CustomerReturnIn", CustomerReturnIn),
    "api.post_supplier_return": ("SupplierReturnIn", SupplierReturnIn),
    "api.label_zpl": ("LabelIn", LabelIn),
}
OPTIONAL_BODIES = {"api.replenishment_recompute"}
# Success answers other than 200 OK.
SUCCESS = {
    "api.post_scan": {"200": "A replay of a scan already applied", "201": "Applied", "202": "Kept as unresolved"},
    "api.create_item": {"201": "Created"},
    "api.add_barcode": {"201": "Added"},
    "api.create_supplier": {"201": "Created"},
    "api.create_site": {"201": "Created"},
    "api.create_location": {"201": "Created"},
    "api.create_purchase_order": {"201": "Created"},
    "api.create_pick_list": {"201": "Created"},
    "api.import_orders": {"201": "Created"},
    "api.start_count": {"201": "Opened"},
    "api.remove_barcode": {"204": "Removed"},
    "api.device_heartbeat": {"204": "Recorded"},
    "api.add_order_line": {"201": "Added"},
    "api.post_customer_return": {"200": "A replay of a return already recorded", "201": "Recorded"},
    "api.post_supplier_return": {"200": "A replay of a return already recorded", "201": "Recorded"},
}
ERRORS = {
    "400": f"Malformed: not a JSON object, JSON deeper than {MAX_JSON_DEPTH}, or a missing CSRF token",
    "401": "Not logged in",
    "403": "Role too low",
    "404": "No such record",
    "405": "Not at this path (a path parameter that spells another route, e.g. pick-lists/import)",
    "409": "Conflicts with the record's state",
    "413": "Body or batch too large",
    "422": "Invalid input (out of range, NUL in text, a time outside its window)",
    "429": "Too many attempts",
}
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "fields"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "fields": {"type": "object"}},
        }
    },
}
JSON_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}


def _responses(endpoint: str) -> dict:
    success = SUCCESS.get(endpoint, {"200": "OK"})
    return {code: {"description": text} for code, text in success.items()} | {
        code: {"description": text, "content": JSON_ERROR} for code, text in ERRORS.items()
    }


def _operation(rule, view, method: str, picked: dict) -> dict:
    doc = (view.__doc__ or "").strip()
    op = {
        "summary": doc.splitlines()[0] if doc else rule.endpoint,
        "operationId": operation_id(rule.endpoint, method, picked),
        "security": [{"bearer": []}, {"session": []}],
        "responses": _responses(rule.endpoint),
    }
    params = path_parameters(rule)
    if getattr(view, "query_schema", None) is not None:
        params.append({"in": "query", "schema": view.query_schema})
    if params:
        op["parameters"] = params
    if method in ("POST", "PATCH", "PUT") and rule.endpoint in BODIES:
        ref = {"$ref": f"#/components/schemas/{BODIES[rule.endpoint][0]}"}
        required = rule.endpoint not in OPTIONAL_BODIES
        op["requestBody"] = {"required": required, "content": {"application/json": {"schema": ref}}}
    return op


def build_spec(app) -> dict:
    """Walk the API's routes and describe each with its parameters, body and every answer it can give."""
    spec = APISpec(
        title="Tanaoroshi inventory API", version="1.0.0", openapi_version="3.0.3", plugins=[MarshmallowPlugin()]
    )
    for name, schema in {name: schema for name, schema in BODIES.values() if schema}.items():
        if name not in spec.components.schemas:  # a nested schema the plugin has registered already
            spec.components.schema(name, schema=schema)
    spec.components.schema("ActionIn", schema=ActionIn)
    spec.components.schema(
        "TaskActionBatch",
        {
            "type": "object",
            "required": ["actions"],
            "properties": {
                "actions": {
                    "type": "array",
                    # Like a scan batch: each action is checked alone, and one that is not an ActionIn is
                    # rejected in its result while the others apply, so the batch itself takes any values.
                    "items": {"description": "an ActionIn (#/components/schemas/ActionIn)"},
                }
            },
        },
    )
    spec.components.schema("Error", ERROR)
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.security_scheme("session", {"type": "apiKey", "in": "cookie", "name": "session"})
    paths: dict[str, dict] = {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.endpoint.startswith("api.") or rule.endpoint == "api.openapi":
            continue
        view = app.view_functions[rule.endpoint]
        for path, picked in concrete_paths(rule):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                paths.setdefault(path, {})[method.lower()] = _operation(rule, view, method, picked)
    for path, operations in sorted(paths.items()):
        spec.path(path=path, operations=operations)
    return numbers_as_numbers(spec.to_dict())


@api_bp.get("/openapi.json")
def openapi():
    """This document."""
    return jsonify(build_spec(current_app))
