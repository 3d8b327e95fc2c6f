"""The OpenAPI document describes every /api/v1 route as it really is: paths, limits, queries, answers."""

import marshmallow
import pytest

import webapp.api  # noqa: F401  (every route and schema registered)
from webapp.input_limits import INT32_MAX, INT64_MAX

METHODS = ("get", "post", "patch", "put", "delete")


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").get_json()


def operations(document):
    for path, item in document["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield path, method, op


def test_paths_are_real_paths_with_no_converter_left(document):
    paths = set(document["paths"])
    assert not [p for p in paths if "<" in p or ">" in p or ":" in p]
    assert {
        "/api/v1/purchase-orders",
        "/api/v1/pick-lists/{task_id}/cancel",
        "/api/v1/count-sessions/{task_id}",
    } <= paths


def test_every_route_of_the_api_is_documented_including_ones_added_later(app, document):
    documented = {op["operationId"].split("_")[0] for _p, _m, op in operations(document)}
    routes = {r.endpoint.split(".")[1] for r in app.url_map.iter_rules() if r.endpoint.startswith("api.")}
    assert {name.split("_")[0] for name in routes if name != "openapi"} <= documented
    assert "post" in document["paths"]["/api/v1/session/sign-out-everywhere"]


def test_numeric_limits_are_numbers(document):
    service_level = document["components"]["schemas"]["Item"]["properties"]["service_level"]
    assert service_level["minimum"] == 0.5 and service_level["maximum"] == 0.9999
    item_id = next(p for p in document["paths"]["/api/v1/items/{item_id}"]["get"]["parameters"])
    assert item_id["schema"] == {"type": "integer", "minimum": 0, "maximum": INT32_MAX}


def test_query_parameters_are_documented_with_their_bounds(document):
    params = {p["name"]: p for p in document["paths"]["/api/v1/items"]["get"]["parameters"]}
    assert set(params) == {"q", "all", "limit", "offset"}
    assert params["limit"]["schema"]["maximum"] == 500 and params["offset"]["schema"]["maximum"] == INT32_MAX
    movements = {p["name"] for p in document["paths"]["/api/v1/movements"]["get"]["parameters"]}
    assert {"before_id", "since", "until", "limit", "type"} <= movements


def test_every_operation_documents_its_success_and_every_error_with_the_error_schema(document):
    for path, method, op in operations(document):
        codes = set(op["responses"])
        assert {"400", "401", "403", "404", "409", "413", "422", "429"} <= codes, (path, method)
        assert codes & {"200", "201", "202", "204"}, (path, method)
        assert op["responses"]["422"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert set(document["paths"]["/api/v1/items"]["post"]["responses"]) & {"200", "201"} == {"201"}
    assert "requestBody" in document["paths"]["/api/v1/items/{item_id}"]["patch"]


def loaded_schemas(app):
    """Every schema a request is loaded with: bodies, their nested schemas, each route's query."""
    from webapp.api.openapi import BODIES
    from webapp.api.workflows.schemas import ActionIn

    todo = [schema() for _name, schema in BODIES.values() if schema] + [ActionIn()]
    todo += [v.query_schema for v in app.view_functions.values() if getattr(v, "query_schema", None)]
    while todo:
        schema = todo.pop()
        yield schema
        loaded = [f for f in schema.fields.values() if not f.dump_only]
        todo += [f.schema for f in loaded if isinstance(f, marshmallow.fields.Nested)]
        todo += [
            f.inner.schema
            for f in loaded
            if isinstance(f, marshmallow.fields.List) and isinstance(f.inner, marshmallow.fields.Nested)
        ]


def test_every_integer_the_api_loads_is_bounded_within_a_column(app):
    """A new schema with a bare fields.Integer fails here, before a fuzzer finds its 500."""
    unbounded = []
    for schema in loaded_schemas(app):
        for name, field in schema.fields.items():
            inner = field.inner if isinstance(field, marshmallow.fields.List) else field
            if not isinstance(inner, marshmallow.fields.Integer) or inner.dump_only:
                continue
            ranges = [v for v in inner.validators if isinstance(v, marshmallow.validate.Range)]
            if not ranges or ranges[0].min is None or ranges[0].max is None or ranges[0].max > INT64_MAX:
                unbounded.append(f"{type(schema).__name__}.{name}")
    assert unbounded == []
