"""Lots of the retro clock with their expiry dates around the shop's today, as GS1 codes a phone reads."""

from datetime import date, timedelta

from tests.workflow_fixtures import put_stock
from webapp.services.expiry import shop_today

CLOCK = "4901234567894"


def gs1(lot: str, expiry: date, gtin: str = CLOCK) -> str:
    """The GS1 element string of a carton label: GTIN, expiry (17) and lot (10)."""
    return f"(01)0{gtin}(17){expiry:%y%m%d}(10){lot}"


def days_from_today(n: int) -> date:
    return shop_today() + timedelta(days=n)


def receive_lot(who, bin_code: str, quantity: int, lot: str, expiry: date, gtin: str = CLOCK) -> None:
    """Stock of one lot received into a bin by scanning its GS1 label."""
    put_stock(who, bin_code, quantity, code=gs1(lot, expiry, gtin))
