"""The OpenAPI 3 document of /api/v1, built from the routes and marshmallow schemas."""

import re

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import current_app, jsonify

from .blueprint import api_bp
from .catalog.schemas import (
    AlertSchema,
    BarcodeInSchema,
    ItemPatchSchema,
    ItemSchema,
    LocationSchema,
    MapCodeSchema,
    MovementSchema,
    SiteSchema,
    SupplierSchema,
)
from .devices import HeartbeatIn
from .scan_schemas import BatchSchema, ScanOutcomeSchema, ScanSchema
from .workflows.schemas import ActionIn, CountIn, OrderIn, RecountIn, ShortIn

REQUEST_BODIES = {
    "api.post_scan": "Scan",
    "api.post_scan_batch": "ScanBatch",
    "api.create_item": "Item",
    "api.update_item": "ItemPatch",
    "api.add_barcode": "BarcodeIn",
    "api.create_supplier": "Supplier",
    "api.create_site": "Site",
    "api.create_location": "Location",
    "api.map_unresolved": "MapCode",
    "api.create_purchase_order": "OrderIn",
    "api.create_pick_list": "OrderIn",
    "api.short_line": "ShortIn",
    "api.start_count": "CountIn",
    "api.recount": "RecountIn",
    "api.post_task_actions": "TaskActionBatch",
    "api.device_heartbeat": "Heartbeat",
}
ERROR = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "fields": {"type": "object"}},
        }
    },
}


def build_spec(app) -> dict:
    """Walk the API's routes and describe each with its docstring, body schema and error shape."""
    spec = APISpec(
        title="Tanaoroshi inventory API", version="1.0.0", openapi_version="3.0.3", plugins=[MarshmallowPlugin()]
    )
    for name, schema in [
        ("Scan", ScanSchema),
        ("ScanBatch", BatchSchema),
        ("ScanOutcome", ScanOutcomeSchema),
        ("BarcodeIn", BarcodeInSchema),
        ("Item", ItemSchema),
        ("ItemPatch", ItemPatchSchema),
        ("Supplier", SupplierSchema),
        ("Site", SiteSchema),
        ("Location", LocationSchema),
        ("Movement", MovementSchema),
        ("Alert", AlertSchema),
        ("MapCode", MapCodeSchema),
    ]:
        spec.components.schema(name, schema=schema)
    for name, schema in [
        ("OrderIn", OrderIn),
        ("ShortIn", ShortIn),
        ("CountIn", CountIn),
        ("RecountIn", RecountIn),
        ("ActionIn", ActionIn),
        ("Heartbeat", HeartbeatIn),
    ]:
        spec.components.schema(name, schema=schema)
    spec.components.schema(
        "TaskActionBatch",
        {
            "type": "object",
            "required": ["actions"],
            "properties": {"actions": {"type": "array", "items": {"$ref": "#/components/schemas/ActionIn"}}},
        },
    )
    spec.components.schema("Error", ERROR)
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.security_scheme("session", {"type": "apiKey", "in": "cookie", "name": "session"})
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.endpoint.startswith("api.") or rule.endpoint == "api.openapi":
            continue
        view = app.view_functions[rule.endpoint]
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        operations = {}
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            op = {
                "summary": (view.__doc__ or "").strip().splitlines()[0] if view.__doc__ else rule.endpoint,
                "operationId": rule.endpoint.split(".", 1)[1]
                + ("" if method in ("GET", "POST") else "_" + method.lower()),
                "security": [{"bearer": []}, {"session": []}],
                "responses": {
                    "200": {"description": "OK"},
                    **{
                        code: {
                            "description": text,
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                        }
                        for code, text in (("401", "Not logged in"), ("403", "Role too low"), ("422", "Invalid input"))
                    },
                },
            }
            integers = set(re.findall(r"<int:(\w+)>", rule.rule))
            params = [
                {
                    "name": arg,
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer" if arg in integers else "string"},
                }
                for arg in sorted(rule.arguments)
            ]
            if params:
                op["parameters"] = params
            if method in ("POST", "PATCH") and rule.endpoint in REQUEST_BODIES:
                op["requestBody"] = {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": f"#/components/schemas/{REQUEST_BODIES[rule.endpoint]}"}
                        }
                    },
                }
            operations[method.lower()] = op
        spec.path(path=path, operations=operations)
    return spec.to_dict()


@api_bp.get("/openapi.json")
def openapi():
    """This document."""
    return jsonify(build_spec(current_app))
