"""Query-string parsing with the API's error shape."""
from datetime import datetime

from flask import request

from ..errors import InvalidInput


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
