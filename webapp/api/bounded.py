"""Marshmallow fields bounded to what their column holds: every integer, time and date the API takes."""

from datetime import datetime

from marshmallow import ValidationError, fields, validate

from ..input_limits import EARLIEST_DATE, EARLIEST_TIME, INT32_MAX, LATEST_DATE, LATEST_TIME, time_problem


def Int(lo: int = -INT32_MAX, hi: int = INT32_MAX, **kwargs) -> fields.Integer:
    """A JSON integer (never a float or a string) within [lo, hi], by default a 32-bit column's range."""
    kwargs.setdefault("strict", True)
    return fields.Integer(validate=validate.Range(min=lo, max=hi), **kwargs)


def Id(**kwargs) -> fields.Integer:
    """A row id: 1 up to the largest 32-bit key."""
    return Int(1, INT32_MAX, **kwargs)


def QueryInt(lo: int = 0, hi: int = INT32_MAX, **kwargs) -> fields.Integer:
    """An integer from the query string (text there), within [lo, hi]."""
    return Int(lo, hi, strict=False, **kwargs)


def _in_window(value) -> None:
    problem = time_problem(value)
    if problem:
        raise ValidationError(problem)


def Timestamp(**kwargs) -> fields.AwareDateTime:
    """A client's time with its offset, from 2000 up to a day ahead of the server's clock."""
    return fields.AwareDateTime(validate=_in_window, **kwargs)


def Day(**kwargs) -> fields.Date:
    """A calendar date between 2000 and 2100 (an expiry, a report's bounds)."""
    return fields.Date(validate=validate.Range(min=EARLIEST_DATE, max=LATEST_DATE), **kwargs)


def QueryTime(**kwargs) -> fields.AwareDateTime:
    """A time filter from the query string, with its offset, between 2000 and 2100."""
    return fields.AwareDateTime(validate=validate.Range(min=EARLIEST_TIME, max=LATEST_TIME), **kwargs)


def Text(hi: int, lo: int = 0, **kwargs) -> fields.String:
    """A string of lo..hi characters (NUL is refused for every request before it gets here)."""
    checks = [validate.Length(min=lo, max=hi), *([kwargs.pop("validate")] if "validate" in kwargs else [])]
    return fields.String(validate=checks, **kwargs)


def Flag(**kwargs) -> fields.Boolean:
    """A query switch: 1/0, true/false; absent is off."""
    return fields.Boolean(load_default=False, **kwargs)


def _cursor_in_window(value: str) -> None:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return  # not a time at all: the service answers bad_cursor, as phones expect
    if when.tzinfo is not None and not EARLIEST_TIME <= when <= LATEST_TIME:
        raise ValidationError("The cursor is not one this server gave out.")


def Cursor(**kwargs) -> fields.String:
    """A delta cursor this server gave out (a time with its offset), never one outside 2000-2100."""
    return Text(64, validate=_cursor_in_window, **kwargs)


class StrictBool(fields.Boolean):
    """A JSON true or false, nothing that merely looks like one (1, "yes")."""

    def _deserialize(self, value, attr, data, **kwargs):
        if type(value) is not bool:
            raise self.make_error("invalid")
        return value
