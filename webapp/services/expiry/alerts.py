"""Expiry alerts: one open alert per item, site, bin and lot from N days before expiry until the lot is gone."""

from datetime import date

from sqlalchemy import select

from ...domain.expiry import alert_days, expiry_state
from ...extensions import db
from ...models import Alert, Item, Location, StockLevel
from ..core import transactional
from ..notifications import clear_alert, raise_alert
from .today import shop_today

EXPIRY_KIND = "expiry"


def _code(location_id: int, lot: str) -> str:
    """The alert's code: the bin and the lot, so each lot in each bin is alerted once."""
    return f"{location_id}:{lot}"


def _wanted(today: date, item_ids) -> dict[tuple, dict]:
    """(item, site, code) -> details, for every lot in stock outside quarantine within its alert days."""
    stmt = (
        select(
            StockLevel.item_id,
            Location.site_id,
            StockLevel.location_id,
            Location.code,
            StockLevel.lot,
            StockLevel.expiry,
            StockLevel.quantity,
            Item.expiry_alert_days,
            Item.category,
        )
        .join(Location, StockLevel.location_id == Location.id)
        .join(Item, StockLevel.item_id == Item.id)
        .where(StockLevel.quantity > 0, StockLevel.expiry.is_not(None), Location.kind != "quarantine")
    )
    if item_ids is not None:
        stmt = stmt.where(StockLevel.item_id.in_(item_ids))
    wanted = {}
    for item_id, site_id, loc_id, bin_code, lot, expiry, qty, days, category in db.session.execute(stmt):
        state = expiry_state(expiry, today, alert_days(days, category))
        if state == "ok":
            continue
        wanted[(item_id, site_id, _code(loc_id, lot))] = {
            "lot": lot,
            "expiry": expiry.isoformat(),
            "bin": bin_code,
            "on_hand": int(qty),
            "days_left": (expiry - today).days,
            "expired": state == "expired",
        }
    return wanted


def check_expiry_alerts(item_ids=None, today: date | None = None) -> dict:
    """Raise, refresh or resolve expiry alerts (of these items, or all) in the caller's transaction."""
    today = today or shop_today()
    item_ids = set(item_ids) if item_ids is not None else None
    wanted = _wanted(today, item_ids)
    stmt = select(Alert.item_id, Alert.site_id, Alert.code, Alert.details).where(
        Alert.kind == EXPIRY_KIND, Alert.open_key.is_not(None)
    )
    if item_ids is not None:
        stmt = stmt.where(Alert.item_id.in_(item_ids))
    already_open = {(i, s, c): d for i, s, c, d in db.session.execute(stmt)}
    raised = resolved = 0
    for (item_id, site_id, code), details in sorted(wanted.items()):
        # Written only on a change, so a daily run over steady stock writes nothing.
        if already_open.get((item_id, site_id, code)) != details:
            raised += (item_id, site_id, code) not in already_open
            word = "expired on" if details["expired"] else "expires on"
            raise_alert(
                EXPIRY_KIND,
                item_id=item_id,
                site_id=site_id,
                code=code,
                message=f"lot {details['lot'] or '-'} in {details['bin']} {word} {details['expiry']}",
                details=details,
            )
    for item_id, site_id, code in sorted(set(already_open) - set(wanted)):
        clear_alert(EXPIRY_KIND, item_id=item_id, site_id=site_id, code=code)
        resolved += 1
    return {"raised": raised, "resolved": resolved, "open": len(wanted)}


@transactional
def run_expiry_alerts(today: date | None = None) -> dict:
    """The daily check of every lot in stock: what to alert, what no longer needs it."""
    return check_expiry_alerts(None, today)
