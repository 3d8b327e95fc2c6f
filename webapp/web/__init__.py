"""HTML pages for the PWA and the office."""
from flask import Blueprint

web_bp = Blueprint("web", __name__)

from . import pages, shell, workflows, office, office_items, office_admin, office_codes  # noqa: E402,F401
