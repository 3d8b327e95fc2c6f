"""The office's Phones page: add a phone by QR code (one-time link), the paired phones' health, revoke."""

from datetime import timedelta

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ...auth.devices import public_base
from ...auth.roles import require_role
from ...errors import AppError
from ...models.types import utcnow
from ...services.devices import PAIRING_MINUTES, badge_roster, create_pairing, list_devices, revoke_device
from ..blueprint import web_bp
from ..pages import render_fragment
from ..qr import qr_svg
from .dashboard import office_context

# A phone whose oldest unsent scan is older than this, or not seen for this long, is flagged on the list.
STALE_QUEUE = timedelta(hours=1)
QUIET = timedelta(days=1)
ROLE_LABELS = {"worker": _l("Worker"), "manager": _l("Manager"), "owner": _l("Owner")}


def _phones_context(**extra) -> dict:
    now = utcnow()
    devices = list_devices()
    return {
        "live": [d for d in devices if d.revoked_at is None],
        "removed": [d for d in devices if d.revoked_at is not None][:20],
        "now": now,
        "stale_queue": now - STALE_QUEUE,
        "quiet": now - QUIET,
        "role_labels": ROLE_LABELS,
    } | extra


def _people() -> list:
    return badge_roster(current_user.id)


@web_bp.route("/office/phones")
@require_role("manager")
def office_phones():
    """Paired phones with their health; Add a phone; the list refreshes itself (htmx fragment)."""
    return render_fragment(
        "office/phones.html",
        "office/_phones.html",
        **office_context(**_phones_context(people=_people(), minutes=PAIRING_MINUTES)),
    )


def _default_name(user_id: int | None, people: list) -> str:
    if user_id is None:
        return _("Shared phone %(n)d", n=sum(1 for d in list_devices() if d.shared) + 1)
    name = next((p.name for p in people if p.user_id == user_id), "")
    return _("%(name)s's phone", name=name)


@web_bp.route("/office/phones/pair", methods=["POST"])
@require_role("manager")
def office_pair_phone():
    """Make a one-time pairing link for a worker's phone or a shared phone, shown as a QR code."""
    people = _people()
    who = request.form.get("user", "shared")
    user_id = int(who) if who.isdigit() else None
    name = request.form.get("name", "").strip() or _default_name(user_id, people)
    try:
        pairing = create_pairing(current_user.id, name, user_id=user_id)
    except AppError as exc:
        error = {
            "invalid": _("A phone name has at most 80 characters."),
            "unknown_user": _("That person is not an active user."),
        }.get(exc.code, _("Only the owner may pair a phone for a manager or the owner."))
        return render_fragment(
            "office/phones.html",
            "office/_pairing.html",
            **office_context(**_phones_context(people=people, minutes=PAIRING_MINUTES, error=error)),
        ), 422
    link = public_base() + url_for("auth.pair", token=pairing.token)
    holder = next((p.name for p in people if p.user_id == user_id), None)
    response = render_fragment(
        "office/phones.html",
        "office/_pairing.html",
        **office_context(
            **_phones_context(
                people=people, minutes=PAIRING_MINUTES, pairing=pairing, link=link, qr=qr_svg(link), holder=holder
            )
        ),
    )
    response.headers["Cache-Control"] = "no-store"  # the link is a secret until it is used
    return response


@web_bp.route("/office/phones/<int:device_id>/revoke", methods=["POST"])
@require_role("manager")
def office_revoke_phone(device_id: int):
    """Remove a phone: refused from its next request; its unsent scans stay on it until it is paired again."""
    try:
        revoke_device(device_id, current_user.id)
        notice = ("ok", _("The phone was removed. It stops working at once; its unsent scans stay on it."))
    except AppError:
        notice = ("error", _("That phone is not on the list."))
    if request.headers.get("HX-Request") == "true":
        return render_fragment(
            "office/phones.html", "office/_phones.html", **office_context(**_phones_context(notice=notice))
        )
    flash(notice[1], notice[0])
    return redirect(url_for("web.office_phones"), code=303)
