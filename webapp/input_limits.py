"""The limits every request is held to before a handler or the database sees it.

Integers in paths fit a 32-bit column (SQLite takes 64 bits, PostgreSQL's `integer` 32, so the
narrower one decides); text carries no NUL (PostgreSQL refuses it in any text column); JSON is at
most MAX_JSON_DEPTH deep (Python's parser and marshmallow recurse); times lie in a window.
"""

from datetime import UTC, date, datetime, timedelta

from flask import request
from flask_babel import gettext as _
from werkzeug.routing import IntegerConverter

from .domain.text_encoding import UndecodableText, decode_csv
from .errors import AppError, InvalidInput

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
MAX_JSON_DEPTH = 32  # a scan batch is 3 deep; nothing the app takes comes near
EARLIEST_TIME = datetime(2000, 1, 1, tzinfo=UTC)  # before any phone ran this app: a reset clock
FUTURE_SKEW = timedelta(days=1)  # a phone's clock may run ahead by this much, no more
EARLIEST_DATE, LATEST_DATE = date(2000, 1, 1), date(2100, 12, 31)
LATEST_TIME = datetime(2101, 1, 1, tzinfo=UTC)  # the latest a filter may name


class Int32Converter(IntegerConverter):
    """`<int:...>` in every route: ids beyond a 32-bit key match no route, so they are a 404."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", INT32_MAX)
        super().__init__(map, *args, **kwargs)


def install_int32_ids(state) -> None:
    """Blueprint record_once hook: must run before any route is bound to the URL map."""
    state.app.url_map.converters["int"] = Int32Converter


def json_depth(value) -> int:
    """How deeply lists and objects nest in a parsed JSON value, walked without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                return depth
            stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def has_nul(value) -> bool:
    """Whether any string (key or value) in a parsed JSON value holds a NUL character."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if "\x00" in node:
                return True
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _nul_refused(where: str) -> InvalidInput:
    return InvalidInput(_("Text may not contain NUL characters."), code="nul_character", fields={where: ["NUL"]})


def _too_deep() -> AppError:
    return AppError(f"JSON may nest at most {MAX_JSON_DEPTH} levels.", code="too_deep", fields={"body": ["depth"]})


def check_request_input() -> None:
    """Before every request: refuse NUL in the query string and form, and JSON too deep or with NUL."""
    if any("\x00" in k or "\x00" in v for k, v in request.args.items(multi=True)):
        raise _nul_refused("query")
    if any("\x00" in v for _k, v in request.headers.items()):  # X-Device-Id is stored with each scan
        raise _nul_refused("headers")
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data") and any(
            "\x00" in k or "\x00" in v for k, v in request.form.items(multi=True)
        ):
            raise _nul_refused("form")
        if request.is_json:
            try:
                body = request.get_json(silent=True)
            except RecursionError:
                raise _too_deep() from None
            if json_depth(body) > MAX_JSON_DEPTH:
                raise _too_deep()
            if has_nul(body):
                raise _nul_refused("body")


def install_request_checks(state) -> None:
    """Blueprint record_once hook: every request of the app, pages and API alike, is checked."""
    state.app.before_request_funcs.setdefault(None, []).insert(0, check_request_input)


def time_problem(value: datetime, now: datetime | None = None) -> str | None:
    """Why a client's timestamp is refused, or None: before 2000, or more than a day ahead of the server."""
    now = now or datetime.now(UTC)
    if value < EARLIEST_TIME:
        return _("The time is before %(year)s: check the device's clock.", year=EARLIEST_TIME.year)
    if value > now + FUTURE_SKEW:
        return _("The time is more than a day in the future: check the device's clock.")
    return None


def int_list(values, name: str) -> list[int]:
    """Form values that must all be ids (a posted checkbox list), or a 422 naming the field."""
    try:
        ids = [int(v) for v in values]
    except ValueError:
        ids = None
    if ids is None or any(not 0 < i <= INT32_MAX for i in ids):
        raise InvalidInput(_("Choose from the list shown."), fields={name: ["not an id"]})
    return ids


def form_int(raw: str | None, lo: int = 0, hi: int = INT32_MAX) -> int | None:
    """A whole number typed into a form or a query, None when left empty; anything else a 422."""
    raw = (raw or "").strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or not lo <= int(raw) <= hi:
        raise InvalidInput(_("Enter a whole number from %(lo)s to %(hi)s.", lo=lo, hi=hi), fields={"number": [raw]})
    return int(raw)


def query_id(raw: str | None) -> int | None:
    """An id in a page's query string (a filter): anything that cannot be one means no filter."""
    raw = raw or ""
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < int(raw) <= INT32_MAX else None


def uploaded_text(upload) -> str:
    """An uploaded CSV as text: UTF-8 (a BOM allowed) or Shift_JIS as Excel saves it, without NUL; else a 422."""
    return csv_text(upload.read(), "file")


def csv_text(data: bytes, field: str = "body") -> str:
    """CSV bytes decoded (UTF-8, BOM or not, then CP932); undecodable or NUL-holding bytes are a 422 naming the line."""
    try:
        text, _encoding = decode_csv(data)
    except UndecodableText as exc:
        raise InvalidInput(
            _(
                "Line %(line)d of the file is neither UTF-8 nor Shift_JIS. Save it from Excel as CSV and try again.",
                line=exc.line,
            ),
            code="undecodable_csv",
            fields={field: [f"line {exc.line}"]},
        ) from None
    if "\x00" in text:
        raise _nul_refused(field)
    return text
