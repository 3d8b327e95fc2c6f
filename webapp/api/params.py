"""Query-string parsing with the API's error shape: each route declares its query as marshmallow fields."""

import functools
from datetime import datetime

from flask import request
from marshmallow import EXCLUDE, Schema

from ..errors import AppError, InvalidInput
from ..input_limits import INT32_MAX, time_problem


def with_query(**spec):
    """Load the query string by these fields and pass it to the view as `query`; OpenAPI documents them."""
    schema = Schema.from_dict(spec)(unknown=EXCLUDE)

    def decorate(view):
        @functools.wraps(view)
        def loaded(*args, **kwargs):
            return view(*args, query=schema.load(request.args), **kwargs)

        loaded.query_schema = schema
        return loaded

    return decorate


def int_arg(name: str, default: int | None = None, *, lo: int = 0, hi: int = INT32_MAX) -> int | None:
    """An integer query parameter, range-checked (never beyond a 32-bit column)."""
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a whole number.", fields={name: ["not an integer"]}) from None
    if not lo <= value <= hi:
        raise InvalidInput(f"{name} must be between {lo} and {hi}.", fields={name: ["out of range"]})
    return value


def time_arg(name: str) -> datetime | None:
    """An ISO 8601 time with timezone."""
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        raise InvalidInput(f"{name} must be an ISO 8601 time with a timezone.", fields={name: ["bad time"]})
    if problem := time_problem(value):
        raise InvalidInput(problem, fields={name: ["out of range"]})
    return value


def json_body() -> dict:
    """The request's JSON object, or a 400 with code malformed_json."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise AppError("The body must be a JSON object.", code="malformed_json")
    return body


def first_message(messages) -> str:
    """The first of marshmallow's nested error messages, as "field: message"."""
    if isinstance(messages, dict):
        for field, value in messages.items():
            return f"{field}: {first_message(value)}"
    if isinstance(messages, list) and messages:
        return first_message(messages[0])
    return str(messages)
