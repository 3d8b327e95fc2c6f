"""The versioned JSON API, /api/v1: one module of routes per capability, marshmallow schemas at the
edge, one error shape ({"error": {"code", "message", "fields"}}) and the OpenAPI document.
"""

from . import admin, alert_snooze, devices, errors, labels, openapi, reports, returns, scans, sessions, stock  # noqa: F401  (each registers its routes)
from .blueprint import api_bp
from .catalog import items  # noqa: F401
from .workflows import actions, orders, tasks  # noqa: F401

errors.register_error_handlers(api_bp)

__all__ = ["api_bp"]
