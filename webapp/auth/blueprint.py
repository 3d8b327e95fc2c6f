"""The blueprint of sign-in: passwords, pairing links, badges."""

from flask import Blueprint

from .devices import check_device

auth_bp = Blueprint("auth", __name__)
# Every request of the app, not only this blueprint's: a removed phone is refused everywhere.
auth_bp.before_app_request(check_device)
