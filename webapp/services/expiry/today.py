"""The shop's date: expiry dates are local dates, so "today" is the day in the shop's time zone."""

from datetime import date
from zoneinfo import ZoneInfo

from flask import current_app

from ...models.types import utcnow


def shop_today() -> date:
    """Today in the shop's time zone (BABEL_DEFAULT_TIMEZONE, Asia/Tokyo by default)."""
    return utcnow().astimezone(ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo")).date()
