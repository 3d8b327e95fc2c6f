"""The office's alerts: open ones newest first, acknowledged (who, when) and snoozed until a time."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import aliased

from ...auth.roles import require_role
from ...errors import AppError
from ...extensions import db
from ...models import Alert, Item, Site, User
from ...models.types import utcnow
from ...services.notifications import acknowledge, snooze
from ..blueprint import web_bp
from ..pages import render_fragment
from ..strings import error_message
from .dashboard import office_context
from .labels import ALERT_LABELS

# The snooze choices a busy owner taps; "tomorrow" is 9:00 next morning in the shop's time zone.
SNOOZE_HOURS = {"1h": 1, "4h": 4, "1w": 24 * 7}


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo")


def snooze_until(choice: str, custom: str, now: datetime) -> datetime | None:
    """The end of the snooze a form asks for (a preset or a local date and time), None when unreadable."""
    if choice in SNOOZE_HOURS:
        return now + timedelta(hours=SNOOZE_HOURS[choice])
    if choice == "tomorrow":
        day = now.astimezone(_zone()).date() + timedelta(days=1)
        return datetime.combine(day, time(9), _zone())
    try:
        return datetime.fromisoformat(custom[:16]).replace(tzinfo=_zone()) if custom else None
    except ValueError:
        return None


@web_bp.route("/office/alerts")
@require_role("manager")
def office_alerts():
    """Open alerts, newest first (refreshes itself); snoozed ones only when asked for."""
    kind = request.args.get("kind")
    show_snoozed = request.args.get("snoozed") == "1"
    now = utcnow()
    acker, snoozer = aliased(User), aliased(User)
    stmt = (
        select(Alert, Item, Site, acker, snoozer)
        .outerjoin(Item, Alert.item_id == Item.id)
        .outerjoin(Site, Alert.site_id == Site.id)
        .outerjoin(acker, Alert.acknowledged_by == acker.id)
        .outerjoin(snoozer, Alert.snoozed_by == snoozer.id)
        .where(Alert.open_key.is_not(None))
        .order_by(Alert.updated_at.desc())
        .limit(200)
    )
    snoozed = Alert.snoozed_until > now
    stmt = stmt.where(snoozed if show_snoozed else ~snoozed | Alert.snoozed_until.is_(None))
    if kind in ALERT_LABELS:
        stmt = stmt.where(Alert.kind == kind)
    return render_fragment(
        "office/alerts.html",
        "office/_alerts.html",
        **office_context(
            alerts=db.session.execute(stmt).all(),
            kind=kind if kind in ALERT_LABELS else None,
            show_snoozed=show_snoozed,
            alert_labels=ALERT_LABELS,
            now=now,
        ),
    )


def _back():
    kind = request.form.get("kind")
    return redirect(url_for("web.office_alerts", kind=kind if kind in ALERT_LABELS else None), code=303)


@web_bp.route("/office/alerts/<int:alert_id>/acknowledge", methods=["POST"])
@require_role("manager")
def office_acknowledge_alert(alert_id: int):
    """Mark the alert as seen; it stays open until its condition clears."""
    try:
        acknowledge(alert_id, current_user.id)
        flash(_("Alert acknowledged."), "ok")
    except AppError as exc:
        flash(error_message(exc, not_found=_("No such alert.")), "error")
    return _back()


@web_bp.route("/office/alerts/<int:alert_id>/snooze", methods=["POST"])
@require_role("manager")
def office_snooze_alert(alert_id: int):
    """Hide the alert and hold its e-mails and webhooks until the chosen time; "wake" shows it again now."""
    now = utcnow()
    waking = request.form.get("choice") == "wake"
    until = None if waking else snooze_until(request.form.get("choice", ""), request.form.get("until", ""), now)
    try:
        if until is None and not waking:
            raise AppError("unreadable snooze time", code="bad_snooze")
        snooze(alert_id, current_user.id, until, now)
        if waking:
            flash(_("Alert shown again."), "ok")
        else:
            local = until.astimezone(_zone())
            flash(_("Alert snoozed until %(when)s.", when=local.strftime("%Y-%m-%d %H:%M")), "ok")
    except AppError as exc:
        flash(
            error_message(
                exc,
                bad_snooze=_("Choose a time within the next 90 days."),
                alert_resolved=_("This alert has already cleared."),
                not_found=_("No such alert."),
            ),
            "error",
        )
    return _back()
