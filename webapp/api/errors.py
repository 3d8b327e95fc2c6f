"""One JSON error shape for the whole API, and the mapping from named exceptions to HTTP."""

from flask import jsonify
from flask_wtf.csrf import CSRFError
from marshmallow import ValidationError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from .. import errors

STATUS = {
    errors.InvalidInput: 422,
    errors.NotFound: 404,
    errors.Conflict: 409,
    errors.Forbidden: 403,
    errors.Unauthorized: 401,
    errors.Expired: 410,
    errors.Locked: 429,
    errors.AppError: 400,
}


def error_response(status: int, code: str, message: str, fields: dict | None = None):
    """The API's only error body: {"error": {"code", "message", "fields"}}."""
    return jsonify({"error": {"code": code, "message": message, "fields": fields or {}}}), status


def register_error_handlers(bp) -> None:
    @bp.errorhandler(errors.AppError)
    def app_error(exc: errors.AppError):
        status = next(s for cls, s in STATUS.items() if isinstance(exc, cls))
        return error_response(status, exc.code, exc.message, exc.fields)

    @bp.errorhandler(ValidationError)
    def validation_error(exc: ValidationError):
        fields = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        return error_response(422, "validation_error", "The request has invalid or missing fields.", fields)

    @bp.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError):
        return error_response(400, "csrf_failed", exc.description or "The CSRF token is missing or invalid.")

    @bp.errorhandler(StaleDataError)
    def stale(_exc):
        return error_response(409, "conflict", "Someone else changed this record; reload and try again.")

    @bp.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        code = {413: "too_large", 429: "rate_limited", 405: "method_not_allowed"}.get(
            exc.code, (exc.name or "error").lower().replace(" ", "_")
        )
        return error_response(exc.code or 500, code, exc.description or exc.name)


def register_app_fallbacks(app) -> None:
    """Errors raised before a blueprint is chosen (404 on unknown paths, 413 while reading the body)."""
    from flask import request

    @app.errorhandler(HTTPException)
    def any_http_error(exc: HTTPException):
        if request.path.startswith("/api/"):
            code = {413: "too_large", 404: "not_found", 405: "method_not_allowed"}.get(exc.code, "error")
            return error_response(exc.code or 500, code, exc.description or exc.name)
        return exc

    @app.errorhandler(errors.AppError)
    def page_error(exc: errors.AppError):
        # Pages get a plain HTTP error of the mapped status; so does an /api/ path no route matched,
        # in the API's shape (refused by a check that runs before routing, e.g. a NUL in the query).
        status = next(s for cls, s in STATUS.items() if isinstance(exc, cls))
        if request.path.startswith("/api/"):
            return error_response(status, exc.code, exc.message, exc.fields)
        return exc.message, status
