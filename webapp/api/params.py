"""Query-string parsing with the API's error shape."""

from datetime import datetime

from flask import request

from ..errors import AppError, InvalidInput


def int_arg(name: str, default: int | None = None, *, lo: int | None = None, hi: int | None = None) -> int | None:
    """An integer query parameter, range-checked."""
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a whole number.", fields={name: ["not an integer"]}) from None
    if (lo is not None and value < lo) or (hi is not None and value > hi):
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
